import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { agentFactory } from '../agents/make-agent.js';
import { describeError } from '../core/errors.js';
import { canonicalJson } from '../core/hash.js';
import { logger } from '../core/logger.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import type { EpisodeBatch, EpisodeRunner } from '../rollout/episode-runner.js';
import { erroredTrajectory } from '../rollout/run-tasks.js';
import { loadArenaWorld } from '../sites/registry.js';
import { EPISODE_JOB_VERSION, EpisodeResult, agentSpecData, decodeTrajectory, jobIdOf, type EpisodeJob } from './episode-job.js';
import { identityOf } from './identity.js';
import { connectRedis } from './redis.js';
import { DEFAULT_QUEUE, KEY_PREFIX, RETENTION_SECONDS, keys } from './names.js';
import { readQueueStatus, type QueueStatus } from './queue-status.js';

const log = logger('distributed:coordinator');

export type QueueRunnerOptions = {
  redisUrl: string;
  queue?: string;
  /** Tries of a job whose episode threw on a worker (not counting a worker's death), default 3. */
  attempts?: number;
  /** How often finished jobs are looked for besides the queue's events (default 2 s). */
  sweepMs?: number;
  /** The queue and this batch, about every second, for a progress view. */
  onStatus?: (s: BatchStatus) => void;
};

export type BatchStatus = QueueStatus & {
  batch: { key: string; total: number; delivered: number; byWorker: Record<string, number> };
};

export type QueueRunner = EpisodeRunner & { readonly queue: string; close(): Promise<void> };

/**
 * The coordinator's side of a distributed run: enqueues a batch's episodes on a BullMQ queue
 * (one job per task, its id from the batch key and the task id), and collects each finished
 * episode as it comes, from any worker, in any order. Delivery is at least once: an episode may
 * be handed to `onEpisode` twice (a job retried after its worker died, a coordinator restarted
 * between storing an episode and removing its job), and the caller's write is idempotent. A
 * coordinator restarted with the same batch key re-attaches: adding the jobs again keeps those
 * that exist, and finished ones are collected at once.
 */
