import type { RewardConfig } from './config.js';

/** What a reward is computed from: the exact evaluator's final verdict and how the episode ended. */
export type Outcome = { csr: number; sr: boolean; steps: number; truncated: boolean };

/** The trajectory reward and its parts, stored with every rollout. */
export type Reward = { total: number; task: number; step: number; overlong: number };

/**
 * DAPO's soft overlong punishment (Yu et al. 2025, eq. 13), with episode steps as the length and
 * the step limit as L_max: 0 while steps <= L_max - L_cache; ((L_max - L_cache) - steps) / L_cache
 * up to L_max; -1 when the episode was cut at the limit (it would have gone on). Scaled by
 * `penalty` (verl's overlong_buffer.penalty_factor). A buffer of 0 turns it off.
 */
export function overlongShaping(steps: number, truncated: boolean, maxSteps: number, buffer: number, penalty: number): number {
  if (buffer <= 0 || penalty === 0) return 0;
  if (truncated) return -penalty;
  const expected = maxSteps - buffer;
  if (steps <= expected) return 0;
  return (Math.max(-buffer, expected - steps) / buffer) * penalty;
}

/**
 * The trajectory reward: `csr` the final constraint satisfaction rate, `sr` 1 for a success
 * else 0, `csr+sr` their mean; minus `stepPenalty * steps / maxSteps`; plus the overlong shaping.
 */
export function trajectoryReward(o: Outcome, cfg: RewardConfig, maxSteps: number): Reward {
  const sr = o.sr ? 1 : 0;
  const task = cfg.kind === 'csr' ? o.csr : cfg.kind === 'sr' ? sr : (o.csr + sr) / 2;
  const step = -cfg.stepPenalty * (o.steps / maxSteps);
  const overlong = overlongShaping(o.steps, o.truncated, maxSteps, cfg.overlongBuffer, cfg.overlongPenalty);
  return { total: task + step + overlong, task, step, overlong };
}
