import { beforeAll, describe, expect, it } from 'vitest';
import { buildArenaWorld, catalogueFor } from '../../src/sites/registry.js';
import { courtside } from '../../src/sites/courtside/index.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, exampleTargets, expectCandidatesHold, expectListingJudgementsAgree, tierTasks } from '../helpers/catalogue.js';

const site = courtside;
const catalogue = catalogueFor('courtside');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('courtside task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible, naming the activity, city and day, paid by card', () => {
    const made = tierTasks(site, world, 5);
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, world);
      for (const k of ['activity', 'city', 'date']) expect(ids).toContain(k);
      // A court's start is free; a class has places for everyone booked.
      const start = target.picks.find((p) => p.groupId === 'start')?.choice;
      if (start) expect(start.soldOut).toBeFalsy();
      else expect(Number(target.attrs.placesLeft)).toBeGreaterThanOrEqual(Number(target.attrs.players));
      expect(target.attrs.sessionPrice).toBeGreaterThan(0);
      expect(task.target.card).toBeDefined();
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
  });

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    expectCandidatesHold(catalogue, exampleTargets(site, world, 40, 'satisfied'));
  });

  it('judges listings the way the evaluator does (matchesListing agrees with checkConstraint on listing facts)', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 30, 'listing'))).toBeGreaterThan(200);
  });

  it('searches are dense: 15 to 60 courts or classes per activity, city and day', () => {
    const counts = exampleTargets(site, world, 24, 'listing').map((t) => t.results.length);
    for (const n of counts) expect(n).toBeGreaterThanOrEqual(12);
    expect(Math.max(...counts)).toBeLessThanOrEqual(60);
  });

  it('a sample has weekly repeats and two sessions in one cart', () => {
    const tasks = generateTasks({ sites: [site], count: 24, seed: 21, split: 'train', world });
    expect(tasks.some((t) => (t.target.items ?? []).some((x) => x.slot === 'item2'))).toBe(true);
    expect(tasks.some((t) => t.constraints.some((c) => c.id === 'weeks' && c.kind === 'exact' && Number(c.value) > 1))).toBe(true);
  });
});
