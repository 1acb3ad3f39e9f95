import type { SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { ModelProvider } from '../../models/provider.js';
import { DEFAULT_SUMMARY_BUDGET, summarizeWithModel, type PageView } from './llm-summaries.js';
import { summarizeChange } from './state-changes.js';
import type { SummarySource } from './types.js';

/**
 * Which summarizer writes each step's state change. `exact`: the difference of the episode
 * state (a step whose state is not readable has none). `llm`: a model reads the page before and
 * after, even where the state is readable (to compare with the exact ones, or to make data the
 * way NNetNav does). `auto`: exact where the step's state is readable, the model where it is not.
 */
export const SUMMARY_MODES = ['exact', 'llm', 'auto'] as const;
export type SummaryMode = (typeof SUMMARY_MODES)[number];

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

export const NO_MODEL_PROBLEM = 'the state is not readable here and no model is configured to summarize the page (pass --model)';

export function stepSummarizer(mode: SummaryMode, model?: ModelProvider, budgetTokens = DEFAULT_SUMMARY_BUDGET): StepSummarizer {
  const exact = async (i: StepSummaryInput): Promise<StepChange> => ({ summary: summarizeChange(i.stateBefore, i.stateAfter), source: 'exact' });
  const llm = async (i: StepSummaryInput): Promise<StepChange> => {
    if (!model) return { summary: [], source: 'unavailable', problem: NO_MODEL_PROBLEM };
    return summarizeWithModel(model, i, budgetTokens);
  };
  if (mode === 'exact') return exact;
  if (mode === 'llm') return llm;
  return (i) => (i.stateAfter ? exact(i) : llm(i));
}
