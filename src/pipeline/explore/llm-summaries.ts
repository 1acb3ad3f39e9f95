import { cutAxtree } from '../../agents/llm/observation-text.js';
import { CHARS_PER_TOKEN } from '../../browser/observation/tokens.js';
import { describeError } from '../../core/errors.js';
import type { ModelProvider } from '../../models/provider.js';
import { askFor } from './ask-json.js';
import type { SummarySource } from './types.js';

/**
 * State-change summaries from the observations, for pages whose state we cannot read (NNetNav's
 * summarizer, our own prompt): given the page before and after a step and the action taken, a
 * model says in one sentence what the step changed. It sees the URL and title before and after,
 * the lines of the accessibility tree that went and came (bids left out: a new page numbers its
 * elements anew, which is not a change), and the page after the step, all within a token budget.
 * A reply that is not the JSON asked for gets one corrective retry; then the step's summary is
 * recorded as unavailable with the reason. A model that fails outright (after the provider's own
 * retries) is recorded the same way: a summary never ends an exploration.
 */

/** A page as the summarizer sees it. */
export type PageView = { url: string; title: string; axtree: string };

export type SummaryInput = { before: PageView; after: PageView; action: string; error: string | null };

export type ModelSummary = { summary: string[]; source: Extract<SummarySource, 'llm' | 'unavailable'>; problem?: string };

/** The text recorded (in the row's provenance) for a step whose summary could not be had. */
export const SUMMARY_UNAVAILABLE = 'summary unavailable';

/** Token budget of the observations in one summarizer prompt (the LLM agent's page budget is 6000). */
export const DEFAULT_SUMMARY_BUDGET = 4000;

/** Longest summary kept, in characters: a sentence, not the page read back. */
const MAX_SUMMARY_CHARS = 400;

export const SUMMARIZE = `You watch a web agent use a website, one action at a time, and keep its log of state changes. For one action you get the page before and after it: the URL and title, the lines of the page's accessibility tree that disappeared and that appeared, and the page after the action. Write one sentence that says what the action changed, as a user would tell it: the page it went to, what it searched for or filtered by, what it opened or selected, what it typed and into which field, what it submitted and whether the site accepted it, what it signed in to, booked or paid. Use the concrete values the page shows (places, dates, names, counts, prices). Say only what the page shows; do not guess at a purpose. If the action changed nothing, say so and set "changed" to false.
Reply with JSON only: {"summary": "one sentence", "changed": true}`;

/** A line of the accessibility tree without its bid: `[12] button "Search"` -> `button "Search"`. */
const unbid = (line: string) => line.replace(/^(\s*)\[[^\]]*\]\s*/, '$1').trimEnd();

/**
 * The lines of the tree that went and came, in page order, bids left out. A multiset
 * difference, not an edit script: what appeared or disappeared is the change; where a
 * repeated line moved is not.
 */
export function observationDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n').map(unbid).filter((l) => l.trim());
  const b = after.split('\n').map(unbid).filter((l) => l.trim());
  const left = (xs: string[], ys: string[]) => {
    const count = new Map<string, number>();
    for (const y of ys) count.set(y, (count.get(y) ?? 0) + 1);
    return xs.filter((x) => {
      const n = count.get(x) ?? 0;
      if (n > 0) count.set(x, n - 1);
      return n === 0;
    });
  };
  return { removed: left(a, b), added: left(b, a) };
}

/** Lines within a token budget, saying how many were left out. */
function linesWithin(lines: readonly string[], budgetTokens: number): string {
  if (lines.length === 0) return '(none)';
  return cutAxtree(lines.join('\n'), budgetTokens).text.replace(/; scroll to see the rest\)$/, ')');
}

/** The user turn: the action, where it went, what went and came, the page after. Half the budget to the difference, the rest to the page after. */
export function summaryPrompt(input: SummaryInput, budgetTokens = DEFAULT_SUMMARY_BUDGET): string {
  const { removed, added } = observationDiff(input.before.axtree, input.after.axtree);
  const diffBudget = Math.max(100, Math.floor(budgetTokens / 4));
  const diffText = [`Lines gone from the page (${removed.length}):`, linesWithin(removed, diffBudget), `Lines new on the page (${added.length}):`, linesWithin(added, diffBudget)].join('\n');
  const used = Math.ceil(diffText.length / CHARS_PER_TOKEN);
  const pageBudget = Math.max(100, budgetTokens - used);
  return [
    `Action: ${input.action}${input.error ? `\nThe action failed: ${input.error}` : ''}`,
    `Before: ${input.before.url} - ${input.before.title}`,
    `After: ${input.after.url} - ${input.after.title}`,
    diffText,
    `The page after the action (accessibility tree, [bid] role "name"):\n${cutAxtree(input.after.axtree, pageBudget).text}`,
  ].join('\n\n');
}

/** One sentence of plain text, or undefined. */
function readSummary(v: Record<string, unknown>): { text: string; changed: boolean } | undefined {
  if (typeof v.summary !== 'string') return undefined;
  const text = v.summary.replace(/\s+/g, ' ').trim();
  if (!text || text.startsWith('{') || /^(summary|n\/a|none|\.+)$/i.test(text)) return undefined;
  const changed = typeof v.changed === 'boolean' ? v.changed : v.changed === 'false' ? false : true;
  return { text: text.length > MAX_SUMMARY_CHARS ? `${text.slice(0, MAX_SUMMARY_CHARS - 3).trimEnd()}...` : text, changed };
}

/**
 * What one step changed, as a model reads it from the pages. Identical pages before and after
 * changed nothing a reader of the page could tell: no model is asked. A step the model says
 * changed nothing has no summary (as an exact summary of a step that changed nothing).
 */
export async function summarizeWithModel(provider: ModelProvider, input: SummaryInput, budgetTokens = DEFAULT_SUMMARY_BUDGET): Promise<ModelSummary> {
  const { before, after } = input;
  if (before.url === after.url && before.title === after.title && before.axtree === after.axtree) return { summary: [], source: 'llm' };
  try {
    const r = await askFor(provider, [{ role: 'system', content: SUMMARIZE }, { role: 'user', content: summaryPrompt(input, budgetTokens) }], readSummary);
    if (!r) return { summary: [], source: 'unavailable', problem: 'the summarizer gave no usable reply twice' };
    return { summary: r.changed ? [r.text] : [], source: 'llm' };
  } catch (err) {
    return { summary: [], source: 'unavailable', problem: `the summarizer failed: ${describeError(err).split('\n')[0]}` };
  }
}
