import { horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { CITY_OPTIONS, cityLabel, suggestCities } from '../engine/city-search.js';
import { emailField, nameField, phoneField, round2, sumLines } from '../engine/common-fields.js';
import type { Extra, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { steps } from '../engine/steps/index.js';
import { paymentStep } from '../engine/steps/payment.js';
import { cinemasDomain, filmsDomain } from './domain.js';
import { SCREENLY_FACTS } from './facts.js';
import { layout, theme, wording } from './look.js';
import { detail, filters, search, sorts, tickets, whyUnavailable } from './showings.js';
import { screenlyTasks } from './tasks.js';

const BOOKING_FEE = 0.8;

function extras(ctx: Omit<SelectionContext, 'extras'>): Extra[] {
  const out: Extra[] = [
    { id: 'combo', label: 'Popcorn and drink combo', noun: 'a popcorn and drink combo', description: 'Large popcorn and a 500 ml soft drink, collected at the bar', price: 9.5, per: 'booking', kind: 'stepper', max: 8 },
    { id: 'popcorn', label: 'Large popcorn', noun: 'a large popcorn', price: 6.5, per: 'booking', kind: 'stepper', max: 8 },
    { id: 'nachos', label: 'Nachos with cheese dip', noun: 'nachos', price: 7, per: 'booking', kind: 'stepper', max: 8 },
    { id: 'drink', label: 'Soft drink (500 ml)', noun: 'a soft drink', price: 3.8, per: 'booking', kind: 'stepper', max: 8 },
  ];
  if (ctx.listing.attrs.format === '3d') out.push({ id: 'glasses', label: '3D glasses to keep', noun: '3D glasses to keep', description: 'Per ticket; otherwise borrow a pair at the door', price: 1.5, per: 'traveller', kind: 'checkbox' });
  return out;
}

function price(ctx: SelectionContext) {
  const n = ctx.choices.length || tickets(ctx.params);
  const byClass = new Map<string, { label: string; count: number; each: number }>();
  for (const c of ctx.choices) {
    const cls = String(c.attrs.seatClass);
    const label = cls === 'premium' ? 'Premium recliner' : cls === 'wheelchair' ? 'Wheelchair space' : 'Standard seat';
    const row = byClass.get(cls) ?? { label, count: 0, each: c.price };
    row.count++;
    byClass.set(cls, row);
  }
  const lines = [...byClass.values()].map((r) => ({ label: `${r.label} × ${r.count}`, amount: round2(r.each * r.count) }));
  if (lines.length === 0) lines.push({ label: `Standard seat × ${n}`, amount: round2(ctx.listing.price * n) });
  lines.push({ label: `Booking fee × ${n}`, amount: round2(BOOKING_FEE * n) });
  for (const x of extras(ctx)) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty > 0) lines.push({ label: qty > 1 ? `${x.label} × ${qty}` : x.label, amount: round2(x.price * qty * (x.per === 'traveller' ? n : 1)) });
  }
  return sumLines('EUR', lines);
}

function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates().slice(1);
  for (;;) {
    const params: SearchParams = { city: rng.pick(CITY_OPTIONS).value, date: rng.pick(dates), tickets: rng.weighted([[1, 2], [2, 5], [3, 2], [4, 2]]) };
    if (search(world, params).filter((l) => !l.soldOut).length >= 3) return params;
  }
}

/** Screenly: films and showtimes at the cinemas of 18 cities, a seat map per screening, snacks, card payment. */
export const screenly: SiteDefinition = {
  id: 'screenly',
  name: 'Screenly',
  domain: 'cinema',
  tagline: 'Every showtime in town, your seats in two clicks',
  currency: 'EUR',
  theme,
  layout,
  wording,
  searchFields: [
    { kind: 'autocomplete', name: 'city', label: 'City', source: 'cities', placeholder: 'Where are you?' },
    { kind: 'date', name: 'date', label: 'Date' },
    { kind: 'stepper', name: 'tickets', label: 'Tickets', userFact: true, min: 1, max: 8, default: 2 },
  ],
  suggest: (_w, _s, q) => suggestCities(q),
  labelFor: (_w, _s, v) => cityLabel(v),
  exampleSearch,
  search,
  filters,
  sorts,
  detail,
  whyUnavailable,
  travellerCount: tickets,
  travellerFields: [nameField('firstName', 'First name', 'Ana'), nameField('lastName', 'Last name', 'Silva')],
  contactFields: [emailField(), phoneField()],
  extras,
  units: (ctx) => tickets(ctx.params),
  price,
  facts: SCREENLY_FACTS,
  domains: [cinemasDomain, filmsDomain],
  tasks: screenlyTasks,
  flow: [steps.search(), steps.results(), steps.listing(), steps.details(), steps.review(), paymentStep(), steps.confirmation()],
};
