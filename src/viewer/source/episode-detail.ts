import type { DatasetRow } from '../../core/schemas/dataset.js';
import { isWebTask } from '../../core/schemas/task.js';
import type { Trajectory } from '../../core/schemas/trajectory.js';
import { evaluate } from '../../evaluation/evaluate.js';
import { VIEWER_API_VERSION, type ConstraintTrack, type EpisodeDetail, type EpisodeKind, type SalvageView, type StepView } from '../api/schema.js';
import { highlightInstruction } from './highlight.js';

export type DetailInput = {
  run: string;
  trajectory: Trajectory;
  row: DatasetRow | undefined;
  /** A generate run has a dataset: no row means salvage dropped the episode. */
  hasDataset: boolean;
  thresholds: { minCsr: number; minKept: number; requireBooking: boolean } | undefined;
  /** Where the screenshot of a step is served, when one was recorded. */
  screenshotUrl: (index: number) => string;
  hasScreenshot: (index: number) => boolean;
  screenshotMarks: boolean;
};

/**
 * Everything the episode page shows, from the stored trajectory alone: each step's state is
 * judged again with the exact evaluator, so the page can say which constraint held after which
 * step (the store keeps the CSR per step, not the verdicts).
 */
export function episodeDetail(o: DetailInput): EpisodeDetail {
  const { header, steps, end } = o.trajectory;
  const task = header.task;
  // An exploration of a URL (an open-web task) has no constraints and no state: nothing to track per step.
  const typed = isWebTask(task) ? undefined : task;
  const perStep = typed ? steps.map((s) => evaluate(typed, s.state ?? undefined)) : [];
  const { spans, placed } = highlightInstruction({ instruction: task.instruction, constraints: typed?.constraints ?? [] });
  const finalById = new Map(end.evaluation.verdicts.map((v) => [v.id, v]));
  const constraints: ConstraintTrack[] = (typed?.constraints ?? []).map((c, ci) => {
    const byStep = perStep.map((e) => e.verdicts[ci]?.satisfied ?? false);
    const first = byStep.indexOf(true);
    const broken = first < 0 ? -1 : byStep.indexOf(false, first + 1);
    return {
      id: c.id,
      kind: c.kind,
      phrase: c.phrase,
      stage: c.stage,
      byStep,
      firstSatisfied: first < 0 ? null : first,
      brokenAt: broken < 0 ? null : broken,
      final: finalById.get(c.id)?.satisfied ?? false,
      phrased: placed.has(c.id),
    };
  });
  const kind: EpisodeKind = o.row ? o.row.kind : !o.hasDataset ? (end.evaluation.sr ? 'success' : 'failed') : 'dropped';
  const salvage = o.hasDataset ? salvageView(o, kind, constraints) : null;
  const keptUpTo = kind === 'success' ? steps.length - 1 : kind === 'salvaged' || kind === 'explored' ? (salvage?.cut ?? -1) : -1;
  const changes = new Map((o.row?.provenance.exploration?.stepSummaries ?? []).map(({ step, ...change }) => [step, change]));
  const stepViews: StepView[] = steps.map((s, i) => ({
    index: s.index,
    url: s.url,
    thought: s.thought,
    action: s.action,
    error: s.error,
    csr: s.csr,
    observation: s.observation,
    observationTokens: s.observationTokens,
    totalMs: s.timings.totalMs,
    met: constraints.filter((c) => c.byStep[i] && !(i > 0 && c.byStep[i - 1])).map((c) => c.id),
    broke: constraints.filter((c) => !c.byStep[i] && i > 0 && c.byStep[i - 1]).map((c) => c.id),
    screenshot: o.hasScreenshot(i) ? o.screenshotUrl(i) : null,
    kept: i <= keptUpTo,
    ...(changes.has(s.index) ? { change: changes.get(s.index)! } : {}),
  }));
  return {
    apiVersion: VIEWER_API_VERSION,
    run: o.run,
    summary: {
      episodeId: header.episodeId,
      taskId: task.id,
      site: task.site,
      status: end.status,
      sr: end.evaluation.sr,
      csr: end.evaluation.csr,
      steps: steps.length,
      kind,
      instruction: task.instruction,
      injectedErrors: end.injectedErrors ?? [],
    },
    agent: `${header.agent.name}${header.agent.noise !== undefined ? ` (noise ${header.agent.noise})` : ''}${header.agent.model ? ` ${header.agent.model}` : ''}`,
    startedAt: header.startedAt,
    durationMs: end.durationMs,
    answer: end.answer,
    error: end.error,
    attempts: end.attempts,
    screenshotMarks: o.screenshotMarks,
    bestCsr: end.evaluation.bestCsr,
    firstBestIndex: end.evaluation.firstBestIndex,
    task,
    instruction: spans,
    constraints,
    steps: stepViews,
    curve: end.evaluation.curve,
    verdicts: end.evaluation.verdicts.map((v) => ({ id: v.id, kind: v.kind, phrase: typed?.constraints.find((c) => c.id === v.id)?.phrase ?? v.id, satisfied: v.satisfied, evidence: v.evidence })),
    salvage,
    finalUrl: end.finalObservation?.url ?? null,
  };
}

