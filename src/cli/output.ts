import Table from 'cli-table3';
import { InvalidInputError, describeError } from '../core/errors.js';
import { parseDecimal, parseWholeNumber } from '../core/numbers.js';

/** The CLI owns the terminal: tables for people, JSON for machines, errors on stderr. */
export function table(head: string[], rows: (string | number)[][]): string {
  const t = new Table({ head, style: { head: [], border: [], compact: true } });
  for (const r of rows) t.push(r.map(String));
  return t.toString();
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function fail(err: unknown): never {
  const zod = err as { name?: string; issues?: { path: PropertyKey[]; message: string }[] };
  const text =
    zod?.name === 'ZodError' && zod.issues?.length
      ? `invalid data: ${zod.issues[0]!.path.join('.') || 'value'}: ${zod.issues[0]!.message}${zod.issues.length > 1 ? ` (and ${zod.issues.length - 1} more)` : ''}`
      : describeError(err);
  process.stderr.write(`webfoundry: ${text}\n`);
  if (process.env.WEBFOUNDRY_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}

/** A commander parser for a number in [0, 1] in decimal notation (noise levels, CSR thresholds); "" and "0x1" are refused. */
export function parseFraction(name: string) {
  return (value: string): number => {
    const n = parseDecimal(value);
    if (n === undefined || !(n >= 0 && n <= 1)) throw new InvalidInputError(`${name} must be a decimal number between 0 and 1, got "${value}"`);
    return n;
  };
}

/** A commander parser for a whole number in decimal digits within [min, max]; "", "0x2", "1e3" and "2.0" are refused. */
export function parseIntOption(name: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = parseWholeNumber(value);
    if (n === undefined || n < min || n > max) throw new InvalidInputError(`${name} must be a whole number from ${min} to ${max} in decimal digits, got "${value}"`);
    return n;
  };
}
