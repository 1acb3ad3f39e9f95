import type { EpisodeState, SiteEpisodeState } from '../core/schemas/episode-state.js';
import type { AnswerConstraint } from '../core/schemas/answer.js';
import type { AnyConstraint } from '../core/schemas/task.js';
import { replyParts } from './answers/reply-parts.js';
import { cartArrangements } from './cart-order.js';
import { checkAnswerConstraint, checkConstraint, type Verdict } from './check-constraint.js';
import { factsOf, siteStateOf, type Facts } from './facts.js';

export type Evaluation = {
  taskId: string;
  verdicts: Verdict[];
  satisfied: number;
  total: number;
  /** Constraint satisfaction rate: satisfied / total. */
  csr: number;
  booked: boolean;
  /** Success: every constraint satisfied and a booking submitted (a question needs its answer only). */
  sr: boolean;
};

/** What judging needs of a task: a booking task or a question (`kind: "qa"`, judged on its reply). */
type Evaluable = {
  id: string;
  site: string;
  constraints: readonly AnyConstraint[];
  manage?: { subject: string } | undefined;
  kind?: 'qa' | undefined;
};

/**
 * Judges a task against one state snapshot of the episode (no browser, no inventory). A cart's
 * items may be in any order (see cart-order.ts): the order that meets the most constraints
 * counts; on a tie, the one that meets the earlier constraints (a task names each experience
 * before its tickets, so an experience is matched by what it is, then its tickets are checked).
 */
export function evaluate(task: Evaluable, state: EpisodeState | SiteEpisodeState | undefined): Evaluation {
  const subject = task.manage?.subject;
  let best: Evaluation | undefined;
  for (const s of cartArrangements(siteStateOf(state, task.site), subject)) {
    const e = evaluateFacts(task, factsOf(s, subject));
    if (!best || e.satisfied > best.satisfied || (e.satisfied === best.satisfied && metEarlier(e, best))) best = e;
  }
  return best!;
}

/** Whether `a` meets a constraint that `b` misses before `b` meets one that `a` misses. */
function metEarlier(a: Evaluation, b: Evaluation): boolean {
  const at = a.verdicts.findIndex((v, i) => v.satisfied !== b.verdicts[i]!.satisfied);
  return at >= 0 && a.verdicts[at]!.satisfied;
}

/** Judges a task against the facts of an episode on its site. */
export function evaluateFacts(task: Evaluable, facts: Facts): Evaluation {
  const answers = task.constraints.filter((c): c is AnswerConstraint => c.kind === 'answer');
  const parts = replyParts(answers, facts.reply);
  const verdicts: Verdict[] = task.constraints.map((c) => (c.kind === 'answer' ? checkAnswerConstraint(c, parts[answers.indexOf(c)]) : checkConstraint(c, facts)));
  const satisfied = verdicts.reduce((n, v) => n + (v.satisfied ? 1 : 0), 0);
  const total = verdicts.length;
  const csr = total === 0 ? 0 : satisfied / total;
  const booked = facts.bookings > 0;
  // A task about a booking the user already has, or a question, succeeds on its constraints alone; others need a booking.
  return { taskId: task.id, verdicts, satisfied, total, csr, booked, sr: satisfied === total && (booked || task.manage !== undefined || task.kind === 'qa') };
}

export type TrajectoryEvaluation = {
  /** CSR after each step (one entry per snapshot). */
  curve: number[];
  bestCsr: number;
  /** The first step whose CSR equals the best: the shortest prefix to keep when salvaging. */
  firstBestIndex: number;
  final: Evaluation;
  perStep: Evaluation[];
};

/** Judges every per-step snapshot of a trajectory. */
export function evaluateTrajectory(task: Evaluable, snapshots: readonly (EpisodeState | SiteEpisodeState | undefined)[]): TrajectoryEvaluation {
  const perStep = snapshots.map((s) => evaluate(task, s));
  const curve = perStep.map((e) => e.csr);
  let bestCsr = 0;
  let firstBestIndex = -1;
  curve.forEach((c, i) => {
    if (firstBestIndex === -1 || c > bestCsr) {
      bestCsr = c;
      firstBestIndex = i;
    }
  });
  const final = perStep[perStep.length - 1] ?? evaluate(task, undefined);
  return { curve, bestCsr, firstBestIndex, final, perStep };
}
