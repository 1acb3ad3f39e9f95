import type { SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import { applyFilters, applySort, parseFilters, parseSort, parseView, revealResults } from './results.js';
import { parseSearch, searchQueryString, type ParsedSearch } from './search-query.js';
import type { SiteDefinition } from './site-definition.js';
import { ResultItems, ResultsPage } from './views/results-page.js';

/**
 * The results step's logic, apart from routing: a search validated, filtered, sorted and revealed
 * as the site's layout says (pages, load more, infinite scroll, map), recorded as the episode's
 * search. `GET /search` renders the page; `GET /search/more` (load more, infinite scroll) returns
 * the next results as a fragment the page's script appends, and records how many are revealed.
 */

export type ResultsOutcome = { kind: 'invalid'; parsed: ParsedSearch } | { kind: 'page'; title: string; body: unknown };

type Query = URLSearchParams;

function compute(site: SiteDefinition, world: World, query: Query) {
  const parsed = parseSearch(site, world, query);
  if (Object.keys(parsed.errors).length > 0) return { parsed, ok: false as const };
  const all = site.search(world, parsed.params);
  const filters = parseFilters(site, query);
  const sort = parseSort(site, query);
  const view = parseView(site, query);
  const filtered = applySort(applyFilters(site, all, filters), sort);
  const shown = revealResults(site, filtered, query, view);
  return { parsed, ok: true as const, all, filters, sort, view, filtered, shown };
}

function record(state: SiteEpisodeState, r: Extract<ReturnType<typeof compute>, { ok: true }>): void {
  state.search = {
    params: r.parsed.params,
    filters: r.filters,
    sort: r.sort.id,
    page: r.shown.page,
    resultCount: r.filtered.length,
    revealed: r.shown.revealed,
    view: r.view,
    seq: state.requests,
  };
}

/** The results page of a search, or the search form's errors. */
export function resultsPage(site: SiteDefinition, world: World, state: SiteEpisodeState, query: Query): ResultsOutcome {
  const r = compute(site, world, query);
  if (!r.ok) return { kind: 'invalid', parsed: r.parsed };
  record(state, r);
  const summary = site.wording.resultsHeading(r.parsed.params, r.filtered.length);
  const body = (
    <ResultsPage
      site={site}
      params={r.parsed.params}
      summary={summary}
      queryString={searchQueryString(site, r.parsed.params)}
      all={r.all}
      shown={r.shown}
      filtered={r.filtered.length}
      filters={r.filters}
      sort={r.sort}
      view={r.view}
      filtersOpen={query.get('panel') === 'filters'}
    />
  );
  return { kind: 'page', title: summary, body };
}

/**
 * The results a "load more" or infinite-scroll request adds: those after `from` up to `shown`,
 * as list items inside a fragment that also says how many are now shown and where the next batch
 * is. 422 with an empty fragment when the search is invalid.
 */
export function moreResults(site: SiteDefinition, world: World, state: SiteEpisodeState, query: Query): { status: 200 | 422; html: string } {
  const r = compute(site, world, query);
  if (!r.ok) return { status: 422, html: '<div data-more-chunk data-error="invalid search"></div>' };
  record(state, r);
  const from = Math.max(0, Math.min(r.shown.items.length, Number(query.get('from') ?? 0) || 0));
  const fragment = <ResultItems site={site} items={r.shown.items.slice(from)} queryString={searchQueryString(site, r.parsed.params)} shown={r.shown} filtered={r.filtered.length} all={r.all.length} query={query} />;
  return { status: 200, html: fragment.toString() };
}
