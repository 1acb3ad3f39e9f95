import { Rng } from '../core/rng.js';
import { DATASET_SCHEMA_VERSION, type DatasetRow, type DatasetStep } from '../core/schemas/dataset.js';
import { isQaTask, isWebTask, type QaTask, type BookingTask as Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { evaluate } from '../evaluation/evaluate.js';
import { graphOf } from '../tasks/qa/graph-of.js';
import { subQuestionShown } from '../tasks/qa/sub-question.js';
import { renderInstruction } from '../tasks/render-instruction.js';
import type { World } from '../world/world.js';

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

/** What salvage may need besides the trajectory: the world, for questions (their sub-questions are checked on its graph). */
export type SalvageContext = { world?: World };

/**
 * A failed question kept as the shorter question it answered on the way (src/tasks/qa/sub-question.ts):
 * an entity one of its hops finds, asked by name, when the episode opened every page that
 * proves it. The steps are cut where the last of those pages was shown and a final step replies
 * with the entity's name. A question has one answer constraint: CSR thresholds do not apply.
 */
function salvageQuestion(t: Trajectory, task: QaTask, world: World, provenanceBase: Omit<DatasetRow['provenance'], 'keptConstraintIds' | 'droppedConstraintIds' | 'truncationIndex'>): DatasetRow | undefined {
  const shown = [...t.steps.map((s) => ({ url: s.url, observation: s.observation })), ...(t.end.finalObservation ? [t.end.finalObservation] : [])];
  const sub = subQuestionShown(graphOf(world), task, shown, { id: `${task.id}-sub-${t.header.episodeId}` });
  // The page must be reached by at least one step of the episode (a question answered on its first page teaches nothing).
  if (!sub || sub.shownAt < 1) return undefined;
  const page = shown[sub.shownAt]!;
  const stop: DatasetStep = {
    url: page.url,
    observation: page.observation,
    thought: sub.thought,
    action: `stop(${JSON.stringify(sub.answer)})`,
    parsed: { type: 'stop', answer: sub.answer },
    error: null,
    synthetic: true,
  };
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    id: `${t.header.episodeId}-salvaged`,
    kind: 'salvaged',
    task: sub.task,
    provenance: {
      ...provenanceBase,
      keptConstraintIds: [],
      droppedConstraintIds: task.constraints.map((c) => c.id),
      truncationIndex: sub.shownAt - 1,
      subQuestion: { answerEntity: sub.task.qa.entities[0]!, hops: sub.task.qa.hops, originalHops: task.qa.hops },
    },
    steps: [...t.steps.slice(0, sub.shownAt).map(toStep), stop],
  };
}

/**
 * Turns one trajectory into a training row. Successes are kept whole. A partial trajectory is
 * cut after the first step that reached its best CSR, its task relabeled in hindsight from the
 * constraints satisfied at that step (the unmet ones dropped from the instruction), and a final
 * stop step appended whose thought agrees with the new task. A failed question (given the world)
 * is kept as the sub-question it answered (`salvageQuestion`). Returns undefined when the
 * trajectory is below the thresholds, or its task is an open-web instruction (an exploration of
 * a URL: its rows are made as it runs, and it has no constraints to relabel from).
 */
export function salvage(t: Trajectory, runId: string, o: SalvageOptions = DEFAULT_SALVAGE, ctx: SalvageContext = {}): DatasetRow | undefined {
  const task = t.header.task;
  if (isWebTask(task)) return undefined;
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
  if (isQaTask(task)) return ctx.world ? salvageQuestion(t, task, ctx.world, provenanceBase) : undefined;
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
export function resalvageRun(store: { runId: string; config: { salvage: SalvageOptions }; trajectories(): Iterable<Trajectory>; replaceRows(rows: readonly DatasetRow[]): void }, ctx: SalvageContext = {}): { success: number; salvaged: number } {
  const rows: DatasetRow[] = [];
  for (const t of store.trajectories()) {
    const row = salvage(t, store.runId, store.config.salvage, ctx);
    if (row) rows.push(row);
  }
  store.replaceRows(rows);
  return { success: rows.filter((r) => r.kind === 'success').length, salvaged: rows.filter((r) => r.kind === 'salvaged').length };
}
