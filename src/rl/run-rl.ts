import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { Task } from '../core/schemas/task.js';
import { startServer } from '../sites/engine/server.js';
import { loadArenaWorld } from '../sites/registry.js';
import { loadStudent, saveStudent, type StudentModel } from '../student/save-load.js';
import { loadTasks, writeTasks } from '../tasks/task-file.js';
import { groupAdvantages, isInformative } from './advantages.js';
import { duplicateToFill, keepAll, keepInformative, needsAnotherRound, type FilledBatch, type GroupRef } from './batch-fill.js';
import { RlConfig } from './config.js';
import type { IterationStats } from './iteration-stats.js';
import type { RolloutRecord } from './rollout-record.js';
import { RolloutRunner, type RolloutJob } from './rollouts.js';
import { lastComplete, loadIterationState, readConfig, readIterationStats, readRollout, RL_CONFIG_FILE, saveIteration, writeAtomic, writeRollout } from './rl-store.js';
import { trajectoryTokens, type TrajectoryTokens } from './tokens.js';
import { policyUpdate } from './update.js';

export type RlEvent =
  | { type: 'start'; iterations: number; done: number; rolloutsPerIteration: number }
  | { type: 'round'; iteration: number; round: number; rollouts: number; stored: number }
  | { type: 'rollout'; iteration: number; record: RolloutRecord }
  | { type: 'iteration'; stats: IterationStats };

export type RlRunOptions = {
  dir: string;
  config: RlConfig;
  /** The training tasks (used when the run starts; a resumed run reads its own tasks.jsonl). */
  tasks: readonly Task[];
  parallel: number;
  resume: boolean;
  onEvent?: (e: RlEvent) => void;
};

export type RlResult = { config: RlConfig; iterations: IterationStats[]; dir: string };

/**
 * On-policy RL of the student (GRPO, DAPO or DUPO, see config.ts): each iteration samples groups
 * of G rollouts per task in real Chromium, rewards them with the exact evaluator, fills the batch
 * as the algorithm says, and takes PPO-style steps. Every rollout is stored as it ends and every
 * iteration's weights and optimizer state when it ends, so `resume` continues a killed run where
 * it stopped and gives what the uninterrupted run gives (same seed, same tasks, same samples).
 */
export async function runRl(o: RlRunOptions): Promise<RlResult> {
  const cfg = prepare(o);
  const emit = o.onEvent ?? (() => {});
  const tasks = loadTasks(join(o.dir, 'tasks.jsonl'));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const ordered = cfg.tasks.ids.map((id) => byId.get(id)!);
  const ref = loadStudent(join(o.dir, 'init'));
  const start = lastComplete(o.dir);
  let { model, adam } = loadIterationState(o.dir, start.iteration);
  let cursor = start.stats?.cursorAfter ?? 0;
  const history: IterationStats[] = [];
  for (let k = 1; k <= start.iteration; k++) history.push(readIterationStats(o.dir, k));
  emit({ type: 'start', iterations: cfg.iterations, done: start.iteration, rolloutsPerIteration: cfg.batch * cfg.group });
  if (start.iteration >= cfg.iterations) return { config: cfg, iterations: history, dir: o.dir };

  const { world } = loadArenaWorld(cfg.worldSeed);
  const server = await startServer({ port: 0, world });
  const runner = new RolloutRunner(server, o.parallel, { runId: 'rl', temperature: cfg.temperature, maxSteps: cfg.maxSteps, reward: cfg.reward });
  try {
    for (let it = start.iteration + 1; it <= cfg.iterations; it++) {
      const r = await iteration({ dir: o.dir, cfg, it, cursor, tasks: ordered, model, ref, adam, runner, emit });
      ({ model, cursor } = r);
      history.push(r.stats);
      emit({ type: 'iteration', stats: r.stats });
    }
  } finally {
    await runner.close();
    await server.close();
  }
  return { config: cfg, iterations: history, dir: o.dir };
}

