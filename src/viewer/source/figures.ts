import { CSR_BINS } from '../../pipeline/stats.js';
import type { SiteFigures } from '../api/schema.js';

/** One episode's outcome as the figures need it, in task order. */
export type Outcome = { site: string; status: string; csr: number; sr: boolean; steps: number; usage?: { inputTokens: number; outputTokens: number; costUsd: number } | undefined };
/** One dataset row: its site, kind and number of steps (training examples). */
export type RowFigure = { site: string; kind: string; steps: number };

function bin(csr: number): number {
  if (csr <= 0) return 0;
  if (csr >= 1) return 5;
  return csr < 0.25 ? 1 : csr < 0.5 ? 2 : csr < 0.75 ? 3 : 4;
}

/**
 * The figures `webfoundry stats` prints (src/pipeline/stats.ts), computed the same way (sums in
 * task order, the same bins and median) but from columns only, so a run of 100,000 episodes is
 * summed without parsing its trajectories or dataset rows. The viewer's test checks the two agree.
 */
export function figures(outcomes: readonly Outcome[], rows: readonly RowFigure[]): SiteFigures {
  const n = outcomes.length;
  const steps = outcomes.map((o) => o.steps).sort((a, b) => a - b);
  const hist = CSR_BINS.map(() => 0);
  for (const o of outcomes) hist[bin(o.csr)]!++;
  let success = 0;
  let salvaged = 0;
  let exSuccess = 0;
  let exSalvaged = 0;
  for (const r of rows) {
    if (r.kind === 'success') (success++, (exSuccess += r.steps));
    else if (r.kind === 'salvaged') (salvaged++, (exSalvaged += r.steps));
  }
  const successes = outcomes.filter((o) => o.sr).length;
  return {
    episodes: n,
    successes,
    sr: n ? successes / n : 0,
    meanCsr: n ? outcomes.reduce((s, o) => s + o.csr, 0) / n : 0,
    csrHistogram: hist,
    rows: { success, salvaged },
    examples: { success: exSuccess, salvaged: exSalvaged },
    expansion: success ? (success + salvaged) / success : null,
    meanSteps: n ? steps.reduce((s, x) => s + x, 0) / n : 0,
    medianSteps: n ? steps[Math.floor((n - 1) / 2)]! : 0,
    errors: outcomes.filter((o) => o.status === 'error').length,
    usage: {
      inputTokens: outcomes.reduce((s, o) => s + (o.usage?.inputTokens ?? 0), 0),
      outputTokens: outcomes.reduce((s, o) => s + (o.usage?.outputTokens ?? 0), 0),
      costUsd: outcomes.reduce((s, o) => s + (o.usage?.costUsd ?? 0), 0),
    },
    dropped: n - success - salvaged,
  };
}

/** Figures overall and per site (sites in order of first appearance, as `stats` lists them). */
export function figuresBySite(outcomes: readonly Outcome[], rows: readonly RowFigure[]): { overall: SiteFigures; bySite: Record<string, SiteFigures> } {
  const sites = [...new Set(outcomes.map((o) => o.site))];
  return {
    overall: figures(outcomes, rows),
    bySite: Object.fromEntries(sites.map((s) => [s, figures(outcomes.filter((o) => o.site === s), rows.filter((r) => r.site === s))])),
  };
}
