import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { extractAction } from '../browser/actions/extract-action.js';
import type { BrowserEnv } from '../browser/env/browser-env.js';
import { EnvCrashedError } from '../browser/env/errors.js';
import { InvalidInputError, NotFoundError, WebFoundryError, describeError } from '../core/errors.js';
import type { Observation, ObservationMode } from '../core/schemas/observation.js';
import type { StepResult } from '../core/schemas/step-info.js';
import type { Task } from '../core/schemas/task.js';
import { evaluate } from '../evaluation/evaluate.js';
import { formatAction } from '../browser/actions/format-action.js';
import { liveTurn } from '../pipeline/exports/prompt.js';
import { EnvLeases } from '../rollout/env-leases.js';
import { siteBackend } from '../rollout/site-backend.js';
import type { SiteServer } from '../sites/engine/server.js';
import type { ApiObservation, CreateEpisode, EpisodeSummary, ResetEpisode, Reward, StepRequest, StepResponse } from './schemas.js';
import type { TaskIndex } from './task-index.js';

/** An error the API answers with a status and a stable code (see ErrorBody). */
export class ApiError extends WebFoundryError {
  override name = 'ApiError';
  constructor(
    readonly status: 400 | 404 | 409 | 410 | 503,
    readonly code: 'invalid_request' | 'not_found' | 'gone' | 'busy' | 'capacity' | 'episode_over',
    message: string,
    hint?: string,
  ) {
    super(message, hint === undefined ? {} : { hint });
  }
}

type Target = { task: Task } | { url: string };

type Episode = {
  id: string;
  /** Lease key: envs are reused between episodes of the same options. */
  key: string;
  env: BrowserEnv;
  target: Target;
  maxSteps: number;
  mode: ObservationMode;
  screenshot: boolean;
  maxObsTokens: number | undefined;
  resets: number;
  step: number;
  done: boolean;
  truncated: boolean;
  reward: Reward | null;
  url: string;
  lastSeen: number;
  /** A call in progress (one at a time per episode). */
  busy: boolean;
};

export type EpisodeTableOptions = {
  server: SiteServer;
  tasks: TaskIndex;
  /** Episodes open at once (browser contexts). */
  parallel: number;
  /** An episode no call has touched for this long is closed and its context reused (default 300 s). */
  idleTimeoutMs?: number;
  launch?: () => Promise<Browser>;
  now?: () => number;
};

/**
 * The env server's open episodes: each holds one browser context lent by EnvLeases, on the
 * server's site server, for one client. Calls on an episode run one at a time (a second call
 * while one runs is answered "busy"); an episode nobody has called for `idleTimeoutMs` is
 * reclaimed (a trainer that crashed never says close), and its id answers "gone" afterwards.
 */
export class EpisodeTable {
  private readonly open = new Map<string, Episode>();
  /** Ids of reclaimed episodes and why, so a late client is told what happened (bounded). */
  private readonly gone = new Map<string, string>();
  private readonly leases: EnvLeases;
  private readonly now: () => number;
  readonly idleTimeoutMs: number;

  constructor(private readonly o: EpisodeTableOptions) {
    this.leases = new EnvLeases(o.parallel, o.launch);
    this.now = o.now ?? Date.now;
    this.idleTimeoutMs = o.idleTimeoutMs ?? 300_000;
  }

  get size(): number {
    return this.open.size;
  }

  get capacity(): number {
    return this.o.parallel;
  }

