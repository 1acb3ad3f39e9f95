import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { changeDates, paramsOfBooking } from '../../src/sites/engine/manage-actions.js';
import { buildArenaWorld, catalogueFor } from '../../src/sites/registry.js';
import { workhive } from '../../src/sites/workhive/index.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { fixtureBookings, generateManageTask, managedState } from '../../src/tasks/manage-task.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, checkSuperlatives, exampleTargets, expectCandidatesHold, expectListingJudgementsAgree, tierTasks } from '../helpers/catalogue.js';

const site = workhive;
const catalogue = catalogueFor('workhive');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('workhive task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible, naming the kind of space, city, day, hours and party, at a free start', () => {
    const made = tierTasks(site, world, 5);
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, world);
      for (const k of ['kind', 'city', 'date', 'hours', 'attendees']) expect(ids).toContain(k);
      // The start booked is free on the day searched, the space seats the party, and it is paid by card.
      const start = target.picks.find((p) => p.groupId === 'start')!.choice;
      expect(start.soldOut).toBeFalsy();
      expect(start.attrs.date).toBe(target.params.date);
      expect(Number(target.attrs.capacity)).toBeGreaterThanOrEqual(Number(target.params.attendees));
      expect(task.target.card).toBeDefined();
      expect(task.target.account?.mode).toBe('register');
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
  });

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    expectCandidatesHold(catalogue, exampleTargets(site, world, 40, 'satisfied'));
  });

  it('judges listings the way the evaluator does, and its superlatives (cheapest, best rated, largest, earliest) are the best of their search', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 30, 'listing'))).toBeGreaterThan(200);
    const tasks = [...tierTasks(site, world, 7), ...tierTasks(site, world, 8)].filter((t) => t.metadata.difficulty === 'hard');
    expect(checkSuperlatives(tasks, site, world)).toBeGreaterThan(0);
  });

  it('searches are dense: 15 to 60 spaces per kind, city, day and party', () => {
    const counts = exampleTargets(site, world, 30, 'density').map((t) => t.results.length);
    for (const n of counts) expect(n).toBeGreaterThanOrEqual(15);
    expect(Math.max(...counts)).toBeLessThanOrEqual(60);
  });

  it('makes manage tasks under the policy (cancel, move to another day, a new organiser): done as asked succeeds, the booking left as it was fails', () => {
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

  it('moving a booking keeps its space and start time on the new day, and manage tasks of every kind are made', () => {
    const actions = new Set<string>();
    let moved = 0;
    for (let index = 0; index < 40; index++) {
      const task = generateManageTask({ site, catalogue, world, seed: 3, index, difficulty: 'medium', split: 'train' });
      if (!task) continue;
      const ids = task.constraints.map((c) => c.id);
      actions.add(ids.includes('cancelled') ? 'cancel' : ids.includes('new-date') ? 'dates' : 'travellers');
      const newDate = task.constraints.find((c) => c.id === 'new-date');
      if (!newDate || newDate.kind !== 'exact') continue;
      const bookings = fixtureBookings(task, site, world);
      if (typeof bookings === 'string') throw new Error(bookings);
      const b = bookings.find((x) => x.reference === task.manage!.subject)!;
      const after = changeDates(site, world, b, { ...paramsOfBooking(site, b), date: String(newDate.value) }, 1);
      if (typeof after === 'string') throw new Error(after);
      expect(after.attrs.date).toBe(newDate.value);
      expect(after.attrs.time).toBe(b.attrs.time);
      expect(after.attrs.space).toBe(b.attrs.space);
      expect(after.options.find((o) => o.groupId === 'start')!.choiceId).toBe(b.attrs.time);
      moved++;
    }
    expect(moved).toBeGreaterThan(0);
    expect([...actions].sort()).toEqual(['cancel', 'dates', 'travellers']);
  });
});
