import type { Hono } from 'hono';
import { contextFor, paramsOf } from '../flow.js';
import { contactInputName, extraInputName, parseDetails, travellerInputName, type ParsedDetails } from '../forms.js';
import { DetailsPage, MessagePage, type DetailsPart } from '../views/booking-pages.js';
import { formBody, type C, type Env, type FlowStep, type StepKit } from './kit.js';
import { priceOfEpisode } from './pricing.js';
import { nothingSelected } from './shared.js';

const PART_LABELS: Record<DetailsPart, string> = { travellers: 'Travellers', contact: 'Contact details', extras: 'Add-ons' };

/**
 * Travellers, contact details and add-ons, validated on the server: on one page, or (`wizard`)
 * one part a page with a progress line, Back and Next, keeping what was typed on every page.
 */
export const detailsStep = (o: { wizard?: boolean; /** The wizard's page names, where the site says them otherwise ("Vehicle and driver"). */ labels?: Partial<Record<DetailsPart, string>> } = {}): FlowStep => ({
  id: 'details',
  entry: '/details',
  label: (site) => site.layout.steps.details,
  ...(o.wizard ? { meta: { wizard: true as const, ...(o.labels ? { wizardLabels: o.labels } : {}) } } : {}),
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;

    /** The wizard's pages for this selection (no add-ons page when none is offered). */
    const partsOf = (c: C): DetailsPart[] => {
      const state = c.get('state');
      const ctx = contextFor(site, world, state.selection!, paramsOf(state.selection!), {});
      const extras = ctx ? site.extras(ctx) : [];
      return extras.length > 0 ? ['travellers', 'contact', 'extras'] : ['travellers', 'contact'];
    };
    /** The input names of one part. */
    const namesOf = (c: C, part: DetailsPart): string[] => {
      const state = c.get('state');
      const params = paramsOf(state.selection!);
      if (part === 'travellers') return Array.from({ length: site.travellerCount(params) }, (_, k) => site.travellerFields.map((f) => travellerInputName(k + 1, f.name))).flat();
      if (part === 'contact') return site.contactFields.map((f) => contactInputName(f.name));
      const ctx = contextFor(site, world, state.selection!, params, {});
      return ctx ? site.extras(ctx).map((x) => extraInputName(x.id)) : [];
    };

    const detailsView = (c: C, values: Record<string, string>, errors: Record<string, string>, extras: Record<string, number>, status: 200 | 422, part?: DetailsPart) => {
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
      const wizard = o.wizard ? { part: part ?? 'travellers', parts: partsOf(c), labels: { ...PART_LABELS, ...o.labels } } : undefined;
      return kit.render(
        c,
        'details',
        site.wording.detailsHeading,
        <DetailsPage site={site} selection={selection} travellerCount={travellers} extras={offered} values={values} errors={errors} price={price} baseTotal={baseTotal} {...(wizard ? { wizard } : {})} />,
        status,
      );
    };

    app.get('/details', (c) => {
      const state = c.get('state');
      if (!state.selection) return nothingSelected(kit, c);
      const first = kit.blocked(c, 'details');
      if (first) return c.redirect(first, 303);
      const asked = c.req.query('part') as DetailsPart | undefined;
      const part = o.wizard && asked && partsOf(c).includes(asked) ? asked : undefined;
      // A signed-in visitor's email is filled in for them, as sites do.
      const fields = { ...(state.form?.fields ?? {}) };
      const email = contactInputName('email');
      if (state.account?.signedIn && !fields[email] && site.contactFields.some((f) => f.name === 'email')) fields[email] = state.account.signedIn;
      return detailsView(c, fields, {}, state.form?.extras ?? {}, 200, part);
    });

    app.post('/details', async (c) => {
      const state = c.get('state');
      if (!state.selection) return nothingSelected(kit, c);
      const first = kit.blocked(c, 'details');
      if (first) return c.redirect(first, 303);
      let body = await formBody(c);
      const nav = body.nav;
      const params = paramsOf(state.selection);
      const base = contextFor(site, world, state.selection, params, {});
      if (!base) return nothingSelected(kit, c);
      const offered = site.extras({ params, listing: base.listing, choices: base.choices });

      // A wizard page posts its own part: merge it into what the other pages hold.
      let part: DetailsPart | undefined;
      if (o.wizard) {
        const parts = partsOf(c);
        part = parts.includes(body.wizard_part as DetailsPart) ? (body.wizard_part as DetailsPart) : 'travellers';
        const mine = new Set(namesOf(c, part));
        const merged: Record<string, string> = { ...(state.form?.fields ?? {}) };
        for (const name of mine) merged[name] = body[name] ?? '';
        body = merged;
        const at = parts.indexOf(part);
        const draft = parseDetails(site, params, offered, body);
        state.form = { ...draft, accepted: false, seq: state.requests };
        if (nav === 'back' && at > 0) return c.redirect(`/details?part=${parts[at - 1]}`, 303);
        const pageErrors = Object.fromEntries(Object.entries(draft.errors).filter(([k]) => mine.has(k)));
        if (Object.keys(pageErrors).length > 0) return detailsView(c, draft.fields, pageErrors, draft.extras, 422, part);
        if (at < parts.length - 1) return c.redirect(`/details?part=${parts[at + 1]}`, 303);
      }

      const parsed: ParsedDetails = parseDetails(site, params, offered, body);
      for (const x of site.includedExtras?.({ params, listing: base.listing, choices: base.choices }) ?? []) parsed.extras[x.id] = Math.max(1, parsed.extras[x.id] ?? 0);
      const accepted = Object.keys(parsed.errors).length === 0;
      state.form = { ...parsed, accepted, seq: state.requests };
      state.cart = priceOfEpisode(site, world, state) ?? site.price({ ...base, extras: parsed.extras });
      if (!accepted) {
        // The wizard shows the first page with a problem.
        const first = o.wizard ? partsOf(c).find((p) => namesOf(c, p).some((n) => parsed.errors[n])) : undefined;
        return detailsView(c, parsed.fields, parsed.errors, parsed.extras, 422, first);
      }
      return c.redirect(kit.next(c, 'details'), 303);
    });
  },
});
