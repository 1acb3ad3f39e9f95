import type { AttrValue } from '../../core/schemas/episode-state.js';
import type { FactSpec } from '../engine/site-definition.js';
import { cityLabel } from '../engine/city-search.js';
import { CATEGORY_LABELS, FEATURE_LABELS, type Category, type Feature } from './domain.js';

const category = (v: AttrValue) => (v === 'any' ? 'Any' : (CATEGORY_LABELS[v as Category] ?? String(v)));
const features = (v: AttrValue) => (Array.isArray(v) ? (v.length ? v.map((f) => FEATURE_LABELS[f as Feature] ?? f).join(', ') : 'None') : String(v));

/** The facts of one item of the cart, under a prefix ("" for the first, "item2." for the second). */
function itemFacts(prefix: string, label: string): FactSpec[] {
  return [
    { field: `${prefix}attraction`, label: `${label}Experience`, stage: 'selection', kind: 'text' },
    { field: `${prefix}tickets`, label: `${label}Tickets`, stage: 'selection', kind: 'text' },
    { field: `${prefix}startTime`, label: `${label}Start time`, stage: 'selection', kind: 'time' },
    { field: `${prefix}adultTickets`, label: `${label}Adult tickets`, stage: 'selection', kind: 'number' },
    { field: `${prefix}childTickets`, label: `${label}Child tickets`, stage: 'selection', kind: 'number' },
    { field: `${prefix}seniorTickets`, label: `${label}Senior tickets`, stage: 'selection', kind: 'number' },
    { field: `${prefix}familyTickets`, label: `${label}Family tickets`, stage: 'selection', kind: 'number' },
    { field: `${prefix}ticketCount`, label: `${label}Tickets in all`, stage: 'selection', kind: 'number' },
  ];
}

/** Every fact of a TourBase booking a task may check, as the review and confirmation pages show it. */
export const TOURBASE_FACTS: FactSpec[] = [
  { field: 'city', label: 'City', stage: 'search', kind: 'text', format: (v) => cityLabel(String(v)) ?? String(v) },
  { field: 'date', label: 'Date', stage: 'search', kind: 'date' },
  { field: 'category', label: 'Searched category', stage: 'search', kind: 'text', format: category },
  ...itemFacts('', ''),
  { field: 'attractionCategory', label: 'Category', stage: 'selection', kind: 'text', format: category },
  { field: 'neighbourhood', label: 'Neighbourhood', stage: 'selection', kind: 'text' },
  { field: 'durationMin', label: 'Duration', stage: 'selection', kind: 'duration' },
  { field: 'rating', label: 'Rating (out of 5)', stage: 'selection', kind: 'number' },
  { field: 'features', label: 'Features', stage: 'selection', kind: 'list', format: features },
  { field: 'visitors', label: 'People admitted', stage: 'selection', kind: 'number' },
  { field: 'adultPrice', label: 'Adult ticket price', stage: 'selection', kind: 'money' },
  ...itemFacts('item2.', 'Second experience: '),
  { field: 'itemCount', label: 'Experiences in this order', stage: 'booking', kind: 'number' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
