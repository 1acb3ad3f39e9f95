import { EnvironmentError } from '../core/errors.js';

/**
 * A model API call that failed: the server answered with an error status, or could not be
 * reached, or did not answer in time. It is an EnvironmentError because the server is outside
 * our control; `status` is the HTTP status when there was one. Messages are always redacted
 * before they get here, and no raw cause is attached (a cause could carry request headers).
 */
export class ModelApiError extends EnvironmentError {
  override name = 'ModelApiError';
  readonly status: number | undefined;
  /** Whether another attempt may succeed (429, 5xx, timeouts, connection errors). */
  readonly retryable: boolean;
  /** Milliseconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(
    message: string,
    opts: { status?: number; retryable: boolean; retryAfterMs?: number; hint?: string },
  ) {
    super(message, opts.hint === undefined ? {} : { hint: opts.hint });
    this.status = opts.status;
    this.retryable = opts.retryable;
    this.retryAfterMs = opts.retryAfterMs;
  }
}
