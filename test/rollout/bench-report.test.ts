import { describe, expect, it } from 'vitest';
import { t975, tInterval, wilsonInterval } from '../../src/core/intervals.js';
import { BenchReport } from '../../src/core/schemas/bench-report.js';
import type { BookingTask, Constraint } from '../../src/core/schemas/task.js';
import type { Trajectory } from '../../src/core/schemas/trajectory.js';
import { benchReport } from '../../src/rollout/bench-report.js';
import { benchTables } from '../../src/cli/commands/bench.js';

/** A task of `site` and `tier` with constraints of the given kinds (only what the table reads). */
function task(id: string, site: string, tier: 'easy' | 'medium' | 'hard', kinds: Constraint['kind'][]): BookingTask {
  return {
    schemaVersion: 2,
    id,
    site,
    instruction: 'x',
    constraints: kinds.map((kind, i) => ({ id: `${kind}-${i}`, kind, stage: 'search', phrase: 'p', ...(kind === 'booked' ? {} : { field: 'f', value: 'v' }) }) as Constraint),
    target: { params: {}, listingId: 'l', choices: {}, attrs: {}, travellers: [], contact: {}, extras: {} },
    metadata: { seed: 1, worldSeed: 1, worldVersion: 2, difficulty: tier, split: 'test', templateIds: [] },
  };
}

/** An episode of `t` that met the constraints flagged in `met` (in order), in `steps` steps. */
function episode(t: BookingTask, met: boolean[], steps: number, o: { error?: boolean; tokens?: [number, number] } = {}): Trajectory {
  const verdicts = t.constraints.map((c, i) => ({ id: c.id, kind: c.kind, satisfied: met[i]!, evidence: null }));
  const csr = met.filter(Boolean).length / met.length;
  return {
    header: { type: 'header', schemaVersion: 1, episodeId: `e-${t.id}`, agent: { name: 'scripted' }, task: t, startedAt: '2026-12-03T00:00:00Z' },
    steps: [],
    end: {
      type: 'end',
      status: o.error ? 'error' : 'stopped',
      answer: null,
      error: o.error ? 'browser lost' : null,
      steps,
      durationMs: 1,
      evaluation: { csr, sr: csr === 1, booked: csr === 1, curve: [], bestCsr: csr, firstBestIndex: 0, verdicts },
      ...(o.tokens ? { usage: { inputTokens: o.tokens[0], outputTokens: o.tokens[1], costUsd: 0, cachedCalls: 0 } } : {}),
      attempts: 1,
    },
  };
}

