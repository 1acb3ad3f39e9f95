import type * as TF from '@tensorflow/tfjs';

/**
 * The clipped policy-gradient loss of one decision ("token"), as verl's
 * `compute_policy_loss_vanilla` and `kl_penalty_forward` (k3) compute it, without dual clip:
 *   r = exp(clamp(logp - old, -20, 20))
 *   pg = max(-A r, -A clip(r, 1 - ε_low, 1 + ε_high))
 *   kl = exp(clamp(ref - logp, -20, 20)) - (ref - logp) - 1, clamped to [-10, 10]   (k3, Schulman 2020)
 *   loss = pg + β kl
 * Decisions are an action choice and, for fill / select_option, an argument choice: each is one
 * token with the trajectory's advantage.
 */
export type ClipConfig = { clipLow: number; clipHigh: number; klCoef: number };

export type TokenTerms = { loss: number; pg: number; kl: number; ratio: number; clipped: boolean };

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** One token's loss and its parts, in plain numbers (the reference the tfjs version is tested against). */
export function tokenLoss(logp: number, old: number, adv: number, ref: number, c: ClipConfig): TokenTerms {
  const ratio = Math.exp(clamp(logp - old, -20, 20));
  const unclipped = -adv * ratio;
  const clippedLoss = -adv * clamp(ratio, 1 - c.clipLow, 1 + c.clipHigh);
  const pg = Math.max(unclipped, clippedLoss);
  const d = clamp(ref - logp, -20, 20);
  const kl = clamp(Math.exp(d) - d - 1, -10, 10);
  return { loss: pg + c.klCoef * kl, pg, kl, ratio, clipped: clippedLoss > unclipped };
}

/**
 * Per-token weights of each trajectory in a minibatch, so that the loss is Σ weight × token loss:
 * - 'token' (DAPO): 1 / (all tokens of the minibatch): every decision weighs the same.
 * - 'trajectory' (GRPO): 1 / (trajectories × this trajectory's tokens): each trajectory weighs the same.
 * A masked trajectory (cut at the step limit, with masking on) gets weight 0 and counts in neither sum.
 */
export function tokenWeights(lengths: readonly number[], mode: 'token' | 'trajectory', masked: readonly boolean[] = []): number[] {
  const live = lengths.map((n, i) => n > 0 && !masked[i]);
  const tokens = lengths.reduce((a, n, i) => a + (live[i] ? n : 0), 0);
  const trajectories = live.filter(Boolean).length;
  return lengths.map((n, i) => (!live[i] ? 0 : mode === 'token' ? 1 / tokens : 1 / (trajectories * n)));
}

/** The tfjs loss: Σ weight × token loss, differentiable in `logp`. */
export function tfPolicyLoss(tf: typeof TF, logp: TF.Tensor1D, old: TF.Tensor1D, adv: TF.Tensor1D, ref: TF.Tensor1D, weight: TF.Tensor1D, c: ClipConfig): TF.Scalar {
  const ratio = tf.exp(tf.clipByValue(tf.sub(logp, old), -20, 20));
  const negAdv = tf.neg(adv);
  const pg = tf.maximum(tf.mul(negAdv, ratio), tf.mul(negAdv, tf.clipByValue(ratio, 1 - c.clipLow, 1 + c.clipHigh)));
  let perToken: TF.Tensor = pg;
  if (c.klCoef > 0) {
    const d = tf.clipByValue(tf.sub(ref, logp), -20, 20);
    const kl = tf.clipByValue(tf.sub(tf.sub(tf.exp(d), d), 1), -10, 10);
    perToken = tf.add(pg, tf.mul(kl, c.klCoef));
  }
  return tf.sum(tf.mul(perToken, weight)) as TF.Scalar;
}
