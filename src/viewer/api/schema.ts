import { z } from 'zod';
import { ExploreStepSummary } from '../../core/schemas/dataset.js';
import { AnyTask } from '../../core/schemas/task.js';

/**
 * The viewer's JSON API, version 1 (`/api/v1/...`): what the pages read and what scripts may
 * read. Every response carries `apiVersion`; a field changing meaning or shape bumps it and the
 * path. Documented in docs/viewer-api.md.
 */
export const VIEWER_API_VERSION = 1;

const apiVersion = z.literal(VIEWER_API_VERSION);

/** What an episode became in the dataset: kept whole, salvaged (cut and relabeled), dropped; `failed` in a run without a dataset. */
export const EpisodeKind = z.enum(['success', 'salvaged', 'explored', 'dropped', 'failed']);
export type EpisodeKind = z.infer<typeof EpisodeKind>;

export const RunInfo = z.strictObject({
  /** The name in this viewer's URLs (/runs/<name>). */
  name: z.string(),
  dir: z.string(),
  /** `store`: a `generate` run (run.sqlite, with its dataset); `trajectories`: a `run`/`bench` output (trajectories/*.jsonl). */
  source: z.enum(['store', 'trajectories']),
  runId: z.string(),
  createdAt: z.string().nullable(),
  /** The run's configuration as stored (generate: RunConfig; run: summary.json's agent and tasks). */
  config: z.record(z.string(), z.unknown()),
  versions: z.record(z.string(), z.unknown()).nullable(),
  agent: z.string(),
  /** True while the store has a write-ahead log: a run in progress, or one killed before it closed. */
  live: z.boolean(),
  /** Steps with a recorded screenshot. */
  screenshots: z.number().int(),
});
export type RunInfo = z.infer<typeof RunInfo>;

/** The figures of `webfoundry stats` (src/pipeline/stats.ts), for one site or overall, plus dropped episodes. */
export const SiteFigures = z.strictObject({
  episodes: z.number().int(),
  successes: z.number().int(),
  sr: z.number(),
  meanCsr: z.number(),
  csrHistogram: z.array(z.number().int()),
  rows: z.strictObject({ success: z.number().int(), salvaged: z.number().int() }),
  examples: z.strictObject({ success: z.number().int(), salvaged: z.number().int() }),
  expansion: z.number().nullable(),
  meanSteps: z.number(),
  medianSteps: z.number(),
  errors: z.number().int(),
  usage: z.strictObject({ inputTokens: z.number(), outputTokens: z.number(), costUsd: z.number() }),
  /** Episodes that are neither a success nor a salvaged row (a run without a dataset: every failure). */
  dropped: z.number().int(),
});
export type SiteFigures = z.infer<typeof SiteFigures>;

export const Overview = z.strictObject({
  apiVersion,
  run: RunInfo,
  /** Labels of csrHistogram's bins. */
  csrBins: z.array(z.string()),
  overall: SiteFigures,
  bySite: z.record(z.string(), SiteFigures),
  statuses: z.record(z.string(), z.number().int()),
});
export type Overview = z.infer<typeof Overview>;

export const SortKey = z.enum(['order', 'site', 'status', 'csr', 'steps', 'kind']);
export type SortKey = z.infer<typeof SortKey>;

