import { FILTER_PREFIX, type ActiveFilters } from '../../results.js';

/** The results URL of a search with these filters and sort, plus `extra` parameters (page, shown, view, panel). */
export function resultsHref(queryString: string, filters: ActiveFilters, sort: string, extra: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams(queryString);
  for (const [k, v] of Object.entries(filters)) for (const x of Array.isArray(v) ? v : [v]) q.append(FILTER_PREFIX + k, x);
  q.set('sort', sort);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) q.set(k, String(v));
  return `/search?${q.toString()}`;
}

/** The filters without one of them (a tab that replaces it). */
export function without(filters: ActiveFilters, id: string): ActiveFilters {
  const out = { ...filters };
  delete out[id];
  return out;
}
