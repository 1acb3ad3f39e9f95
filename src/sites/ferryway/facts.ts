import type { AttrValue, FactSpec } from '../engine/site-definition.js';
import { TRIP_LABEL, VEHICLES } from './fields.js';
import { FARES } from './inventory.js';
import { placeName } from './ports.js';
import { ACCOMMODATIONS } from './sailings.js';

const fareName = (v: AttrValue) => FARES[v as keyof typeof FARES]?.label ?? String(v);
const accommodationName = (v: AttrValue) => ACCOMMODATIONS[v as keyof typeof ACCOMMODATIONS]?.label ?? String(v);
const place = (v: AttrValue) => {
  const name = placeName(String(v));
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** The facts of one leg, for the outbound (no prefix) or the return leg (`return.`). */
function legFacts(prefix: '' | 'return.', leg: string): FactSpec[] {
  return [
    { field: `${prefix}operator`, label: `${leg}ferry company`, stage: 'selection', kind: 'text' },
    { field: `${prefix}vessel`, label: `${leg}ship`, stage: 'selection', kind: 'text' },
    { field: `${prefix}departPort`, label: `${leg}sails from`, stage: 'selection', kind: 'text' },
    { field: `${prefix}arrivePort`, label: `${leg}arrives in`, stage: 'selection', kind: 'text' },
    { field: `${prefix}departTime`, label: `${leg}departs at`, stage: 'selection', kind: 'time' },
    { field: `${prefix}arriveTime`, label: `${leg}arrives at`, stage: 'selection', kind: 'time' },
    { field: `${prefix}arriveNextDay`, label: `${leg}arrives the next day`, stage: 'selection', kind: 'flag' },
    { field: `${prefix}durationMin`, label: `${leg}crossing time`, stage: 'selection', kind: 'duration' },
    { field: `${prefix}fast`, label: `${leg}fast ferry`, stage: 'selection', kind: 'flag' },
    { field: `${prefix}fare`, label: `${leg}fare`, stage: 'selection', kind: 'text', format: fareName },
    { field: `${prefix}refundable`, label: `${leg}refundable`, stage: 'selection', kind: 'flag' },
    { field: `${prefix}adultFare`, label: `${leg}fare per adult`, stage: 'selection', kind: 'money' },
    { field: `${prefix}vehicleFare`, label: `${leg}vehicle fare`, stage: 'selection', kind: 'money' },
    { field: `${prefix}accommodation`, label: `${leg}on board`, stage: 'selection', kind: 'text', format: accommodationName },
    { field: `${prefix}cabin`, label: `${leg}cabin`, stage: 'selection', kind: 'flag' },
    { field: `${prefix}seaView`, label: `${leg}sea view`, stage: 'selection', kind: 'flag' },
    { field: `${prefix}accommodationPrice`, label: `${leg}cabin or seat price`, stage: 'selection', kind: 'money' },
  ].map((f) => ({ ...f, label: f.label.charAt(0).toUpperCase() + f.label.slice(1) }) as FactSpec);
}

/** Every fact of a Ferryway booking a task may check, as the review and confirmation pages show it. */
export const FERRYWAY_FACTS: FactSpec[] = [
  { field: 'tripType', label: 'Journey', stage: 'search', kind: 'text', format: (v) => TRIP_LABEL[String(v)] ?? String(v) },
  { field: 'origin', label: 'From', stage: 'search', kind: 'text', format: place },
  { field: 'destination', label: 'To', stage: 'search', kind: 'text', format: place },
  { field: 'date', label: 'Outbound date', stage: 'search', kind: 'date' },
  { field: 'returnDate', label: 'Return date', stage: 'search', kind: 'date' },
  { field: 'adults', label: 'Adults', stage: 'search', kind: 'number' },
  { field: 'children', label: 'Children', stage: 'search', kind: 'number' },
  { field: 'vehicle', label: 'Vehicle', stage: 'search', kind: 'text', format: (v) => VEHICLES[v as keyof typeof VEHICLES]?.label ?? String(v) },
  ...legFacts('', ''),
  ...legFacts('return.', 'return '),
  { field: 'pets', label: 'Pets in kennels', stage: 'booking', kind: 'number' },
  { field: 'priority', label: 'Priority boarding', stage: 'booking', kind: 'flag' },
  { field: 'lounge', label: 'Club lounge', stage: 'booking', kind: 'flag' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
