import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { makePlan } from '../../src/agents/scripted/plan.js';
import type { BookingTask } from '../../src/core/schemas/task.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { applySort } from '../../src/sites/engine/results.js';
import { selectLinkName } from '../../src/sites/engine/views/results-page.js';
import { siteById } from '../../src/sites/registry.js';
import { loadBookingTasks } from '../../src/tasks/task-file.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The quick tier of "the teacher at noise 0 solves bookingarena-v1": one task per tier on three
 * sites whose flows share little (a cruise's deck plan, excursion round, cart, passenger wizard
 * and payment; a salon's slot grid, account wall and a task about an existing booking; tours'
 * ticket quantities and cart), in real Chromium; and the two wheelo tasks whose planned car
 * shares its name with another car on its page of results. The whole suite is
 * `bookingarena-v1.slow.test.ts` (WEBFOUNDRY_FULL_TESTS=1), or
 * `webfoundry bench --suite bookingarena-v1 --agent scripted --noise 0`.
 */
const world = testWorld();
const getServer = useTestServer({ browser: true });
const SAMPLE_SITES = ['seaberth', 'glowly', 'tourbase'];

function sample(): BookingTask[] {
  const tasks = loadBookingTasks('bookingarena-v1');
  return SAMPLE_SITES.flatMap((site) => {
    const mine = tasks.filter((t) => t.site === site);
    // On a site that manages bookings, the easy task is one about an existing booking.
    const easy = mine.find((t) => t.metadata.difficulty === 'easy' && Boolean(t.manage) === (site === 'glowly'))!;
    return [easy, ...(['medium', 'hard'] as const).map((tier) => mine.find((t) => t.metadata.difficulty === tier && !t.manage)!)];
  });
}

describe('bookingarena-v1: the scripted teacher at noise 0 (a sample)', () => {
  it('books every sampled task, one per tier on three sites, a manage task among them', async () => {
    const tasks = sample();
    expect(tasks).toHaveLength(9);
    expect(tasks.some((t) => t.manage)).toBe(true);
    const trajectories = await runTasks({ tasks, server: getServer(), makePolicy: agentFactory('scripted', { world, noise: 0 }), parallel: 2, maxSteps: 100, runId: 'v1-teacher-sample', seed: 1 });
    const failed = trajectories.filter((t) => !t.end.evaluation.sr).map((t) => `${t.header.task.id}: ${t.end.status} csr=${t.end.evaluation.csr}`);
    expect(failed).toEqual([]);
  }, 1_200_000);

  // Issue 21: these two lost their 60 steps scrolling, because their planned car shares its
  // accessible name with another car on the same page of results and the two never fit in one
  // viewport. The teacher orders such twins by bid (document order) over the viewports seen.
  it('books the two wheelo tasks whose planned car has a same-named twin on its page of results', async () => {
    const ids = ['bookingarena-v1-wheelo-07', 'bookingarena-v1-wheelo-11'];
    const tasks = loadBookingTasks('bookingarena-v1').filter((t) => ids.includes(t.id));
    expect(tasks.map((t) => t.id)).toEqual(ids);
    const site = siteById('wheelo');
    for (const task of tasks) {
      // What makes the case: the planned car's page of results lists another car under its name.
      const plan = makePlan(task, site, world, 0, 1);
      const sorted = applySort(site.search(world, plan.params), site.sorts[0]!);
      const index = sorted.findIndex((l) => l.id === plan.listingId);
      const size = site.layout.pageSize;
      const onPage = sorted.slice(Math.floor(index / size) * size, (Math.floor(index / size) + 1) * size);
      const name = selectLinkName(site, sorted[index]!);
      expect(onPage.filter((l) => selectLinkName(site, l) === name).length, task.id).toBeGreaterThan(1);
    }
    const trajectories = await runTasks({ tasks, server: getServer(), makePolicy: agentFactory('scripted', { world, noise: 0 }), parallel: 2, maxSteps: 60, runId: 'v1-teacher-twins', seed: 1 });
    const failed = trajectories.filter((t) => !t.end.evaluation.sr).map((t) => `${t.header.task.id}: ${t.end.status} csr=${t.end.evaluation.csr}`);
    expect(failed).toEqual([]);
  }, 1_200_000);
});
