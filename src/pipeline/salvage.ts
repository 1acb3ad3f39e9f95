import { Rng } from '../core/rng.js';
import { DATASET_SCHEMA_VERSION, type DatasetRow, type DatasetStep } from '../core/schemas/dataset.js';
import { isQaTask, type BookingTask as Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { evaluate } from '../evaluation/evaluate.js';
import { renderInstruction } from '../tasks/render-instruction.js';

export type SalvageOptions = {
  /** Least best-CSR a partial trajectory needs to be kept (default 0.5). */
  minCsr: number;
  /** Least number of satisfied constraints, the booking excluded, to keep it (default 2). */
  minKept: number;
  /** Keep only partials whose kept prefix submitted a booking (default false). */
  requireBooking: boolean;
};

export const DEFAULT_SALVAGE: SalvageOptions = { minCsr: 0.5, minKept: 2, requireBooking: false };

const toStep = (s: Trajectory['steps'][number]): DatasetStep => ({
  url: s.url,
  observation: s.observation,
  thought: s.thought,
  action: s.action,
  parsed: s.parsed,
  error: s.error,
  synthetic: false,
});

/** The closing sentence of a relabeled instruction whose booking was dropped. */
export const NO_BOOKING = ['Stop there; do not pay yet.', 'Stop before paying.', 'Get that far, but do not pay.'] as const;

/** The opening of a relabeled instruction: taken from the original, up to its first clause. */
function introOf(task: Task): string {
  const first = task.instruction.split(/[.,]/)[0] ?? task.instruction;
  const firstPhrase = task.constraints.map((c) => c.phrase).filter((p) => first.includes(p)).sort((a, b) => first.indexOf(a) - first.indexOf(b))[0];
  return (firstPhrase ? first.slice(0, first.indexOf(firstPhrase)) : first).trim() || 'Do this';
}

/** A phrase that followed the opening without a comma in the original instruction ("to Lisbon on June 12") keeps doing so. */
function leadOf(task: Task, phrase: string): boolean {
  const at = task.instruction.indexOf(phrase);
  return at > 0 && !/[,.]/.test(task.instruction.slice(0, at));
}

/**
 * Turns one trajectory into a training row. Successes are kept whole. A partial trajectory is
 * cut after the first step that reached its best CSR, its task relabeled in hindsight from the
 * constraints satisfied at that step (the unmet ones dropped from the instruction), and a final
 * stop step appended whose thought agrees with the new task. Returns undefined when the
 * trajectory is below the thresholds.
 */
export function salvage(t: Trajectory, runId: string, o: SalvageOptions = DEFAULT_SALVAGE): DatasetRow | undefined {
  const task = t.header.task;
  const e = t.end.evaluation;
  const provenanceBase = {
    runId,
    episodeId: t.header.episodeId,
    originalTaskId: task.id,
    originalInstruction: task.instruction,
    agent: t.header.agent.name,
    originalCsr: e.csr,
    originalSteps: t.steps.length,
  };
  if (e.sr) {
    if (t.steps.length === 0) return undefined;
    return {
      schemaVersion: DATASET_SCHEMA_VERSION,
      id: `${t.header.episodeId}-success`,
      kind: 'success',
      task,
      provenance: { ...provenanceBase, keptConstraintIds: task.constraints.map((c) => c.id), droppedConstraintIds: [], truncationIndex: -1 },
      steps: t.steps.map(toStep),
    };
  }
  // A question's partial answer is not yet relabeled into a shorter question (that needs the
  // knowledge graph, src/tasks/qa/): only its successes are kept.
  if (isQaTask(task)) return undefined;
  const cut = e.firstBestIndex;
  if (cut < 0 || e.bestCsr < o.minCsr) return undefined;
  const at = evaluate(task, t.steps[cut]!.state ?? undefined);
  const met = new Set(at.verdicts.filter((v) => v.satisfied).map((v) => v.id));
  // A superlative was proven under its scope: without one of those constraints another option
  // could be best, so it goes too.
  const kept = task.constraints.filter((c) => met.has(c.id) && (c.kind !== 'superlative' || c.scope.every((id) => met.has(id))));
  const dropped = task.constraints.filter((c) => !kept.includes(c));
  if (kept.filter((c) => c.kind !== 'booked').length < o.minKept) return undefined;
  if (o.requireBooking && !kept.some((c) => c.kind === 'booked')) return undefined;

  const rng = new Rng(`relabel/${t.header.episodeId}`);
  const rendered = renderInstruction(
    introOf(task),
    kept.map((c) => ({ phrase: c.phrase, key: c.stage === 'search', lead: leadOf(task, c.phrase), last: c.kind === 'booked' })),
    rng,
  );
  // The intro still says "book"; without the booking the trajectory ends before paying, and the
  // instruction must say so, or a student learns to stop short of the confirmation on real tasks.
  const instruction = kept.some((c) => c.kind === 'booked') ? rendered : `${rendered} ${rng.pick(NO_BOOKING)}`;
  const relabeled: Task = {
    ...task,
    id: `${task.id}-relabeled-${t.header.episodeId}`,
    instruction,
    constraints: kept,
    metadata: { ...task.metadata, templateIds: kept.map((c) => c.templateId ?? c.id), derivedFrom: task.id },
  };
  const after = t.steps[cut + 1] ?? (t.end.finalObservation ? { url: t.end.finalObservation.url, observation: t.end.finalObservation.observation } : undefined);
  if (!after) return undefined;
  const booked = kept.some((c) => c.kind === 'booked');
  const done = kept.filter((c) => c.kind !== 'booked').map((c) => c.phrase.replace(/[.]$/, ''));
  const stop: DatasetStep = {
    url: after.url,
    observation: after.observation,
    thought: `${booked ? 'The booking is submitted' : 'This is what was asked'}: ${done.join('; ')}. The task is complete.`,
    action: 'stop("done")',
    parsed: { type: 'stop', answer: 'done' },
    error: null,
    synthetic: true,
  };
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    id: `${t.header.episodeId}-salvaged`,
    kind: 'salvaged',
    task: relabeled,
    provenance: { ...provenanceBase, keptConstraintIds: kept.map((c) => c.id), droppedConstraintIds: dropped.map((c) => c.id), truncationIndex: cut },
    steps: [...t.steps.slice(0, cut + 1).map(toStep), stop],
  };
}

/**
 * Re-derives every dataset row of a stored run from its trajectories with this version's
 * salvage rules and the run's own thresholds; the teacher is not run again.
 */
export function resalvageRun(store: { runId: string; config: { salvage: SalvageOptions }; trajectories(): Iterable<Trajectory>; replaceRows(rows: readonly DatasetRow[]): void }): { success: number; salvaged: number } {
  const rows: DatasetRow[] = [];
  for (const t of store.trajectories()) {
    const row = salvage(t, store.runId, store.config.salvage);
    if (row) rows.push(row);
  }
  store.replaceRows(rows);
  return { success: rows.filter((r) => r.kind === 'success').length, salvaged: rows.filter((r) => r.kind === 'salvaged').length };
}
