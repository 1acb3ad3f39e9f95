import { Rng } from '../core/rng.js';
import { featureSize, type FeatureConfig } from './features.js';
import { GOAL_NAMES, NUMERIC_NAMES, goalVector, readGoals } from './listing-facts.js';
import type { AttnParams } from './model.js';
import type { SparseVec } from './policy-graph.js';
import { fnv1a, words } from './text.js';

/**
 * The attention student's forward pass in plain JS (acting, sampling, RL's log-probabilities;
 * policy-graph.ts computes the same in tfjs for training):
 *   h_i = relu(x_i W1 + b1)                  x_i: the candidate's bag + extras + listing facts
 *   u   = relu(c Wc + bc)                    c: the instruction's hashed words + its goals
 *   q_i = h_i Wq;  k_j, v_j = h_j Wk, h_j Wv over the allowed candidates j and u
 *   ctx_i = Σ_j softmax_j(q_i·k_j / √d) v_j
 *   g_i = relu(h_i Wgh + ctx_i Wgc + bg);    logit_i = g_i w2 + b2
 * One head of `attn` dimensions: a candidate can ask "is there an allowed listing cheaper than
 * me", or "does the instruction want the cheapest", which a scorer of each candidate alone cannot.
 */
export type AttnDims = { hidden: number; attn: number; gate: number; ctxBuckets: number };
export const DEFAULT_ATTN: Omit<AttnDims, 'hidden'> = { attn: 32, gate: 32, ctxBuckets: 128 };

export const attnInputSize = (f: FeatureConfig): number => featureSize(f) + NUMERIC_NAMES.length;
export const ctxInputSize = (ctxBuckets: number): number => ctxBuckets + GOAL_NAMES.length;

/** The instruction context vector: hashed instruction words, then its goals (superlatives, bounds). */
export function instructionVector(instruction: string, ctxBuckets: number): Float32Array {
  const v = new Float32Array(ctxInputSize(ctxBuckets));
  for (const w of words(instruction)) v[fnv1a(`i:${w}`) % ctxBuckets] = 1;
  goalVector(readGoals(instruction)).forEach((x, i) => (v[ctxBuckets + i] = x));
  return v;
}

/** A candidate's attention input: its bow features followed by its numeric listing facts. */
export function attnInput(features: Float32Array, numeric: Float32Array): Float32Array {
  const v = new Float32Array(features.length + numeric.length);
  v.set(features);
  v.set(numeric, features.length);
  return v;
}

export function initAttnParams(input: number, ctxInput: number, argInput: number, d: Omit<AttnDims, 'ctxBuckets'>, seed: number): AttnParams {
  const rng = new Rng(`student-init-attn:${seed}`);
  const uni = (fanIn: number, fanOut: number): Float32Array => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return Float32Array.from({ length: fanIn * fanOut }, () => (rng.next() * 2 - 1) * limit);
  };
  const { hidden: h, attn: a, gate: g } = d;
  return {
    arch: 'attn', input, hidden: h, argInput, ctxInput, attn: a, gate: g,
    w1: uni(input, h), b1: new Float32Array(h), wc: uni(ctxInput, h), bc: new Float32Array(h),
    wq: uni(h, a), wk: uni(h, a), wv: uni(h, a), wgh: uni(h, g), wgc: uni(a, g), bg: new Float32Array(g),
    w2: uni(g, 1), b2: new Float32Array(1), a: new Float32Array(argInput),
  };
}

/** relu(x W + b) for a sparse x. */
function sparseLayer(x: SparseVec, w: Float32Array, b: Float32Array, out: number): Float64Array {
  const h = new Float64Array(out);
  for (let k = 0; k < x.idx.length; k++) {
    const row = x.idx[k]! * out;
    const v = x.val[k]!;
    for (let j = 0; j < out; j++) h[j]! += v * w[row + j]!;
  }
  for (let j = 0; j < out; j++) h[j] = Math.max(0, h[j]! + b[j]!);
  return h;
}

/** x W for a dense x of length `n` (W is [n, out]). */
function project(x: Float64Array, w: Float32Array, out: number): Float64Array {
  const y = new Float64Array(out);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    const row = i * out;
    for (let j = 0; j < out; j++) y[j]! += xi * w[row + j]!;
  }
  return y;
}

/**
 * One logit per candidate of a step. `mask[i]` says which candidates the others attend to (the
 * allowed ones); every candidate gets a logit, masked ones included (the softmax masks them).
 */
export function attnLogits(p: AttnParams, xs: readonly SparseVec[], mask: ArrayLike<number | boolean>, ctx: SparseVec): number[] {
  const n = xs.length;
  const hs = xs.map((x) => sparseLayer(x, p.w1, p.b1, p.hidden));
  const u = sparseLayer(ctx, p.wc, p.bc, p.hidden);
  const q = hs.map((h) => project(h, p.wq, p.attn));
  // Keys and values: the instruction first, then the allowed candidates.
  const keyOf = [u, ...hs.filter((_, j) => mask[j])];
  const k = keyOf.map((h) => project(h, p.wk, p.attn));
  const v = keyOf.map((h) => project(h, p.wv, p.attn));
  const scale = 1 / Math.sqrt(p.attn);
  const s = new Float64Array(k.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < k.length; j++) {
      let dot = 0;
      for (let d = 0; d < p.attn; d++) dot += q[i]![d]! * k[j]![d]!;
      s[j] = dot * scale;
      if (s[j]! > max) max = s[j]!;
    }
    let sum = 0;
    for (let j = 0; j < k.length; j++) sum += (s[j] = Math.exp(s[j]! - max));
    const ctxI = new Float64Array(p.attn);
    for (let j = 0; j < k.length; j++) {
      const a = s[j]! / sum;
      for (let d = 0; d < p.attn; d++) ctxI[d]! += a * v[j]![d]!;
    }
    const g = project(hs[i]!, p.wgh, p.gate);
    const gc = project(ctxI, p.wgc, p.gate);
    let logit = p.b2[0]!;
    for (let j = 0; j < p.gate; j++) {
      const a = g[j]! + gc[j]! + p.bg[j]!;
      if (a > 0) logit += a * p.w2[j]!;
    }
    out.push(logit);
  }
  return out;
}
