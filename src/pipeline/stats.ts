import type { RunStore } from './run-store.js';

export const CSR_BINS = ['0', '(0,0.25)', '[0.25,0.5)', '[0.5,0.75)', '[0.75,1)', '1'] as const;

/**
 * `episodes` counts every stored episode; `errors` those that errored (something other than the
 * agent failed inside them, status "error"). Errored episodes are not agent failures: SR, CSR,
 * the histogram and the step counts are over the others, and a resume runs them again.
 */
export type Stats = {
  episodes: number;
  successes: number;
  sr: number;
  meanCsr: number;
  /** Episodes per final-CSR bin (CSR_BINS). */
  csrHistogram: number[];
  /** Dataset rows (trajectories) and training examples (steps) from successes and salvaged partials. */
  rows: { success: number; salvaged: number };
  examples: { success: number; salvaged: number };
  /** (success + salvaged rows) / success rows: how much salvage grows the data (paper's claim). */
  expansion: number | null;
  meanSteps: number;
  medianSteps: number;
  errors: number;
  /** Model tokens and cost summed over the episodes (LLM teachers; zero for the scripted one). */
  usage: { inputTokens: number; outputTokens: number; costUsd: number };
};

export type RunStats = { overall: Stats; bySite: Record<string, Stats> };

function bin(csr: number): number {
  if (csr <= 0) return 0;
  if (csr >= 1) return 5;
  return csr < 0.25 ? 1 : csr < 0.5 ? 2 : csr < 0.75 ? 3 : 4;
}

function stats(all: ReturnType<RunStore['outcomes']>, rows: { kind: string; steps: number }[]): Stats {
  const outcomes = all.filter((o) => o.status !== 'error');
  const n = outcomes.length;
  const steps = outcomes.map((o) => o.steps).sort((a, b) => a - b);
  const hist = CSR_BINS.map(() => 0);
  for (const o of outcomes) hist[bin(o.csr)]!++;
  const count = (k: string) => rows.filter((r) => r.kind === k).length;
  const ex = (k: string) => rows.filter((r) => r.kind === k).reduce((s, r) => s + r.steps, 0);
  const successes = outcomes.filter((o) => o.sr).length;
  return {
    episodes: all.length,
    successes,
    sr: n ? successes / n : 0,
    meanCsr: n ? outcomes.reduce((s, o) => s + o.csr, 0) / n : 0,
    csrHistogram: hist,
    rows: { success: count('success'), salvaged: count('salvaged') },
    examples: { success: ex('success'), salvaged: ex('salvaged') },
    expansion: count('success') ? (count('success') + count('salvaged')) / count('success') : null,
    meanSteps: n ? steps.reduce((s, x) => s + x, 0) / n : 0,
    medianSteps: n ? steps[Math.floor((n - 1) / 2)]! : 0,
    errors: all.length - n,
    usage: {
      inputTokens: all.reduce((n, o) => n + (o.usage?.inputTokens ?? 0), 0),
      outputTokens: all.reduce((n, o) => n + (o.usage?.outputTokens ?? 0), 0),
      costUsd: all.reduce((n, o) => n + (o.usage?.costUsd ?? 0), 0),
    },
  };
}

/** Episodes, SR, CSR histogram, training examples from successes vs salvaged partials, steps; per site and overall. */
export function runStats(store: RunStore): RunStats {
  const outcomes = store.outcomes();
  const rows = store.rows().map((r) => ({ site: r.task.site, kind: r.kind, steps: r.steps.length }));
  const sites = [...new Set(outcomes.map((o) => o.site))];
  return {
    overall: stats(outcomes, rows),
    bySite: Object.fromEntries(sites.map((s) => [s, stats(outcomes.filter((o) => o.site === s), rows.filter((r) => r.site === s))])),
  };
}