  async create(body: CreateEpisode): Promise<StepResponse> {
    const target = this.target(body);
    const key = `${body.mode}/${body.screenshot ? 'png' : 'text'}`;
    const env = await this.leases.acquire(key, {
      backend: siteBackend(this.o.server),
      mode: body.mode,
      ...(body.screenshot ? { screenshot: { marks: false } } : {}),
    });
    if (!env) {
      throw new ApiError(503, 'capacity', `all ${this.o.parallel} episode slots are in use`, 'close finished episodes, retry later (the Python client does), or start the server with a larger --parallel');
    }
    const id = `ep-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const ep: Episode = { id, key, env, target, maxSteps: body.maxSteps, mode: body.mode, screenshot: body.screenshot, maxObsTokens: body.maxObsTokens, resets: 0, step: 0, done: false, truncated: false, reward: null, url: '', lastSeen: this.now(), busy: true };
    this.open.set(id, ep);
    try {
      return await this.start(ep);
    } catch (err) {
      this.open.delete(id);
      await this.leases.release(key, env, true);
      throw err;
    } finally {
      ep.busy = false;
      ep.lastSeen = this.now();
    }
  }

  reset(id: string, body: ResetEpisode): Promise<StepResponse> {
    return this.call(id, async (ep) => {
      if (body.taskId !== undefined || body.task !== undefined || body.url !== undefined) ep.target = this.target(body);
      return this.start(ep);
    });
  }

  step(id: string, body: StepRequest): Promise<StepResponse> {
    return this.call(id, async (ep) => {
      if (ep.done || ep.truncated) {
        throw new ApiError(409, 'episode_over', `episode ${id} is over (${ep.done ? 'the agent stopped' : 'truncated'} after ${ep.step} steps)`, 'reset it, or close it');
      }
      let input: string | StepResult['info']['action'] = body.action ?? '';
      let extractError: string | undefined;
      if (body.reply !== undefined) {
        const r = extractAction(body.reply);
        if (r.ok) input = r.action;
        else extractError = r.error;
      }
      const t0 = performance.now();
      let result: StepResult;
      try {
        result = extractError === undefined ? await ep.env.step(input!) : await ep.env.step(body.reply!);
      } catch (err) {
        return this.crashed(ep, err);
      }
      const envMs = performance.now() - t0;
      ep.step++;
      ep.done = result.done;
      ep.truncated = !ep.done && ep.step >= ep.maxSteps;
      ep.url = result.observation.url;
      if ('task' in ep.target) ep.reward = reward(ep.target.task, result.info.state);
      const actionError = extractError ?? result.info.error ?? null;
      const action = result.info.action ? formatAction(result.info.action) : null;
      return this.response(ep, result.observation, { action, actionError, message: result.info.message ?? null, timings: { stepMs: 0, envMs } }, extractError);
    });
  }

  summary(id: string): EpisodeSummary {
    const ep = this.get(id);
    return {
      episodeId: ep.id,
      task: 'task' in ep.target ? taskInfo(ep.target.task) : null,
      url: ep.url,
      step: ep.step,
      maxSteps: ep.maxSteps,
      done: ep.done,
      truncated: ep.truncated,
      reward: ep.reward,
      idleSeconds: (this.now() - ep.lastSeen) / 1000,
    };
  }

  list(): EpisodeSummary[] {
    return [...this.open.keys()].map((id) => this.summary(id));
  }

  /** Closes an episode and gives its context back; closing one twice is not an error. */
  async close(id: string): Promise<boolean> {
    const ep = this.open.get(id);
    if (!ep) {
      if (this.gone.has(id)) return false;
      throw new ApiError(404, 'not_found', `no episode ${id}`);
    }
    if (ep.busy) throw new ApiError(409, 'busy', `episode ${id} is running a call`, 'wait for it to answer, then close');
    await this.drop(ep, 'closed by the client');
    return true;
  }

  /** Closes every episode idle for longer than the timeout; returns their ids. */
  async reap(): Promise<string[]> {
    const limit = this.now() - this.idleTimeoutMs;
    const idle = [...this.open.values()].filter((ep) => !ep.busy && ep.lastSeen < limit);
    for (const ep of idle) await this.drop(ep, `reclaimed after ${Math.round(this.idleTimeoutMs / 1000)} s without a call`);
    return idle.map((ep) => ep.id);
  }

  async closeAll(): Promise<void> {
    for (const ep of [...this.open.values()]) await this.drop(ep, 'the server stopped');
    await this.leases.close();
  }

  private async drop(ep: Episode, why: string, broken = false): Promise<void> {
    this.open.delete(ep.id);
    this.gone.set(ep.id, why);
    if (this.gone.size > 10_000) this.gone.delete(this.gone.keys().next().value!);
    this.o.server.episodes.delete(siteEpisodeId(ep));
    await this.leases.release(ep.key, ep.env, broken);
  }

  private get(id: string): Episode {
    const ep = this.open.get(id);
    if (ep) return ep;
    const why = this.gone.get(id);
    if (why !== undefined) throw new ApiError(410, 'gone', `episode ${id} is gone: ${why}`, 'create a new episode');
    throw new ApiError(404, 'not_found', `no episode ${id}`, 'create one with POST /v1/episodes');
  }

  /** Runs one call on an episode, alone, and counts it as a sign of life. */
  private async call<T>(id: string, fn: (ep: Episode) => Promise<T>): Promise<T> {
    const ep = this.get(id);
    if (ep.busy) throw new ApiError(409, 'busy', `episode ${id} is already running a call`, 'send one call at a time per episode');
    ep.busy = true;
    ep.lastSeen = this.now();
    try {
      return await fn(ep);
    } finally {
      ep.busy = false;
      ep.lastSeen = this.now();
    }
  }

  private target(body: { taskId?: string | undefined; suite?: string | undefined; task?: Task | undefined; url?: string | undefined }): Target {
    if (body.url !== undefined) return { url: body.url };
    if (body.task !== undefined) {
      if (!this.o.server.sites.some((s) => s.id === body.task!.site)) throw new ApiError(400, 'invalid_request', `the task's site "${body.task.site}" is not served here`, `sites: ${this.o.server.sites.map((s) => s.id).join(', ')}`);
      return { task: body.task };
    }
    try {
      return { task: this.o.tasks.get(body.taskId!, body.suite) };
    } catch (err) {
      if (err instanceof NotFoundError) throw new ApiError(404, 'not_found', err.message, err.hint);
      if (err instanceof InvalidInputError) throw new ApiError(400, 'invalid_request', err.message, err.hint);
      throw err;
    }
  }

  /** Opens the episode's target in its context: a fresh site episode (state, cookies) per reset. */
  private async start(ep: Episode): Promise<StepResponse> {
    if (ep.resets > 0) this.o.server.episodes.delete(siteEpisodeId(ep));
    ep.resets++;
    ep.step = 0;
    ep.done = false;
    ep.truncated = false;
    const t0 = performance.now();
    let obs: Observation;
    try {
      obs =
        'task' in ep.target
          ? await ep.env.reset({ siteId: ep.target.task.site, episodeId: siteEpisodeId(ep), ...('manage' in ep.target.task && ep.target.task.manage ? { fixtures: ep.target.task.manage.fixtures } : {}) })
          : await ep.env.reset({ url: ep.target.url });
    } catch (err) {
      if (err instanceof EnvCrashedError) return this.crashed(ep, err);
      if (err instanceof InvalidInputError) throw new ApiError(400, 'invalid_request', err.message, err.hint);
      throw err;
    }
    ep.url = obs.url;
    ep.reward = 'task' in ep.target ? reward(ep.target.task, await this.o.server.episodes.snapshot(siteEpisodeId(ep))) : null;
    return this.response(ep, obs, { action: null, actionError: null, message: null, timings: { stepMs: 0, envMs: performance.now() - t0 } });
  }

  /** A crashed browser context ends the episode (truncated, with the error); reset starts over in a new one. */
  private async crashed(ep: Episode, err: unknown): Promise<StepResponse> {
    if (!(err instanceof EnvCrashedError)) throw err;
    ep.truncated = true;
    // The context is dead: give it back to be closed, and lease a fresh one for a reset.
    await this.leases.release(ep.key, ep.env, true);
    const fresh = await this.leases.acquire(ep.key, { backend: siteBackend(this.o.server), mode: ep.mode, ...(ep.screenshot ? { screenshot: { marks: false } } : {}) });
    if (fresh) ep.env = fresh;
    const obs: ApiObservation = { url: ep.url, title: '', text: '', tokens: 0, focusedBid: null, tabs: [], activeTab: 0, lastActionError: describeError(err) };
    const turn = liveTurn({ instruction: null, url: ep.url, observation: '', error: describeError(err), opening: false });
    return { episodeId: ep.id, observation: obs, reward: ep.reward, done: false, truncated: true, turn, info: { ...this.info(ep, { action: null, actionError: null, message: null }), error: describeError(err) } };
  }

  private response(ep: Episode, obs: Observation, extra: { action: string | null; actionError: string | null; message: string | null; timings?: { stepMs: number; envMs: number } }, lastActionError?: string): StepResponse {
    const observation = apiObservation(obs, lastActionError);
    const turn = liveTurn({
      instruction: 'task' in ep.target ? ep.target.task.instruction : null,
      url: observation.url,
      observation: observation.text,
      error: observation.lastActionError,
      opening: ep.step === 0,
      maxObsTokens: ep.maxObsTokens,
    });
    return { episodeId: ep.id, observation, reward: ep.reward, done: ep.done, truncated: ep.truncated, turn, info: this.info(ep, extra) };
  }

  private info(ep: Episode, extra: { action: string | null; actionError: string | null; message: string | null; timings?: { stepMs: number; envMs: number } }): StepResponse['info'] {
    return { step: ep.step, maxSteps: ep.maxSteps, ...extra, task: 'task' in ep.target ? taskInfo(ep.target.task) : null };
  }
}

