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
  seconds: z.strictObject({ rollouts: z.number(), policy: z.number(), update: z.number(), total: z.number() }),
});
export type IterationStats = z.infer<typeof IterationStats>;
