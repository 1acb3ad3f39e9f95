import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { buildArenaWorld, catalogueFor } from '../../src/sites/registry.js';
import { ticketMix } from '../../src/sites/tourbase/attractions.js';
import { tourbase } from '../../src/sites/tourbase/index.js';
import { bookedState } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, checkSuperlatives, exampleTargets, expectCandidatesHold, expectListingJudgementsAgree, tierTasks } from '../helpers/catalogue.js';

const site = tourbase;
const catalogue = catalogueFor('tourbase');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('tourbase task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible and naming city, day and the exact tickets of every experience', () => {
    const made = tierTasks(site, world, 5);
    let twoItems = 0;
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, world);
      for (const k of ['city', 'date', 'tickets']) expect(ids).toContain(k);
      // The tickets asked for are exactly the quantities the target books.
      const q = task.target.quantities?.tickets ?? {};
      expect(task.constraints.find((c) => c.id === 'tickets')).toMatchObject({ kind: 'exact', value: ticketMix(q) });
      if (task.target.params.category === 'any') expect(ids).toContain('attraction');
      else expect(ids).toContain('category');
      const second = task.target.items?.find((x) => x.slot === 'item2');
      if (second) {
        twoItems++;
        expect(second.listingId).not.toBe(task.target.listingId);
        expect(ids).toEqual(expect.arrayContaining(['item2-attraction', 'item2-tickets']));
        expect(task.instruction).toContain(String(second.attrs.attraction));
        expect(bookedState(target).bookings[0]!.attrs.itemCount).toBe(2);
      }
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
    expect(twoItems).toBeGreaterThan(5);
  });

  it('a booking of only the first experience, or with other tickets, fails the task', () => {
    const task = tierTasks(site, world, 5, 10).find((t) => t.target.items?.length)!;
    const state = bookedState(checkGeneratedTask(task, site, world).target);
    const b = state.bookings[0]!;
    const firstOnly = { ...state, bookings: [{ ...b, items: [], attrs: Object.fromEntries(Object.entries(b.attrs).filter(([k]) => !k.startsWith('item2.') && k !== 'itemCount')) }] };
    expect(evaluate(task, firstOnly).sr).toBe(false);
    const moreTickets = { ...state, bookings: [{ ...b, attrs: { ...b.attrs, tickets: `${b.attrs.tickets} + 1 senior` } }] };
    expect(evaluate(task, moreTickets).sr).toBe(false);
  });

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    expectCandidatesHold(catalogue, exampleTargets(site, world, 40, 'satisfied'));
  });

  it('judges listings the way the evaluator does, and its superlatives are the best of their search', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 30, 'listing'))).toBeGreaterThan(500);
    const tasks = [...tierTasks(site, world, 7), ...tierTasks(site, world, 8)].filter((t) => t.metadata.difficulty === 'hard');
    expect(checkSuperlatives(tasks, site, world)).toBeGreaterThan(0);
  });
});