describe('95% intervals, against values computed by hand (python3, z = 1.959964)', () => {
  it('Wilson score interval', () => {
    const a = wilsonInterval(3, 4);
    expect(a.low).toBeCloseTo(0.300642, 5);
    expect(a.high).toBeCloseTo(0.954413, 5);
    expect(wilsonInterval(0, 5)).toEqual({ low: 0, high: expect.closeTo(0.434482, 5) });
    expect(wilsonInterval(5, 5).low).toBeCloseTo(0.565518, 5);
    expect(wilsonInterval(5, 5).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it("Student's t quantiles: the table and the expansion past 30 degrees of freedom", () => {
    expect(t975(3)).toBeCloseTo(3.182446, 6);
    expect(t975(30)).toBeCloseTo(2.042272, 6);
    // R: qt(0.975, c(31, 60, 120, 1000))
    expect(t975(31)).toBeCloseTo(2.039513, 5);
    expect(t975(60)).toBeCloseTo(2.000298, 5);
    expect(t975(120)).toBeCloseTo(1.97993, 5);
    expect(t975(1000)).toBeCloseTo(1.962339, 5);
  });

  it('t interval of a mean, clipped to [0, 1]', () => {
    // mean 0.625, s = 0.322749, s/√4 = 0.161374, t(3) = 3.182446: 0.625 ± 0.513565
    const i = tInterval([1, 0.5, 0.75, 0.25]);
    expect(i.low).toBeCloseTo(0.111435, 5);
    expect(i.high).toBe(1);
    expect(tInterval([0.5, 0.5, 0.5])).toEqual({ low: 0.5, high: 0.5 });
    expect(tInterval([0.4])).toEqual({ low: 0, high: 1 });
  });
});

describe('the benchmark table', () => {
  // Two sites, three tiers. a1: 3 of 3 met; a2: 1 of 2 met; b1: 2 of 4 met; b2: errored; b3: 4 of 4 met.
  const a1 = task('a1', 'skyhop', 'easy', ['exact', 'count', 'booked']);
  const a2 = task('a2', 'skyhop', 'medium', ['exact', 'booked']);
  const b1 = task('b1', 'staywell', 'hard', ['exact', 'range', 'range', 'booked']);
  const b2 = task('b2', 'staywell', 'hard', ['exact', 'booked']);
  const b3 = task('b3', 'staywell', 'easy', ['exact', 'range', 'count', 'booked']);
  const ts = [
    episode(a1, [true, true, true], 10),
    episode(a2, [true, false], 20),
    episode(b1, [true, true, false, false], 30),
    episode(b2, [false, false], 0, { error: true }),
    episode(b3, [true, true, true, true], 12),
  ];
  const r = benchReport(ts);

  it('is a valid report (its schema) with every group', () => {
    expect(BenchReport.parse(r)).toEqual(r);
    expect(Object.keys(r.bySite)).toEqual(['skyhop', 'staywell']);
    expect(Object.keys(r.byTier)).toEqual(['easy', 'medium', 'hard']);
    expect(Object.keys(r.byKind)).toEqual(['booked', 'count', 'exact', 'range']);
  });

  it('overall: errored episodes counted apart and left out of every figure', () => {
    // Scored: a1 (SR, CSR 1), a2 (CSR 0.5), b1 (CSR 0.5), b3 (SR, CSR 1).
    expect(r.overall).toMatchObject({ episodes: 5, errors: 1, sr: 0.5, csr: 0.75, meanSteps: 18, meanTokens: null });
    expect(r.overall.srLow).toBeCloseTo(wilsonInterval(2, 4).low, 12);
    // CSR [1, .5, .5, 1]: mean .75, s = 0.288675, s/2 = 0.144338, t(3) = 3.182446: ± 0.459346
    expect(r.overall.csrLow).toBeCloseTo(0.290654, 5);
    expect(r.overall.csrHigh).toBe(1);
  });

  it('per site and per tier', () => {
    expect(r.bySite.skyhop).toMatchObject({ episodes: 2, errors: 0, sr: 0.5, csr: 0.75, meanSteps: 15 });
    expect(r.bySite.staywell).toMatchObject({ episodes: 3, errors: 1, sr: 0.5, csr: 0.75, meanSteps: 21 });
    expect(r.byTier.easy).toMatchObject({ episodes: 2, sr: 1, csr: 1, csrLow: 1, csrHigh: 1 });
    expect(r.byTier.hard).toMatchObject({ episodes: 2, errors: 1, sr: 0, csr: 0.5, csrLow: 0, csrHigh: 1 });
  });

  it('per kind: the episodes whose task has one, and the share of that kind met in each', () => {
    // range: b1 met 1 of 2 (0.5), b3 met 1 of 1 (1): mean 0.75; SR of those two episodes: 1 of 2.
    expect(r.byKind.range).toMatchObject({ episodes: 2, errors: 0, sr: 0.5, csr: 0.75 });
    // t(1) = 12.706205, s = 0.353553, s/√2 = 0.25: the interval is all of [0, 1].
    expect(r.byKind.range).toMatchObject({ csrLow: 0, csrHigh: 1 });
    // exact: met in a1, a2, b1, b3 (b2 errored): CSR 1, no spread.
    expect(r.byKind.exact).toMatchObject({ episodes: 5, errors: 1, sr: 0.5, csr: 1, csrLow: 1, csrHigh: 1 });
    // booked: a2 and b1 did not book.
    expect(r.byKind.booked).toMatchObject({ episodes: 5, csr: 0.5 });
    expect(r.byKind.count).toMatchObject({ episodes: 2, sr: 1, csr: 1 });
  });

  it('mean tokens of the episodes that used a model', () => {
    const withTokens = benchReport([episode(a1, [true, true, true], 4, { tokens: [1000, 200] }), episode(a2, [true, true], 6, { tokens: [3000, 600] })]);
    expect(withTokens.overall.meanTokens).toBe(2400);
    expect(benchTables(withTokens)).toMatch(/│ overall +│ 2 +│ 1\.00 +│ \[0\.34, 1\.00\] +│ 1\.00 +│ \[1\.00, 1\.00\] +│ 5\.0 +│ 2400 +│ 0 +│/);
  });

  it('prints a table per site, tier and kind, with "-" for tokens of an agent without a model', () => {
    const text = benchTables(r);
    expect(text).toMatch(/│ skyhop +│ 2 +│ 0\.50 +│ \[0\.09, 0\.91\] +│ 0\.75 +│/);
    expect(text).toMatch(/│ overall +│ 5 +│ 0\.50 +│ \[0\.15, 0\.85\] +│ 0\.75 +│ \[0\.29, 1\.00\] +│ 18\.0 +│ - +│ 1 +│/);
    expect(text).toMatch(/│ hard +│/);
    expect(text).toMatch(/│ range +│ 2 +│/);
    expect(text).toMatch(/Wilson/);
  });
});
