import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { agentFactory, agentInfo } from '../agents/make-agent.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InvalidInputError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { DatasetRow } from '../core/schemas/dataset.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { RunStore } from '../pipeline/run-store.js';
import { DEFAULT_SALVAGE, resalvageRun } from '../pipeline/salvage.js';
import { algoPreset, rewardPreset, RL_SCHEMA_VERSION, type Algo, type RewardKind, type RlConfig } from '../rl/config.js';
import { runDagger } from '../rl/dagger.js';
import type { IterationStats } from '../rl/iteration-stats.js';
import { runRft, type DataQuality } from '../rl/rft.js';
import { runRl } from '../rl/run-rl.js';
import { trainingTasks } from '../rl/training-tasks.js';
import { runTasks } from '../rollout/run-tasks.js';
import { summarize, type Score } from '../rollout/summarize.js';
import { writeTrajectory } from '../rollout/trajectory-file.js';
import { startServer, type SiteServer } from '../sites/engine/server.js';
import { loadArenaWorld, siteById } from '../sites/registry.js';
import { loadStudent, saveStudent } from '../student/save-load.js';
import { trainStudent } from '../student/train.js';
import { loadTasks } from '../tasks/task-file.js';
import type { World } from '../world/world.js';
import { EvalRecord, spread, type Spread } from './ablation.js';

/**
 * Beyond SFT, as one resumable experiment: from the SFT student of a finished (or running)
 * partial-trajectory ablation (`base`, read only: its teacher data, its students and their
 * evaluations are reused), the stages
 *   SFT -> +DAgger (teacher labels the states the student reached) -> +RL from the DAgger model
 *   with GRPO, DAPO and DUPO, each with reward CSR and with reward SR;
 *   RFT (best-of-N teacher rollouts) vs plain SFT on as many rows of the base's teacher data;
 * every model scored on the suite's tasks of the RL sites (in-domain) and of the held-out site,
 * beside the base's teacher and SFT rows restricted to the same tasks. Each stage is stored
 * under `dir` (dagger/, rl/<arm>/, rft/, sft-equal/, evals/) and skipped or resumed when present.
 */
export const RL_ABLATION_SCHEMA_VERSION = 1;

export const RlAblationConfig = z.strictObject({
  schemaVersion: z.literal(RL_ABLATION_SCHEMA_VERSION),
  /** The partial-trajectory ablation this one starts from (never written). */
  base: z.string(),
  /** The base's student RL starts from (models/<name>), and the prefix of its SFT row's seeds. */
  sftModel: z.string(),
  sftRowPrefix: z.string(),
  /** Sites of DAgger, RL and RFT training tasks and of the in-domain evaluation; a subset of the base's training sites. */
  sites: z.array(z.string()).min(1),
  holdout: z.string(),
  suite: z.string(),
  worldSeed: z.number().int(),
  /** Step limit of the evaluations (the base's) and of DAgger and RFT rollouts. */
  maxSteps: z.number().int().min(1),
  evalSeed: z.number().int(),
  taskSeed: z.number().int(),
  tasksPerSite: z.number().int().min(1),
  epochs: z.number().int().min(1),
  hidden: z.number().int().min(1),
  trainSeed: z.number().int(),
  dagger: z.strictObject({ rounds: z.number().int().min(1) }),
  rl: z.strictObject({
    algos: z.array(z.enum(['grpo', 'dapo', 'dupo'])).min(1),
    rewards: z.array(z.enum(['csr', 'sr', 'csr+sr'])).min(1),
    seeds: z.array(z.number().int()).min(1),
    iterations: z.number().int().min(1),
    batch: z.number().int().min(1),
    group: z.number().int().min(1),
    maxSteps: z.number().int().min(1),
    temperature: z.number().positive(),
    learningRate: z.number().positive(),
    ppoEpochs: z.number().int().min(1),
    /** DAPO's dynamic sampling: extra rounds allowed per iteration (the budget's cap). */
    maxExtraRounds: z.number().int().min(0),
  }),
  /** RFT's tasks are on `rft.sites` (its students are trained on those sites alone, as is SFT at equal rows). */
  rft: z.strictObject({ sites: z.array(z.string()).min(1), n: z.number().int().min(1), noise: z.number().min(0).max(1), tasksPerSite: z.number().int().min(1) }),
});
export type RlAblationConfig = z.infer<typeof RlAblationConfig>;

