import type { Cuisine, Feature, SeatingArea } from './domain.js';
import type { FactSpec } from '../engine/site-definition.js';
import { CUISINE_LABELS, DRESS_CODE_LABELS, FEATURE_LABELS, SEATING_LABELS, cityName, priceSymbols } from './labels.js';

/**
 * Every fact of a Forkful booking a task may check, as the review and confirmation pages show
 * it. The time is the seating booked (`bookedTime`), not the time asked for in the search.
 */
export const FORKFUL_FACTS: FactSpec[] = [
  { field: 'city', label: 'City', stage: 'search', kind: 'text', format: (v) => cityName(String(v)) },
  { field: 'date', label: 'Date', stage: 'search', kind: 'date' },
  { field: 'bookedTime', label: 'Table booked for', stage: 'selection', kind: 'time' },
  { field: 'partySize', label: 'Party size', stage: 'search', kind: 'number' },
  { field: 'restaurant', label: 'Restaurant', stage: 'selection', kind: 'text' },
  { field: 'cuisine', label: 'Cuisine', stage: 'selection', kind: 'text', format: (v) => CUISINE_LABELS[v as Cuisine] ?? String(v) },
  { field: 'priceLevel', label: 'Price range', stage: 'selection', kind: 'number', format: (v) => priceSymbols(Number(v)) },
  { field: 'rating', label: 'Rating (out of 5)', stage: 'selection', kind: 'number' },
  { field: 'reviewCount', label: 'Reviews', stage: 'selection', kind: 'number' },
  { field: 'neighbourhood', label: 'Area', stage: 'selection', kind: 'text' },
  { field: 'features', label: 'Features', stage: 'selection', kind: 'list', format: (v) => (Array.isArray(v) ? (v.length ? v.map((f) => FEATURE_LABELS[f as Feature] ?? f).join(', ') : 'None') : String(v)) },
  { field: 'dressCode', label: 'Dress code', stage: 'selection', kind: 'text', format: (v) => DRESS_CODE_LABELS[String(v)] ?? String(v) },
  { field: 'freeCancellation', label: 'Free cancellation', stage: 'selection', kind: 'flag' },
  { field: 'seating', label: 'Seating', stage: 'selection', kind: 'text', format: (v) => SEATING_LABELS[v as SeatingArea] ?? String(v) },
  { field: 'depositPerGuest', label: 'Deposit per guest', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total charged now', stage: 'booking', kind: 'money' },
];
