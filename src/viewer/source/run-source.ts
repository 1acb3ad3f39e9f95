import type { DatasetRow } from '../../core/schemas/dataset.js';
import type { Trajectory } from '../../core/schemas/trajectory.js';
import type { EpisodePage, EpisodeQuery, Overview, RunInfo } from '../api/schema.js';

/** A stored screenshot: what the agent saw before a step. */
export type StoredImage = { mime: string; data: Buffer };

/** One task's outcome in a run, for comparing runs on the tasks they share. */
export type TaskOutcome = { taskId: string; site: string; instruction: string; episodeId: string; sr: boolean; csr: number; steps: number; status: string };

/** What the report plots beyond the overview: per-episode curves, unmet constraints, steps and tokens. */
export type ReportData = {
  /** CSR after each step, per episode (at most `maxCurves`, spread evenly over the run). */
  curves: number[][];
  /** Final verdicts not satisfied, per site and episode kind: [site, kind, constraint kind, constraint id]. */
  unmet: { site: string; kind: string; constraintKind: string; constraintId: string }[];
  steps: number[];
  /** Model tokens per episode (LLM agents), else observation tokens per step (a sample). */
  tokens: { what: 'model tokens per episode' | 'observation tokens per step'; values: number[] };
};

/**
 * A run opened for reading only: a `generate` run store or a `run` output directory. Nothing
 * here writes to the run.
 */
export interface RunSource {
  info(): RunInfo;
  overview(): Omit<Overview, 'apiVersion' | 'run'>;
  episodes(q: EpisodeQuery): Omit<EpisodePage, 'apiVersion'>;
  /** The stored trajectory and its dataset row (undefined when dropped or not a generate run). */
  trajectory(episodeId: string): { trajectory: Trajectory; row: DatasetRow | undefined } | undefined;
  outcomes(): TaskOutcome[];
  screenshot(episodeId: string, index: number): StoredImage | undefined;
  reportData(maxCurves: number): ReportData;
  /** The salvage thresholds of a generate run (to say why an episode was dropped). */
  salvageThresholds(): { minCsr: number; minKept: number; requireBooking: boolean } | undefined;
  close(): void;
}
