import { z } from 'zod';
import { ACTION_KINDS } from '../student/features.js';

/**
 * One rollout of the stochastic student, stored as `iterations/NNNN/rollouts/<key>.json` as soon
 * as it ends: what each step showed and what the policy did, with the decision and the
 * log-probabilities it was sampled with (the "old" policy of the PPO ratio), the exact
 * evaluator's outcome and the reward. The update recomputes every step's candidates from the
 * observation, URL and earlier actions, and checks that their number matches.
 */
export const ROLLOUT_SCHEMA_VERSION = 1;

export const StoredDecision = z.strictObject({
  kind: z.enum(ACTION_KINDS),
  cand: z.number().int().min(0),
  nCands: z.number().int().min(1),
  arg: z.number().int().min(0).nullable(),
  nArgs: z.number().int().min(0).nullable(),
  logpAction: z.number(),
  logpArg: z.number().nullable(),
  entropy: z.number(),
});

export const RolloutStep = z.strictObject({
  url: z.string(),
  observation: z.string(),
  action: z.string(),
  error: z.string().nullable(),
  /** null: nothing was allowed and the policy stopped (not a decision, not trained on). */
  decision: StoredDecision.nullable(),
});
export type RolloutStep = z.infer<typeof RolloutStep>;

export const RolloutRecord = z.strictObject({
  schemaVersion: z.literal(ROLLOUT_SCHEMA_VERSION),
  key: z.string(),
  iteration: z.number().int().min(1),
  round: z.number().int().min(0),
  taskId: z.string(),
  instruction: z.string(),
  sample: z.number().int().min(0),
  seed: z.string(),
  temperature: z.number(),
  status: z.enum(['stopped', 'max_steps', 'agent_gave_up', 'error']),
  outcome: z.strictObject({ csr: z.number(), sr: z.boolean(), steps: z.number().int(), truncated: z.boolean() }),
  reward: z.strictObject({ total: z.number(), task: z.number(), step: z.number(), overlong: z.number() }),
  /** The final verdict per constraint (which ones the policy learns to meet). */
  verdicts: z.array(z.strictObject({ id: z.string(), kind: z.string(), satisfied: z.boolean() })),
  steps: z.array(RolloutStep),
  durationMs: z.number(),
  /** Of which the policy's own decisions (features, scoring, sampling). */
  policyMs: z.number(),
});
export type RolloutRecord = z.infer<typeof RolloutRecord>;
