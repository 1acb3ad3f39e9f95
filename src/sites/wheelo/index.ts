import type { SiteDefinition } from '../engine/site-definition.js';
import { exampleRentalSearch } from './example.js';
import { WHEELO_FACTS } from './facts.js';
import { CONTACT_FIELDS, SEARCH_FIELDS, TRAVELLER_FIELDS, validateRentalSearch } from './forms.js';
import { searchCars } from './inventory.js';
import { LOCATION_SOURCE, locationLabel, suggestLocations } from './locations.js';
import { FILTERS, LAYOUT, SORTS, THEME, WORDING } from './look.js';
import { carDetail, carUnavailable } from './options.js';
import { carBookingAttrs, carExtras, carPrice, selectionDays } from './pricing.js';
import { carsDomain } from './domain.js';
import { wheeloTasks } from './tasks.js';

/** Wheelo: car rental at airport and downtown desks in 18 European cities. */
export const wheelo: SiteDefinition = {
  id: 'wheelo',
  name: 'Wheelo',
  domain: 'cars',
  tagline: 'Rental cars from trusted local suppliers, no hidden extras.',
  currency: 'EUR',
  theme: THEME,
  layout: LAYOUT,
  wording: WORDING,

  searchFields: SEARCH_FIELDS,
  suggest: (_world, source, query) => (source === LOCATION_SOURCE ? suggestLocations(query) : []),
  labelFor: (_world, source, value) => (source === LOCATION_SOURCE ? locationLabel(value) : undefined),
  validateSearch: validateRentalSearch,
  exampleSearch: exampleRentalSearch,

  search: searchCars,
  filters: FILTERS,
  sorts: SORTS,
  detail: carDetail,
  whyUnavailable: carUnavailable,

  travellerCount: () => 1,
  travellerFields: TRAVELLER_FIELDS,
  contactFields: CONTACT_FIELDS,
  extras: carExtras,
  units: selectionDays,
  price: carPrice,
  bookingAttrs: carBookingAttrs,
  facts: WHEELO_FACTS,
  domains: [carsDomain],
  tasks: wheeloTasks,
};
