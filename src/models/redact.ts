import type { Logger } from '../core/logger.js';

export const REDACTED = '[REDACTED]';

/**
 * Replaces every secret value in a text. Secrets shorter than 4 characters are ignored: a
 * one-letter "key" from a local server that needs none would otherwise shred every message.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    out = out.split(s).join(REDACTED);
  }
  return out;
}

/** A function bound to one set of secrets, handed to everything that formats errors or logs. */
export type Redactor = (text: string) => string;

export function makeRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const list = secrets.filter((s): s is string => !!s && s.length >= 4);
  return (text) => redact(text, list);
}

/**
 * A logger whose lines pass through the redactor. Data is serialised first so a key nested
 * anywhere in it (a header echoed by a server, say) is caught as well.
 */
export function redactingLogger(inner: Logger, redactor: Redactor): Logger {
  const clean = (data: unknown): unknown => (data === undefined ? undefined : JSON.parse(redactor(JSON.stringify(data) ?? 'null')));
  return {
    debug: (msg, data) => inner.debug(redactor(msg), clean(data)),
    warn: (msg, data) => inner.warn(redactor(msg), clean(data)),
  };
}
