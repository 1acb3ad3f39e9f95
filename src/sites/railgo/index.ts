import { horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import { RAIL_ROUTES } from './domain.js';
import type { World } from '../../world/world.js';
import type { SearchParams, SiteDefinition } from '../engine/site-definition.js';
import { CONTACT_FIELDS, FILTERS, SEARCH_FIELDS, SORTS, TRAVELLER_FIELDS, validateRailSearch } from './fields.js';
import { CURRENCY, partyOf, searchTrains, trainDetail } from './inventory.js';
import { LAYOUT, THEME, WORDING } from './look.js';
import { railBookingAttrs, railExtras, railPrice, railIncludedExtras, railUnitPrices } from './pricing.js';
import { RAILGO_FACTS } from './facts.js';
import { STATION_SOURCE, railCity, stationLabel, suggestStations } from './stations.js';
import { trainsDomain } from './domain.js';
import { railgoTasks } from './tasks.js';

/** A search with at least 3 trains, one of them bookable by the party. */
function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates();
  let params: SearchParams = {};
  for (let attempt = 0; attempt < 60; attempt++) {
    const route = rng.pick(RAIL_ROUTES);
    params = {
      origin: route.from.station.code,
      destination: route.to.station.code,
      date: rng.pick(dates),
      departAfter: rng.pick(['06:00', '06:00', '07:00', '08:00', '09:00', '10:00']),
      adults: rng.weighted([[1, 5], [2, 4], [3, 1]] as const),
      children: rng.chance(0.25) ? rng.int(1, 2) : 0,
      railcard: rng.weighted([['none', 6], ['youth', 2], ['senior', 2]] as const),
    };
    const found = searchTrains(world, params);
    if (found.length >= 3 && found.some((l) => !l.soldOut)) return params;
  }
  return { ...params, departAfter: '00:00', adults: 1, children: 0 };
}

export const railgo: SiteDefinition = {
  id: 'railgo',
  name: 'RailGo',
  domain: 'trains',
  tagline: 'Fast trains between Europe’s great cities',
  currency: CURRENCY,
  theme: THEME,
  layout: LAYOUT,
  wording: WORDING,

  searchFields: SEARCH_FIELDS,
  suggest: (_world, source, query) => (source === STATION_SOURCE ? suggestStations(query) : []),
  labelFor: (_world, source, value) => {
    if (source !== STATION_SOURCE) return undefined;
    const city = railCity(value);
    return city ? stationLabel(city) : undefined;
  },
  validateSearch: validateRailSearch,
  exampleSearch,

  search: searchTrains,
  filters: FILTERS,
  sorts: SORTS,
  detail: trainDetail,

  travellerCount: (params) => partyOf(params).travellers,
  travellerFields: TRAVELLER_FIELDS,
  contactFields: CONTACT_FIELDS,
  extras: railExtras,
  includedExtras: railIncludedExtras,
  units: () => 1,
  price: railPrice,
  unitPrices: railUnitPrices,
  bookingAttrs: railBookingAttrs,
  facts: RAILGO_FACTS,
  domains: [trainsDomain],
  tasks: railgoTasks,
};
