import { Rng } from '../core/rng.js';

/**
 * The student's parameters, row-major Float32Arrays, in one of two architectures:
 * - "bow": the action scorer is an MLP (input -> hidden ReLU -> 1) giving each candidate action
 *   a logit on its own features: w1 [input, hidden], b1 [hidden], w2 [hidden, 1], b2 [1];
 * - "attn": each candidate's hidden vector h_i (w1, b1 as above, over its features and its
 *   listing facts as numbers) attends over the other allowed candidates of the same step and
 *   over an embedding of the instruction (wc, bc); the logit comes from [h_i ; context_i]
 *   through a small gate layer (attn-model.ts);
 * and in both the argument scorer, linear over an argument choice's features: a [argInput].
 * A step's candidates compete in one softmax, and a fill / select_option's argument choices in
 * another; plain-JS forward passes act, the tfjs graph (policy-graph.ts) trains.
 */
export const ARCHS = ['bow', 'attn'] as const;
export type Arch = (typeof ARCHS)[number];

type Common = { input: number; hidden: number; argInput: number; w1: Float32Array; b1: Float32Array; w2: Float32Array; b2: Float32Array; a: Float32Array };
export type BowParams = Common & { arch: 'bow' };
/** attn: `input` counts the bag, its extras and the numeric listing facts; w2 is [gate, 1]. */
export type AttnParams = Common & {
  arch: 'attn';
  ctxInput: number;
  attn: number;
  gate: number;
  wc: Float32Array;
  bc: Float32Array;
  wq: Float32Array;
  wk: Float32Array;
  wv: Float32Array;
  wgh: Float32Array;
  wgc: Float32Array;
  bg: Float32Array;
};
export type StudentParams = BowParams | AttnParams;

/** The parameter arrays in a fixed order per architecture (save format, optimizer state, gradients). */
export const PARAM_NAMES = ['w1', 'b1', 'w2', 'b2', 'a'] as const;
export const ATTN_PARAM_NAMES = ['w1', 'b1', 'wc', 'bc', 'wq', 'wk', 'wv', 'wgh', 'wgc', 'bg', 'w2', 'b2', 'a'] as const;
export type ParamName = (typeof ATTN_PARAM_NAMES)[number];

export const paramNames = (arch: Arch): readonly ParamName[] => (arch === 'bow' ? PARAM_NAMES : ATTN_PARAM_NAMES);

export function paramArrays(p: StudentParams): Float32Array[] {
  return p.arch === 'bow' ? PARAM_NAMES.map((n) => p[n]) : ATTN_PARAM_NAMES.map((n) => p[n]);
}

export type ParamDims = { arch: Arch; input: number; hidden: number; argInput: number; ctxInput?: number; attn?: number; gate?: number };

export function paramShapes(p: ParamDims): Partial<Record<ParamName, number[]>> {
  if (p.arch === 'bow') return { w1: [p.input, p.hidden], b1: [p.hidden], w2: [p.hidden, 1], b2: [1], a: [p.argInput] };
  const { ctxInput = 1, attn = 1, gate = 1, hidden: h } = p;
  return {
    w1: [p.input, h], b1: [h], wc: [ctxInput, h], bc: [h], wq: [h, attn], wk: [h, attn], wv: [h, attn],
    wgh: [h, gate], wgc: [attn, gate], bg: [gate], w2: [gate, 1], b2: [1], a: [p.argInput],
  };
}

export function cloneParams<P extends StudentParams>(p: P): P {
  const out = { ...p } as Record<string, unknown>;
  for (const n of paramNames(p.arch)) out[n] = (p as unknown as Record<string, Float32Array>)[n]!.slice();
  return out as P;
}

/** Glorot-uniform weights from our seeded RNG (never tfjs's global random state); the argument scorer starts at zero. */
export function initParams(input: number, hidden: number, argInput: number, seed: number): BowParams {
  const rng = new Rng(`student-init:${seed}`);
  const uni = (n: number, limit: number): Float32Array => Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * limit);
  return {
    arch: 'bow', input, hidden, argInput,
    w1: uni(input * hidden, Math.sqrt(6 / (input + hidden))), b1: new Float32Array(hidden), w2: uni(hidden, Math.sqrt(6 / (hidden + 1))), b2: new Float32Array(1),
    a: new Float32Array(argInput),
  };
}

/** Plain-JS forward pass of the bow action scorer: one logit per candidate (sparse inputs skip zeros). */
export function scoreCandidates(w: StudentParams, features: readonly Float32Array[]): number[] {
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

/** Plain-JS forward pass of the argument scorer: one logit per choice. */
export function scoreArgs(w: StudentParams, features: readonly Float32Array[]): number[] {
  return features.map((x) => {
    let s = 0;
    for (let i = 0; i < w.argInput; i++) if (x[i] !== 0) s += x[i]! * w.a[i]!;
    return s;
  });
}

export const argmax = (xs: readonly number[]): number => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);
