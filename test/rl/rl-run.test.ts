import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { algoPreset, rewardPreset, RL_SCHEMA_VERSION, type RlConfig } from '../../src/rl/config.js';
import { readRollout, iterationDir } from '../../src/rl/rl-store.js';
import { runRl, type RlEvent } from '../../src/rl/run-rl.js';
import { trainingTasks } from '../../src/rl/training-tasks.js';
import { saveStudent } from '../../src/student/save-load.js';
import { trainStudent } from '../../src/student/train.js';
import { syntheticRows } from '../student/synthetic.js';

// A small real run: real Chromium against our server, one training task, G = 3, two
// iterations of DUPO with a short step limit. Then a kill is simulated (the second iteration's
// record, weights and some rollouts removed) and the resumed run must give the same weights.
const root = mkdtempSync(join(tmpdir(), 'wf-rl-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tasks = trainingTasks({ sites: ['wheelo'], perSite: 1, seed: 5, worldSeed: 1 });
let config: RlConfig;

beforeAll(async () => {
  // A deliberately weak student: a few minutes' worth of nothing (synthetic flight pages, 2 epochs).
  const { model } = await trainStudent(syntheticRows(6), { epochs: 2, seed: 1, hidden: 8, valFraction: 0 });
  saveStudent(join(root, 'init'), model);
  const maxSteps = 6;
  config = {
    schemaVersion: RL_SCHEMA_VERSION, init: join(root, 'init'),
    tasks: { source: 'test', count: tasks.length, ids: tasks.map((t) => t.id) },
    worldSeed: 1, seed: 3, iterations: 2, batch: 1, group: 3, temperature: 1.5, maxSteps,
    reward: { ...rewardPreset('dupo', 'csr', maxSteps), stepPenalty: 0.1 }, algo: { ...algoPreset('dupo'), klCoef: 0.01 },
    learningRate: 0.01, ppoEpochs: 2, minibatch: 4, maxGradNorm: 1,
  };
}, 120_000);

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
      expect(r.steps.length).toBeLessThanOrEqual(6);
      expect(r.verdicts.length).toBeGreaterThan(0);
      expect(r.outcome.csr).toBeCloseTo(r.verdicts.filter((v) => v.satisfied).length / r.verdicts.length, 9);
      expect(r.reward.total).toBeCloseTo(r.reward.task + r.reward.step + r.reward.overlong, 9);
      expect(r.reward.step).toBeCloseTo(-0.1 * (r.steps.length / 6), 9);
      expect(r.steps.every((s) => s.decision !== null || s.action === 'stop()')).toBe(true);
    }
    expect(events.filter((e) => e.type === 'rollout')).toHaveLength(6);
    const weights = readFileSync(join(dir, 'weights.bin'));

    // The kill: iteration 2 unfinished, two of its rollouts lost.
    const it2 = iterationDir(dir, 2);
    rmSync(join(it2, 'iteration.json'));
    rmSync(join(it2, 'model'), { recursive: true });
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
