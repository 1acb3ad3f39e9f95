import { CHARS_PER_TOKEN, estimateTokens } from '../../browser/observation/tokens.js';
import type { Observation } from '../../core/schemas/observation.js';

/**
 * The accessibility tree cut to a token budget. Tokens are estimated as the observation does
 * (ceil(chars / 3.2)), so the budget means the same here as in `observation.tokens`. The cut
 * falls on a line boundary (a half line would show a bid without its name) and says how much was
 * dropped, so the model knows to scroll rather than conclude the element is absent.
 */
export function cutAxtree(axtree: string, budgetTokens: number): { text: string; cut: boolean } {
  if (estimateTokens(axtree).tokens <= budgetTokens) return { text: axtree, cut: false };
  const maxChars = Math.floor(budgetTokens * CHARS_PER_TOKEN);
  const lines = axtree.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = line.length + (kept.length > 0 ? 1 : 0);
    if (used + cost > maxChars) break;
    kept.push(line);
    used += cost;
  }
  // A single line longer than the budget: keep its head rather than nothing.
  if (kept.length === 0) kept.push(lines[0]!.slice(0, maxChars));
  const dropped = lines.length - kept.length;
  return { text: `${kept.join('\n')}\n... (${dropped} more line${dropped === 1 ? '' : 's'} cut to fit ${budgetTokens} tokens; scroll to see the rest)`, cut: true };
}

/** The current observation as the prompt shows it: where the agent is, then what the page shows. */
export function observationText(o: Observation, budgetTokens: number): string {
  const tabs = o.tabs.map((t) => `  [${t.index}]${t.index === o.activeTab ? ' (active)' : ''} ${t.title} - ${t.url}`).join('\n');
  const { text } = cutAxtree(o.axtree, budgetTokens);
  return [
    `URL: ${o.url}`,
    `Title: ${o.title}`,
    `Tabs:\n${tabs}`,
    `Last action error: ${o.lastActionError ?? 'none'}`,
    `Page (accessibility tree, [bid] role "name"):\n${text}`,
  ].join('\n');
}
