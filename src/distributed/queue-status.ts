import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { WorkerInfo } from './episode-job.js';
import { WORKER_GONE_MS, keys } from './names.js';

/** What each worker writes to Redis every few seconds. */
export const WorkerHeartbeat = WorkerInfo.extend({
  concurrency: z.number().int(),
  active: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  refused: z.number().int(),
  startedAt: z.string(),
  lastSeen: z.string(),
});
export type WorkerHeartbeat = z.infer<typeof WorkerHeartbeat>;

/** The last job a worker refused, and why (another project version or world). */
export const Refusal = z.strictObject({ worker: WorkerInfo, jobId: z.string(), problems: z.array(z.string()), at: z.string() });
export type Refusal = z.infer<typeof Refusal>;



export type QueueStatus = {
  queue: string;
  /** Jobs of every batch on the queue, by BullMQ state. */
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  workers: (WorkerHeartbeat & { alive: boolean })[];
  refusals: Refusal[];
};

/** The queue as Redis holds it now: job counts by state, each worker's heartbeat, the refusals. */
export async function readQueueStatus(queue: Queue, redis: Redis, now = Date.now()): Promise<QueueStatus> {
  const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  const k = keys(queue.name);
  const workers = Object.values(await redis.hgetall(k.workers))
    .map((j) => WorkerHeartbeat.safeParse(JSON.parse(j)))
    .flatMap((r) => (r.success ? [{ ...r.data, alive: now - Date.parse(r.data.lastSeen) < WORKER_GONE_MS }] : []))
    .sort((a, b) => a.id.localeCompare(b.id));
  const refusals = Object.values(await redis.hgetall(k.refusals))
    .map((j) => Refusal.safeParse(JSON.parse(j)))
    .flatMap((r) => (r.success ? [r.data] : []));
  return {
    queue: queue.name,
    counts: {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
    },
    workers,
    refusals,
  };
}

/** Forgets workers gone for longer than `olderThanMs` (a worker killed with -9 never says goodbye). */
export async function pruneWorkers(queueName: string, redis: Redis, olderThanMs: number, now = Date.now()): Promise<number> {
  const k = keys(queueName).workers;
  let n = 0;
  for (const [id, j] of Object.entries(await redis.hgetall(k))) {
    const r = WorkerHeartbeat.safeParse(JSON.parse(j));
    if (!r.success || now - Date.parse(r.data.lastSeen) > olderThanMs) n += await redis.hdel(k, id);
  }
  return n;
}
