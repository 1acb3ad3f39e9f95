import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeStaleTemps, writeFileAtomic } from '../../core/atomic-write.js';
import type { ExportFile } from './types.js';

/** The dataset card's file name: it says what the data files hold, so it is written last. */
export const CARD_FILE = 'README.md';

/**
 * Writes an export into `dir` so that a kill at any moment never leaves a card describing data
 * that is not there: the old card goes first, every data file is written atomically (whole or
 * not at all), the new card last. A folder without README.md holds an export that did not finish.
 */
export function writeExport(dir: string, files: readonly ExportFile[]): void {
  removeStaleTemps(dir);
  rmSync(join(dir, CARD_FILE), { force: true });
  for (const f of files) if (f.name !== CARD_FILE) writeFileAtomic(join(dir, f.name), f.content);
  const card = files.find((f) => f.name === CARD_FILE);
  if (card) writeFileAtomic(join(dir, card.name), card.content);
}
