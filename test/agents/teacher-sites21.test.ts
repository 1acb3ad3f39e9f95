import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { siteById } from '../../src/sites/registry.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The scripted teacher at noise 0 books every task of a 3-task sample (one per tier) of each site of
 * issue 21 in real Chromium, through the components the site uses (the slow tier,
 * bookingarena-v1.slow.test.ts, runs all 12 suite tasks of each site, manage tasks included):
 * - Glowly (salons and spas): a service, a slot grid of days by times, the account wall taken as a
 *   guest, add-ons, and its manage tasks (cancel, move to another day, change the client's name);
 * - Courtside (sports and fitness): a day's timeline per court, weekly repeats, places in a class,
 *   a cart of two sessions and card payment;
 * - ParkSpot (parking): the vehicle-and-driver wizard, card payment, changed or cancelled stays;
 * - Transferly (airport transfers): the way back chosen on its own results, a required account;
 * - Campfire (campsites): the pitch and its rental or activity package (a bundle chosen in a
 *   second round), paid by a deposit on a card;
 * - Seaberth (cruises): a cabin on a deck plan for the whole party, an excursion of that sailing in
 *   a second round, the cart, a passenger wizard and card payment.
 * One server and one browser for all of them. Parties of four fill every passenger's details,
 * hence the step limits.
 */

const world = testWorld();
const getServer = useTestServer();
const SITES21: { id: string; maxSteps: number }[] = [
  { id: 'glowly', maxSteps: 80 },
  { id: 'courtside', maxSteps: 80 },
  { id: 'parkspot', maxSteps: 90 },
  { id: 'transferly', maxSteps: 90 },
  { id: 'campfire', maxSteps: 100 },
  { id: 'seaberth', maxSteps: 100 },
];

describe('scripted teacher on the sites of issue 21', () => {
  for (const { id, maxSteps } of SITES21) {
    it(`${id}: at noise 0 succeeds on every task of a 3-task sample, one per tier`, async () => {
      const tasks = generateTasks({ sites: [siteById(id)], count: 3, seed: 21, split: 'train', world });
      expect(new Set(tasks.map((t) => t.metadata.difficulty)).size).toBe(3);
      const trajectories = await runTasks({
        tasks,
        server: getServer(),
        makePolicy: agentFactory('scripted', { world, noise: 0 }),
        parallel: 2,
        maxSteps,
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

  it('transferly: a sample has return transfers, the way back chosen on its own results', () => {
    const tasks = generateTasks({ sites: [siteById('transferly')], count: 6, seed: 21, split: 'train', world });
    expect(tasks.some((t) => (t.target.items ?? []).some((x) => x.slot === 'return'))).toBe(true);
  });

  it('parkspot: a sample has manage tasks (a changed stay, a new driver or a cancellation)', () => {
    const tasks = generateTasks({ sites: [siteById('parkspot')], count: 12, seed: 21, split: 'train', world });
    expect(tasks.some((t) => t.manage)).toBe(true);
  });
});
