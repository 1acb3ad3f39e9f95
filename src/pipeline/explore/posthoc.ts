import { DATASET_SCHEMA_VERSION, type DatasetRow, type DatasetStep } from '../../core/schemas/dataset.js';
import type { BookingTask as Task, Constraint } from '../../core/schemas/task.js';
import { evaluate } from '../../evaluation/evaluate.js';
import { SUMMARY_UNAVAILABLE } from './llm-summaries.js';
import { mayHaveChanged, type ExploreStep } from './types.js';

/**
 * Post-hoc reasoning, embedded (NNetNav's retroactive reasoning without a model): each kept
 * step's thought says why its action advances the labeled instruction, from which constraints
 * the step met (the state says so exactly), or which one it works toward. Steps that changed
 * nothing and were not needed are dropped; a final stop step is added. Actions are never
 * changed.
 */

const NEVER_NEEDED = new Set(['scroll', 'scroll_at', 'noop', 'go_back', 'go_forward', 'hover', 'mouse_move', 'focus']);

const clause = (c: Constraint) => c.phrase.replace(/[.]$/, '');

/**
 * Whether a step that changed nothing recorded was needed: a form filled in before it is sent
 * (the next step that changes the state is on the same page), a banner closed on it. Failed
 * actions, scrolls, waits and moves away from a page that changed nothing are not.
 */
export function neededSteps(steps: readonly ExploreStep[]): boolean[] {
  return steps.map((s, i) => {
    if (s.error !== null || s.parsed === null) return false;
    if (mayHaveChanged(s)) return true;
    if (NEVER_NEEDED.has(s.parsed.type)) return false;
    for (let j = i + 1; j < steps.length; j++) {
      if (steps[j]!.url !== s.url) return false;
      if (mayHaveChanged(steps[j]!)) return true;
    }
    return false;
  });
}

const said = (cs: readonly Constraint[]) => [...new Set(cs.map(clause))].join('; ');

/** Why a step advances the task: what it met, or what it works toward (what the page it fills in will meet once sent). */
function thoughtFor(task: Task, before: Set<string>, after: Set<string>, step: ExploreStep, upcoming: readonly Constraint[]): string {
  const met = task.constraints.filter((c) => after.has(c.id) && !before.has(c.id));
  if (met.length) return `This meets what was asked: ${said(met)}.`;
  if (!mayHaveChanged(step) && upcoming.length) return `Fill in this page toward "${said(upcoming)}"; it counts once the page is sent.`;
  const next = task.constraints.find((c) => !after.has(c.id));
  const toward = next ? ` toward "${clause(next)}"` : '';
  if (step.summary.length) return `${step.summary.join(' ')} This moves the task forward${toward}.`;
  if (step.summarySource === 'unavailable') return `This moves the task forward${toward}.`;
  return `Fill in this page${toward}; it counts once the page is sent.`;
}

export type DemonstrationInfo = {
  runId: string;
  episodeId: string;
  explorer: string;
  persona: string;
  ormScore: number;
  /** Steps the exploration made in all. */
  totalSteps: number;
  /** What the page showed after the prefix's last step (the stop step's observation). */
  after: { url: string; observation: string };
};

/** A step's summary as the row records it: an unavailable one says so, and why. */
export const stepSummary = (s: ExploreStep) => ({
  step: s.index,
  source: s.summarySource,
  summary: s.summarySource === 'unavailable' ? [SUMMARY_UNAVAILABLE] : s.summary,
  ...(s.summaryProblem ? { problem: s.summaryProblem } : {}),
});

/** A labeled prefix as a training row: the steps that mattered, rewritten thoughts, a closing stop. */
export function demonstration(task: Task, prefix: readonly ExploreStep[], info: DemonstrationInfo): DatasetRow {
  const needed = neededSteps(prefix);
  const satisfied = (i: number) => new Set(i < 0 ? [] : evaluate(task, prefix[i]!.state ?? undefined).verdicts.filter((v) => v.satisfied).map((v) => v.id));
  const steps: DatasetStep[] = [];
  const metAt = (j: number) => {
    const before = satisfied(j - 1);
    const after = satisfied(j);
    return task.constraints.filter((c) => after.has(c.id) && !before.has(c.id));
  };
  prefix.forEach((s, i) => {
    if (!needed[i]) return;
    // A form filled in counts when the step that sends it changes the state.
    const j = mayHaveChanged(s) ? i : prefix.findIndex((x, k) => k > i && mayHaveChanged(x));
    const upcoming = j > i ? metAt(j) : [];
    steps.push({ url: s.url, observation: s.observation, thought: thoughtFor(task, satisfied(i - 1), satisfied(i), s, upcoming), action: s.action, parsed: s.parsed, error: s.error, synthetic: false });
  });
  const booked = task.constraints.some((c) => c.kind === 'booked');
  const reference = [...(prefix[prefix.length - 1]?.state?.bookings ?? [])].reverse().find((b) => b.origin === 'episode')?.reference;
  const answer = booked && reference ? reference : 'done';
  const thought = `${booked ? 'The booking is submitted' : 'This is what was asked'}: ${said(task.constraints.filter((c) => c.kind !== 'booked'))}. The task is complete.`;
  return exploredRow(task, prefix, info, steps, { thought, answer }, { originalTaskId: task.id, keptConstraintIds: task.constraints.map((c) => c.id) });
}

/**
 * A labeled prefix's row, whoever wrote its thoughts: the kept steps, then a closing stop step on
 * the page the prefix ended on, under the exploration's provenance (`exploration` adds to it).
 */
export function exploredRow(
  task: DatasetRow['task'],
  prefix: readonly ExploreStep[],
  info: DemonstrationInfo,
  kept: readonly DatasetStep[],
  closing: { thought: string; answer: string },
  o: { originalTaskId: string; keptConstraintIds: string[]; exploration?: Record<string, unknown> },
): DatasetRow {
  const steps: DatasetStep[] = [...kept, {
    url: info.after.url,
    observation: info.after.observation,
    thought: closing.thought,
    action: `stop(${JSON.stringify(closing.answer)})`,
    parsed: { type: 'stop', answer: closing.answer },
    error: null,
    synthetic: true,
  }];
  const depth = prefix.length;
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    id: `${info.episodeId}-explored-${depth}`,
    kind: 'explored',
    task,
    provenance: {
      runId: info.runId,
      episodeId: info.episodeId,
      originalTaskId: o.originalTaskId,
      originalInstruction: task.instruction,
      agent: info.explorer,
      keptConstraintIds: o.keptConstraintIds,
      droppedConstraintIds: [],
      truncationIndex: depth - 1,
      originalCsr: (info.ormScore - 1) / 4,
      originalSteps: info.totalSteps,
      exploration: { explorer: info.explorer, persona: info.persona, pruneDepth: depth, ormScore: info.ormScore, summaries: prefix.flatMap((s) => s.summary), stepSummaries: prefix.map(stepSummary), ...o.exploration },
    },
    steps,
  };
}
