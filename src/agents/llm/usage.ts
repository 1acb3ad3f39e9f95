import type { Usage } from '../../models/provider.js';

/** The usage of several calls as one: tokens and cost add up; cached only when every call was. */
export function sumUsage(all: readonly Usage[]): Usage | undefined {
  if (all.length === 0) return undefined;
  return {
    inputTokens: all.reduce((n, u) => n + u.inputTokens, 0),
    outputTokens: all.reduce((n, u) => n + u.outputTokens, 0),
    costUsd: all.reduce((n, u) => n + u.costUsd, 0),
    cached: all.every((u) => u.cached),
  };
}
