import type { Hono } from 'hono';
import { applyFilters, applySort, paginate, parseFilters, parsePage, parseSort } from '../results.js';
import { parseSearch, searchQueryString } from '../search-query.js';
import { HomePage } from '../views/home-page.js';
import { ResultsPage } from '../views/results-page.js';
import type { Env, FlowStep, StepKit } from './kit.js';

/** The results of a search: validated on the server, filtered, sorted and paged; recorded as the episode's search. */
export const resultsStep = (): FlowStep => ({
  id: 'results',
  entry: '/search',
  label: (site) => site.layout.steps.results,
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;
    app.get('/search', (c) => {
      const state = c.get('state');
      const query = new URL(c.req.url).searchParams;
      const parsed = parseSearch(site, world, query);
      if (Object.keys(parsed.errors).length > 0) {
        return kit.render(c, 'search', 'Check your search', <HomePage site={site} values={parsed.raw} errors={parsed.errors} />, 422);
      }
      const all = site.search(world, parsed.params);
      const filters = parseFilters(site, query);
      const sort = parseSort(site, query);
      const filtered = applySort(applyFilters(site, all, filters), sort);
      const { items, page, pages } = paginate(filtered, parsePage(query), site.layout.pageSize);
      state.search = { params: parsed.params, filters, sort: sort.id, page, resultCount: filtered.length, seq: state.requests };
      const summary = site.wording.resultsHeading(parsed.params, filtered.length);
      return kit.render(
        c,
        'results',
        summary,
        <ResultsPage
          site={site}
          params={parsed.params}
          summary={summary}
          queryString={searchQueryString(site, parsed.params)}
          all={all}
          shown={items}
          filtered={filtered.length}
          filters={filters}
          sort={sort}
          page={page}
          pages={pages}
        />,
      );
    });
  },
});
