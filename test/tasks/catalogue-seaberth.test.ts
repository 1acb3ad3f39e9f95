import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { excursionSearch } from '../../src/sites/seaberth/inventory.js';
import { buildArenaWorld, catalogueFor, siteById } from '../../src/sites/registry.js';
import { bookedState } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, checkSuperlatives, exampleTargets, expectListingJudgementsAgree, tierTasks, withPhrase } from '../helpers/catalogue.js';

const site = siteById('seaberth');
const catalogue = catalogueFor('seaberth');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('seaberth task catalogue', () => {
  it('makes at least 90% of 60 tasks, valid and feasible: a cabin chosen on the deck plan and an excursion of that sailing, every passenger named, paid by card', () => {
    const tasks = tierTasks(site, world, 3);
    expect(tasks.length).toBeGreaterThanOrEqual(54);
    const ids = new Set<string>();
    for (const task of tasks) {
      const { target } = checkGeneratedTask(task, site, world);
      for (const c of task.constraints) ids.add(c.id);
      for (const id of ['port', 'month']) expect(task.constraints.map((c) => c.id)).toContain(id);
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
      // The excursion is the sailing's own: searched from the same search and the sailing chosen.
      expect(target.items).toHaveLength(1);
      expect(target.items[0]!.slot).toBe('excursion');
      expect(target.items[0]!.params).toEqual(excursionSearch(task.target.params, target.listing.id));
      expect(target.attrs.ports as string[]).toContain(target.items[0]!.attrs.excursionPort);
      expect(task.target.travellers).toHaveLength(Number(task.target.params.adults) + Number(task.target.params.children));
      expect(task.target.card?.number.replace(/\D/g, '')).toMatch(/^(4242424242424242|5555555555554444)$/);
    }
    for (const id of ['grade', 'excursion']) expect(ids).toContain(id);
    for (const id of ['depart-window', 'nights-range', 'port-visited', 'fare-max']) expect(ids).toContain(id);
    expect([...ids].some((i) => ['position', 'deck-min', 'accessible'].includes(i))).toBe(true);
    expect([...ids].filter((i) => ['cheapest-night', 'cheapest'].includes(i)).length).toBeGreaterThanOrEqual(1);
  });

  it('every candidate holds for a booking of its target and names a fact the pages show', () => {
    for (const t of exampleTargets(site, world, 30, 'cands')) {
      const cands = catalogue.candidates(t, new Rng('a'));
      expect(new Set(cands.map((c) => c.constraint.id)).size).toBe(cands.length);
      const state = bookedState(t);
      expect(state.bookings[0]!.attrs['excursion.excursionName']).toBe(t.items[0]!.attrs.excursionName);
      for (const c of cands) {
        const e = evaluate({ id: 'c', site: 'seaberth', constraints: [withPhrase(c), { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Book.' }] }, state);
        expect(e.sr, `${c.constraint.id}: ${JSON.stringify(e.verdicts)}`).toBe(true);
        const field = 'field' in c.constraint ? c.constraint.field : '';
        expect(site.facts.some((f) => f.field === field), field).toBe(true);
      }
      expect(catalogue.candidates(t, new Rng('b')).map((c) => c.constraint)).toEqual(cands.map((c) => c.constraint));
    }
  });

  it('a deck plan: one cabin for the party, each with deck, number, position and fare; taken cabins and cabins too small cannot be chosen; 15-60 sailings a search', () => {
    let cabins = 0;
    for (const t of exampleTargets(site, world, 15, 'deck')) {
      expect(t.results.length).toBeGreaterThanOrEqual(15);
      expect(t.results.length).toBeLessThanOrEqual(60);
      const guests = Number(t.params.adults) + Number(t.params.children);
      const g = t.detail.optionGroups.find((x) => x.id === 'cabin')!;
      expect(g.display).toBe('seatmap');
      expect(g.pick).toBe('one');
      expect(t.picks.filter((p) => p.groupId === 'cabin')).toHaveLength(1);
      for (const c of g.choices) {
        expect(c.label).toMatch(/^Deck \d+ cabin \d+, (inside|ocean view|balcony|suite), (forward|midship|aft)(, accessible)?, sleeps [24]$/);
        if (Number(c.attrs.sleeps) < guests) expect(c.soldOut).toBe(true);
        cabins++;
      }
      expect(g.choices.some((c) => c.soldOut && c.unavailableLabel === 'Taken')).toBe(true);
      const booking = bookedState(t).bookings[0]!;
      expect(booking.price.total).toBeCloseTo(booking.price.lines.reduce((s, l) => s + l.amount, 0), 2);
      expect(booking.price.lines.some((l) => l.label.includes('Port taxes'))).toBe(true);
    }
    expect(cabins).toBeGreaterThan(300);
  });

  it('matchesListing agrees with the evaluator on every listing of the results', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 25, 'match'))).toBeGreaterThan(300);
  });

  it('superlatives are the best over every bookable option that fits', () => {
    expect(checkSuperlatives(tierTasks(site, world, 7, 8), site, world)).toBeGreaterThan(3);
  }, 600_000);
});