/** A new run writes its configuration, tasks and initial policy; a resumed one checks that they agree. */
function prepare(o: RlRunOptions): RlConfig {
  const cfg = RlConfig.parse(o.config);
  const prev = readConfig(o.dir);
  if (prev) {
    if (!o.resume) throw new InvalidInputError(`${o.dir} already holds an RL run`, { hint: 'pass --resume to continue it, or choose another --out' });
    // A resumed run may be given more iterations; everything else must agree.
    const same = JSON.stringify({ ...prev, iterations: 0 }) === JSON.stringify({ ...cfg, iterations: 0 });
    if (!same) throw new InvalidInputError(`${o.dir} holds an RL run with another configuration`, { hint: `compare with ${join(o.dir, RL_CONFIG_FILE)}; only --iterations may change on --resume` });
    if (cfg.iterations !== prev.iterations) writeAtomic(join(o.dir, RL_CONFIG_FILE), `${JSON.stringify(cfg, null, 2)}\n`);
    return cfg;
  }
  if (!o.tasks.length) throw new InvalidInputError('RL needs training tasks');
  const init = loadStudent(cfg.init); // a stale or foreign model fails here, before anything is written
  mkdirSync(o.dir, { recursive: true });
  saveStudent(join(o.dir, 'init'), init);
  saveStudent(o.dir, init);
  writeTasks(join(o.dir, 'tasks.jsonl'), o.tasks);
  writeAtomic(join(o.dir, RL_CONFIG_FILE), `${JSON.stringify(cfg, null, 2)}\n`);
  return cfg;
}

/** Task number `cursor` of the endless stream: the tasks in a fresh seeded order every pass. */
function taskAt(tasks: readonly Task[], seed: number, cursor: number): Task {
  const n = tasks.length;
  const order = new Rng(`rl-tasks:${seed}:${Math.floor(cursor / n)}`).shuffle(tasks.map((_, i) => i));
  return tasks[order[cursor % n]!]!;
}

type IterationContext = {
  dir: string; cfg: RlConfig; it: number; cursor: number; tasks: readonly Task[]; model: StudentModel; ref: StudentModel;
  adam: ReturnType<typeof loadIterationState>['adam']; runner: RolloutRunner; emit: (e: RlEvent) => void;
};

type Group = GroupRef & { records: RolloutRecord[] };

