import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InvalidInputError } from '../core/errors.js';
import type { DatasetRow } from '../core/schemas/dataset.js';
import { exploreRun } from '../pipeline/explore/explore-run.js';
import { RunStore } from '../pipeline/run-store.js';
import { startServer } from '../sites/engine/server.js';
import { loadArenaWorld } from '../sites/registry.js';
import { loadStudent, saveStudent } from '../student/save-load.js';
import { trainStudent } from '../student/train.js';
import { loadTasks } from '../tasks/task-file.js';
import { AblationConfig, EvalRecord, evaluateAgent, runAblation, spread, type AblationEvent, type Score, type Spread } from './ablation.js';

/**
 * Exploration against the teacher at the same browser budget (issue 18's experiment): students
 * trained on (a) NNetNav-style explored data only, (b) the teacher's data only (successes plus
 * salvaged partials, the partial ablation's best condition) and (c) half of each, over the same
 * training seeds, scored in-domain and on the held-out site beside the teacher and the random
 * agent. The teacher side is a partial ablation (`ablation.ts`): run under `<dir>/teacher`, or
 * reused read-only from another ablation directory with the same design (`teacherFrom`), so its
 * rollouts and its teacher-only students are not paid for twice. Explorations are stored in
 * halves of the per-site budget (one exploration seed each): the mix uses the first half of them
 * with the teacher's first half of tasks per site. Every stage is kept under `dir` and skipped
 * when present.
 */
export const EXPLORE_ABLATION_SCHEMA_VERSION = 1;

export const ExploreAblationConfig = z.strictObject({
  schemaVersion: z.literal(EXPLORE_ABLATION_SCHEMA_VERSION),
  /** The teacher side's design: sites, held-out site, budget (tasks per site), students, suite. */
  base: AblationConfig,
  /** An ablation directory whose teacher run, teacher-only students and baselines are reused (read only); null: run one under `<dir>/teacher`. */
  teacherFrom: z.string().nullable(),
  /** Explorations per site for the explored-only condition: the teacher's budget, or a multiple of half of it (then say so). */
  exploredPerSite: z.number().int().min(1),
  /** The first half's exploration seed; the second half uses the next one. */
  exploreSeed: z.number().int(),
  /** The scripted explorer's mistake level and step ceiling (the `explore` command's defaults). */
  exploreNoise: z.number().min(0).max(1),
  exploreMaxSteps: z.number().int().min(4),
});
export type ExploreAblationConfig = z.infer<typeof ExploreAblationConfig>;

export const EXPLORE_CONDITIONS = ['explored', 'teacher', 'explored+teacher'] as const;
export type ExploreCondition = (typeof EXPLORE_CONDITIONS)[number];

/** What a condition's students were trained on and what it cost in the browser. */
export type Budget = { episodesPerSite: { explored: number; teacher: number }; episodes: number; browserSteps: number; rows: number; steps: number };

export type ExploreAblationRow = {
  agent: string;
  condition: ExploreCondition | 'teacher agent' | 'random';
  budget?: Budget;
  inDomain: { sr: Spread; csr: Spread; episodes: number };
  heldOut: { sr: Spread; csr: Spread; episodes: number };
  runs: EvalRecord[];
};
export type ExploreAblationResult = { config: ExploreAblationConfig; teacherDir: string; rows: ExploreAblationRow[]; recovered: { inDomainSr: number; inDomainCsr: number; heldOutSr: number; heldOutCsr: number } };

export type ExploreAblationEvent = AblationEvent | { type: 'exploration'; site: string; rows: number };

export type ExploreAblationOptions = { dir: string; config: ExploreAblationConfig; parallel: number; force?: boolean; onEvent?: (e: ExploreAblationEvent) => void };

export function defaultExploreAblationConfig(base: AblationConfig): ExploreAblationConfig {
  return { schemaVersion: EXPLORE_ABLATION_SCHEMA_VERSION, base, teacherFrom: null, exploredPerSite: base.tasksPerSite, exploreSeed: base.dataSeed, exploreNoise: 0.5, exploreMaxSteps: 40 };
}

