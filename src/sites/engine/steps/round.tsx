import type { Hono } from 'hono';
import { applyFilters, applySort, paginate, parseFilters, parsePage, parseSort } from '../results.js';
import { searchQueryString } from '../search-query.js';
import type { SearchParams } from '../site-definition.js';
import { MessagePage } from '../views/booking-pages.js';
import { ResultsPage } from '../views/results-page.js';
import type { Env, FlowStep, StepKit } from './kit.js';
import { registerListingPages } from './listing.js';

export type RoundOptions = {
  /** The part of the booking this round chooses: "return" (a return leg), "hotel" (a package's hotel). */
  slot: string;
  /** The step indicator's name for it ("Return flight"). */
  label: string;
  /** The round's search, made from the main one (the return leg: swapped places, the return date). */
  params(main: SearchParams): SearchParams;
  /** Whether the booking has this part (a return trip, not a one-way one). */
  when?(main: SearchParams): boolean;
};

/**
 * A further round of choosing for the same booking: its own results and listing pages, for a
 * search made from the main one (the return leg of a return trip; a package's hotel after its
 * flight). The item chosen joins the booking under its slot, and its facts under the slot's
 * name (`return.departTime`).
 */
export const roundStep = (o: RoundOptions): FlowStep => {
  const base = `/round/${o.slot}`;
  const id = `round-${o.slot}`;
  return {
    id,
    entry: base,
    label: () => o.label,
    applies: (state) => state.selection !== null && (o.when?.(state.selection.params) ?? true),
    meta: { round: o },
    register(app: Hono<Env>, kit: StepKit) {
      const { site, world } = kit;
      const paramsOf = (main: SearchParams | undefined) => (main ? o.params(main) : undefined);

      app.get(base, (c) => {
        const state = c.get('state');
        const params = paramsOf(state.selection?.params);
        if (!params) return kit.render(c, id, 'Nothing selected', <MessagePage heading="Choose your first option first" body="Search and choose an option; this page follows it." />, 409);
        const query = new URL(c.req.url).searchParams;
        const all = site.search(world, params);
        const filters = parseFilters(site, query);
        const sort = parseSort(site, query);
        const filtered = applySort(applyFilters(site, all, filters), sort);
        const { items, page, pages } = paginate(filtered, parsePage(query), site.layout.pageSize);
        const summary = `${o.label}: ${site.wording.resultsHeading(params, filtered.length)}`;
        return kit.render(
          c,
          id,
          summary,
          <ResultsPage
            site={site}
            params={params}
            summary={summary}
            queryString={searchQueryString(site, params)}
            all={all}
            shown={items}
            filtered={filtered.length}
            filters={filters}
            sort={sort}
            page={page}
            pages={pages}
            resultsPath={base}
            listingBase={`${base}/listing`}
          />,
        );
      });

      registerListingPages(app, kit, {
        stepId: id,
        base: `${base}/listing`,
        resultsPath: base,
        slot: o.slot,
        source: site,
        searchOf: (c) => {
          const params = paramsOf(c.get('state').selection?.params);
          return params ? { params } : { errors: { search: 'no main search' } };
        },
        record: (state, item) => {
          state.extraItems = [...state.extraItems.filter((x) => x.slot !== o.slot), item];
        },
        current: (state, listingId) => state.extraItems.find((x) => x.slot === o.slot && x.listingId === listingId),
      });
    },
  };
};
