import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { agentFactory, agentInfo } from '../agents/make-agent.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InvalidInputError } from '../core/errors.js';
import type { DatasetRow } from '../core/schemas/dataset.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { generateRun } from '../pipeline/generate.js';
import { RunStore, type RunConfig } from '../pipeline/run-store.js';
import { DEFAULT_SALVAGE, resalvageRun } from '../pipeline/salvage.js';
import { runTasks } from '../rollout/run-tasks.js';
import { summarize } from '../rollout/summarize.js';
import { writeTrajectory } from '../rollout/trajectory-file.js';
import { startServer, type SiteServer } from '../sites/engine/server.js';
import { SITES, loadArenaWorld, siteById } from '../sites/registry.js';
import type { EpochReport } from '../student/sft.js';
import { ARCHS } from '../student/model.js';
import { loadStudent, saveStudent } from '../student/save-load.js';
import { trainStudent } from '../student/train.js';
import { loadTasks } from '../tasks/task-file.js';
import type { World } from '../world/world.js';

/**
 * The partial-trajectory ablation: one teacher run (the budget) over every site but a held-out
 * one; students trained on (a) its successes only and (b) its successes plus salvaged partials,
 * over several training seeds; each scored on the suite's tasks of the training sites (in-domain)
 * and of the held-out site, beside the teacher and the random agent. Every stage is kept on disk
 * under `dir` and skipped when present, so a killed ablation resumes where it stopped.
 */
export const ABLATION_SCHEMA_VERSION = 1;

export const AblationConfig = z.strictObject({
  schemaVersion: z.literal(ABLATION_SCHEMA_VERSION),
  holdout: z.string(),
  /** Sites the teacher budget is spent on; never the held-out one. */
  trainingSites: z.array(z.string()).min(1),
  tasksPerSite: z.number().int().min(1),
  noise: z.number().min(0).max(1),
  dataSeed: z.number().int(),
  worldSeed: z.number().int(),
  seeds: z.array(z.number().int()).min(1),
  epochs: z.number().int().min(1),
  hidden: z.number().int().min(1),
  suite: z.string(),
  maxSteps: z.number().int().min(1),
  baselineSeed: z.number().int(),
  /** The students' action scorer (absent: bow, as every ablation before architectures). */
  arch: z.enum(ARCHS).optional(),
  /** The conditions trained and scored (absent: both). */
  conditions: z.array(z.enum(['successes', 'successes+salvaged'])).min(1).optional(),
});
export type AblationConfig = z.infer<typeof AblationConfig>;

export const CONDITIONS = ['successes', 'successes+salvaged'] as const;
export type Condition = (typeof CONDITIONS)[number];

const Score = z.strictObject({ episodes: z.number().int(), sr: z.number(), csr: z.number(), meanSteps: z.number(), errors: z.number().int() });
export type Score = z.infer<typeof Score>;

/** One agent scored on both task sets, stored as `evals/<name>.json`. */
export const EvalRecord = z.strictObject({
  schemaVersion: z.literal(ABLATION_SCHEMA_VERSION),
  name: z.string(),
  agent: z.string(),
  inDomain: Score,
  heldOut: Score,
  /** The same per site (absent in records of an earlier version). */
  bySite: z.record(z.string(), Score).optional(),
  seconds: z.number(),
});
export type EvalRecord = z.infer<typeof EvalRecord>;

export type Spread = { mean: number; sd: number; min: number; max: number; n: number };
export type AblationRow = {
  agent: string;
  condition: Condition | 'teacher' | 'random';
  /** Dataset rows and step examples the students were trained on (students only). */
  training?: { rows: number; steps: number; success: number; salvaged: number };
  inDomain: { sr: Spread; csr: Spread; episodes: number };
  heldOut: { sr: Spread; csr: Spread; episodes: number };
  runs: EvalRecord[];
};
export type AblationResult = { config: AblationConfig; data: { episodes: number; rows: { success: number; salvaged: number } }; rows: AblationRow[] };

export type AblationEvent =
  | { type: 'stage'; label: string; total: number; done: number }
  | { type: 'episode'; trajectory: Trajectory }
  | { type: 'epoch'; report: EpochReport };

