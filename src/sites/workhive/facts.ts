import type { FactSpec } from '../engine/site-definition.js';
import { cityLabel } from '../engine/city-search.js';
import { AMENITY_LABELS, KIND_LABELS, type Amenity, type Kind } from './domain.js';
import { hoursText, SETUPS } from './spaces.js';

/** Every fact of a WorkHive booking a task may check, as the review and confirmation pages show it. */
export const WORKHIVE_FACTS: FactSpec[] = [
  { field: 'kind', label: 'Type of space', stage: 'search', kind: 'text', format: (v) => KIND_LABELS[v as Kind] ?? String(v) },
  { field: 'city', label: 'City', stage: 'search', kind: 'text', format: (v) => cityLabel(String(v)) ?? String(v) },
  { field: 'date', label: 'Date', stage: 'search', kind: 'date' },
  { field: 'hours', label: 'Length of booking', stage: 'search', kind: 'text', format: (v) => hoursText(Number(v)) },
  { field: 'attendees', label: 'People', stage: 'search', kind: 'number' },
  { field: 'space', label: 'Space', stage: 'selection', kind: 'text' },
  { field: 'venue', label: 'Centre', stage: 'selection', kind: 'text' },
  { field: 'neighbourhood', label: 'Neighbourhood', stage: 'selection', kind: 'text' },
  { field: 'floor', label: 'Floor', stage: 'selection', kind: 'number', format: (v) => (Number(v) === 0 ? 'Ground floor' : `Floor ${String(v)}`) },
  { field: 'capacity', label: 'Seats (desks)', stage: 'selection', kind: 'number' },
  { field: 'amenities', label: 'Amenities', stage: 'selection', kind: 'list', format: (v) => (Array.isArray(v) ? v.map((a) => AMENITY_LABELS[a as Amenity] ?? String(a)).join(', ') : String(v)) },
  { field: 'rating', label: 'Rating (out of 5)', stage: 'selection', kind: 'number' },
  { field: 'opens', label: 'Opens', stage: 'selection', kind: 'time' },
  { field: 'closes', label: 'Closes', stage: 'selection', kind: 'time' },
  { field: 'time', label: 'Start time', stage: 'selection', kind: 'time' },
  { field: 'endTime', label: 'End time', stage: 'selection', kind: 'time' },
  { field: 'setup', label: 'Room layout', stage: 'selection', kind: 'text', format: (v) => SETUPS[String(v)] ?? String(v) },
  { field: 'hourlyPrice', label: 'Hourly rate (per desk for hot desks)', stage: 'selection', kind: 'money' },
  { field: 'spacePrice', label: 'Price of the space for this booking', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total paid', stage: 'booking', kind: 'money' },
];