/** The episodes table's filters, sort and page: the query string of both the page and the API. */
export const EpisodeQuery = z.strictObject({
  site: z.string().optional(),
  status: z.string().optional(),
  kind: EpisodeKind.optional(),
  sr: z.enum(['yes', 'no']).optional(),
  csrMin: z.coerce.number().min(0).max(1).optional(),
  csrMax: z.coerce.number().min(0).max(1).optional(),
  /** Episodes where the scripted teacher injected an error (`yes`) or none (`no`). */
  injected: z.enum(['yes', 'no']).optional(),
  /** Words that must all appear in the instruction (case-insensitive). */
  q: z.string().optional(),
  sort: SortKey.default('order'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type EpisodeQuery = z.infer<typeof EpisodeQuery>;

export const EpisodeSummary = z.strictObject({
  episodeId: z.string(),
  taskId: z.string(),
  site: z.string(),
  status: z.string(),
  sr: z.boolean(),
  csr: z.number(),
  steps: z.number().int(),
  kind: EpisodeKind,
  instruction: z.string(),
  injectedErrors: z.array(z.string()),
});
export type EpisodeSummary = z.infer<typeof EpisodeSummary>;

export const EpisodePage = z.strictObject({
  apiVersion,
  query: EpisodeQuery,
  total: z.number().int(),
  pages: z.number().int(),
  episodes: z.array(EpisodeSummary),
  /** Values the filters offer. */
  facets: z.strictObject({ sites: z.array(z.string()), statuses: z.array(z.string()) }),
});
export type EpisodePage = z.infer<typeof EpisodePage>;

/** A run of the instruction's text, tied to the constraint whose phrase it is (null: plain text). */
export const TextSpan = z.strictObject({ text: z.string(), constraintId: z.string().nullable() });
export type TextSpan = z.infer<typeof TextSpan>;

export const ConstraintTrack = z.strictObject({
  id: z.string(),
  kind: z.string(),
  phrase: z.string(),
  stage: z.string(),
  /** Satisfied after each step. */
  byStep: z.array(z.boolean()),
  /** The first step after which it held; null when it never did. */
  firstSatisfied: z.number().int().nullable(),
  /** The first step after firstSatisfied at which it stopped holding; null when it never broke. */
  brokenAt: z.number().int().nullable(),
  final: z.boolean(),
  /** Whether the instruction phrases it where the text says (its phrase found in the instruction). */
  phrased: z.boolean(),
});
export type ConstraintTrack = z.infer<typeof ConstraintTrack>;

export const StepView = z.strictObject({
  index: z.number().int(),
  url: z.string(),
  thought: z.string(),
  action: z.string(),
  error: z.string().nullable(),
  csr: z.number(),
  observation: z.string(),
  observationTokens: z.number().int(),
  totalMs: z.number(),
  /** Constraints that started / stopped holding at this step. */
  met: z.array(z.string()),
  broke: z.array(z.string()),
  /** URL of the screenshot of what the agent saw before acting, when one was recorded. */
  screenshot: z.string().nullable(),
  /** Salvage kept this step (a salvaged row keeps steps up to the cut). */
  kept: z.boolean(),
  /** An explored episode's step: what it changed, as its summarizer said (exact, llm, or unavailable and why). */
  change: ExploreStepSummary.omit({ step: true }).optional(),
});
export type StepView = z.infer<typeof StepView>;

export const SalvageView = z.strictObject({
  kind: EpisodeKind,
  /** Index of the last kept step (salvaged), -1 for a success kept whole, null when dropped. */
  cut: z.number().int().nullable(),
  kept: z.array(z.string()),
  dropped: z.array(z.string()),
  originalInstruction: z.string(),
  relabeledInstruction: z.string().nullable(),
  /** The stop step salvage appended. */
  stopThought: z.string().nullable(),
  /** Why a row was not kept, against the run's thresholds. */
  reason: z.string().nullable(),
});
export type SalvageView = z.infer<typeof SalvageView>;

export const Verdict = z.strictObject({ id: z.string(), kind: z.string(), phrase: z.string(), satisfied: z.boolean(), evidence: z.unknown() });

export const EpisodeDetail = z.strictObject({
  apiVersion,
  run: z.string(),
  summary: EpisodeSummary,
  agent: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  answer: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  /** The screenshots carry set-of-marks (each element's bid drawn on it). */
  screenshotMarks: z.boolean(),
  bestCsr: z.number(),
  firstBestIndex: z.number().int(),
  task: AnyTask,
  instruction: z.array(TextSpan),
  constraints: z.array(ConstraintTrack),
  steps: z.array(StepView),
  /** CSR after each step (the evaluator's curve). */
  curve: z.array(z.number()),
  verdicts: z.array(Verdict),
  salvage: SalvageView.nullable(),
  finalUrl: z.string().nullable(),
});
export type EpisodeDetail = z.infer<typeof EpisodeDetail>;

const Score = z.strictObject({ episodes: z.number().int(), sr: z.number(), csr: z.number() });
const Side = z.strictObject({ episodeId: z.string(), sr: z.boolean(), csr: z.number(), steps: z.number().int(), status: z.string() });

export const Comparison = z.strictObject({
  apiVersion,
  a: RunInfo,
  b: RunInfo,
  shared: z.number().int(),
  onlyA: z.number().int(),
  onlyB: z.number().int(),
  overall: z.strictObject({ a: Score, b: Score }),
  bySite: z.record(z.string(), z.strictObject({ a: Score, b: Score })),
  /** Shared tasks whose SR or CSR differ, largest CSR gap first. */
  differ: z.array(z.strictObject({ taskId: z.string(), site: z.string(), instruction: z.string(), a: Side, b: Side })),
});
export type Comparison = z.infer<typeof Comparison>;

export const ApiError = z.strictObject({ apiVersion, error: z.string(), hint: z.string().nullable() });
export type ApiError = z.infer<typeof ApiError>;
