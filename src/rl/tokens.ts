import { decisionLogProb, StepView } from '../student/distribution.js';
import { sparse, type Token } from '../student/policy-graph.js';
import type { StudentModel } from '../student/save-load.js';
import type { RolloutRecord } from './rollout-record.js';

/**
 * A rollout as the update sees it: every decision (the action choice of each step and, for fill /
 * select_option, the argument choice) as a token with the options it was chosen among, the
 * log-probability it was sampled with, the reference policy's log-probability (for the KL term)
 * and the trajectory's advantage.
 */
export type TrajectoryTokens = {
  key: string;
  advantage: number;
  /** Left out of the loss (cut at the step limit, with masking on). */
  masked: boolean;
  tokens: Token[];
  /** Per token: 'action' or 'arg', in the order of `tokens`. */
  kinds: ('action' | 'arg')[];
  old: number[];
  ref: number[];
};

/**
 * Rebuilds a rollout's tokens from what its steps showed. The candidates are recomputed with the
 * reference model's features and counts (RL changes only the scorers' weights, never those), and
 * their number is checked against the stored decision: a mismatch means the record was made by
 * another feature version and cannot be trained on.
 */
export function trajectoryTokens(r: RolloutRecord, ref: StudentModel, advantage: number, masked: boolean, withRef: boolean): TrajectoryTokens {
  const out: TrajectoryTokens = { key: r.key, advantage, masked, tokens: [], kinds: [], old: [], ref: [] };
  r.steps.forEach((step, i) => {
    const d = step.decision;
    if (!d) return;
    const view = new StepView(ref, { instruction: r.instruction, axtree: step.observation, url: step.url, history: r.steps.slice(0, i).map((s) => s.action) });
    if (view.cands.length !== d.nCands) throw new RangeError(`rollout ${r.key} step ${i}: ${view.cands.length} candidates now, ${d.nCands} when it was sampled`);
    const refLp = withRef ? decisionLogProb(view, d, r.temperature) : { logpAction: 0, logpArg: 0 };
    out.tokens.push(view.actionToken([d.cand]));
    out.kinds.push('action');
    out.old.push(d.logpAction);
    out.ref.push(refLp.logpAction);
    if (d.arg !== null) {
      const { list, valid } = view.argOptions(d.cand);
      if (list.length !== d.nArgs) throw new RangeError(`rollout ${r.key} step ${i}: ${list.length} argument choices now, ${d.nArgs} when it was sampled`);
      out.tokens.push({ options: view.argFeatures(d.cand).map(sparse), valid: Uint8Array.from(valid, Number), targets: [d.arg] });
      out.kinds.push('arg');
      out.old.push(d.logpArg!);
      out.ref.push(refLp.logpArg ?? 0);
    }
  });
  return out;
}
