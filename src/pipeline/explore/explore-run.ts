import { basename } from 'node:path';
import { drawPersona, type Persona } from '../../agents/explorer/personas.js';
import { ScriptedExplorer, explorerIntent } from '../../agents/explorer/scripted-explorer.js';
import { LlmExplorer } from '../../agents/explorer/llm-explorer.js';
import { InvalidInputError } from '../../core/errors.js';
import { EnvPool } from '../../browser/env/env-pool.js';
import { Rng } from '../../core/rng.js';
import type { BookingTask as Task } from '../../core/schemas/task.js';
import { TRAJECTORY_SCHEMA_VERSION, type Trajectory, type TrajectoryStep } from '../../core/schemas/trajectory.js';
import { evaluate, evaluateTrajectory } from '../../evaluation/evaluate.js';
import { siteBackend } from '../../rollout/site-backend.js';
import { startServer } from '../../sites/engine/server.js';
import { loadArenaWorld, siteById } from '../../sites/registry.js';
import { RunStore, type RunConfig } from '../run-store.js';
import { DEFAULT_SALVAGE } from '../salvage.js';
import { exploreEpisode, type ExploreResult } from './explore-episode.js';
import { DEFAULT_ORM_THRESHOLD, embeddedLabeler } from './prune.js';
import { llmLabeler } from './llm-labeler.js';
import type { ModelProvider } from '../../models/provider.js';
import { resolveSummaryMode, stepSummarizer, type SummaryMode } from './summarizers.js';
import { modelDemonstration, type Writers } from './model-demonstration.js';
import { trajectoryStepOf } from './trajectory-step.js';

export type ExploreRunOptions = {
  dir: string;
  sites: string[];
  episodes: number;
  explorer: 'scripted' | 'llm';
  /** With `explorer: "llm"`: the model that explores. */
  exploreModel?: ModelProvider;
  seed: number;
  worldSeed: number;
  noise: number;
  maxSteps: number;
  parallel: number;
  resume: boolean;
  /** ORM score (1-5) a prefix needs for the exploration to go on. */
  threshold?: number;
  /** Label and score with a model (NNetNav's relabel and reward prompts, then decomposition) instead of the embedded labeler. */
  labelModel?: ModelProvider;
  /** Who summarizes each step's state change (default auto: exact where the state is readable, else the model). */
  summaries?: SummaryMode;
  /** The model that summarizes from the pages (`summaries: llm`, or `auto` where the state is not readable). */
  summaryModel?: ModelProvider;
  /** Token budget of the pages in one summarizer prompt. */
  summaryBudgetTokens?: number;
  /** Rewrite the kept steps' thoughts with this model (NNetNav's retroactive reasoning) instead of from the constraints. */
  reasoningModel?: ModelProvider;
  onStart?: (total: number, done: number) => void;
  onEpisode?: (r: ExploreResult & { site: string; persona: string }) => void;
};

export const NO_SUMMARY_MODEL = '--summaries llm summarizes every step with a model, and none is configured';

/**
 * Whether the episode state of a site can be read after every step (then summaries can be
 * exact). Every site `explore` serves is ours, with its state on the server: all are readable.
 * A site served from pages we did not write would not be (see README: what a non-readable site needs).
 */
export function stateReadable(siteId: string): boolean {
  return siteById(siteId) !== undefined;
}

type Job = { site: string; index: number; persona: Persona; seed: number; intent: Task };

/** The config a run of explorations is stored under (export's dataset card reads it). */
export function exploreConfig(o: Pick<ExploreRunOptions, 'sites' | 'episodes' | 'explorer' | 'seed' | 'worldSeed' | 'noise' | 'maxSteps' | 'labelModel' | 'exploreModel' | 'summaries' | 'summaryModel' | 'reasoningModel'>): RunConfig {
  // Model summaries are part of what a run is (a resume must not mix them with exact ones);
  // exact and auto on sites whose state is readable are the same run as before summaries had a mode.
  const summaries = o.summaries === 'llm' ? `+summaries:llm${o.summaryModel ? `:${o.summaryModel.model}` : ''}` : '';
  const reasoning = o.reasoningModel ? `+reasoning:${o.reasoningModel.model}` : '';
  return { sites: o.sites, tasksPerSite: o.episodes, teacher: `explore:${o.explorer}${o.exploreModel ? `:${o.exploreModel.model}` : ''}${o.labelModel ? `+label:${o.labelModel.model}` : ''}${summaries}${reasoning}`, noise: o.noise, seed: o.seed, worldSeed: o.worldSeed, maxSteps: o.maxSteps, mode: 'viewport', salvage: DEFAULT_SALVAGE };
}

/** Who wrote a row's parts when a model rewrites the reasoning. */
function writersOf(o: ExploreRunOptions, explorer: string, summaries: SummaryMode, readable: boolean): Writers {
  return {
    explorer: o.exploreModel?.model ?? explorer,
    summaries: resolveSummaryMode(summaries, readable) === 'llm' ? (o.summaryModel?.model ?? 'unavailable') : 'exact',
    labeler: o.labelModel?.model ?? 'embedded',
    reasoning: o.reasoningModel!.model,
  };
}

