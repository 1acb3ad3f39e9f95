import { z } from 'zod';
import { Action } from './action.js';
import { SiteEpisodeState } from './episode-state.js';
import { StepTimings } from './step-info.js';
import { AnyTask } from './task.js';

export const TRAJECTORY_SCHEMA_VERSION = 1;

/** A trajectory file is JSONL: one header, one line per step, one end line. */
export const TrajectoryHeader = z.strictObject({
  type: z.literal('header'),
  schemaVersion: z.literal(TRAJECTORY_SCHEMA_VERSION),
  episodeId: z.string(),
  /** `temperature`: a student that sampled its actions (greedy when absent). */
  agent: z.strictObject({ name: z.string(), noise: z.number().optional(), model: z.string().optional(), temperature: z.number().positive().optional() }),
  task: AnyTask,
  startedAt: z.string(),
});
export type TrajectoryHeader = z.infer<typeof TrajectoryHeader>;

export const TrajectoryStep = z.strictObject({
  type: z.literal('step'),
  index: z.number().int().min(0),
  /** What the agent saw before acting. */
  url: z.string(),
  observation: z.string(),
  observationTokens: z.number().int(),
  thought: z.string(),
  /** The action text as the agent wrote it, and parsed (null when unparseable). */
  action: z.string(),
  parsed: Action.nullable(),
  error: z.string().nullable(),
  timings: StepTimings,
  /** The privileged site state after the step (the site the task is on). */
  state: SiteEpisodeState.nullable(),
  /** CSR after the step. */
  csr: z.number(),
  screenshot: z.string().optional(),
  /** Model tokens and cost of this step's decision (LLM agents). */
  usage: z.strictObject({ inputTokens: z.number().int(), outputTokens: z.number().int(), costUsd: z.number(), cached: z.boolean() }).optional(),
});
export type TrajectoryStep = z.infer<typeof TrajectoryStep>;

export const EpisodeStatus = z.enum(['stopped', 'max_steps', 'agent_gave_up', 'error']);
export type EpisodeStatus = z.infer<typeof EpisodeStatus>;

export const TrajectoryEnd = z.strictObject({
  type: z.literal('end'),
  status: EpisodeStatus,
  answer: z.string().nullable(),
  error: z.string().nullable(),
  steps: z.number().int(),
  durationMs: z.number(),
  evaluation: z.strictObject({
    csr: z.number(),
    sr: z.boolean(),
    booked: z.boolean(),
    curve: z.array(z.number()),
    bestCsr: z.number(),
    firstBestIndex: z.number().int(),
    verdicts: z.array(z.strictObject({ id: z.string(), kind: z.string(), satisfied: z.boolean(), evidence: z.unknown() })),
  }),
  /** Model tokens and cost of the whole episode (LLM agents): the sum over its steps. */
  usage: z.strictObject({ inputTokens: z.number().int(), outputTokens: z.number().int(), costUsd: z.number(), cachedCalls: z.number().int() }).optional(),
  /** What the page showed after the last step (a salvaged prefix ending there needs it). */
  finalObservation: z.strictObject({ url: z.string(), observation: z.string() }).optional(),
  /** Mistakes the scripted teacher made on purpose (its error model). */
  injectedErrors: z.array(z.string()).optional(),
  attempts: z.number().int().min(1),
});
export type TrajectoryEnd = z.infer<typeof TrajectoryEnd>;

export const TrajectoryLine = z.discriminatedUnion('type', [TrajectoryHeader, TrajectoryStep, TrajectoryEnd]);
export type TrajectoryLine = z.infer<typeof TrajectoryLine>;

export type Trajectory = { header: TrajectoryHeader; steps: TrajectoryStep[]; end: TrajectoryEnd };
