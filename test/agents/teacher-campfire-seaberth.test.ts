import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { siteById } from '../../src/sites/registry.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The scripted teacher at noise 0 books every task of a sample of each tier in real Chromium on
 * the sites of issue 21 (part c), through the components they use: Campfire's pitch and its
 * rental or activity package (a bundle chosen in a second round) paid by a deposit on a card;
 * Seaberth's cabin on a deck plan (a seat map of one cabin for the party), an excursion of that
 * sailing in a second round, the cart, a passenger wizard and card payment.
 */

const world = testWorld();
const getServer = useTestServer();
const SITES21C = ['campfire', 'seaberth'];

describe('scripted teacher on the campsites and cruises sites', () => {
  for (const id of SITES21C) {
    it(`${id}: at noise 0 succeeds on every task of a 6-task sample (two per tier)`, async () => {
      const tasks = generateTasks({ sites: [siteById(id)], count: 6, seed: 21, split: 'train', world });
      expect(new Set(tasks.map((t) => t.metadata.difficulty)).size).toBe(3);
      const trajectories = await runTasks({
        tasks,
        server: getServer(),
        makePolicy: agentFactory('scripted', { world, noise: 0 }),
        parallel: 2,
        maxSteps: 100,
        runId: `teacher-${id}`,
        seed: 1,
      });
      const failed = trajectories.filter((t) => !t.end.evaluation.sr).map((t) => `${t.header.task.id}: ${t.end.status} csr=${t.end.evaluation.csr}`);
      expect(failed).toEqual([]);
      expect(trajectories).toHaveLength(tasks.length);
    }, 900_000);
  }
});
