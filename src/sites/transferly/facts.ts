import type { FactSpec } from '../engine/site-definition.js';
import { VEHICLE_LABELS, type VehicleType } from './domain.js';
import { FARES, type FareId } from './inventory.js';
import { airportLabel, areaLabel, TRIP_LABEL } from './fields.js';

function legFacts(prefix: '' | 'return.', leg: string): FactSpec[] {
  return (
    [
      { field: `${prefix}provider`, label: `${leg}transfer company`, stage: 'selection', kind: 'text' },
      { field: `${prefix}vehicleType`, label: `${leg}vehicle`, stage: 'selection', kind: 'text', format: (v) => VEHICLE_LABELS[v as VehicleType] ?? String(v) },
      { field: `${prefix}private`, label: `${leg}private transfer`, stage: 'selection', kind: 'flag' },
      { field: `${prefix}seats`, label: `${leg}seats`, stage: 'selection', kind: 'number' },
      { field: `${prefix}luggage`, label: `${leg}suitcases it takes`, stage: 'selection', kind: 'number' },
      { field: `${prefix}meetGreetIncluded`, label: `${leg}meet & greet included`, stage: 'selection', kind: 'flag' },
      { field: `${prefix}pickupTime`, label: `${leg}pick-up time`, stage: 'selection', kind: 'time' },
      { field: `${prefix}durationMin`, label: `${leg}journey time`, stage: 'selection', kind: 'duration' },
      { field: `${prefix}rating`, label: `${leg}rating (out of 5)`, stage: 'selection', kind: 'number' },
      { field: `${prefix}fare`, label: `${leg}fare`, stage: 'selection', kind: 'text', format: (v) => FARES[v as FareId]?.label ?? String(v) },
      { field: `${prefix}transferPrice`, label: `${leg}price of this transfer`, stage: 'selection', kind: 'money' },
    ] as FactSpec[]
  ).map((f) => ({ ...f, label: f.label.charAt(0).toUpperCase() + f.label.slice(1) }));
}

/** Every fact of a Transferly booking a task may check, as the review and confirmation pages show it. */
export const TRANSFERLY_FACTS: FactSpec[] = [
  { field: 'tripType', label: 'Trip', stage: 'search', kind: 'text', format: (v) => TRIP_LABEL[String(v)] ?? String(v) },
  { field: 'airport', label: 'Airport', stage: 'search', kind: 'text', format: (v) => airportLabel(String(v)) ?? String(v) },
  { field: 'area', label: 'District', stage: 'search', kind: 'text', format: (v) => areaLabel(String(v)) ?? String(v) },
  { field: 'date', label: 'Arrival date', stage: 'search', kind: 'date' },
  { field: 'time', label: 'Landing time', stage: 'search', kind: 'time' },
  { field: 'returnDate', label: 'Return date', stage: 'search', kind: 'date' },
  { field: 'returnTime', label: 'Return pick-up time', stage: 'search', kind: 'time' },
  { field: 'passengers', label: 'Passengers', stage: 'search', kind: 'number' },
  { field: 'bags', label: 'Suitcases', stage: 'search', kind: 'number' },
  ...legFacts('', ''),
  ...legFacts('return.', 'return '),
  { field: 'childSeats', label: 'Child seats', stage: 'booking', kind: 'number' },
  { field: 'meetGreet', label: 'Meet & greet in arrivals', stage: 'booking', kind: 'flag' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