export async function queueRunner(o: QueueRunnerOptions): Promise<QueueRunner> {
  const queueName = o.queue ?? DEFAULT_QUEUE;
  const redis = await connectRedis(o.redisUrl);
  const queue = new Queue(queueName, { connection: redis, prefix: KEY_PREFIX });
  return {
    name: 'queue',
    queue: queueName,
    run: (batch) => runBatch(o, queueName, queue, redis, batch),
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}

async function runBatch(o: QueueRunnerOptions, queueName: string, queue: Queue, redis: Redis, batch: EpisodeBatch): Promise<Trajectory[]> {
  const { world } = loadArenaWorld(batch.worldSeed);
  const identity = identityOf(world);
  const key = batch.key ?? randomUUID().replace(/-/g, '').slice(0, 16);
  const agent = agentSpecData(batch.agent);
  const agentName = policyName(batch, world);
  const outstanding = new Map(batch.tasks.map((t) => [jobIdOf(key, t.id), t]));
  const collected = new Map<string, Trajectory>();
  const byWorker: Record<string, number> = {};
  const k = keys(queueName);

  let wake: (() => void) | undefined;
  const settled = new Promise<void>((resolve) => (wake = resolve));
  let chain = Promise.resolve();
  let failure: unknown;
  /** Looks at one job, one at a time: delivers it if it finished, then removes it and its result. */
  const check = (job: Job | string) => {
    chain = chain
      .then(async () => {
        const j = typeof job === 'string' ? await queue.getJob(job) : job;
        if (!j?.id || !j.id.startsWith(`${key}.`)) return;
        const state = await j.getState();
        if (state !== 'completed' && state !== 'failed') return;
        const task = outstanding.get(j.id);
        // A job of this batch whose task is already stored (by this coordinator or an earlier one).
        if (!task) return forget(j);
        const t = state === 'completed' ? await finished(j, task) : failedEpisode(j, task);
        if (!t) return;
        batch.onEpisode?.(t);
        collected.set(task.id, t);
        outstanding.delete(j.id);
        await forget(j);
        if (outstanding.size === 0) wake?.();
      })
      .catch((err: unknown) => {
        failure = err;
        wake?.();
      });
    return chain;
  };
  const forget = async (j: Job) => {
    await redis.del(k.result(j.id!));
    await j.remove().catch(() => undefined);
  };
  /** The trajectory of a completed job, or undefined (and the job run again) when its result is gone. */
  const finished = async (j: Job, task: Task): Promise<Trajectory | undefined> => {
    const r = EpisodeResult.safeParse(j.returnvalue);
    const bytes = r.success ? await redis.getBuffer(k.result(j.id!)) : null;
    if (!r.success || !bytes) {
      log.warn('completed job without its result; running it again', { jobId: j.id });
      await j.remove().catch(() => undefined);
      await queue.add('episode', jobData(task), jobOptions(j.id!));
      return undefined;
    }
    const t = decodeTrajectory(bytes);
    if (canonicalJson(t.header.task) !== canonicalJson(task)) throw new Error(`job ${j.id} returned an episode of another task (${t.header.task.id}, not ${task.id})`);
    // The coordinator's own object (same content, checked above): its key order is the local run's.
    t.header.task = task;
    byWorker[r.data.worker.id] = (byWorker[r.data.worker.id] ?? 0) + 1;
    return t;
  };
  const failedEpisode = (j: Job, task: Task): Trajectory =>
    erroredTrajectory(task, `${batch.runId}-${task.id}`, `failed on the queue after ${j.attemptsMade} attempt(s): ${j.failedReason}`, Math.max(1, j.attemptsMade), agentName);
  const jobData = (task: Task): EpisodeJob => ({ schemaVersion: EPISODE_JOB_VERSION, batch: key, identity, task, agent, runId: batch.runId, seed: batch.seed, maxSteps: batch.maxSteps, mode: batch.mode });
  const jobOptions = (jobId: string) => ({
    jobId,
    attempts: o.attempts ?? 3,
    backoff: { type: 'exponential' as const, delay: 5_000 },
    // Kept until collected; a batch whose coordinator never comes back is dropped after a week.
    removeOnComplete: { age: RETENTION_SECONDS },
    removeOnFail: { age: RETENTION_SECONDS },
  });

  // Listen before adding, so that no completion is missed; the sweep catches any that are.
  const events = new QueueEvents(queueName, { connection: redis, prefix: KEY_PREFIX });
  events.on('completed', ({ jobId }) => void check(jobId));
  events.on('failed', ({ jobId }) => void check(jobId));
  events.on('error', (err) => log.warn('queue events error', { error: describeError(err) }));
  await events.waitUntilReady();

  const sweep = async () => {
    for (const state of ['completed', 'failed'] as const) {
      for (let start = 0; ; start += 200) {
        const page = await queue.getJobs([state], start, start + 199, true);
        for (const j of page) if (j?.id?.startsWith(`${key}.`)) await check(j);
        if (page.length < 200) break;
      }
    }
  };
  const status = async () => {
    if (!o.onStatus) return;
    const s = await readQueueStatus(queue, redis);
    o.onStatus({ ...s, batch: { key, total: batch.tasks.length, delivered: collected.size, byWorker: { ...byWorker } } });
  };

  // Same order as a local run (grouped by site: a worker's warm context is reused more often).
  const order = batch.tasks.map((task, index) => ({ task, index })).sort((a, b) => (a.task.site < b.task.site ? -1 : a.task.site > b.task.site ? 1 : a.index - b.index));
  for (let i = 0; i < order.length; i += 500) {
    await queue.addBulk(order.slice(i, i + 500).map(({ task }) => ({ name: 'episode', data: jobData(task), opts: jobOptions(jobIdOf(key, task.id)) })));
  }
  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void Promise.all([sweep(), status()])
      .catch((err: unknown) => log.warn('sweep failed', { error: describeError(err) }))
      .finally(() => (sweeping = false));
  }, o.sweepMs ?? 2_000);
  try {
    await sweep();
    await status();
    if (outstanding.size > 0) await settled;
    await chain;
    if (failure) throw failure;
    await status();
  } finally {
    clearInterval(timer);
    await events.close();
  }
  return batch.tasks.map((t) => collected.get(t.id)!);
}

/** The agent's name as its trajectories carry it, for an episode that failed before any policy ran. */
function policyName(batch: EpisodeBatch, world: ReturnType<typeof loadArenaWorld>['world']): string {
  try {
    return agentFactory(batch.agent.name, { world, ...(batch.agent.llm ? { llm: batch.agent.llm } : {}) })().name;
  } catch {
    return batch.agent.name;
  }
}
