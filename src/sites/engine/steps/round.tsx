import type { Hono } from 'hono';
import type { FilterSpec, SearchParams, SiteDefinition, SortSpec } from '../site-definition.js';
import { MessagePage } from '../views/booking-pages.js';
import { moreBody, resultsBody, searchResults } from './results.js';
import type { Env, FlowStep, StepKit } from './kit.js';
import { registerListingPages } from './listing.js';

export type RoundOptions = {
  /** The part of the booking this round chooses: "return" (a return leg), "hotel" (a package's hotel). */
  slot: string;
  /** The step indicator's name for it ("Return flight"). */
  label: string;
  /**
   * The round's search, made from the main one (the return leg: swapped places, the return date)
   * and, where the round depends on it, the listing chosen there (a cruise's excursions).
   */
  params(main: SearchParams, mainListingId?: string): SearchParams;
  /** Whether the booking has this part (a return trip, not a one-way one). */
  when?(main: SearchParams): boolean;
  /**
   * The round's own filters and sorts when its results are another kind of listing than the
   * main search's (a package's flights after its hotel); default: the site's.
   */
  filters?: FilterSpec[];
  sorts?: SortSpec[];
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
    // A return trip is not booked without its way back, nor a package without its flights: the
    // later steps send the visitor here until this round's choice is made (a new main choice
    // drops it, as it was for the old one).
    done: (state) => state.extraItems.some((x) => x.slot === o.slot),
    meta: { round: o },
    register(app: Hono<Env>, kit: StepKit) {
      const { world } = kit;
      // The results of this round, filtered and sorted as the round says.
      const site: SiteDefinition = { ...kit.site, filters: o.filters ?? kit.site.filters, sorts: o.sorts ?? kit.site.sorts };
      const paramsOf = (main: { params: SearchParams; listingId: string } | null | undefined) => (main ? o.params(main.params, main.listingId) : undefined);

      const at = { path: base, listings: `${base}/listing` };
      app.get(base, (c) => {
        const state = c.get('state');
        const params = paramsOf(state.selection);
        if (!params) return kit.render(c, id, 'Nothing selected', <MessagePage heading="Choose your first option first" body="Search and choose an option; this page follows it." />, 409);
        const query = new URL(c.req.url).searchParams;
        const r = searchResults(site, world, params, query);
        const summary = `${o.label}: ${site.wording.resultsHeading(params, r.filtered.length)}`;
        return kit.render(c, id, summary, resultsBody(site, r, summary, query, at));
      });
      // The next results of load more and infinite scroll.
      app.get(`${base}/more`, (c) => {
        const params = paramsOf(c.get('state').selection);
        if (!params) return c.html('<div data-more-chunk data-error="nothing selected"></div>', 409);
        const query = new URL(c.req.url).searchParams;
        return c.html(moreBody(site, searchResults(site, world, params, query), query, at));
      });

      registerListingPages(app, kit, {
        stepId: id,
        base: `${base}/listing`,
        resultsPath: base,
        slot: o.slot,
        source: kit.site,
        searchOf: (c) => {
          const params = paramsOf(c.get('state').selection);
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
