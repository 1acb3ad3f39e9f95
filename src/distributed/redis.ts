import { Redis } from 'ioredis';
import { EnvironmentError } from '../core/errors.js';
import { checkRedisUrl, redactRedisUrl } from './names.js';

/**
 * A connection for BullMQ. `maxRetriesPerRequest: null` is what BullMQ requires of a worker's
 * connection (docs/gitbook/guide/connections.md: commands wait for Redis to come back rather than
 * fail), and a coordinator waiting for hours wants the same. The first connection is checked at
 * once, so a wrong URL or a Redis that is down is a clear error, not a silent wait.
 */
export async function connectRedis(url: string): Promise<Redis> {
  checkRedisUrl(url);
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: 10_000 });
  // Errors after the first connection are retried by ioredis; without a listener they would be printed.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (cause) {
    redis.disconnect();
    throw new EnvironmentError(`cannot reach Redis at ${redactRedisUrl(url)}: ${(cause as Error).message}`, {
      cause,
      hint: 'start redis-server (Debian: apt-get install redis-server), or check the host, port, password and TLS (rediss://) of a managed Redis',
    });
  }
  return redis;
}
