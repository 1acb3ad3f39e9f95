import { describeError, EnvironmentError, WebFoundryError } from '../core/errors.js';

/**
 * A run that stopped because its infrastructure failed (no browser, a browser lost beyond the
 * retries, the site or model server down). The episodes that finished before were delivered
 * and kept; the others were not run to an end and are not recorded as if the agent had failed.
 */
export class RunStoppedError extends EnvironmentError {
  override name = 'RunStoppedError';
  constructor(
    readonly finished: number,
    readonly total: number,
    readonly reason: unknown,
    hint?: string,
  ) {
    const why = reason instanceof Error ? reason.message : String(reason);
    const own = reason instanceof WebFoundryError ? reason.hint : undefined;
    super(`the run stopped: ${why.split('\n')[0]} (${finished} of ${total} episodes finished and were kept; the other ${total - finished} did not run to an end and are not recorded)`, {
      cause: reason,
      hint: [own, hint].filter(Boolean).join('; then ') || `fix it and run again (${describeError(reason).split('\n')[0]})`,
    });
  }
}
