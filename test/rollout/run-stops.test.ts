import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/agents/policy.js';
import { EnvCrashedError } from '../../src/browser/env/errors.js';
import { EnvironmentError, isInfrastructureFailure } from '../../src/core/errors.js';
import type { Trajectory } from '../../src/core/schemas/trajectory.js';
import { RunStoppedError } from '../../src/rollout/run-stopped-error.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { startServer } from '../../src/sites/engine/server.js';
import { loadTasks } from '../../src/tasks/task-file.js';
import { closeBrowser, sharedBrowser } from '../helpers/browser.js';
import { testWorld } from '../helpers/test-server.js';

const world = testWorld();
const tasks = loadTasks('bookingarena-v0', { world }).filter((t) => t.site === 'skyhop').slice(0, 3);

/** A policy that waits (noop) and runs `onAct(n)` before its n-th decision. */
function waiting(onAct: (n: number) => void | Promise<void> = () => undefined): () => Policy {
  let n = 0;
  return () => ({ name: 'waiting', act: async () => (await onAct(++n), { action: 'noop(0)', thought: 'wait' }) });
}

/** What runTasks delivered, and how it ended. */
async function run(o: Partial<Parameters<typeof runTasks>[0]> & Pick<Parameters<typeof runTasks>[0], 'server'>) {
  const delivered: Trajectory[] = [];
  let error: unknown;
  try {
    await runTasks({ tasks, makePolicy: waiting(), parallel: 1, maxSteps: 3, runId: 'stops', seed: 1, onEpisode: (t) => delivered.push(t), ...o });
  } catch (err) {
    error = err;
  }
  return { delivered, error };
}

describe('infrastructure failures stop the run; they are never an episode the agent failed', () => {
  it('a browser lost on every attempt: retried up to the limit (2), then the run stops and nothing is delivered', async () => {
    const server = await startServer({ port: 0, world });
    try {
      let launches = 0;
      const lost = { isConnected: () => false, close: async () => undefined } as unknown as Browser;
      const { delivered, error } = await run({ server, launch: async () => (launches++, lost) });
      expect(error).toBeInstanceOf(RunStoppedError);
      expect((error as RunStoppedError).reason).toBeInstanceOf(EnvCrashedError);
      expect((error as Error).message).toMatch(/0 of 3 episodes finished/);
      expect(launches).toBe(3);
      expect(delivered).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('the site server down before the run: the run stops at the first episode', async () => {
    const server = await startServer({ port: 0, world });
    await server.close();
    const { delivered, error } = await run({ server });
    expect(error).toBeInstanceOf(RunStoppedError);
    expect((error as Error).message).toMatch(/site server on port \d+ is down/);
    expect(delivered).toEqual([]);
  });

  it('the site server going down mid-episode: finished episodes are kept, the rest is not delivered', async () => {
    const server = await startServer({ port: 0, world });
    const browser = await sharedBrowser();
    try {
      // Episode 1 runs its 3 steps; during episode 2 the server goes away.
      const { delivered, error } = await run({ server, launch: async () => browser, makePolicy: waiting(async (n) => (n === 5 ? server.close() : undefined)) });
      expect(error).toBeInstanceOf(RunStoppedError);
      expect((error as Error).message).toMatch(/1 of 3 episodes finished/);
      expect(delivered.map((t) => [t.header.task.id, t.end.status, t.steps.length])).toEqual([[tasks[0]!.id, 'max_steps', 3]]);
    } finally {
      await closeBrowser();
      if (server.listening()) await server.close();
    }
  });

  it('a model server refusing one request for its content fails that episode only; any other environment failure is the run\'s', () => {
    const refused = Object.assign(new EnvironmentError('400 prompt too long'), { status: 400 });
    const down = Object.assign(new EnvironmentError('ECONNREFUSED'), { status: undefined });
    expect(isInfrastructureFailure(refused)).toBe(false);
    expect(isInfrastructureFailure(down)).toBe(true);
    expect(isInfrastructureFailure(new Error('a bug'))).toBe(false);
  });
});
