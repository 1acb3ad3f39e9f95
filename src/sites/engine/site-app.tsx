import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { logger } from '../../core/logger.js';
import type { Attrs, Person } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import { APP_JS, siteCss } from './assets.js';
import type { EpisodeStore } from './episode-store.js';
import { episodeAccess, type Refusal, type SiteEnv } from './episode-access.js';
import { BookedTokens, FORM_TOKEN, reviewToken } from './book-token.js';
import { limitBody, MAX_BODY_BYTES, readForm, type FormRead } from './form-body.js';
import { contextFor, makeBooking, paramsOf, pickChoices, selectionAttrs } from './flow.js';
import { parseDetails, type ParsedDetails } from './forms.js';
import { applyFilters, applySort, paginate, parseFilters, parsePage, parseSort } from './results.js';
import { parseSearch, searchQueryString } from './search-query.js';
import { factRows } from './fact-rows.js';
import type { SelectionContext, SiteDefinition } from './site-definition.js';
import { BookingsPage, ConfirmationPage, DetailsPage, MessagePage, ReviewPage, type BookingSummaryView } from './views/booking-pages.js';
import { HomePage } from './views/home-page.js';
import { Page, type Step } from './views/layout.js';
import { ListingPage } from './views/listing-page.js';
import { ResultsPage } from './views/results-page.js';
import { backTo } from './local-path.js';

const log = logger('sites:app');

type Env = SiteEnv;
type C = Context<Env>;

/** Posts that only set a preference cookie: they need no episode. */
const OPEN_POSTS = new Set(['/consent', '/promo/dismiss']);

