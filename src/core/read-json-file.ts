import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InvalidInputError } from './errors.js';

/** A JSON file read and validated against its schema; a bad file names itself and the first bad field. */
export function readJsonFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InvalidInputError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError(`${path}: ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  return parsed.data;
}
