import type { Action } from '../../core/schemas/action.js';
import type { DatasetRow, DatasetStep } from '../../core/schemas/dataset.js';

export type ParsedStep = DatasetStep & { parsed: Action };

/**
 * The steps a format without per-turn loss weights can train on: those whose action parsed. An
 * unparseable action has no structured form, and keeping it would teach it; the page does not
 * change on a failed parse, so the next kept step's observation still follows the previous action.
 */
export function parsedSteps(row: DatasetRow): { index: number; step: ParsedStep }[] {
  return row.steps.flatMap((step, index) => (step.parsed === null ? [] : [{ index, step: { ...step, parsed: step.parsed } }]));
}
