import type { SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { ModelProvider } from '../../models/provider.js';
import { DEFAULT_SUMMARY_BUDGET, summarizeWithModel, type PageView } from './llm-summaries.js';
import { summarizeChange } from './state-changes.js';
import type { SummarySource } from './types.js';

/**
 * Which summarizer writes each step's state change. `exact`: the difference of the episode
 * state. `llm`: a model reads the page before and after, even where the state is readable (to
 * compare with the exact ones, or to make data the way NNetNav does). `auto`: per site, exact
 * where its state is readable, the model where it is not.
 */
export const SUMMARY_MODES = ['exact', 'llm', 'auto'] as const;
export type SummaryMode = (typeof SUMMARY_MODES)[number];

/** The summarizer a site gets: `auto` chooses by whether the site's state is readable. */
export const resolveSummaryMode = (mode: SummaryMode, stateReadable: boolean): 'exact' | 'llm' => (mode === 'auto' ? (stateReadable ? 'exact' : 'llm') : mode);

export type StepChange = { summary: string[]; source: SummarySource; problem?: string };

export type StepSummaryInput = {
  before: PageView;
  after: PageView;
  action: string;
  error: string | null;
  /** The site's episode state before and after the step; null where it is not readable. */
  stateBefore: SiteEpisodeState | null;
  stateAfter: SiteEpisodeState | null;
};

export type StepSummarizer = (input: StepSummaryInput) => Promise<StepChange>;

export const NO_MODEL_PROBLEM = 'no model is configured to summarize the page (pass --model)';

export function stepSummarizer(mode: 'exact' | 'llm', model?: ModelProvider, budgetTokens = DEFAULT_SUMMARY_BUDGET): StepSummarizer {
  if (mode === 'exact') return async (i) => ({ summary: summarizeChange(i.stateBefore, i.stateAfter), source: 'exact' });
  return async (i) => (model ? summarizeWithModel(model, i, budgetTokens) : { summary: [], source: 'unavailable', problem: NO_MODEL_PROBLEM });
}
