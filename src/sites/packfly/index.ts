import { horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { emailField, nameField, phoneField } from '../engine/common-fields.js';
import type { FilterSpec, SearchParams, SiteDefinition, SortSpec } from '../engine/site-definition.js';
import { accountStep, confirmationStep, detailsStep, listingStep, paymentStep, resultsStep, reviewStep, roundStep, searchStep } from '../engine/steps/index.js';
import { BOARDS, packageHotelsDomain } from './domain.js';
import { PACKFLY_FACTS } from './facts.js';
import { PACKAGE_AIRLINES } from './flights.js';
import { CURRENCY, flightsSearch, packageDetail, partyOf, returnDateOf, searchPackages } from './inventory.js';
import { LAYOUT, THEME, WORDING } from './look.js';
import { AIRPORTS, airportByCode, airportLabel, DESTINATION_SOURCE, destinationByCode, destinationLabel, DESTINATIONS, ORIGIN_SOURCE, suggestDestinations, suggestOrigins } from './places.js';
import { packageBookingAttrs, packageExtras, packagePrice } from './pricing.js';
import { packflyTasks } from './tasks.js';

const NIGHTS = [3, 4, 5, 7, 10, 14];

/** The flights round's filters and sorts (the hotels' do not apply to flights). */
const FLIGHT_FILTERS: FilterSpec[] = [
  { id: 'stops', kind: 'max', attr: 'stops', label: 'Stops', options: [{ value: '0', label: 'Direct both ways' }] },
  { id: 'airline', kind: 'multi', attr: 'airline', label: 'Airlines', mode: 'any', options: PACKAGE_AIRLINES.map((a) => ({ value: a, label: a })) },
  {
    id: 'outbound',
    kind: 'timeWindow',
    attr: 'departTime',
    label: 'Outbound departure',
    windows: [
      { value: 'morning', label: 'Before noon', from: '00:00', to: '11:59' },
      { value: 'afternoon', label: 'Noon or later', from: '12:00', to: '23:59' },
    ],
  },
];
const FLIGHT_SORTS: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'departure', label: 'Outbound departure', attr: 'departTime', dir: 'asc' },
  { id: 'duration', label: 'Shortest outbound flight', attr: 'durationMin', dir: 'asc' },
];

/** A search whose destination has hotels and flights for the party: 15-60 hotels a search. */
function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates();
  let params: SearchParams = {};
  for (let attempt = 0; attempt < 80; attempt++) {
    const origin = rng.pick(AIRPORTS).code;
    const destination = rng.pick(DESTINATIONS).code;
    const nights = rng.weighted([[3, 1], [4, 1], [5, 1], [7, 5], [10, 2], [14, 2]] as const);
    const date = rng.pick(dates.slice(0, -16));
    const adults = rng.weighted([[1, 1], [2, 6], [3, 1], [4, 1]] as const);
    const children = adults <= 2 && rng.chance(0.3) ? rng.int(1, 2) : 0;
    // A select's value is a string, as the form posts it.
    params = { origin, destination, date, nights: String(nights), adults, children };
    const open = searchPackages(world, params).filter((l) => !l.soldOut);
    const flights = searchPackages(world, flightsSearch(params)).filter((l) => !l.soldOut);
    if (open.length >= 8 && flights.length >= 2) return params;
  }
  return params;
}

