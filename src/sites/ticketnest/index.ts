import type { SiteDefinition } from '../engine/site-definition.js';
import { detail, exampleSearch, filters, search, sorts } from './browse.js';
import { labelFor, searchFields, suggest, validateSearch } from './fields.js';
import { layout, theme } from './look.js';
import { contactFields, travellerFields } from './people.js';
import { bookingFacts, CURRENCY, extrasFor, priceSelection, ticketCount } from './pricing.js';
import { TICKETNEST_FACTS } from './facts.js';
import { wording } from './wording.js';
import { eventsDomain } from './domain.js';
import { ticketnestTasks } from './tasks.js';

/** TicketNest: tickets for concerts, theatre, comedy, sports, opera and festivals. */
export const ticketnest: SiteDefinition = {
  id: 'ticketnest',
  name: 'TicketNest',
  domain: 'events',
  tagline: 'Live music, theatre, comedy and sport: your next night out starts here.',
  currency: CURRENCY,
  theme,
  layout,
  wording,

  searchFields,
  suggest,
  labelFor,
  validateSearch,
  exampleSearch,
  search,
  filters,
  sorts,
  detail,

  travellerCount: () => 1,
  travellerFields,
  contactFields,
  extras: extrasFor,
  units: ticketCount,
  price: priceSelection,
  bookingAttrs: bookingFacts,
  facts: TICKETNEST_FACTS,
  domains: [eventsDomain],
  tasks: ticketnestTasks,
};
