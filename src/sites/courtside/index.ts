import { horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { CITY_OPTIONS, cityLabel, suggestCities } from '../engine/city-search.js';
import { emailField, nameField, phoneField, round2, sumLines } from '../engine/common-fields.js';
import type { Extra, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { cartStep } from '../engine/steps/cart.js';
import { steps } from '../engine/steps/index.js';
import { paymentStep } from '../engine/steps/payment.js';
import { ACTIVITIES, ACTIVITY_LABELS, facilitiesDomain, isSport } from './domain.js';
import { COURTSIDE_FACTS } from './facts.js';
import { detail, filters, search, sorts, unitPrices, whyUnavailable } from './facilities.js';
import { layout, theme, wording } from './look.js';
import { courtsideTasks } from './tasks.js';

const BOOKING_FEE = 0.5;

function extras(ctx: Omit<SelectionContext, 'extras'>): Extra[] {
  if (isSport(String(ctx.params.activity))) {
    return [
      { id: 'rackets', label: 'Racket hire', noun: 'racket hire', description: 'One racket per player, every session', price: 3, per: 'booking', kind: 'stepper', max: 4 },
      { id: 'balls', label: 'New balls / shuttles', noun: 'new balls', price: 5, per: 'booking', kind: 'checkbox' },
    ];
  }
  return [
    { id: 'mat', label: 'Mat or shoe hire', noun: 'mat hire', price: 2, per: 'booking', kind: 'stepper', max: 3 },
    { id: 'towel', label: 'Towel', noun: 'a towel', price: 1.5, per: 'booking', kind: 'checkbox' },
  ];
}

function price(ctx: SelectionContext) {
  const u = unitPrices(ctx);
  const weeks = Number(ctx.choices.find((c) => c.attrs.weeks !== undefined)?.attrs.weeks ?? 1);
  const session = Number(u.sessionPrice ?? ctx.listing.price);
  const lines = [{ label: weeks > 1 ? `${ctx.listing.title}: ${weeks} weekly sessions × ${session.toFixed(2)}` : ctx.listing.title, amount: round2(session * weeks) }];
  for (const x of extras(ctx)) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty > 0) lines.push({ label: qty > 1 ? `${x.label} × ${qty}` : x.label, amount: round2(x.price * qty) });
  }
  lines.push({ label: 'Booking fee', amount: BOOKING_FEE });
  return sumLines('EUR', lines);
}

function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates().slice(1, -1);
  for (;;) {
    const params: SearchParams = { activity: rng.pick(ACTIVITIES), city: rng.pick(CITY_OPTIONS).value, date: rng.pick(dates) };
    if (search(world, params).filter((l) => !l.soldOut).length >= 3) return params;
  }
}

/** Courtside: tennis, padel, squash and badminton courts and yoga, spin, HIIT and pilates classes by city and day; a day's timeline per court, weekly repeats, a cart of several sessions, card payment. */
export const courtside: SiteDefinition = {
  id: 'courtside',
  name: 'Courtside',
  domain: 'sports and fitness',
  tagline: 'Courts and classes near you, tonight or every week',
  currency: 'EUR',
  theme,
  layout,
  wording,
  searchFields: [
    { kind: 'select', name: 'activity', label: 'Sport or class', options: ACTIVITIES.map((a) => ({ value: a, label: ACTIVITY_LABELS[a] })), default: 'tennis' },
    { kind: 'autocomplete', name: 'city', label: 'City', source: 'cities', placeholder: 'City' },
    { kind: 'date', name: 'date', label: 'Day' },
  ],
  suggest: (_w, _s, q) => suggestCities(q),
  labelFor: (_w, _s, v) => cityLabel(v),
  exampleSearch,
  search,
  filters,
  sorts,
  detail,
  whyUnavailable,
  travellerCount: () => 1,
  travellerFields: [nameField('firstName', 'First name', 'Ana'), nameField('lastName', 'Last name', 'Silva')],
  contactFields: [emailField(), phoneField()],
  extras,
  units: () => 1,
  unitPrices,
  price,
  facts: COURTSIDE_FACTS,
  domains: [facilitiesDomain],
  tasks: courtsideTasks,
  flow: [steps.search(), steps.results(), steps.listing({ cart: true }), cartStep(), steps.details(), steps.review(), paymentStep(), steps.confirmation()],
};
