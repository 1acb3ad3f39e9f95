/**
 * Retries with exponential backoff and full jitter (delay drawn uniformly from
 * [0, min(cap, base * 2^attempt)]), which spreads out clients that failed together. A delay the
 * server asked for (Retry-After) replaces the drawn one.
 */
export type BackoffOptions = {
  /** Retries after the first attempt (0 = try once). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_BACKOFF: Omit<BackoffOptions, 'maxRetries'> = { baseDelayMs: 500, maxDelayMs: 30_000 };

/** The longest Retry-After we honour; a server asking for an hour gets the cap instead. */
const MAX_RETRY_AFTER_MS = 120_000;

export type RetryDeps = {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
};

export type RetryDecision = { retry: false } | { retry: true; retryAfterMs?: number };

export function backoffDelay(attempt: number, opts: Omit<BackoffOptions, 'maxRetries'>, random: () => number): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: BackoffOptions & {
    classify: (err: unknown) => RetryDecision;
    onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
    signal?: AbortSignal;
  },
  deps: RetryDeps,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const decision = opts.classify(err);
      if (!decision.retry || attempt >= opts.maxRetries || opts.signal?.aborted) throw err;
      const delay =
        decision.retryAfterMs !== undefined
          ? Math.min(decision.retryAfterMs, MAX_RETRY_AFTER_MS)
          : backoffDelay(attempt, opts, deps.random);
      opts.onRetry?.(err, attempt, delay);
      await deps.sleep(delay, opts.signal);
    }
  }
}

/** setTimeout as a promise that rejects when the signal aborts (so Ctrl-C is not delayed). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After is either delay-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
