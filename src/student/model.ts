import type * as TF from '@tensorflow/tfjs';
import { Rng } from '../core/rng.js';
import { tfWasm } from './backend.js';

/**
 * The scorer: an MLP (input -> hidden ReLU -> 1) giving each candidate a logit; a step's
 * candidates compete in one softmax, trained with cross-entropy (the teacher's action is the
 * positive). Weights are row-major Float32Arrays: w1 [input, hidden], b1 [hidden], w2 [hidden], b2 [1].
 */
export type MlpWeights = { input: number; hidden: number; w1: Float32Array; b1: Float32Array; w2: Float32Array; b2: Float32Array };

export type StepExample = { features: Float32Array[]; target: number };

export type EpochReport = { epoch: number; epochs: number; loss: number; accuracy: number; valAccuracy: number | null; examplesPerSecond: number; etaSeconds: number };

export type TrainOptions = { epochs: number; seed: number; hidden?: number; learningRate?: number; batchSize?: number; onEpoch?: (r: EpochReport) => void };

/** Glorot-uniform weights from our seeded RNG (never tfjs's global random state). */
export function initWeights(input: number, hidden: number, seed: number): MlpWeights {
  const rng = new Rng(`student-init:${seed}`);
  const uni = (n: number, limit: number): Float32Array => Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * limit);
  return { input, hidden, w1: uni(input * hidden, Math.sqrt(6 / (input + hidden))), b1: new Float32Array(hidden), w2: uni(hidden, Math.sqrt(6 / (hidden + 1))), b2: new Float32Array(1) };
}

/** Plain-JS forward pass (inference needs no tfjs): one logit per candidate. */
export function scoreCandidates(w: MlpWeights, features: readonly Float32Array[]): number[] {
  const h = new Float64Array(w.hidden);
  return features.map((x) => {
    h.fill(0);
    for (let i = 0; i < w.input; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      const row = i * w.hidden;
      for (let j = 0; j < w.hidden; j++) h[j]! += xi * w.w1[row + j]!;
    }
    let out = w.b2[0]!;
    for (let j = 0; j < w.hidden; j++) {
      const a = h[j]! + w.b1[j]!;
      if (a > 0) out += a * w.w2[j]!;
    }
    return out;
  });
}

export const argmax = (xs: readonly number[]): number => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);

export function accuracy(w: MlpWeights, examples: readonly StepExample[]): number {
  if (!examples.length) return 0;
  return examples.filter((e) => argmax(scoreCandidates(w, e.features)) === e.target).length / examples.length;
}

/** Train with Adam on the wasm backend; deterministic for a given seed and data. */
export async function trainMlp(train: readonly StepExample[], val: readonly StepExample[], o: TrainOptions): Promise<MlpWeights> {
  const tf = await tfWasm();
  const input = train[0]?.features[0]?.length ?? 0;
  if (!input) throw new RangeError('no training examples');
  const hidden = o.hidden ?? 64;
  const batchSize = o.batchSize ?? 16;
  const init = initWeights(input, hidden, o.seed);
  const w1 = tf.variable(tf.tensor2d(init.w1, [input, hidden]));
  const b1 = tf.variable(tf.tensor1d(init.b1));
  const w2 = tf.variable(tf.tensor2d(init.w2, [hidden, 1]));
  const b2 = tf.variable(tf.tensor1d(init.b2));
  const optimizer = tf.train.adam(o.learningRate ?? 0.003);
  // tfjs-wasm's transposed matMul is slow: the gradient uses explicit transposes instead.
  const dense = tf.customGrad(((...args: (TF.Tensor | TF.GradSaveFunc)[]) => {
    const [x, w, save] = args as [TF.Tensor2D, TF.Tensor2D, TF.GradSaveFunc];
    save([x, w]);
    return {
      value: tf.matMul(x, w),
      gradFunc: (dy: TF.Tensor, saved: TF.Tensor[]) => [tf.matMul(dy as TF.Tensor2D, tf.transpose(saved[1]!) as TF.Tensor2D), tf.matMul(tf.transpose(saved[0]!) as TF.Tensor2D, dy as TF.Tensor2D)],
    };
  }) as Parameters<typeof TF.customGrad>[0]) as unknown as (x: TF.Tensor2D, w: TF.Tensor2D) => TF.Tensor2D;
  const start = performance.now();
  let seen = 0;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const order = shuffled(train.length, new Rng(`student-shuffle:${o.seed}:${epoch}`));
    let lossSum = 0;
    let correct = 0;
    for (let s = 0; s < order.length; s += batchSize) {
      const batch = order.slice(s, s + batchSize).map((i) => train[i]!);
      const { x, mask, labels, width } = pack(batch, input);
      const xs = tf.tensor2d(x, [batch.length * width, input]);
      const maskT = tf.tensor2d(mask, [batch.length, width]);
      const labelT = tf.tensor2d(labels, [batch.length, width]);
      let logitsOut: Float32Array | undefined;
      const loss = optimizer.minimize(() => {
        const h = tf.relu(tf.add(dense(xs, w1), b1));
        const logits = tf.add(tf.reshape(tf.add(dense(h as TF.Tensor2D, w2), b2), [batch.length, width]), tf.mul(tf.sub(maskT, 1), 1e9));
        logitsOut = logits.dataSync() as Float32Array;
        return tf.losses.softmaxCrossEntropy(labelT, logits) as TF.Scalar;
      }, true, [w1, b1, w2, b2]);
      lossSum += (loss?.dataSync()[0] ?? 0) * batch.length;
      batch.forEach((e, b) => {
        const row = Array.from(logitsOut!.subarray(b * width, b * width + e.features.length));
        if (argmax(row) === e.target) correct++;
      });
      tf.dispose([xs, maskT, labelT, loss!]);
      seen += batch.length;
    }
    const elapsed = (performance.now() - start) / 1000;
    const weights = await snapshot(w1, b1, w2, b2, input, hidden);
    o.onEpoch?.({
      epoch, epochs: o.epochs, loss: lossSum / train.length, accuracy: correct / train.length,
      valAccuracy: val.length ? accuracy(weights, val) : null,
      examplesPerSecond: seen / elapsed, etaSeconds: (elapsed / epoch) * (o.epochs - epoch),
    });
  }
  const out = await snapshot(w1, b1, w2, b2, input, hidden);
  tf.dispose([w1, b1, w2, b2]);
  optimizer.dispose();
  return out;
}

async function snapshot(w1: TF.Variable, b1: TF.Variable, w2: TF.Variable, b2: TF.Variable, input: number, hidden: number): Promise<MlpWeights> {
  const [a, b, c, d] = await Promise.all([w1.data(), b1.data(), w2.data(), b2.data()]);
  return { input, hidden, w1: Float32Array.from(a), b1: Float32Array.from(b), w2: Float32Array.from(c), b2: Float32Array.from(d) };
}

function pack(batch: readonly StepExample[], input: number): { x: Float32Array; mask: Float32Array; labels: Float32Array; width: number } {
  const width = Math.max(...batch.map((e) => e.features.length));
  const x = new Float32Array(batch.length * width * input);
  const mask = new Float32Array(batch.length * width);
  const labels = new Float32Array(batch.length * width);
  batch.forEach((e, b) => {
    e.features.forEach((f, c) => {
      x.set(f, (b * width + c) * input);
      mask[b * width + c] = 1;
    });
    labels[b * width + e.target] = 1;
  });
  return { x, mask, labels, width };
}

function shuffled(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
