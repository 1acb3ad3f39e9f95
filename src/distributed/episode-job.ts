import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { LlmAgentOptions } from '../agents/llm/options.js';
import { InvalidInputError } from '../core/errors.js';
import { ObservationMode } from '../core/schemas/observation.js';
import { Task } from '../core/schemas/task.js';
import { TrajectoryEnd, TrajectoryHeader, TrajectoryStep, type Trajectory } from '../core/schemas/trajectory.js';
import { ProviderConfig } from '../models/config.js';
import type { AgentSpec } from '../rollout/episode-runner.js';
import { PeerIdentity } from './identity.js';

/** Bump when a field of a job or of its result changes meaning or shape. */
export const EPISODE_JOB_VERSION = 1;

/** The agent as data: an LLM's provider config names its key's variable, read on the worker. */
export const AgentSpecData = z.strictObject({
  name: z.string().min(1),
  noise: z.number().min(0).max(1).optional(),
  llm: z.strictObject({ config: ProviderConfig, options: LlmAgentOptions.optional() }).optional(),
  /** A student's sampling temperature (greedy when absent). */
  temperature: z.number().positive().optional(),
});
export type AgentSpecData = z.infer<typeof AgentSpecData>;

/** One episode to run: everything a stateless worker needs, and what it must match. */
export const EpisodeJob = z.strictObject({
  schemaVersion: z.literal(EPISODE_JOB_VERSION),
  /** The batch (run) the episode belongs to; part of the job id. */
  batch: z.string().min(1),
  identity: PeerIdentity,
  task: Task,
  agent: AgentSpecData,
  runId: z.string().min(1),
  seed: z.number().int(),
  maxSteps: z.number().int().min(1),
  mode: ObservationMode,
});
export type EpisodeJob = z.infer<typeof EpisodeJob>;

export const WorkerInfo = z.strictObject({ id: z.string(), host: z.string(), pid: z.number().int() });
export type WorkerInfo = z.infer<typeof WorkerInfo>;

/**
 * What a worker returns: a pointer, not the trajectory. BullMQ copies a job's return value into
 * its event stream (moveToFinished-14.lua: XADD ... "returnvalue"), up to 10,000 events, so the
 * trajectory itself goes to its own key (gzip) and only this small record travels with the job.
 */
export const EpisodeResult = z.strictObject({
  schemaVersion: z.literal(EPISODE_JOB_VERSION),
  worker: WorkerInfo,
  taskId: z.string(),
  status: z.string(),
  csr: z.number(),
  steps: z.number().int(),
  bytes: z.number().int(),
  ms: z.number(),
});
export type EpisodeResult = z.infer<typeof EpisodeResult>;

/**
 * The job id of a task in a batch. BullMQ keeps one job per id (addStandardJob-9.lua returns the
 * existing job for a duplicated id), which is what lets a restarted coordinator add its jobs
 * again without running any twice. Custom ids may not contain ":" nor be integers (job.ts).
 */
export function jobIdOf(batch: string, taskId: string): string {
  return `${batch}.${taskId.replace(/:/g, '_')}`;
}

/** The batch part of a job id. */
export const batchOfJobId = (jobId: string): string => jobId.slice(0, jobId.indexOf('.'));

export function agentSpecData(a: AgentSpec): AgentSpecData {
  if (a.llm?.provider) throw new InvalidInputError('an LLM agent with a provider object cannot be sent to queue workers', { hint: 'give its config; each worker builds its own provider' });
  return {
    name: a.name,
    ...(a.noise !== undefined ? { noise: a.noise } : {}),
    ...(a.llm ? { llm: { config: a.llm.config, ...(a.llm.options ? { options: LlmAgentOptions.parse(a.llm.options) } : {}) } } : {}),
    ...(a.temperature !== undefined ? { temperature: a.temperature } : {}),
  };
}

export function encodeTrajectory(t: Trajectory): Buffer {
  return gzipSync(JSON.stringify(t));
}

/**
 * Reads a stored trajectory back, checked part by part against the trajectory schemas. The
 * checked JSON is returned as it came, not zod's output (which orders keys by the schema): the
 * run store writes it as text, and must write what a local run of the episode writes.
 */
export function decodeTrajectory(bytes: Buffer): Trajectory {
  const raw = JSON.parse(gunzipSync(bytes).toString('utf8')) as Trajectory;
  TrajectoryHeader.parse(raw.header);
  for (const s of raw.steps) TrajectoryStep.parse(s);
  TrajectoryEnd.parse(raw.end);
  return raw;
}
