import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/atomic-write.js';
import { ConflictError } from '../core/errors.js';
import { readJsonFile } from '../core/read-json-file.js';
import { canonicalJson } from '../core/hash.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { episodeIdOf } from './run-tasks.js';
import { readTrajectory } from './trajectory-file.js';

/** The file in a `run`/`bench` output folder that says what the episodes in it were run with. */
export const RUN_CONFIG = 'run.json';

/**
 * What makes two runs' episodes the same episodes: a resumed run must have been started with
 * these, or its finished episodes would be mixed with others'.
 */
export const RunConfigRecord = z.strictObject({
  schemaVersion: z.literal(1),
  agent: z.string(),
  noise: z.number().optional(),
  model: z.string().optional(),
  /** A student sampling at this temperature (greedy when absent). */
  temperature: z.number().optional(),
  tasks: z.string(),
  seed: z.number().int(),
  worldSeed: z.number().int(),
  maxSteps: z.number().int(),
  mode: z.string(),
});
export type RunConfigRecord = z.infer<typeof RunConfigRecord>;

/**
 * Prepares an output folder for a run of `tasks` under `config`, and returns the episodes an
 * earlier, interrupted run there already finished (by task id) when `resume` is set: a
 * trajectory of this run id for one of these tasks that did not error. Errored episodes (the
 * infrastructure failed) run again. The configuration is recorded on first use and must match
 * on resume.
 */
export function resumeRun(out: string, config: RunConfigRecord, tasks: readonly Task[], runId: string, resume: boolean): Map<string, Trajectory> {
  const path = join(out, RUN_CONFIG);
  const done = new Map<string, Trajectory>();
  if (resume && existsSync(path)) {
    const was = readJsonFile(path, RunConfigRecord);
    const keys = [...new Set([...Object.keys(config), ...Object.keys(was)])] as (keyof RunConfigRecord)[];
    const differs = keys.filter((k) => JSON.stringify(config[k]) !== JSON.stringify(was[k]));
    if (differs.length > 0) {
      throw new ConflictError(`${out} holds a run made with other settings (${differs.map((k) => `${k}: ${JSON.stringify(was[k])} there, ${JSON.stringify(config[k])} now`).join('; ')})`, {
        hint: 'resume with the same flags, or choose another --out',
      });
    }
  }
  if (resume) {
    const dir = join(out, 'trajectories');
    const files = existsSync(dir) ? new Set(readdirSync(dir)) : new Set<string>();
    for (const t of tasks) {
      const file = `${episodeIdOf(runId, t.id)}.jsonl`;
      if (!files.has(file)) continue;
      const traj = readTrajectory(join(dir, file));
      // The same task, word for word: a task file edited since is another episode.
      if (traj.end.status !== 'error' && canonicalJson(traj.header.task) === canonicalJson(t)) done.set(t.id, traj);
    }
  }
  writeFileAtomic(path, `${JSON.stringify(config, null, 2)}\n`);
  return done;
}
