import { daysBetween, isIsoDate, minutesToTime, WORLD_TODAY } from '../../core/dates.js';
import { carLocationById } from './domain.js';
import type { FieldErrors, FieldOption, PersonField, SearchField, SearchParams } from '../engine/site-definition.js';
import { LOCATION_SOURCE } from './locations.js';
import { isSunday, MAX_RENTAL_DAYS, rentalDays } from './rental.js';

/** 08:00 to 20:00 every 30 minutes: the desks' opening hours. */
export const TIME_OPTIONS: FieldOption[] = Array.from({ length: 25 }, (_, i) => {
  const t = minutesToTime(8 * 60 + i * 30);
  return { value: t, label: t };
});

export const SEARCH_FIELDS: SearchField[] = [
  {
    kind: 'autocomplete',
    name: 'pickupLocation',
    label: 'Pick-up location',
    source: LOCATION_SOURCE,
    placeholder: 'Airport, city or district',
    required: true,
  },
  { kind: 'date', name: 'pickupDate', label: 'Pick-up date', required: true },
  { kind: 'select', name: 'pickupTime', label: 'Pick-up time', options: TIME_OPTIONS, default: '10:00', required: true },
  { kind: 'date', name: 'dropoffDate', label: 'Drop-off date', required: true },
  // Drop-off follows pick-up until changed: a 09:00 pick-up is not billed a day more by an unseen 10:00 default.
  { kind: 'select', name: 'dropoffTime', label: 'Drop-off time', options: TIME_OPTIONS, default: '10:00', follows: 'pickupTime', required: true },
  { kind: 'stepper', name: 'driverAge', label: "Driver's age", userFact: true, min: 18, max: 85, default: 30, hint: 'Drivers under 25 pay a young driver fee.' },
];

/** Drop-off after pick-up, at most 30 rental days, downtown desks closed on Sundays. */
export function validateRentalSearch(params: SearchParams): FieldErrors {
  const errors: FieldErrors = {};
  const { pickupLocation, pickupDate, pickupTime, dropoffDate, dropoffTime } = params;
  if (typeof pickupDate !== 'string' || typeof dropoffDate !== 'string' || !isIsoDate(pickupDate) || !isIsoDate(dropoffDate)) return errors;
  if (typeof pickupTime === 'string' && typeof dropoffTime === 'string' && /^\d{2}:\d{2}$/.test(pickupTime) && /^\d{2}:\d{2}$/.test(dropoffTime)) {
    const days = rentalDays(pickupDate, pickupTime, dropoffDate, dropoffTime);
    if (days < 1) errors.dropoffDate = 'Drop-off must be after pick-up.';
    else if (days > MAX_RENTAL_DAYS) errors.dropoffDate = `Rentals can last at most ${MAX_RENTAL_DAYS} days.`;
  }
  const loc = typeof pickupLocation === 'string' ? carLocationById(pickupLocation) : undefined;
  if (loc?.type === 'downtown') {
    if (isSunday(pickupDate)) errors.pickupDate ??= `${loc.name} is closed on Sundays. Choose another day or the airport desk.`;
    if (isSunday(dropoffDate)) errors.dropoffDate ??= `${loc.name} is closed on Sundays. Choose another drop-off day.`;
  }
  return errors;
}

const NAME = /^[\p{L}][\p{L}'’ .-]{0,48}$/u;
const nameCheck = (what: string) => (v: string): string | undefined =>
  NAME.test(v.trim()) ? undefined : `Enter the ${what} as printed on the driving licence (letters only).`;

/** Age in whole years on the world's today. */
export function ageOn(dob: string, today = WORLD_TODAY): number {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export const LICENCE_PATTERN = /^[A-Z]{2}\d{6,10}$/;

export const TRAVELLER_FIELDS: PersonField[] = [
  { name: 'firstName', label: 'First name', kind: 'text', required: true, autocomplete: 'given-name', validate: nameCheck('first name'), example: 'Marta' },
  { name: 'lastName', label: 'Last name', kind: 'text', required: true, autocomplete: 'family-name', validate: nameCheck('last name'), example: 'Lopes' },
  {
    name: 'dateOfBirth',
    label: 'Date of birth',
    kind: 'date',
    required: true,
    autocomplete: 'bday',
    validate: (v) => {
      const s = v.trim();
      if (!isIsoDate(s) || daysBetween(s, WORLD_TODAY) < 0) return 'Enter a valid date of birth (YYYY-MM-DD).';
      const age = ageOn(s);
      if (age < 18) return 'The main driver must be at least 18 years old.';
      if (age > 99) return 'Enter a valid date of birth (YYYY-MM-DD).';
      return undefined;
    },
    example: '1988-04-12',
    // Born on 12 April of the year that makes the driver the searched age on the world's today.
    exampleFor: (params) => {
      const age = Number(params.driverAge ?? 30);
      const year = Number(WORLD_TODAY.slice(0, 4)) - age - (WORLD_TODAY.slice(5) < '04-12' ? 1 : 0);
      return `${year}-04-12`;
    },
  },
  {
    name: 'licenceNumber',
    label: 'Driving licence number',
    kind: 'text',
    required: true,
    validate: (v) =>
      LICENCE_PATTERN.test(v.trim().toUpperCase())
        ? undefined
        : 'Licence numbers are 2 letters followed by 6 to 10 digits, without spaces (e.g. PT12345678).',
    example: 'PT48213907',
  },
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,20}$/;
const FLIGHT = /^([A-Z]{2}|[A-Z]\d|\d[A-Z])\s?\d{1,4}[A-Z]?$/;

export const CONTACT_FIELDS: PersonField[] = [
  {
    name: 'email',
    label: 'Email',
    kind: 'email',
    required: true,
    autocomplete: 'email',
    validate: (v) => (EMAIL.test(v.trim()) ? undefined : 'Enter a valid email address, e.g. name@example.com.'),
    example: 'marta.lopes@example.com',
  },
  {
    name: 'phone',
    label: 'Mobile phone',
    kind: 'tel',
    required: true,
    autocomplete: 'tel',
    validate: (v) => {
      const digits = v.replace(/\D/g, '').length;
      return PHONE.test(v.trim()) && digits >= 7 && digits <= 15 ? undefined : 'Enter a phone number with country code, e.g. +351 912 345 678.';
    },
    example: '+351 912 345 678',
  },
  {
    name: 'flightNumber',
    label: 'Flight number',
    kind: 'text',
    required: false,
    validate: (v) => {
      const s = v.trim().toUpperCase();
      if (s === '') return undefined;
      return FLIGHT.test(s) ? undefined : 'Enter a flight number like TP1351, or leave it empty.';
    },
    example: 'TP1351',
  },
];
