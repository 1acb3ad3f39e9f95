import { beforeAll, describe, expect, it } from 'vitest';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { buildArenaWorld, catalogueFor } from '../../src/sites/registry.js';
import { medibook } from '../../src/sites/medibook/index.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, exampleTargets, expectCandidatesHold, expectListingJudgementsAgree, tierTasks } from '../helpers/catalogue.js';

const site = medibook;
const catalogue = catalogueFor('medibook');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('medibook task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible, naming specialty, city and the day of a free slot', () => {
    const made = tierTasks(site, world, 5);
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, world);
      for (const k of ['specialty', 'city', 'appointment-date']) expect(ids).toContain(k);
      // The slot booked is free, on the day the task names, and nothing is paid online.
      const slot = target.picks.find((p) => p.groupId === 'slot')!.choice;
      expect(slot.soldOut).toBeFalsy();
      expect(task.constraints.find((c) => c.id === 'appointment-date')).toMatchObject({ value: slot.attrs.appointmentDate });
      expect(task.target.card).toBeUndefined();
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
  });

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    expectCandidatesHold(catalogue, exampleTargets(site, world, 40, 'satisfied'));
  });

  // Superlatives are rechecked from scratch in superlative-brute-force.test.ts (every slot, every
  // set of seats, every allowed search): test/helpers' check picks one choice per group.
  it('judges listings the way the evaluator does (matchesListing agrees with checkConstraint on listing facts)', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 30, 'listing'))).toBeGreaterThan(200);
  });
});
