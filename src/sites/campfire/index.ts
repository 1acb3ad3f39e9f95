import { horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { emailField, nameField, phoneField } from '../engine/common-fields.js';
import type { FilterSpec, SearchParams, SiteDefinition, SortSpec } from '../engine/site-definition.js';
import { confirmationStep, detailsStep, listingStep, paymentStep, resultsStep, reviewStep, roundStep, searchStep } from '../engine/steps/index.js';
import { AREA_SOURCE, AREAS, areaByCode, areaLabel, suggestAreas } from './areas.js';
import { campsitesDomain, FACILITIES, PITCHES, PITCH_TYPES } from './domain.js';
import { CAMPFIRE_FACTS } from './facts.js';
import { campsiteDetail, CURRENCY, departureOf, packageSearch, searchCampsites, VEHICLES, type VehicleId } from './inventory.js';
import { LAYOUT, THEME, WORDING } from './look.js';
import { campBookingAttrs, campExtras, campPrice } from './pricing.js';
import { campfireTasks } from './tasks.js';

const NIGHTS = [1, 2, 3, 4, 5, 7, 10, 14];

/** The package round's filters and sorts (the campsites' do not apply to packages). */
const PACKAGE_FILTERS: FilterSpec[] = [
  { id: 'kind', kind: 'multi', attr: 'kind', label: 'Type', mode: 'any', options: [{ value: 'rental', label: 'Equipment rental' }, { value: 'activity', label: 'Activity' }] },
  { id: 'price', kind: 'max', attr: 'pricePerPerson', label: 'Price per person', options: [20, 40, 60].map((n) => ({ value: String(n), label: `Up to €${n}` })) },
];
const PACKAGE_SORTS: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Price per person (lowest first)', attr: 'pricePerPerson', dir: 'asc' },
  { id: 'rating', label: 'Rating (highest first)', attr: 'packageRating', dir: 'desc' },
];

/** A search whose area has campsites and packages for the party: 15-60 campsites a search. */
function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates();
  let params: SearchParams = {};
  for (let attempt = 0; attempt < 80; attempt++) {
    const area = rng.pick(AREAS).code;
    const nights = rng.weighted([[1, 1], [2, 3], [3, 3], [4, 2], [5, 2], [7, 4], [10, 1], [14, 1]] as const);
    const date = rng.pick(dates.slice(0, -15));
    const adults = rng.weighted([[1, 1], [2, 6], [3, 1], [4, 1]] as const);
    const children = adults <= 2 && rng.chance(0.4) ? rng.int(1, 3) : 0;
    const pets = rng.chance(0.3) ? rng.weighted([[1, 4], [2, 1]] as const) : 0;
    const vehicle = rng.weighted([[ 'none', 1], ['car', 5], ['van6', 2], ['van8', 2], ['caravan', 2]] as const);
    params = { area, date, nights: String(nights), adults, children, pets, vehicle };
    const open = searchCampsites(world, params).filter((l) => !l.soldOut);
    const packages = searchCampsites(world, packageSearch(params)).filter((l) => !l.soldOut);
    if (open.length >= 8 && packages.length >= 3) return params;
  }
  return params;
}

