import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { siteById } from '../../src/sites/registry.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The scripted teacher at noise 0 books every task of a sample of each new site's catalogue in
 * real Chromium, through the components the site uses: seat maps and card payment (Screenly),
 * slot grids and the intake wizard (MediBook), ticket types, start times, a cart of two
 * experiences and card payment (TourBase), a required account and card payment (Nestaway).
 */

const world = testWorld();
const getServer = useTestServer();
const NEW_SITES = ['screenly', 'medibook', 'tourbase', 'nestaway'];

describe('scripted teacher on the new sites', () => {
  for (const id of NEW_SITES) {
    it(`${id}: at noise 0 succeeds on every task of a 4-task sample`, async () => {
      const tasks = generateTasks({ sites: [siteById(id)], count: 4, seed: 21, split: 'train', world });
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

  it('tourbase: a sample has tasks of two experiences in one order', () => {
    const tasks = generateTasks({ sites: [siteById('tourbase')], count: 12, seed: 21, split: 'train', world });
    expect(tasks.some((t) => (t.target.items ?? []).some((x) => x.slot === 'item2'))).toBe(true);
  });
});
