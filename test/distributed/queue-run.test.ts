import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPISODE_JOB_VERSION, jobIdOf, type EpisodeJob } from '../../src/distributed/episode-job.js';
import { identityOf } from '../../src/distributed/identity.js';
import { KEY_PREFIX, keys } from '../../src/distributed/names.js';
import { RunStore } from '../../src/pipeline/run-store.js';
import { loadArenaWorld } from '../../src/sites/registry.js';
import { loadTasks } from '../../src/tasks/task-file.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

/**
 * Distributed rollouts against a real Redis (Debian's redis-server on a free loopback port) and
 * real worker processes, each with its own site server and Chromium. What BullMQ does that this
 * relies on, read from its source (taskforcesh/bullmq): a job added again under an existing id is
 * not added twice (commands/addStandardJob-9.lua, includes/handleDuplicatedJob.lua); a job whose
 * worker died is moved back to wait once its lock key has expired and a stalled check has seen it
 * twice (commands/moveStalledJobsToWait-9.lua); locks last `lockDuration` and are renewed every half
 * of it (classes/worker.ts). The workers here use a 10 s lock and a 3 s stalled check, so a killed
 * worker's episode is back on the queue within about 16 s.
 */

const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const root = mkdtempSync(join(tmpdir(), 'wf-queue-'));
const RUN = ['generate', '--sites', 'skyhop,forkful', '--tasks', '3', '--parallel', '2', '--seed', '5'];
const TASKS = 6;
let redis: TestRedis;
const children: ChildProcess[] = [];

type Cli = { child: ChildProcess; done: Promise<number>; out: () => string; err: () => string };

