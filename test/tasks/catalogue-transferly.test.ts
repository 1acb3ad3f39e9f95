import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { buildArenaWorld, catalogueFor } from '../../src/sites/registry.js';
import { transferly } from '../../src/sites/transferly/index.js';
import { bookedState } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, checkSuperlatives, exampleTargets, expectCandidatesHold, expectListingJudgementsAgree, tierTasks } from '../helpers/catalogue.js';

const site = transferly;
const catalogue = catalogueFor('transferly');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('transferly task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible, naming airport, district, day and landing time; a return names its way back', () => {
    const made = tierTasks(site, world, 5);
    let returns = 0;
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, world);
      for (const k of ['airport', 'area', 'date', 'time']) expect(ids).toContain(k);
      // Every vehicle booked takes the whole party and its suitcases.
      expect(Number(target.attrs.seats)).toBeGreaterThanOrEqual(Number(task.target.params.passengers));
      expect(Number(target.attrs.luggage)).toBeGreaterThanOrEqual(Number(task.target.params.bags));
      // A required account, and payment by card.
      expect(task.target.account?.mode).toBe('register');
      expect(task.target.card).toBeDefined();
      if (task.target.params.tripType === 'return') {
        returns++;
        expect(ids).toEqual(expect.arrayContaining(['return-date', 'return-time']));
        const back = task.target.items?.find((x) => x.slot === 'return');
        expect(back?.params).toMatchObject({ direction: 'to-airport', date: task.target.params.returnDate, time: task.target.params.returnTime });
      } else expect(ids).toContain('trip');
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
    expect(returns).toBeGreaterThan(5);
  });

  it('a return booked without its way back, or with it at another time, fails the task', () => {
    const task = tierTasks(site, world, 5, 10).find((t) => t.target.params.tripType === 'return')!;
    const state = bookedState(checkGeneratedTask(task, site, world).target);
    const b = state.bookings[0]!;
    const oneWay = { ...state, bookings: [{ ...b, items: [], attrs: { ...Object.fromEntries(Object.entries(b.attrs).filter(([k]) => !k.startsWith('return'))), tripType: 'oneway' } }] };
    expect(evaluate(task, oneWay).sr).toBe(false);
    const other = b.attrs.returnTime === '10:00' ? '11:00' : '10:00';
    const otherTime = { ...state, bookings: [{ ...b, attrs: { ...b.attrs, returnTime: other, 'return.pickupTime': other } }] };
    expect(evaluate(task, otherTime).sr).toBe(false);
  });

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    expectCandidatesHold(catalogue, exampleTargets(site, world, 40, 'satisfied'));
  });

  it('judges listings the way the evaluator does, and its superlatives (cheapest, best rated, fastest) are the best of their search', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 30, 'listing'))).toBeGreaterThan(300);
    const tasks = [...tierTasks(site, world, 7), ...tierTasks(site, world, 8)].filter((t) => t.metadata.difficulty === 'hard');
    expect(checkSuperlatives(tasks, site, world)).toBeGreaterThan(0);
  });
});
