import type * as TF from '@tensorflow/tfjs';
import { Rng } from '../core/rng.js';
import { adamStep, clipGlobalNorm, type AdamState } from '../student/adam.js';
import { paramArrays, type StudentParams } from '../student/model.js';
import { lossAndGrads, logProbs, type Token } from '../student/policy-graph.js';
import { tfPolicyLoss, tokenLoss, tokenWeights, type ClipConfig } from './loss.js';
import type { TrajectoryTokens } from './tokens.js';

export type UpdateOptions = ClipConfig & {
  lossAgg: 'token' | 'trajectory';
  ppoEpochs: number;
  /** Trajectories per optimizer step. */
  minibatch: number;
  learningRate: number;
  maxGradNorm: number;
  temperature: number;
  /** Seed of the minibatch shuffling (the run's seed and the iteration). */
  seed: string;
};

export type UpdateStats = {
  tokens: number;
  optimizerSteps: number;
  /** Mean over the tokens of the first pass (before any step of this update). */
  loss: number;
  /** Share of token evaluations, over every pass, whose clipped term was the one taken. */
  clipFraction: number;
  /** Mean k3 estimate of KL(current || reference) over the tokens of the first pass. */
  kl: number;
  /** Mean |log-ratio| of the last pass: how far the update moved the sampled decisions. */
  meanAbsLogRatio: number;
  gradNorm: number;
  seconds: number;
};

/** At most this many tokens go through the graph at once; their gradients are summed. */
const CHUNK_TOKENS = 48;

/**
 * The PPO-style update: `ppoEpochs` passes over the batch in minibatches of whole trajectories;
 * in each minibatch every token's loss (clipped ratio times the advantage, plus β·k3 KL) is
 * weighted per token or per trajectory (loss.ts), gradients are clipped by global norm and Adam
 * steps. Tokens of trajectories with zero advantage and no KL term add nothing and are skipped,
 * but still count in the normalization (GRPO keeps groups whose rewards all agree).
 */
export async function policyUpdate(params: StudentParams, adam: AdamState, batch: readonly TrajectoryTokens[], o: UpdateOptions): Promise<UpdateStats> {
  const t0 = performance.now();
  const arrays = paramArrays(params);
  const stats = { tokens: 0, optimizerSteps: 0, loss: 0, clipped: 0, passes: 0, kl: 0, first: 0, absLogRatio: 0, last: 0, gradNorm: 0 };
  for (let epoch = 0; epoch < o.ppoEpochs; epoch++) {
    const order = new Rng(`rl-minibatch:${o.seed}:${epoch}`).shuffle(batch.map((_, i) => i));
    let lastSum = 0;
    let lastCount = 0;
    for (let s = 0; s < order.length; s += o.minibatch) {
      const mb = order.slice(s, s + o.minibatch).map((i) => batch[i]!);
      const weights = tokenWeights(mb.map((t) => t.tokens.length), o.lossAgg, mb.map((t) => t.masked));
      // Flatten to (token, weight, advantage, old, ref), skipping tokens that add nothing.
      const flat: { token: Token; kind: 'action' | 'arg'; w: number; adv: number; old: number; ref: number }[] = [];
      mb.forEach((t, k) => {
        if (weights[k] === 0 || (t.advantage === 0 && o.klCoef === 0)) return;
        t.tokens.forEach((token, j) => flat.push({ token, kind: t.kinds[j]!, w: weights[k]!, adv: t.advantage, old: t.old[j]!, ref: t.ref[j]! }));
      });
      if (!flat.length) continue;
      const grads = arrays.map((a) => new Float32Array(a.length));
      for (let c = 0; c < flat.length; c += CHUNK_TOKENS) {
        const chunk = flat.slice(c, c + CHUNK_TOKENS);
        // Action tokens first, then argument tokens: the order logProbs returns them in.
        const ordered = [...chunk.filter((x) => x.kind === 'action'), ...chunk.filter((x) => x.kind === 'arg')];
        let logpValues: Float32Array | undefined;
        const r = await lossAndGrads(params, (tf, w) => {
          const lp = logProbs(tf, w, { actions: ordered.filter((x) => x.kind === 'action').map((x) => x.token), args: ordered.filter((x) => x.kind === 'arg').map((x) => x.token) }, params, o.temperature);
          const logp = tf.concat([lp.action, lp.arg]) as TF.Tensor1D;
          logpValues = logp.dataSync() as Float32Array;
          const col = (f: (x: (typeof ordered)[number]) => number) => tf.tensor1d(ordered.map(f));
          return tfPolicyLoss(tf, logp, col((x) => x.old), col((x) => x.adv), col((x) => x.ref), col((x) => x.w), o);
        });
        r.grads.forEach((g, k) => {
          const acc = grads[k]!;
          for (let i = 0; i < g.length; i++) acc[i]! += g[i]!;
        });
        ordered.forEach((x, j) => {
          const lp = logpValues![j]!;
          if (epoch === o.ppoEpochs - 1) {
            lastSum += Math.abs(lp - x.old);
            lastCount++;
          }
          const terms = tokenLoss(lp, x.old, x.adv, x.ref, o);
          // Clipping only happens once the policy has moved: counted over every pass (as verl's pg_clipfrac).
          stats.clipped += terms.clipped ? 1 : 0;
          stats.passes++;
          if (epoch === 0) {
            stats.loss += terms.loss;
            stats.kl += terms.kl;
            stats.first++;
          }
        });
      }
      stats.gradNorm = clipGlobalNorm(grads, o.maxGradNorm);
      adamStep(arrays, grads, adam, { learningRate: o.learningRate });
      stats.optimizerSteps++;
      stats.tokens += epoch === 0 ? flat.length : 0;
    }
    if (epoch === o.ppoEpochs - 1) {
      stats.absLogRatio = lastCount ? lastSum / lastCount : 0;
    }
  }
  const n = Math.max(1, stats.first);
  return {
    tokens: stats.tokens, optimizerSteps: stats.optimizerSteps, loss: stats.loss / n, clipFraction: stats.clipped / Math.max(1, stats.passes), kl: stats.kl / n,
    meanAbsLogRatio: stats.absLogRatio, gradNorm: stats.gradNorm, seconds: (performance.now() - t0) / 1000,
  };
}
