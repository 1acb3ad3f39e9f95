import type { DatasetRow } from '../../core/schemas/dataset.js';
import { isWebTask } from '../../core/schemas/task.js';

export interface DatasetStats {
  rows: number;
  successes: number;
  salvaged: number;
  /** Rows of task-free exploration, labeled in hindsight (`explore`). */
  explored: number;
  steps: { total: number; min: number; median: number; max: number };
  syntheticSteps: number;
  unparseableSteps: number;
  bySite: [string, number][];
  byDifficulty: [string, number][];
  constraintKinds: [string, number][];
}

/** Counts sorted by key, so the card is byte-stable for the same rows. */
function histogram(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function datasetStats(rows: readonly DatasetRow[]): DatasetStats {
  const lengths = rows.map((r) => r.steps.length).sort((a, b) => a - b);
  const steps = rows.flatMap((r) => r.steps);
  return {
    rows: rows.length,
    successes: rows.filter((r) => r.kind === 'success').length,
    salvaged: rows.filter((r) => r.kind === 'salvaged').length,
    explored: rows.filter((r) => r.kind === 'explored').length,
    steps: { total: steps.length, min: lengths[0] ?? 0, median: median(lengths), max: lengths.at(-1) ?? 0 },
    syntheticSteps: steps.filter((s) => s.synthetic).length,
    unparseableSteps: steps.filter((s) => s.parsed === null).length,
    bySite: histogram(rows.map((r) => r.task.site)),
    byDifficulty: histogram(rows.map((r) => (isWebTask(r.task) ? 'web' : r.task.metadata.difficulty))),
    // An open-web task has no typed constraints (a model judges it).
    constraintKinds: histogram(rows.flatMap((r) => (isWebTask(r.task) ? [] : r.task.constraints.map((c) => c.kind)))),
  };
}
