import type { Browser } from 'playwright-core';
import { InvalidInputError } from '../../core/errors.js';
import { logger } from '../../core/logger.js';
import { launchChromium } from '../chromium.js';
import { BrowserEnv } from './browser-env.js';
import { EnvCrashedError } from './errors.js';
import type { BrowserEnvOptions } from './options.js';

const log = logger('browser:pool');

export type EnvPoolOptions = {
  /** Episodes run at once, one env (browser context) each. */
  size: number;
  /** Extra attempts for an episode whose env crashed (default 2). Other failures are not retried. */
  maxRetries?: number;
  /** Options of every env; the pool supplies the browser. */
  env?: Omit<BrowserEnvOptions, 'browser'>;
  /** How to start the shared browser (default launchChromium). */
  launch?: () => Promise<Browser>;
  /**
   * A final failure for which this is true stops the pool: jobs not started yet are not started
   * (they come back `skipped`), jobs in flight finish. For failures of the environment itself (no
   * browser, a browser lost beyond the retries), where every next job would fail the same way.
   */
  stopOn?: (error: unknown) => boolean;
};

export type PoolResult<J, R> =
  | { job: J; attempts: number; ok: true; value: R }
  | { job: J; attempts: number; ok: false; error: unknown; skipped?: false }
  /** Never started: the pool had stopped on `error` (another job's). */
  | { job: J; attempts: 0; ok: false; error: unknown; skipped: true };

/**
 * Runs K episodes in parallel in one shared browser, one context each. When the browser dies
 * every env in it reports EnvCrashedError; the first env to need a browser relaunches it (once,
 * for all) and the errored episodes are run again, up to maxRetries times. A crashed page only
 * errors its own episode: the others keep running.
 */
export class EnvPool {
  private browser: Browser | undefined;
  private launching: Promise<Browser> | undefined;
  private readonly envs: BrowserEnv[] = [];
  private launchCount = 0;
  private readonly size: number;
  private readonly maxRetries: number;

  constructor(private readonly options: EnvPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new InvalidInputError(`EnvPool size must be a positive integer, got ${options.size}`);
    this.size = options.size;
    this.maxRetries = options.maxRetries ?? 2;
  }

  /** How many times the pool started a browser (1 + relaunches). */
  get launches(): number {
    return this.launchCount;
  }

  /** The shared browser, started or restarted when needed; concurrent callers share one launch. */
  liveBrowser = async (dead?: Browser): Promise<Browser> => {
    if (dead && dead === this.browser) {
      // It may still claim to be connected for a moment after its process died.
      void dead.close().catch(() => undefined);
      this.browser = undefined;
    }
    if (this.browser?.isConnected()) return this.browser;
    this.launching ??= (async () => {
      try {
        const b = await (this.options.launch ?? launchChromium)();
        this.launchCount++;
        if (this.launchCount > 1) log.debug('browser relaunched', { launches: this.launchCount });
        this.browser = b;
        return b;
      } finally {
        this.launching = undefined;
      }
    })();
    return this.launching;
  };

  /** Runs `fn` once per job (more on crashes); results in job order. */
  async run<J, R>(jobs: readonly J[], fn: (env: BrowserEnv, job: J, attempt: number) => Promise<R>): Promise<PoolResult<J, R>[]> {
    const results: PoolResult<J, R>[] = new Array(jobs.length);
    let next = 0;
    let stoppedBy: { error: unknown } | undefined;
    while (this.envs.length < Math.min(this.size, jobs.length)) this.envs.push(new BrowserEnv({ ...this.options.env, browser: this.liveBrowser }));
    const worker = async (env: BrowserEnv) => {
      while (next < jobs.length && !stoppedBy) {
        const index = next++;
        const job = jobs[index]!;
        for (let attempt = 0; ; attempt++) {
          try {
            results[index] = { job, attempts: attempt + 1, ok: true, value: await fn(env, job, attempt) };
            break;
          } catch (err) {
            if (err instanceof EnvCrashedError && attempt < this.maxRetries) {
              log.debug('episode errored, retrying', { index, attempt, reason: err.reason });
              continue;
            }
            results[index] = { job, attempts: attempt + 1, ok: false, error: err };
            if (!stoppedBy && this.options.stopOn?.(err)) {
              log.debug('pool stopped', { index, error: String(err) });
              stoppedBy = { error: err };
            }
            break;
          }
        }
      }
    };
    await Promise.all(this.envs.slice(0, Math.min(this.size, jobs.length)).map(worker));
    for (let i = 0; i < jobs.length; i++) results[i] ??= { job: jobs[i]!, attempts: 0, ok: false, error: stoppedBy!.error, skipped: true };
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.envs.map((e) => e.close().catch(() => undefined)));
    this.envs.length = 0;
    await this.browser?.close().catch(() => undefined);
    this.browser = undefined;
  }
}
