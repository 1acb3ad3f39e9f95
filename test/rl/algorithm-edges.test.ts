import { describe, expect, it } from 'vitest';
import { ADV_EPS, groupAdvantages } from '../../src/rl/advantages.js';
import { duplicateToFill, keepInformative, needsAnotherRound } from '../../src/rl/batch-fill.js';
import { IterationStats, timeSplit } from '../../src/rl/iteration-stats.js';
import { tfPolicyLoss, tokenLoss, tokenWeights } from '../../src/rl/loss.js';
import { overlongShaping, trajectoryReward } from '../../src/rl/rewards.js';
import { tfWasm } from '../../src/student/backend.js';

// Hand-computed cases at the edges of each algorithm's parts, beside algorithms.test.ts: the
// gradient through the clip (where PPO stops pushing), the loss each weighting gives, the
// boundaries of overlong shaping, dynamic sampling when its cap leaves the batch short, and the
// per-iteration time split.

describe('group normalization, by hand', () => {
  it('rewards 1, 0, 0, 0: mean 0.25, sample sd 0.5, advantages 1.5 and -0.5', () => {
    const a = groupAdvantages([1, 0, 0, 0], true);
    expect(a[0]).toBeCloseTo(0.75 / (0.5 + ADV_EPS), 9);
    expect(a[1]).toBeCloseTo(-0.25 / (0.5 + ADV_EPS), 9);
    expect(a[0]).toBeCloseTo(1.5, 5);
    expect(groupAdvantages([1, 0, 0, 0], false)).toEqual([0.75, -0.25, -0.25, -0.25]);
  });

  it('an empty group has no advantages; a group of one is its own reward whatever the normalization', () => {
    expect(groupAdvantages([], true)).toEqual([]);
    expect(groupAdvantages([-0.4], true)[0]).toBeCloseTo(-0.4, 5);
  });
});

describe('the clip, through its gradient', () => {
  const c = { clipLow: 0.2, clipHigh: 0.28, klCoef: 0 };

  /** d loss / d logp of one token with weight 1, from tfjs's autodiff. */
  async function grad(logp: number, adv: number): Promise<number> {
    const tf = await tfWasm();
    const g = tf.grad((x) => tfPolicyLoss(tf, x as ReturnType<typeof tf.tensor1d>, tf.tensor1d([0]), tf.tensor1d([adv]), tf.tensor1d([0]), tf.tensor1d([1]), c));
    return g(tf.tensor1d([logp])).dataSync()[0]!;
  }

  it('inside [1 - ε_low, 1 + ε_high] the gradient is -A r; past the bound on the advantage\'s side it is 0', async () => {
    // A = 1, r = 1.1: d(-A r)/dlogp = -A r = -1.1.
    expect(await grad(Math.log(1.1), 1)).toBeCloseTo(-1.1, 4);
    // A = 1, r = e^0.5 = 1.65 > 1.28: clipped, no push further up.
    expect(await grad(0.5, 1)).toBeCloseTo(0, 6);
    // A = -1, r = 0.9: +0.9 (push down); r = 0.6 < 0.8: clipped, no push further down.
    expect(await grad(Math.log(0.9), -1)).toBeCloseTo(0.9, 4);
    expect(await grad(Math.log(0.6), -1)).toBeCloseTo(0, 6);
    // The pessimistic side is never clipped: A = 1 with r = 0.5 still gets -0.5, A = -1 with r = 2 gets +2.
    expect(await grad(Math.log(0.5), 1)).toBeCloseTo(-0.5, 4);
    expect(await grad(Math.log(2), -1)).toBeCloseTo(2, 4);
  });

  it('exactly at 1 + ε_high and 1 - ε_low both terms agree: the loss is the bound, not counted as clipped', () => {
    const up = tokenLoss(Math.log(1.28), 0, 1, 0, c);
    expect(up.pg).toBeCloseTo(-1.28, 9);
    const down = tokenLoss(Math.log(0.8), 0, -1, 0, c);
    expect(down.pg).toBeCloseTo(0.8, 9);
    // Just past each bound it is.
    expect(tokenLoss(Math.log(1.29), 0, 1, 0, c).clipped).toBe(true);
    expect(tokenLoss(Math.log(0.79), 0, -1, 0, c).clipped).toBe(true);
    expect(tokenLoss(Math.log(1.27), 0, 1, 0, c).clipped).toBe(false);
  });
});

describe('token-level vs per-trajectory weighting, on the loss', () => {
  // Trajectory a: 1 decision, advantage +1; trajectory b: 3 decisions, advantage -1; every ratio
  // 1, so each token's loss is -A: a's token -1, b's tokens +1.
  const lengths = [1, 3];
  const tokens = { logp: [0, 0, 0, 0], adv: [1, -1, -1, -1] };
  const c = { clipLow: 0.2, clipHigh: 0.28, klCoef: 0 };
  async function loss(mode: 'token' | 'trajectory'): Promise<number> {
    const tf = await tfWasm();
    const w = tokenWeights(lengths, mode);
    const perToken = [w[0]!, w[1]!, w[1]!, w[1]!];
    const z = tf.tensor1d(tokens.logp);
    return tfPolicyLoss(tf, z, z, tf.tensor1d(tokens.adv), z, tf.tensor1d(perToken), c).dataSync()[0]!;
  }

  it('token-level: (-1 + 3) / 4 = 0.5, the long trajectory dominates', async () => {
    expect(await loss('token')).toBeCloseTo(0.5, 6);
  });

  it('per trajectory: (-1 + 1) / 2 = 0, each trajectory weighs the same', async () => {
    expect(await loss('trajectory')).toBeCloseTo(0, 6);
  });

  it('the weights of the live tokens sum to 1 either way', () => {
    for (const mode of ['token', 'trajectory'] as const) {
      const w = tokenWeights([2, 5, 1], mode, [false, true, false]);
      expect(w[1]).toBe(0);
      expect(2 * w[0]! + 1 * w[2]!).toBeCloseTo(1, 12);
    }
  });
});

