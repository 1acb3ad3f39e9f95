import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { flightsSearch } from '../../src/sites/packfly/inventory.js';
import { destinationName } from '../../src/sites/packfly/places.js';
import { buildArenaWorld, catalogueFor, siteById } from '../../src/sites/registry.js';
import { bookedState } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, checkSuperlatives, exampleTargets, expectListingJudgementsAgree, tierTasks, withPhrase } from '../helpers/catalogue.js';

const site = siteById('packfly');
const catalogue = catalogueFor('packfly');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('packfly task catalogue', () => {
  it('makes at least 90% of 60 tasks, valid and feasible: every one a bundle of a hotel and its flights, behind an account and a card', () => {
    const tasks = tierTasks(site, world, 3);
    expect(tasks.length).toBeGreaterThanOrEqual(54);
    const ids = new Set<string>();
    for (const task of tasks) {
      const { target } = checkGeneratedTask(task, site, world);
      for (const c of task.constraints) ids.add(c.id);
      for (const id of ['origin', 'destination', 'date', 'nights']) expect(task.constraints.map((c) => c.id)).toContain(id);
      expect(task.instruction).toContain(destinationName(task.target.params.destination));
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
      // The bundle: the hotel is the main choice, the flights its second part, searched from the same trip.
      expect(target.items).toHaveLength(1);
      expect(target.items[0]!.slot).toBe('flights');
      expect(target.items[0]!.params).toEqual(flightsSearch(task.target.params));
      // A required account (registered with the task's details) and a card the test bank accepts.
      expect(task.target.account?.mode).toBe('register');
      expect(task.target.card?.number.replace(/\D/g, '')).toMatch(/^(4242424242424242|5555555555554444)$/);
    }
    for (const id of ['board', 'luggage']) expect(ids).toContain(id);
    expect([...ids].some((i) => ['airline', 'direct', 'out-period'].includes(i))).toBe(true);
    expect([...ids].filter((i) => ['best-rated', 'nearest-beach', 'cheapest-room'].includes(i)).length).toBeGreaterThanOrEqual(2);
  });

  it('every candidate holds for a booking of its target and names a fact the pages show; flight facts are the bundle\'s flights part', () => {
    const targets = exampleTargets(site, world, 30, 'cands');
    for (const t of targets) {
      const cands = catalogue.candidates(t, new Rng('a'));
      expect(new Set(cands.map((c) => c.constraint.id)).size).toBe(cands.length);
      const state = bookedState(t);
      expect(state.bookings[0]!.attrs['flights.airline']).toBe(t.items[0]!.attrs.airline);
      for (const c of cands) {
        const e = evaluate({ id: 'c', site: 'packfly', constraints: [withPhrase(c), { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Book.' }] }, state);
        expect(e.sr, `${c.constraint.id}: ${JSON.stringify(e.verdicts)}`).toBe(true);
        const field = 'field' in c.constraint ? c.constraint.field : '';
        expect(site.facts.some((f) => f.field === field), field).toBe(true);
      }
      expect(catalogue.candidates(t, new Rng('b')).map((c) => c.constraint)).toEqual(cands.map((c) => c.constraint));
    }
  });

  it('the package price is the hotel part and the flights part together; a search returns 15-60 hotels', () => {
    const targets = exampleTargets(site, world, 20, 'price');
    for (const t of targets) {
      const booking = bookedState(t).bookings[0]!;
      const lines = booking.price.lines.map((l) => l.label);
      expect(lines.some((l) => l.includes('nights'))).toBe(true);
      expect(lines.some((l) => l.includes('Flights, adult'))).toBe(true);
      expect(booking.price.total).toBeCloseTo(booking.price.lines.reduce((s, l) => s + l.amount, 0), 2);
      expect(t.results.length).toBeGreaterThanOrEqual(15);
      expect(t.results.length).toBeLessThanOrEqual(60);
    }
  });

  it('a room too small for the party, or an adults-only hotel for a family, cannot be booked', () => {
    let checked = 0;
    for (const t of exampleTargets(site, world, 30, 'rooms')) {
      const n = site.travellerCount(t.params);
      for (const l of t.results) {
        if (Number(t.params.children) > 0 && l.attrs.adultsOnly === true) expect(l.soldOut).toBe(true);
        const d = site.detail(world, t.params, l.id)!;
        for (const c of d.optionGroups.find((g) => g.id === 'room')!.choices) {
          if (c.label.includes('(up to') ? Number(/up to (\d)/.exec(c.label)![1]) < n : n > 2) expect(c.soldOut, `${l.id} ${c.id}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('matchesListing agrees with the evaluator on every listing of the results', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 25, 'match'))).toBeGreaterThan(300);
  });

  it('superlatives are the best over every bookable option that fits', () => {
    expect(checkSuperlatives(tierTasks(site, world, 7, 8), site, world)).toBeGreaterThan(3);
  }, 600_000);
});
