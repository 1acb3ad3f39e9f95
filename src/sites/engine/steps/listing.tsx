import type { Hono } from 'hono';
import { pickChoices, selectionAttrs } from '../flow.js';
import { parseSearch, searchQueryString } from '../search-query.js';
import { MessagePage } from '../views/booking-pages.js';
import { ListingPage } from '../views/listing-page.js';
import { formBody, type C, type Env, type FlowStep, type Status, type StepKit } from './kit.js';

/** A listing's page: its facts and option groups; posting a choice per group selects it. */
export const listingStep = (): FlowStep => ({
  id: 'listing',
  entry: '/listing',
  label: (site) => site.layout.steps.listing,
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;
    const listingPage = (c: C, chosen: Record<string, string>, errors: Record<string, string>, status: Status) => {
      const id = c.req.param('id') ?? '';
      const query = new URL(c.req.url).searchParams;
      const parsed = parseSearch(site, world, query);
      if (Object.keys(parsed.errors).length > 0) {
        return { error: kit.render(c, 'search', 'Search needed', <MessagePage heading="Your search is incomplete" body="Start a new search to see this offer with your dates and party." />, 400) };
      }
      const detail = site.detail(world, parsed.params, id);
      if (!detail) {
        const why = site.whyUnavailable?.(world, parsed.params, id) ?? 'This offer is not available for your search. Go back to the results to choose another.';
        return { error: kit.render(c, 'results', 'Not found', <MessagePage heading="Offer not available" body={why} />, 404) };
      }
      const qs = searchQueryString(site, parsed.params);
      const page = kit.render(
        c,
        'listing',
        detail.listing.title,
        <ListingPage site={site} detail={detail} action={`/listing/${encodeURIComponent(id)}?${qs}`} backHref={`/search?${qs}`} chosen={chosen} errors={errors} />,
        status,
      );
      return { page, detail, params: parsed.params };
    };

    app.get('/listing/:id', (c) => {
      const state = c.get('state');
      const id = c.req.param('id');
      const chosen: Record<string, string> = {};
      if (state.selection?.listingId === id) for (const o of state.selection.options) chosen[o.groupId] = o.choiceId;
      const r = listingPage(c, chosen, {}, 200);
      if (r.error) return r.error;
      state.viewedListingId = id;
      return r.page;
    });

    app.post('/listing/:id', async (c) => {
      const state = c.get('state');
      const body = await formBody(c);
      const probe = listingPage(c, {}, {}, 200);
      if (probe.error) return probe.error;
      const { detail, params } = probe;
      if (detail.listing.soldOut) return listingPage(c, {}, { sold_out: 'This offer is sold out for your search.' }, 422).page ?? probe.page;
      const picked = pickChoices(detail, body);
      if (Object.keys(picked.errors).length > 0) {
        const chosen = Object.fromEntries(picked.options.map((o) => [o.groupId, o.choiceId]));
        return listingPage(c, chosen, picked.errors, 422).page!;
      }
      state.selection = {
        listingId: detail.listing.id,
        params,
        title: detail.listing.title,
        options: picked.options,
        attrs: selectionAttrs(site, params, detail, picked.choices),
        seq: state.requests,
      };
      state.viewedListingId = detail.listing.id;
      if (state.form) state.form.accepted = false;
      const ctx = { params, listing: detail.listing, choices: picked.choices, extras: {} };
      state.cart = site.price(ctx);
      state.selection.attrs.totalPrice = state.cart.total;
      return c.redirect(kit.next(c, 'listing'), 303);
    });
  },
});
