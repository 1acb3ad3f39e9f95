import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { algoPreset, rewardPreset, RL_SCHEMA_VERSION, type RlConfig } from '../../src/rl/config.js';
import { readRollout, iterationDir } from '../../src/rl/rl-store.js';
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
});
