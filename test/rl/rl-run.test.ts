import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { algoPreset, rewardPreset, RL_SCHEMA_VERSION, type RlConfig } from '../../src/rl/config.js';
import { isInformative } from '../../src/rl/advantages.js';
import type { RolloutRecord } from '../../src/rl/rollout-record.js';
import { readRollout, iterationDir } from '../../src/rl/rl-store.js';
import { trainingTasks } from '../../src/rl/training-tasks.js';
import { runRl, type RlEvent } from '../../src/rl/run-rl.js';
import type { Task } from '../../src/core/schemas/task.js';
import { startServer } from '../../src/sites/engine/server.js';
import { loadArenaWorld } from '../../src/sites/registry.js';
import { loadStudent, saveStudent } from '../../src/student/save-load.js';
import { weakPolicy } from './weak-policy.js';

// A small real run: real Chromium against our server, one training task, G = 3, two
// iterations of DUPO with a short step limit, from the deliberately weakened policy of
// weak-policy.ts (uncertain, so its groups' rewards differ and both iterations update: a
// student whose rewards all agree would never change its weights and make the resume check
// below vacuous). Then a kill during iteration 2 is simulated (its record, weights, Adam state
// and some rollouts removed, the top policy back to iteration 1's) and the resumed run must give
// the weights the uninterrupted run gave.
const MAX_STEPS = 8;
const root = mkdtempSync(join(tmpdir(), 'wf-rl-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let tasks: Task[];
let config: RlConfig;

beforeAll(async () => {
  const { world } = loadArenaWorld(1);
  const server = await startServer({ port: 0, world });
  try {
    const w = await weakPolicy(server, world);
    tasks = w.tasks;
    saveStudent(join(root, 'init'), w.weak);
  } finally {
    await server.close();
  }
  config = {
    schemaVersion: RL_SCHEMA_VERSION, init: join(root, 'init'),
    tasks: { source: 'test', count: tasks.length, ids: tasks.map((t) => t.id) },
    worldSeed: 1, seed: 3, iterations: 2, batch: 1, group: 3, temperature: 1, maxSteps: MAX_STEPS,
    reward: { ...rewardPreset('dupo', 'csr', MAX_STEPS), stepPenalty: 0.1 }, algo: { ...algoPreset('dupo'), klCoef: 0.01 },
    learningRate: 0.01, ppoEpochs: 2, minibatch: 4, maxGradNorm: 1,
  };
}, 600_000);

describe('an RL run in real Chromium', () => {
  it('stores rewarded rollouts and every iteration, and a resumed run gives the same weights', async () => {
    const dir = join(root, 'run');
    const events: RlEvent[] = [];
    const a = await runRl({ dir, config, tasks, parallel: 1, resume: false, onEvent: (e) => events.push(e) });
    expect(a.iterations).toHaveLength(2);
    for (const s of a.iterations) {
      expect(s.rollouts).toBe(3);
      expect(s.failedRollouts).toBe(0);
      expect(s.groups.sampled).toBe(1);
    }
    // Rollouts carry the evaluator's verdict, the reward made from it, and a decision per step.
    const keys = readdirSync(join(iterationDir(dir, 1), 'rollouts')).map((f) => f.replace(/\.json$/, ''));
    expect(keys).toHaveLength(3);
    for (const k of keys) {
      const r = readRollout(dir, 1, k)!;
      expect(r.steps.length).toBeGreaterThan(0);
      expect(r.steps.length).toBeLessThanOrEqual(MAX_STEPS);
      expect(r.verdicts.length).toBeGreaterThan(0);
      expect(r.outcome.csr).toBeCloseTo(r.verdicts.filter((v) => v.satisfied).length / r.verdicts.length, 9);
      expect(r.reward.total).toBeCloseTo(r.reward.task + r.reward.step + r.reward.overlong, 9);
      expect(r.reward.step).toBeCloseTo(-0.1 * (r.steps.length / MAX_STEPS), 9);
      expect(r.steps.every((s) => s.decision !== null || s.action === 'stop()')).toBe(true);
    }
    expect(events.filter((e) => e.type === 'rollout')).toHaveLength(6);
    const weights = readFileSync(join(dir, 'weights.bin'));
    // Iteration 2 did move the weights, so matching them below is not vacuous.
    expect(a.iterations[1]!.update.skipped).toBe(false);
    expect(readFileSync(join(iterationDir(dir, 1), 'model', 'weights.bin')).equals(weights)).toBe(false);

    // The kill, as it would leave the directory in the middle of iteration 2's rollouts: no
    // iteration.json, weights or Adam state of iteration 2, two of its rollouts lost, and the
    // policy at the top of --out still iteration 1's.
    const it2 = iterationDir(dir, 2);
    rmSync(join(it2, 'iteration.json'));
    rmSync(join(it2, 'model'), { recursive: true });
    rmSync(join(it2, 'adam.bin'));
    saveStudent(dir, loadStudent(join(iterationDir(dir, 1), 'model')));
    expect(readFileSync(join(dir, 'weights.bin')).equals(weights)).toBe(false);
    const lost = readdirSync(join(it2, 'rollouts')).slice(0, 2);
    for (const f of lost) rmSync(join(it2, 'rollouts', f));
    await expect(runRl({ dir, config, tasks, parallel: 1, resume: false })).rejects.toThrow(/already holds an RL run/);
    const resumed: RlEvent[] = [];
    const b = await runRl({ dir, config, tasks, parallel: 1, resume: true, onEvent: (e) => resumed.push(e) });
    expect(resumed.filter((e) => e.type === 'rollout')).toHaveLength(2); // only the lost ones ran again
    expect(b.iterations.map((s) => s.reward.mean)).toEqual(a.iterations.map((s) => s.reward.mean));
    expect(readFileSync(join(dir, 'weights.bin')).equals(weights)).toBe(true);
    expect(existsSync(join(it2, 'iteration.json'))).toBe(true);
    // Another configuration in the same directory is refused.
    await expect(runRl({ dir, config: { ...config, group: 4 }, tasks, parallel: 1, resume: true })).rejects.toThrow(/another configuration/);
  }, 600_000);

  it('dynamic sampling refills the batch with new groups, DUPO with copies, and the update trains on exactly those', async () => {
    // The weak policy's task and three it never saw (where its rewards agree more often); batch 2.
    const mixed = [tasks[0]!, ...trainingTasks({ sites: ['wheelo'], perSite: 4, seed: 6, worldSeed: 1 }).filter((t) => t.id !== tasks[0]!.id).slice(0, 3)];
    const base = { ...config, tasks: { source: 'test', count: mixed.length, ids: mixed.map((t) => t.id) }, seed: 1, iterations: 1, batch: 2, group: 3 };
    /** The decisions (tokens) of a rollout: one per action, one more per fill/select argument. */
    const tokensOf = (r: RolloutRecord) => r.steps.filter((x) => x.decision).length + r.steps.filter((x) => x.decision && x.decision.arg !== null).length;
    /** Every stored group of iteration 1 in arrival order: its rewards and its decisions. */
    const storedGroups = (dir: string, rounds: number) =>
      Array.from({ length: rounds * 2 }, (_, n) => {
        const recs = [0, 1, 2].map((k) => readRollout(dir, 1, `r${Math.floor(n / 2)}-t${n % 2}-g${k}`)!);
        return { rewards: recs.map((r) => r.reward.total), tokens: recs.reduce((a, r) => a + tokensOf(r), 0) };
      });

    const dapoDir = join(root, 'dapo');
    const [dapo] = (await runRl({ dir: dapoDir, config: { ...base, algo: { ...algoPreset('dapo'), klCoef: 0.01, maxExtraRounds: 2 } }, tasks: mixed, parallel: 1, resume: false })).iterations;
    const dg = storedGroups(dapoDir, dapo!.rounds);
    expect(dapo!.rollouts).toBe(dapo!.rounds * 2 * 3);
    expect(dapo!.groups.sampled).toBe(dg.length);
    // Another round runs exactly while fewer than 2 groups are informative and the cap allows.
    const informativeAfter = (rounds: number) => dg.slice(0, rounds * 2).filter((g) => isInformative(g.rewards)).length;
    for (let r = 1; r < dapo!.rounds; r++) expect(informativeAfter(r)).toBeLessThan(2);
    expect(informativeAfter(dapo!.rounds) >= 2 || dapo!.rounds === 3).toBe(true);
    expect(dapo!.rounds).toBeGreaterThan(1); // this seed does need a refill: the case under test
    // The batch: the first two informative groups, and the update's decisions are theirs.
    const kept = dg.filter((g) => isInformative(g.rewards)).slice(0, 2);
    expect(dapo!.groups.inBatch).toBe(kept.length);
    expect(dapo!.groups.dropped).toBe(dg.length - dg.filter((g) => isInformative(g.rewards)).length);
    expect(dapo!.update.tokens).toBe(kept.reduce((a, g) => a + g.tokens, 0));

    const dupoDir = join(root, 'dupo');
    const [dupo] = (await runRl({ dir: dupoDir, config: { ...base, algo: { ...algoPreset('dupo'), klCoef: 0.01 } }, tasks: mixed, parallel: 1, resume: false })).iterations;
    const ug = storedGroups(dupoDir, 1);
    const informative = ug.filter((g) => isInformative(g.rewards));
    expect(dupo!.rounds).toBe(1); // never samples more
    expect(dupo!.rollouts).toBe(6);
    expect(informative).toHaveLength(1); // one slot to fill by duplication: the case under test
    expect(dupo!.groups).toEqual({ sampled: 2, informative: 1, inBatch: 2, dropped: 1, duplicated: 1 });
    expect(dupo!.update.tokens).toBe(2 * informative[0]!.tokens); // the copy trains again
    expect(dupo!.rolloutsSavedEstimate).toBe((1 * 3) / 0.5); // a slot of G rollouts at 1 informative group in 2
  }, 600_000);
});
