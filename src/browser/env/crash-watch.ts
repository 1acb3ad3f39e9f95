import { EnvCrashedError } from './errors.js';

/**
 * The crash state of one episode. Playwright calls on a crashed page can hang, so every step
 * races its work against this signal (page 'crash', browser 'disconnected') and a step timeout.
 */
export class CrashWatch {
  private error: EnvCrashedError | undefined;
  private reject!: (err: EnvCrashedError) => void;
  private readonly signal: Promise<never>;

  constructor() {
    this.signal = new Promise<never>((_, reject) => {
      this.reject = reject;
    });
    // Nobody may be racing when the crash is reported; that is not an unhandled rejection.
    this.signal.catch(() => undefined);
  }

  get crashed(): EnvCrashedError | undefined {
    return this.error;
  }

  fail(err: EnvCrashedError): void {
    if (this.error) return;
    this.error = err;
    this.reject(err);
  }

  /** `work`, unless a crash is reported first or it outlives `timeoutMs` (the page hangs). */
  async guard<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    if (this.error) throw this.error;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new EnvCrashedError('unresponsive', `${what} did not finish within ${timeoutMs} ms`);
        this.fail(err);
        reject(err);
      }, timeoutMs);
    });
    try {
      return await Promise.race([work, this.signal, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