export function defaultRlAblationConfig(base: string): RlAblationConfig {
  return {
    schemaVersion: RL_ABLATION_SCHEMA_VERSION, base: resolve(base), sftModel: 'successes-salvaged-seed1', sftRowPrefix: 'successes-salvaged-seed',
    sites: ['wheelo'], holdout: 'railgo', suite: 'bookingarena-v0', worldSeed: 1, maxSteps: 60, evalSeed: 1,
    taskSeed: 7, tasksPerSite: 8, epochs: 12, hidden: 64, trainSeed: 1,
    dagger: { rounds: 1 },
    rl: { algos: ['grpo', 'dapo', 'dupo'], rewards: ['csr', 'sr'], seeds: [1], iterations: 2, batch: 2, group: 4, maxSteps: 30, temperature: 1, learningRate: 0.003, ppoEpochs: 4, maxExtraRounds: 1 },
    rft: { sites: ['wheelo', 'forkful'], n: 3, noise: 0.5, tasksPerSite: 8 },
  };
}

/** What one arm cost to make (its own stage only: RL arms also inherit DAgger's and SFT's). */
export type Compute = { episodes: number; seconds: number; note: string };
export type RlAblationRow = {
  arm: string; seeds: number[]; inDomain: { sr: Spread; csr: Spread; episodes: number }; heldOut: { sr: Spread; csr: Spread; episodes: number };
  compute: Compute; evalSeconds: number; source: 'measured' | 'base';
  /** Position in the table. */
  order?: number;
  /** RL arms: the stored iterations' statistics (first and last), for the why. */
  iterations?: (Pick<IterationStats, 'iteration' | 'rollouts' | 'reward' | 'sr' | 'csr' | 'entropy' | 'groups' | 'meanSteps' | 'truncated'> & { seed?: number })[];
};
export type RlAblationResult = { config: RlAblationConfig; rows: RlAblationRow[]; rft?: { single: DataQuality; best: DataQuality; keptRows: number } };

export type RlAblationEvent = { type: 'stage'; label: string; total: number; done: number } | { type: 'episode'; trajectory: Trajectory } | { type: 'note'; text: string };

export type RlAblationOptions = { dir: string; config: RlAblationConfig; parallel: number; onEvent?: (e: RlAblationEvent) => void };

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
};

/** The base's teacher rows, read from a copy of its run store (the base is never opened for writing). */
function baseRows(dir: string, base: string): DatasetRow[] {
  const copy = join(dir, 'base-data');
  if (!existsSync(join(copy, 'run.sqlite'))) {
    if (!existsSync(join(base, 'models'))) throw new InvalidInputError(`${base} has no models/ yet: its teacher run is not finished`, { hint: 'wait for the base ablation to train its students, then run this again' });
    cpSync(join(base, 'data'), copy, { recursive: true, filter: (src) => !src.includes('webfoundry.lock') });
  }
  const store = RunStore.open(copy, { versions: RunStore.versions(), force: true });
  try {
    resalvageRun(store);
    return store.rows();
  } finally {
    store.close();
  }
}

