import { describe, expect, it } from 'vitest';
import { ADV_EPS, groupAdvantages, isInformative } from '../../src/rl/advantages.js';
import { duplicateToFill, keepAll, keepInformative, needsAnotherRound } from '../../src/rl/batch-fill.js';
import { algoPreset, rewardPreset } from '../../src/rl/config.js';
import { tfPolicyLoss, tokenLoss, tokenWeights } from '../../src/rl/loss.js';
import { overlongShaping, trajectoryReward } from '../../src/rl/rewards.js';
import { tfWasm } from '../../src/student/backend.js';

// Hand-computed cases of every algorithm's parts; the formulas follow verl's
// verl/trainer/ppo/core_algos.py (compute_grpo_outcome_advantage, compute_policy_loss_vanilla,
// kl_penalty k3) and DAPO's paper (Yu et al. 2025: clip-higher, dynamic sampling, token-level
// loss, overlong reward shaping eq. 13).

describe('group advantages', () => {
  it('normalizes by the group mean and sample standard deviation (torch.std, n - 1)', () => {
    // rewards 1, 0, 0, 1: mean 0.5, sample sd sqrt((4 * 0.25) / 3) = 0.57735
    const a = groupAdvantages([1, 0, 0, 1], true);
    const sd = Math.sqrt(1 / 3);
    expect(a[0]).toBeCloseTo(0.5 / (sd + ADV_EPS), 6);
    expect(a[1]).toBeCloseTo(-0.5 / (sd + ADV_EPS), 6);
    expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(0, 9);
  });

  it('Dr. GRPO (no std normalization) only centres', () => {
    expect(groupAdvantages([0.75, 0.25, 0.5], false)).toEqual([0.25, -0.25, 0]);
  });

  it('a group of one has mean 0 and sd 1: its advantage is its reward', () => {
    expect(groupAdvantages([0.6], true)[0]).toBeCloseTo(0.6 / (1 + ADV_EPS), 9);
    expect(groupAdvantages([0.6], false)).toEqual([0.6]);
    expect(isInformative([0.6])).toBe(false);
  });

  it('a group whose rewards agree has zero advantages and carries no signal', () => {
    expect(groupAdvantages([0.5, 0.5, 0.5], true)).toEqual([0, 0, 0]);
    expect(isInformative([0.5, 0.5, 0.5])).toBe(false);
    expect(isInformative([0.5, 0.5, 0.75])).toBe(true);
  });
});

describe('clipped policy loss', () => {
  const c = { clipLow: 0.2, clipHigh: 0.28, klCoef: 0 };

  it('a positive advantage is clipped at 1 + ε_high, a negative one at 1 - ε_low', () => {
    // ratio e^0.5 = 1.6487 > 1.28: -A * 1.28 is larger than -A * 1.6487 for A = 1.
    const up = tokenLoss(0.5, 0, 1, 0, c);
    expect(up.ratio).toBeCloseTo(Math.exp(0.5), 9);
    expect(up.pg).toBeCloseTo(-1.28, 9);
    expect(up.clipped).toBe(true);
    // ratio e^-0.5 = 0.6065 < 0.8 with A = -1: max(0.6065, 0.8) = 0.8.
    const down = tokenLoss(-0.5, 0, -1, 0, c);
    expect(down.pg).toBeCloseTo(0.8, 9);
    expect(down.clipped).toBe(true);
    // Inside [0.8, 1.28] nothing is clipped: ratio 1.1, A = 2 -> -2.2.
    const inside = tokenLoss(Math.log(1.1), 0, 2, 0, c);
    expect(inside.pg).toBeCloseTo(-2.2, 9);
    expect(inside.clipped).toBe(false);
    // The pessimistic side is never clipped: a positive advantage with a small ratio keeps -A r.
    expect(tokenLoss(-0.5, 0, 1, 0, c).pg).toBeCloseTo(-Math.exp(-0.5), 9);
  });

  it('GRPO clips symmetrically, DAPO higher: the same ratio 1.25 is clipped by one and not the other', () => {
    const grpo = algoPreset('grpo');
    const dapo = algoPreset('dapo');
    expect([grpo.clipLow, grpo.clipHigh, dapo.clipLow, dapo.clipHigh]).toEqual([0.2, 0.2, 0.2, 0.28]);
    expect(tokenLoss(Math.log(1.25), 0, 1, 0, grpo).pg).toBeCloseTo(-1.2, 9);
    expect(tokenLoss(Math.log(1.25), 0, 1, 0, dapo).pg).toBeCloseTo(-1.25, 9);
  });

  it('the k3 KL estimate: exp(d) - d - 1 with d = ref - logp, zero at the reference', () => {
    const k = { clipLow: 0.2, clipHigh: 0.2, klCoef: 0.1 };
    expect(tokenLoss(-1, -1, 0, -1, k).kl).toBe(0);
    const t = tokenLoss(-1, -1, 0, -1.5, k);
    expect(t.kl).toBeCloseTo(Math.exp(-0.5) + 0.5 - 1, 9);
    expect(t.loss).toBeCloseTo(0.1 * t.kl, 9);
  });

  it('the tfjs loss equals the plain one token by token', async () => {
    const tf = await tfWasm();
    const cases = [
      [0.5, 0, 1, 0.1],
      [-0.5, 0, -1, -0.3],
      [Math.log(1.1), 0, 2, 0],
      [-2, -1.2, 0.7, -1.9],
    ] as const;
    const k = { clipLow: 0.2, clipHigh: 0.28, klCoef: 0.05 };
    const weights = [0.25, 0.25, 0.3, 0.2];
    const expected = cases.reduce((s, [lp, old, adv, ref], i) => s + weights[i]! * tokenLoss(lp, old, adv, ref, k).loss, 0);
    const col = (j: number): ReturnType<typeof tf.tensor1d> => tf.tensor1d(cases.map((x) => x[j]!));
    const got = tfPolicyLoss(tf, col(0), col(1), col(2), col(3), tf.tensor1d(weights), k).dataSync()[0]!;
    expect(got).toBeCloseTo(expected, 5);
  });
});

