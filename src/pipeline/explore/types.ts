import type { Action } from '../../core/schemas/action.js';
import type { SummarySource } from '../../core/schemas/dataset.js';
import type { SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { BookingTask, WebTask } from '../../core/schemas/task.js';

/** One step of an exploration: what the explorer saw and did, and what that changed. */
export type ExploreStep = {
  index: number;
  url: string;
  observation: string;
  thought: string;
  action: string;
  parsed: Action | null;
  error: string | null;
  /** The episode's state on the site after the step. */
  state: SiteEpisodeState | null;
  /** What the step changed (exact from the state, or a model's reading of the page; empty when it changed nothing). */
  summary: string[];
  /** Who wrote `summary`: the state's difference, a model, or nobody (the model's replies were unusable). */
  summarySource: SummarySource;
  /** Why the summary is unavailable. */
  summaryProblem?: string;
};


/**
 * Whether a step may have changed something: it has a summary, or nobody could say (an
 * unavailable summary is not taken for "nothing changed": the step is kept, the episode goes on).
 */
export const mayHaveChanged = (s: Pick<ExploreStep, 'summary' | 'summarySource'>) => s.summary.length > 0 || s.summarySource === 'unavailable';

/** A prefix of an exploration labeled in hindsight and scored by the outcome reward model. */
export type Checkpoint = {
  /** Steps the prefix covers. */
  depth: number;
  /** A booking task of our site (constraints), or an open-web instruction (a URL's exploration). */
  task: BookingTask | WebTask | undefined;
  /** Why no task could be labeled. */
  problem?: string;
  /** 1-5 (the embedded model: 1 + 4 x CSR of the prefix's state against its label). */
  ormScore: number;
  /** Whether the exploration goes on past this prefix (score at least the threshold). */
  passed: boolean;
};

export type { SummarySource };
