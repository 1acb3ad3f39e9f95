import { horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { birthDateField, emailField, nameField, phoneField } from '../engine/common-fields.js';
import type { FilterSpec, SearchParams, SiteDefinition, SortSpec } from '../engine/site-definition.js';
import { cartStep, confirmationStep, detailsStep, listingStep, paymentStep, resultsStep, reviewStep, roundStep, searchStep } from '../engine/steps/index.js';
import { GRADES, LINES, sailingsDomain } from './domain.js';
import { SEABERTH_FACTS } from './facts.js';
import { cruiseDetail, CURRENCY, excursionSearch, partyOf, searchCruises } from './inventory.js';
import { LAYOUT, THEME, WORDING } from './look.js';
import { HOME_PORTS, PORT_SOURCE, portByCode, portLabel, suggestPorts } from './ports.js';
import { cruiseBookingAttrs, cruiseExtras, cruisePrice } from './pricing.js';
import { seaberthTasks } from './tasks.js';

/** The months of the season sailings leave in. */
const MONTHS = [...new Set(horizonDates().map((d) => d.slice(0, 7)))];
const monthLabel = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const ALL_PORTS_OF_CALL = [...new Set(HOME_PORTS.flatMap((p) => p.calls))].sort();

/** The excursions round's filters and sorts. */
const EXCURSION_FILTERS: FilterSpec[] = [
  { id: 'level', kind: 'multi', attr: 'level', label: 'Activity level', mode: 'any', options: ['easy', 'moderate', 'active'].map((v) => ({ value: v, label: v })) },
  { id: 'price', kind: 'max', attr: 'adultPrice', label: 'Price per adult', options: [40, 60, 80].map((n) => ({ value: String(n), label: `Up to €${n}` })) },
];
const EXCURSION_SORTS: SortSpec[] = [
  { id: 'recommended', label: 'By day', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Price (lowest first)', attr: 'adultPrice', dir: 'asc' },
  { id: 'duration', label: 'Shortest first', attr: 'durationH', dir: 'asc' },
];

/** A search with 15-60 sailings, several with a free cabin for the party. */
function exampleSearch(world: World, rng: Rng): SearchParams {
  let params: SearchParams = {};
  for (let attempt = 0; attempt < 60; attempt++) {
    const adults = rng.weighted([[1, 1], [2, 7], [3, 1], [4, 1]] as const);
    const children = adults <= 2 && rng.chance(0.3) ? rng.int(1, 2) : 0;
    params = { port: rng.pick(HOME_PORTS).code, month: rng.pick(MONTHS), adults, children };
    const open = searchCruises(world, params).filter((l) => !l.soldOut);
    if (open.length >= 8) return params;
  }
  return params;
}

export const seaberth: SiteDefinition = {
  id: 'seaberth',
  name: 'Seaberth',
  domain: 'cruises',
  tagline: 'Cruises from European ports: choose your sailing, your cabin on the deck plan and your excursions',
  currency: CURRENCY,
  theme: THEME,
  layout: LAYOUT,
  wording: WORDING,

  searchFields: [
    { name: 'port', label: 'Departure port', kind: 'autocomplete', source: PORT_SOURCE, placeholder: 'Port or city' },
    { name: 'month', label: 'Month', kind: 'select', default: MONTHS[0]!, options: MONTHS.map((m) => ({ value: m, label: monthLabel(m) })) },
    { name: 'adults', label: 'Adults', kind: 'stepper', userFact: true, min: 1, max: 4, default: 2 },
    { name: 'children', label: 'Children (under 12)', kind: 'stepper', userFact: true, min: 0, max: 3, default: 0 },
  ],
  suggest: (_w, source, q) => (source === PORT_SOURCE ? suggestPorts(q) : []),
  labelFor: (_w, _source, value) => {
    const p = portByCode(value);
    return p ? portLabel(p) : undefined;
  },
  validateSearch: (p): Record<string, string> => (Number(p.adults ?? 0) + Number(p.children ?? 0) > 4 ? { children: 'A cabin sleeps at most 4: book more cabins separately' } : {}),
  exampleSearch,

  search: searchCruises,
  filters: [
    { id: 'nights', kind: 'max', attr: 'nights', label: 'Length', options: [5, 8, 14].map((n) => ({ value: String(n), label: `Up to ${n} nights` })) },
    { id: 'minNights', kind: 'min', attr: 'nights', label: 'At least', options: [5, 7, 10].map((n) => ({ value: String(n), label: `${n} nights or more` })) },
    { id: 'grade', kind: 'multi', attr: 'grades', label: 'Cabin grade available', mode: 'any', options: Object.entries(GRADES).map(([value, g]) => ({ value, label: g.label })) },
    { id: 'ports', kind: 'multi', attr: 'ports', label: 'Calling at', mode: 'all', options: ALL_PORTS_OF_CALL.map((p) => ({ value: p, label: p })) },
    { id: 'line', kind: 'multi', attr: 'line', label: 'Cruise line', mode: 'any', options: Object.keys(LINES).map((l) => ({ value: l, label: l })) },
  ],
  sorts: [
    { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
    { id: 'date', label: 'Departure date', attr: 'departDate', dir: 'asc' },
    { id: 'price', label: 'Price per person', attr: 'fromFare', dir: 'asc' },
    { id: 'pernight', label: 'Price per night', attr: 'fromPerNight', dir: 'asc' },
  ],
  detail: cruiseDetail,
  whyUnavailable: () => 'This sailing or excursion is not part of your search. Go back to the list to choose another.',

  travellerCount: (p) => partyOf(p).guests,
  travellerFields: [
    nameField('firstName', 'First name', 'Ana'),
    nameField('lastName', 'Last name', 'Silva'),
    { ...birthDateField(), exampleFor: (params, index) => (index > Number(params.adults ?? 1) ? '2018-09-14' : '1988-05-02') },
    {
      name: 'nationality',
      label: 'Nationality',
      kind: 'select',
      required: true,
      example: 'PT',
      options: [
        { value: 'PT', label: 'Portuguese' },
        { value: 'ES', label: 'Spanish' },
        { value: 'FR', label: 'French' },
        { value: 'GB', label: 'British' },
        { value: 'DE', label: 'German' },
        { value: 'IT', label: 'Italian' },
        { value: 'NL', label: 'Dutch' },
        { value: 'OTHER', label: 'Other' },
      ],
    },
  ],
  contactFields: [emailField(), phoneField()],
  extras: cruiseExtras,
  units: (ctx) => partyOf(ctx.params).guests,
  price: cruisePrice,
  bookingAttrs: cruiseBookingAttrs,
  facts: SEABERTH_FACTS,
  domains: [sailingsDomain],
  tasks: seaberthTasks,
  chrome: {
    items: 'cruises',
    faq: [
      { question: 'How do I choose my cabin?', answer: 'On the deck plan: every free cabin is a button with its deck, number, position and fare. Taken cabins are greyed out.' },
      { question: 'Are port taxes included?', answer: 'Port taxes and fees are added per guest a night and shown before you pay.' },
      { question: 'Can I book shore excursions now?', answer: 'Yes: after your cabin, choose an excursion at one of the ports; it goes into your cart with the cruise.' },
      { question: 'What do you need for each passenger?', answer: 'Names as in the passport, date of birth and nationality, for the port authorities.' },
    ],
    reviews: ['Picking the exact cabin on the deck plan was great.', 'Booked the cruise and a tasting tour in Santorini together.', 'The passenger wizard kept everything when I went back.', 'Clear fares per night made comparing sailings easy.'],
  },
  // A cruise: the sailing and its cabin on the deck plan, an excursion at a port, the cart, every passenger in a wizard, review, then payment by card.
  flow: [
    searchStep(),
    resultsStep(),
    listingStep(),
    roundStep({ slot: 'excursion', label: 'Shore excursion', params: excursionSearch, filters: EXCURSION_FILTERS, sorts: EXCURSION_SORTS }),
    cartStep({ more: false }),
    detailsStep({ wizard: true }),
    reviewStep(),
    paymentStep(),
    confirmationStep(),
  ],
};
