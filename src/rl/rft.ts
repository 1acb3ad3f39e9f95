import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { agentFactory, agentInfo } from '../agents/make-agent.js';
import { InvalidInputError } from '../core/errors.js';
import type { DatasetRow } from '../core/schemas/dataset.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { salvage, type SalvageOptions } from '../pipeline/salvage.js';
import { runTasks } from '../rollout/run-tasks.js';
import { readTrajectory, writeTrajectory } from '../rollout/trajectory-file.js';
import { startServer } from '../sites/engine/server.js';
import { loadArenaWorld } from '../sites/registry.js';
import { saveStudent } from '../student/save-load.js';
import type { EpochReport } from '../student/sft.js';
import { trainStudent, type TrainSummary } from '../student/train.js';
import { loadTasks, writeTasks } from '../tasks/task-file.js';
import { writeAtomic } from './rl-store.js';

/**
 * Rejection-sampling fine-tuning (best-of-N, as WebSailor's RFT): for each training task, N
 * teacher rollouts (the scripted teacher at a noise level, each with its own episode seed); the
 * best by the exact evaluator is kept (success first, then final CSR, then fewer steps, then the
 * earlier sample); its row (whole when a success, salvaged under the usual thresholds otherwise)
 * goes to SFT. The report compares the kept data with taking sample 0 of every task, which is
 * what a one-rollout-per-task run (`generate`) would have kept.
 *
 * Layout of `dir`: rft.json (config), tasks.jsonl, samples/<k>/<episode>.jsonl (every rollout,
 * written as it ends: a killed run resumes), rows.jsonl (the kept rows), model/ (the student),
 * report.json.
 */
export const RftConfig = z.strictObject({
  schemaVersion: z.literal(1),
  n: z.number().int().min(1),
  teacher: z.string(),
  noise: z.number().min(0).max(1),
  seed: z.number().int(),
  worldSeed: z.number().int(),
  maxSteps: z.number().int().min(1),
  salvage: z.strictObject({ minCsr: z.number(), minKept: z.number().int(), requireBooking: z.boolean() }),
  epochs: z.number().int().min(1),
  hidden: z.number().int().min(1),
  trainSeed: z.number().int(),
});
export type RftConfig = z.infer<typeof RftConfig>;

export type DataQuality = { tasks: number; sr: number; csr: number; rows: { success: number; salvaged: number }; steps: number };
export type RftReport = {
  config: RftConfig;
  /** Taking sample 0 of every task (one rollout per task). */
  single: DataQuality;
  /** The best of N. */
  best: DataQuality;
  episodes: number;
  seconds: { rollouts: number; train: number };
  training: TrainSummary;
};

export type RftEvent = { type: 'sample'; k: number; n: number; total: number; done: number } | { type: 'episode'; trajectory: Trajectory } | { type: 'epoch'; report: EpochReport };

/** Success first, then final CSR, then fewer steps: a positive number when a is better than b. */
export function compareRollouts(a: Trajectory, b: Trajectory): number {
  const ea = a.end.evaluation;
  const eb = b.end.evaluation;
  if (ea.sr !== eb.sr) return ea.sr ? 1 : -1;
  if (Math.abs(ea.csr - eb.csr) > 1e-9) return ea.csr - eb.csr;
  return b.steps.length - a.steps.length;
}

/** The best of a task's rollouts (ties to the earlier sample). */
export function bestOf(samples: readonly Trajectory[]): Trajectory {
  if (!samples.length) throw new RangeError('no rollouts to choose from');
  return samples.reduce((best, t) => (compareRollouts(t, best) > 0 ? t : best));
}

export function dataQuality(picked: readonly Trajectory[], runId: string, s: SalvageOptions): { quality: DataQuality; rows: DatasetRow[] } {
  const rows = picked.flatMap((t) => salvage(t, runId, s) ?? []);
  const n = Math.max(1, picked.length);
  return {
    rows,
    quality: {
      tasks: picked.length,
      sr: picked.filter((t) => t.end.evaluation.sr).length / n,
      csr: picked.reduce((a, t) => a + t.end.evaluation.csr, 0) / n,
      rows: { success: rows.filter((r) => r.kind === 'success').length, salvaged: rows.filter((r) => r.kind === 'salvaged').length },
      steps: rows.reduce((a, r) => a + r.steps.length, 0),
    },
  };
}