async function iteration(c: IterationContext): Promise<{ model: StudentModel; cursor: number; stats: IterationStats }> {
  const { cfg, it } = c;
  const t0 = performance.now();
  let cursor = c.cursor;
  let rolloutSeconds = 0;
  let policyMs = 0;
  let failed = 0;
  const all: RolloutRecord[] = [];
  const groups: Group[] = [];

  const runRound = async (round: number): Promise<void> => {
    const roundTasks = Array.from({ length: cfg.batch }, () => taskAt(c.tasks, cfg.seed, cursor++));
    const jobs: RolloutJob[] = roundTasks.flatMap((task, j) =>
      Array.from({ length: cfg.group }, (_, k) => ({ key: `r${round}-t${j}-g${k}`, iteration: it, round, task, sample: k, seed: `${cfg.seed}/${it}/${round}/${j}/${task.id}/${k}` })),
    );
    const stored = new Map<string, RolloutRecord>();
    for (const job of jobs) {
      const r = readRollout(c.dir, it, job.key);
      if (r) stored.set(job.key, r);
    }
    c.emit({ type: 'round', iteration: it, round, rollouts: jobs.length, stored: stored.size });
    const t = performance.now();
    const { records } = await c.runner.run(jobs.filter((j) => !stored.has(j.key)), c.model, (rec) => {
      writeRollout(c.dir, rec);
      c.emit({ type: 'rollout', iteration: it, record: rec });
    });
    rolloutSeconds += (performance.now() - t) / 1000;
    // Only the rollouts run now: a resumed iteration's stored ones took their time in another process.
    for (const r of records) policyMs += r.policyMs;
    const byKey = new Map([...stored, ...records.map((r) => [r.key, r] as const)]);
    roundTasks.forEach((task, j) => {
      const recs = jobs.filter((job) => job.key.startsWith(`r${round}-t${j}-`)).map((job) => byKey.get(job.key)).filter((r): r is RolloutRecord => r !== undefined);
      failed += cfg.group - recs.length;
      all.push(...recs);
      groups.push({ key: `r${round}-t${j}:${task.id}`, rewards: recs.map((r) => r.reward.total), records: recs });
    });
  };

  await runRound(0);
  let filled: FilledBatch;
  let rounds = 1;
  if (cfg.algo.fill === 'resample') {
    while (needsAnotherRound(groups, cfg.batch, rounds - 1, cfg.algo.maxExtraRounds)) await runRound(rounds++);
    filled = keepInformative(groups, cfg.batch);
  } else if (cfg.algo.fill === 'duplicate') filled = duplicateToFill(groups, cfg.batch, `${cfg.seed}:${it}`);
  else filled = keepAll(groups);

  // Advantages within each group; a duplicated group brings the same trajectories again.
  const tokensStart = performance.now();
  const tokensByGroup = new Map<string, TrajectoryTokens[]>();
  const batch: TrajectoryTokens[] = [];
  for (const g of filled.groups as Group[]) {
    let ts = tokensByGroup.get(g.key);
    if (!ts) {
      const adv = groupAdvantages(g.rewards, cfg.algo.stdNorm);
      ts = g.records.map((r, i) => trajectoryTokens(r, c.ref, adv[i]!, cfg.algo.maskTruncated && r.outcome.truncated, true));
      tokensByGroup.set(g.key, ts);
    }
    batch.push(...ts);
  }
  const tokenSeconds = (performance.now() - tokensStart) / 1000;
  const model: StudentModel = { ...c.model, params: c.model.params, training: { ...c.model.training, rl: { iteration: it, algo: cfg.algo.algo, reward: cfg.reward.kind } } };
  const skipped = batch.length === 0;
  const up = skipped
    ? { tokens: 0, optimizerSteps: 0, loss: 0, clipFraction: 0, kl: 0, meanAbsLogRatio: 0, gradNorm: 0, seconds: 0 }
    : await policyUpdate(model.params, c.adam, batch, {
      clipLow: cfg.algo.clipLow, clipHigh: cfg.algo.clipHigh, klCoef: cfg.algo.klCoef, lossAgg: cfg.algo.lossAgg, ppoEpochs: cfg.ppoEpochs,
      minibatch: cfg.minibatch, learningRate: cfg.learningRate, maxGradNorm: cfg.maxGradNorm, temperature: cfg.temperature, seed: `${cfg.seed}:${it}`,
    });
  const rewards = all.map((r) => r.reward.total);
  const mean = rewards.reduce((a, b) => a + b, 0) / Math.max(1, rewards.length);
  const sd = Math.sqrt(rewards.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, rewards.length - 1));
  const decisions = all.flatMap((r) => r.steps.flatMap((s) => (s.decision ? [s.decision.entropy] : [])));
  const informative = groups.filter((g) => isInformative(g.rewards)).length;
  const rate = groups.length ? informative / groups.length : 0;
  const avg = (f: (r: RolloutRecord) => number) => all.reduce((a, r) => a + f(r), 0) / Math.max(1, all.length);
  const stats: IterationStats = {
    schemaVersion: 1, iteration: it, cursorAfter: cursor, rounds, rollouts: all.length, failedRollouts: failed,
    groups: { sampled: groups.length, informative, inBatch: filled.groups.length, dropped: filled.dropped, duplicated: filled.duplicated },
    rolloutsSavedEstimate: filled.duplicated && rate > 0 ? (filled.duplicated * cfg.group) / rate : 0,
    reward: { mean, sd: rewards.length > 1 ? sd : 0 },
    sr: avg((r) => (r.outcome.sr ? 1 : 0)), csr: avg((r) => r.outcome.csr), meanSteps: avg((r) => r.outcome.steps), truncated: avg((r) => (r.outcome.truncated ? 1 : 0)),
    entropy: decisions.length ? decisions.reduce((a, b) => a + b, 0) / decisions.length : 0,
    update: { skipped, tokens: up.tokens, optimizerSteps: up.optimizerSteps, loss: up.loss, clipFraction: up.clipFraction, kl: up.kl, meanAbsLogRatio: up.meanAbsLogRatio, gradNorm: up.gradNorm },
    seconds: { rollouts: rolloutSeconds, policy: policyMs / 1000, tokens: tokenSeconds, update: up.seconds, total: (performance.now() - t0) / 1000 },
  };
  saveIteration(c.dir, stats, model, c.adam);
  return { model, cursor, stats };
}