describe('dynamic sampling at its cap, and DUPO past a full batch', () => {
  const g = (key: string, rewards: number[]) => ({ key, rewards });

  it('when the cap is reached the batch trains short, or not at all when nothing was informative', () => {
    const rounds = [g('a', [0, 0]), g('b', [1, 0]), g('c', [1, 1]), g('d', [0, 0])];
    // Batch 3, cap 1: after the first round (a, b) one extra round (c, d) is allowed, then stop.
    expect(needsAnotherRound(rounds.slice(0, 2), 3, 0, 1)).toBe(true);
    expect(needsAnotherRound(rounds, 3, 1, 1)).toBe(false);
    expect(keepInformative(rounds, 3)).toEqual({ groups: [g('b', [1, 0])], kept: 1, dropped: 3, duplicated: 0 });
    // No extra round allowed at all (cap 0): DAPO's filter alone.
    expect(needsAnotherRound(rounds.slice(0, 2), 3, 0, 0)).toBe(false);
    expect(keepInformative([g('a', [0, 0]), g('c', [1, 1])], 2).groups).toEqual([]);
  });

  it('DUPO with more informative groups than slots keeps the first ones and duplicates none', () => {
    const groups = [g('a', [0, 1]), g('b', [1, 1]), g('c', [1, 0]), g('d', [0.5, 0])];
    expect(duplicateToFill(groups, 2, 's')).toEqual({ groups: [g('a', [0, 1]), g('c', [1, 0])], kept: 2, dropped: 1, duplicated: 0 });
  });

  it('DUPO duplicates whole groups: a copy carries the same rewards, so the same advantages', () => {
    const f = duplicateToFill([g('a', [1, 0, 0]), g('b', [0, 0, 0])], 2, 's');
    expect(f.groups[1]).toBe(f.groups[0]);
    expect(groupAdvantages(f.groups[1]!.rewards, true)).toEqual(groupAdvantages(f.groups[0]!.rewards, true));
  });
});

describe('overlong shaping at its boundaries', () => {
  // L_max 10, buffer 4, penalty 1: free up to 6 steps, then -1/4 a step.
  it('0 at L_max - buffer, -1/buffer one step later, -penalty at L_max and beyond', () => {
    expect(overlongShaping(6, false, 10, 4, 1)).toBe(0);
    expect(overlongShaping(7, false, 10, 4, 1)).toBeCloseTo(-0.25, 12);
    expect(overlongShaping(9, false, 10, 4, 1)).toBeCloseTo(-0.75, 12);
    expect(overlongShaping(10, false, 10, 4, 1)).toBeCloseTo(-1, 12);
    expect(overlongShaping(12, false, 10, 4, 1)).toBeCloseTo(-1, 12); // never below -penalty
    expect(overlongShaping(3, true, 10, 4, 1)).toBe(-1); // cut at the limit: the full penalty
  });

  it('a buffer as long as the limit punishes from the first step; a zero penalty or buffer turns it off', () => {
    expect(overlongShaping(0, false, 10, 10, 1)).toBe(0);
    expect(overlongShaping(1, false, 10, 10, 1)).toBeCloseTo(-0.1, 12);
    expect(overlongShaping(10, true, 10, 4, 0)).toBe(0);
    expect(overlongShaping(10, true, 10, 0, 1)).toBe(0);
  });

  it('the trajectory reward adds it to the task reward', () => {
    const r = trajectoryReward({ csr: 1, sr: true, steps: 8, truncated: false }, { kind: 'sr', stepPenalty: 0, overlongBuffer: 4, overlongPenalty: 0.5 }, 10);
    expect(r).toEqual({ total: 1 - 0.25, task: 1, step: -0, overlong: -0.25 });
  });
});

describe('where an iteration\'s time went', () => {
  it('browser = rollouts minus acting; learner = acting + reference log-probs + update; other the rest', () => {
    const t = timeSplit({ rollouts: 80, policy: 8, tokens: 2, update: 10, total: 100 });
    expect(t.browser).toBeCloseTo(0.72, 12);
    expect(t.learner).toBeCloseTo(0.2, 12);
    expect(t.other).toBeCloseTo(0.08, 12);
  });

  it('older runs\' statistics, without the reference log-probs\' time, still load', () => {
    const old = {
      schemaVersion: 1, iteration: 1, cursorAfter: 2, rounds: 1, rollouts: 8, failedRollouts: 0,
      groups: { sampled: 2, informative: 2, inBatch: 2, dropped: 0, duplicated: 0 }, rolloutsSavedEstimate: 0, reward: { mean: 0.5, sd: 0.1 },
      sr: 0, csr: 0.5, meanSteps: 10, truncated: 0, entropy: 1,
      update: { skipped: false, tokens: 80, optimizerSteps: 2, loss: 0, clipFraction: 0, kl: 0, meanAbsLogRatio: 0, gradNorm: 1 },
      seconds: { rollouts: 50, policy: 5, update: 5, total: 60 },
    };
    const s = IterationStats.parse(old);
    expect(timeSplit(s.seconds).learner).toBeCloseTo(10 / 60, 12);
  });
});