function salvageView(o: DetailInput, kind: EpisodeKind, tracks: ConstraintTrack[]): SalvageView {
  const task = o.trajectory.header.task;
  const row = o.row;
  if (row) {
    const salvaged = row.kind === 'salvaged';
    return {
      kind,
      cut: row.provenance.truncationIndex,
      kept: row.provenance.keptConstraintIds,
      dropped: row.provenance.droppedConstraintIds,
      originalInstruction: row.provenance.originalInstruction,
      relabeledInstruction: salvaged || row.kind === 'explored' ? row.task.instruction : null,
      stopThought: salvaged ? (row.steps[row.steps.length - 1]?.thought ?? null) : null,
      reason: null,
    };
  }
  return { kind, cut: null, kept: [], dropped: isWebTask(task) ? [] : task.constraints.map((c) => c.id), originalInstruction: task.instruction, relabeledInstruction: null, stopThought: null, reason: droppedBecause(o, tracks) };
}

/** Why salvage kept nothing, against the run's thresholds (the rules of src/pipeline/salvage.ts). */
function droppedBecause(o: DetailInput, tracks: ConstraintTrack[]): string {
  const { end, steps, header } = o.trajectory;
  const e = end.evaluation;
  const t = o.thresholds;
  if (steps.length === 0) return `the episode has no steps (${end.status}${end.error ? `: ${end.error.split('\n')[0]}` : ''})`;
  if (e.sr) return 'a success without a row: the run was salvaged with other rules (see `webfoundry resalvage`)';
  if (!t) return 'no row was kept';
  if (e.bestCsr < t.minCsr) return `its best CSR, ${e.bestCsr.toFixed(2)} at step ${e.firstBestIndex}, is below the run's --min-csr ${t.minCsr}`;
  const cut = e.firstBestIndex;
  const met = new Set(tracks.filter((c) => c.byStep[cut]).map((c) => c.id));
  if (isWebTask(header.task)) return 'an exploration whose prefixes no model labeled and scored high enough';
  const kept = header.task.constraints.filter((c) => met.has(c.id) && (c.kind !== 'superlative' || c.scope.every((id) => met.has(id))));
  const besides = kept.filter((c) => c.kind !== 'booked').length;
  if (besides < t.minKept) return `only ${besides} constraint${besides === 1 ? '' : 's'} besides the booking held at step ${cut}, fewer than the run's --min-kept ${t.minKept}`;
  if (t.requireBooking && !kept.some((c) => c.kind === 'booked')) return `no booking by step ${cut}, and the run has --require-booking`;
  return 'there was no observation after the cut to end the row on';
}
