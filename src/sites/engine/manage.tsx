import type { Hono } from 'hono';
import { emptySiteState, type Booking, type SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { FixtureBooking } from '../../core/schemas/task.js';
import type { World } from '../../world/world.js';
import { contextFor, makeBooking, selectionAttrs } from './flow.js';
import { cancelBooking, cancellationTerms, changeDates, changeTravellers, paramsOfBooking } from './manage-actions.js';
import { contactInputName, parseDetails, travellerInputName } from './forms.js';
import { parseSearch } from './search-query.js';
import type { SearchParams, SiteDefinition } from './site-definition.js';
import { formBody, type C, type Env, type StepKit } from './steps/kit.js';
import { summaryOf } from './steps/shared.js';
import { PersonFieldControl } from './views/fields.js';
import { DateInput } from './views/fields.js';
import { ErrorSummary } from './views/layout.js';
import { money } from './views/format.js';
import { MessagePage, PriceTable } from './views/booking-pages.js';

/**
 * A booking the episode starts with, made by the site's own rules from a fixture: the listing
 * and choices under the fixture's search, priced as a booking made on the site would be.
 * Returns why it cannot be made when the listing or a choice does not exist for that search.
 */
export function fixtureBooking(site: SiteDefinition, world: World, episodeId: string, f: FixtureBooking): Booking | string {
  const detail = site.detail(world, f.params, f.listingId);
  if (!detail) return `listing ${f.listingId} does not exist for the fixture's search`;
  const options = [];
  const choices = [];
  for (const g of detail.optionGroups) {
    const c = g.choices.find((x) => x.id === f.choices[g.id]);
    if (!c) return `no choice "${f.choices[g.id]}" in option group "${g.id}"`;
    choices.push(c);
    options.push({ groupId: g.id, choiceId: c.id, label: c.label, attrs: c.attrs });
  }
  const state: SiteEpisodeState = {
    ...emptySiteState(site.id),
    selection: { listingId: detail.listing.id, params: f.params, title: detail.listing.title, options, attrs: selectionAttrs(site, f.params, detail, choices), seq: 0 },
  };
  const ctx = { params: f.params, listing: detail.listing, choices, extras: f.extras };
  const details = { fields: {}, errors: {}, travellers: f.travellers, contact: f.contact, extras: f.extras };
  return makeBooking(site, episodeId, state, ctx, details, site.price(ctx), { reference: f.reference, origin: 'fixture' });
}

/**
 * "My bookings" and, where the site has a policy, changing a booking's dates or travellers and
 * cancelling it. Every change and cancellation is recorded on the booking (with its fee), and the
 * booking's facts are what it now is: a task about it is judged on that.
 */
export function registerManage(app: Hono<Env>, kit: StepKit): void {
  const { site, world } = kit;
  const policy = site.manage;
  const find = (c: C) => c.get('state').bookings.find((b) => b.reference === c.req.param('ref'));
  const notFound = (c: C) => kit.render(c, 'manage', 'Not found', <MessagePage heading="Booking not found" body="No booking with this reference belongs to you." />, 404);

  app.get('/bookings', (c) => {
    const bookings = c.get('state').bookings;
    return kit.render(
      c,
      'manage',
      'My bookings',
      <div>
        <h1>My bookings</h1>
        {bookings.length === 0 ? (
          <p>You have no bookings yet.</p>
        ) : (
          <ul class="my-bookings">
            {bookings.map((b) => (
              <li>
                <a href={`/bookings/${b.reference}`}>{`${b.reference}: ${b.title}`}</a>
                {` — ${b.status === 'cancelled' ? 'cancelled' : money(b.price.total, b.price.currency)}`}
              </li>
            ))}
          </ul>
        )}
      </div>,
    );
  });

  const bookingPage = (c: C, b: Booking, notice?: string) => {
    const params = paramsOfBooking(site, b);
    const ctx = contextFor(site, world, { listingId: b.listingId, params, title: b.title, options: b.options, attrs: b.attrs, seq: b.seq }, params, b.extras);
    const summary = summaryOf(site, world, b.attrs, b.travellers, b.contact, b.extras, ctx);
    const cancel = policy?.cancellation(b);
    const dates = policy?.dateChange(b);
    return kit.render(
      c,
      'manage',
      `Booking ${b.reference}`,
      <div class="manage">
        <h1>{`Booking ${b.reference}`}</h1>
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        <p>{b.status === 'cancelled' ? `Cancelled. Refund: ${money(b.cancellation?.refund ?? 0, b.price.currency)}.` : 'Confirmed.'}</p>
        <p>{b.title}</p>
        <dl class="facts">
          {summary.facts.map((f) => (
            <>
              <dt>{f.label}</dt>
              <dd data-fact={f.field}>{f.value}</dd>
            </>
          ))}
          {summary.travellers.map((t, i) => (
            <>
              <dt>{summary.travellerLabels[i]}</dt>
              <dd>{t}</dd>
            </>
          ))}
        </dl>
        <PriceTable price={b.price} />
        {b.changes.length > 0 ? (
          <section aria-label="Changes made">
            <h2>Changes made</h2>
            <ul>
              {b.changes.map((ch) => (
                <li>{`${ch.kind === 'dates' ? 'New dates' : ch.kind === 'travellers' ? 'New traveller names' : 'New options'}, fee ${money(ch.fee, b.price.currency)}`}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {b.status === 'confirmed' && policy ? (
          <section aria-label="Manage this booking">
            <h2>Manage this booking</h2>
            <ul>
              <li>{dates?.allowed ? <a href={`/bookings/${b.reference}/dates`}>Change dates</a> : `Dates cannot be changed: ${dates?.reason ?? ''}`}</li>
              {policy.travellers ? (
                <li>
                  <a href={`/bookings/${b.reference}/travellers`}>Change traveller names</a>
                </li>
              ) : null}
              <li>{cancel?.allowed ? <a href={`/bookings/${b.reference}/cancel`}>Cancel booking</a> : `This booking cannot be cancelled: ${cancel?.reason ?? ''}`}</li>
            </ul>
            <p>{`Cancellation policy: ${cancel?.reason ?? ''}`}</p>
          </section>
        ) : null}
        <p>
          <a href="/bookings">Back to my bookings</a>
        </p>
      </div>,
    );
  };

  app.get('/bookings/:ref', (c) => {
    const b = find(c);
    return b ? bookingPage(c, b) : notFound(c);
  });

  if (!policy) return;

  // Dates: the date fields of the search, checked like a search, then the same room and rate re-priced.
  const datesPage = (c: C, b: Booking, values: Record<string, string>, errors: Record<string, string>, status: 200 | 422 = 200) => {
    const outcome = policy.dateChange(b);
    return kit.render(
      c,
      'manage',
      'Change dates',
      <div class="manage">
        <h1>{`Change the dates of ${b.reference}`}</h1>
        <p>{`Change fee: ${money(outcome.fee, b.price.currency)}, plus any difference in price. ${outcome.reason}`}</p>
        <ErrorSummary errors={errors} />
        <form method="post" action={`/bookings/${b.reference}/dates`} novalidate>
          {site.searchFields
            .filter((f) => policy.dateFields.includes(f.name))
            .map((f) => (
              <DateInput name={f.name} label={`New ${f.label.toLowerCase()}`} value={values[f.name] ?? ''} error={errors[f.name]} required />
            ))}
          <button type="submit" class="primary">
            Change dates
          </button>
        </form>
      </div>,
      status,
    );
  };
  app.get('/bookings/:ref/dates', (c) => {
    const b = find(c);
    if (!b) return notFound(c);
    if (b.status !== 'confirmed' || !policy.dateChange(b).allowed) return bookingPage(c, b, 'The dates of this booking cannot be changed.');
    const params = paramsOfBooking(site, b);
    return datesPage(c, b, Object.fromEntries(policy.dateFields.map((f) => [f, String(params[f] ?? '')])), {});
  });
  app.post('/bookings/:ref/dates', async (c) => {
    const state = c.get('state');
    const b = find(c);
    if (!b) return notFound(c);
    const outcome = policy.dateChange(b);
    if (b.status !== 'confirmed' || !outcome.allowed) return bookingPage(c, b, 'The dates of this booking cannot be changed.');
    const body = await formBody(c);
    const before = paramsOfBooking(site, b);
    const query = new URLSearchParams(Object.entries({ ...before, ...Object.fromEntries(policy.dateFields.map((f) => [f, (body[f] ?? '').trim()])) }).map(([k, v]) => [k, String(v)]));
    const parsed = parseSearch(site, world, query);
    const errors = parsed.errors;
    if (Object.keys(errors).length > 0) return datesPage(c, b, parsed.raw, errors, 422);
    const changed = changeDates(site, world, b, parsed.params, state.requests);
    if (typeof changed === 'string') return datesPage(c, b, parsed.raw, { [policy.dateFields[0]!]: 'What you booked is not available on these dates' }, 422);
    state.bookings[state.bookings.indexOf(b)] = changed;
    return bookingPage(c, changed, `Your booking now runs ${policy.dateFields.map((f) => parsed.params[f]).join(' to ')}.`);
  });

  // Travellers' names.
  const travellersPage = (c: C, b: Booking, values: Record<string, string>, errors: Record<string, string>, status: 200 | 422 = 200) =>
    kit.render(
      c,
      'manage',
      'Change traveller names',
      <div class="manage">
        <h1>{`Change the travellers of ${b.reference}`}</h1>
        <ErrorSummary errors={errors} />
        <form method="post" action={`/bookings/${b.reference}/travellers`} novalidate>
          {b.travellers.map((_, i) => (
            <fieldset>
              <legend>{site.wording.travellerLabel(i + 1)}</legend>
              {site.travellerFields.map((f) => (
                <PersonFieldControl field={f} name={travellerInputName(i + 1, f.name)} value={values[travellerInputName(i + 1, f.name)] ?? ''} error={errors[travellerInputName(i + 1, f.name)]} />
              ))}
            </fieldset>
          ))}
          <button type="submit" class="primary">
            Save traveller names
          </button>
        </form>
      </div>,
      status,
    );
  app.get('/bookings/:ref/travellers', (c) => {
    const b = find(c);
    if (!b || !policy.travellers) return notFound(c);
    const values = Object.fromEntries(b.travellers.flatMap((t, i) => Object.entries(t).map(([k, v]) => [travellerInputName(i + 1, k), v])));
    return travellersPage(c, b, values, {});
  });
  app.post('/bookings/:ref/travellers', async (c) => {
    const state = c.get('state');
    const b = find(c);
    if (!b || !policy.travellers) return notFound(c);
    if (b.status !== 'confirmed') return bookingPage(c, b, 'A cancelled booking cannot be changed.');
    const body = await formBody(c);
    // The contact details stay; only the travellers are read from this form.
    for (const [k, v] of Object.entries(b.contact)) body[contactInputName(k)] ??= v;
    const parsed = parseDetails(site, paramsOfBooking(site, b), [], body);
    const errors = Object.fromEntries(Object.entries(parsed.errors).filter(([k]) => k.startsWith('t')));
    if (Object.keys(errors).length > 0) return travellersPage(c, b, parsed.fields, errors, 422);
    const changed = changeTravellers(site, world, b, parsed.travellers, state.requests);
    if (typeof changed === 'string') return bookingPage(c, b, changed);
    state.bookings[state.bookings.indexOf(b)] = changed;
    return bookingPage(c, changed, 'The traveller names are updated.');
  });

  // Cancelling: what is kept and refunded, then a confirmation.
  app.get('/bookings/:ref/cancel', (c) => {
    const b = find(c);
    if (!b) return notFound(c);
    const terms = cancellationTerms(site, b);
    if (typeof terms === 'string') return bookingPage(c, b, terms);
    return kit.render(
      c,
      'manage',
      'Cancel booking',
      <div class="manage">
        <h1>{`Cancel ${b.reference}?`}</h1>
        <p>{terms.reason}</p>
        <p>{`Cancellation fee: ${money(terms.fee, b.price.currency)}. Refund: ${money(terms.refund, b.price.currency)}.`}</p>
        <form method="post" action={`/bookings/${b.reference}/cancel`}>
          <button type="submit" class="primary">
            Yes, cancel this booking
          </button>
        </form>
        <p>
          <a href={`/bookings/${b.reference}`}>Keep my booking</a>
        </p>
      </div>,
    );
  });
  app.post('/bookings/:ref/cancel', (c) => {
    const state = c.get('state');
    const b = find(c);
    if (!b) return notFound(c);
    const cancelled = cancelBooking(site, b, state.requests);
    if (typeof cancelled === 'string') return bookingPage(c, b, cancelled);
    state.bookings[state.bookings.indexOf(b)] = cancelled;
    return bookingPage(c, cancelled, `Booking ${b.reference} is cancelled.`);
  });
}

