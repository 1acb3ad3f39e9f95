import { EnvPool } from '../browser/env/env-pool.js';
import { describeError } from '../core/errors.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import type { Policy } from '../agents/policy.js';
import { runEpisode } from '../rollout/run-episode.js';
import { siteBackend } from '../rollout/site-backend.js';
import type { SiteServer } from '../sites/engine/server.js';
import type { StudentModel } from '../student/save-load.js';
import { StudentPolicy } from '../student/student-policy.js';
import type { RewardConfig } from './config.js';
import { ROLLOUT_SCHEMA_VERSION, type RolloutRecord } from './rollout-record.js';
import { trajectoryReward } from './rewards.js';

/** One rollout to run: a task, the sample's index in its group and the seed its sampling draws from. */
export type RolloutJob = { key: string; iteration: number; round: number; task: Task; sample: number; seed: string };

export type RolloutSettings = { runId: string; temperature: number; maxSteps: number; reward: RewardConfig };

/** A rollout that could not run (the browser kept crashing): reported, not trained on. */
export type FailedRollout = { job: RolloutJob; error: string };

/**
 * Runs rollouts of the stochastic student over a pool of browser contexts sharing one Chromium
 * (kept open across iterations). Each job gets a fresh policy seeded by its job, so a rollout is
 * the same whichever context runs it and whenever; a crashed browser is relaunched and the
 * episode run again from its start with the same seed.
 */
export class RolloutRunner {
  private readonly pool: EnvPool;

  constructor(
    server: SiteServer,
    parallel: number,
    private readonly s: RolloutSettings,
  ) {
    this.pool = new EnvPool({ size: parallel, env: { backend: siteBackend(server), mode: 'viewport' } });
  }

  async run(jobs: readonly RolloutJob[], model: StudentModel, onDone: (r: RolloutRecord) => void): Promise<{ records: RolloutRecord[]; failed: FailedRollout[] }> {
    // Grouped by site: a reset onto the site an env is already on is cheaper (see runTasks).
    const order = jobs.map((job, index) => ({ job, index })).sort((a, b) => (a.job.task.site < b.job.task.site ? -1 : a.job.task.site > b.job.task.site ? 1 : a.index - b.index));
    const results = await this.pool.run(order, async (env, { job }, attempt) => {
      const student = new StudentPolicy(model, { temperature: this.s.temperature, seed: job.seed });
      let policyMs = 0;
      const policy: Policy = {
        name: 'student',
        act: async (input) => {
          const t0 = performance.now();
          const d = await student.act(input);
          policyMs += performance.now() - t0;
          return d;
        },
      };
      const t = await runEpisode({
        env,
        policy,
        task: job.task,
        // Unique per iteration (round keys repeat every iteration); a retry starts that episode over.
        episodeId: `${this.s.runId}-it${job.iteration}-${job.key}`,
        replace: attempt > 0,
        episodeSeed: 0,
        maxSteps: this.s.maxSteps,
        attempt,
      });
      const record = toRecord(job, t, student, this.s, policyMs);
      onDone(record);
      return record;
    });
    const records: RolloutRecord[] = [];
    const failed: FailedRollout[] = [];
    for (const r of [...results].sort((a, b) => a.job.index - b.job.index)) {
      if (r.ok) records.push(r.value);
      else failed.push({ job: r.job.job, error: describeError(r.error) });
    }
    return { records, failed };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

function toRecord(job: RolloutJob, t: Trajectory, student: StudentPolicy, s: RolloutSettings, policyMs: number): RolloutRecord {
  const e = t.end.evaluation;
  const outcome = { csr: e.csr, sr: e.sr, steps: t.steps.length, truncated: t.end.status === 'max_steps' };
  return {
    schemaVersion: ROLLOUT_SCHEMA_VERSION,
    key: job.key,
    iteration: job.iteration,
    round: job.round,
    taskId: job.task.id,
    instruction: job.task.instruction,
    sample: job.sample,
    seed: job.seed,
    temperature: s.temperature,
    status: t.end.status,
    outcome,
    reward: trajectoryReward(outcome, s.reward, s.maxSteps),
    verdicts: e.verdicts.map((v) => ({ id: v.id, kind: v.kind, satisfied: v.satisfied })),
    steps: t.steps.map((step, i) => ({ url: step.url, observation: step.observation, action: step.action, error: step.error, decision: student.decisions[i] ?? null })),
    durationMs: t.end.durationMs,
    policyMs: Math.round(policyMs),
  };
}
