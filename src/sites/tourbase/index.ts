import { horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { CITY_OPTIONS, cityLabel, suggestCities } from '../engine/city-search.js';
import { emailField, nameField, phoneField, round2, sumLines } from '../engine/common-fields.js';
import type { Extra, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { cartStep } from '../engine/steps/cart.js';
import { steps } from '../engine/steps/index.js';
import { paymentStep } from '../engine/steps/payment.js';
import { search, detail, filters, sorts, whyUnavailable } from './attractions.js';
import { attractionsDomain, CATEGORIES, CATEGORY_LABELS } from './domain.js';
import { TOURBASE_FACTS } from './facts.js';
import { layout, theme, wording } from './look.js';
import { tourbaseManage } from './manage.js';
import { tourbaseTasks } from './tasks.js';

const SERVICE_FEE = 1.5;

function extras(ctx: Omit<SelectionContext, 'extras'>): Extra[] {
  const out: Extra[] = [
    { id: 'protect', label: 'Ticket protection', noun: 'ticket protection', description: 'A full refund if you cannot go, for illness or travel delays', price: 3.5, per: 'booking', kind: 'checkbox' },
    { id: 'guidebook', label: 'Printed city guidebook', noun: 'a printed city guidebook', price: 9, per: 'booking', kind: 'checkbox' },
  ];
  if (Array.isArray(ctx.listing.attrs.features) && ctx.listing.attrs.features.includes('audio-guide')) out.push({ id: 'audio', label: 'Audio guide headsets', noun: 'audio guide headsets', description: 'One per headset', price: 4, per: 'booking', kind: 'stepper', max: 8 });
  return out;
}

function price(ctx: SelectionContext) {
  const lines = (ctx.picks ?? ctx.choices.map((choice) => ({ groupId: '', choice, quantity: 1 })))
    .filter((p) => p.choice.attrs.ticketType !== undefined)
    .map((p) => ({ label: `${p.choice.label} × ${p.quantity}`, amount: round2(p.choice.price * p.quantity) }));
  lines.push({ label: 'Service fee', amount: SERVICE_FEE });
  for (const x of extras(ctx)) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty > 0) lines.push({ label: qty > 1 ? `${x.label} × ${qty}` : x.label, amount: round2(x.price * qty) });
  }
  return sumLines('EUR', lines);
}

function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates().slice(1);
  for (;;) {
    const params: SearchParams = { city: rng.pick(CITY_OPTIONS).value, date: rng.pick(dates), category: rng.chance(0.75) ? 'any' : rng.pick(CATEGORIES) };
    if (search(world, params).filter((l) => !l.soldOut).length >= 3) return params;
  }
}

/** TourBase: attractions and tours per city and day, ticket types with their own prices, start times, a cart of several experiences, card payment. */
export const tourbase: SiteDefinition = {
  id: 'tourbase',
  name: 'TourBase',
  domain: 'tours and attractions',
  tagline: 'Tickets for museums, tours and days out',
  currency: 'EUR',
  theme,
  layout,
  wording,
  searchFields: [
    { kind: 'autocomplete', name: 'city', label: 'Destination', source: 'cities', placeholder: 'Where to?' },
    { kind: 'date', name: 'date', label: 'Date of visit' },
    { kind: 'select', name: 'category', label: 'Category', options: [{ value: 'any', label: 'All categories' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))], default: 'any' },
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
  price,
  facts: TOURBASE_FACTS,
  domains: [attractionsDomain],
  tasks: tourbaseTasks,
  flow: [steps.search(), steps.results(), steps.listing({ cart: true }), cartStep(), steps.details(), steps.review(), paymentStep(), steps.confirmation()],
  manage: tourbaseManage,
};
