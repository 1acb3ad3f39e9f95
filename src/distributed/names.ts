import { InvalidInputError } from '../core/errors.js';

/* Names and URL checks only: no Redis client is loaded by importing this file (the CLI imports it for every command). */

/** The BullMQ queue every worker takes episodes from unless told otherwise. */
export const DEFAULT_QUEUE = 'webfoundry-episodes';
/** BullMQ's key prefix for our queues (BullMQ's own default is "bull"). */
export const KEY_PREFIX = 'webfoundry';

/** Where a queue lives: a Redis URL and the queue's name. */
export type QueueAddress = { url: string; queue: string };

/** Our own keys beside BullMQ's, under the same prefix and queue name. */
export const keys = (queue: string) => ({
  /** Hash: worker id -> WorkerHeartbeat JSON. */
  workers: `${KEY_PREFIX}:${queue}:wf:workers`,
  /** Hash: worker id -> Refusal JSON (the last job it refused and why). */
  refusals: `${KEY_PREFIX}:${queue}:wf:refusals`,
  /** String (gzip): an episode's trajectory, written by the worker, read and deleted by the coordinator. */
  result: (jobId: string) => `${KEY_PREFIX}:${queue}:wf:result:${jobId}`,
});

/** How long results, finished jobs and refusals of an abandoned run stay in Redis: a week. */
export const RETENTION_SECONDS = 7 * 24 * 3600;

/** Checks a `redis://` / `rediss://` URL (`redis://[user:password@]host:port[/db]`) before anything connects with it. */
export function checkRedisUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InvalidInputError(`"${url}" is not a Redis URL`, { hint: 'write redis://HOST:PORT/DB, or rediss://USER:PASSWORD@HOST:PORT for TLS (a managed Redis)' });
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new InvalidInputError(`"${url}" is not a Redis URL (scheme ${u.protocol})`, { hint: 'write redis://HOST:PORT/DB, or rediss://... for TLS' });
  }
  const db = u.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new InvalidInputError(`"${url}": the database must be a number, got "${db}"`);
  return url;
}

/** The URL without its password, for messages and status views. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}


/** A worker not heard from for this long is shown as gone (it beats every 5 s). */
export const WORKER_GONE_MS = 30_000;
