import { staywellManage } from './manage.js';
import type { FilterSpec, SiteDefinition, SortSpec } from '../engine/site-definition.js';
import { AMENITIES } from './domain.js';
import { bookingAttrs, contactFields, extras, price, travellerCount, travellerFields, unitPrices, units } from './booking.js';
import { STAYWELL_FACTS } from './facts.js';
import { detail, search } from './listings.js';
import { AMENITY_LABELS, layout, theme, wording } from './look.js';
import { exampleSearch, labelFor, searchFields, suggest, validateSearch } from './search-form.js';
import { hotelsDomain } from './domain.js';
import { staywellTasks } from './tasks.js';

/** Staywell: hotel stays in 18 European cities (domain "hotels"). */

const filters: FilterSpec[] = [
  {
    id: 'stars',
    kind: 'multi',
    attr: 'stars',
    label: 'Star rating',
    mode: 'any',
    options: [5, 4, 3, 2].map((n) => ({ value: String(n), label: `${n} stars` })),
  },
  {
    id: 'rating',
    kind: 'min',
    attr: 'rating',
    label: 'Guest rating',
    options: [
      { value: '9', label: 'Superb: 9+' },
      { value: '8', label: 'Very good: 8+' },
      { value: '7', label: 'Good: 7+' },
    ],
  },
  { id: 'freeCancellation', kind: 'flag', attr: 'freeCancellation', label: 'Free cancellation' },
  {
    id: 'maxPrice',
    kind: 'max',
    attr: 'pricePerNight',
    label: 'Max price per night',
    options: [75, 100, 150, 200, 300, 500].map((n) => ({ value: String(n), label: `Up to €${n}` })),
  },
  {
    id: 'amenities',
    kind: 'multi',
    attr: 'amenities',
    label: 'Amenities',
    mode: 'all',
    options: AMENITIES.map((a) => ({ value: a, label: AMENITY_LABELS[a] })),
  },
  // No options: the engine lists the neighbourhoods found in the results.
  { id: 'neighbourhood', kind: 'multi', attr: 'neighbourhood', label: 'Neighbourhood', mode: 'any' },
];

const sorts: SortSpec[] = [
  { id: 'recommended', label: 'Our top picks', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Price (lowest first)', attr: 'pricePerNight', dir: 'asc' },
  { id: 'rating', label: 'Guest rating (highest first)', attr: 'rating', dir: 'desc' },
  { id: 'distance', label: 'Distance from centre', attr: 'distanceKm', dir: 'asc' },
  { id: 'stars', label: 'Stars (highest first)', attr: 'stars', dir: 'desc' },
];

export const staywell: SiteDefinition = {
  id: 'staywell',
  name: 'Staywell',
  domain: 'hotels',
  tagline: 'Hotel stays you will want to come back to',
  currency: 'EUR',
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
  travellerCount,
  travellerFields,
  contactFields,
  extras,
  units,
  price,
  unitPrices,
  bookingAttrs,
  facts: STAYWELL_FACTS,
  domains: [hotelsDomain],
  tasks: staywellTasks,
  manage: staywellManage,
};