export type AblationOptions = { dir: string; config: AblationConfig; parallel: number; force?: boolean; onEvent?: (e: AblationEvent) => void };

export function defaultAblationConfig(): AblationConfig {
  return { schemaVersion: ABLATION_SCHEMA_VERSION, holdout: 'railgo', trainingSites: SITES.map((s) => s.id).filter((s) => s !== 'railgo'), tasksPerSite: 48, noise: 0.5, dataSeed: 1, worldSeed: 1, seeds: [1, 2, 3], epochs: 12, hidden: 64, suite: 'bookingarena-v0', maxSteps: 60, baselineSeed: 1 };
}

/** The rows a condition trains on. */
export function conditionRows(rows: readonly DatasetRow[], c: Condition): DatasetRow[] {
  return c === 'successes' ? rows.filter((r) => r.kind === 'success') : [...rows];
}

/** Mean, sample standard deviation (0 for one value), min and max. */
export function spread(xs: readonly number[]): Spread {
  const n = xs.length;
  if (!n) return { mean: 0, sd: 0, min: 0, max: 0, n: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, min: Math.min(...xs), max: Math.max(...xs), n };
}

export async function runAblation(o: AblationOptions): Promise<AblationResult> {
  const cfg = AblationConfig.parse(o.config);
  const emit = o.onEvent ?? (() => {});
  for (const s of [cfg.holdout, ...cfg.trainingSites]) siteById(s); // a clear error for an unknown site
  if (cfg.trainingSites.includes(cfg.holdout)) throw new InvalidInputError(`the held-out site ${cfg.holdout} is among the training sites`);
  mkdirSync(o.dir, { recursive: true });
  checkConfig(o.dir, cfg, Boolean(o.force));
  const { trainingSites } = cfg;
  const { world } = loadArenaWorld(cfg.worldSeed);

  // 1. The teacher budget: one generate run on the training sites (resumable).
  const runConfig: RunConfig = {
    sites: trainingSites, tasksPerSite: cfg.tasksPerSite, teacher: 'scripted', noise: cfg.noise, seed: cfg.dataSeed,
    worldSeed: cfg.worldSeed, maxSteps: cfg.maxSteps, mode: 'viewport', salvage: DEFAULT_SALVAGE,
  };
  const dataDir = join(o.dir, 'data');
  const store = await generateRun({
    dir: dataDir, config: runConfig, parallel: o.parallel, resume: RunStore.exists(dataDir), force: false,
    onStart: (total, done) => emit({ type: 'stage', label: 'teacher rollouts', total, done }),
    onEpisode: (t) => emit({ type: 'episode', trajectory: t }),
  });
  let rows: DatasetRow[];
  let episodes: number;
  try {
    // Rows follow this version's salvage rules even when the run was made by an earlier one.
    resalvageRun(store);
    rows = store.rows();
    episodes = store.doneTaskIds().size;
  } finally {
    store.close();
  }

  // 2. Students: every condition x seed, saved under models/.
  const models: { name: string; condition: Condition; dir: string; rows: DatasetRow[] }[] = [];
  const conditions = CONDITIONS.filter((c) => !cfg.conditions || cfg.conditions.includes(c));
  const arch = cfg.arch ?? 'bow';
  for (const condition of conditions) {
    const subset = conditionRows(rows, condition);
    if (!subset.length) throw new InvalidInputError(`the teacher run has no ${condition} rows to train on`, { hint: 'raise --tasks-per-site' });
    for (const seed of cfg.seeds) {
      const name = `${condition.replace('+', '-')}-seed${seed}`;
      const dir = join(o.dir, 'models', name);
      models.push({ name, condition, dir, rows: subset });
      if (existsSync(join(dir, 'model.json'))) continue;
      emit({ type: 'stage', label: `train ${name}`, total: cfg.epochs, done: 0 });
      const { model } = await trainStudent(subset, { epochs: cfg.epochs, seed, hidden: cfg.hidden, arch, valFraction: 0, onEpoch: (report) => emit({ type: 'epoch', report }) });
      saveStudent(dir, { ...model, training: { ...model.training, condition, data: dataDir } });
    }
  }

  // 3. Scores on the suite: in-domain (training sites) and the held-out site.
  const suite = loadTasks(cfg.suite, { world });
  const inDomain = suite.filter((t) => trainingSites.includes(t.site));
  const heldOut = suite.filter((t) => t.site === cfg.holdout);
  if (!inDomain.length || !heldOut.length) throw new InvalidInputError(`${cfg.suite} needs tasks on ${cfg.holdout} and on other sites`);
  const server = await startServer({ port: 0, world });
  const records = new Map<string, EvalRecord>();
  try {
    const evaluate = async (name: string, agent: string, seed: number): Promise<void> => {
      records.set(name, await evaluateAgent({ dir: o.dir, name, agent, seed, world, server, inDomain, heldOut, cfg, parallel: o.parallel, emit }));
    };
    for (const m of models) {
      loadStudent(m.dir); // a stale or foreign model fails here, before any episode
      await evaluate(m.name, `student:${m.dir}`, cfg.baselineSeed);
    }
    await evaluate('teacher', 'scripted', cfg.baselineSeed);
    await evaluate('random', 'random', cfg.baselineSeed);
  } finally {
    await server.close();
  }

  const row = (agent: string, condition: AblationRow['condition'], runs: EvalRecord[], training?: AblationRow['training']): AblationRow => ({
    agent, condition, ...(training ? { training } : {}), runs,
    inDomain: { sr: spread(runs.map((r) => r.inDomain.sr)), csr: spread(runs.map((r) => r.inDomain.csr)), episodes: runs.reduce((n, r) => n + r.inDomain.episodes, 0) },
    heldOut: { sr: spread(runs.map((r) => r.heldOut.sr)), csr: spread(runs.map((r) => r.heldOut.csr)), episodes: runs.reduce((n, r) => n + r.heldOut.episodes, 0) },
  });
  const result: AblationResult = {
    config: cfg,
    data: { episodes, rows: { success: rows.filter((r) => r.kind === 'success').length, salvaged: rows.filter((r) => r.kind === 'salvaged').length } },
    rows: [
      row(`teacher (scripted, noise ${cfg.noise})`, 'teacher', [records.get('teacher')!]),
      row('random', 'random', [records.get('random')!]),
      ...conditions.map((c) => {
        const subset = conditionRows(rows, c);
        const training = { rows: subset.length, steps: subset.reduce((n, r) => n + r.steps.length, 0), success: subset.filter((r) => r.kind === 'success').length, salvaged: subset.filter((r) => r.kind === 'salvaged').length };
        return row(`student${arch === 'bow' ? '' : ` (${arch})`}: ${c}`, c, models.filter((m) => m.condition === c).map((m) => records.get(m.name)!), training);
      }),
    ],
  };
  writeFileAtomic(join(o.dir, 'ablation.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileAtomic(join(o.dir, 'ablation.md'), `${ablationMarkdown(result)}\n`);
  return result;
}

export type EvalContext = {
  dir: string; name: string; agent: string; seed: number; world: World; server: SiteServer;
  inDomain: Task[]; heldOut: Task[]; cfg: AblationConfig; parallel: number; emit: (e: AblationEvent) => void;
};

/** Runs one agent on both task sets, or reads the stored record of an earlier run. */
export async function evaluateAgent(c: EvalContext): Promise<EvalRecord> {
  const path = join(c.dir, 'evals', `${c.name}.json`);
  if (existsSync(path)) {
    // A record that does not parse (another version, a damaged file) is measured again.
    const r = EvalRecord.safeParse(readJson(path));
    if (r.success) return r.data;
  }
  const tasks = [...c.inDomain, ...c.heldOut];
  c.emit({ type: 'stage', label: `evaluate ${c.name}`, total: tasks.length, done: 0 });
  const t0 = performance.now();
  const opts = { world: c.world, noise: c.cfg.noise };
  const trajDir = join(c.dir, 'evals', c.name);
  const ts = await runTasks({
    tasks, server: c.server, makePolicy: agentFactory(c.agent, opts), parallel: c.parallel, maxSteps: c.cfg.maxSteps,
    runId: `ablation-${c.name}`, seed: c.seed, agentInfo: agentInfo(c.agent, opts),
    onEpisode: (t) => {
      writeTrajectory(trajDir, t);
      c.emit({ type: 'episode', trajectory: t });
    },
  });
  const held = new Set(c.heldOut.map((t) => t.id));
  const record: EvalRecord = {
    schemaVersion: ABLATION_SCHEMA_VERSION, name: c.name, agent: c.agent,
    inDomain: score(ts.filter((t) => !held.has(t.header.task.id))),
    heldOut: score(ts.filter((t) => held.has(t.header.task.id))),
    bySite: summarize(ts).bySite,
    seconds: (performance.now() - t0) / 1000,
  };
  writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

const score = (ts: readonly Trajectory[]): Score => summarize(ts).overall;

/** A finished ablation refuses to continue under another configuration (its parts would mix). */
function checkConfig(dir: string, cfg: AblationConfig, force: boolean): void {
  const path = join(dir, 'config.json');
  if (existsSync(path) && !force) {
    const prev = AblationConfig.safeParse(readJson(path));
    if (prev.success && JSON.stringify(prev.data) !== JSON.stringify(cfg)) {
      throw new InvalidInputError(`${dir} holds an ablation with another configuration`, { hint: 'choose another --out, or pass --force to reuse what still fits' });
    }
  }
  writeFileAtomic(path, `${JSON.stringify(cfg, null, 2)}\n`);
}

/** A JSON file's value, or undefined when it is not JSON (a damaged or foreign file). */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const pct = (s: Spread): string => (s.n > 1 ? `${(s.mean * 100).toFixed(1)} ± ${(s.sd * 100).toFixed(1)}` : (s.mean * 100).toFixed(1));

/** The README table: SR and CSR in percent, mean ± sample sd over training seeds. */
export function ablationMarkdown(r: AblationResult): string {
  const c = r.config;
  const lines = [
    `| agent | training rows (success + salvaged) | seeds | in-domain SR % | in-domain CSR % | held-out (${c.holdout}) SR % | held-out CSR % |`,
    '|---|---|---|---|---|---|---|',
    ...r.rows.map((x) => `| ${x.agent} | ${x.training ? `${x.training.rows} (${x.training.success} + ${x.training.salvaged}), ${x.training.steps} steps` : '-'} | ${x.runs.length} | ${pct(x.inDomain.sr)} | ${pct(x.inDomain.csr)} | ${pct(x.heldOut.sr)} | ${pct(x.heldOut.csr)} |`),
  ];
  const ep = r.rows[0]!;
  lines.push('', `In-domain: the ${ep.inDomain.episodes} ${c.suite} tasks of ${c.trainingSites.join(', ')}; held-out: its ${ep.heldOut.episodes} ${c.holdout} tasks (no ${c.holdout} data in training). ` +
    `Teacher budget: ${r.data.episodes} scripted-teacher episodes at noise ${c.noise} (${c.tasksPerSite} tasks per training site, seed ${c.dataSeed}), giving ${r.data.rows.success} successes and ${r.data.rows.salvaged} salvaged partials. ` +
    `Students: ${c.arch ?? 'bow'} action scorer, ${c.epochs} epochs, ${c.hidden} hidden units, training seeds ${c.seeds.join(', ')}; ± is the sample standard deviation over seeds. Max ${c.maxSteps} steps per episode.`);
  const sites = [...c.trainingSites, c.holdout];
  if (r.rows.every((x) => x.runs.every((run) => run.bySite))) {
    // Pooled over each row's runs (its seeds): SR / CSR in percent per site.
    const cell = (x: AblationRow, site: string): string => {
      const scores = x.runs.map((run) => run.bySite![site]).filter((v): v is Score => v !== undefined);
      const n = scores.reduce((a, v) => a + v.episodes, 0);
      if (!n) return '-';
      const mean = (f: (v: Score) => number) => ((scores.reduce((a, v) => a + f(v) * v.episodes, 0) / n) * 100).toFixed(0);
      return `${mean((v) => v.sr)} / ${mean((v) => v.csr)}`;
    };
    lines.push('', `Per site, SR / CSR %, pooled over seeds (${c.holdout} held out):`, '', `| agent | ${sites.join(' | ')} |`, `|---|${sites.map(() => '---').join('|')}|`);
    for (const x of r.rows) lines.push(`| ${x.agent} | ${sites.map((site) => cell(x, site)).join(' | ')} |`);
  }
  return lines.join('\n');
}
