import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { InvalidInputError } from '../../core/errors.js';
import { WEBFOUNDRY_VERSION } from '../../pipeline/run-store.js';
import { VIEWER_API_VERSION, type Comparison, type Overview } from '../api/schema.js';
import { compareRuns } from '../source/compare.js';
import type { RunSource } from '../source/run-source.js';

/** Episodes whose CSR curves the quantile plot reads at most (spread evenly over the run). */
export const MAX_CURVES = 5000;

/** The quantiles of CSR after each step, over episodes (one that ended holds its final CSR). */
export type CurveQuantiles = { steps: number[]; p10: number[]; p25: number[]; p50: number[]; p75: number[]; p90: number[]; episodes: number };

/** An ablation table as `webfoundry ablation` writes it (ablation.json), read loosely: only what the report shows. */
const Spread = z.union([z.number(), z.object({ mean: z.number(), sd: z.number() })]);
const AblationFile = z.object({
  rows: z.array(
    z.object({
      agent: z.string(),
      training: z.object({ rows: z.number(), success: z.number(), salvaged: z.number() }).nullable().optional(),
      runs: z.array(z.unknown()).optional(),
      inDomain: z.object({ sr: Spread, csr: Spread }),
      heldOut: z.object({ sr: Spread, csr: Spread }),
    }),
  ),
  config: z.object({ holdout: z.string().optional() }).passthrough().optional(),
});
export type AblationTable = { holdout: string; rows: { agent: string; training: string; seeds: number; inDomain: { sr: [number, number]; csr: [number, number] }; heldOut: { sr: [number, number]; csr: [number, number] } }[] };

export type ReportModel = {
  reportVersion: 1;
  generatedAt: string;
  webfoundry: string;
  overview: Overview;
  curves: CurveQuantiles;
  /** Final verdicts left unmet: per site, per constraint kind; and the most frequent constraints per site and episode kind. */
  unmet: { kinds: string[]; bySite: Record<string, Record<string, number>>; top: { site: string; constraint: string; constraintKind: string; total: number; byEpisodeKind: Record<string, number> }[] };
  steps: number[];
  tokens: { what: string; values: number[] };
  compare: Comparison | null;
  ablation: AblationTable | null;
};

function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function curveQuantiles(curves: readonly number[][]): CurveQuantiles {
  const used = curves.filter((c) => c.length > 0);
  const len = used.reduce((m, c) => Math.max(m, c.length), 0);
  const out: CurveQuantiles = { steps: [], p10: [], p25: [], p50: [], p75: [], p90: [], episodes: used.length };
  for (let k = 0; k < len; k++) {
    const at = used.map((c) => c[Math.min(k, c.length - 1)]!).sort((a, b) => a - b);
    out.steps.push(k);
    out.p10.push(quantile(at, 0.1));
    out.p25.push(quantile(at, 0.25));
    out.p50.push(quantile(at, 0.5));
    out.p75.push(quantile(at, 0.75));
    out.p90.push(quantile(at, 0.9));
  }
  return out;
}

function loadAblation(path: string): AblationTable {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InvalidInputError(`${path} is not a readable ablation.json (${(err as Error).message})`, { hint: 'pass the ablation.json that `webfoundry ablation --out DIR` wrote' });
  }
  const r = AblationFile.safeParse(json);
  if (!r.success) throw new InvalidInputError(`${path} is not an ablation result (${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message})`, { hint: 'pass the ablation.json that `webfoundry ablation --out DIR` wrote' });
  const ms = (s: z.infer<typeof Spread>): [number, number] => (typeof s === 'number' ? [s, 0] : [s.mean, s.sd]);
  return {
    holdout: String(r.data.config?.holdout ?? 'held-out'),
    rows: r.data.rows.map((x) => ({
      agent: x.agent,
      training: x.training ? `${x.training.rows} (${x.training.success} + ${x.training.salvaged})` : '-',
      seeds: x.runs?.length ?? 1,
      inDomain: { sr: ms(x.inDomain.sr), csr: ms(x.inDomain.csr) },
      heldOut: { sr: ms(x.heldOut.sr), csr: ms(x.heldOut.csr) },
    })),
  };
}

/** Everything the report shows, computed from the run (and the compared run, and an ablation file). */
export function reportModel(source: RunSource, o: { compare?: RunSource; ablation?: string } = {}): ReportModel {
  const overview: Overview = { apiVersion: VIEWER_API_VERSION, run: source.info(), ...source.overview() };
  const data = source.reportData(MAX_CURVES);
  const kinds = [...new Set(data.unmet.map((u) => u.constraintKind))].sort();
  const bySite: Record<string, Record<string, number>> = {};
  const top = new Map<string, ReportModel['unmet']['top'][number]>();
  for (const u of data.unmet) {
    const site = (bySite[u.site] ??= {});
    site[u.constraintKind] = (site[u.constraintKind] ?? 0) + 1;
    const key = `${u.site}\u0000${u.constraintId}`;
    const t = top.get(key) ?? { site: u.site, constraint: u.constraintId, constraintKind: u.constraintKind, total: 0, byEpisodeKind: {} };
    t.total++;
    t.byEpisodeKind[u.kind] = (t.byEpisodeKind[u.kind] ?? 0) + 1;
    top.set(key, t);
  }
  // The five constraints most often left unmet on each site.
  const topList = [...top.values()].sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : b.total - a.total));
  const perSite = new Map<string, number>();
  const kept = topList.filter((t) => {
    const n = perSite.get(t.site) ?? 0;
    perSite.set(t.site, n + 1);
    return n < 5;
  });
  const compare = o.compare ? compareRuns(source, o.compare, 50) : null;
  return {
    reportVersion: 1,
    generatedAt: new Date().toISOString(),
    webfoundry: WEBFOUNDRY_VERSION,
    overview,
    curves: curveQuantiles(data.curves),
    unmet: { kinds, bySite, top: kept },
    steps: data.steps,
    tokens: data.tokens,
    compare,
    ablation: o.ablation ? loadAblation(o.ablation) : null,
  };
}
