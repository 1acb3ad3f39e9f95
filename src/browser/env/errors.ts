import { EnvironmentError } from '../../core/errors.js';

/**
 * The browser under an env died: its page crashed, or the whole browser went away. The episode
 * is lost (it errored, it did not fail); reset() on the same env starts over in a new context,
 * relaunching the browser when the env owns it, and EnvPool retries the episode.
 */
export class EnvCrashedError extends EnvironmentError {
  override name = 'EnvCrashedError';
  readonly reason: 'page-crashed' | 'browser-disconnected' | 'unresponsive';
  constructor(reason: EnvCrashedError['reason'], message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, hint: 'reset() the env to start a new episode; EnvPool does so and retries' });
    this.reason = reason;
  }
}
