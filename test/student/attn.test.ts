import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { examplesFromRows, learnArgHead, statesFromRows } from '../../src/student/dataset.js';
import { logSoftmax } from '../../src/student/distribution.js';
import { DEFAULT_FEATURES } from '../../src/student/features.js';
import { lossAndGrads, logProbs, type Token } from '../../src/student/policy-graph.js';
import { loadStudent, saveStudent, type StudentModel } from '../../src/student/save-load.js';
import { tokenLogits } from '../../src/student/sft.js';
import { trainStudent } from '../../src/student/train.js';
import { ROLLOUT_SCHEMA_VERSION, type RolloutRecord } from '../../src/rl/rollout-record.js';
import { trajectoryTokens } from '../../src/rl/tokens.js';
import { policyUpdate } from '../../src/rl/update.js';
import { adamState } from '../../src/student/adam.js';
import { cloneParams, paramArrays } from '../../src/student/model.js';
import { StudentPolicy } from '../../src/student/student-policy.js';
import { syntheticRows } from './synthetic.js';

// Rows with filler elements of varying count: the steps' candidate lists have ragged widths.
const rows = [...syntheticRows(3), ...syntheticRows(3, 7)];
const dir = mkdtempSync(join(tmpdir(), 'wf-attn-'));
let model: StudentModel;

