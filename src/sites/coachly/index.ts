import { addDays, horizonDates, inHorizon } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import type { SearchParams, SiteDefinition } from '../engine/site-definition.js';
import { confirmationStep } from '../engine/steps/confirmation.js';
import { detailsStep } from '../engine/steps/details.js';
import { listingStep } from '../engine/steps/listing.js';
import { resultsStep } from '../engine/steps/results.js';
import { reviewStep } from '../engine/steps/review.js';
import { roundStep } from '../engine/steps/round.js';
import { searchStep } from '../engine/steps/search.js';
import { coachRoutesDomain } from './domain.js';
import { COACHLY_FACTS } from './facts.js';
import { CONTACT_FIELDS, FILTERS, SEARCH_FIELDS, SORTS, TRAVELLER_FIELDS, validateCoachSearch } from './fields.js';
import { coachDetail, CURRENCY, partyOf, searchCoaches } from './inventory.js';
import { LAYOUT, THEME, WORDING } from './look.js';
import { coachBookingAttrs, coachExtras, coachPrice, legsOf } from './pricing.js';
import { COACH_STATIONS, stationByCode, stationLabel, STOP_SOURCE, suggestStops } from './stations.js';
import { coachlyTasks } from './tasks.js';

/** The return leg's search: the same passengers, the places swapped, on the return date. */
export function returnLeg(main: SearchParams): SearchParams {
  return { ...main, origin: main.destination!, destination: main.origin!, date: main.returnDate! };
}

/** A search with 15 or more departures, enough of them bookable by the party (both ways for a return trip). */
function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates();
  let params: SearchParams = {};
  for (let attempt = 0; attempt < 80; attempt++) {
    const from = rng.pick(COACH_STATIONS);
    const to = rng.pick(COACH_STATIONS);
    if (from === to) continue;
    const date = rng.pick(dates.slice(0, -3));
    const tripType = rng.chance(0.6) ? 'return' : 'oneway';
    const returnDate = addDays(date, rng.weighted([[0, 1], [1, 2], [2, 3], [3, 3], [5, 2], [7, 2], [10, 1]] as const));
    const seniors = rng.chance(0.2) ? rng.int(1, 2) : 0;
    const adults = seniors > 0 && rng.chance(0.5) ? 0 : rng.weighted([[1, 5], [2, 4], [3, 1]] as const);
    const children = adults > 0 && rng.chance(0.25) ? rng.int(1, 2) : 0;
    params = { tripType, origin: from.code, destination: to.code, date, ...(tripType === 'return' && inHorizon(returnDate) ? { returnDate } : {}), adults, seniors, children };
    if (tripType === 'return' && params.returnDate === undefined) continue;
    const open = (p: SearchParams) => searchCoaches(world, p).filter((l) => !l.soldOut).length;
    if (searchCoaches(world, params).length < 15 || open(params) < 5) continue;
    if (tripType === 'return' && open(returnLeg(params)) < 5) continue;
    return params;
  }
  return params;
}

export const coachly: SiteDefinition = {
  id: 'coachly',
  name: 'Coachly',
  domain: 'coaches',
  tagline: 'Long-distance coaches across Europe, from €4.99',
  currency: CURRENCY,
  theme: THEME,
  layout: LAYOUT,
  wording: WORDING,

  searchFields: SEARCH_FIELDS,
  suggest: (_w, source, q) => (source === STOP_SOURCE ? suggestStops(q) : []),
  labelFor: (_w, source, value) => {
    const s = source === STOP_SOURCE ? stationByCode(value) : undefined;
    return s ? stationLabel(s) : undefined;
  },
  validateSearch: validateCoachSearch,
  exampleSearch,

  search: searchCoaches,
  filters: FILTERS,
  sorts: SORTS,
  detail: coachDetail,
  whyUnavailable: () => 'This coach does not run on your route and date. Go back to the departures to choose another.',

  travellerCount: (p) => partyOf(p).travellers,
  travellerFields: TRAVELLER_FIELDS,
  contactFields: CONTACT_FIELDS,
  extras: coachExtras,
  units: (ctx) => legsOf(ctx.params),
  price: coachPrice,
  bookingAttrs: coachBookingAttrs,
  facts: COACHLY_FACTS,
  domains: [coachRoutesDomain],
  tasks: coachlyTasks,
  flow: [
    searchStep(),
    resultsStep(),
    listingStep(),
    roundStep({ slot: 'return', label: 'Return coach', params: returnLeg, when: (p) => p.tripType === 'return' && typeof p.returnDate === 'string' }),
    detailsStep(),
    reviewStep(),
    confirmationStep(),
  ],
};
