/**
 * RL learner figures, with no browser: sampled acting (features + scoring + sampling, the
 * policy's share of a rollout) and the PPO-style update (decisions/s through tfjs-wasm: forward,
 * backward, Adam), on synthetic flight-flow rows padded to ~120 elements a page. The whole loop
 * in real Chromium (rollouts/hour, the browser's and the learner's share, DUPO vs DAPO) is
 * rl-loop.bench.ts.
 */
import { ROLLOUT_SCHEMA_VERSION, type RolloutRecord } from '../src/rl/rollout-record.js';
import { trajectoryTokens } from '../src/rl/tokens.js';
import { policyUpdate } from '../src/rl/update.js';
import { adamState } from '../src/student/adam.js';
import { paramArrays } from '../src/student/model.js';
import { StudentPolicy } from '../src/student/student-policy.js';
import { trainStudent } from '../src/student/train.js';
import { syntheticRows } from '../test/student/synthetic.js';
import { fmt } from './stats.js';

const json = process.argv.includes('--json');
const rows = syntheticRows(16, 110);
const { model } = await trainStudent(rows, { epochs: 1, seed: 1, valFraction: 0 });

const t0 = performance.now();
let decisions = 0;
const records: RolloutRecord[] = rows.map((row, k) => {
  const policy = new StudentPolicy(model, { temperature: 1, seed: k });
  const steps: RolloutRecord['steps'] = [];
  for (const step of row.steps) {
    const { action } = policy.decide({ task: row.task, observation: { axtree: step.observation, url: step.url }, history: steps.map((s) => ({ action: s.action })) });
    steps.push({ url: step.url, observation: step.observation, action, error: null, decision: policy.decisions.at(-1) ?? null });
    decisions++;
  }
  return {
    schemaVersion: ROLLOUT_SCHEMA_VERSION, key: `b${k}`, iteration: 1, round: 0, taskId: row.task.id, instruction: row.task.instruction, sample: 0, seed: String(k), temperature: 1,
    status: 'stopped', outcome: { csr: 0, sr: false, steps: steps.length, truncated: false }, reward: { total: 0, task: 0, step: 0, overlong: 0 }, verdicts: [], steps, durationMs: 0, policyMs: 0,
  };
});
const sampleMs = (performance.now() - t0) / decisions;

const t1 = performance.now();
const batch = records.map((r, i) => trajectoryTokens(r, model, i % 2 ? 1 : -1, false, true));
const tokenSeconds = (performance.now() - t1) / 1000;
const adam = adamState(paramArrays(model.params));
const o = { clipLow: 0.2, clipHigh: 0.28, klCoef: 0.01, lossAgg: 'token' as const, ppoEpochs: 1, minibatch: 8, learningRate: 0.001, maxGradNorm: 1, temperature: 1, seed: 'b' };
await policyUpdate(model.params, adam, batch, o); // warm-up (tfjs-wasm load)
const up = await policyUpdate(model.params, adam, batch, o);
const tokensPerSecond = up.tokens / up.seconds;

if (json) process.stdout.write(`${JSON.stringify({ rl: { sampledActionMs: sampleMs, rebuildSeconds: tokenSeconds, updateTokensPerSecond: tokensPerSecond, tokens: up.tokens } })}\n`);
else {
  process.stdout.write(`rl sampled acting: ${fmt(sampleMs, 2)} ms per decision (${decisions} decisions)\n`);
  process.stdout.write(`rl update:         ${fmt(tokensPerSecond, 0)} decisions/s (${up.tokens} decisions, 1 PPO epoch, minibatch 8 trajectories), tokens rebuilt from rollouts in ${fmt(tokenSeconds)} s\n`);
}
