import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { siteById } from '../../src/sites/registry.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The scripted teacher at noise 0 books every task of a 6-task sample (every tier) of WorkHive
 * (coworking) in real Chromium, through the components it uses: a start-time grid on the space's
 * page, a required account (registered on the wall), the organiser and add-ons (catering per
 * person, parking, an AV technician), card payment, and its manage tasks (cancel, move to
 * another day at the same start, change the organiser's name). One server and one browser.
 */

const world = testWorld();
const getServer = useTestServer();

describe('scripted teacher on WorkHive', () => {
  it('at noise 0 succeeds on every task of a 6-task sample of every tier', async () => {
    const tasks = generateTasks({ sites: [siteById('workhive')], count: 6, seed: 21, split: 'train', world });
    expect(new Set(tasks.map((t) => t.metadata.difficulty)).size).toBe(3);
    const trajectories = await runTasks({
      tasks,
      server: getServer(),
      makePolicy: agentFactory('scripted', { world, noise: 0 }),
      parallel: 2,
      maxSteps: 80,
      runId: 'teacher-workhive',
      seed: 1,
    });
    const failed = trajectories.filter((t) => !t.end.evaluation.sr).map((t) => `${t.header.task.id}: ${t.end.status} csr=${t.end.evaluation.csr}`);
    expect(failed).toEqual([]);
    expect(trajectories).toHaveLength(tasks.length);
  }, 900_000);

  it('a sample has manage tasks and tasks with add-ons', () => {
    const tasks = generateTasks({ sites: [siteById('workhive')], count: 24, seed: 21, split: 'train', world });
    expect(tasks.some((t) => t.manage)).toBe(true);
    expect(tasks.some((t) => t.constraints.some((c) => c.kind === 'addon'))).toBe(true);
  });
});
