/**
 * Results per search, per site: over the searches the task generator starts from (each task's own
 * search) and over the other ways to search a superlative is proven over. Issue 15 asks for 15-60
 * options on a typical search. Prints a table; --json for JSON.
 */
import { SITES, loadArenaWorld } from '../src/sites/registry.js';
import { generatorSearches, resultCounts, summarizeCounts, type CountSummary } from '../src/tasks/search-sample.js';

const json = process.argv.includes('--json');
const n = Number(process.argv.find((a) => a.startsWith('--searches='))?.slice(11) ?? 300);
const { world } = loadArenaWorld(1);
const out: Record<string, { own: CountSummary; variants: CountSummary }> = {};
const row = (id: string, kind: string, s: CountSummary) =>
  `${id.padEnd(11)} ${kind.padEnd(9)} ${String(s.searches).padStart(6)} ${String(s.p10).padStart(4)} ${String(s.median).padStart(4)} ${String(s.p90).padStart(4)} ${String(s.min).padStart(4)} ${String(s.max).padStart(4)} ${`${Math.round(s.inRange * 100)}%`.padStart(7)} ${String(s.empty).padStart(6)}`;
const lines = [`results per search (seed 2026, ${n} task searches per site; "variants": the other searches superlatives range over)`, `${'site'.padEnd(11)} ${'searches'.padEnd(9)} ${'n'.padStart(6)} ${'p10'.padStart(4)} ${'p50'.padStart(4)} ${'p90'.padStart(4)} ${'min'.padStart(4)} ${'max'.padStart(4)} ${'15-60'.padStart(7)} ${'empty'.padStart(6)}`];
for (const site of SITES) {
  const { own, variants } = generatorSearches(site, world, 2026, n);
  const o = summarizeCounts(resultCounts(site, world, own));
  const v = summarizeCounts(resultCounts(site, world, variants));
  out[site.id] = { own: o, variants: v };
  lines.push(row(site.id, 'task', o));
  if (v.searches > 0) lines.push(row(site.id, 'variants', v));
}
process.stdout.write(json ? `${JSON.stringify(out, null, 2)}\n` : `${lines.join('\n')}\n`);
