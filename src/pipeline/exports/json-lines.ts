import type { z } from 'zod';
import { WebFoundryError } from '../../core/errors.js';

/** One JSON value a line, newline-terminated (the JSON Lines convention every trainer reads). */
export function toJsonl(lines: readonly unknown[]): string {
  return lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length > 0 ? '\n' : '');
}

/**
 * Checks each produced line against the trainer's documented format before anything is
 * returned: a bug in an exporter fails here, not hours later in a training job.
 */
export function checkLines<T>(schema: z.ZodType<T>, lines: readonly T[], format: string): void {
  lines.forEach((line, i) => {
    const r = schema.safeParse(line);
    if (!r.success) {
      const first = r.error.issues[0];
      throw new WebFoundryError(`${format} export produced an invalid line ${i + 1}: ${first?.path.map(String).join('.') ?? ''} ${first?.message ?? ''}`, {
        hint: 'this is a bug in src/pipeline/exports; please report it with the row that caused it',
      });
    }
  });
}