export const campfire: SiteDefinition = {
  id: 'campfire',
  name: 'Campfire',
  domain: 'campsites',
  tagline: 'Pitches, glamping and cabins by lakes, coasts, mountains and cities',
  currency: CURRENCY,
  theme: THEME,
  layout: LAYOUT,
  wording: WORDING,

  searchFields: [
    { name: 'area', label: 'Where', kind: 'autocomplete', source: AREA_SOURCE, placeholder: 'Lake, coast, mountains or city' },
    { name: 'date', label: 'Arrival', kind: 'date' },
    { name: 'nights', label: 'Nights', kind: 'select', default: '3', options: NIGHTS.map((n) => ({ value: String(n), label: `${n} night${n === 1 ? '' : 's'}` })) },
    { name: 'adults', label: 'Adults', kind: 'stepper', userFact: true, min: 1, max: 6, default: 2 },
    { name: 'children', label: 'Children (under 16)', kind: 'stepper', userFact: true, min: 0, max: 5, default: 0 },
    { name: 'pets', label: 'Pets', kind: 'stepper', userFact: true, min: 0, max: 3, default: 0 },
    { name: 'vehicle', label: 'Vehicle', kind: 'select', userFact: true, default: 'car', options: (Object.keys(VEHICLES) as VehicleId[]).map((v) => ({ value: v, label: VEHICLES[v].label })) },
  ],
  suggest: (_w, source, q) => (source === AREA_SOURCE ? suggestAreas(q) : []),
  labelFor: (_w, _source, value) => {
    const a = areaByCode(value);
    return a ? areaLabel(a) : undefined;
  },
  validateSearch: (p) => {
    const errors: Record<string, string> = {};
    if (Number(p.adults ?? 0) + Number(p.children ?? 0) > 8) errors.adults = 'At most 8 campers per booking';
    if (typeof p.date === 'string' && !horizonDates().includes(departureOf(p))) errors.nights = 'Leave within the season: choose fewer nights or an earlier arrival';
    return errors;
  },
  exampleSearch,

  search: searchCampsites,
  filters: [
    { id: 'pitch', kind: 'multi', attr: 'pitchTypes', label: 'Pitch type', mode: 'any', options: PITCH_TYPES.map((t) => ({ value: t, label: PITCHES[t].label.replace(/ \(.*\)$/, '') })) },
    { id: 'facilities', kind: 'multi', attr: 'facilities', label: 'Facilities', mode: 'all', options: Object.entries(FACILITIES).map(([value, label]) => ({ value, label })) },
    { id: 'hookup', kind: 'flag', attr: 'hookup', label: 'Electric hook-ups' },
    { id: 'pets', kind: 'flag', attr: 'petsAllowed', label: 'Pets allowed' },
    { id: 'rating', kind: 'min', attr: 'rating', label: 'Guest rating', options: ['3.5', '4', '4.5'].map((n) => ({ value: n, label: `${n}+ out of 5` })) },
    { id: 'price', kind: 'max', attr: 'fromNight', label: 'Price a night', options: [30, 50, 80, 120].map((n) => ({ value: String(n), label: `Up to €${n}` })) },
  ],
  sorts: [
    { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
    { id: 'price', label: 'Price a night (lowest first)', attr: 'fromNight', dir: 'asc' },
    { id: 'rating', label: 'Guest rating (highest first)', attr: 'rating', dir: 'desc' },
    { id: 'distance', label: 'Distance from the centre', attr: 'distanceKm', dir: 'asc' },
  ],
  detail: campsiteDetail,
  whyUnavailable: () => 'This campsite or package is not part of your search. Go back to the list to choose another.',

  travellerCount: () => 1,
  travellerFields: [nameField('firstName', 'First name', 'Ana'), nameField('lastName', 'Last name', 'Silva')],
  contactFields: [emailField(), phoneField()],
  extras: campExtras,
  units: () => 1,
  price: campPrice,
  bookingAttrs: campBookingAttrs,
  facts: CAMPFIRE_FACTS,
  domains: [campsitesDomain],
  tasks: campfireTasks,
  chrome: {
    items: 'campsites',
    faq: [
      { question: 'What do I pay now?', answer: 'A 30% deposit of your stay, and your rental or activity package in full. The rest of the stay is paid at reception on arrival.' },
      { question: 'Are pets allowed?', answer: 'At campsites marked "Pets welcome". Each pet costs €3 a night.' },
      { question: 'How long can my vehicle be?', answer: 'Each campsite says the longest vehicle (with what it tows) its roads and pitches take.' },
      { question: 'What is included in the pitch price?', answer: 'Two people and one vehicle. Further adults and children pay a night each; glamping tents and cabins are priced per unit.' },
    ],
    reviews: ['Found a lakeside pitch with a hook-up in minutes.', 'Booked kayak hire with the pitch, all in one go.', 'The dog was welcome and the deposit was small.', 'Easy to see which sites took our 8 m campervan.'],
  },
  // A stay and a package: the pitch, then a rental or an activity in a second round, the lead camper, review, then the deposit by card.
  flow: [
    searchStep(),
    resultsStep(),
    listingStep(),
    roundStep({ slot: 'package', label: 'Rental or activity', params: packageSearch, filters: PACKAGE_FILTERS, sorts: PACKAGE_SORTS }),
    detailsStep(),
    reviewStep(),
    paymentStep(),
    confirmationStep(),
  ],
};