/** Builds the request handler of one site. Pages are rendered on the server from episode state. */
export function createSiteApp(site: SiteDefinition, world: World, episodes: EpisodeStore): Hono<Env> {
  const app = new Hono<Env>();
  const css = siteCss(site.theme);

  const render = (c: C, step: Step, title: string, body: unknown, status: 200 | 400 | 403 | 404 | 409 | 410 | 413 | 422 = 200) => {
    const page = (
      <Page site={site} title={title} step={step} consented={getCookie(c, 'wf_consent') === '1'} promoSeen={getCookie(c, 'wf_promo') === '1'}>
        {body as never}
      </Page>
    );
    return c.html(`<!doctype html>${page.toString()}`, status);
  };

  const displayValue = (name: string, value: string | number): string => {
    const f = site.searchFields.find((x) => x.name === name);
    if (f?.kind === 'autocomplete') return site.labelFor(world, f.source, String(value)) ?? String(value);
    if (f?.kind === 'select' || f?.kind === 'radio') return f.options.find((o) => o.value === String(value))?.label ?? String(value);
    return String(value);
  };

  // Assets and suggestions are not part of an episode.
  app.get('/assets/app.js', (c) => c.body(APP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  app.get('/assets/site.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/api/suggest', (c) => {
    const source = c.req.query('source') ?? '';
    const q = (c.req.query('q') ?? '').slice(0, 100);
    if (!site.searchFields.some((f) => f.kind === 'autocomplete' && f.source === source)) return c.json([], 404);
    return c.json(site.suggest(world, source, q).slice(0, 8));
  });

  // Every page is read in its episode (episode-access.ts); none is ever created here. Bodies are bounded.
  const refused = (c: C, r: Refusal | Extract<FormRead, { ok: false }>) =>
    'heading' in r
      ? render(c, 'search', r.heading, <MessagePage heading={r.heading} body={r.body} />, r.status)
      : render(c, 'search', 'Form refused', <MessagePage heading="This form was refused" body={r.message} />, r.status);
  app.use('*', limitBody((c) => refused(c as C, { ok: false, status: 413, message: `The request body is larger than the ${MAX_BODY_BYTES / 1024} KiB a form may send.` })));
  app.use('*', episodeAccess(episodes, site.id, refused, OPEN_POSTS));
  const booked = new BookedTokens();

  app.get('/', (c) => {
    const state = c.get('state');
    const values: Record<string, string> = {};
    const fromQuery = site.searchFields.some((f) => c.req.query(f.name) !== undefined);
    for (const f of site.searchFields) {
      const v = fromQuery ? c.req.query(f.name) : state.search?.params[f.name];
      if (v !== undefined && v !== '') values[f.name] = f.kind === 'autocomplete' ? displayValue(f.name, v) : String(v);
    }
    return render(c, 'search', site.tagline, <HomePage site={site} values={values} errors={{}} />);
  });

  app.get('/search', (c) => {
    const state = c.get('state');
    const query = new URL(c.req.url).searchParams;
    const parsed = parseSearch(site, world, query);
    if (Object.keys(parsed.errors).length > 0) {
      return render(c, 'search', 'Check your search', <HomePage site={site} values={parsed.raw} errors={parsed.errors} />, 422);
    }
    const all = site.search(world, parsed.params);
    const filters = parseFilters(site, query);
    const sort = parseSort(site, query);
    const filtered = applySort(applyFilters(site, all, filters), sort);
    const { items, page, pages } = paginate(filtered, parsePage(query), site.layout.pageSize);
    state.search = { params: parsed.params, filters, sort: sort.id, page, resultCount: filtered.length, seq: state.requests };
    const summary = site.wording.resultsHeading(parsed.params, filtered.length);
    return render(
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

  const listingPage = (c: C, chosen: Record<string, string>, errors: Record<string, string>, status: 200 | 422) => {
    const id = c.req.param('id') ?? '';
    const query = new URL(c.req.url).searchParams;
    const parsed = parseSearch(site, world, query);
    if (Object.keys(parsed.errors).length > 0) {
      return { error: render(c, 'search', 'Search needed', <MessagePage heading="Your search is incomplete" body="Start a new search to see this offer with your dates and party." />, 400) };
    }
    const detail = site.detail(world, parsed.params, id);
    if (!detail) {
      const why = site.whyUnavailable?.(world, parsed.params, id) ?? 'This offer is not available for your search. Go back to the results to choose another.';
      return { error: render(c, 'results', 'Not found', <MessagePage heading="Offer not available" body={why} />, 404) };
    }
    const qs = searchQueryString(site, parsed.params);
    const page = render(
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
    const form = await readForm(c);
    if (!form.ok) return refused(c, form);
    const body = form.fields;
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
    return c.redirect('/details', 303);
  });

  const detailsView = (c: C, values: Record<string, string>, errors: Record<string, string>, extras: Record<string, number>, status: 200 | 422) => {
    const state = c.get('state');
    const selection = state.selection!;
    const params = paramsOf(selection);
    const ctx = contextFor(site, world, selection, params, extras);
    if (!ctx) return render(c, 'details', 'Unavailable', <MessagePage heading="This offer is no longer available" body="Start a new search." />, 409);
    const base = { params: ctx.params, listing: ctx.listing, choices: ctx.choices };
    const units = site.units(base);
    const travellers = site.travellerCount(params);
    const offered = site.extras(base).map((extra) => ({
      extra,
      unitTotal: Math.round(extra.price * (extra.per === 'unit' ? units : extra.per === 'traveller' ? travellers : 1) * 100) / 100,
    }));
    const price = site.price(ctx);
    const baseTotal = site.price({ ...ctx, extras: {} }).total;
    return render(
      c,
      'details',
      site.wording.detailsHeading,
      <DetailsPage site={site} selection={selection} travellerCount={travellers} extras={offered} values={values} errors={errors} price={price} baseTotal={baseTotal} />,
      status,
    );
  };

  const nothingSelected = (c: C) =>
    render(c, 'details', 'Nothing selected', <MessagePage heading="Nothing selected yet" body="Search and choose an option first." />, 409);

  app.get('/details', (c) => {
    const state = c.get('state');
    if (!state.selection) return nothingSelected(c);
    return detailsView(c, state.form?.fields ?? {}, {}, state.form?.extras ?? {}, 200);
  });

  app.post('/details', async (c) => {
    const state = c.get('state');
    if (!state.selection) return nothingSelected(c);
    const form = await readForm(c);
    if (!form.ok) return refused(c, form);
    const body = form.fields;
    const params = paramsOf(state.selection);
    const base = contextFor(site, world, state.selection, params, {});
    if (!base) return nothingSelected(c);
    const offered = site.extras({ params, listing: base.listing, choices: base.choices });
    const parsed: ParsedDetails = parseDetails(site, params, offered, body);
    for (const x of site.includedExtras?.({ params, listing: base.listing, choices: base.choices }) ?? []) parsed.extras[x.id] = Math.max(1, parsed.extras[x.id] ?? 0);
    const accepted = Object.keys(parsed.errors).length === 0;
    state.form = { ...parsed, accepted, seq: state.requests };
    state.cart = site.price({ ...base, extras: parsed.extras });
    if (!accepted) return detailsView(c, parsed.fields, parsed.errors, parsed.extras, 422);
    return c.redirect('/review', 303);
  });

  /** Every fact a task can check, the people and the add-ons: what the review and confirmation pages list. */
  const summaryOf = (attrs: Attrs, travellers: Person[], contact: Record<string, string>, extras: Record<string, number>, ctx: Omit<SelectionContext, 'extras'> | undefined): BookingSummaryView => {
    const offered = ctx ? site.extras(ctx) : [];
    const included = ctx ? (site.includedExtras?.(ctx) ?? []) : [];
    return {
      facts: factRows(site, world, attrs),
      travellers: travellers.map((t) => [t.firstName, t.lastName].filter(Boolean).join(' ') || Object.values(t).slice(0, 2).join(' ')),
      travellerLabels: travellers.map((_, i) => site.wording.travellerLabel(i + 1)),
      contact: site.contactFields.filter((f) => (contact[f.name] ?? '') !== '').map((f) => ({ label: f.label, value: contact[f.name]! })),
      extras: Object.entries(extras)
        .filter(([, q]) => q > 0)
        .map(([id, q]) => {
          const x = offered.find((o) => o.id === id);
          const inc = included.find((o) => o.id === id);
          if (inc) return `${inc.label} (included)`;
          const label = x?.label ?? id;
          return x?.kind === 'stepper' ? `${label} × ${q}` : label;
        }),
    };
  };

  const reviewView = (c: C, error?: string, status: 409 | 422 = 422) => {
    const state = c.get('state');
    const selection = state.selection!;
    const form = state.form!;
    const params = paramsOf(selection);
    const ctx = contextFor(site, world, selection, params, form.extras);
    if (!ctx) return nothingSelected(c);
    const price = site.price(ctx);
    const summary = summaryOf({ ...selection.attrs, totalPrice: price.total }, form.travellers, form.contact, form.extras, ctx);
    const token = reviewToken(c.get('episodeId') ?? '', state);
    return render(c, 'review', 'Review your booking', <ReviewPage site={site} selection={selection} summary={summary} price={price} error={error} formToken={token} />, error ? status : 200);
  };

  app.get('/review', (c) => {
    const state = c.get('state');
    if (!state.selection) return nothingSelected(c);
    if (!state.form?.accepted) return c.redirect('/details', 303);
    return reviewView(c);
  });

  app.post('/book', async (c) => {
    const state = c.get('state');
    const episodeId = c.get('episodeId')!;
    const form = await readForm(c);
    if (!form.ok) return refused(c, form);
    const body = form.fields;
    // A form posted again (double click, resend) gets the booking it already made.
    const token = body[FORM_TOKEN] ?? '';
    const earlier = booked.reference(state, token);
    if (earlier !== undefined) return c.redirect(`/confirmation/${earlier}`, 303);
    if (!state.selection) return nothingSelected(c);
    if (!state.form?.accepted) return c.redirect('/details', 303);
    if (token !== reviewToken(episodeId, state)) return reviewView(c, 'This review was out of date: check the booking below and book again', 409);
    if (body.terms !== 'accepted') return reviewView(c, 'Accept the terms and conditions to book');
    const params = paramsOf(state.selection);
    const ctx = contextFor(site, world, state.selection, params, state.form.extras);
    if (!ctx) return nothingSelected(c);
    const price = site.price(ctx);
    const booking = makeBooking(site, episodeId, state, ctx, state.form, price);
    state.bookings.push(booking);
    booked.remember(state, token, booking.reference);
    state.cart = price;
    log.debug('booked', { site: site.id, reference: booking.reference });
    return c.redirect(`/confirmation/${booking.reference}`, 303);
  });

  app.get('/confirmation/:ref', (c) => {
    const booking = c.get('state').bookings.find((b) => b.reference === c.req.param('ref'));
    if (!booking) return render(c, 'done', 'Not found', <MessagePage heading="Booking not found" body="No booking with this reference belongs to you." />, 404);
    const params = Object.fromEntries(site.searchFields.flatMap((f) => (booking.attrs[f.name] === undefined ? [] : [[f.name, booking.attrs[f.name] as string | number]])));
    const ctx = contextFor(site, world, { listingId: booking.listingId, params, title: booking.title, options: booking.options, attrs: booking.attrs, seq: booking.seq }, params, booking.extras);
    const summary = summaryOf(booking.attrs, booking.travellers, booking.contact, booking.extras, ctx);
    return render(c, 'done', site.wording.confirmationHeading, <ConfirmationPage site={site} booking={booking} summary={summary} />);
  });

  app.get('/bookings', (c) => render(c, 'search', 'My bookings', <BookingsPage bookings={c.get('state').bookings} />));

  const remember = (name: string) => (c: C) => {
    setCookie(c, name, '1', { path: '/', sameSite: 'Lax' });
    return c.redirect(backTo(c.req.header('referer'), c.req.url), 303);
  };
  app.post('/consent', remember('wf_consent'));
  app.post('/promo/dismiss', remember('wf_promo'));

  app.notFound((c) => render(c, 'search', 'Page not found', <MessagePage heading="Page not found" body={`There is no page at ${new URL(c.req.url).pathname}.`} />, 404));
  app.onError((err, c) => {
    log.warn('request failed', { site: site.id, url: c.req.url, error: String(err) });
    return c.html(`<!doctype html><title>Error</title><h1>Something went wrong</h1><p>${escapeHtml(err.message)}</p>`, 500);
  });
  return app;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

