import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { loadBookingTasks } from '../../src/tasks/task-file.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * Slow tier (WEBFOUNDRY_FULL_TESTS=1): the scripted teacher at noise 0 books every task of
 * bookingarena-v1 in real Chromium, site by site (12 episodes each), on one server and browser.
 * `WEBFOUNDRY_V1_SITES=skyhop,glowly` runs only those sites' tasks.
 */
const world = testWorld();
const getServer = useTestServer({ browser: true });
const tasks = loadBookingTasks('bookingarena-v1', { world });
const only = process.env.WEBFOUNDRY_V1_SITES?.split(',').map((s) => s.trim()).filter(Boolean);
const sites = [...new Set(tasks.map((t) => t.site))].filter((s) => !only || only.includes(s));

describe('bookingarena-v1: the scripted teacher at noise 0 books every task', () => {
  for (const site of sites) {
    it(`${site}: 12 of 12`, async () => {
      const mine = tasks.filter((t) => t.site === site);
      const trajectories = await runTasks({ tasks: mine, server: getServer(), makePolicy: agentFactory('scripted', { world, noise: 0 }), parallel: 2, maxSteps: 100, runId: `v1-teacher-${site}`, seed: 1 });
      const failed = trajectories.filter((t) => !t.end.evaluation.sr).map((t) => `${t.header.task.id}: ${t.end.status} csr=${t.end.evaluation.csr} ${t.end.evaluation.verdicts.filter((v) => !v.satisfied).map((v) => v.id).join(',')}`);
      expect(failed).toEqual([]);
      expect(trajectories).toHaveLength(12);
    }, 1_800_000);
  }
});
