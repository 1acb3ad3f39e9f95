import type { Hono } from 'hono';
import { contextFor, paramsOf } from '../flow.js';
import { parseDetails, type ParsedDetails } from '../forms.js';
import { DetailsPage, MessagePage } from '../views/booking-pages.js';
import { formBody, type C, type Env, type FlowStep, type StepKit } from './kit.js';
import { priceOfEpisode } from './pricing.js';
import { nothingSelected } from './shared.js';

/** Travellers, contact details and add-ons on one page, validated on the server. */
export const detailsStep = (): FlowStep => ({
  id: 'details',
  entry: '/details',
  label: (site) => site.layout.steps.details,
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;
    const detailsView = (c: C, values: Record<string, string>, errors: Record<string, string>, extras: Record<string, number>, status: 200 | 422) => {
      const state = c.get('state');
      const selection = state.selection!;
      const params = paramsOf(selection);
      const ctx = contextFor(site, world, selection, params, extras);
      if (!ctx) return kit.render(c, 'details', 'Unavailable', <MessagePage heading="This offer is no longer available" body="Start a new search." />, 409);
      const base = { params: ctx.params, listing: ctx.listing, choices: ctx.choices };
      const units = site.units(base);
      const travellers = site.travellerCount(params);
      const offered = site.extras(base).map((extra) => ({
        extra,
        unitTotal: Math.round(extra.price * (extra.per === 'unit' ? units : extra.per === 'traveller' ? travellers : 1) * 100) / 100,
      }));
      const price = priceOfEpisode(site, world, state, extras) ?? site.price(ctx);
      const baseTotal = (priceOfEpisode(site, world, state, {}) ?? site.price({ ...ctx, extras: {} })).total;
      return kit.render(
        c,
        'details',
        site.wording.detailsHeading,
        <DetailsPage site={site} selection={selection} travellerCount={travellers} extras={offered} values={values} errors={errors} price={price} baseTotal={baseTotal} />,
        status,
      );
    };

    app.get('/details', (c) => {
      const state = c.get('state');
      if (!state.selection) return nothingSelected(kit, c);
      return detailsView(c, state.form?.fields ?? {}, {}, state.form?.extras ?? {}, 200);
    });

    app.post('/details', async (c) => {
      const state = c.get('state');
      if (!state.selection) return nothingSelected(kit, c);
      const body = await formBody(c);
      const params = paramsOf(state.selection);
      const base = contextFor(site, world, state.selection, params, {});
      if (!base) return nothingSelected(kit, c);
      const offered = site.extras({ params, listing: base.listing, choices: base.choices });
      const parsed: ParsedDetails = parseDetails(site, params, offered, body);
      for (const x of site.includedExtras?.({ params, listing: base.listing, choices: base.choices }) ?? []) parsed.extras[x.id] = Math.max(1, parsed.extras[x.id] ?? 0);
      const accepted = Object.keys(parsed.errors).length === 0;
      state.form = { ...parsed, accepted, seq: state.requests };
      state.cart = priceOfEpisode(site, world, state) ?? site.price({ ...base, extras: parsed.extras });
      if (!accepted) return detailsView(c, parsed.fields, parsed.errors, parsed.extras, 422);
      return c.redirect(kit.next(c, 'details'), 303);
    });
  },
});
