import { longDate } from '../../core/dates.js';
import type { EventCategory } from './domain.js';
import { cityById } from '../../world/geography.js';
import type { FactSpec } from '../engine/site-definition.js';
import { DELIVERY_METHODS } from './pricing.js';
import { CATEGORY_LABELS } from './wording.js';

const cap = (v: unknown) => String(v).charAt(0).toUpperCase() + String(v).slice(1);

/**
 * Every fact of a TicketNest booking a task may check, as the review and confirmation pages
 * show it: the performance's own date and time, never the searched date range.
 */
export const TICKETNEST_FACTS: FactSpec[] = [
  { field: 'city', label: 'City', stage: 'search', kind: 'text', format: (v) => cityById(String(v))?.name ?? String(v) },
  { field: 'tickets', label: 'Tickets', stage: 'search', kind: 'number' },
  { field: 'category', label: 'Category', stage: 'selection', kind: 'text', format: (v) => CATEGORY_LABELS[v as EventCategory] ?? String(v) },
  { field: 'genre', label: 'Genre', stage: 'selection', kind: 'text', format: cap },
  { field: 'performer', label: 'Performer', stage: 'selection', kind: 'text' },
  { field: 'date', label: 'Performance date', stage: 'selection', kind: 'date' },
  { field: 'time', label: 'Starts at', stage: 'selection', kind: 'time' },
  { field: 'startsAt', label: 'Date and time', stage: 'selection', kind: 'text', format: (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${longDate(v.slice(0, 10))} at ${v.slice(11)}` : String(v)) },
  { field: 'durationMin', label: 'Duration', stage: 'selection', kind: 'duration' },
  { field: 'venue', label: 'Venue', stage: 'selection', kind: 'text' },
  { field: 'neighbourhood', label: 'Area', stage: 'selection', kind: 'text' },
  { field: 'ageRestriction', label: 'Age restriction', stage: 'selection', kind: 'text', format: (v) => (v === 'none' ? 'None (all ages)' : String(v)) },
  { field: 'parkingAvailable', label: 'Parking at the venue', stage: 'selection', kind: 'flag' },
  { field: 'popularity', label: 'Popularity score (0-100)', stage: 'selection', kind: 'number' },
  { field: 'section', label: 'Section', stage: 'selection', kind: 'text' },
  { field: 'seated', label: 'Allocated seats', stage: 'selection', kind: 'flag', format: (v) => (v === true ? 'Yes (seated)' : 'No (standing)') },
  { field: 'ticketPrice', label: 'Price per ticket (before service fee)', stage: 'selection', kind: 'money' },
  { field: 'delivery', label: 'Delivery', stage: 'selection', kind: 'text', format: (v) => DELIVERY_METHODS.find((m) => m.id === v)?.label ?? String(v) },
  { field: 'deliveryFee', label: 'Delivery fee', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
