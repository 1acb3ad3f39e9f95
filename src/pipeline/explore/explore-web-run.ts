import { basename } from 'node:path';
import { drawGenericPersona, type Persona } from '../../agents/explorer/personas.js';
import { WebExplorer } from '../../agents/explorer/web-explorer.js';
import { EnvPool } from '../../browser/env/env-pool.js';
import { describeError, InvalidInputError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import { Rng } from '../../core/rng.js';
import { TASK_SCHEMA_VERSION, type WebTask } from '../../core/schemas/task.js';
import { TRAJECTORY_SCHEMA_VERSION, type Trajectory, type TrajectoryStep } from '../../core/schemas/trajectory.js';
import type { ModelProvider } from '../../models/provider.js';
import { RunStore, type RunConfig } from '../run-store.js';
import { DEFAULT_SALVAGE } from '../salvage.js';
import { exploreEpisode, type ExploreResult } from './explore-episode.js';
import { DEFAULT_SUMMARY_BUDGET } from './llm-summaries.js';
import { DEFAULT_ORM_THRESHOLD } from './prune.js';
import { stepSummarizer } from './summarizers.js';
import { modelDemonstration } from './model-demonstration.js';
import { trajectoryStepOf } from './trajectory-step.js';
import { webLabeler } from './web-labeler.js';

/**
 * Explorations of sites we know nothing about (`explore --url`): everything the episode state
 * gave us on our own sites is a model's. Each episode opens the URL in a fresh browser context
 * (no state API, no reset endpoint), a generic persona (generic-personas.json) explores with
 * NNetNav's exploration prompt, a model summarizes each step from the pages before and after,
 * labels the prefix at every prune point (4, 8, ...) with NNetNav's relabel prompt and scores it
 * on NNetNav's 1-5 reward prompt (the exploration stops below the threshold), and rewrites the
 * kept steps' thoughts after the fact (NNetNav's retroactive reasoning). Navigation stays on the
 * start URL's origin unless other origins are allowed. Rows (`kind: explored`, task
 * `kind: web`) go to a run store like `explore --sites`: resumable, exported by `export`.
 */

export type ExploreWebRunOptions = {
  dir: string;
  /** Start URLs (http or https). */
  urls: string[];
  /** Explorations per URL. */
  episodes: number;
  /** The models that explore, summarize, label and score, and rewrite the reasoning (the CLI passes one for all). */
  models: { explorer: ModelProvider; summaries: ModelProvider; labeler: ModelProvider; reasoning: ModelProvider };
  seed: number;
  maxSteps: number;
  parallel: number;
  resume: boolean;
  threshold?: number;
  /** Origins the explorer may also load (default none: only each start URL's own). */
  allowOrigins?: string[];
  summaryBudgetTokens?: number;
  onStart?: (total: number, done: number) => void;
  onEpisode?: (r: WebEpisodeReport) => void;
};

/** One exploration as the caller hears of it: the result, or why its start page could not be explored. */
export type WebEpisodeReport = { url: string; persona: string } & ({ ok: true; result: ExploreResult } | { ok: false; error: string });

type Job = { url: string; index: number; persona: Persona; seed: number; frame: WebTask };

/** A start URL checked: absolute http(s), without credentials. */
export function checkStartUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new InvalidInputError(`--url ${JSON.stringify(raw)} is not an absolute URL`, { hint: 'give http(s)://host/path' });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InvalidInputError(`--url ${JSON.stringify(raw)}: only http and https pages can be explored`);
  if (u.username || u.password) throw new InvalidInputError(`--url ${JSON.stringify(raw)}: a URL with credentials is refused (they would be stored in every row)`);
  return u.href;
}

/** `web:` and the host: the site a URL's rows are grouped under (not one of ours). */
export const webSiteId = (url: string) => `web:${new URL(url).host}`;

