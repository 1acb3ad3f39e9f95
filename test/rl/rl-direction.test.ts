import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupAdvantages } from '../../src/rl/advantages.js';
import type { RolloutRecord } from '../../src/rl/rollout-record.js';
import { readRollout, iterationDir } from '../../src/rl/rl-store.js';
import { runRl } from '../../src/rl/run-rl.js';
import { decisionLogProb, StepView } from '../../src/student/distribution.js';
import { loadStudent, type StudentModel } from '../../src/student/save-load.js';
import { weakGrpoConfig, weakPolicyFixture } from './weak-policy-fixture.js';

// The quick tier's version of rl-improves.slow.test.ts: one GRPO iteration (G 4, reward CSR,
// real Chromium) on the weakened policy moves it the way its objective says: the
// advantage-weighted change of the group's per-decision log-probabilities is positive (rollouts
// that earned more became more likely relative to those that earned less). A single
// trajectory's log-probability may still fall (the layers are shared); the sum is what the update
// ascends. Seeded and deterministic (nothing is timed).
const MAX_STEPS = 10;
const fx = weakPolicyFixture('wf-rl-direction-');
const root = fx.root;

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
    const tasks = fx.tasks();
    const weak = fx.weak();
    const config = weakGrpoConfig(root, tasks, { maxSteps: MAX_STEPS, iterations: 1, group: 4 });
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