export const packfly: SiteDefinition = {
  id: 'packfly',
  name: 'Packfly',
  domain: 'packages',
  tagline: 'Flight + hotel holidays in the sun, booked together',
  currency: CURRENCY,
  theme: THEME,
  layout: LAYOUT,
  wording: WORDING,

  searchFields: [
    { name: 'origin', label: 'Flying from', kind: 'autocomplete', source: ORIGIN_SOURCE, placeholder: 'City or airport' },
    { name: 'destination', label: 'Going to', kind: 'autocomplete', source: DESTINATION_SOURCE, placeholder: 'Island, coast or resort' },
    { name: 'date', label: 'Departure date', kind: 'date' },
    { name: 'nights', label: 'Nights', kind: 'select', default: '7', options: NIGHTS.map((n) => ({ value: String(n), label: `${n} nights` })) },
    { name: 'adults', label: 'Adults', kind: 'stepper', userFact: true, min: 1, max: 6, default: 2 },
    { name: 'children', label: 'Children (2-11)', kind: 'stepper', userFact: true, min: 0, max: 4, default: 0 },
  ],
  suggest: (_w, source, q) => (source === ORIGIN_SOURCE ? suggestOrigins(q) : source === DESTINATION_SOURCE ? suggestDestinations(q) : []),
  labelFor: (_w, source, value) => {
    if (source === ORIGIN_SOURCE) {
      const a = airportByCode(value);
      return a ? airportLabel(a) : undefined;
    }
    const d = destinationByCode(value);
    return d ? destinationLabel(d) : undefined;
  },
  validateSearch: (p) => {
    const errors: Record<string, string> = {};
    if (Number(p.adults ?? 0) + Number(p.children ?? 0) > 6) errors.adults = 'At most 6 travellers per booking';
    if (typeof p.date === 'string' && !horizonDates().includes(returnDateOf(p))) errors.nights = 'Come back within the season: choose fewer nights or an earlier date';
    return errors;
  },
  exampleSearch,

  search: searchPackages,
  filters: [
    { id: 'stars', kind: 'min', attr: 'stars', label: 'Stars', options: [3, 4, 5].map((n) => ({ value: String(n), label: `${n}★ and up` })) },
    { id: 'rating', kind: 'min', attr: 'rating', label: 'Guest rating', options: [7, 8, 9].map((n) => ({ value: String(n), label: `${n}+` })) },
    { id: 'board', kind: 'multi', attr: 'boards', label: 'Board', mode: 'any', options: Object.entries(BOARDS).map(([value, b]) => ({ value, label: b.label })) },
    { id: 'pool', kind: 'flag', attr: 'pool', label: 'Pool' },
    { id: 'kids', kind: 'flag', attr: 'kidsClub', label: 'Kids club' },
    { id: 'beach', kind: 'max', attr: 'beachDistanceM', label: 'Distance to the beach', options: [100, 500, 1000].map((n) => ({ value: String(n), label: `Up to ${n} m` })) },
  ],
  sorts: [
    { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
    { id: 'price', label: 'Price per person (lowest first)', attr: 'packagePrice', dir: 'asc' },
    { id: 'rating', label: 'Guest rating (highest first)', attr: 'rating', dir: 'desc' },
    { id: 'beach', label: 'Nearest the beach', attr: 'beachDistanceM', dir: 'asc' },
  ],
  detail: packageDetail,
  whyUnavailable: () => 'This offer is not part of your holiday search. Go back to the list to choose another.',

  travellerCount: (p) => partyOf(p).travellers,
  travellerFields: [
    nameField('firstName', 'First name', 'Ana'),
    nameField('lastName', 'Last name', 'Silva'),
  ],
  contactFields: [emailField(), phoneField()],
  extras: packageExtras,
  units: (ctx) => partyOf(ctx.params).travellers,
  price: packagePrice,
  bookingAttrs: packageBookingAttrs,
  facts: PACKFLY_FACTS,
  domains: [packageHotelsDomain],
  tasks: packflyTasks,
  chrome: {
    items: 'holidays',
    faq: [
      { question: 'What is included in the package price?', answer: 'Your flights there and back, the hotel for every night, and the board you choose. Checked bags, transfers and insurance are extras.' },
      { question: 'Do I need an account?', answer: 'Yes: package bookings are kept in your Packfly account. You can create one at checkout.' },
      { question: 'When do I pay?', answer: 'In full by card when you book. Declined cards book nothing.' },
    ],
    reviews: ['Choosing the hotel first and then the flights made sense.', 'All inclusive with flights for the whole family in one go.', 'The price per person made comparing hotels easy.', 'Paid by card and had the confirmation straight away.'],
  },
  // A package: the hotel, then its flights in a second round, an account (required), the travellers, review, then payment by card.
  flow: [
    searchStep(),
    resultsStep(),
    listingStep(),
    roundStep({ slot: 'flights', label: 'Flights', params: flightsSearch, filters: FLIGHT_FILTERS, sorts: FLIGHT_SORTS }),
    accountStep({ guest: false }),
    detailsStep(),
    reviewStep(),
    paymentStep(),
    confirmationStep(),
  ],
};
