import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import type { BookingTask } from '../../src/core/schemas/task.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { loadBookingTasks } from '../../src/tasks/task-file.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The quick tier of "the teacher at noise 0 solves bookingarena-v1": one task per tier on three
 * sites whose flows share little (a cruise's deck plan, excursion round, cart, passenger wizard
 * and payment; a salon's slot grid, account wall and a task about an existing booking; tours'
 * ticket quantities and cart), in real Chromium. The whole suite is
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
});