/** Each reset is a new episode on the site server: its state starts empty (or with the task's fixture bookings). */
const siteEpisodeId = (ep: Episode) => `${ep.id}-${ep.resets}`;

const taskInfo = (t: Task) => ({ id: t.id, site: t.site, instruction: t.instruction });

function reward(task: Task, state: Parameters<typeof evaluate>[1]): Reward {
  const e = evaluate(task, state);
  return {
    csr: e.csr,
    success: e.sr,
    satisfied: e.satisfied,
    total: e.total,
    verdicts: e.verdicts.map((v, i) => ({ id: v.id, kind: v.kind, satisfied: v.satisfied, ...(task.constraints[i] ? { phrase: task.constraints[i].phrase } : {}) })),
  };
}

function apiObservation(o: Observation, lastActionError?: string): ApiObservation {
  const shot = o.screenshot && 'data' in o.screenshot ? Buffer.from(o.screenshot.data).toString('base64') : undefined;
  return {
    url: o.url,
    title: o.title,
    text: o.axtree,
    tokens: o.tokens.tokens,
    focusedBid: o.focusedBid,
    tabs: o.tabs.map((t) => ({ index: t.index, url: t.url, title: t.title })),
    activeTab: o.activeTab,
    lastActionError: lastActionError ?? o.lastActionError,
    ...(o.dialog ? { dialog: { type: o.dialog.type, message: o.dialog.message } } : {}),
    ...(shot ? { screenshot: shot } : {}),
  };
}