export async function runRlAblation(o: RlAblationOptions): Promise<RlAblationResult> {
  const cfg = RlAblationConfig.parse(o.config);
  const emit = o.onEvent ?? (() => {});
  for (const s of [cfg.holdout, ...cfg.sites]) siteById(s);
  if (cfg.sites.includes(cfg.holdout)) throw new InvalidInputError(`the held-out site ${cfg.holdout} is among the training sites`);
  mkdirSync(o.dir, { recursive: true });
  const cfgPath = join(o.dir, 'config.json');
  const prev = readJson(cfgPath);
  if (prev !== undefined && JSON.stringify(prev) !== JSON.stringify(cfg)) throw new InvalidInputError(`${o.dir} holds an experiment with another configuration`, { hint: `compare with ${cfgPath}, or choose another --out` });
  writeFileAtomic(cfgPath, `${JSON.stringify(cfg, null, 2)}\n`);
  const { world } = loadArenaWorld(cfg.worldSeed);
  const sft = join(cfg.base, 'models', cfg.sftModel);
  const tasks = trainingTasks({ sites: cfg.sites, perSite: cfg.tasksPerSite, seed: cfg.taskSeed, worldSeed: cfg.worldSeed });
  const suite = loadTasks(cfg.suite, { world });
  const inDomain = suite.filter((t) => cfg.sites.includes(t.site));
  const heldOut = suite.filter((t) => t.site === cfg.holdout);
  const rows: RlAblationRow[] = [];
  // Rows are published after every arm (rl-ablation.md/json), in the table's order, so a run cut short still reports what it measured.
  const publish = (row: RlAblationRow, order: number): void => {
    rows.push({ ...row, order });
    rows.sort((a, b) => a.order! - b.order!);
    const report = readJson(join(o.dir, 'rft', 'report.json')) as Awaited<ReturnType<typeof runRft>> | undefined;
    const result: RlAblationResult = { config: cfg, rows, ...(report?.best ? { rft: { single: report.single, best: report.best, keptRows: report.best.rows.success + report.best.rows.salvaged } } : {}) };
    writeFileAtomic(join(o.dir, 'rl-ablation.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileAtomic(join(o.dir, 'rl-ablation.md'), `${rlAblationMarkdown(result)}\n`);
  };
  const timed = async <T>(f: () => Promise<T>): Promise<{ value: T; seconds: number }> => {
    const t0 = performance.now();
    const value = await f();
    return { value, seconds: (performance.now() - t0) / 1000 };
  };
  const stageSeconds = (name: string, f: () => Promise<{ episodes: number }>) => stageRecord(o.dir, name, f, timed);
  const server = await startServer({ port: 0, world });
  const evaluate = (name: string, agent: string) => evaluateOn({ dir: o.dir, name, agent, world, server, inDomain, heldOut, cfg, parallel: o.parallel, emit });
  const measured = (arm: string, seeds: number[], evals: EvalRecord[], compute: Compute, extra: Partial<RlAblationRow> = {}): RlAblationRow => ({
    arm, seeds, source: 'measured', compute, evalSeconds: evals.reduce((a, r) => a + r.seconds, 0), ...aggregate(evals), ...extra,
  });
  // The base's rows: the teacher and the SFT students, restricted to these tasks (measured here, first name only, when the base has not yet).
  const baseCfg = readJson(join(cfg.base, 'config.json')) as { noise?: number; tasksPerSite?: number; trainingSites?: string[]; seeds?: number[] } | undefined;
  const baseRow = async (arm: string, names: string[], agent: (n: string) => string, compute: Compute): Promise<RlAblationRow> => {
    const recs: EvalRecord[] = [];
    const seeds: number[] = [];
    let source: RlAblationRow['source'] = 'base';
    for (const [i, n] of names.entries()) {
      const b = EvalRecord.safeParse(readJson(join(cfg.base, 'evals', `${n}.json`)));
      if (b.success && b.data.bySite && cfg.sites.every((s) => b.data.bySite![s])) recs.push(restrict(b.data, cfg.sites));
      else if (i === 0) {
        source = 'measured';
        recs.push(await evaluate(`base-${n}`, agent(n)));
      } else continue;
      seeds.push(baseCfg?.seeds?.[i] ?? i + 1);
    }
    return { arm, seeds, source, compute, evalSeconds: recs.reduce((a, r) => a + r.seconds, 0), ...aggregate(recs) };
  };
  try {
    // RFT's teacher rollouts and training first: they need nothing from the base.
    const rftTasks = trainingTasks({ sites: cfg.rft.sites, perSite: cfg.rft.tasksPerSite, seed: cfg.taskSeed + 1, worldSeed: cfg.worldSeed });
    emit({ type: 'stage', label: 'RFT', total: rftTasks.length * cfg.rft.n, done: 0 });
    const rft = await stageSeconds('rft', async () => {
      const r = await runRft({
        dir: join(o.dir, 'rft'), tasks: rftTasks, parallel: o.parallel, resume: true,
        config: { schemaVersion: 1, n: cfg.rft.n, teacher: 'scripted', noise: cfg.rft.noise, seed: cfg.taskSeed, worldSeed: cfg.worldSeed, maxSteps: cfg.maxSteps, salvage: DEFAULT_SALVAGE, epochs: cfg.epochs, hidden: cfg.hidden, trainSeed: cfg.trainSeed },
        onEvent: (e) => e.type === 'episode' && emit({ type: 'episode', trajectory: e.trajectory }),
      });
      return { episodes: r.episodes };
    });
    const rftReport = readJson(join(o.dir, 'rft', 'report.json')) as Awaited<ReturnType<typeof runRft>>;
    const kept = rftReport.best.rows.success + rftReport.best.rows.salvaged;

    // SFT: the base's student (and its evaluations, when the base has them).
    const all = baseRows(o.dir, cfg.base);
    loadStudent(sft);
    const baseEpisodes = (baseCfg?.tasksPerSite ?? 0) * (baseCfg?.trainingSites?.length ?? 0);
    publish(await baseRow('SFT (successes+salvaged)', (baseCfg?.seeds ?? [1]).map((s) => `${cfg.sftRowPrefix}${s}`), (n) => `student:${join(cfg.base, 'models', n)}`, { episodes: baseEpisodes, seconds: 0, note: 'the base ablation\'s teacher budget and students' }), 1);

    // +DAgger from the SFT student, on the base's rows (the same SFT data) plus the labelled states.
    emit({ type: 'stage', label: 'DAgger', total: tasks.length * cfg.dagger.rounds, done: 0 });
    const dagger = await stageSeconds('dagger', async () => {
      const r = await runDagger({
        dir: join(o.dir, 'dagger'), init: sft, rows: all, tasks, parallel: o.parallel, resume: true,
        config: { schemaVersion: 1, rounds: cfg.dagger.rounds, beta: 0, seed: cfg.trainSeed, worldSeed: cfg.worldSeed, maxSteps: cfg.maxSteps, epochs: cfg.epochs, hidden: cfg.hidden },
        onEvent: (e) => e.type === 'episode' && emit({ type: 'episode', trajectory: e.trajectory }),
      });
      return { episodes: r.rounds.reduce((a, x) => a + x.episodes, 0) };
    });
    const daggerModel = join(o.dir, 'dagger', 'model');
    const daggerEval = await evaluate('dagger', `student:${daggerModel}`);
    publish(measured('+DAgger', [cfg.trainSeed], [daggerEval], { ...dagger, note: `${cfg.dagger.rounds} round on ${tasks.length} training tasks, retrained ${cfg.epochs} epochs` }), 2);

    // +RL from the DAgger model: every algorithm x reward x seed (reward CSR first, the teacher between).
    // A policy whose weights never moved (no group with a signal) is the DAgger model: its evaluation is reused.
    const rlArm = async (algo: Algo, reward: RewardKind, order: number): Promise<void> => {
      const evals: EvalRecord[] = [];
      const its: NonNullable<RlAblationRow['iterations']> = [];
      let episodes = 0;
      let seconds = 0;
      for (const seed of cfg.rl.seeds) {
        const name = `${algo}-${reward}-seed${seed}`;
        const rdir = join(o.dir, 'rl', name);
        emit({ type: 'stage', label: `RL ${name}`, total: cfg.rl.iterations * cfg.rl.batch * cfg.rl.group, done: 0 });
        const st = await stageSeconds(`rl-${name}`, async () => {
          const r = await runRl({ dir: rdir, config: rlConfig(cfg, algo, reward, seed, daggerModel, tasks), tasks, parallel: o.parallel, resume: existsSync(join(rdir, 'rl.json')) });
          return { episodes: r.iterations.reduce((a, s) => a + s.rollouts, 0) };
        });
        for (const { iteration, rollouts, reward: rw, sr, csr, entropy, groups, meanSteps, truncated } of readIterations(rdir)) its.push({ seed, iteration, rollouts, reward: rw, sr, csr, entropy, groups, meanSteps, truncated });
        episodes += st.episodes;
        seconds += st.seconds;
        const unchanged = readFileSync(join(rdir, 'weights.bin')).equals(readFileSync(join(daggerModel, 'weights.bin')));
        evals.push(unchanged ? { ...daggerEval, name: `rl-${name}`, agent: `student:${rdir}`, seconds: 0 } : await evaluate(`rl-${name}`, `student:${rdir}`));
      }
      publish(measured(`+RL ${algo.toUpperCase()}, reward ${reward}`, cfg.rl.seeds, evals, { episodes, seconds, note: `${cfg.rl.iterations} iterations x batch ${cfg.rl.batch} x G ${cfg.rl.group}, max ${cfg.rl.maxSteps} steps` }, { iterations: its }), order);
    };
    let order = 10;
    const rewards = [...cfg.rl.rewards];
    for (const algo of cfg.rl.algos) await rlArm(algo, rewards[0]!, order++);
    publish(await baseRow(`teacher (scripted, noise ${baseCfg?.noise ?? cfg.rft.noise})`, ['teacher'], () => 'scripted', { episodes: 0, seconds: 0, note: '' }), 0);
    for (const reward of rewards.slice(1)) for (const algo of cfg.rl.algos) await rlArm(algo, reward, order++);

    // RFT (best of N teacher rollouts) vs plain SFT on as many rows of the base's one-rollout-per-task data.
    publish(measured(`RFT (best of ${cfg.rft.n}, teacher noise ${cfg.rft.noise})`, [cfg.trainSeed], [await evaluate('rft', `student:${join(o.dir, 'rft', 'model')}`)], { ...rft, note: `${rftTasks.length} tasks x ${cfg.rft.n} on ${cfg.rft.sites.join(', ')}, ${kept} rows kept` }), 50);
    const eqDir = join(o.dir, 'sft-equal', 'model');
    const eq = await stageSeconds('sft-equal', async () => {
      const pool = all.filter((r) => cfg.rft.sites.includes(r.task.site));
      const perm = new Rng(`sft-equal:${cfg.trainSeed}`).shuffle(pool.map((_, i) => i));
      const subset = perm.slice(0, kept).map((i) => pool[i]!);
      const { model } = await trainStudent(subset, { epochs: cfg.epochs, seed: cfg.trainSeed, hidden: cfg.hidden, valFraction: 0 });
      saveStudent(eqDir, { ...model, training: { ...model.training, condition: `${subset.length} rows of the base's teacher data on ${cfg.rft.sites.join(',')}` } });
      return { episodes: 0 };
    });
    publish(measured(`SFT at equal rows (${kept} of the base's rows)`, [cfg.trainSeed], [await evaluate('sft-equal', `student:${eqDir}`)], { ...eq, note: `no new episodes: ${kept} rows drawn from the base's teacher run on ${cfg.rft.sites.join(', ')}` }), 51);
  } finally {
    await server.close();
  }
  return readJson(join(o.dir, 'rl-ablation.json')) as RlAblationResult;
}

function rlConfig(cfg: RlAblationConfig, algo: Algo, reward: RewardKind, seed: number, init: string, tasks: readonly Task[]): RlConfig {
  const a = algoPreset(algo);
  if (a.fill === 'resample') a.maxExtraRounds = cfg.rl.maxExtraRounds;
  return {
    schemaVersion: RL_SCHEMA_VERSION, init, tasks: { source: `generated: train split, sites ${cfg.sites.join(',')}, ${cfg.tasksPerSite} per site, seed ${cfg.taskSeed}`, count: tasks.length, ids: tasks.map((t) => t.id) },
    worldSeed: cfg.worldSeed, seed, iterations: cfg.rl.iterations, batch: cfg.rl.batch, group: cfg.rl.group, temperature: cfg.rl.temperature, maxSteps: cfg.rl.maxSteps,
    reward: rewardPreset(algo, reward, cfg.rl.maxSteps), algo: a, learningRate: cfg.rl.learningRate, ppoEpochs: cfg.rl.ppoEpochs, minibatch: 16, maxGradNorm: 1,
  };
}

function readIterations(rdir: string): IterationStats[] {
  const cfg = readJson(join(rdir, 'rl.json')) as { iterations?: number } | undefined;
  const out: IterationStats[] = [];
  for (let k = 1; k <= (cfg?.iterations ?? 0); k++) {
    const s = readJson(join(rdir, 'iterations', String(k).padStart(4, '0'), 'iteration.json')) as IterationStats | undefined;
    if (s) out.push(s);
  }
  return out;
}

const StageRecord = z.strictObject({ episodes: z.number().int(), seconds: z.number() });

/** Runs a stage once and keeps what it cost (`stages/<name>.json`); a resumed experiment reads it back. */
async function stageRecord(dir: string, name: string, f: () => Promise<{ episodes: number }>, timed: <T>(g: () => Promise<T>) => Promise<{ value: T; seconds: number }>): Promise<{ episodes: number; seconds: number }> {
  const path = join(dir, 'stages', `${name}.json`);
  const prev = StageRecord.safeParse(readJson(path));
  if (prev.success) return prev.data;
  const { value, seconds } = await timed(f);
  const rec = { episodes: value.episodes, seconds };
  mkdirSync(join(dir, 'stages'), { recursive: true });
  writeFileAtomic(path, `${JSON.stringify(rec)}\n`);
  return rec;
}

/** A base evaluation restricted to some of its sites: in-domain pooled over them (episode-weighted). */
export function restrict(r: EvalRecord, sites: readonly string[]): EvalRecord {
  const parts = sites.map((s) => r.bySite![s]!);
  const n = parts.reduce((a, p) => a + p.episodes, 0);
  const w = (f: (p: Score) => number) => parts.reduce((a, p) => a + f(p) * p.episodes, 0) / Math.max(1, n);
  return { ...r, inDomain: { episodes: n, sr: w((p) => p.sr), csr: w((p) => p.csr), meanSteps: w((p) => p.meanSteps), errors: parts.reduce((a, p) => a + p.errors, 0) } };
}

function aggregate(evals: readonly EvalRecord[]): Pick<RlAblationRow, 'inDomain' | 'heldOut'> {
  return {
    inDomain: { sr: spread(evals.map((r) => r.inDomain.sr)), csr: spread(evals.map((r) => r.inDomain.csr)), episodes: evals.reduce((a, r) => a + r.inDomain.episodes, 0) },
    heldOut: { sr: spread(evals.map((r) => r.heldOut.sr)), csr: spread(evals.map((r) => r.heldOut.csr)), episodes: evals.reduce((a, r) => a + r.heldOut.episodes, 0) },
  };
}

type EvalContext = {
  dir: string; name: string; agent: string; world: World; server: SiteServer; inDomain: Task[]; heldOut: Task[];
  cfg: RlAblationConfig; parallel: number; emit: (e: RlAblationEvent) => void;
};

/** One agent (greedy) on both task sets, stored as evals/<name>.json and read back when present. */
async function evaluateOn(c: EvalContext): Promise<EvalRecord> {
  const path = join(c.dir, 'evals', `${c.name}.json`);
  const stored = EvalRecord.safeParse(readJson(path));
  if (stored.success) return stored.data;
  const tasks = [...c.inDomain, ...c.heldOut];
  c.emit({ type: 'stage', label: `evaluate ${c.name}`, total: tasks.length, done: 0 });
  const t0 = performance.now();
  const opts = { world: c.world, noise: c.cfg.rft.noise };
  const ts = await runTasks({
    tasks, server: c.server, makePolicy: agentFactory(c.agent, opts), parallel: c.parallel, maxSteps: c.cfg.maxSteps,
    runId: `rl-ablation-${c.name}`, seed: c.cfg.evalSeed, agentInfo: agentInfo(c.agent, opts),
    onEpisode: (t) => {
      writeTrajectory(join(c.dir, 'evals', c.name), t);
      c.emit({ type: 'episode', trajectory: t });
    },
  });
  const held = new Set(c.heldOut.map((t) => t.id));
  const record: EvalRecord = {
    schemaVersion: 1, name: c.name, agent: c.agent,
    inDomain: summarize(ts.filter((t) => !held.has(t.header.task.id))).overall,
    heldOut: summarize(ts.filter((t) => held.has(t.header.task.id))).overall,
    bySite: summarize(ts).bySite, seconds: (performance.now() - t0) / 1000,
  };
  writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

const pct = (s: Spread): string => (s.n > 1 ? `${(s.mean * 100).toFixed(1)} ± ${(s.sd * 100).toFixed(1)}` : (s.mean * 100).toFixed(1));
const mins = (s: number): string => (s ? `${(s / 60).toFixed(1)} min` : '-');

export function rlAblationMarkdown(r: RlAblationResult): string {
  const c = r.config;
  const lines = [
    `| arm | seeds | in-domain SR % | in-domain CSR % | held-out (${c.holdout}) SR % | held-out CSR % | training episodes | training wall time | evaluation wall time |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...r.rows.map((x) => `| ${x.arm} | ${x.seeds.join(', ')} | ${pct(x.inDomain.sr)} | ${pct(x.inDomain.csr)} | ${pct(x.heldOut.sr)} | ${pct(x.heldOut.csr)} | ${x.compute.episodes || '-'} | ${mins(x.compute.seconds)} | ${x.source === 'base' ? 'base' : mins(x.evalSeconds)} |`),
  ];
  const first = r.rows.find((x) => x.source === 'measured');
  lines.push('', `In-domain: the ${first ? first.inDomain.episodes / Math.max(1, first.seeds.length) : '?'} ${c.suite} tasks of ${c.sites.join(', ')}; held-out: its ${c.holdout} tasks. Greedy evaluation, max ${c.maxSteps} steps.`);
  const rl = r.rows.filter((x) => x.iterations?.length);
  if (rl.length) {
    lines.push('', '| RL arm | seed | iteration | rollouts | reward mean ± sd | SR | CSR | steps | cut at limit | groups informative / sampled | in batch (dup) | entropy |', '|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const x of rl) for (const s of x.iterations!) lines.push(`| ${x.arm} | ${s.seed ?? x.seeds[0] ?? '-'} | ${s.iteration} | ${s.rollouts} | ${s.reward.mean.toFixed(3)} ± ${s.reward.sd.toFixed(3)} | ${s.sr.toFixed(2)} | ${s.csr.toFixed(2)} | ${s.meanSteps.toFixed(1)} | ${(s.truncated * 100).toFixed(0)}% | ${s.groups.informative} / ${s.groups.sampled} | ${s.groups.inBatch} (${s.groups.duplicated}) | ${s.entropy.toFixed(2)} |`);
  }
  return lines.join('\n');
}
