import { VIEWER_API_VERSION, type Comparison } from '../api/schema.js';
import type { RunSource, TaskOutcome } from './run-source.js';

type Score = { episodes: number; sr: number; csr: number };
const score = (xs: readonly TaskOutcome[]): Score => ({
  episodes: xs.length,
  sr: xs.length ? xs.filter((x) => x.sr).length / xs.length : 0,
  csr: xs.length ? xs.reduce((s, x) => s + x.csr, 0) / xs.length : 0,
});
const side = (x: TaskOutcome) => ({ episodeId: x.episodeId, sr: x.sr, csr: x.csr, steps: x.steps, status: x.status });

/**
 * Two runs on the tasks they share (same task id): SR and CSR per site over those tasks only,
 * and every shared task whose outcome differs, the largest CSR gap first.
 */
export function compareRuns(a: RunSource, b: RunSource, limit = 500): Comparison {
  const left = new Map(a.outcomes().map((o) => [o.taskId, o]));
  const right = new Map(b.outcomes().map((o) => [o.taskId, o]));
  const pairs = [...left.values()].filter((o) => right.has(o.taskId)).map((o) => [o, right.get(o.taskId)!] as const);
  const sites = [...new Set(pairs.map(([x]) => x.site))];
  const differ = pairs
    .filter(([x, y]) => x.sr !== y.sr || x.csr !== y.csr)
    .sort((p, q) => Math.abs(q[0].csr - q[1].csr) - Math.abs(p[0].csr - p[1].csr))
    .slice(0, limit)
    .map(([x, y]) => ({ taskId: x.taskId, site: x.site, instruction: x.instruction, a: side(x), b: side(y) }));
  return {
    apiVersion: VIEWER_API_VERSION,
    a: a.info(),
    b: b.info(),
    shared: pairs.length,
    onlyA: left.size - pairs.length,
    onlyB: right.size - pairs.length,
    overall: { a: score(pairs.map((p) => p[0])), b: score(pairs.map((p) => p[1])) },
    bySite: Object.fromEntries(sites.map((s) => [s, { a: score(pairs.filter((p) => p[0].site === s).map((p) => p[0])), b: score(pairs.filter((p) => p[0].site === s).map((p) => p[1])) }])),
    differ,
  };
}
