import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { siteById } from '../../src/sites/registry.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The scripted teacher at noise 0 books every task of a sample of each site of issue #21's
 * second batch in real Chromium, through the components it uses: ParkSpot's vehicle-and-driver
 * wizard, card payment and changed or cancelled stays (manage tasks); Transferly's return leg
 * chosen on its own results and its required account.
 */

const world = testWorld();
const getServer = useTestServer();
const SITES21B = ['parkspot', 'transferly'];

describe('scripted teacher on the sites of #21 (second batch)', () => {
  for (const id of SITES21B) {
    it(`${id}: at noise 0 succeeds on every task of a 6-task sample, of every tier`, async () => {
      const tasks = generateTasks({ sites: [siteById(id)], count: 6, seed: 21, split: 'train', world });
      expect(new Set(tasks.map((t) => t.metadata.difficulty)).size).toBe(3);
      const trajectories = await runTasks({
        tasks,
        server: getServer(),
        makePolicy: agentFactory('scripted', { world, noise: 0 }),
        parallel: 2,
        maxSteps: 90,
        runId: `teacher-${id}`,
        seed: 1,
      });
      const failed = trajectories.filter((t) => !t.end.evaluation.sr).map((t) => `${t.header.task.id}: ${t.end.status} csr=${t.end.evaluation.csr}`);
      expect(failed).toEqual([]);
      expect(trajectories).toHaveLength(tasks.length);
    }, 900_000);
  }

  it('transferly: a sample has return transfers, the way back chosen on its own results', () => {
    const tasks = generateTasks({ sites: [siteById('transferly')], count: 6, seed: 21, split: 'train', world });
    expect(tasks.some((t) => (t.target.items ?? []).some((x) => x.slot === 'return'))).toBe(true);
  });

  it('parkspot: a sample has manage tasks (a changed stay, a new driver or a cancellation)', () => {
    const tasks = generateTasks({ sites: [siteById('parkspot')], count: 12, seed: 21, split: 'train', world });
    expect(tasks.some((t) => t.manage)).toBe(true);
  });
});
