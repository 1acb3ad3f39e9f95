import type { FactSpec } from '../engine/site-definition.js';
import { airportLabel } from './inventory.js';

const cap = (v: unknown) => String(v).charAt(0).toUpperCase() + String(v).slice(1);

/** Every fact of a SkyHop booking a task may check, as the review and confirmation pages show it. */
export const SKYHOP_FACTS: FactSpec[] = [
  { field: 'origin', label: 'From', stage: 'search', kind: 'text', format: (v) => airportLabel(String(v)) ?? String(v) },
  { field: 'destination', label: 'To', stage: 'search', kind: 'text', format: (v) => airportLabel(String(v)) ?? String(v) },
  { field: 'date', label: 'Departure date', stage: 'search', kind: 'date' },
  { field: 'adults', label: 'Adults', stage: 'search', kind: 'number' },
  { field: 'children', label: 'Children (2-11)', stage: 'search', kind: 'number' },
  { field: 'cabin', label: 'Cabin', stage: 'search', kind: 'text', format: (v) => (v === 'premium' ? 'Premium economy' : cap(v)) },
  { field: 'airline', label: 'Airline', stage: 'selection', kind: 'text' },
  { field: 'flightNumber', label: 'Flight', stage: 'selection', kind: 'text' },
  { field: 'departTime', label: 'Departs at', stage: 'selection', kind: 'time' },
  { field: 'arriveTime', label: 'Arrives at', stage: 'selection', kind: 'time' },
  { field: 'durationMin', label: 'Flight time', stage: 'selection', kind: 'duration' },
  { field: 'stops', label: 'Stops', stage: 'selection', kind: 'number', format: (v) => (v === 0 ? 'Non-stop' : `${v} stop${v === 1 ? '' : 's'}`) },
  { field: 'fare', label: 'Fare', stage: 'selection', kind: 'text', format: cap },
  { field: 'checkedBags', label: 'Checked bags included per passenger', stage: 'selection', kind: 'number' },
  { field: 'refundable', label: 'Refundable', stage: 'selection', kind: 'flag' },
  { field: 'farePrice', label: 'Fare per adult (before taxes)', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