/** The config a run of URL explorations is stored under (a resume must match it). */
export function exploreWebConfig(o: Pick<ExploreWebRunOptions, 'urls' | 'episodes' | 'models' | 'seed' | 'maxSteps' | 'threshold' | 'allowOrigins'>): RunConfig {
  const m = o.models;
  const models = [...new Set([m.explorer.model, m.summaries.model, m.labeler.model, m.reasoning.model])].join('+');
  const allow = o.allowOrigins?.length ? `+allow:${[...o.allowOrigins].sort().join(',')}` : '';
  return { sites: o.urls, tasksPerSite: o.episodes, teacher: `explore-url:llm:${models}+threshold:${o.threshold ?? DEFAULT_ORM_THRESHOLD}${allow}`, noise: 0, seed: o.seed, worldSeed: 0, maxSteps: o.maxSteps, mode: 'viewport', salvage: DEFAULT_SALVAGE };
}

/** Every exploration of the run: a persona and seed per URL and index, and the open-web frame the episode is stored under. */
export function webJobs(urls: readonly string[], episodes: number, seed: number): Job[] {
  return urls.flatMap((url) =>
    Array.from({ length: episodes }, (_, index) => {
      const rng = new Rng(`explore-url/${seed}/${url}/${index}`);
      const persona = drawGenericPersona(rng.fork('persona'));
      const episodeSeed = rng.int(0, 2 ** 30);
      const frame: WebTask = {
        schemaVersion: TASK_SCHEMA_VERSION,
        kind: 'web',
        id: `explore-url-${sha256(url).slice(0, 10)}-${seed}-${index}`,
        site: webSiteId(url),
        startUrl: url,
        instruction: `Explore ${url} as ${persona.firstName} ${persona.lastName}, ${persona.description}.`,
        metadata: { split: 'train', seed: episodeSeed },
      };
      return { url, index, persona, seed: episodeSeed, frame };
    }),
  );
}

/**
 * Whether the start page loads: reachable, and not an HTTP error. Asked once per URL before any
 * browser starts, so that an unreachable URL is one clear error, not N slow ones.
 */
export async function probeStartUrl(url: string, timeoutMs = 20_000): Promise<string | undefined> {
  try {
    const r = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    await r.body?.cancel().catch(() => undefined);
    if (!r.ok) return `${url} answered HTTP ${r.status}${r.statusText ? ` ${r.statusText}` : ''}`;
    return undefined;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).message;
    // Browsers refuse some ports outright (Chromium's ERR_UNSAFE_PORT); fetch says "bad port".
    return why === 'bad port' ? `${url} uses a port browsers refuse to load (${new URL(url).port})` : `${url} is unreachable: ${why}`;
  }
}

/** What the store keeps of an exploration: its steps under the exploration's frame; no exact evaluation (nothing is known of the site). */
function asTrajectory(job: Job, episodeId: string, r: ExploreResult | { error: string }, explorer: string): Trajectory {
  const result = 'steps' in r ? r : undefined;
  const steps: TrajectoryStep[] = (result?.steps ?? []).map((s) => trajectoryStepOf(s, null, 0));
  // An exploration a model's unusable reply ended is finished (its rows stand; a resume does not
  // redo it); only one whose start page could not be explored is an error, explored again on resume.
  const status = !result ? 'error' : result.end === 'stopped' ? 'stopped' : result.end === 'max_steps' ? 'max_steps' : 'agent_gave_up';
  const error = !result ? (r as { error: string }).error : (result.error ?? (result.end === 'stopped' || result.end === 'max_steps' ? null : `exploration ended: ${result.end}`));
  return {
    header: { type: 'header', schemaVersion: TRAJECTORY_SCHEMA_VERSION, episodeId, agent: { name: explorer }, task: job.frame, startedAt: new Date().toISOString() },
    steps,
    end: {
      type: 'end',
      status,
      answer: null,
      error,
      steps: steps.length,
      durationMs: 0,
      evaluation: { csr: 0, sr: false, booked: false, curve: steps.map(() => 0), bestCsr: 0, firstBestIndex: -1, verdicts: [] },
      ...(result ? { finalObservation: result.finalObservation } : {}),
      attempts: 1,
    },
  };
}

