import type { BrowserEnv } from '../browser/env/browser-env.js';
import { describeError, isInfrastructureFailure } from '../core/errors.js';
import type { SiteEpisodeState } from '../core/schemas/episode-state.js';
import type { Task } from '../core/schemas/task.js';
import { TRAJECTORY_SCHEMA_VERSION, type EpisodeStatus, type Trajectory, type TrajectoryHeader, type TrajectoryStep } from '../core/schemas/trajectory.js';
import { evaluate, evaluateTrajectory } from '../evaluation/evaluate.js';
import type { PastStep, Policy } from '../agents/policy.js';

export type EpisodeOptions = {
  env: BrowserEnv;
  policy: Policy;
  task: Task;
  episodeId: string;
  /** Start the episode over if the server has it already (a retry); otherwise an existing id is refused. */
  replace?: boolean;
  /** Seed of the policy's own randomness (noise) for this episode. */
  episodeSeed: number;
  maxSteps: number;
  attempt?: number;
  agentInfo?: { noise?: number; model?: string; temperature?: number };
  /** Called after each step (progress, streaming writers). */
  onStep?: (step: TrajectoryStep) => void;
  /**
   * Keeps the screenshot of what the agent saw before each step, when the env takes them
   * inline; returns the reference stored on the step (`TrajectoryStep.screenshot`).
   */
  keepScreenshot?: ScreenshotKeeper;
};

export type ScreenshotKeeper = (episodeId: string, index: number, shot: { format: 'png' | 'jpeg'; marks: boolean; data: Uint8Array }) => string;

/**
 * Runs one episode: reset on the task's site, then policy and env in turn until the policy
 * stops or the step budget runs out. Every step carries what the agent saw, what it did, the
 * privileged state after it and the CSR so far. A crash of the env or any other failure of the
 * infrastructure (isInfrastructureFailure) propagates: the pool retries a crash, and the run
 * stops on the rest. Everything else ends the episode with status "error" and keeps the steps.
 */
export async function runEpisode(o: EpisodeOptions): Promise<Trajectory> {
  const started = performance.now();
  const header: TrajectoryHeader = {
    type: 'header',
    schemaVersion: TRAJECTORY_SCHEMA_VERSION,
    episodeId: o.episodeId,
    agent: { name: o.policy.name, ...o.agentInfo },
    task: o.task,
    startedAt: new Date().toISOString(),
  };
  o.policy.begin?.(o.task, o.episodeSeed);
  let observation = await o.env.reset({ siteId: o.task.site, episodeId: o.episodeId, ...(o.replace ? { replace: true } : {}), ...('manage' in o.task && o.task.manage ? { fixtures: o.task.manage.fixtures } : {}) });
  const steps: TrajectoryStep[] = [];
  const history: PastStep[] = [];
  const states: (SiteEpisodeState | undefined)[] = [];
  let status: EpisodeStatus = 'max_steps';
  let answer: string | null = null;
  let error: string | null = null;
  try {
    for (let i = 0; i < o.maxSteps; i++) {
      const decision = await o.policy.act({ task: o.task, observation, history });
      if (decision.giveUp !== undefined) {
        status = 'agent_gave_up';
        error = decision.giveUp;
        break;
      }
      const shot = o.keepScreenshot && observation.screenshot && 'data' in observation.screenshot ? o.keepScreenshot(o.episodeId, i, observation.screenshot) : undefined;
      const result = await o.env.step(decision.action);
      const state = result.info.state?.sites[o.task.site] ?? null;
      states.push(state ?? undefined);
      const step: TrajectoryStep = {
        type: 'step',
        index: i,
        url: observation.url,
        observation: observation.axtree,
        observationTokens: observation.tokens.tokens,
        thought: decision.thought,
        action: decision.action,
        parsed: result.info.action,
        error: result.info.error ?? null,
        timings: result.info.timings,
        state,
        csr: evaluate(o.task, state ?? undefined).csr,
        ...(shot ? { screenshot: shot } : {}),
        ...(decision.usage ? { usage: decision.usage } : {}),
      };
      steps.push(step);
      history.push({ action: decision.action, thought: decision.thought, url: observation.url, error: step.error });
      o.onStep?.(step);
      observation = result.observation;
      if (result.done) {
        status = result.info.action?.type === 'report_infeasible' ? 'agent_gave_up' : 'stopped';
        answer = result.info.message ?? null;
        break;
      }
    }
  } catch (err) {
    if (isInfrastructureFailure(err)) throw err;
    status = 'error';
    error = describeError(err);
  }
  const evaluation = evaluateTrajectory(o.task, states);
  const injected = (o.policy as { errors?: readonly string[] }).errors;
  return {
    header,
    steps,
    end: {
      type: 'end',
      status,
      answer,
      error,
      steps: steps.length,
      durationMs: Math.round(performance.now() - started),
      evaluation: {
        csr: evaluation.final.csr,
        sr: evaluation.final.sr,
        booked: evaluation.final.booked,
        curve: evaluation.curve,
        bestCsr: evaluation.bestCsr,
        firstBestIndex: evaluation.firstBestIndex,
        verdicts: evaluation.final.verdicts,
      },
      ...usageTotal(steps),
      finalObservation: { url: observation.url, observation: observation.axtree },
      ...(injected ? { injectedErrors: [...injected] } : {}),
      attempts: (o.attempt ?? 0) + 1,
    },
  };
}

/** The episode's model usage, when any step had some. */
function usageTotal(steps: readonly TrajectoryStep[]) {
  const used = steps.filter((s) => s.usage);
  if (used.length === 0) return {};
  return {
    usage: {
      inputTokens: used.reduce((n, s) => n + s.usage!.inputTokens, 0),
      outputTokens: used.reduce((n, s) => n + s.usage!.outputTokens, 0),
      costUsd: used.reduce((n, s) => n + s.usage!.costUsd, 0),
      cachedCalls: used.filter((s) => s.usage!.cached).length,
    },
  };
}
