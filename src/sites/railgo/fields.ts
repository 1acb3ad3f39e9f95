import { TRAIN_AMENITIES, TRAIN_OPERATORS } from './domain.js';
import type { FieldErrors, FilterSpec, PersonField, SearchField, SearchParams, SortSpec } from '../engine/site-definition.js';
import { AMENITY_LABEL, RAILCARDS } from './inventory.js';
import { STATION_SOURCE } from './stations.js';

/** Search form, passenger and contact fields, filters and sorts of RailGo. */

const HOURS = Array.from({ length: 23 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

export const SEARCH_FIELDS: SearchField[] = [
  { name: 'origin', label: 'Departure station', kind: 'autocomplete', source: STATION_SOURCE, placeholder: 'City or station' },
  { name: 'destination', label: 'Arrival station', kind: 'autocomplete', source: STATION_SOURCE, placeholder: 'City or station' },
  { name: 'date', label: 'Travel date', kind: 'date' },
  { name: 'departAfter', label: 'Depart after', kind: 'select', options: HOURS.map((h) => ({ value: h, label: h })), default: '06:00' },
  { name: 'adults', label: 'Adults', kind: 'stepper', userFact: true, min: 1, max: 6, default: 1 },
  { name: 'children', label: 'Children (4-11)', kind: 'stepper', userFact: true, min: 0, max: 4, default: 0, hint: 'Children travel at half the adult fare' },
  {
    name: 'railcard',
    label: 'Railcard',
    kind: 'select',
    userFact: true,
    default: 'none',
    hint: 'Discounts apply to adult fares',
    options: (Object.keys(RAILCARDS) as (keyof typeof RAILCARDS)[]).map((k) => ({ value: k, label: RAILCARDS[k].label })),
  },
];

export function validateRailSearch(params: SearchParams): FieldErrors {
  if (params.origin !== undefined && params.origin === params.destination) {
    return { destination: 'Choose an arrival station different from the departure station' };
  }
  return {};
}

const NAME = /^\p{L}[\p{L}\p{M} '’.-]*$/u;

function nameCheck(label: string) {
  return (v: string): string | undefined => {
    if (v.length > 40) return `${label} must be at most 40 characters`;
    if (!NAME.test(v)) return `${label} may contain only letters, spaces, hyphens and apostrophes`;
    return undefined;
  };
}

export const TRAVELLER_FIELDS: PersonField[] = [
  { name: 'firstName', label: 'First name', kind: 'text', required: true, autocomplete: 'given-name', example: 'Ana', validate: nameCheck('First name') },
  { name: 'lastName', label: 'Last name', kind: 'text', required: true, autocomplete: 'family-name', example: 'Silva', validate: nameCheck('Last name') },
];

export const CONTACT_FIELDS: PersonField[] = [
  {
    name: 'email',
    label: 'Email',
    kind: 'email',
    required: true,
    autocomplete: 'email',
    example: 'ana.silva@example.com',
    validate: (v) => (/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(v) ? undefined : 'Enter an email address like name@example.com'),
  },
  {
    name: 'phone',
    label: 'Mobile phone',
    kind: 'tel',
    required: true,
    autocomplete: 'tel',
    example: '+351 912 345 678',
    validate: (v) => {
      const digits = v.replace(/\D/g, '').length;
      if (!/^\+?[0-9 ()-]+$/.test(v) || digits < 8 || digits > 15) return 'Enter a mobile number with 8 to 15 digits, like +351 912 345 678';
      return undefined;
    },
  },
];

export const FILTERS: FilterSpec[] = [
  {
    id: 'changes',
    kind: 'max',
    attr: 'changes',
    label: 'Changes',
    options: [
      { value: '0', label: 'Direct only' },
      { value: '1', label: 'Up to 1 change' },
    ],
  },
  {
    id: 'departure',
    kind: 'timeWindow',
    attr: 'departTime',
    label: 'Departure time',
    windows: [
      { value: 'morning', label: 'Morning (before 12:00)', from: '00:00', to: '11:59' },
      { value: 'afternoon', label: 'Afternoon (12:00-17:59)', from: '12:00', to: '17:59' },
      { value: 'evening', label: 'Evening (from 18:00)', from: '18:00', to: '23:59' },
    ],
  },
  { id: 'operator', kind: 'multi', attr: 'operator', label: 'Operator', mode: 'any', options: TRAIN_OPERATORS.map((o) => ({ value: o, label: o })) },
  {
    id: 'maxPrice',
    kind: 'max',
    attr: 'minPrice',
    label: 'Max price per adult',
    options: [30, 50, 75, 100, 150, 200].map((n) => ({ value: String(n), label: `€${n}` })),
  },
  {
    id: 'amenities',
    kind: 'multi',
    attr: 'amenities',
    label: 'On board',
    mode: 'all',
    options: TRAIN_AMENITIES.map((a) => ({ value: a, label: AMENITY_LABEL[a] ?? a })),
  },
];

export const SORTS: SortSpec[] = [
  { id: 'departure', label: 'Earliest departure', attr: 'departTime', dir: 'asc' },
  { id: 'price', label: 'Lowest price', attr: 'minPrice', dir: 'asc' },
  { id: 'fastest', label: 'Fastest', attr: 'durationMin', dir: 'asc' },
];
