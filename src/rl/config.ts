import { z } from 'zod';

/**
 * What an RL run is, as stored in `--out/config.json`. The three algorithms are presets of the
 * same switches (each can be turned on or off alone, for ablations):
 * - GRPO: group-normalized advantages, PPO clip ε, per-trajectory loss weighting, optional k3 KL.
 * - DAPO: clip-higher (ε_low 0.2, ε_high 0.28), dynamic sampling (drop groups whose rewards all
 *   agree, sample more groups until the batch is full, at most `maxExtraRounds` extra rounds),
 *   token-level loss (every decision weighs the same), overlong shaping (and optional masking).
 * - DUPO: DAPO, but the slots of dropped groups are filled by duplicating informative groups of
 *   the same batch instead of sampling new ones.
 */
export const RL_SCHEMA_VERSION = 1;

export const ALGOS = ['grpo', 'dapo', 'dupo'] as const;
export type Algo = (typeof ALGOS)[number];

export const REWARDS = ['csr', 'sr', 'csr+sr'] as const;
export type RewardKind = (typeof REWARDS)[number];

/** How the trajectory reward is made from the exact evaluator's verdict and the episode's length. */
export const RewardConfig = z.strictObject({
  kind: z.enum(REWARDS),
  /** Subtracted per step, as a fraction of the step limit: reward -= stepPenalty * steps / maxSteps. */
  stepPenalty: z.number().min(0),
  /** DAPO's soft overlong punishment: 0 up to maxSteps - buffer steps, then linear down to -penalty at maxSteps. 0 turns it off. */
  overlongBuffer: z.number().int().min(0),
  overlongPenalty: z.number().min(0),
});
export type RewardConfig = z.infer<typeof RewardConfig>;

/** What to do with groups whose rewards all agree (no learning signal). */
export const FILL = ['none', 'resample', 'duplicate'] as const;

export const AlgoConfig = z.strictObject({
  algo: z.enum(ALGOS),
  /** Divide the group-centred reward by the group's standard deviation (off: Dr. GRPO). */
  stdNorm: z.boolean(),
  clipLow: z.number().min(0).max(1),
  clipHigh: z.number().min(0),
  /** 'token': every decision in the batch weighs the same (DAPO); 'trajectory': mean per trajectory, then over trajectories (GRPO). */
  lossAgg: z.enum(['token', 'trajectory']),
  /** Weight of the k3 KL estimate to the initial policy (0: no KL term). */
  klCoef: z.number().min(0),
  /** none: keep every group (GRPO); resample: DAPO's dynamic sampling; duplicate: DUPO. */
  fill: z.enum(FILL),
  /** Extra generation rounds dynamic sampling may run per iteration. */
  maxExtraRounds: z.number().int().min(0),
  /** Episodes cut at the step limit are left out of the loss. */
  maskTruncated: z.boolean(),
});
export type AlgoConfig = z.infer<typeof AlgoConfig>;

export const RlConfig = z.strictObject({
  schemaVersion: z.literal(RL_SCHEMA_VERSION),
  /** The model RL starts from (and the KL reference). */
  init: z.string(),
  tasks: z.strictObject({ source: z.string(), count: z.number().int().min(1), ids: z.array(z.string()) }),
  worldSeed: z.number().int(),
  seed: z.number().int(),
  iterations: z.number().int().min(1),
  /** Groups (tasks) per iteration. */
  batch: z.number().int().min(1),
  /** Rollouts per task. */
  group: z.number().int().min(1),
  temperature: z.number().positive(),
  maxSteps: z.number().int().min(1),
  reward: RewardConfig,
  algo: AlgoConfig,
  learningRate: z.number().positive(),
  ppoEpochs: z.number().int().min(1),
  /** Trajectories per optimizer step. */
  minibatch: z.number().int().min(1),
  maxGradNorm: z.number().positive(),
});
export type RlConfig = z.infer<typeof RlConfig>;

/** Each algorithm's defaults (the issue's and the papers' settings). */
export function algoPreset(algo: Algo): AlgoConfig {
  switch (algo) {
    case 'grpo':
      return { algo, stdNorm: true, clipLow: 0.2, clipHigh: 0.2, lossAgg: 'trajectory', klCoef: 0, fill: 'none', maxExtraRounds: 0, maskTruncated: false };
    case 'dapo':
      return { algo, stdNorm: true, clipLow: 0.2, clipHigh: 0.28, lossAgg: 'token', klCoef: 0, fill: 'resample', maxExtraRounds: 3, maskTruncated: false };
    case 'dupo':
      return { algo, stdNorm: true, clipLow: 0.2, clipHigh: 0.28, lossAgg: 'token', klCoef: 0, fill: 'duplicate', maxExtraRounds: 0, maskTruncated: false };
  }
}

/** GRPO shapes no length by default; DAPO and DUPO use a soft overlong buffer of a quarter of the step limit. */
export function rewardPreset(algo: Algo, kind: RewardKind, maxSteps: number): RewardConfig {
  return { kind, stepPenalty: 0, overlongBuffer: algo === 'grpo' ? 0 : Math.max(1, Math.round(maxSteps / 4)), overlongPenalty: algo === 'grpo' ? 0 : 0.5 };
}
