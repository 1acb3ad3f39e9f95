import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEnvServer, type EnvServer } from '../../src/env-server/env-server.js';
import { loadBookingTasks } from '../../src/tasks/task-file.js';

/**
 * The Python client (python/webfoundry_env, standard library only), run with the system python3,
 * drives real episodes on a real env server: one site server, one Chromium, the HTTP API.
 */

const PYTHON_DIR = join(import.meta.dirname, '../../python');
const SCRIPT = join(import.meta.dirname, 'drive_episodes.py');
const suite = loadBookingTasks('bookingarena-v0');
const task = suite.find((t) => t.site === 'forkful' && !t.manage)!;

/** python3 as a child process (not spawnSync: the server answering it lives in this process). */
function python(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
let server: EnvServer;

beforeAll(async () => {
  // A short idle timeout so that the vanished client's episode is reclaimed during the test.
  server = await startEnvServer({ port: 0, parallel: 2, worldSeed: 1, taskSources: ['bookingarena-v0'], idleTimeoutMs: 4_000 });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('the Python client against the env server', () => {
  it('resets, steps, scores and closes episodes; a bad action is an observation; a vanished client is reclaimed', async () => {
    const r = await python([SCRIPT, server.url, task.id, PYTHON_DIR, `${server.sites.origin('skyhop')}/`]);
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(r.stdout.trim().split('\n').pop()!);

    expect(seen.health).toMatchObject({ apiVersion: 1, world: { seed: 1, hash: server.sites.world.hash }, episodes: { capacity: 2 } });
    expect(seen.suites).toEqual([expect.objectContaining({ name: 'bookingarena-v0', tasks: suite.length })]);
    expect(seen.tasks_total).toBe(suite.length);
    expect(seen.prompt_has_actions).toBe(true);

    // The reset's reward is the task's constraints checked on the fresh state: none satisfied.
    expect(seen.reset).toMatchObject({ text_has_bids: true, step: 0, task: { id: task.id, site: 'forkful', instruction: task.instruction } });
    expect(seen.reset.reward).toMatchObject({ csr: 0, success: false, satisfied: 0, total: task.constraints.length });
    expect(seen.reset.reward.verdicts.map((v: { id: string }) => v.id)).toEqual(task.constraints.map((c) => c.id));

    // A bad action is an observation with the parser's reason, and spends a step.
    expect(seen.bad).toMatchObject({ reward: 0, terminated: false, truncated: false, step: 1 });
    expect(seen.bad.error).toMatch(/unknown action "clik" \(did you mean click\?\)/);
    expect(seen.good).toMatchObject({ error: null, step: 2 });
    expect(seen.good.action).toMatch(/^click\("\d+"\)$/);
    expect(seen.reply).toEqual({ action: 'noop()', error: null, step: 3 });
    // max_steps=4: the fourth step truncates, and a fifth is refused.
    expect(seen.budget).toEqual({ terminated: false, truncated: true, step: 4 });
    expect(seen.after_end).toEqual({ status: 409, code: 'episode_over' });
    expect(seen.csr_reward).toEqual([seen.good.csr]);
    expect(seen.after_close).toMatchObject({ status: 410, code: 'gone' });
    expect(seen.stop).toEqual({ terminated: true, truncated: false });

    expect(seen.trl).toEqual({ rows: suite.length, system_is_tools_style: true, opening_starts: 'OBJECTIVE:', opening_has_url: true, after_click_error: 'LAST ACTION ERROR:', reward: 0 });

    expect(seen.url_episode).toEqual({ reward: null, task: null, turn_starts: 'URL:', has_bids: true });

    // The vanished client's episode is reclaimed once idle past the timeout, and says so.
    const id = seen.vanished as string;
    await expect.poll(() => server.episodes.size, { timeout: 60_000, interval: 200 }).toBe(0);
    const res = await fetch(`${server.url}/v1/episodes/${id}`);
    expect(res.status).toBe(410);
    expect(await res.json()).toEqual({ error: { code: 'gone', message: `episode ${id} is gone: reclaimed after 4 s without a call`, hint: 'create a new episode' } });
  }, 600_000);

  it('every Python file compiles with the system python3 (the verl agent loop needs verl to import, so it is compiled only)', async () => {
    const files = ['webfoundry_env/__init__.py', 'webfoundry_env/client.py', 'webfoundry_env/env.py', 'webfoundry_env/reward.py', 'webfoundry_env/trl_env.py', 'webfoundry_env/types.py', 'webfoundry_env/verl_agent_loop.py', 'examples/random_agent.py'];
    const r = await python(['-c', 'import ast, sys\nfor f in sys.argv[1:]: ast.parse(open(f).read(), f)', ...files.map((f) => join(PYTHON_DIR, f))]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('documents the API as OpenAPI 3.1 made from the schemas', async () => {
    const doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/episodes', '/v1/episodes/{episodeId}/step', '/v1/episodes/{episodeId}/reset', '/v1/tasks']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['StepResponse', 'Observation', 'Reward', 'Task', 'Error']));
  });
});
