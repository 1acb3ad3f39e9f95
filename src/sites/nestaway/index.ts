import { horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { CITY_OPTIONS, cityLabel, suggestCities } from '../engine/city-search.js';
import { emailField, nameField, phoneField, round2, sumLines } from '../engine/common-fields.js';
import type { Extra, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { steps } from '../engine/steps/index.js';
import { rentalsDomain } from './domain.js';
import { NESTAWAY_FACTS } from './facts.js';
import { detail, filters, search, sorts, whyUnavailable } from './listings.js';
import { layout, theme, wording } from './look.js';
import { nestawayManage } from './manage.js';
import { nestawayTasks } from './tasks.js';

const SERVICE_RATE = 0.12;

function extras(): Extra[] {
  return [
    { id: 'early-checkin', label: 'Early check-in (from 11:00)', noun: 'early check-in', price: 25, per: 'booking', kind: 'checkbox' },
    { id: 'late-checkout', label: 'Late check-out (until 14:00)', noun: 'late check-out', price: 25, per: 'booking', kind: 'checkbox' },
    { id: 'linen', label: 'Extra set of linen and towels', noun: 'an extra set of linen and towels', price: 12, per: 'booking', kind: 'stepper', max: 6 },
  ];
}

function price(ctx: SelectionContext) {
  const nights = Number(ctx.params.nights);
  const nightly = ctx.choices[0]?.price ?? ctx.listing.price;
  const stay = round2(nightly * nights);
  const lines = [
    { label: `€${nightly} × ${nights} night${nights > 1 ? 's' : ''}`, amount: stay },
    { label: 'Cleaning fee', amount: Number(ctx.listing.attrs.cleaningFee) },
    { label: 'Service fee', amount: round2(stay * SERVICE_RATE) },
  ];
  for (const x of extras()) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty > 0) lines.push({ label: qty > 1 ? `${x.label} × ${qty}` : x.label, amount: round2(x.price * qty) });
  }
  return sumLines('EUR', lines);
}

function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates().slice(2, -10);
  for (;;) {
    const params: SearchParams = { city: rng.pick(CITY_OPTIONS).value, date: rng.pick(dates), nights: rng.weighted([[2, 3], [3, 4], [4, 3], [5, 2], [7, 2]]), guests: rng.weighted([[1, 1], [2, 5], [3, 2], [4, 3], [5, 1], [6, 1]]) };
    if (search(world, params).length >= 3) return params;
  }
}

/**
 * Nestaway: holiday rentals per city, free or taken night by night; house rules, the host and
 * a message to them; a refundable or a cheaper non-refundable rate; an account is required to
 * book (register, then sign in); card payment.
 */
export const nestaway: SiteDefinition = {
  id: 'nestaway',
  name: 'Nestaway',
  domain: 'holiday rentals',
  tagline: 'Whole homes for your holidays',
  currency: 'EUR',
  theme,
  layout,
  wording,
  searchFields: [
    { kind: 'autocomplete', name: 'city', label: 'Where', source: 'cities', placeholder: 'Search destinations' },
    { kind: 'date', name: 'date', label: 'Check-in' },
    { kind: 'stepper', name: 'nights', label: 'Nights', min: 1, max: 14, default: 3 },
    { kind: 'stepper', name: 'guests', label: 'Guests', min: 1, max: 10, default: 2 },
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
  contactFields: [emailField(), phoneField(), { name: 'message', label: 'Message to the host (optional)', kind: 'textarea', required: false, example: '' }],
  extras,
  units: () => 1,
  price,
  facts: NESTAWAY_FACTS,
  domains: [rentalsDomain],
  tasks: nestawayTasks,
  flow: [steps.search(), steps.results(), steps.listing(), steps.account({ guest: false }), steps.details(), steps.review(), steps.payment(), steps.confirmation()],
  manage: nestawayManage,
};