beforeAll(async () => {
  model = (await trainStudent(rows, { epochs: 2, seed: 5, hidden: 8, arch: 'attn', valFraction: 0 })).model;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The graph's log-probabilities of the tokens (temperature t), as SFT and RL compute them. */
async function graphLogProbs(actions: Token[], args: Token[], t: number): Promise<{ action: number[]; arg: number[] }> {
  let out = { action: [] as number[], arg: [] as number[] };
  await lossAndGrads(model.params, (tf, w) => {
    const lp = logProbs(tf, w, { actions, args }, model.params, t);
    out = { action: [...lp.action.dataSync()], arg: [...lp.arg.dataSync()] };
    return tf.sum(tf.concat([lp.action, lp.arg])) as TF.Scalar;
  });
  return out;
}

describe('the attention student', () => {
  it('plain-JS log-probabilities equal the tfjs graph\'s (actions and arguments, masked candidates, ragged widths)', async () => {
    expect(model.params.arch).toBe('attn');
    const { examples } = examplesFromRows(rows, model.features, learnArgHead(statesFromRows(rows).states).head, 'attn');
    // Mask out every third candidate that is not the target: attention and softmax both skip them.
    const actions = examples.map((e, k) => ({ ...e.action, valid: e.action.valid.map((v, i) => (e.action.targets.includes(i) || (i + k) % 3 ? v : 0)) }));
    const args = examples.flatMap((e) => (e.arg ? [e.arg] : []));
    expect(new Set(actions.map((a) => a.options.length)).size).toBeGreaterThan(1);
    expect(actions.some((a) => a.valid.includes(0))).toBe(true);
    expect(args.length).toBeGreaterThan(0);
    for (const t of [1, 1.7]) {
      const g = await graphLogProbs(actions, args, t);
      actions.forEach((a, j) => {
        const mask = [...a.valid].map((v, i) => v === 1 || a.targets.includes(i));
        expect(Math.abs(logSoftmax(tokenLogits(model.params, a), mask, t)[a.targets[0]!]! - g.action[j]!)).toBeLessThan(1e-4);
      });
      args.forEach((a, j) => {
        if (a.targets.length !== 1) return;
        const logits = a.options.map((o) => o.idx.reduce((s, ix, k) => s + o.val[k]! * model.params.a[ix]!, 0));
        const mask = [...a.valid].map((v, i) => v === 1 || a.targets.includes(i));
        expect(Math.abs(logSoftmax(logits, mask, t)[a.targets[0]!]! - g.arg[j]!)).toBeLessThan(1e-4);
      });
    }
  });

  it('saves and loads with its architecture; a newer version or an unknown architecture is refused by name', () => {
    saveStudent(join(dir, 'm'), model);
    const loaded = loadStudent(join(dir, 'm'));
    expect(loaded.params.arch).toBe('attn');
    expect(loaded).toEqual(model);
    const json = JSON.parse(readFileSync(join(dir, 'm', 'model.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'm', 'model.json'), JSON.stringify({ ...json, version: 99 }));
    expect(() => loadStudent(join(dir, 'm'))).toThrow(/version 99 student, made by a newer WebFoundry/);
    writeFileSync(join(dir, 'm', 'model.json'), JSON.stringify({ ...json, arch: 'transformer' }));
    expect(() => loadStudent(join(dir, 'm'))).toThrow(InvalidInputError);
    expect(() => loadStudent(join(dir, 'm'))).toThrow(/architecture "transformer", which this WebFoundry does not know/);
  });

  it('samples reproducibly with a seed, and acts greedily by default', () => {
    const row = rows[4]!;
    const run = (o: { temperature?: number; seed?: string }): string[] => {
      const policy = new StudentPolicy(model, o);
      const history: { action: string }[] = [];
      for (const step of row.steps) history.push({ action: policy.decide({ task: row.task, observation: { axtree: step.observation, url: step.url }, history }).action });
      return history.map((h) => h.action);
    };
    expect(run({ temperature: 2, seed: 'a' })).toEqual(run({ temperature: 2, seed: 'a' }));
    expect(['b', 'c', 'd', 'e'].some((seed) => run({ temperature: 2, seed }).join() !== run({ temperature: 2, seed: 'a' }).join())).toBe(true);
    expect(run({})).toEqual(run({}));
  });

  it('an RL update raises the probability of a rewarded decision and keeps it finite', async () => {
    const row = rows[0]!;
    const policy = new StudentPolicy(model, { temperature: 1.5, seed: 'rl' });
    const steps: RolloutRecord['steps'] = [];
    for (const step of row.steps) {
      const { action } = policy.decide({ task: row.task, observation: { axtree: step.observation, url: step.url }, history: steps.map((s) => ({ action: s.action })) });
      steps.push({ url: step.url, observation: step.observation, action, error: null, decision: policy.decisions.at(-1) ?? null });
    }
    const record: RolloutRecord = {
      schemaVersion: ROLLOUT_SCHEMA_VERSION, key: 'attn-rl', iteration: 1, round: 0, taskId: row.task.id, instruction: row.task.instruction, sample: 0, seed: 'rl', temperature: 1.5,
      status: 'stopped', outcome: { csr: 0, sr: false, steps: steps.length, truncated: false }, reward: { total: 1, task: 1, step: 0, overlong: 0 }, verdicts: [], steps, durationMs: 0, policyMs: 0,
    };
    const tokens = trajectoryTokens(record, model, 1, false, true);
    // The recomputed (reference) log-probabilities equal those stored when sampling.
    tokens.ref.forEach((r, j) => expect(r).toBeCloseTo(tokens.old[j]!, 5));
    const p = cloneParams(model.params);
    const stats = await policyUpdate(p, adamState(paramArrays(p)), [tokens], { clipLow: 0.2, clipHigh: 0.28, klCoef: 0, lossAgg: 'token', ppoEpochs: 1, minibatch: 8, learningRate: 0.01, maxGradNorm: 1, temperature: 1.5, seed: 't' });
    expect(stats.optimizerSteps).toBe(1);
    expect(Number.isFinite(stats.gradNorm) && stats.gradNorm > 0).toBe(true);
    const after = trajectoryTokens(record, { ...model, params: p }, 1, false, true);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(after.ref)).toBeGreaterThan(sum(tokens.ref));
  });

  it('a bow model saved in format version 3 (before architectures) loads as bow', async () => {
    const bow = (await trainStudent(rows.slice(0, 2), { epochs: 1, seed: 2, hidden: 4, valFraction: 0 })).model;
    saveStudent(join(dir, 'v3'), bow);
    const { version: _v, arch: _a, ...rest } = JSON.parse(readFileSync(join(dir, 'v3', 'model.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'v3', 'model.json'), JSON.stringify({ ...rest, version: 3 }));
    const loaded = loadStudent(join(dir, 'v3'));
    expect(loaded.params.arch).toBe('bow');
    expect(loaded.params).toEqual(bow.params);
  });
});
