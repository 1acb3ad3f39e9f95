/**
 * Adam on plain Float32Arrays (the parameters live in JS; tfjs only computes gradients), so the
 * optimizer's state can be saved with the weights and a resumed run continues exactly.
 */
export type AdamState = { step: number; m: Float32Array[]; v: Float32Array[] };
export type AdamOptions = { learningRate: number; beta1?: number; beta2?: number; epsilon?: number };

export function adamState(params: readonly Float32Array[]): AdamState {
  return { step: 0, m: params.map((p) => new Float32Array(p.length)), v: params.map((p) => new Float32Array(p.length)) };
}

/** One step in place: m, v, bias correction as in Kingma & Ba (and tfjs's AdamOptimizer). */
export function adamStep(params: Float32Array[], grads: readonly Float32Array[], s: AdamState, o: AdamOptions): void {
  const b1 = o.beta1 ?? 0.9;
  const b2 = o.beta2 ?? 0.999;
  const eps = o.epsilon ?? 1e-8;
  s.step++;
  const lr = (o.learningRate * Math.sqrt(1 - b2 ** s.step)) / (1 - b1 ** s.step);
  params.forEach((p, k) => {
    const g = grads[k]!;
    const m = s.m[k]!;
    const v = s.v[k]!;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i]!;
      if (gi === 0 && m[i] === 0 && v[i] === 0) continue;
      m[i] = b1 * m[i]! + (1 - b1) * gi;
      v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
      p[i]! -= (lr * m[i]!) / (Math.sqrt(v[i]!) + eps);
    }
  });
}

/** Scales the gradients in place so that their global L2 norm is at most `max`; returns the norm before. */
export function clipGlobalNorm(grads: Float32Array[], max: number): number {
  let sq = 0;
  for (const g of grads) for (let i = 0; i < g.length; i++) sq += g[i]! * g[i]!;
  const norm = Math.sqrt(sq);
  if (norm > max && norm > 0) {
    const k = max / norm;
    for (const g of grads) for (let i = 0; i < g.length; i++) g[i]! *= k;
  }
  return norm;
}