/** Explorations per site in each stored half. */
export const halfBudget = (c: ExploreAblationConfig): number => Math.max(1, Math.floor(c.base.tasksPerSite / 2));

/** The ids of the first `perSite` tasks of each site, in the run's task order. */
export function firstTaskIds(tasks: readonly { id: string; site: string }[], perSite: number): Set<string> {
  const taken = new Map<string, number>();
  const keep = new Set<string>();
  for (const t of tasks) {
    const n = taken.get(t.site) ?? 0;
    if (n < perSite) keep.add(t.id);
    taken.set(t.site, n + 1);
  }
  return keep;
}

type Part = { rows: DatasetRow[]; episodes: number; browserSteps: number };

export async function runExploreAblation(o: ExploreAblationOptions): Promise<ExploreAblationResult> {
  const cfg = ExploreAblationConfig.parse(o.config);
  const base = cfg.base;
  const emit = o.onEvent ?? (() => {});
  const half = halfBudget(cfg);
  if (cfg.exploredPerSite % half) throw new InvalidInputError(`--explored-per-site must be a multiple of ${half} (half the teacher's ${base.tasksPerSite} tasks per site), got ${cfg.exploredPerSite}`);
  mkdirSync(o.dir, { recursive: true });
  checkConfig(o.dir, cfg, Boolean(o.force));

  // 1. The teacher side: its own partial ablation, or another one's, read only.
  const teacherDir = cfg.teacherFrom ? resolve(cfg.teacherFrom) : join(o.dir, 'teacher');
  if (cfg.teacherFrom) checkTeacherDesign(teacherDir, base);
  else await runAblation({ dir: teacherDir, config: base, parallel: o.parallel, onEvent: emit });
  const teacher = readTeacher(teacherDir, base, half);

  // 2. Explorations, in halves of the per-site budget (one seed each), made when first needed; resumable.
  const parts: Part[] = [];
  const explorations = async (n: number): Promise<Part[]> => {
    for (let i = parts.length; i < n; i++) {
      const dir = join(o.dir, `explore-seed${cfg.exploreSeed + i}`);
      const store = await exploreRun({
        dir, sites: base.trainingSites, episodes: half, explorer: 'scripted', seed: cfg.exploreSeed + i, worldSeed: base.worldSeed, noise: cfg.exploreNoise,
        maxSteps: cfg.exploreMaxSteps, parallel: o.parallel, resume: RunStore.exists(dir),
        onStart: (total, done) => emit({ type: 'stage', label: `explore (seed ${cfg.exploreSeed + i})`, total, done }),
        onEpisode: (r) => emit({ type: 'exploration', site: r.site, rows: r.rows.length }),
      });
      try {
        const outcomes = store.outcomes();
        if (outcomes.length !== half * base.trainingSites.length) throw new InvalidInputError(`the explorations in ${dir} are incomplete`, { hint: 'run the same command again to finish them' });
        parts.push({ rows: store.rows(), episodes: outcomes.length, browserSteps: sum(outcomes, (x) => x.steps) });
      } finally {
        store.close();
      }
    }
    return parts.slice(0, n);
  };
  const budget = (rows: DatasetRow[], explored: number, teacherPerSite: number, episodes: number, browserSteps: number): Budget => ({
    episodesPerSite: { explored, teacher: teacherPerSite }, episodes, browserSteps, rows: rows.length, steps: sum(rows, (r) => r.steps.length),
  });
  /** A condition's rows and budget: the mix needs only the first half of the explorations. */
  const conditionData = async (c: Exclude<ExploreCondition, 'teacher'>): Promise<{ rows: DatasetRow[]; budget: Budget }> => {
    if (c === 'explored') {
      const ps = await explorations(cfg.exploredPerSite / half);
      const rows = ps.flatMap((p) => p.rows);
      return { rows, budget: budget(rows, cfg.exploredPerSite, 0, sum(ps, (p) => p.episodes), sum(ps, (p) => p.browserSteps)) };
    }
    const [first] = await explorations(1);
    const rows = [...first!.rows, ...teacher.half.rows];
    return { rows, budget: budget(rows, half, half, first!.episodes + teacher.half.episodes, first!.browserSteps + teacher.half.browserSteps) };
  };

  // 3. Students of the two new conditions, seed by seed (a partial table is written after each), scored
  // on the same suite with the teacher ablation's evaluation settings.
  const { world } = loadArenaWorld(base.worldSeed);
  const suite = loadTasks(base.suite, { world });
  const inDomain = suite.filter((t) => base.trainingSites.includes(t.site));
  const heldOut = suite.filter((t) => t.site === base.holdout);
  const records = new Map<string, EvalRecord>();
  const budgets = new Map<ExploreCondition, Budget>([['teacher', budget(teacher.all.rows, 0, base.tasksPerSite, teacher.all.episodes, teacher.all.browserSteps)]]);
  const names = (c: ExploreCondition): string[] => base.seeds.map((seed) => `${c.replace('+', '-')}-seed${seed}`);
  const server = await startServer({ port: 0, world });
  let result: ExploreAblationResult;
  try {
    for (const seed of base.seeds) {
      for (const condition of ['explored+teacher', 'explored'] as const) {
        const data = await conditionData(condition);
        budgets.set(condition, data.budget);
        if (!data.rows.length) throw new InvalidInputError(`no ${condition} rows to train on`, { hint: 'raise the budget' });
        const name = `${condition.replace('+', '-')}-seed${seed}`;
        const dir = join(o.dir, 'models', name);
        if (!existsSync(join(dir, 'model.json'))) {
          emit({ type: 'stage', label: `train ${name}`, total: base.epochs, done: 0 });
          const { model } = await trainStudent(data.rows, { epochs: base.epochs, seed, hidden: base.hidden, valFraction: 0, onEpoch: (report) => emit({ type: 'epoch', report }) });
          saveStudent(dir, { ...model, training: { ...model.training, condition, data: o.dir } });
        }
        loadStudent(dir);
        records.set(name, await evaluateAgent({ dir: o.dir, name, agent: `student:${dir}`, seed: base.baselineSeed, world, server, inDomain, heldOut, cfg: base, parallel: o.parallel, emit }));
        result = writeResult(o.dir, cfg, teacherDir, records, budgets, names);
      }
    }
  } finally {
    await server.close();
  }
  result = writeResult(o.dir, cfg, teacherDir, records, budgets, names);
  const missing = result.rows.filter((r) => r.runs.length < (r.budget ? base.seeds.length : 1)).map((r) => r.agent);
  if (missing.length) throw new InvalidInputError(`the teacher ablation in ${teacherDir} has not evaluated ${missing.join(', ')} yet; the table so far is in ${join(o.dir, 'explore-ablation.md')}`, { hint: 'let it finish, then run this command again (everything done so far is kept)' });
  return result;
}

