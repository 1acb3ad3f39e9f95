import { addDays, horizonDates, inHorizon } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import type { SearchParams, SiteDefinition } from '../engine/site-definition.js';
import { confirmationStep, detailsStep, listingStep, resultsStep, reviewStep, roundStep, searchStep } from '../engine/steps/index.js';
import { ferryCrossingsDomain } from './domain.js';
import { FERRYWAY_FACTS } from './facts.js';
import { CONTACT_FIELDS, FILTERS, SEARCH_FIELDS, SORTS, TRAVELLER_FIELDS, validateFerrySearch, VEHICLES, type VehicleId } from './fields.js';
import { CURRENCY, ferryDetail, partyOf, searchFerries } from './inventory.js';
import { LAYOUT, THEME, WORDING } from './look.js';
import { PORT_SOURCE, placeLabel, suggestPlaces } from './ports.js';
import { ferryBookingAttrs, ferryExtras, ferryPrice, legsOf } from './pricing.js';
import { ferrywayTasks } from './tasks.js';

/** The return leg's search: the same passengers and vehicle, the places swapped, on the return date. */
export function returnLeg(main: SearchParams): SearchParams {
  return { ...main, origin: main.destination!, destination: main.origin!, date: main.returnDate! };
}

/** A search with open sailings (both ways for a return journey): mostly the busy short crossings, sometimes a long overnight one. */
function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates();
  const crossings = world.all(ferryCrossingsDomain);
  let params: SearchParams = {};
  const dense = rng.chance(0.75);
  for (let attempt = 0; attempt < 120; attempt++) {
    const c = rng.pick(crossings);
    const date = rng.pick(dates.slice(0, -3));
    const tripType = rng.chance(0.55) ? 'return' : 'oneway';
    const returnDate = addDays(date, rng.weighted([[1, 2], [2, 2], [4, 2], [7, 3], [10, 1], [14, 1]] as const));
    const vehicle: VehicleId = rng.weighted([['none', 4], ['car', 4], ['van', 1], ['motorhome', 1], ['motorbike', 1], ['bicycle', 1]] as const);
    let adults = rng.weighted([[1, 3], [2, 6], [3, 1], [4, 1]] as const);
    let children = rng.chance(0.3) ? rng.int(1, 2) : 0;
    // A request states every fact of the party that is not the form's default (2 adults, no
    // children, no vehicle), and a task says at most eight things: a return journey has room
    // for one such fact, a one-way one for two.
    const said = () => Number(adults !== 2) + Number(children > 0) + Number(vehicle !== 'none');
    if (said() > (tripType === 'return' ? 1 : 2)) children = 0;
    if (said() > (tripType === 'return' ? 1 : 2)) adults = 2;
    params = { tripType, origin: c.origin, destination: c.destination, date, ...(tripType === 'return' && inHorizon(returnDate) ? { returnDate } : {}), adults, children, vehicle };
    if (tripType === 'return' && params.returnDate === undefined) continue;
    const found = searchFerries(world, params);
    const open = (p: SearchParams) => searchFerries(world, p).filter((l) => !l.soldOut).length;
    if (found.length < (dense && attempt < 100 ? 15 : 1) || open(params) < (dense ? 5 : 1)) continue;
    if (tripType === 'return' && open(returnLeg(params)) < 1) continue;
    return params;
  }
  return params;
}

export const ferryway: SiteDefinition = {
  id: 'ferryway',
  name: 'Ferryway',
  domain: 'ferries',
  tagline: 'Ferries across the Channel, the Mediterranean and the Baltic',
  currency: CURRENCY,
  theme: THEME,
  layout: LAYOUT,
  wording: WORDING,

  searchFields: SEARCH_FIELDS,
  suggest: (_w, source, q) => (source === PORT_SOURCE ? suggestPlaces(q) : []),
  labelFor: (_w, source, value) => (source === PORT_SOURCE ? placeLabel(value) : undefined),
  validateSearch: validateFerrySearch,
  exampleSearch,

  search: searchFerries,
  filters: FILTERS,
  sorts: SORTS,
  detail: ferryDetail,
  whyUnavailable: () => 'This sailing is not on your route and date. Go back to the sailings to choose another.',

  travellerCount: (p) => partyOf(p).travellers,
  travellerFields: TRAVELLER_FIELDS,
  contactFields: CONTACT_FIELDS,
  extras: ferryExtras,
  units: (ctx) => legsOf(ctx.params),
  price: ferryPrice,
  bookingAttrs: ferryBookingAttrs,
  facts: FERRYWAY_FACTS,
  domains: [ferryCrossingsDomain],
  tasks: ferrywayTasks,
  chrome: {
    items: 'ferry crossings',
    faq: [
      { question: 'How early must I be at the port?', answer: 'Check-in closes 45 minutes before sailing for foot passengers and 60 minutes before for vehicles; on fast ferries, 30 minutes.' },
      { question: 'Do I need a cabin on a night crossing?', answer: 'No: deck passage includes a place in the lounges. Cabins and reclining seats are sold per sailing, on the sailing page.' },
      { question: 'Which vehicles can I take?', answer: 'Cars, vans, motorhomes, motorbikes and bicycles, chosen on the search form. Some fast ferries carry foot passengers and bicycles only.' },
    ],
    reviews: ['Booked the car and a cabin for the night crossing in a few minutes.', 'Seeing every sailing of the day in one table made it easy.', 'The return sailing was chosen on its own page, very clear.', 'Travelling with our van and the dog was no trouble to book.'],
  },
  // Passenger details as a wizard (passengers, contact, add-ons), as ferry sites ask them page by page.
  flow: [
    searchStep(),
    resultsStep(),
    listingStep(),
    roundStep({ slot: 'return', label: 'Return sailing', params: returnLeg, when: (p) => p.tripType === 'return' && typeof p.returnDate === 'string' }),
    detailsStep({ wizard: true }),
    reviewStep(),
    confirmationStep(),
  ],
};

export { VEHICLES };
