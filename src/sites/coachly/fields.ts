import { isIsoDate } from '../../core/dates.js';
import type { FieldErrors, FilterSpec, PersonField, SearchField, SearchParams, SortSpec } from '../engine/site-definition.js';
import { COACH_AMENITIES, COACH_OPERATORS } from './domain.js';
import { STOP_SOURCE } from './stations.js';

/** Coachly's search form, passenger and contact fields, filters and sorts. */

export const AMENITY_LABEL: Record<string, string> = {
  wifi: 'Free Wi-Fi',
  'power-sockets': 'Power sockets',
  toilet: 'Toilet on board',
  'bike-rack': 'Bike rack',
  'snack-bar': 'Snacks and drinks',
};

export const TRIP_LABEL: Record<string, string> = { oneway: 'One way', return: 'Return' };
export const MAX_PASSENGERS = 6;

export const SEARCH_FIELDS: SearchField[] = [
  { name: 'tripType', label: 'Trip', kind: 'radio', userFact: true, default: 'oneway', options: [{ value: 'oneway', label: 'One way' }, { value: 'return', label: 'Return' }] },
  { name: 'origin', label: 'From', kind: 'autocomplete', source: STOP_SOURCE, placeholder: 'City or coach station' },
  { name: 'destination', label: 'To', kind: 'autocomplete', source: STOP_SOURCE, placeholder: 'City or coach station' },
  { name: 'date', label: 'Departure date', kind: 'date' },
  { name: 'returnDate', label: 'Return date', kind: 'date', required: false, hint: 'Only for a return trip' },
  { name: 'adults', label: 'Adults (15-59)', kind: 'stepper', userFact: true, min: 0, max: MAX_PASSENGERS, default: 1 },
  { name: 'seniors', label: 'Seniors (60+)', kind: 'stepper', userFact: true, min: 0, max: 4, default: 0, hint: '15% off the adult fare' },
  { name: 'children', label: 'Children (2-14)', kind: 'stepper', userFact: true, min: 0, max: 4, default: 0, hint: 'Half the adult fare; travel with an adult or senior' },
];

export function validateCoachSearch(p: SearchParams): FieldErrors {
  const errors: FieldErrors = {};
  if (p.origin !== undefined && p.origin === p.destination) errors.destination = 'Choose a destination different from where you leave';
  const grown = Number(p.adults ?? 0) + Number(p.seniors ?? 0);
  if (grown < 1) errors.adults = 'At least one adult or senior must travel';
  else if (grown + Number(p.children ?? 0) > MAX_PASSENGERS) errors.adults = `At most ${MAX_PASSENGERS} passengers per booking`;
  if (p.tripType === 'return') {
    if (typeof p.returnDate !== 'string' || !isIsoDate(p.returnDate)) errors.returnDate = 'Enter a return date for a return trip';
    else if (typeof p.date === 'string' && p.returnDate < p.date) errors.returnDate = 'The return date must be on or after the departure date';
  } else if (p.returnDate !== undefined) {
    errors.returnDate = 'A one-way trip has no return date: clear it, or choose Return';
  }
  return errors;
}

const NAME = /^\p{L}[\p{L}\p{M} '’.-]*$/u;
const nameCheck = (label: string) => (v: string) => (v.length > 40 ? `${label} must be at most 40 characters` : NAME.test(v) ? undefined : `${label} may contain only letters, spaces, hyphens and apostrophes`);

export const TRAVELLER_FIELDS: PersonField[] = [
  { name: 'firstName', label: 'First name', kind: 'text', required: true, autocomplete: 'given-name', example: 'Ana', validate: nameCheck('First name') },
  { name: 'lastName', label: 'Last name', kind: 'text', required: true, autocomplete: 'family-name', example: 'Silva', validate: nameCheck('Last name') },
];

export const CONTACT_FIELDS: PersonField[] = [
  {
    name: 'email',
    label: 'Email for your tickets',
    kind: 'email',
    required: true,
    autocomplete: 'email',
    example: 'ana.silva@example.com',
    validate: (v) => (/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(v) ? undefined : 'Enter an email address like name@example.com'),
  },
  {
    name: 'phone',
    label: 'Mobile number (for delays)',
    kind: 'tel',
    required: true,
    autocomplete: 'tel',
    example: '+351 912 345 678',
    validate: (v) => {
      const digits = v.replace(/\D/g, '').length;
      return /^\+?[0-9 ()-]+$/.test(v) && digits >= 8 && digits <= 15 ? undefined : 'Enter a mobile number with 8 to 15 digits, like +351 912 345 678';
    },
  },
];

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
  { id: 'changes', kind: 'max', attr: 'changes', label: 'Transfers', options: [{ value: '0', label: 'Direct only' }] },
  { id: 'operator', kind: 'multi', attr: 'operator', label: 'Coach company', mode: 'any', options: COACH_OPERATORS.map((o) => ({ value: o, label: o })) },
  { id: 'maxPrice', kind: 'max', attr: 'minPrice', label: 'Max fare per adult', options: [15, 25, 40, 60, 80, 120].map((n) => ({ value: String(n), label: `€${n}` })) },
  { id: 'amenities', kind: 'multi', attr: 'amenities', label: 'On board', mode: 'all', options: COACH_AMENITIES.map((a) => ({ value: a, label: AMENITY_LABEL[a] ?? a })) },
];

export const SORTS: SortSpec[] = [
  { id: 'departure', label: 'Departure (earliest first)', attr: 'departTime', dir: 'asc' },
  { id: 'price', label: 'Price (lowest first)', attr: 'minPrice', dir: 'asc' },
  { id: 'duration', label: 'Travel time (shortest first)', attr: 'durationMin', dir: 'asc' },
  { id: 'late', label: 'Departure (latest first)', attr: 'departTime', dir: 'desc' },
];
