import type { AttrValue, FactSpec } from '../engine/site-definition.js';
import { AMENITY_LABEL, TRIP_LABEL } from './fields.js';
import { FARES, SEAT_KIND_LABEL } from './inventory.js';
import { stationNameOf } from './stations.js';

const list = (labels: Record<string, string>) => (v: AttrValue) => (Array.isArray(v) ? (v.length ? v.map((a) => labels[a] ?? a).join(', ') : 'None') : String(v));
const fareName = (v: AttrValue) => FARES[v as keyof typeof FARES]?.label ?? String(v);

/** The facts of one leg, for the outbound (no prefix) or the return leg (`return.`). */
function legFacts(prefix: '' | 'return.', leg: string): FactSpec[] {
  return [
    { field: `${prefix}operator`, label: `${leg}coach company`, stage: 'selection', kind: 'text' },
    { field: `${prefix}line`, label: `${leg}line`, stage: 'selection', kind: 'text' },
    { field: `${prefix}departTime`, label: `${leg}departs at`, stage: 'selection', kind: 'time' },
    { field: `${prefix}arriveTime`, label: `${leg}arrives at`, stage: 'selection', kind: 'time' },
    { field: `${prefix}arriveNextDay`, label: `${leg}arrives the next day`, stage: 'selection', kind: 'flag' },
    { field: `${prefix}durationMin`, label: `${leg}travel time`, stage: 'selection', kind: 'duration' },
    { field: `${prefix}changes`, label: `${leg}transfers`, stage: 'selection', kind: 'number' },
    { field: `${prefix}amenities`, label: `${leg}on board`, stage: 'selection', kind: 'list', format: list(AMENITY_LABEL) },
    { field: `${prefix}fare`, label: `${leg}fare`, stage: 'selection', kind: 'text', format: fareName },
    { field: `${prefix}refundable`, label: `${leg}refundable`, stage: 'selection', kind: 'flag' },
    { field: `${prefix}adultFare`, label: `${leg}fare per adult`, stage: 'selection', kind: 'money' },
    { field: `${prefix}seats`, label: `${leg}seats`, stage: 'selection', kind: 'list' },
    { field: `${prefix}windowSeats`, label: `${leg}window seats`, stage: 'selection', kind: 'number' },
    { field: `${prefix}seatKinds`, label: `${leg}seat types`, stage: 'selection', kind: 'list', format: list(SEAT_KIND_LABEL) },
  ].map((f) => ({ ...f, label: f.label.charAt(0).toUpperCase() + f.label.slice(1) }) as FactSpec);
}

/** Every fact of a Coachly booking a task may check, as the review and confirmation pages show it. */
export const COACHLY_FACTS: FactSpec[] = [
  { field: 'tripType', label: 'Trip', stage: 'search', kind: 'text', format: (v) => TRIP_LABEL[String(v)] ?? String(v) },
  { field: 'origin', label: 'From', stage: 'search', kind: 'text', format: (v) => stationNameOf(String(v)) },
  { field: 'destination', label: 'To', stage: 'search', kind: 'text', format: (v) => stationNameOf(String(v)) },
  { field: 'date', label: 'Departure date', stage: 'search', kind: 'date' },
  { field: 'returnDate', label: 'Return date', stage: 'search', kind: 'date' },
  { field: 'adults', label: 'Adults', stage: 'search', kind: 'number' },
  { field: 'seniors', label: 'Seniors', stage: 'search', kind: 'number' },
  { field: 'children', label: 'Children', stage: 'search', kind: 'number' },
  ...legFacts('', ''),
  ...legFacts('return.', 'return '),
  { field: 'extraBags', label: 'Extra suitcases', stage: 'booking', kind: 'number' },
  { field: 'bikes', label: 'Bikes', stage: 'booking', kind: 'number' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
