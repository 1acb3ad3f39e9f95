import type { Command } from 'commander';
import { DEFAULT_QUEUE, checkRedisUrl, redactRedisUrl } from '../distributed/names.js';
import type { BatchStatus, QueueRunner } from '../distributed/queue-runner.js';
import type { QueueStatus } from '../distributed/queue-status.js';
import { table } from './output.js';

export type QueueFlags = { queue?: string; queueName: string };

/** `--queue` and `--queue-name`, shared by generate, run and bench (and whatever runs episodes next). */
export function queueFlags(cmd: Command): Command {
  return cmd
    .option('--queue <redis-url>', 'run the episodes on queue workers (`webfoundry worker`) through this Redis, e.g. redis://127.0.0.1:6379/0')
    .option('--queue-name <name>', 'the BullMQ queue the workers serve', DEFAULT_QUEUE);
}

/** One line about the queue for the progress bar and logs. */
export function queueLine(s: BatchStatus): string {
  const alive = s.workers.filter((w) => w.alive);
  const c = s.counts;
  const refused = s.refusals.length ? ` · ${s.refusals.length} worker(s) refused jobs (webfoundry queue status)` : '';
  const none = alive.length === 0 ? ' · no worker connected: start `webfoundry worker --redis URL`' : '';
  return `queue ${s.queue}: ${c.waiting} waiting · ${c.active} active · ${c.delayed} delayed · ${c.failed} failed · workers ${alive.length}${none}${refused}`;
}

/**
 * The queue runner for `--queue`, with its status shown on stderr: in the progress bar on a
 * terminal, otherwise one line when it changes (at most every 10 s).
 */
export async function runnerFromFlags(f: QueueFlags, show: (line: string) => void): Promise<QueueRunner | undefined> {
  if (!f.queue) return undefined;
  checkRedisUrl(f.queue);
  let last = '';
  let lastAt = 0;
  const refusalsSeen = new Set<string>();
  // Loaded only with --queue: BullMQ and ioredis cost a second of start-up to every other command.
  const { queueRunner } = await import('../distributed/queue-runner.js');
  const runner = await queueRunner({
    redisUrl: f.queue,
    queue: f.queueName,
    onStatus: (s) => {
      for (const r of s.refusals) {
        if (refusalsSeen.has(r.worker.id)) continue;
        refusalsSeen.add(r.worker.id);
        process.stderr.write(`\nwarning: ${refusalText(r)}\n`);
      }
      const line = queueLine(s);
      if (process.stderr.isTTY) return show(line);
      if (line !== last && Date.now() - lastAt > 10_000) {
        last = line;
        lastAt = Date.now();
        process.stderr.write(`${line}\n`);
      }
    },
  });
  process.stderr.write(`episodes go to queue "${f.queueName}" on ${redactRedisUrl(f.queue)}\n`);
  return runner;
}

export function refusalText(r: QueueStatus['refusals'][number]): string {
  return `worker ${r.worker.id} (${r.worker.host}, pid ${r.worker.pid}) refused job ${r.jobId}: ${r.problems.join('; ')}`;
}

/** Workers and their episodes: the per-worker view of `queue status`. */
export function workersTable(s: QueueStatus): string {
  return table(
    ['worker', 'host', 'pid', 'slots', 'active', 'done', 'failed', 'refused', 'last seen'],
    s.workers.map((w) => [w.id, w.host, w.pid, w.concurrency, w.active, w.done, w.failed, w.refused, w.alive ? `${Math.round((Date.now() - Date.parse(w.lastSeen)) / 1000)} s ago` : `gone (${w.lastSeen})`]),
  );
}
