import type { Browser } from 'playwright-core';
import type { BrowserEnv } from '../browser/env/browser-env.js';
import { EnvPool } from '../browser/env/env-pool.js';
import type { BrowserEnvOptions } from '../browser/env/options.js';
import { describeError, isInfrastructureFailure } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import type { Policy } from '../agents/policy.js';
import type { SiteServer } from '../sites/engine/server.js';
import { evaluateTrajectory } from '../evaluation/evaluate.js';
import { runEpisode, type ScreenshotKeeper } from './run-episode.js';
import { canonicalOrigins } from './canonical-origins.js';
import { RunStoppedError } from './run-stopped-error.js';
import { siteBackend } from './site-backend.js';

export type RunTasksOptions = {
  tasks: readonly Task[];
  server: SiteServer;
  makePolicy: () => Policy;
  parallel: number;
  maxSteps: number;
  /** Prefix of episode ids (unique per run). */
  runId: string;
  seed: number;
  agentInfo?: { noise?: number; model?: string; temperature?: number };
  env?: Omit<BrowserEnvOptions, 'browser' | 'backend'>;
  /** How to start the shared browser (default launchChromium): other flags, a remote browser. */
  launch?: () => Promise<Browser>;
  /** Each finished episode, as soon as it ends (writers, progress). */
  onEpisode?: (t: Trajectory) => void;
  /** With `env.screenshot` inline: keeps each step's screenshot (see runEpisode). */
  keepScreenshot?: ScreenshotKeeper;
};

/** The episode id of a task in a run: the same on every attempt and on resume. */
export function episodeIdOf(runId: string, taskId: string): string {
  return `${runId}-${taskId}`;
}

/**
 * Runs every task once over a pool of K browser contexts sharing one Chromium. A crashed
 * browser or page is relaunched and its episode retried (in its episode, started over).
 *
 * A failure of the infrastructure (no browser, a browser lost beyond the retries, the site
 * server or model server down) stops the run: no new episode starts, those in flight finish and
 * are delivered, and runTasks throws RunStoppedError. Such episodes are never reported as if the
 * agent had failed them. Any other error inside an episode ends it with status "error" (never
 * dropped); callers keep those apart from the agent's outcomes.
 *
 * Trajectories name the sites at their canonical origins (canonical-origins.ts), whatever port
 * the server listens on: the same seed gives the same bytes.
 */
export async function runTasks(o: RunTasksOptions): Promise<Trajectory[]> {
  const pool = new EnvPool({ size: o.parallel, env: { ...o.env, backend: siteBackend(o.server) }, stopOn: isInfrastructureFailure, ...(o.launch ? { launch: o.launch } : {}) });
  try {
    // Jobs grouped by site: an env that resets onto the site it is already on skips a new
    // renderer process (about 115 ms instead of 155 ms a reset). Results go back in task order.
    const jobs = o.tasks.map((task, index) => ({ task, index })).sort((a, b) => (a.task.site < b.task.site ? -1 : a.task.site > b.task.site ? 1 : a.index - b.index));
    const results = await pool.run(jobs, async (env, { task }, attempt) => {
      const t = await runTaskEpisode(env, task, attempt, { ...o, serverPort: o.server.port });
      o.onEpisode?.(t);
      return t;
    });
    const stop = results.find((r) => !r.ok && (r.skipped || isInfrastructureFailure(r.error)));
    if (stop && !stop.ok) throw new RunStoppedError(results.filter((r) => r.ok).length, results.length, stop.error);
    const inOrder = new Array<(typeof results)[number]>(results.length);
    for (const r of results) inOrder[r.job.index] = r;
    return inOrder.map((r) => {
      if (r.ok) return r.value;
      const failed = erroredTrajectory(r.job.task, episodeIdOf(o.runId, r.job.task.id), describeError(r.error), r.attempts, o.makePolicy().name);
      o.onEpisode?.(failed);
      return failed;
    });
  } finally {
    await pool.close();
  }
}

/**
 * One attempt at one task, as every runner runs it (the local pool here, a queue worker
 * elsewhere): the episode id and the policy's seed come from the run and the task alone, so the
 * same task gives the same episode wherever and whenever it runs; a retry starts that episode
 * over. With the server's port, the trajectory names the sites at their canonical origins.
 */
export async function runTaskEpisode(
  env: BrowserEnv,
  task: Task,
  attempt: number,
  o: Pick<RunTasksOptions, 'makePolicy' | 'runId' | 'seed' | 'maxSteps' | 'agentInfo' | 'keepScreenshot'> & { serverPort?: number },
): Promise<Trajectory> {
  const lived = await runEpisode({
    env,
    policy: o.makePolicy(),
    task,
    episodeId: episodeIdOf(o.runId, task.id),
    // A retry starts the same episode over: its state, booking references and data are what a first attempt gives.
    replace: attempt > 0,
    // From the task, not its position: a resumed run replays the same episode.
    episodeSeed: new Rng(`${o.seed}/${task.id}`).int(0, 2 ** 30),
    maxSteps: o.maxSteps,
    attempt,
    ...(o.agentInfo ? { agentInfo: o.agentInfo } : {}),
    ...(o.keepScreenshot ? { keepScreenshot: o.keepScreenshot } : {}),
  });
  return o.serverPort === undefined ? lived : canonicalOrigins(lived, o.serverPort);
}

/** The trajectory stored for an episode that could not be run: status "error", no steps, CSR 0. */
export function erroredTrajectory(task: Task, episodeId: string, error: string, attempts: number, agent: string): Trajectory {
  const e = evaluateTrajectory(task, []);
  return {
    header: { type: 'header', schemaVersion: 1, episodeId, agent: { name: agent }, task, startedAt: new Date().toISOString() },
    steps: [],
    end: {
      type: 'end',
      status: 'error',
      answer: null,
      error,
      steps: 0,
      durationMs: 0,
      evaluation: { csr: 0, sr: false, booked: false, curve: [], bestCsr: 0, firstBestIndex: -1, verdicts: e.final.verdicts },
      attempts,
    },
  };
}
