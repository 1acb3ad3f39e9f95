/** The project's token estimate (see core/schemas/observation.ts): characters / 4, rounded up. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export const TRUNCATION_MARKER = '… (observation truncated)';

/**
 * Cuts an observation to at most `maxTokens` estimated tokens, marker included where the budget
 * allows: whole lines from the top (an accessibility tree reads top-down, and a half line would
 * show a bid without its name), then the marker on a line of its own.
 */
export function truncateObservation(text: string, maxTokens: number | undefined): string {
  if (maxTokens === undefined || estimateTokens(text) <= maxTokens) return text;
  const budget = maxTokens * 4 - (TRUNCATION_MARKER.length + 1);
  const kept: string[] = [];
  let used = 0;
  for (const line of text.split('\n')) {
    const cost = line.length + 1;
    if (used + cost > budget) break;
    kept.push(line);
    used += cost;
  }
  return [...kept, TRUNCATION_MARKER].join('\n');
}
