import type { FactSpec } from '../engine/site-definition.js';
import { cityLabel } from '../engine/city-search.js';
import { ACTIVITY_LABELS, type Activity } from './domain.js';

/** Every fact of a Courtside booking a task may check, as the review and confirmation pages show it. */
export const COURTSIDE_FACTS: FactSpec[] = [
  { field: 'activity', label: 'Activity', stage: 'search', kind: 'text', format: (v) => ACTIVITY_LABELS[v as Activity] ?? String(v) },
  { field: 'city', label: 'City', stage: 'search', kind: 'text', format: (v) => cityLabel(String(v)) ?? String(v) },
  { field: 'date', label: 'Date (first session)', stage: 'search', kind: 'date' },
  { field: 'venue', label: 'Venue', stage: 'selection', kind: 'text' },
  { field: 'neighbourhood', label: 'Neighbourhood', stage: 'selection', kind: 'text' },
  { field: 'court', label: 'Court', stage: 'selection', kind: 'text' },
  { field: 'className', label: 'Class', stage: 'selection', kind: 'text' },
  { field: 'instructor', label: 'Instructor', stage: 'selection', kind: 'text' },
  { field: 'level', label: 'Level', stage: 'selection', kind: 'text' },
  { field: 'indoor', label: 'Indoor', stage: 'selection', kind: 'flag' },
  { field: 'surface', label: 'Surface', stage: 'selection', kind: 'text' },
  { field: 'lights', label: 'Floodlit', stage: 'selection', kind: 'flag' },
  { field: 'time', label: 'Start time', stage: 'selection', kind: 'time' },
  { field: 'durationMin', label: 'Length (minutes)', stage: 'selection', kind: 'number' },
  { field: 'players', label: 'Players / places', stage: 'selection', kind: 'number' },
  { field: 'weeks', label: 'Weeks booked', stage: 'selection', kind: 'number' },
  { field: 'rating', label: 'Rating (out of 5)', stage: 'selection', kind: 'number' },
  { field: 'sessionPrice', label: 'Price of one session', stage: 'selection', kind: 'money' },
  { field: 'item2.venue', label: 'Second session: venue', stage: 'selection', kind: 'text' },
  { field: 'item2.court', label: 'Second session: court', stage: 'selection', kind: 'text' },
  { field: 'item2.className', label: 'Second session: class', stage: 'selection', kind: 'text' },
  { field: 'item2.instructor', label: 'Second session: instructor', stage: 'selection', kind: 'text' },
  { field: 'item2.time', label: 'Second session: start time', stage: 'selection', kind: 'time' },
  { field: 'itemCount', label: 'Sessions in this order', stage: 'booking', kind: 'number' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
