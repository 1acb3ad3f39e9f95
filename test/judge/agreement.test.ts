import { describe, expect, it } from 'vitest';
import { cohensKappa, compareVerdicts, pairVerdicts, type VerdictPair } from '../../src/judge/agreement.js';
import { judgeAgreement } from '../../src/judge/judge-run.js';
import { ScriptedProvider, task, trajectory } from './fixtures.js';

const pair = (kind: string, exact: boolean, judge: boolean, unknown = false): VerdictPair => ({ taskId: 't', constraintId: `${kind}-${exact}-${judge}`, kind, exact, judge, judgeUnknown: unknown, reason: 'r' });
const repeat = (n: number, p: VerdictPair) => Array.from({ length: n }, () => p);

describe('agreement math', () => {
  it("Cohen's kappa of the textbook example is 0.4", () => {
    // 50 items: both yes 20, judge yes / exact no 5, judge no / exact yes 10, both no 15:
    // po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4.
    expect(cohensKappa({ bothYes: 20, judgeYesExactNo: 5, judgeNoExactYes: 10, bothNo: 15 })).toBeCloseTo(0.4, 10);
  });

  it('kappa is 1 for perfect agreement on both classes, 0 at chance, null when undefined', () => {
    expect(cohensKappa({ bothYes: 3, judgeYesExactNo: 0, judgeNoExactYes: 0, bothNo: 2 })).toBeCloseTo(1, 10);
    expect(cohensKappa({ bothYes: 1, judgeYesExactNo: 1, judgeNoExactYes: 1, bothNo: 1 })).toBeCloseTo(0, 10);
    expect(cohensKappa({ bothYes: 4, judgeYesExactNo: 0, judgeNoExactYes: 0, bothNo: 0 })).toBeNull();
    expect(cohensKappa({ bothYes: 0, judgeYesExactNo: 0, judgeNoExactYes: 0, bothNo: 0 })).toBeNull();
  });

  it('reports agreement and confusion overall and per kind, with every disagreement', () => {
    const pairs = [
      ...repeat(20, pair('exact', true, true)),
      ...repeat(5, pair('exact', false, true)),
      ...repeat(10, pair('range', true, false, true)),
      ...repeat(15, pair('range', false, false)),
    ];
    const r = compareVerdicts(pairs, 7);
    expect(r.episodes).toBe(7);
    expect(r.overall).toMatchObject({ n: 50, agreed: 35, agreement: 0.7, unknown: 10, confusion: { bothYes: 20, judgeYesExactNo: 5, judgeNoExactYes: 10, bothNo: 15 } });
    expect(r.overall.kappa).toBeCloseTo(0.4, 10);
    expect(Object.keys(r.perKind)).toEqual(['exact', 'range']);
    expect(r.perKind.exact).toMatchObject({ n: 25, agreed: 20, agreement: 0.8, confusion: { bothYes: 20, judgeYesExactNo: 5, judgeNoExactYes: 0, bothNo: 0 } });
    expect(r.perKind.range).toMatchObject({ n: 25, agreed: 15, agreement: 0.6, unknown: 10 });
    expect(r.disagreements).toHaveLength(15);
    expect(r.disagreements.filter((d) => d.judge && !d.exact)).toHaveLength(5);
  });

  it('pairs by id; a constraint the judge never returned is an unknown no', () => {
    const pairs = pairVerdicts('t', [{ id: 'a', kind: 'exact', satisfied: true }, { id: 'b', kind: 'count', satisfied: false }], [{ id: 'a', satisfied: true, reason: 'seen' }]);
    expect(pairs).toEqual([
      { taskId: 't', constraintId: 'a', kind: 'exact', exact: true, judge: true, judgeUnknown: false, reason: 'seen' },
      { taskId: 't', constraintId: 'b', kind: 'count', exact: false, judge: false, judgeUnknown: true, reason: 'unknown: not judged' },
    ]);
  });
});

describe('judgeAgreement', () => {
  it('judges every trajectory up to the limit and compares with the stored exact verdicts', async () => {
    const verdicts = task.constraints.map((c, i) => ({ id: c.id, kind: c.kind, satisfied: i < 3 }));
    const ts = [trajectory(task, verdicts, 'a'), trajectory(task, verdicts, 'b'), trajectory(task, verdicts, 'c')];
    const provider = new ScriptedProvider([JSON.stringify({ verdicts: task.constraints.map((c) => ({ id: c.id, satisfied: true, reason: 'looks fine' })) })]);
    const seen: number[] = [];
    const r = await judgeAgreement(ts, provider, { limit: 2, concurrency: 2, onJudged: (done) => seen.push(done) });
    expect(provider.requests).toHaveLength(2);
    expect(seen).toEqual([1, 2]);
    expect(r.episodes).toBe(2);
    expect(r.overall).toMatchObject({ n: 10, agreed: 6, confusion: { bothYes: 6, judgeYesExactNo: 4, judgeNoExactYes: 0, bothNo: 0 } });
    expect(r.perKind.range).toMatchObject({ n: 2, agreed: 0 });
    expect(r.usage).toMatchObject({ inputTokens: 200, costUsd: 0.002 });
    expect(r.calls).toBe(2);
  });
});