function cli(args: string[]): Cli {
  // Own process group: kill -9 of the group takes the worker's Chromium with it, as a dead machine would.
  const child = spawn(process.execPath, [BIN, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { child, done, out: () => out, err: () => err };
}

const worker = (queueName: string) => cli(['worker', '--redis', redis.url, '--queue-name', queueName, '--concurrency', '1', '--lock-ms', '10000', '--stalled-ms', '3000']);
const killGroup = (c: Cli) => process.kill(-c.child.pid!, 'SIGKILL');

function query<T>(dir: string, sql: string): T[] {
  try {
    const db = new Database(RunStore.path(dir), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}
const episodesIn = (dir: string) => (query<{ n: number }>(dir, 'SELECT COUNT(*) AS n FROM episodes')[0]?.n ?? 0);
/** Site servers listen on port 0: the port in a URL is the only thing two equal runs may differ in. */
const portless = (s: string) => s.replace(/\.localhost:\d+/g, '.localhost:PORT');

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) try { process.kill(-c.pid!, 'SIGKILL'); } catch { /* gone */ }
  await redis?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('generate --queue with three worker processes', () => {
  it('survives kill -9 of a worker mid-episode and of the coordinator: every episode stored once, rows equal to a local run', async () => {
    const queueName = 'q-main';
    const workers = [worker(queueName), worker(queueName), worker(queueName)];
    const local = cli([...RUN, '--out', join(root, 'local', 'run')]);
    await expect.poll(() => workers.every((w) => /serves queue "q-main"/.test(w.err())), { timeout: 120_000, interval: 200 }).toBe(true);
    // The reference run first, so that it and the queue run do not share the two cores.
    expect(await local.done, local.err()).toBe(0);

    const dir = join(root, 'queue', 'run'); // same run id ("run") as the local run: episode ids match
    const first = cli([...RUN, '--out', dir, '--queue', redis.url, '--queue-name', queueName]);

    // A worker in the middle of an episode: it said "started" and not yet "finished" for that job.
    const busy = () => workers.find((w) => {
      const started = [...w.out().matchAll(/^started +(\S+)/gm)].map((m) => m[1]);
      return started.some((id) => !w.out().includes(`finished ${id}`));
    });
    await expect.poll(() => busy() !== undefined, { timeout: 300_000, interval: 100 }).toBe(true);
    const victim = busy()!;
    const lostJob = [...victim.out().matchAll(/^started +(\S+)/gm)].map((m) => m[1]!).find((id) => !victim.out().includes(`finished ${id}`))!;
    killGroup(victim);
    await victim.done;

    // The coordinator dies after storing some episodes, while the others run on.
    await expect.poll(() => episodesIn(dir), { timeout: 300_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    killGroup(first);
    await first.done;
    const before = episodesIn(dir);
    expect(before).toBeLessThan(TASKS);
    const kept = query<{ task_id: string; end_json: string }>(dir, 'SELECT task_id, end_json FROM episodes ORDER BY task_id');

    // A worker joins, and the coordinator re-attaches to the queue.
    workers.push(worker(queueName));
    const second = cli([...RUN, '--out', dir, '--resume', '--queue', redis.url, '--queue-name', queueName, '--json']);
    expect(await second.done, second.err()).toBe(0);
    expect(second.err()).toMatch(/resuming: \d of 6 episodes already done/);

    // Every task has exactly one episode, whole, and the ones stored before the kill are unchanged.
    const tasks = query<{ id: string }>(dir, 'SELECT id FROM tasks').map((r) => r.id).sort();
    const eps = query<{ task_id: string }>(dir, 'SELECT task_id FROM episodes').map((r) => r.task_id).sort();
    expect(tasks).toHaveLength(TASKS);
    expect(eps).toEqual(tasks);
    const after = query<{ task_id: string; end_json: string }>(dir, 'SELECT task_id, end_json FROM episodes ORDER BY task_id').filter((r) => kept.some((k) => k.task_id === r.task_id));
    expect(after).toEqual(kept);
    const stepCounts = query<{ declared: number; stored: number }>(dir, 'SELECT e.steps AS declared, (SELECT COUNT(*) FROM steps s WHERE s.episode_id = e.episode_id) AS stored FROM episodes e');
    for (const r of stepCounts) expect(r.stored).toBe(r.declared);

    // The killed worker's episode was run again by another worker.
    expect(workers.filter((w) => w !== victim).some((w) => w.out().includes(`finished ${lostJob}`))).toBe(true);

    // Same rows, evaluations and outcomes as the uninterrupted local run. Compared as values, not
    // text: a resumed run reads its tasks back from the store (zod orders their keys), locally too.
    const localDir = join(root, 'local', 'run');
    const rowsOf = (d: string) => query<{ json: string }>(d, 'SELECT json FROM dataset_rows ORDER BY id').map((r) => JSON.parse(portless(r.json)) as unknown);
    expect(rowsOf(localDir).length).toBeGreaterThan(0);
    expect(rowsOf(dir)).toEqual(rowsOf(localDir));
    const outcome = 'SELECT e.task_id, e.episode_id, e.status, e.csr, e.sr, e.steps, v.best_csr, v.first_best_index, v.verdicts FROM episodes e JOIN evaluations v USING (episode_id) ORDER BY e.task_id';
    const outcomes = (d: string) => query<{ verdicts: string }>(d, outcome).map((r) => ({ ...r, verdicts: JSON.parse(r.verdicts) as unknown }));
    expect(outcomes(dir)).toEqual(outcomes(localDir));
    const actions = 'SELECT s.episode_id, s.idx, json_extract(s.json, \'$.action\') AS action, json_extract(s.json, \'$.csr\') AS csr FROM steps s ORDER BY s.episode_id, s.idx';
    expect(query(dir, actions)).toEqual(query(localDir, actions));

    // Nothing of the run is left in Redis: every job and result was collected and removed.
    const r = new Redis(redis.url);
    try {
      const left = (await r.keys(`${KEY_PREFIX}:${queueName}:*`)).filter((k) => /:wf:result:|:\w+\.\w/.test(k));
      expect(left).toEqual([]);
      const q = new Queue(queueName, { connection: r, prefix: KEY_PREFIX });
      expect(await q.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 });
      await q.close();
    } finally {
      r.disconnect();
    }

    for (const w of workers) if (w !== victim) w.child.kill('SIGTERM');
    for (const w of workers) if (w !== victim) expect(await w.done).toBe(0);
  }, 900_000);
});

describe('a worker of another world or version', () => {
  /** A real job for the bookingarena-v0 suite's first task, as a coordinator with this identity would send it. */
  function job(batch: string, identity: EpisodeJob['identity']): EpisodeJob {
    const task = loadTasks('bookingarena-v0')[0]!;
    return { schemaVersion: EPISODE_JOB_VERSION, batch, identity, task, agent: { name: 'scripted', noise: 0 }, runId: batch, seed: 1, maxSteps: 5, mode: 'viewport' };
  }

  it('refuses the job with a clear error, puts it back for another worker, and records why', async () => {
    const queueName = 'q-refuse';
    const mine = identityOf(loadArenaWorld(1).world);
    const cases = [
      { batch: 'otherworld', identity: { ...mine, world: { ...mine.world, hash: 'f'.repeat(64) } }, message: /the world of seed 1 differs: the coordinator's hash is ffffffffffffffff, this worker's [0-9a-f]{16}/ },
      { batch: 'otherversion', identity: { ...mine, webfoundry: '9.9.9' }, message: /the coordinator runs webfoundry 9\.9\.9, this worker 0\.1\.0/ },
    ];
    const r = new Redis(redis.url, { maxRetriesPerRequest: null });
    const q = new Queue(queueName, { connection: r, prefix: KEY_PREFIX });
    try {
      for (const c of cases) {
        const id = jobIdOf(c.batch, 'task');
        await q.add('episode', job(c.batch, c.identity), { jobId: id });
        const w = worker(queueName);
        expect(await w.done, w.err()).toBe(2);
        expect(w.err()).toMatch(/refused a job and stopped/);
        expect(w.err()).toMatch(c.message);
        expect(w.out()).toMatch(new RegExp(`refused +${id.replace('.', '\\.')}`));
        // Not failed, not lost: back on the queue for a worker that matches, no attempt spent.
        const back = (await q.getJob(id))!;
        expect(['delayed', 'waiting']).toContain(await back.getState());
        expect(back.attemptsMade).toBe(0);
        const refusals = Object.values(await r.hgetall(keys(queueName).refusals)).map((j) => JSON.parse(j) as { jobId: string; problems: string[] });
        expect(refusals.some((x) => x.jobId === id && x.problems.some((p) => c.message.test(p)))).toBe(true);
        await back.remove();
      }
    } finally {
      await q.close();
      r.disconnect();
    }
  }, 300_000);
});