/** The table from the records there are (the teacher ablation's read as they stand), written to json and md. */
function writeResult(dir: string, cfg: ExploreAblationConfig, teacherDir: string, records: ReadonlyMap<string, EvalRecord>, budgets: ReadonlyMap<ExploreCondition, Budget>, names: (c: ExploreCondition) => string[]): ExploreAblationResult {
  const teacherRecord = (name: string): EvalRecord[] => {
    const path = join(teacherDir, 'evals', `${name}.json`);
    const r = existsSync(path) ? EvalRecord.safeParse(readJson(path)) : undefined;
    return r?.success ? [r.data] : [];
  };
  const row = (agent: string, condition: ExploreAblationRow['condition'], runs: EvalRecord[], b?: Budget): ExploreAblationRow => ({
    agent, condition, ...(b ? { budget: b } : {}), runs,
    inDomain: { sr: spread(runs.map((r) => r.inDomain.sr)), csr: spread(runs.map((r) => r.inDomain.csr)), episodes: sum(runs, (r) => r.inDomain.episodes) },
    heldOut: { sr: spread(runs.map((r) => r.heldOut.sr)), csr: spread(runs.map((r) => r.heldOut.csr)), episodes: sum(runs, (r) => r.heldOut.episodes) },
  });
  const base = cfg.base;
  const rows: ExploreAblationRow[] = [
    row(`teacher agent (scripted, noise ${base.noise})`, 'teacher agent', teacherRecord('teacher')),
    row('random', 'random', teacherRecord('random')),
    row('student: explored only', 'explored', names('explored').flatMap((n) => (records.has(n) ? [records.get(n)!] : [])), budgets.get('explored')),
    row('student: teacher only (successes+salvaged)', 'teacher', base.seeds.flatMap((s) => teacherRecord(`successes-salvaged-seed${s}`)), budgets.get('teacher')),
    row('student: half explored + half teacher', 'explored+teacher', names('explored+teacher').flatMap((n) => (records.has(n) ? [records.get(n)!] : [])), budgets.get('explored+teacher')),
  ];
  const [ex, te] = [rows[2]!, rows[3]!];
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  const result: ExploreAblationResult = {
    config: cfg, teacherDir, rows,
    recovered: {
      inDomainSr: ratio(ex.inDomain.sr.mean, te.inDomain.sr.mean), inDomainCsr: ratio(ex.inDomain.csr.mean, te.inDomain.csr.mean),
      heldOutSr: ratio(ex.heldOut.sr.mean, te.heldOut.sr.mean), heldOutCsr: ratio(ex.heldOut.csr.mean, te.heldOut.csr.mean),
    },
  };
  writeFileAtomic(join(dir, 'explore-ablation.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileAtomic(join(dir, 'explore-ablation.md'), `${exploreAblationMarkdown(result)}\n`);
  return result;
}

const sum = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((n, x) => n + f(x), 0);

/** The teacher run's rows (all, and of the first half of each site's tasks) with what they cost. */
function readTeacher(teacherDir: string, base: AblationConfig, half: number): { all: Part; half: Part } {
  const dataDir = join(teacherDir, 'data');
  // The partial ablation relabels its rows (resalvage) before it trains; its models mark that done.
  if (!RunStore.exists(dataDir) || !existsSync(join(teacherDir, 'models'))) {
    throw new InvalidInputError(`the teacher ablation in ${teacherDir} has not finished its teacher rollouts`, { hint: 'let it reach its training stage, then run this command again' });
  }
  const store = RunStore.openReadOnly(dataDir);
  try {
    const tasks = store.tasks();
    const outcomes = store.outcomes();
    if (outcomes.length !== base.tasksPerSite * base.trainingSites.length) throw new InvalidInputError(`the teacher run in ${dataDir} has ${outcomes.length} episodes, not ${base.tasksPerSite * base.trainingSites.length}`);
    const rows = store.rows();
    const halfIds = firstTaskIds(tasks, half);
    const halfRows = rows.filter((r) => halfIds.has(r.provenance.originalTaskId));
    const halfOutcomes = outcomes.filter((x) => halfIds.has(x.taskId));
    return {
      all: { rows, episodes: outcomes.length, browserSteps: sum(outcomes, (x) => x.steps) },
      half: { rows: halfRows, episodes: halfOutcomes.length, browserSteps: sum(halfOutcomes, (x) => x.steps) },
    };
  } finally {
    store.close();
  }
}

/** A reused teacher ablation must have the design this experiment states (else its numbers are of another experiment). */
function checkTeacherDesign(teacherDir: string, base: AblationConfig): void {
  const stored = AblationConfig.safeParse(readJson(join(teacherDir, 'config.json')));
  if (!stored.success) throw new InvalidInputError(`${teacherDir} holds no ablation (no readable config.json)`, { hint: 'pass --teacher-from an ablation directory, or leave it out to run the teacher side here' });
  const differ = (Object.keys(base) as (keyof AblationConfig)[]).filter((k) => JSON.stringify(base[k]) !== JSON.stringify(stored.data[k]));
  if (differ.length) throw new InvalidInputError(`the ablation in ${teacherDir} has another design (${differ.map((k) => `${k}: ${JSON.stringify(stored.data[k])}, asked ${JSON.stringify(base[k])}`).join('; ')})`, { hint: 'pass the same --sites, --holdout, --tasks-per-site, --seeds, ... as that ablation' });
}

function checkConfig(dir: string, cfg: ExploreAblationConfig, force: boolean): void {
  const path = join(dir, 'config.json');
  if (existsSync(path) && !force) {
    const prev = ExploreAblationConfig.safeParse(readJson(path));
    if (prev.success && JSON.stringify(prev.data) !== JSON.stringify(cfg)) {
      throw new InvalidInputError(`${dir} holds an exploration ablation with another configuration`, { hint: 'choose another --out, or pass --force to reuse what still fits' });
    }
  }
  writeFileAtomic(path, `${JSON.stringify(cfg, null, 2)}\n`);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const pct = (s: Spread): string => (s.n === 0 ? '-' : s.n > 1 ? `${(s.mean * 100).toFixed(1)} ± ${(s.sd * 100).toFixed(1)}` : (s.mean * 100).toFixed(1));

/** The README table: SR and CSR in percent, mean ± sample sd over training seeds, with each condition's browser budget. */
export function exploreAblationMarkdown(r: ExploreAblationResult): string {
  const c = r.config.base;
  const data = (b?: Budget): string =>
    b ? `${b.episodesPerSite.explored} + ${b.episodesPerSite.teacher} | ${b.episodes} / ${b.browserSteps} | ${b.rows} / ${b.steps}` : '- | - | -';
  const lines = [
    `| agent | episodes per site (explored + teacher) | browser episodes / steps | training rows / steps | seeds | in-domain SR % | in-domain CSR % | held-out (${c.holdout}) SR % | held-out CSR % |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...r.rows.map((x) => `| ${x.agent} | ${data(x.budget)} | ${x.runs.length} | ${pct(x.inDomain.sr)} | ${pct(x.inDomain.csr)} | ${pct(x.heldOut.sr)} | ${pct(x.heldOut.csr)} |`),
  ];
  const p = (x: number): string => `${(x * 100).toFixed(0)}%`;
  lines.push(
    '',
    `In-domain: the ${r.rows[0]!.inDomain.episodes} ${c.suite} tasks of ${c.trainingSites.join(', ')}; held-out: its ${r.rows[0]!.heldOut.episodes} ${c.holdout} tasks (no ${c.holdout} data in any condition). ` +
      `Explorations: the scripted explorer (noise ${r.config.exploreNoise}, at most ${r.config.exploreMaxSteps} steps), seeds ${r.config.exploreSeed}${r.config.exploredPerSite > halfBudget(r.config) ? ` and ${r.config.exploreSeed + 1}` : ''}, labeled and pruned by the embedded labeler; ` +
      `teacher: the scripted teacher at noise ${c.noise} (seed ${c.dataSeed}), successes + salvaged partials; the mix takes the first half of each. ` +
      `Students: ${c.epochs} epochs, ${c.hidden} hidden units, training seeds ${c.seeds.join(', ')}; ± is the sample standard deviation over seeds. Max ${c.maxSteps} steps per episode.`,
  );
  if (r.rows[2]!.runs.length && r.rows[3]!.runs.length) {
    lines.push('', `Explored-only as a share of teacher-only (means): in-domain SR ${p(r.recovered.inDomainSr)}, CSR ${p(r.recovered.inDomainCsr)}; held-out SR ${p(r.recovered.heldOutSr)}, CSR ${p(r.recovered.heldOutCsr)}.`);
  }
  const sites = [...c.trainingSites, c.holdout];
  if (r.rows.every((x) => x.runs.every((run) => run.bySite))) {
    const cell = (x: ExploreAblationRow, site: string): string => {
      const scores = x.runs.map((run) => run.bySite![site]).filter((v): v is Score => v !== undefined);
      const n = sum(scores, (v) => v.episodes);
      if (!n) return '-';
      const mean = (f: (v: Score) => number) => ((sum(scores, (v) => f(v) * v.episodes) / n) * 100).toFixed(0);
      return `${mean((v) => v.sr)} / ${mean((v) => v.csr)}`;
    };
    lines.push('', `Per site, SR / CSR %, pooled over seeds (${c.holdout} held out):`, '', `| agent | ${sites.join(' | ')} |`, `|---|${sites.map(() => '---').join('|')}|`);
    for (const x of r.rows) lines.push(`| ${x.agent} | ${sites.map((site) => cell(x, site)).join(' | ')} |`);
  }
  return lines.join('\n');
}
