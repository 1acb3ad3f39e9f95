import type * as TF from '@tensorflow/tfjs';
import { Rng } from '../core/rng.js';
import { adamState, adamStep } from './adam.js';
import type { DecisionExample } from './dataset.js';
import { paramArrays, type StudentParams } from './model.js';
import { attnLogits } from './attn-model.js';
import { lossAndGrads, logProbs, type SparseVec, type Token } from './policy-graph.js';

export type EpochReport = { epoch: number; epochs: number; loss: number; accuracy: number; valAccuracy: number | null; examplesPerSecond: number; etaSeconds: number };

export type FitOptions = { epochs: number; seed: number; learningRate?: number; batchSize?: number; onEpoch?: (r: EpochReport) => void };

/**
 * Supervised training (behaviour cloning) of both scorers: each batch's loss is the mean over its
 * examples of -(log p(action) + log p(argument)), the log-probabilities being marginals over the
 * options that stand for the teacher's choice; Adam on the plain parameter arrays. Deterministic
 * for a seed and data (wasm on one thread, our own shuffling and optimizer).
 */
export async function fitSupervised(params: StudentParams, train: readonly DecisionExample[], val: readonly DecisionExample[], o: FitOptions): Promise<StudentParams> {
  const batchSize = o.batchSize ?? 16;
  const adam = adamState(paramArrays(params));
  const arrays = paramArrays(params);
  const start = performance.now();
  let seen = 0;
  // Accuracy on a fixed sample each epoch (plain-JS scoring), on all examples at the end.
  const sample = train.length > 400 ? new Rng(`sft-sample:${o.seed}`).sample(train, 400) : train;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const order = new Rng(`student-shuffle:${o.seed}:${epoch}`).shuffle(train.map((_, i) => i));
    let lossSum = 0;
    for (let s = 0; s < order.length; s += batchSize) {
      const batch = order.slice(s, s + batchSize).map((i) => train[i]!);
      const actions = batch.map((e) => e.action);
      const args = batch.flatMap((e) => (e.arg ? [e.arg] : []));
      const { loss, grads } = await lossAndGrads(params, (tf, w) => {
        const lp = logProbs(tf, w, { actions, args }, params, 1);
        return tf.div(tf.neg(tf.add(tf.sum(lp.action), tf.sum(lp.arg))), batch.length) as TF.Scalar;
      });
      adamStep(arrays, grads, adam, { learningRate: o.learningRate ?? 0.003 });
      lossSum += loss * batch.length;
      seen += batch.length;
    }
    const elapsed = (performance.now() - start) / 1000;
    const last = epoch === o.epochs;
    o.onEpoch?.({
      epoch, epochs: o.epochs, loss: lossSum / train.length, accuracy: actionAccuracy(params, last ? train : sample),
      valAccuracy: val.length ? actionAccuracy(params, val) : null,
      examplesPerSecond: seen / elapsed, etaSeconds: (elapsed / epoch) * (o.epochs - epoch),
    });
  }
  return params;
}

/** Share of examples whose best allowed action is the teacher's. */
export function actionAccuracy(p: StudentParams, examples: readonly DecisionExample[]): number {
  if (!examples.length) return 0;
  let ok = 0;
  for (const e of examples) {
    const t = e.action;
    const logits = tokenLogits(p, t);
    let best = -1;
    let bestScore = -Infinity;
    logits.forEach((s, i) => {
      if (!t.valid[i] && !t.targets.includes(i)) return;
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (t.targets.includes(best)) ok++;
  }
  return ok / examples.length;
}

/** Share of argument decisions whose best allowed choice is (one spelling of) the teacher's. */
export function argAccuracy(p: StudentParams, examples: readonly DecisionExample[]): number {
  const args = examples.flatMap((e) => (e.arg ? [e.arg] : []));
  if (!args.length) return 0;
  let ok = 0;
  for (const t of args) {
    let best = -1;
    let bestScore = -Infinity;
    t.options.forEach((o, i) => {
      if (!t.valid[i] && !t.targets.includes(i)) return;
      let s = 0;
      for (let k = 0; k < o.idx.length; k++) s += o.val[k]! * p.a[o.idx[k]!]!;
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (t.targets.includes(best)) ok++;
  }
  return ok / args.length;
}

/** The action logits of one decision token (plain JS, as acting computes them). */
export function tokenLogits(p: StudentParams, t: Token): number[] {
  if (p.arch === 'attn') {
    if (!t.context) throw new Error('an attention token needs its instruction context');
    return attnLogits(p, t.options, t.valid, t.context);
  }
  return t.options.map((o) => sparseScore(p, o));
}

function sparseScore(w: StudentParams, x: SparseVec): number {
  const h = new Float64Array(w.hidden);
  for (let k = 0; k < x.idx.length; k++) {
    const row = x.idx[k]! * w.hidden;
    const v = x.val[k]!;
    for (let j = 0; j < w.hidden; j++) h[j]! += v * w.w1[row + j]!;
  }
  let out = w.b2[0]!;
  for (let j = 0; j < w.hidden; j++) {
    const a = h[j]! + w.b1[j]!;
    if (a > 0) out += a * w.w2[j]!;
  }
  return out;
}