export async function exploreWebRun(o: ExploreWebRunOptions): Promise<RunStore> {
  if (o.urls.length === 0) throw new InvalidInputError('no URL to explore', { hint: 'pass --url URL (repeatable) or --urls FILE' });
  const urls = o.urls.map(checkStartUrl);
  const config = exploreWebConfig({ ...o, urls });
  const versions = RunStore.versions();
  const store = o.resume && RunStore.exists(o.dir) ? RunStore.open(o.dir, { config, versions }) : RunStore.create(o.dir, basename(o.dir), config, versions);
  try {
    const jobs = webJobs(urls, o.episodes, o.seed);
    if (store.allTasks().length === 0) store.insertTasks(jobs.map((j) => j.frame));
    const done = store.doneTaskIds();
    const pending = jobs.filter((j) => !done.has(j.frame.id));
    o.onStart?.(jobs.length, jobs.length - pending.length);
    if (pending.length === 0) return store;
    const unreachable = new Map<string, string>();
    for (const url of new Set(pending.map((j) => j.url))) {
      const why = await probeStartUrl(url);
      if (why) unreachable.set(url, why);
    }
    const record = (job: Job, episodeId: string, r: ExploreResult | { error: string }) => {
      store.recordEpisode(asTrajectory(job, episodeId, r, 'llm-explorer'), 'steps' in r ? r.rows : undefined);
      o.onEpisode?.({ url: job.url, persona: job.persona.id, ...('steps' in r ? { ok: true as const, result: r } : { ok: false as const, error: r.error }) });
    };
    for (const job of pending.filter((j) => unreachable.has(j.url))) record(job, `${store.runId}-${job.frame.id}`, { error: `the start page could not be loaded: ${unreachable.get(job.url)!}` });
    const runnable = pending.filter((j) => !unreachable.has(j.url));
    if (runnable.length === 0) return store;
    const threshold = o.threshold ?? DEFAULT_ORM_THRESHOLD;
    const writers = { explorer: o.models.explorer.model, summaries: o.models.summaries.model, labeler: o.models.labeler.model, reasoning: o.models.reasoning.model };
    // A fresh context per episode: a site we know nothing about may keep state anywhere (cookies, storage, service workers).
    const pool = new EnvPool({ size: o.parallel, env: { mode: 'viewport', reuseContext: false, allowOrigins: o.allowOrigins ?? [] } });
    try {
      await pool.run(runnable, async (env, job, attempt) => {
        const episodeId = `${store.runId}-${job.frame.id}${attempt ? `-retry${attempt}` : ''}`;
        const explorer = new WebExplorer(job.frame, o.models.explorer);
        let r: ExploreResult;
        try {
          r = await exploreEpisode({
            env,
            explorer,
            labeler: webLabeler(job.frame, o.models.labeler, threshold),
            siteId: job.frame.site,
            target: { url: job.url },
            persona: job.persona,
            episodeId,
            episodeSeed: job.seed,
            runId: store.runId,
            maxSteps: o.maxSteps,
            summarize: stepSummarizer('llm', o.models.summaries, o.summaryBudgetTokens ?? DEFAULT_SUMMARY_BUDGET),
            demonstrate: (task, prefix, info) => modelDemonstration(task, prefix, info, o.models.reasoning, writers),
          });
        } catch (err) {
          // A crashed browser is retried by the pool; a start page the browser could not open is this episode's error.
          if ((err as Error).name === 'EnvCrashedError') throw err;
          record(job, episodeId, { error: `the start page could not be explored: ${describeError(err).split('\n')[0]}` });
          return 0;
        }
        record(job, episodeId, r);
        return r.rows.length;
      });
    } finally {
      await pool.close();
    }
    return store;
  } catch (err) {
    store.close();
    throw err;
  }
}
