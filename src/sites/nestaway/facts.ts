import type { AttrValue } from '../../core/schemas/episode-state.js';
import type { FactSpec } from '../engine/site-definition.js';
import { cityLabel } from '../engine/city-search.js';
import { AMENITY_LABELS, TYPE_LABELS, type Amenity, type PropertyType } from './domain.js';

const list = (v: AttrValue) => (Array.isArray(v) ? (v.length ? v.map((a) => AMENITY_LABELS[a as Amenity] ?? a).join(', ') : 'None') : String(v));

/** Every fact of a Nestaway booking a task may check, as the review and confirmation pages show it. */
export const NESTAWAY_FACTS: FactSpec[] = [
  { field: 'city', label: 'City', stage: 'search', kind: 'text', format: (v) => cityLabel(String(v)) ?? String(v) },
  { field: 'date', label: 'Check-in', stage: 'search', kind: 'date' },
  { field: 'checkOutDate', label: 'Check-out', stage: 'selection', kind: 'date' },
  { field: 'nights', label: 'Nights', stage: 'search', kind: 'number' },
  { field: 'guests', label: 'Guests', stage: 'search', kind: 'number' },
  { field: 'rental', label: 'Place', stage: 'selection', kind: 'text' },
  { field: 'propertyType', label: 'Type of place', stage: 'selection', kind: 'text', format: (v) => TYPE_LABELS[v as PropertyType] ?? String(v) },
  { field: 'neighbourhood', label: 'Neighbourhood', stage: 'selection', kind: 'text' },
  { field: 'bedrooms', label: 'Bedrooms', stage: 'selection', kind: 'number' },
  { field: 'amenities', label: 'Amenities', stage: 'selection', kind: 'list', format: list },
  { field: 'petsAllowed', label: 'Pets allowed', stage: 'selection', kind: 'flag' },
  { field: 'superhost', label: 'Superhost', stage: 'selection', kind: 'flag' },
  { field: 'rating', label: 'Guest rating (out of 5)', stage: 'selection', kind: 'number' },
  { field: 'pricePerNight', label: 'Listed price per night', stage: 'selection', kind: 'money' },
  { field: 'rate', label: 'Rate', stage: 'selection', kind: 'text' },
  { field: 'nightlyRate', label: 'Price per night at this rate', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
