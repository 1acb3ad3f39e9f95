import type { TokenEstimate } from '../../core/schemas/observation.js';

/** Characters per token on our observation text (see TokenEstimate for the calibration). */
export const CHARS_PER_TOKEN = 3.2;

/** Rounded up, so an empty tree costs 0 and any text at least 1. */
export function estimateTokens(text: string): TokenEstimate {
  return { method: 'chars/3.2', tokens: Math.ceil(text.length / CHARS_PER_TOKEN) };
}
