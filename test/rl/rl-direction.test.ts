import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../src/core/schemas/task.js';
import { groupAdvantages } from '../../src/rl/advantages.js';
import { algoPreset, rewardPreset, RL_SCHEMA_VERSION, type RlConfig } from '../../src/rl/config.js';
import type { RolloutRecord } from '../../src/rl/rollout-record.js';
import { readRollout, iterationDir } from '../../src/rl/rl-store.js';
import { runRl } from '../../src/rl/run-rl.js';
import { startServer, type SiteServer } from '../../src/sites/engine/server.js';
import { loadArenaWorld } from '../../src/sites/registry.js';
import { decisionLogProb, StepView } from '../../src/student/distribution.js';
import { loadStudent, saveStudent, type StudentModel } from '../../src/student/save-load.js';
import { readdirSync } from 'node:fs';
import { weakPolicy } from './weak-policy.js';

// The quick tier's version of rl-improves.slow.test.ts: one GRPO iteration (G 4, reward CSR,
// real Chromium) on the weakened policy moves it the way its objective says: the
// advantage-weighted change of the group's per-decision log-probabilities is positive (rollouts
// that earned more became more likely relative to those that earned less). A single
// trajectory's log-probability may still fall (the layers are shared); the sum is what the update
// ascends. Seeded and deterministic (nothing is timed).
const MAX_STEPS = 10;
const root = mkdtempSync(join(tmpdir(), 'wf-rl-direction-'));
const { world } = loadArenaWorld(1);
let tasks: Task[];
let server: SiteServer;
let weak: StudentModel;

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

beforeAll(async () => {
  server = await startServer({ port: 0, world });
  ({ tasks, weak } = await weakPolicy(server, world));
  saveStudent(join(root, 'weak'), weak);
}, 600_000);

/** log π(trajectory): the sum over its decisions (action, and argument) under `model`. */
function logProb(r: RolloutRecord, model: StudentModel): number {
  let sum = 0;
  r.steps.forEach((step, i) => {
    const d = step.decision;
    if (!d) return;
    const view = new StepView(model, { instruction: r.instruction, axtree: step.observation, url: step.url, history: r.steps.slice(0, i).map((s) => s.action) });
    const lp = decisionLogProb(view, d, r.temperature);
    sum += lp.logpAction + (lp.logpArg ?? 0);
  });
  return sum;
}

describe('one RL update in real Chromium', () => {
  it('raises the advantage-weighted log-probability of its group', async () => {
    const config: RlConfig = {
      schemaVersion: RL_SCHEMA_VERSION, init: join(root, 'weak'),
      tasks: { source: 'test', count: tasks.length, ids: tasks.map((t) => t.id) },
      worldSeed: 1, seed: 1, iterations: 1, batch: 1, group: 4, temperature: 1, maxSteps: MAX_STEPS,
      reward: rewardPreset('grpo', 'csr', MAX_STEPS), algo: algoPreset('grpo'),
      learningRate: 0.03, ppoEpochs: 4, minibatch: 4, maxGradNorm: 1,
    };
    const dir = join(root, 'run');
    const [stats] = (await runRl({ dir, config, tasks, parallel: 2, resume: false })).iterations;
    expect(stats!.groups.informative).toBe(1); // the rewards differ: there is a signal
    const records = readdirSync(join(iterationDir(dir, 1), 'rollouts')).map((f) => readRollout(dir, 1, f.replace(/\.json$/, ''))!);
    const sorted = [...records].sort((a, b) => b.reward.total - a.reward.total);
    const best = sorted[0]!;
    const worst = sorted.at(-1)!;
    expect(best.reward.total).toBeGreaterThan(worst.reward.total);
    // The stored log-probs are the weakened policy's own.
    expect(logProb(best, weak)).toBeCloseTo(best.steps.reduce((a, s) => a + (s.decision ? s.decision.logpAction + (s.decision.logpArg ?? 0) : 0), 0), 4);
    const updated = loadStudent(dir);
    const adv = groupAdvantages(records.map((r) => r.reward.total), true);
    const decisions = (r: RolloutRecord) => r.steps.reduce((n, s) => n + (s.decision ? (s.decision.arg !== null ? 2 : 1) : 0), 0);
    const objective = records.reduce((a, r, i) => a + (adv[i]! * (logProb(r, updated) - logProb(r, weak))) / decisions(r), 0);
    expect(objective).toBeGreaterThan(0);
  }, 600_000);
});
