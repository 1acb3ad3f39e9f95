import type * as TF from '@tensorflow/tfjs';
import { tfWasm } from './backend.js';
import type { StudentParams } from './model.js';

/** A feature vector kept sparse (hashed bags are mostly zeros): indices and values. */
export type SparseVec = { idx: Int32Array; val: Float32Array };

export function sparse(v: Float32Array): SparseVec {
  let n = 0;
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) n++;
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  for (let i = 0, k = 0; i < v.length; i++) if (v[i] !== 0) [idx[k], val[k++]] = [i, v[i]!];
  return { idx, val };
}

/**
 * One decision of the policy as the graph sees it: the options it chose among (their features),
 * which were allowed, and the target set: the option taken (RL), or every option standing for the
 * teacher's choice (SFT: an argument text several candidates spell). Its log-probability is
 * log Σ_target softmax - the marginal over the target set.
 */
export type Token = { options: SparseVec[]; valid: Uint8Array; targets: readonly number[] };

type Packed = { x: Float32Array; valid: Float32Array; target: Float32Array; n: number; width: number };

function pack(tokens: readonly Token[], dim: number): Packed {
  const width = Math.max(1, ...tokens.map((t) => t.options.length));
  const n = tokens.length;
  const x = new Float32Array(n * width * dim);
  const valid = new Float32Array(n * width);
  const target = new Float32Array(n * width);
  tokens.forEach((t, b) => {
    t.options.forEach((o, c) => {
      const base = (b * width + c) * dim;
      for (let k = 0; k < o.idx.length; k++) x[base + o.idx[k]!] = o.val[k]!;
      valid[b * width + c] = t.valid[c] ?? 0;
    });
    for (const c of t.targets) {
      target[b * width + c] = 1;
      valid[b * width + c] = 1;
    }
  });
  return { x, valid, target, n, width };
}

export type ParamTensors = { w1: TF.Tensor2D; b1: TF.Tensor1D; w2: TF.Tensor2D; b2: TF.Tensor1D; a: TF.Tensor2D };

/** tfjs-wasm's transposed matMul is slow: x·w whose gradient uses explicit transposes. */
function denseOp(tf: typeof TF): (x: TF.Tensor2D, w: TF.Tensor2D) => TF.Tensor2D {
  return tf.customGrad(((...args: (TF.Tensor | TF.GradSaveFunc)[]) => {
    const [x, w, save] = args as [TF.Tensor2D, TF.Tensor2D, TF.GradSaveFunc];
    save([x, w]);
    return {
      value: tf.matMul(x, w),
      gradFunc: (dy: TF.Tensor, saved: TF.Tensor[]) => [tf.matMul(dy as TF.Tensor2D, tf.transpose(saved[1]!) as TF.Tensor2D), tf.matMul(tf.transpose(saved[0]!) as TF.Tensor2D, dy as TF.Tensor2D)],
    };
  }) as Parameters<typeof TF.customGrad>[0]) as unknown as (x: TF.Tensor2D, w: TF.Tensor2D) => TF.Tensor2D;
}

/** log Σ_target softmax(logits / T) over the allowed entries, per row. */
function maskedLogProb(tf: typeof TF, logits: TF.Tensor2D, p: Packed, temperature: number): TF.Tensor1D {
  const valid = tf.tensor2d(p.valid, [p.n, p.width]);
  const target = tf.tensor2d(p.target, [p.n, p.width]);
  const scaled = tf.div(logits, temperature);
  const all = tf.logSumExp(tf.add(scaled, tf.mul(tf.sub(valid, 1), 1e9)), 1);
  const hit = tf.logSumExp(tf.add(scaled, tf.mul(tf.sub(target, 1), 1e9)), 1);
  return tf.sub(hit, all) as TF.Tensor1D;
}

export type TokenBatch = { actions: readonly Token[]; args: readonly Token[] };

/** The log-probabilities of every action token and every argument token, differentiable in the parameters. */
export function logProbs(tf: typeof TF, w: ParamTensors, batch: TokenBatch, input: number, argInput: number, temperature: number): { action: TF.Tensor1D; arg: TF.Tensor1D } {
  const dense = denseOp(tf);
  let action: TF.Tensor1D = tf.zeros([0]);
  if (batch.actions.length) {
    const p = pack(batch.actions, input);
    const x = tf.tensor2d(p.x, [p.n * p.width, input]);
    const h = tf.relu(tf.add(dense(x, w.w1), w.b1)) as TF.Tensor2D;
    const logits = tf.reshape(tf.add(dense(h, w.w2), w.b2), [p.n, p.width]) as TF.Tensor2D;
    action = maskedLogProb(tf, logits, p, temperature);
  }
  let arg: TF.Tensor1D = tf.zeros([0]);
  if (batch.args.length) {
    const p = pack(batch.args, argInput);
    const x = tf.tensor2d(p.x, [p.n * p.width, argInput]);
    const logits = tf.reshape(dense(x, w.a), [p.n, p.width]) as TF.Tensor2D;
    arg = maskedLogProb(tf, logits, p, temperature);
  }
  return { action, arg };
}

/**
 * The value of a loss and its gradient in every parameter (in PARAM_NAMES order), the
 * parameters staying plain arrays: tensors are made for the call and disposed after it.
 */
export async function lossAndGrads(params: StudentParams, loss: (tf: typeof TF, w: ParamTensors) => TF.Scalar): Promise<{ loss: number; grads: Float32Array[] }> {
  const tf = await tfWasm();
  const { input, hidden, argInput } = params;
  // In PARAM_NAMES order; the scorers' output columns are explicit for matMul.
  const tensors = [tf.tensor2d(params.w1, [input, hidden]), tf.tensor1d(params.b1), tf.tensor2d(params.w2, [hidden, 1]), tf.tensor1d(params.b2), tf.tensor2d(params.a, [argInput, 1])];
  try {
    // tfjs wants every input on the path to the loss: a batch without argument tokens never
    // touches `a`, so each parameter also enters with weight 0 (its gradient is then 0).
    const f = (...t: TF.Tensor[]): TF.Scalar =>
      tf.add(loss(tf, { w1: t[0] as TF.Tensor2D, b1: t[1] as TF.Tensor1D, w2: t[2] as TF.Tensor2D, b2: t[3] as TF.Tensor1D, a: t[4] as TF.Tensor2D }), tf.mul(0, tf.addN(t.map((x) => tf.sum(x))))) as TF.Scalar;
    const { value, grads } = tf.tidy(() => tf.valueAndGrads(f)(tensors));
    const out = { loss: (await value.data())[0]!, grads: await Promise.all(grads.map(async (g) => Float32Array.from(await g.data()))) };
    tf.dispose([value, ...grads]);
    return out;
  } finally {
    tf.dispose(tensors);
  }
}
