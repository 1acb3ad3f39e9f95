/**
 * The error hierarchy. Every error has a stable `name`, says what was wrong with which input,
 * and, where it can, what to do about it.
 */
export class WebFoundryError extends Error {
  override name = 'WebFoundryError';
  readonly hint: string | undefined;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }
}

/** Input from a user or a file that does not fit its schema. */
export class InvalidInputError extends WebFoundryError {
  override name = 'InvalidInputError';
}

/** A named thing (site, episode, task, run) that does not exist. */
export class NotFoundError extends WebFoundryError {
  override name = 'NotFoundError';
}

/** Something outside our control (browser, port, disk) failed. */
export class EnvironmentError extends WebFoundryError {
  override name = 'EnvironmentError';
}

/** Formats an error for a person: message, then hint. */
export function describeError(err: unknown): string {
  if (err instanceof WebFoundryError) return err.hint ? `${err.message}\n  hint: ${err.hint}` : err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
