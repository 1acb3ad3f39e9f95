import type { Trajectory } from '../core/schemas/trajectory.js';

/**
 * `episodes` counts every episode, `errors` those that errored (status "error": something other
 * than the agent failed inside them). Errored episodes are not the agent's failures: SR, CSR and
 * steps are over the others.
 */
export type Score = { episodes: number; sr: number; csr: number; meanSteps: number; errors: number };
export type RunSummary = { overall: Score; bySite: Record<string, Score> };

function score(all: readonly Trajectory[]): Score {
  const ts = all.filter((t) => t.end.status !== 'error');
  const n = ts.length;
  const sum = (f: (t: Trajectory) => number) => ts.reduce((s, t) => s + f(t), 0);
  return {
    episodes: all.length,
    sr: n ? sum((t) => (t.end.evaluation.sr ? 1 : 0)) / n : 0,
    csr: n ? sum((t) => t.end.evaluation.csr) / n : 0,
    meanSteps: n ? sum((t) => t.end.steps) / n : 0,
    errors: all.length - n,
  };
}

/** SR, mean CSR and mean steps per site and overall. */
export function summarize(ts: readonly Trajectory[]): RunSummary {
  const sites = [...new Set(ts.map((t) => t.header.task.site))];
  return { overall: score(ts), bySite: Object.fromEntries(sites.map((s) => [s, score(ts.filter((t) => t.header.task.site === s))])) };
}
