/**
 * Past one machine: scripted-teacher episodes/hour through a BullMQ queue with 1, 2 and 3 local
 * worker processes (concurrency 1 each) against the same batch run in this process; the queue's
 * overhead per episode (one worker vs the local pool at parallel 1, both one episode at a time);
 * and the latency the env server's HTTP API adds to a step over an in-process BrowserEnv step.
 *
 * On a 2-core machine three workers (each with its own Chromium) contend for the same cores:
 * the figures show overhead, not scaling. Redis is Debian's redis-server on a free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BrowserEnv } from '../src/browser/env/browser-env.js';
import { EnvPool } from '../src/browser/env/env-pool.js';
import { queueRunner } from '../src/distributed/queue-runner.js';
import { startEnvServer } from '../src/env-server/env-server.js';
import { localRunner, type EpisodeBatch } from '../src/rollout/episode-runner.js';
import { siteBackend } from '../src/rollout/site-backend.js';
import { SITES } from '../src/sites/registry.js';
import { loadTasks } from '../src/tasks/task-file.js';
import { startRedis } from '../test/helpers/redis-server.js';
import { fmt, median } from './stats.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const out: Record<string, unknown> = {};
const say = (s: string) => !json && process.stdout.write(`${s}\n`);
const BIN = join(import.meta.dirname, '../bin/webfoundry.mjs');

const suite = loadTasks('bookingarena-v0');
const tasks = SITES.flatMap((s) => suite.filter((t) => t.site === s.id).slice(0, quick ? 1 : 2));
const batch = (runId: string, key?: string): EpisodeBatch => ({ tasks, agent: { name: 'scripted', noise: 0 }, worldSeed: 1, maxSteps: 60, runId, seed: 1, mode: 'viewport', ...(key ? { key } : {}) });

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

// --- local baseline --------------------------------------------------------------------------
const local = await timed(() => localRunner({ parallel: 1 }).run(batch('bench-local')));
const perHour = (ms: number) => Math.round(tasks.length / (ms / 3_600_000));
say(`local, parallel 1: ${perHour(local.ms)} episodes/hour (${tasks.length} episodes in ${fmt(local.ms / 1000)} s)`);
const queue: Record<string, number> = {};

// --- queue with 1, 2, 3 workers --------------------------------------------------------------
const redis = await startRedis();
const runner = await queueRunner({ redisUrl: redis.url, queue: 'bench', sweepMs: 500 });
let overheadMs = 0;
try {
  for (const n of [1, 2, 3]) {
    const workers: ChildProcess[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const w = spawn(process.execPath, [BIN, 'worker', '--redis', redis.url, '--queue-name', 'bench', '--concurrency', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
      workers.push(w);
      ready.push(new Promise((resolve) => w.stderr!.on('data', (d: Buffer) => /serves queue/.test(d.toString()) && resolve())));
    }
    await Promise.all(ready);
    const r = await timed(() => runner.run(batch(`bench-q${n}`, `bench${n}${Date.now()}`)));
    queue[`workers${n}`] = perHour(r.ms);
    if (n === 1) overheadMs = (r.ms - local.ms) / tasks.length;
    say(`queue, ${n} worker(s) x concurrency 1: ${perHour(r.ms)} episodes/hour (${fmt(r.ms / 1000)} s)`);
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once('exit', resolve)))));
  }
} finally {
  await runner.close();
  await redis.stop();
}
say(`queue overhead per episode (1 worker vs local parallel 1, each starting its own site server and Chromium): ${fmt(overheadMs, 0)} ms`);
out.episodesPerHour = { localParallel1: perHour(local.ms), ...queue };
out.queueOverheadMsPerEpisode = Math.round(overheadMs);

// --- env server step latency -----------------------------------------------------------------
const STEPS = quick ? 10 : 30;
const server = await startEnvServer({ port: 0, parallel: 1, worldSeed: 1, taskSources: ['bookingarena-v0'] });
const task = tasks[0]!;
try {
  const pool = new EnvPool({ size: 1 });
  const env = new BrowserEnv({ browser: pool.liveBrowser, backend: siteBackend(server.sites), mode: 'viewport' });
  await env.reset({ siteId: task.site });
  const inProcess: number[] = [];
  for (let i = 0; i < STEPS; i++) inProcess.push((await timed(() => env.step('noop()'))).ms);
  await env.close();
  await pool.close();

  const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ episodeId: string }>);
  const { episodeId } = await post('/v1/episodes', { taskId: task.id, maxSteps: 1000 });
  const http: number[] = [];
  for (let i = 0; i < STEPS; i++) http.push((await timed(() => post(`/v1/episodes/${episodeId}/step`, { action: 'noop()' }))).ms);
  const a = median(inProcess);
  const b = median(http);
  out.envServerStep = { inProcessMedianMs: +fmt(a), httpMedianMs: +fmt(b), addedMs: +fmt(b - a), steps: STEPS };
  say(`env server step (noop, median of ${STEPS}): in-process ${fmt(a)} ms, over HTTP ${fmt(b)} ms, added ${fmt(b - a)} ms`);
} finally {
  await server.close();
}
if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
