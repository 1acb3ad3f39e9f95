import { beforeAll, describe, expect, it } from 'vitest';
import type { Constraint, BookingTask } from '../../src/core/schemas/task.js';
import { TASK_SCHEMA_VERSION } from '../../src/core/schemas/task.js';
import { SITES, catalogueFor } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { lintTask, type LintRule } from '../../src/tasks/lint-instruction.js';
import type { World } from '../../src/world/world.js';
import { testWorld } from '../helpers/test-server.js';

const base = { stage: 'search' as const };
const task = (site: string, instruction: string, constraints: Constraint[]): BookingTask => ({
  schemaVersion: TASK_SCHEMA_VERSION,
  id: 't',
  site,
  instruction,
  constraints,
  target: { params: {}, listingId: 'l', choices: {}, attrs: {}, travellers: [], contact: {}, extras: {} },
  metadata: { seed: 1, worldSeed: 1, worldVersion: 1, difficulty: 'easy', split: 'train', templateIds: [] },
});
const booked: Constraint = { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Complete the booking.' };
const rules = (t: BookingTask): LintRule[] => [...new Set(lintTask(t).map((f) => f.rule))].sort();

describe('the instruction linter, on the garbled instructions the generator once made', () => {
  it('flags an imperative glued where a noun belongs ("Don\'t add choose your seats.")', () => {
    const seat: Constraint = { id: 'no-seat', kind: 'addon', stage: 'details', field: 'seat', chosen: false, phrase: "Don't add choose your seats." };
    expect(rules(task('skyhop', "Book a flight to Madrid. Don't add choose your seats. Complete the booking.", [seat, booked]))).toContain('imperative-after-noun-slot');
    const fixed: Constraint = { ...seat, phrase: "Don't add seat selection." };
    expect(rules(task('skyhop', "Book a flight to Madrid. Don't add seat selection. Complete the booking.", [fixed, booked]))).toEqual([]);
  });

  it('flags doubled articles ("for the The Paper Lanterns concert") and a/an before the wrong sound', () => {
    const p: Constraint = { ...base, id: 'performer', kind: 'exact', field: 'performer', value: 'The Paper Lanterns', phrase: 'for the The Paper Lanterns concert' };
    expect(rules(task('ticketnest', 'Book tickets in Lisbon for the The Paper Lanterns concert. Complete the booking.', [p, booked]))).toContain('article-doubling');
    const g: Constraint = { id: 'genre', kind: 'exact', stage: 'selection', field: 'genre', value: 'indie', phrase: "I'd like a indie gig." };
    expect(rules(task('ticketnest', "Book tickets in Rome. I'd like a indie gig. Complete the booking.", [g, booked]))).toContain('article-mismatch');
    const ok: Constraint = { ...g, phrase: "I'd like an indie gig." };
    expect(rules(task('ticketnest', "Book tickets in Rome. I'd like an indie gig. Complete the booking.", [ok, booked]))).toEqual([]);
  });

  it('flags two constraints on one fact ("Stick to the Mini class. I want a mini or economy car.")', () => {
    const exact: Constraint = { id: 'car-class', kind: 'exact', stage: 'selection', field: 'carClass', value: 'mini', phrase: 'Stick to the Mini class.' };
    const pair: Constraint = { id: 'car-class-pair', kind: 'set', stage: 'selection', field: 'carClass', mode: 'one_of', values: ['mini', 'economy'], phrase: 'I want a mini or economy car.' };
    expect(rules(task('wheelo', 'Rent a car in Porto. Stick to the Mini class. I want a mini or economy car. Complete the booking.', [exact, pair, booked]))).toContain('contradiction');
  });

  it('flags a party clause run into the date ("to Barcelona in 6 days plus my two kids")', () => {
    const date: Constraint = { ...base, id: 'date', kind: 'exact', field: 'date', value: '2026-06-07', phrase: 'in 6 days' };
    const kids: Constraint = { ...base, id: 'children', kind: 'count', field: 'children', value: 2, phrase: 'plus my two kids' };
    expect(rules(task('railgo', 'Book a train to Barcelona in 6 days plus my two kids. Complete the booking.', [date, kids, booked]))).toContain('glued-clause');
    const kids2: Constraint = { ...kids, phrase: 'with my two kids' };
    expect(rules(task('railgo', 'Book a train to Barcelona in 6 days, with my two kids. Complete the booking.', [date, kids2, booked]))).toEqual([]);
  });

  it('flags a budget that reads as a starting price, or names no unit ("prices start below €180")', () => {
    const from: Constraint = { id: 'nightly-max', kind: 'range', stage: 'selection', field: 'nightlyPrice', max: 180, phrase: 'where prices start below €180 a night' };
    expect(rules(task('staywell', 'Book a hotel in Porto, where prices start below €180 a night. Complete the booking.', [from, booked]))).toContain('quantity-mismatch');
    const unitless: Constraint = { ...from, phrase: 'paying under €180' };
    expect(rules(task('staywell', 'Book a hotel in Porto, paying under €180. Complete the booking.', [unitless, booked]))).toContain('quantity-mismatch');
    const onNonMoney: Constraint = { id: 'rating', kind: 'range', stage: 'selection', field: 'rating', min: 8, phrase: 'for under €80' };
    expect(rules(task('staywell', 'Book a hotel in Porto for under €80. Complete the booking.', [onNonMoney, booked]))).toContain('quantity-mismatch');
    const ok: Constraint = { ...from, phrase: 'paying up to €180 a night for the room, before city tax' };
    expect(rules(task('staywell', 'Book a hotel in Porto, paying up to €180 a night for the room, before city tax. Complete the booking.', [ok, booked]))).toEqual([]);
  });

  it('flags relative dates that readers split on, or that name another day than the one checked', () => {
    const next: Constraint = { ...base, id: 'date', kind: 'exact', field: 'date', value: '2026-06-13', phrase: 'next Saturday' };
    expect(rules(task('skyhop', 'Book a flight to Madrid next Saturday. Complete the booking.', [next, booked]))).toContain('relative-date');
    const wrong: Constraint = { ...next, phrase: 'this Saturday' };
    expect(rules(task('skyhop', 'Book a flight to Madrid this Saturday. Complete the booking.', [wrong, booked]))).toContain('relative-date');
    const right: Constraint = { ...next, phrase: 'Saturday next week' };
    expect(rules(task('skyhop', 'Book a flight to Madrid Saturday next week. Complete the booking.', [right, booked]))).toEqual([]);
  });

  it('flags a bare "after 18:00" on a check that includes 18:00, but not "before noon" for 11:59', () => {
    const after: Constraint = { id: 'depart-after', kind: 'time_window', stage: 'selection', field: 'departTime', after: '18:00', phrase: 'departing after 18:00' };
    expect(rules(task('skyhop', 'Book a flight to Madrid, departing after 18:00. Complete the booking.', [after, booked]))).toContain('boundary-word');
    const inclusive: Constraint = { ...after, phrase: 'departing at 18:00 or later' };
    expect(rules(task('skyhop', 'Book a flight to Madrid, departing at 18:00 or later. Complete the booking.', [inclusive, booked]))).toEqual([]);
    const noon: Constraint = { id: 'depart-period', kind: 'time_window', stage: 'selection', field: 'departTime', before: '11:59', phrase: 'on a train that leaves before noon' };
    expect(rules(task('railgo', 'Book a train to Porto, on a train that leaves before noon. Complete the booking.', [noon, booked]))).toEqual([]);
  });

  it('flags "under EUR 80" on a bound that includes EUR 80', () => {
    const under: Constraint = { id: 'nightly-max', kind: 'range', stage: 'selection', field: 'nightlyPrice', max: 80, phrase: 'paying under €80 a night for the room' };
    expect(rules(task('staywell', 'Book a hotel in Porto, paying under €80 a night for the room. Complete the booking.', [under, booked]))).toContain('strict-bound-word');
    const upTo: Constraint = { ...under, phrase: 'paying up to €80 a night for the room' };
    expect(rules(task('staywell', 'Book a hotel in Porto, paying up to €80 a night for the room. Complete the booking.', [upTo, booked]))).toEqual([]);
  });

  it('flags repeated words, placeholders, a constraint the instruction never says and broken sentences', () => {
    const room: Constraint = { id: 'room', kind: 'exact', stage: 'selection', field: 'room', value: 'Twin Room', phrase: "I'd like the Twin Room room type." };
    expect(rules(task('staywell', "Book a hotel in Porto. I'd like the Twin Room room type. Complete the booking.", [room, booked]))).toContain('repeated-word');
    const undef: Constraint = { ...base, id: 'destination', kind: 'exact', field: 'destination', value: 'x', phrase: 'to undefined' };
    expect(rules(task('skyhop', 'Book a flight to undefined. Complete the booking.', [undef, booked]))).toContain('placeholder');
    const unsaid: Constraint = { ...base, id: 'destination', kind: 'exact', field: 'destination', value: 'MAD', phrase: 'to Madrid' };
    expect(rules(task('skyhop', 'Book a flight. Complete the booking.', [unsaid, booked]))).toContain('phrase-missing');
    expect(rules(task('skyhop', 'book a flight to Madrid.  complete the booking.', [unsaid, { ...booked, phrase: 'complete the booking.' }]))).toContain('sentence-form');
  });
});

describe('generated instructions', () => {
  let world: World;
  beforeAll(() => {
    world = testWorld();
  });

  it('give no finding on a large sample of every site and tier (50 tasks per tier and site)', () => {
    const findings: string[] = [];
    let linted = 0;
    for (const site of SITES) {
      for (const difficulty of ['easy', 'medium', 'hard'] as const) {
        for (let index = 0; index < 50; index++) {
          const t = generateTask({ site, catalogue: catalogueFor(site.id), world, seed: 11, index, difficulty, split: 'train' });
          if (!t) continue;
          linted++;
          for (const f of lintTask(t)) findings.push(`${t.id} ${f.rule}: ${f.message}\n  ${t.instruction}`);
        }
      }
    }
    expect(linted).toBeGreaterThan(800);
    expect(findings).toEqual([]);
    // A generous ceiling: generating 900 tasks takes ~20 s here, several times that on a loaded machine.
  }, 600_000);
});
