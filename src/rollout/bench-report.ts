import { tInterval, wilsonInterval } from '../core/intervals.js';
import { BENCH_REPORT_SCHEMA_VERSION, type BenchReport, type BenchRow } from '../core/schemas/bench-report.js';
import { schemaTask } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';

/** A benchmarked episode's task (an open-web exploration is refused: it is not scored exactly). */
const taskOf = (t: Trajectory) => schemaTask(t.header.task, 'the bench report');

const TIER_ORDER = ['easy', 'medium', 'hard'];

/** One episode as the table counts it: success, the CSR of the group's constraints, steps and tokens. */
type Counted = { sr: boolean; csr: number; steps: number; tokens: number | undefined };

function row(all: readonly { errored: boolean; value: Counted }[]): BenchRow {
  const scored = all.filter((e) => !e.errored).map((e) => e.value);
  const n = scored.length;
  const successes = scored.filter((e) => e.sr).length;
  const sr = wilsonInterval(successes, n);
  const csrs = scored.map((e) => e.csr);
  const csr = tInterval(csrs);
  const withTokens = scored.filter((e) => e.tokens !== undefined);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  return {
    episodes: all.length,
    errors: all.length - n,
    sr: n ? successes / n : 0,
    srLow: sr.low,
    srHigh: sr.high,
    csr: mean(csrs),
    csrLow: csr.low,
    csrHigh: csr.high,
    meanSteps: mean(scored.map((e) => e.steps)),
    meanTokens: withTokens.length ? mean(withTokens.map((e) => e.tokens!)) : null,
  };
}

const tokensOf = (t: Trajectory) => (t.end.usage ? t.end.usage.inputTokens + t.end.usage.outputTokens : undefined);

/**
 * The benchmark table of a run: SR and CSR with 95% intervals, mean steps and tokens, overall,
 * per site, per tier and per constraint kind. Per kind, the group is the episodes whose task has
 * a constraint of that kind; their SR, and as CSR the share of that kind's constraints each
 * episode met (from its final verdicts), averaged.
 */
export function benchReport(ts: readonly Trajectory[]): BenchReport {
  const whole = (t: Trajectory) => ({ errored: t.end.status === 'error', value: { sr: t.end.evaluation.sr, csr: t.end.evaluation.csr, steps: t.end.steps, tokens: tokensOf(t) } });
  const groupBy = (key: (t: Trajectory) => string, order?: string[]) => {
    const keys = [...new Set(ts.map(key))].sort((a, b) => (order ? order.indexOf(a) - order.indexOf(b) : 0));
    return Object.fromEntries(keys.map((k) => [k, row(ts.filter((t) => key(t) === k).map(whole))]));
  };
  const kinds = [...new Set(ts.flatMap((t) => taskOf(t).constraints.map((c) => c.kind)))].sort();
  const byKind = Object.fromEntries(
    kinds.map((kind) => {
      const mine = ts.filter((t) => taskOf(t).constraints.some((c) => c.kind === kind));
      return [
        kind,
        row(
          mine.map((t) => {
            const verdicts = t.end.evaluation.verdicts.filter((v) => v.kind === kind);
            // An errored episode has its verdicts too (all unmet); it is left out by `row` anyway.
            const met = verdicts.filter((v) => v.satisfied).length;
            return { errored: t.end.status === 'error', value: { sr: t.end.evaluation.sr, csr: verdicts.length ? met / verdicts.length : 0, steps: t.end.steps, tokens: tokensOf(t) } };
          }),
        ),
      ];
    }),
  );
  return {
    schemaVersion: BENCH_REPORT_SCHEMA_VERSION,
    intervals: 'SR: Wilson score 95%; CSR: Student t 95% over episodes',
    overall: row(ts.map(whole)),
    bySite: groupBy((t) => t.header.task.site),
    byTier: groupBy((t) => taskOf(t).metadata.difficulty, TIER_ORDER),
    byKind,
  };
}
