import type { FactSpec } from '../engine/site-definition.js';
import { cityLabel } from '../engine/city-search.js';
import { FORMAT_LABELS } from './showings.js';

const SEAT_CLASSES: Record<string, string> = { standard: 'Standard', premium: 'Premium recliner', wheelchair: 'Wheelchair space', mixed: 'Mixed' };

/** Every fact of a Screenly booking a task may check, as the review and confirmation pages show it. */
export const SCREENLY_FACTS: FactSpec[] = [
  { field: 'city', label: 'City', stage: 'search', kind: 'text', format: (v) => cityLabel(String(v)) ?? String(v) },
  { field: 'date', label: 'Date', stage: 'search', kind: 'date' },
  { field: 'tickets', label: 'Tickets', stage: 'search', kind: 'number' },
  { field: 'film', label: 'Film', stage: 'selection', kind: 'text' },
  { field: 'genre', label: 'Genre', stage: 'selection', kind: 'text' },
  { field: 'ageRating', label: 'Age rating', stage: 'selection', kind: 'text' },
  { field: 'runtimeMin', label: 'Runtime', stage: 'selection', kind: 'duration' },
  { field: 'filmScore', label: 'Audience score (out of 10)', stage: 'selection', kind: 'number' },
  { field: 'cinema', label: 'Cinema', stage: 'selection', kind: 'text' },
  { field: 'screen', label: 'Screen', stage: 'selection', kind: 'number' },
  { field: 'format', label: 'Format', stage: 'selection', kind: 'text', format: (v) => FORMAT_LABELS[String(v)] ?? String(v) },
  { field: 'startTime', label: 'Starts at', stage: 'selection', kind: 'time' },
  { field: 'endTime', label: 'Ends at', stage: 'selection', kind: 'time' },
  { field: 'seats', label: 'Seats', stage: 'selection', kind: 'list' },
  { field: 'seatClass', label: 'Seat type', stage: 'selection', kind: 'text', format: (v) => SEAT_CLASSES[String(v)] ?? String(v) },
  { field: 'premiumSeats', label: 'Premium recliners', stage: 'selection', kind: 'number' },
  { field: 'wheelchairSpaces', label: 'Wheelchair spaces', stage: 'selection', kind: 'number' },
  { field: 'seatRow', label: 'Row', stage: 'selection', kind: 'text' },
  { field: 'seatsTogether', label: 'Seats side by side', stage: 'selection', kind: 'flag' },
  { field: 'standardPrice', label: 'Standard seat price', stage: 'selection', kind: 'money' },
  { field: 'ticketPrice', label: 'Highest price paid for one seat', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
