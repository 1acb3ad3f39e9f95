import type { Logger } from '../core/logger.js';
import { ModelApiError } from './errors.js';
import { RateLimiter, Semaphore } from './limiter.js';
import type { Redactor } from './redact.js';
import { abortableSleep, DEFAULT_BACKOFF, parseRetryAfter, withRetry, type RetryDecision } from './retry.js';

/**
 * The one way model requests leave the process: JSON POST with a per-attempt timeout, retries
 * (429, 5xx, timeouts, connection errors) with backoff, bounded concurrency and an optional
 * requests-per-minute limit. Every message it produces has passed through the redactor.
 */
export type HttpClientOptions = {
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
  requestsPerMinute?: number | undefined;
  backoff?: { baseDelayMs: number; maxDelayMs: number };
  /** Said with 401/403 answers, e.g. which environment variable holds the key. */
  authHint?: string;
};

export type HttpDeps = {
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
};

export class HttpClient {
  private readonly semaphore: Semaphore;
  private readonly rateLimiter: RateLimiter | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly opts: HttpClientOptions,
    private readonly redactor: Redactor,
    private readonly log: Logger,
    deps: HttpDeps = {},
  ) {
    this.semaphore = new Semaphore(opts.concurrency);
    this.fetchImpl = deps.fetch ?? fetch;
    this.sleep = deps.sleep ?? abortableSleep;
    this.random = deps.random ?? Math.random;
    this.rateLimiter =
      opts.requestsPerMinute === undefined
        ? undefined
        : new RateLimiter(opts.requestsPerMinute, { now: deps.now ?? Date.now, sleep: this.sleep });
  }

  /** Requests currently holding a concurrency slot (for tests and progress displays). */
  get inFlight(): number {
    return this.semaphore.inFlight;
  }

  postJson(url: string, headers: Record<string, string>, body: unknown, signal?: AbortSignal): Promise<unknown> {
    // The slot is held through backoff waits too: a server that said 429 should not see our
    // other workers pile in while this one waits.
    return this.semaphore.run(async () => {
      let attempts = 0;
      try {
        return await withRetry(
          async (attempt) => {
            attempts = attempt + 1;
            await this.rateLimiter?.take(signal);
            return this.attempt(url, headers, body, signal);
          },
          {
            maxRetries: this.opts.maxRetries,
            ...(this.opts.backoff ?? DEFAULT_BACKOFF),
            classify: classify,
            onRetry: (err, attempt, delayMs) =>
              this.log.warn('retrying model request', { url: this.redactor(url), attempt: attempt + 1, delayMs, error: errorText(err) }),
            ...(signal ? { signal } : {}),
          },
          { sleep: this.sleep, random: this.random },
        );
      } catch (err) {
        if (err instanceof ModelApiError && err.retryable && attempts > 1) {
          throw new ModelApiError(`${err.message} (gave up after ${attempts} attempts)`, {
            retryable: false,
            ...(err.status === undefined ? {} : { status: err.status }),
            ...(err.hint === undefined ? {} : { hint: err.hint }),
          });
        }
        throw err;
      }
    });
  }

  private async attempt(url: string, headers: Record<string, string>, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const shownUrl = this.redactor(url);
    const started = Date.now();
    const failed = (err: unknown): never => {
      // The caller's own abort is not a failure to retry: hand it back as is.
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) {
        throw new ModelApiError(`model request to ${shownUrl} timed out after ${this.opts.timeoutMs} ms`, {
          retryable: true,
          hint: 'raise timeoutMs (--timeout-ms) for slow models or long prompts',
        });
      }
      throw new ModelApiError(this.redactor(`could not reach the model server at ${url}: ${networkReason(err)}`), {
        retryable: true,
        hint: 'is the server running, and is the base URL right (OpenAI-compatible servers usually end in /v1)?',
      });
    };

    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: combined,
      });
      text = await res.text();
    } catch (err) {
      return failed(err);
    }
    this.log.debug('model response', { url: shownUrl, status: res.status, ms: Date.now() - started });

    if (!res.ok) {
      const status = res.status;
      const retryable = status === 429 || status === 408 || status >= 500;
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      const hint = status === 401 || status === 403 ? this.opts.authHint : undefined;
      throw new ModelApiError(this.redactor(`model server ${shownUrl} answered ${status}: ${serverMessage(text)}`), {
        status,
        retryable,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        ...(hint === undefined ? {} : { hint }),
      });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ModelApiError(this.redactor(`model server ${shownUrl} answered ${res.status} with a body that is not JSON: ${snippet(text)}`), {
        status: res.status,
        retryable: false,
      });
    }
  }
}

function classify(err: unknown): RetryDecision {
  if (err instanceof ModelApiError && err.retryable) {
    return err.retryAfterMs === undefined ? { retry: true } : { retry: true, retryAfterMs: err.retryAfterMs };
  }
  return { retry: false };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** fetch reports "fetch failed" and hides the reason (ECONNREFUSED, ENOTFOUND...) in the cause. */
function networkReason(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  const code = cause?.code ?? (err as { code?: string } | undefined)?.code;
  const msg = cause?.message ?? errorText(err);
  return code && !msg.includes(code) ? `${code} ${msg}` : msg;
}

/** The human part of an error body across OpenAI, Anthropic, vLLM, Ollama and llama.cpp shapes. */
export function serverMessage(text: string): string {
  try {
    const j = JSON.parse(text) as { error?: unknown; message?: unknown; detail?: unknown };
    const e = j.error;
    if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') {
      return (e as { message: string }).message;
    }
    if (typeof e === 'string') return e;
    if (typeof j.message === 'string') return j.message;
    if (typeof j.detail === 'string') return j.detail;
  } catch {
    // not JSON: fall through to the raw text
  }
  return snippet(text) || '(empty body)';
}

function snippet(text: string): string {
  const t = text.trim();
  return t.length > 500 ? `${t.slice(0, 500)}...` : t;
}
