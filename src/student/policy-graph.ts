import type * as TF from '@tensorflow/tfjs';
import { tfWasm } from './backend.js';
import { paramArrays, paramNames, paramShapes, type ParamName, type StudentParams } from './model.js';

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
export type Token = { options: SparseVec[]; valid: Uint8Array; targets: readonly number[]; context?: SparseVec };

/** `attend`: which options the others attend to (the allowed ones, before targets are added). */
type Packed = { x: Float32Array; valid: Float32Array; target: Float32Array; attend: Float32Array; n: number; width: number };

function pack(tokens: readonly Token[], dim: number): Packed {
  const width = Math.max(1, ...tokens.map((t) => t.options.length));
  const n = tokens.length;
  const x = new Float32Array(n * width * dim);
  const valid = new Float32Array(n * width);
  const target = new Float32Array(n * width);
  const attend = new Float32Array(n * width);
  tokens.forEach((t, b) => {
    t.options.forEach((o, c) => {
      const base = (b * width + c) * dim;
      for (let k = 0; k < o.idx.length; k++) x[base + o.idx[k]!] = o.val[k]!;
      valid[b * width + c] = t.valid[c] ?? 0;
      attend[b * width + c] = t.valid[c] ?? 0;
    });
    for (const c of t.targets) {
      target[b * width + c] = 1;
      valid[b * width + c] = 1;
    }
  });
  return { x, valid, target, attend, n, width };
}

/** The parameters as tensors, by name (matrices 2-D, biases 1-D; `a` as a column). */
export type ParamTensors = Partial<Record<ParamName, TF.Tensor>>;

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

/** Batched a·b ([B, m, k] x [B, k, n]) whose gradient uses explicit transposes (as denseOp). */
function batchMatMulOp(tf: typeof TF): (a: TF.Tensor3D, b: TF.Tensor3D) => TF.Tensor3D {
  return tf.customGrad(((...args: (TF.Tensor | TF.GradSaveFunc)[]) => {
    const [a, b, save] = args as [TF.Tensor3D, TF.Tensor3D, TF.GradSaveFunc];
    save([a, b]);
    return {
      value: tf.matMul(a, b),
      gradFunc: (dy: TF.Tensor, saved: TF.Tensor[]) => [
        tf.matMul(dy as TF.Tensor3D, tf.transpose(saved[1]!, [0, 2, 1]) as TF.Tensor3D),
        tf.matMul(tf.transpose(saved[0]!, [0, 2, 1]) as TF.Tensor3D, dy as TF.Tensor3D),
      ],
    };
  }) as Parameters<typeof TF.customGrad>[0]) as unknown as (a: TF.Tensor3D, b: TF.Tensor3D) => TF.Tensor3D;
}

/** The attention scorer's logits [n, width] (attn-model.ts's attnLogits, batched). */
function attnGraphLogits(tf: typeof TF, w: ParamTensors, p: Packed, tokens: readonly Token[], dims: AttnGraphDims): TF.Tensor2D {
  const dense = denseOp(tf);
  const bmm = batchMatMulOp(tf);
  const t = (n: ParamName): TF.Tensor2D => w[n] as TF.Tensor2D;
  const { n, width } = p;
  const x = tf.tensor2d(p.x, [n * width, dims.input]);
  const h = tf.relu(tf.add(dense(x, t('w1')), t('b1'))) as TF.Tensor2D;
  const c = new Float32Array(n * dims.ctxInput);
  tokens.forEach((tok, b) => {
    const ctx = tok.context;
    if (!ctx) throw new Error('an attention token needs its instruction context');
    for (let k = 0; k < ctx.idx.length; k++) c[b * dims.ctxInput + ctx.idx[k]!] = ctx.val[k]!;
  });
  const u = tf.relu(tf.add(dense(tf.tensor2d(c, [n, dims.ctxInput]), t('wc')), t('bc'))) as TF.Tensor2D;
  const d = dims.attn;
  const q = tf.reshape(dense(h, t('wq')), [n, width, d]) as TF.Tensor3D;
  const keys = (m: ParamName): TF.Tensor3D => tf.concat([tf.reshape(dense(u, t(m)), [n, 1, d]), tf.reshape(dense(h, t(m)), [n, width, d])], 1) as TF.Tensor3D;
  const k = keys('wk');
  const v = keys('wv');
  const scores = tf.div(bmm(q, tf.transpose(k, [0, 2, 1]) as TF.Tensor3D), Math.sqrt(d));
  // The instruction is always attended to; candidates only when allowed (padding never).
  const attend = new Float32Array(n * (width + 1));
  for (let b = 0; b < n; b++) {
    attend[b * (width + 1)] = 1;
    for (let j = 0; j < width; j++) attend[b * (width + 1) + 1 + j] = p.attend[b * width + j]!;
  }
  const bias = tf.reshape(tf.mul(tf.sub(tf.tensor1d(attend), 1), 1e9), [n, 1, width + 1]);
  const att = tf.softmax(tf.add(scores, bias)) as TF.Tensor3D;
  const ctx = tf.reshape(bmm(att, v), [n * width, d]) as TF.Tensor2D;
  const g = tf.relu(tf.add(tf.add(dense(h, t('wgh')), dense(ctx, t('wgc'))), t('bg'))) as TF.Tensor2D;
  return tf.reshape(tf.add(dense(g, t('w2')), t('b2')), [n, width]) as TF.Tensor2D;
}

