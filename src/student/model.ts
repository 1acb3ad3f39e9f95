import { Rng } from '../core/rng.js';

/**
 * The student's parameters, row-major Float32Arrays:
 * - the action scorer, an MLP (input -> hidden ReLU -> 1) giving each candidate action a logit:
 *   w1 [input, hidden], b1 [hidden], w2 [hidden], b2 [1];
 * - the argument scorer, linear over an argument choice's features: a [argInput].
 * A step's candidates compete in one softmax, and a fill / select_option's argument choices in
 * another; plain-JS forward passes here act, the tfjs graph (policy-graph.ts) trains.
 */
export type StudentParams = {
  input: number;
  hidden: number;
  argInput: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
  a: Float32Array;
};

/** The parameter arrays in a fixed order (save format, optimizer state, gradients). */
export const PARAM_NAMES = ['w1', 'b1', 'w2', 'b2', 'a'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];

export const paramArrays = (p: StudentParams): Float32Array[] => PARAM_NAMES.map((n) => p[n]);

export function paramShapes(p: Pick<StudentParams, 'input' | 'hidden' | 'argInput'>): Record<ParamName, number[]> {
  return { w1: [p.input, p.hidden], b1: [p.hidden], w2: [p.hidden, 1], b2: [1], a: [p.argInput] };
}

export function cloneParams(p: StudentParams): StudentParams {
  return { ...p, w1: p.w1.slice(), b1: p.b1.slice(), w2: p.w2.slice(), b2: p.b2.slice(), a: p.a.slice() };
}

/** Glorot-uniform weights from our seeded RNG (never tfjs's global random state); the argument scorer starts at zero. */
export function initParams(input: number, hidden: number, argInput: number, seed: number): StudentParams {
  const rng = new Rng(`student-init:${seed}`);
  const uni = (n: number, limit: number): Float32Array => Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * limit);
  return {
    input, hidden, argInput,
    w1: uni(input * hidden, Math.sqrt(6 / (input + hidden))), b1: new Float32Array(hidden), w2: uni(hidden, Math.sqrt(6 / (hidden + 1))), b2: new Float32Array(1),
    a: new Float32Array(argInput),
  };
}

/** Plain-JS forward pass of the action scorer: one logit per candidate (sparse inputs skip zeros). */
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
