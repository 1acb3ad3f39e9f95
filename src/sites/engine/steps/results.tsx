import type { Hono } from 'hono';
import type { SiteEpisodeState } from '../../../core/schemas/episode-state.js';
import type { World } from '../../../world/world.js';
import { applyFilters, applySort, parseFilters, parseSort, parseView, revealResults } from '../results.js';
import { parseSearch, searchQueryString } from '../search-query.js';
import type { SearchParams, SiteDefinition } from '../site-definition.js';
import { HomePage } from '../views/home-page.js';
import { SEARCH_RESULTS, type ResultsAt } from '../views/results/links.js';
import { ResultItems, ResultsPage } from '../views/results-page.js';
import type { Env, FlowStep, StepKit } from './kit.js';

/**
 * The results of a search, filtered, sorted and revealed as the site's layout says (pages, load
 * more, infinite scroll, map), shown at `at` (the search's `/search`, or a later round's). The
 * page is `GET ${at.path}`; `GET ${at.path}/more` (load more, infinite scroll) returns the next
 * results as a fragment the page's script appends.
 */
export function searchResults(site: SiteDefinition, world: World, params: SearchParams, query: URLSearchParams) {
  const all = site.search(world, params);
  const filters = parseFilters(site, query);
  const sort = parseSort(site, query);
  const view = parseView(site, query);
  const filtered = applySort(applyFilters(site, all, filters), sort);
  const shown = revealResults(site, filtered, query, view);
  return { params, all, filters, sort, view, filtered, shown };
}
type Results = ReturnType<typeof searchResults>;

export function resultsBody(site: SiteDefinition, r: Results, summary: string, query: URLSearchParams, at: ResultsAt = SEARCH_RESULTS) {
  return (
    <ResultsPage
      site={site}
      params={r.params}
      summary={summary}
      queryString={searchQueryString(site, r.params)}
      all={r.all}
      shown={r.shown}
      filtered={r.filtered.length}
      filters={r.filters}
      sort={r.sort}
      view={r.view}
      filtersOpen={query.get('panel') === 'filters'}
      at={at}
    />
  );
}

/** The results a "load more" or infinite-scroll request adds: those after `from`, with how many are now shown and where the next batch is. */
export function moreBody(site: SiteDefinition, r: Results, query: URLSearchParams, at: ResultsAt = SEARCH_RESULTS): string {
  const from = Math.max(0, Math.min(r.shown.items.length, Number(query.get('from') ?? 0) || 0));
  return (
    <ResultItems site={site} items={r.shown.items.slice(from)} queryString={searchQueryString(site, r.params)} shown={r.shown} filtered={r.filtered.length} all={r.all.length} query={query} at={at} />
  ).toString();
}

/** The search the results were made for, recorded as the episode's search with how many results are revealed. */
function record(state: SiteEpisodeState, r: Results): void {
  state.search = {
    params: r.params,
    filters: r.filters,
    sort: r.sort.id,
    page: r.shown.page,
    resultCount: r.filtered.length,
    revealed: r.shown.revealed,
    view: r.view,
    seq: state.requests,
  };
}

/** The results of a search: validated on the server, filtered, sorted and revealed; recorded as the episode's search. */
export const resultsStep = (): FlowStep => ({
  id: 'results',
  entry: '/search',
  label: (site) => site.layout.steps.results,
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;
    app.get('/search', (c) => {
      const query = new URL(c.req.url).searchParams;
      const parsed = parseSearch(site, world, query);
      if (Object.keys(parsed.errors).length > 0) {
        return kit.render(c, 'search', 'Check your search', <HomePage site={site} values={parsed.raw} errors={parsed.errors} />, 422);
      }
      const r = searchResults(site, world, parsed.params, query);
      record(c.get('state'), r);
      const summary = site.wording.resultsHeading(parsed.params, r.filtered.length);
      return kit.render(c, 'results', summary, resultsBody(site, r, summary, query));
    });
    app.get('/search/more', (c) => {
      const query = new URL(c.req.url).searchParams;
      const parsed = parseSearch(site, world, query);
      if (Object.keys(parsed.errors).length > 0) return c.html('<div data-more-chunk data-error="invalid search"></div>', 422);
      const r = searchResults(site, world, parsed.params, query);
      record(c.get('state'), r);
      return c.html(moreBody(site, r, query));
    });
  },
});
