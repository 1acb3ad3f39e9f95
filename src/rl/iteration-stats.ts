import { z } from 'zod';

/** What one iteration did, stored as `iterations/NNNN/iteration.json`, written last: its presence marks the iteration complete. */
export const IterationStats = z.strictObject({
  schemaVersion: z.literal(1),
  iteration: z.number().int().min(1),
  /** Position in the training-task stream after this iteration (the next iteration starts here). */
  cursorAfter: z.number().int().min(0),
  rounds: z.number().int().min(1),
  rollouts: z.number().int().min(0),
  failedRollouts: z.number().int().min(0),
  groups: z.strictObject({ sampled: z.number().int(), informative: z.number().int(), inBatch: z.number().int(), dropped: z.number().int(), duplicated: z.number().int() }),
  /** DUPO: rollouts that dynamic sampling would have run to fill the duplicated slots, at this iteration's rate of informative groups. */
  rolloutsSavedEstimate: z.number().min(0),
  reward: z.strictObject({ mean: z.number(), sd: z.number() }),
  sr: z.number(),
  csr: z.number(),
  meanSteps: z.number(),
  truncated: z.number(),
  /** Mean entropy (nats) of the action distributions the rollouts sampled from. */
  entropy: z.number(),
  update: z.strictObject({
    skipped: z.boolean(), tokens: z.number().int(), optimizerSteps: z.number().int(), loss: z.number(), clipFraction: z.number(), kl: z.number(), meanAbsLogRatio: z.number(), gradNorm: z.number(),
  }),
  /**
   * Where the iteration's wall time went. rollouts: wall time of the sampling rounds (browser
   * steps and the policy acting, overlapped across --parallel contexts); policy: the main
   * thread's time choosing actions inside them (features, scoring, sampling), summed over
   * rollouts; tokens: recomputing the reference log-probs of the batch before the update;
   * update: the PPO-style passes (forward, backward, Adam). `tokens` was added later and is
   * absent from older runs' files. See `timeSplit`.
   */
  seconds: z.strictObject({ rollouts: z.number(), policy: z.number(), tokens: z.number().optional(), update: z.number(), total: z.number() }),
});
export type IterationStats = z.infer<typeof IterationStats>;

/** Shares of an iteration's wall time, summing to 1. */
export type TimeSplit = { browser: number; learner: number; other: number };

/**
 * The browser's and the learner's share of an iteration: the learner is the policy acting
 * (its main-thread time during the rollouts), the reference log-probs and the update; the
 * browser is the rest of the rollouts' wall time (Chromium rendering, the site server, the
 * evaluator: what the main thread waited on); other is what is left (writing rollouts, weights
 * and optimizer state). With --parallel above 1 one context's acting may overlap another's
 * browser work; the main thread's acting is still counted as the learner's.
 */
export function timeSplit(s: IterationStats['seconds']): TimeSplit {
  const total = Math.max(1e-9, s.total);
  const learner = Math.min(s.total, s.policy + (s.tokens ?? 0) + s.update);
  const browser = Math.max(0, Math.min(s.total - learner, s.rollouts - s.policy));
  return { browser: browser / total, learner: learner / total, other: Math.max(0, s.total - learner - browser) / total };
}
