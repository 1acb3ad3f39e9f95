import type { SiteDefinition } from '../engine/site-definition.js';
import { FORKFUL_FACTS } from './facts.js';
import { bookingAttrs, contactFields, CURRENCY, extras, price, travellerCount, travellerFields, units } from './booking.js';
import { exampleSearch } from './example.js';
import { detail, filters, search, sorts } from './listings.js';
import { layout, theme, wording } from './look.js';
import { labelFor, searchFields, suggest } from './search-form.js';
import { restaurantsDomain } from './domain.js';
import { forkfulTasks } from './tasks.js';

/** Forkful: table reservations at restaurants in 18 European cities. */
export const forkful: SiteDefinition = {
  id: 'forkful',
  name: 'Forkful',
  domain: 'restaurants',
  tagline: 'Book a table at the places locals love',
  currency: CURRENCY,
  theme,
  layout,
  wording,
  searchFields,
  suggest,
  labelFor,
  exampleSearch,
  search,
  filters,
  sorts,
  detail,
  travellerCount,
  travellerFields,
  contactFields,
  extras,
  units,
  price,
  bookingAttrs,
  facts: FORKFUL_FACTS,
  domains: [restaurantsDomain],
  tasks: forkfulTasks,
};
