import { isIsoDate } from '../../core/dates.js';
import { emailField, nameField, phoneField } from '../engine/common-fields.js';
import type { FieldErrors, FilterSpec, PersonField, SearchField, SearchParams, SortSpec } from '../engine/site-definition.js';
import { FERRY_OPERATORS } from './domain.js';
import { PORT_SOURCE, portsOf } from './ports.js';

/** Ferryway's search form (places, dates, passengers and the vehicle taken on board), passenger and contact fields, filters and sorts. */

export const TRIP_LABEL: Record<string, string> = { oneway: 'One way', return: 'Return' };
export const MAX_PASSENGERS = 9;

export const VEHICLES = {
  none: { label: 'No vehicle (foot passengers)', noun: 'no vehicle', factor: 0 },
  car: { label: 'Car (up to 5 m)', noun: 'a car', factor: 1 },
  van: { label: 'Van or car with roof box (up to 6 m)', noun: 'a van', factor: 1.45 },
  motorhome: { label: 'Motorhome or camper (up to 8 m)', noun: 'a motorhome', factor: 2.1 },
  motorbike: { label: 'Motorbike', noun: 'a motorbike', factor: 0.45 },
  bicycle: { label: 'Bicycle', noun: 'a bicycle', factor: 0.12 },
} as const;
export type VehicleId = keyof typeof VEHICLES;
export const vehicleOf = (p: SearchParams): VehicleId => (String(p.vehicle ?? 'none') in VEHICLES ? (String(p.vehicle ?? 'none') as VehicleId) : 'none');

export const SEARCH_FIELDS: SearchField[] = [
  { name: 'tripType', label: 'Journey', kind: 'radio', userFact: true, default: 'oneway', options: [{ value: 'oneway', label: 'One way' }, { value: 'return', label: 'Return' }] },
  { name: 'origin', label: 'Departure port', kind: 'autocomplete', source: PORT_SOURCE, placeholder: 'Port, island or area' },
  { name: 'destination', label: 'Arrival port', kind: 'autocomplete', source: PORT_SOURCE, placeholder: 'Port, island or area' },
  { name: 'date', label: 'Outbound date', kind: 'date' },
  { name: 'returnDate', label: 'Return date', kind: 'date', required: false, hint: 'Only for a return journey' },
  { name: 'adults', label: 'Adults (16+)', kind: 'stepper', userFact: true, min: 1, max: MAX_PASSENGERS, default: 2 },
  { name: 'children', label: 'Children (4-15)', kind: 'stepper', userFact: true, min: 0, max: 6, default: 0, hint: 'Half the adult fare; under 4s travel free' },
  { name: 'vehicle', label: 'Vehicle', kind: 'select', userFact: true, default: 'none', options: Object.entries(VEHICLES).map(([value, v]) => ({ value, label: v.label })) },
];

export function validateFerrySearch(p: SearchParams): FieldErrors {
  const errors: FieldErrors = {};
  const from = portsOf(p.origin);
  const to = portsOf(p.destination);
  if (p.origin !== undefined && p.destination !== undefined && from.some((x) => to.includes(x))) errors.destination = 'Choose an arrival port different from where you sail from';
  if (Number(p.adults ?? 0) + Number(p.children ?? 0) > MAX_PASSENGERS) errors.adults = `At most ${MAX_PASSENGERS} passengers per booking`;
  if (p.tripType === 'return') {
    if (typeof p.returnDate !== 'string' || !isIsoDate(p.returnDate)) errors.returnDate = 'Enter a return date for a return journey';
    else if (typeof p.date === 'string' && p.returnDate < p.date) errors.returnDate = 'The return date must be on or after the outbound date';
  } else if (p.returnDate !== undefined) {
    errors.returnDate = 'A one-way journey has no return date: clear it, or choose Return';
  }
  return errors;
}

export const TRAVELLER_FIELDS: PersonField[] = [
  nameField('firstName', 'First name', 'Ana'),
  nameField('lastName', 'Last name', 'Silva'),
  {
    name: 'nationality',
    label: 'Nationality',
    kind: 'select',
    required: true,
    example: 'PT',
    options: [
      { value: 'PT', label: 'Portuguese' },
      { value: 'ES', label: 'Spanish' },
      { value: 'FR', label: 'French' },
      { value: 'GB', label: 'British' },
      { value: 'DE', label: 'German' },
      { value: 'IT', label: 'Italian' },
      { value: 'GR', label: 'Greek' },
      { value: 'OTHER', label: 'Other' },
    ],
  },
];

export const CONTACT_FIELDS: PersonField[] = [emailField(), phoneField()];

export const FILTERS: FilterSpec[] = [
  {
    id: 'departure',
    kind: 'timeWindow',
    attr: 'departTime',
    label: 'Departure time',
    windows: [
      { value: 'night', label: 'Night (00:00-05:59)', from: '00:00', to: '05:59' },
      { value: 'morning', label: 'Morning (06:00-11:59)', from: '06:00', to: '11:59' },
      { value: 'afternoon', label: 'Afternoon (12:00-17:59)', from: '12:00', to: '17:59' },
      { value: 'evening', label: 'Evening (18:00-23:59)', from: '18:00', to: '23:59' },
    ],
  },
  { id: 'operator', kind: 'multi', attr: 'operator', label: 'Ferry company', mode: 'any', options: FERRY_OPERATORS.map((o) => ({ value: o, label: o })) },
  { id: 'fast', kind: 'flag', attr: 'fast', label: 'Fast ferries only' },
  { id: 'cabins', kind: 'flag', attr: 'hasCabins', label: 'Cabins on board' },
  { id: 'maxPrice', kind: 'max', attr: 'minPrice', label: 'Max fare per adult', options: [20, 40, 60, 100, 150].map((n) => ({ value: String(n), label: `€${n}` })) },
];

export const SORTS: SortSpec[] = [
  { id: 'departure', label: 'Departure (earliest first)', attr: 'departTime', dir: 'asc' },
  { id: 'price', label: 'Price (lowest first)', attr: 'minPrice', dir: 'asc' },
  { id: 'duration', label: 'Crossing time (shortest first)', attr: 'durationMin', dir: 'asc' },
  { id: 'late', label: 'Departure (latest first)', attr: 'departTime', dir: 'desc' },
];
