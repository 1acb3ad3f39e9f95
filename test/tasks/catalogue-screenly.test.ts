import { beforeAll, describe, expect, it } from 'vitest';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { buildArenaWorld, catalogueFor } from '../../src/sites/registry.js';
import { screenly } from '../../src/sites/screenly/index.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, exampleTargets, expectCandidatesHold, expectListingJudgementsAgree, tierTasks } from '../helpers/catalogue.js';

const site = screenly;
const catalogue = catalogueFor('screenly');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('screenly task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible, naming film, city, day and party, with seats one per ticket', () => {
    const made = tierTasks(site, world, 5);
    let seatTasks = 0;
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, world);
      for (const k of ['film', 'city', 'date']) expect(ids).toContain(k);
      // One seat per ticket, every one open on the seat map; side by side when the target says so.
      const seats = task.target.multi?.seats ?? [];
      expect(seats).toHaveLength(Number(task.target.params.tickets));
      const map = target.detail.optionGroups.find((g) => g.id === 'seats')!;
      for (const id of seats) expect(map.choices.find((c) => c.id === id)?.soldOut, id).toBeFalsy();
      if (target.attrs.seatsTogether === true && seats.length > 1) expect(new Set(target.picks.filter((p) => p.groupId === 'seats').map((p) => p.choice.attrs.row)).size).toBe(1);
      if (ids.some((id) => ['seats', 'row', 'together', 'seat-class', 'premium-none', 'wheelchair'].includes(id))) seatTasks++;
      expect(task.instruction).toContain(String(task.target.attrs.film));
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
    expect(seatTasks).toBeGreaterThan(5);
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