/** The trajectory a store keeps of an exploration: its steps under the explorer's private intent. */
function asTrajectory(job: Job, episodeId: string, r: ExploreResult, explorer: string): Trajectory {
  const states = r.steps.map((s) => s.state ?? undefined);
  const e = evaluateTrajectory(job.intent, states);
  const steps: TrajectoryStep[] = r.steps.map((s) => trajectoryStepOf(s, s.state, evaluate(job.intent, s.state ?? undefined).csr));
  return {
    header: { type: 'header', schemaVersion: TRAJECTORY_SCHEMA_VERSION, episodeId, agent: { name: explorer }, task: job.intent, startedAt: new Date().toISOString() },
    steps,
    end: {
      type: 'end',
      status: r.end === 'error' ? 'error' : r.end === 'stopped' ? 'stopped' : r.end === 'max_steps' ? 'max_steps' : 'agent_gave_up',
      answer: null,
      error: r.error ?? (r.end === 'stopped' || r.end === 'max_steps' ? null : `exploration ended: ${r.end}`),
      steps: steps.length,
      durationMs: 0,
      evaluation: { csr: e.final.csr, sr: e.final.sr, booked: e.final.booked, curve: e.curve, bestCsr: e.bestCsr, firstBestIndex: e.firstBestIndex, verdicts: e.final.verdicts },
      finalObservation: r.finalObservation,
      attempts: 1,
    },
  };
}

/**
 * Explorations end to end: N episodes per site, each with a persona drawn for it, labeled
 * and pruned as it goes; every surviving prefix is a dataset row (`kind: explored`) in a run
 * store that `export` reads. Resumable: stored episodes are skipped.
 */
export async function exploreRun(o: ExploreRunOptions): Promise<RunStore> {
  if (o.explorer === 'llm' && !o.exploreModel) throw new InvalidInputError('the llm explorer needs a model', { hint: 'pass --model (and --base-url for a local server)' });
  const summaries = o.summaries ?? 'auto';
  if (summaries === 'llm' && !o.summaryModel) throw new InvalidInputError(NO_SUMMARY_MODEL, { hint: 'pass --model (and --base-url for a local server), or --summaries exact' });
  const unreadable = o.sites.filter((s) => !stateReadable(s));
  if (summaries === 'auto' && unreadable.length && !o.summaryModel)
    throw new InvalidInputError(`${unreadable.join(', ')}: the state is not readable, so each step's change must be summarized by a model, and none is configured`, { hint: 'pass --model (and --base-url for a local server)' });
  const config = exploreConfig(o);
  const versions = RunStore.versions();
  const store = o.resume && RunStore.exists(o.dir) ? RunStore.open(o.dir, { config, versions }) : RunStore.create(o.dir, basename(o.dir), config, versions);
  try {
    const { world } = loadArenaWorld(o.worldSeed);
    const jobs: Job[] = [];
    for (const site of o.sites) {
      siteById(site);
      for (let index = 0; index < o.episodes; index++) {
        const rng = new Rng(`explore/${o.seed}/${site}/${index}`);
        const persona = drawPersona(site, rng.fork('persona'));
        const seed = rng.int(0, 2 ** 30);
        const intent = { ...explorerIntent(site, world, seed), id: `explore-${site}-${o.seed}-${index}` };
        jobs.push({ site, index, persona, seed, intent });
      }
    }
    if (store.tasks().length === 0) store.insertTasks(jobs.map((j) => j.intent));
    const done = store.doneTaskIds();
    const pending = jobs.filter((j) => !done.has(j.intent.id));
    o.onStart?.(jobs.length, jobs.length - pending.length);
    if (pending.length === 0) return store;
    const server = await startServer({ port: 0, world });
    const pool = new EnvPool({ size: o.parallel, env: { mode: 'viewport', backend: siteBackend(server) } });
    try {
      await pool.run(pending, async (env, job, attempt) => {
        const episodeId = `${store.runId}-${job.intent.id}${attempt ? `-retry${attempt}` : ''}`;
        const explorer = o.explorer === 'llm' ? new LlmExplorer(world, o.exploreModel!) : new ScriptedExplorer(world, o.noise, 0.1, job.intent);
        const r = await exploreEpisode({
          env,
          explorer,
          labeler: o.labelModel
            ? llmLabeler(siteById(job.site), world, episodeId, o.labelModel, o.threshold ?? DEFAULT_ORM_THRESHOLD)
            : embeddedLabeler(siteById(job.site), world, episodeId, o.threshold ?? DEFAULT_ORM_THRESHOLD),
          siteId: job.site,
          persona: job.persona,
          episodeId,
          episodeSeed: job.seed,
          runId: store.runId,
          maxSteps: o.maxSteps,
          summarize: stepSummarizer(resolveSummaryMode(summaries, stateReadable(job.site)), o.summaryModel, o.summaryBudgetTokens),
          ...(o.reasoningModel ? { demonstrate: (task, prefix, info) => modelDemonstration(task, prefix, info, o.reasoningModel!, writersOf(o, explorer.name, summaries, stateReadable(job.site))) } : {}),
        });
        store.recordEpisode(asTrajectory(job, episodeId, r, explorer.name), r.rows);
        o.onEpisode?.({ ...r, site: job.site, persona: job.persona.id });
        return r.rows.length;
      });
    } finally {
      await pool.close();
      await server.close();
    }
    return store;
  } catch (err) {
    store.close();
    throw err;
  }
}