type AttnGraphDims = { input: number; ctxInput: number; attn: number };

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
export function logProbs(tf: typeof TF, w: ParamTensors, batch: TokenBatch, params: StudentParams, temperature: number): { action: TF.Tensor1D; arg: TF.Tensor1D } {
  const dense = denseOp(tf);
  const { input, argInput } = params;
  let action: TF.Tensor1D = tf.zeros([0]);
  if (batch.actions.length) {
    const p = pack(batch.actions, input);
    let logits: TF.Tensor2D;
    if (params.arch === 'attn') logits = attnGraphLogits(tf, w, p, batch.actions, params);
    else {
      const x = tf.tensor2d(p.x, [p.n * p.width, input]);
      const h = tf.relu(tf.add(dense(x, w.w1 as TF.Tensor2D), w.b1!)) as TF.Tensor2D;
      logits = tf.reshape(tf.add(dense(h, w.w2 as TF.Tensor2D), w.b2!), [p.n, p.width]) as TF.Tensor2D;
    }
    action = maskedLogProb(tf, logits, p, temperature);
  }
  let arg: TF.Tensor1D = tf.zeros([0]);
  if (batch.args.length) {
    const p = pack(batch.args, argInput);
    const x = tf.tensor2d(p.x, [p.n * p.width, argInput]);
    const logits = tf.reshape(dense(x, w.a as TF.Tensor2D), [p.n, p.width]) as TF.Tensor2D;
    arg = maskedLogProb(tf, logits, p, temperature);
  }
  return { action, arg };
}

/**
 * The value of a loss and its gradient in every parameter (in paramNames order), the
 * parameters staying plain arrays: tensors are made for the call and disposed after it.
 */
export async function lossAndGrads(params: StudentParams, loss: (tf: typeof TF, w: ParamTensors) => TF.Scalar): Promise<{ loss: number; grads: Float32Array[] }> {
  const tf = await tfWasm();
  // In paramNames order; the scorers' output columns are explicit for matMul (`a` as [argInput, 1]).
  const names = paramNames(params.arch);
  const shapes = paramShapes(params);
  const arrays = paramArrays(params);
  const tensors = names.map((n, i) => (n === 'a' ? tf.tensor2d(arrays[i]!, [params.argInput, 1]) : tf.tensor(arrays[i]!, shapes[n]!)));
  try {
    // tfjs wants every input on the path to the loss: a batch without argument tokens never
    // touches `a`, so each parameter also enters with weight 0 (its gradient is then 0).
    const f = (...t: TF.Tensor[]): TF.Scalar =>
      tf.add(loss(tf, Object.fromEntries(names.map((n, i) => [n, t[i]!])) as ParamTensors), tf.mul(0, tf.addN(t.map((x) => tf.sum(x))))) as TF.Scalar;
    const { value, grads } = tf.tidy(() => tf.valueAndGrads(f)(tensors));
    const out = { loss: (await value.data())[0]!, grads: await Promise.all(grads.map(async (g) => Float32Array.from(await g.data()))) };
    tf.dispose([value, ...grads]);
    return out;
  } finally {
    tf.dispose(tensors);
  }
}
