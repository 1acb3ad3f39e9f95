import type { Prices } from './config.js';
import type { Usage } from './provider.js';

/** Tokens times the configured prices (per million tokens); 0 when no prices are set. */
export function costUsd(inputTokens: number, outputTokens: number, prices: Prices | undefined): number {
  if (!prices) return 0;
  return (inputTokens * prices.inputPerMTok + outputTokens * prices.outputPerMTok) / 1_000_000;
}

/** Sums usages (a trajectory's steps, a run's trajectories). `cached` is true only if all were. */
export function addUsage(usages: readonly Usage[]): Usage {
  return {
    inputTokens: usages.reduce((s, u) => s + u.inputTokens, 0),
    outputTokens: usages.reduce((s, u) => s + u.outputTokens, 0),
    costUsd: usages.reduce((s, u) => s + u.costUsd, 0),
    cached: usages.length > 0 && usages.every((u) => u.cached),
  };
}
