import type { Hono } from 'hono';
import type { SelectionState, SiteEpisodeState } from '../../../core/schemas/episode-state.js';
import { pickChoices, selectionAttrs } from '../flow.js';
import { parseSearch, searchQueryString } from '../search-query.js';
import type { ListingDetail, SearchParams, SiteDefinition } from '../site-definition.js';
import { MessagePage } from '../views/booking-pages.js';
import { ListingPage } from '../views/listing-page.js';
import type { Chosen } from '../views/option-groups.js';
import { formBodyAll, type C, type Env, type FlowStep, type Status, type StepKit } from './kit.js';
import { priceOfEpisode } from './pricing.js';

/** Where a listing page's options come from: the site itself, or (a bundle's second part) another inventory. */
export type ListingSource = Pick<SiteDefinition, 'detail' | 'whyUnavailable' | 'travellerCount'> & { searchFields: SiteDefinition['searchFields'] };

/** How a listing page is set up: its path, how its search is read, and what choosing does. */
export type ListingPagesOptions = {
  stepId: string;
  /** The listing page is `${base}/:id`. */
  base: string;
  /** The results this page goes back to. */
  resultsPath: string;
  slot: string;
  source: ListingSource;
  /** The search the page is for: from its query (the main search) or derived (a return leg). */
  searchOf(c: C, site: SiteDefinition): { params: SearchParams } | { errors: Record<string, string> };
  /** Where the choice lands: replace the selection, add a cart item, set a round's item. */
  record(state: SiteEpisodeState, item: SelectionState): void;
  /** The choice already made for this listing, to show it checked. */
  current(state: SiteEpisodeState, listingId: string): SelectionState | undefined;
};

const chosenOf = (item: SelectionState | undefined): Chosen => {
  const chosen: Chosen = { choices: {}, quantities: {} };
  for (const o of item?.options ?? []) {
    (chosen.choices[o.groupId] ??= []).push(o.choiceId);
    chosen.quantities[`${o.groupId}/${o.choiceId}`] = o.quantity ?? 1;
  }
  return chosen;
};

/** Registers a listing page and its choice: shared by the main listing step, rounds and the cart. */
export function registerListingPages(app: Hono<Env>, kit: StepKit, o: ListingPagesOptions): void {
  const { site, world } = kit;
  const page = (c: C, chosen: Chosen, errors: Record<string, string>, status: Status): { error: Response | Promise<Response> } | { page: Response | Promise<Response>; detail: ListingDetail; params: SearchParams } => {
    const id = c.req.param('id') ?? '';
    const search = o.searchOf(c, site);
    if ('errors' in search) {
      return { error: kit.render(c, 'search', 'Search needed', <MessagePage heading="Your search is incomplete" body="Start a new search to see this offer with your dates and party." />, 400) };
    }
    const detail = o.source.detail(world, search.params, id);
    if (!detail) {
      const why = o.source.whyUnavailable?.(world, search.params, id) ?? 'This offer is not available for your search. Go back to the results to choose another.';
      return { error: kit.render(c, o.stepId, 'Not found', <MessagePage heading="Offer not available" body={why} />, 404) };
    }
    const qs = searchQueryString({ searchFields: o.source.searchFields } as SiteDefinition, search.params);
    const action = `${o.base}/${encodeURIComponent(id)}${qs ? `?${qs}` : ''}`;
    const back = `${o.resultsPath}${qs ? `?${qs}` : ''}`;
    const travellers = o.source.travellerCount(search.params);
    return {
      page: kit.render(c, o.stepId, detail.listing.title, <ListingPage site={site} detail={detail} action={action} backHref={back} chosen={chosen} errors={errors} travellers={travellers} />, status),
      detail,
      params: search.params,
    };
  };

  app.get(`${o.base}/:id`, (c) => {
    const state = c.get('state');
    const id = c.req.param('id');
    const r = page(c, chosenOf(o.current(state, id)), {}, 200);
    if ('error' in r) return r.error;
    state.viewedListingId = id;
    return r.page;
  });

  app.post(`${o.base}/:id`, async (c) => {
    const state = c.get('state');
    const body = await formBodyAll(c);
    const probe = page(c, { choices: {}, quantities: {} }, {}, 200);
    if ('error' in probe) return probe.error;
    const { detail, params } = probe;
    if (detail.listing.soldOut) {
      const again = page(c, { choices: {}, quantities: {} }, { sold_out: 'This offer is sold out for your search.' }, 422);
      return 'page' in again ? again.page : again.error;
    }
    const picked = pickChoices(detail, body, o.source.travellerCount(params));
    if (Object.keys(picked.errors).length > 0) {
      const chosen: Chosen = { choices: {}, quantities: {} };
      for (const p of picked.picks) {
        (chosen.choices[p.groupId] ??= []).push(p.choice.id);
        chosen.quantities[`${p.groupId}/${p.choice.id}`] = p.quantity;
      }
      const again = page(c, chosen, picked.errors, 422);
      return 'page' in again ? again.page : again.error;
    }
    const item: SelectionState = {
      ...(o.slot === 'main' ? {} : { slot: o.slot }),
      listingId: detail.listing.id,
      params,
      title: detail.listing.title,
      options: picked.options,
      attrs: selectionAttrs(site, params, detail, picked.choices, picked.picks),
      seq: state.requests,
    };
    o.record(state, item);
    state.viewedListingId = detail.listing.id;
    if (state.form) state.form.accepted = false;
    const price = priceOfEpisode(site, world, state);
    state.cart = price ?? null;
    if (price && state.selection) state.selection.attrs.totalPrice = price.total;
    return c.redirect(kit.next(c, o.stepId), 303);
  });
}

/** The most items a cart holds. */
export const CART_LIMIT = 6;

/**
 * A listing's page: its facts and option groups; posting a choice per group selects it. With
 * `cart`, each choice is added to the booking as one more item (the cart step shows them).
 */
export const listingStep = (o: { cart?: boolean } = {}): FlowStep => ({
  id: 'listing',
  entry: '/listing',
  label: (site) => site.layout.steps.listing,
  register(app: Hono<Env>, kit: StepKit) {
    registerListingPages(app, kit, {
      stepId: 'listing',
      base: '/listing',
      resultsPath: '/search',
      slot: 'main',
      source: kit.site,
      searchOf: (c, site) => {
        const parsed = parseSearch(site, kit.world, new URL(c.req.url).searchParams);
        return Object.keys(parsed.errors).length > 0 ? { errors: parsed.errors } : { params: parsed.params };
      },
      // A new main choice starts the booking over: later rounds were for the old one. In a cart,
      // it is one more item (the first is the selection; a full cart drops its oldest extra item).
      record: (state, item) => {
        if (!o.cart || !state.selection) {
          state.selection = item;
          state.extraItems = [];
          return;
        }
        const used = new Set(state.extraItems.map((x) => x.slot));
        let n = 2;
        while (used.has(`item${n}`)) n++;
        state.extraItems = [...state.extraItems, { ...item, slot: `item${n}` }].slice(-(CART_LIMIT - 1));
      },
      current: (state, id) => (state.selection?.listingId === id ? state.selection : undefined),
    });
  },
});
