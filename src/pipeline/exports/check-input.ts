import { InvalidInputError } from '../../core/errors.js';
import { DatasetRow } from '../../core/schemas/dataset.js';
import { ExportOptions } from './types.js';

export const DEFAULT_HISTORY_LENGTH = 5;

/** Options with their defaults filled in. */
export type ResolvedOptions = ExportOptions & { historyLength: number };

/**
 * Validates rows and options before anything is produced, so a bad row fails the export with
 * its id instead of writing a half-valid file. Returns the rows as the schema parsed them (keys
 * in schema order, which keeps tool-call arguments byte-stable).
 */
export function checkInput(rows: readonly unknown[], opts: unknown): { rows: DatasetRow[]; opts: ResolvedOptions } {
  const o = ExportOptions.safeParse(opts);
  if (!o.success) {
    throw new InvalidInputError(`invalid export options: ${issues(o.error.issues)}`, {
      hint: "per must be 'step' or 'trajectory'; maxObsTokens and historyLength are non-negative integers",
    });
  }
  const parsed = rows.map((row, i) => {
    const r = DatasetRow.safeParse(row);
    if (!r.success) {
      const id = typeof row === 'object' && row !== null && 'id' in row ? String((row as { id: unknown }).id) : `#${i}`;
      throw new InvalidInputError(`dataset row ${id} (index ${i}) does not fit DatasetRow: ${issues(r.error.issues)}`, {
        hint: 'rows come from the salvage step (src/core/schemas/dataset.ts); re-run it or fix the file',
      });
    }
    return r.data;
  });
  return { rows: parsed, opts: { ...o.data, historyLength: o.data.historyLength ?? DEFAULT_HISTORY_LENGTH } };
}

function issues(list: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return list
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
