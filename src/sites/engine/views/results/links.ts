import { FILTER_PREFIX, type ActiveFilters } from '../../results.js';

/**
 * Where a results page lives: its own path (`/search`, or a later round's `/round/return`) with
 * `${path}/more` for the batches load more and infinite scroll add, and its listing pages'
 * base (`${listings}/:id`).
 */
export type ResultsAt = { path: string; listings: string };
export const SEARCH_RESULTS: ResultsAt = { path: '/search', listings: '/listing' };

/** The results URL of a search with these filters and sort, plus `extra` parameters (page, shown, view, panel). */
export function resultsHref(queryString: string, filters: ActiveFilters, sort: string, extra: Record<string, string | number | undefined> = {}, path = SEARCH_RESULTS.path): string {
  const q = new URLSearchParams(queryString);
  for (const [k, v] of Object.entries(filters)) for (const x of Array.isArray(v) ? v : [v]) q.append(FILTER_PREFIX + k, x);
  q.set('sort', sort);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) q.set(k, String(v));
  return `${path}?${q.toString()}`;
}

/** The filters without one of them (a tab that replaces it). */
export function without(filters: ActiveFilters, id: string): ActiveFilters {
  const out = { ...filters };
  delete out[id];
  return out;
}
