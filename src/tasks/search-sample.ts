import type { Difficulty } from '../core/schemas/task.js';
import type { SearchParams, SiteDefinition } from '../sites/engine/site-definition.js';
import type { World } from '../world/world.js';
import { taskRng } from './generate-task.js';
import { searchVariants } from './superlative.js';

const TIERS: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/**
 * The searches the task generator starts `n` tasks from (each task's own search, drawn exactly
 * as `generateTask` draws it), and the searches a superlative over them may be proven over
 * (every way to search that no constraint pins: `searchVariants` with nothing pinned).
 */
export function generatorSearches(site: SiteDefinition, world: World, seed: number, n: number): { own: SearchParams[]; variants: SearchParams[] } {
  const own: SearchParams[] = [];
  const variants: SearchParams[] = [];
  for (let i = 0; i < n; i++) {
    const params = site.exampleSearch(world, taskRng(site.id, seed, i, TIERS[i % TIERS.length]!).fork('search'));
    own.push(params);
    variants.push(...(searchVariants(site, params, new Set()) ?? []).filter((v) => JSON.stringify(v) !== JSON.stringify(params)));
  }
  return { own, variants };
}

export type CountSummary = { searches: number; p10: number; median: number; p90: number; min: number; max: number; empty: number; inRange: number };

/** Results per search (every listing the search finds, sold out or not), summarised; `inRange` is the share in [lo, hi]. */
export function summarizeCounts(counts: readonly number[], lo = 15, hi = 60): CountSummary {
  const s = [...counts].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  return {
    searches: s.length,
    p10: at(0.1),
    median: at(0.5),
    p90: at(0.9),
    min: s[0] ?? 0,
    max: s[s.length - 1] ?? 0,
    empty: s.filter((n) => n === 0).length,
    inRange: s.length === 0 ? 0 : Math.round((1000 * s.filter((n) => n >= lo && n <= hi).length) / s.length) / 1000,
  };
}

export function resultCounts(site: SiteDefinition, world: World, searches: readonly SearchParams[]): number[] {
  return searches.map((p) => site.search(world, p).length);
}
