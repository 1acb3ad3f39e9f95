import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { siteById } from '../../src/sites/registry.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The scripted teacher at noise 0 books every task of a sample of each site of issue 21 in real
 * Chromium, through the components the site uses: a service, a slot grid of days by times, the
 * account wall taken as a guest and add-ons (Glowly, salons and spas), including its manage tasks
 * (cancel, move to another day, change the client's name); a day's timeline per court, weekly
 * repeats, places in a class, a cart of two sessions and card payment (Courtside, sports and
 * fitness).
 */

const world = testWorld();
const getServer = useTestServer();
const SITES21 = ['glowly', 'courtside'];

describe('scripted teacher on the sites of issue 21', () => {
  for (const id of SITES21) {
    it(`${id}: at noise 0 succeeds on every task of a 6-task sample of every tier`, async () => {
      const tasks = generateTasks({ sites: [siteById(id)], count: 6, seed: 21, split: 'train', world });
      expect(new Set(tasks.map((t) => t.metadata.difficulty)).size).toBe(3);
      const trajectories = await runTasks({
        tasks,
        server: getServer(),
        makePolicy: agentFactory('scripted', { world, noise: 0 }),
        parallel: 2,
        maxSteps: 80,
        runId: `teacher-${id}`,
        seed: 1,
      });
      const failed = trajectories.filter((t) => !t.end.evaluation.sr).map((t) => `${t.header.task.id}: ${t.end.status} csr=${t.end.evaluation.csr}`);
      expect(failed).toEqual([]);
      expect(trajectories).toHaveLength(tasks.length);
    }, 900_000);
  }

  it('courtside: a sample has tasks of two sessions in one cart', () => {
    const tasks = generateTasks({ sites: [siteById('courtside')], count: 12, seed: 21, split: 'train', world });
    expect(tasks.some((t) => (t.target.items ?? []).some((x) => x.slot === 'item2'))).toBe(true);
  });
});