describe('loss weighting', () => {
  it('token-level (DAPO): every decision of the batch weighs the same', () => {
    // Trajectories of 1 and 3 decisions: 4 tokens, each 1/4.
    expect(tokenWeights([1, 3], 'token')).toEqual([0.25, 0.25]);
  });

  it('per trajectory (GRPO): each trajectory weighs the same, its tokens share its weight', () => {
    // 1/2 per trajectory: the lone token 1/2, the three others 1/6 each.
    const w = tokenWeights([1, 3], 'trajectory');
    expect(w[0]).toBeCloseTo(0.5, 12);
    expect(w[1]).toBeCloseTo(1 / 6, 12);
  });

  it('a masked (truncated) trajectory counts in neither sum', () => {
    expect(tokenWeights([1, 3, 4], 'token', [false, false, true])).toEqual([0.25, 0.25, 0]);
    expect(tokenWeights([2, 0], 'trajectory')).toEqual([0.5, 0]);
  });
});

describe('batch filling', () => {
  const g = (key: string, rewards: number[]) => ({ key, rewards });
  const groups = [g('a', [1, 1]), g('b', [0, 1]), g('c', [0, 0]), g('d', [0.5, 0.25])];

  it('GRPO keeps every group', () => {
    expect(keepAll(groups).groups.map((x) => x.key)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('dynamic sampling drops the groups whose rewards agree and samples again while short, within the cap', () => {
    const f = keepInformative(groups, 4);
    expect(f.groups.map((x) => x.key)).toEqual(['b', 'd']);
    expect(f.dropped).toBe(2);
    expect(needsAnotherRound(groups, 4, 0, 3)).toBe(true);
    expect(needsAnotherRound(groups, 4, 3, 3)).toBe(false); // the cap on extra rounds
    expect(needsAnotherRound(groups, 2, 0, 3)).toBe(false); // full
    // After a refill round the batch is full and cut at its size, in arrival order.
    const refilled = [...groups, g('e', [1, 1]), g('f', [0, 1]), g('h', [1, 0])];
    expect(keepInformative(refilled, 3).groups.map((x) => x.key)).toEqual(['b', 'd', 'f']);
  });

  it('DUPO fills the dropped slots with copies of informative groups of the same batch', () => {
    const f = duplicateToFill(groups, 4, 's');
    expect(f.kept).toBe(2);
    expect(f.dropped).toBe(2);
    expect(f.duplicated).toBe(2);
    expect(f.groups).toHaveLength(4);
    // Each informative group copied once before any is copied twice; seeded.
    expect(f.groups.slice(2).map((x) => x.key).sort()).toEqual(['b', 'd']);
    expect(duplicateToFill(groups, 4, 's').groups.map((x) => x.key)).toEqual(f.groups.map((x) => x.key));
    const wide = duplicateToFill(groups, 7, 's');
    const counts = wide.groups.reduce<Record<string, number>>((m, x) => ({ ...m, [x.key]: (m[x.key] ?? 0) + 1 }), {});
    expect(counts).toEqual({ b: 4, d: 3 });
    // Nothing informative: nothing to learn from, an empty batch.
    expect(duplicateToFill([g('a', [1, 1])], 4, 's')).toEqual({ groups: [], kept: 0, dropped: 1, duplicated: 0 });
  });
});

describe('rewards', () => {
  it('overlong shaping: 0 up to L_max - buffer, linear to -penalty at the limit, -penalty when cut', () => {
    // L_max 20, buffer 5: free up to 15 steps.
    expect(overlongShaping(15, false, 20, 5, 0.5)).toBe(0);
    expect(overlongShaping(16, false, 20, 5, 0.5)).toBeCloseTo(-0.1, 12);
    expect(overlongShaping(20, false, 20, 5, 0.5)).toBeCloseTo(-0.5, 12);
    expect(overlongShaping(20, true, 20, 5, 0.5)).toBe(-0.5);
    expect(overlongShaping(20, true, 20, 0, 0.5)).toBe(0);
  });

  it('csr, sr and their blend, with the step penalty', () => {
    const o = { csr: 0.75, sr: false, steps: 10, truncated: false };
    const cfg = { kind: 'csr' as const, stepPenalty: 0.1, overlongBuffer: 0, overlongPenalty: 0 };
    expect(trajectoryReward(o, cfg, 20)).toEqual({ total: 0.75 - 0.05, task: 0.75, step: -0.05, overlong: 0 });
    expect(trajectoryReward(o, { ...cfg, kind: 'sr' }, 20).task).toBe(0);
    expect(trajectoryReward({ ...o, csr: 1, sr: true }, { ...cfg, kind: 'csr+sr' }, 20).task).toBe(1);
    expect(trajectoryReward(o, { ...cfg, kind: 'csr+sr' }, 20).task).toBe(0.375);
    expect(rewardPreset('dapo', 'csr', 40)).toEqual({ kind: 'csr', stepPenalty: 0, overlongBuffer: 10, overlongPenalty: 0.5 });
  });
});
