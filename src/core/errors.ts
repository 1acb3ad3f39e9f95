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

/** The thing asked for exists already or is held by someone else (an episode id, a locked run folder). */
export class ConflictError extends WebFoundryError {
  override name = 'ConflictError';
}

/** A bounded resource is full of things still in use (the episode store): nothing was evicted. */
export class CapacityError extends WebFoundryError {
  override name = 'CapacityError';
}

/**
 * Whether a failure belongs to the infrastructure (browser, site server, model server, disk)
 * rather than to one episode: such a run stops, and the episode is not stored as if the agent
 * had failed it. A model server that refused one request for its content (400, 413, 422: a
 * prompt too long, say) failed that episode only.
 */
export function isInfrastructureFailure(err: unknown): boolean {
  if (!(err instanceof EnvironmentError)) return false;
  const status = (err as { status?: unknown }).status;
  return !(typeof status === 'number' && [400, 413, 422].includes(status));
}

/** Formats an error for a person: message, then hint. */
export function describeError(err: unknown): string {
  if (err instanceof WebFoundryError) return err.hint ? `${err.message}\n  hint: ${err.hint}` : err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
