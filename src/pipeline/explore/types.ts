import type { Action } from '../../core/schemas/action.js';
import type { SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { BookingTask as Task } from '../../core/schemas/task.js';

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
  /** What the step changed (exact, from the state; empty when it changed nothing recorded). */
  summary: string[];
};

/** A prefix of an exploration labeled in hindsight and scored by the outcome reward model. */
export type Checkpoint = {
  /** Steps the prefix covers. */
  depth: number;
  task: Task | undefined;
  /** Why no task could be labeled. */
  problem?: string;
  /** 1-5 (the embedded model: 1 + 4 x CSR of the prefix's state against its label). */
  ormScore: number;
  /** Whether the exploration goes on past this prefix (score at least the threshold). */
  passed: boolean;
};