export type RftOptions = { dir: string; config: RftConfig; tasks: readonly Task[]; parallel: number; resume: boolean; onEvent?: (e: RftEvent) => void };

export async function runRft(o: RftOptions): Promise<RftReport> {
  const cfg = RftConfig.parse(o.config);
  const emit = o.onEvent ?? (() => {});
  const cfgPath = join(o.dir, 'rft.json');
  if (existsSync(cfgPath)) {
    if (!o.resume) throw new InvalidInputError(`${o.dir} already holds an RFT run`, { hint: 'pass --resume to continue it, or choose another --out' });
  } else {
    if (!o.tasks.length) throw new InvalidInputError('RFT needs training tasks');
    mkdirSync(o.dir, { recursive: true });
    writeTasks(join(o.dir, 'tasks.jsonl'), o.tasks);
    writeAtomic(cfgPath, `${JSON.stringify(cfg, null, 2)}\n`);
  }
  const stored = RftConfig.parse(JSON.parse(readFileSync(cfgPath, 'utf8')));
  if (JSON.stringify({ ...stored, n: 0 }) !== JSON.stringify({ ...cfg, n: 0 })) throw new InvalidInputError(`${o.dir} holds an RFT run with another configuration`, { hint: `compare with ${cfgPath}; only --n may change on --resume` });
  const tasks = loadTasks(join(o.dir, 'tasks.jsonl'));
  const { world } = loadArenaWorld(cfg.worldSeed);
  const samples: Trajectory[][] = [];
  const t0 = performance.now();
  const server = await startServer({ port: 0, world });
  try {
    for (let k = 0; k < cfg.n; k++) {
      const dir = join(o.dir, 'samples', String(k));
      const have = new Map<string, Trajectory>();
      if (existsSync(dir)) for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
        const t = readTrajectory(join(dir, f));
        have.set(t.header.task.id, t);
      }
      const pending = tasks.filter((t) => !have.has(t.id));
      emit({ type: 'sample', k, n: cfg.n, total: tasks.length, done: tasks.length - pending.length });
      if (pending.length) {
        await runTasks({
          tasks: pending, server, makePolicy: agentFactory(cfg.teacher, { world, noise: cfg.noise }), parallel: o.parallel, maxSteps: cfg.maxSteps,
          // Sample k has its own episode seeds: the teacher's injected errors differ between samples.
          runId: `rft-s${k}`, seed: cfg.seed * 1000 + k, agentInfo: agentInfo(cfg.teacher, { noise: cfg.noise }), env: { mode: 'viewport' },
          onEpisode: (t) => {
            writeTrajectory(dir, t);
            have.set(t.header.task.id, t);
            emit({ type: 'episode', trajectory: t });
          },
        });
      }
      samples.push(tasks.map((t) => have.get(t.id)!));
    }
  } finally {
    await server.close();
  }
  const rolloutSeconds = (performance.now() - t0) / 1000;
  const perTask = tasks.map((_, i) => samples.map((s) => s[i]!));
  const single = dataQuality(perTask.map((s) => s[0]!), 'rft-single', cfg.salvage);
  const best = dataQuality(perTask.map(bestOf), 'rft-best', cfg.salvage);
  writeFileSync(join(o.dir, 'rows.jsonl'), best.rows.map((r) => JSON.stringify(r)).join('\n') + (best.rows.length ? '\n' : ''));
  if (!best.rows.length) throw new InvalidInputError('no rollout of any task is good enough to keep', { hint: 'lower the teacher noise, raise --n, or lower --min-csr' });
  const t1 = performance.now();
  const { model, summary } = await trainStudent(best.rows, { epochs: cfg.epochs, seed: cfg.trainSeed, hidden: cfg.hidden, valFraction: 0, onEpoch: (report) => emit({ type: 'epoch', report }) });
  saveStudent(join(o.dir, 'model'), { ...model, training: { ...model.training, rft: { n: cfg.n, noise: cfg.noise, tasks: tasks.length } } });
  const report: RftReport = {
    config: cfg, single: single.quality, best: best.quality, episodes: tasks.length * cfg.n,
    seconds: { rollouts: rolloutSeconds, train: (performance.now() - t1) / 1000 }, training: summary,
  };
  writeAtomic(join(o.dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
