import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { buildArenaWorld, catalogueFor } from '../../src/sites/registry.js';
import { parkspot } from '../../src/sites/parkspot/index.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { fixtureBookings, managedState } from '../../src/tasks/manage-task.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, checkSuperlatives, exampleTargets, expectCandidatesHold, expectListingJudgementsAgree, tierTasks } from '../helpers/catalogue.js';

const site = parkspot;
const catalogue = catalogueFor('parkspot');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('parkspot task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible and naming the place and the stay to the minute', () => {
    const made = tierTasks(site, world, 5);
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, world);
      for (const k of ['location', 'entry-date', 'entry-time', 'exit-date', 'exit-time']) expect(ids).toContain(k);
      // The space booked is free for the stay, and the booking is paid by card.
      const space = target.picks.find((p) => p.groupId === 'space')!.choice;
      expect(space.soldOut).toBeFalsy();
      expect(task.target.card).toBeDefined();
      // The vehicle comes with the booking: plate, make and colour are filled in.
      expect(task.target.travellers[0]).toMatchObject({ plate: expect.any(String), make: expect.any(String), colour: expect.any(String) });
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
  });

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    expectCandidatesHold(catalogue, exampleTargets(site, world, 40, 'satisfied'));
  });

  it('judges listings the way the evaluator does, and its superlatives (cheapest, closest, best rated) are the best of their search', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 30, 'listing'))).toBeGreaterThan(300);
    const tasks = [...tierTasks(site, world, 7), ...tierTasks(site, world, 8)].filter((t) => t.metadata.difficulty === 'hard');
    expect(checkSuperlatives(tasks, site, world)).toBeGreaterThan(0);
  });

  it('makes manage tasks under the policy: a changed stay or a cancellation, done as asked, succeeds; the booking left as it was fails', () => {
    const tasks = generateTasks({ sites: [site], count: 24, seed: 5, split: 'train', world }).filter((t) => t.manage);
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      const after = managedState(task, site, world);
      expect(typeof after).not.toBe('string');
      if (typeof after === 'string') continue;
      expect(evaluate(task, after).sr).toBe(true);
      const fixtures = fixtureBookings(task, site, world);
      if (typeof fixtures === 'string') throw new Error(fixtures);
      expect(evaluate(task, { ...after, bookings: fixtures }).sr).toBe(false);
    }
  });
});
