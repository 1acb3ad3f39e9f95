import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Policy } from '../../src/agents/policy.js';
import { ScriptedTeacher } from '../../src/agents/scripted/scripted-teacher.js';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import { TrajectoryLine } from '../../src/core/schemas/trajectory.js';
import { runEpisode } from '../../src/rollout/run-episode.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import { readTrajectory, writeTrajectory } from '../../src/rollout/trajectory-file.js';
import { loadTasks } from '../../src/tasks/task-file.js';
import { sharedBrowser } from '../helpers/browser.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-traj-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const getServer = useTestServer({ browser: true });
const task = loadTasks('bookingarena-v0', { world: testWorld() }).find((t) => t.site === 'railgo')!;

describe('trajectories', () => {
  it('record what the agent saw and did, the state and CSR per step, and the evaluation; they round-trip through JSONL', async () => {
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()) });
    try {
      const t = await runEpisode({ env, policy: new ScriptedTeacher(testWorld(), 0), task, episodeId: 'traj-1', episodeSeed: 1, maxSteps: 60 });
      expect(t.end.status).toBe('stopped');
      expect(t.end.evaluation.sr).toBe(true);
      expect(t.steps.length).toBe(t.end.steps);
      expect(t.end.evaluation.curve).toEqual(t.steps.map((s) => s.csr));
      // Progress shows along the way: the curve rises before the booking.
      expect(t.steps.some((s) => s.csr > 0 && s.csr < 1)).toBe(true);
      expect(t.steps.at(-1)!.state?.bookings).toHaveLength(1);
      expect(t.steps[0]!.observation).toMatch(/\[\d+\] /);
      const path = writeTrajectory(dir, t);
      const back = readTrajectory(path);
      expect(back).toEqual(JSON.parse(JSON.stringify(t)));
    } finally {
      await env.close();
    }
  });

  it('a garbled action is a recorded step with an error, never an exception; max steps ends the episode', async () => {
    const garbage: Policy = { name: 'garbage', act: async () => ({ action: 'clik(12', thought: '?' }) };
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()) });
    try {
      const t = await runEpisode({ env, policy: garbage, task, episodeId: 'traj-2', episodeSeed: 1, maxSteps: 3 });
      expect(t.end.status).toBe('max_steps');
      expect(t.steps).toHaveLength(3);
      for (const s of t.steps) {
        expect(s.parsed).toBeNull();
        expect(s.error).toMatch(/clik|unbalanced|parenthes/i);
        TrajectoryLine.parse(s);
      }
      expect(t.end.evaluation.csr).toBe(0);
    } finally {
      await env.close();
    }
  });
});
