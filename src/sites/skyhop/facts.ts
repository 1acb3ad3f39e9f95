import type { FactSpec } from '../engine/site-definition.js';
import { airportLabel } from './inventory.js';

const cap = (v: unknown) => String(v).charAt(0).toUpperCase() + String(v).slice(1);

/** The facts of one flight of the booking: the outbound, or with `prefix` the flight back. */
function flightFacts(prefix = '', label = (l: string) => l): FactSpec[] {
  const specs: FactSpec[] = [
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
    { field: 'seats', label: 'Seats', stage: 'selection', kind: 'list' },
    { field: 'windowSeats', label: 'Window seats', stage: 'selection', kind: 'number' },
    { field: 'aisleSeats', label: 'Aisle seats', stage: 'selection', kind: 'number' },
    { field: 'legroomSeats', label: 'Extra-legroom seats', stage: 'selection', kind: 'number' },
    { field: 'seatsTogether', label: 'Seated together', stage: 'selection', kind: 'flag' },
    { field: 'seatFees', label: 'Seat fees', stage: 'selection', kind: 'money' },
  ];
  return specs.map((f) => ({ ...f, field: `${prefix}${f.field}`, label: label(f.label) }));
}

/** Every fact of a SkyHop booking a task may check, as the review and confirmation pages show it. */
export const SKYHOP_FACTS: FactSpec[] = [
  { field: 'trip', label: 'Trip', stage: 'search', kind: 'text', format: (v) => (v === 'return' ? 'Return' : 'One way') },
  { field: 'origin', label: 'From', stage: 'search', kind: 'text', format: (v) => airportLabel(String(v)) ?? String(v) },
  { field: 'destination', label: 'To', stage: 'search', kind: 'text', format: (v) => airportLabel(String(v)) ?? String(v) },
  { field: 'date', label: 'Departure date', stage: 'search', kind: 'date' },
  { field: 'returnDate', label: 'Return date', stage: 'search', kind: 'date' },
  { field: 'adults', label: 'Adults', stage: 'search', kind: 'number' },
  { field: 'children', label: 'Children (2-11)', stage: 'search', kind: 'number' },
  { field: 'cabin', label: 'Cabin', stage: 'search', kind: 'text', format: (v) => (v === 'premium' ? 'Premium economy' : cap(v)) },
  ...flightFacts(),
  ...flightFacts('return.', (l) => `Flight back: ${l.charAt(0).toLowerCase()}${l.slice(1)}`),
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
