import { isIsoDate, minutesToTime, timeToMinutes, daysBetween } from '../../core/dates.js';
import { CITIES } from '../../world/geography.js';
import { emailField, nameField, phoneField } from '../engine/common-fields.js';
import type { FieldErrors, FieldOption, PersonField, SearchField, SearchParams } from '../engine/site-definition.js';
import { AREAS, areaById, cityOfAirport } from './domain.js';

/** Transferly's search form (the airport, the district, when, who with how many bags, the way back) and the lead passenger. */

export const AIRPORT_SOURCE = 'airports';
export const AREA_SOURCE = 'areas';
export const TRIP_LABEL: Record<string, string> = { oneway: 'One way', return: 'Return' };
const TIMES: FieldOption[] = Array.from({ length: 48 }, (_, i) => ({ value: minutesToTime(i * 30), label: minutesToTime(i * 30) }));

export const SEARCH_FIELDS: SearchField[] = [
  { name: 'tripType', label: 'Trip', kind: 'radio', userFact: true, default: 'oneway', options: [{ value: 'oneway', label: 'One way' }, { value: 'return', label: 'Return' }] },
  { name: 'airport', label: 'From airport', kind: 'autocomplete', source: AIRPORT_SOURCE, placeholder: 'Airport or city' },
  { name: 'area', label: 'To (district of your hotel or address)', kind: 'autocomplete', source: AREA_SOURCE, placeholder: 'District, city' },
  { name: 'date', label: 'Arrival date', kind: 'date' },
  // When the flight lands is a fact of the trip, not a way to search.
  { name: 'time', label: 'Landing time', kind: 'select', userFact: true, options: TIMES, default: '12:00' },
  { name: 'returnDate', label: 'Return date', kind: 'date', required: false, hint: 'Only for a return transfer, back to the airport' },
  { name: 'returnTime', label: 'Return pick-up time', kind: 'select', userFact: true, required: false, options: [{ value: '', label: 'No return' }, ...TIMES] },
  { name: 'passengers', label: 'Passengers', kind: 'stepper', userFact: true, min: 1, max: 16, default: 2 },
  { name: 'bags', label: 'Suitcases', kind: 'stepper', userFact: true, min: 0, max: 16, default: 2 },
];

export function validateTransferSearch(p: SearchParams): FieldErrors {
  const errors: FieldErrors = {};
  const city = typeof p.airport === 'string' ? cityOfAirport(p.airport) : undefined;
  const area = typeof p.area === 'string' ? areaById(p.area) : undefined;
  if (city && area && area.cityId !== city.id) errors.area = `Choose a district of ${city.name}: we drive from ${city.airport.name} into its own city.`;
  if (p.tripType === 'return') {
    if (typeof p.returnDate !== 'string' || !isIsoDate(p.returnDate)) errors.returnDate = 'Enter a return date for a return transfer';
    else if (typeof p.returnTime !== 'string') errors.returnTime = 'Choose the pick-up time of the return transfer';
    else if (typeof p.date === 'string' && typeof p.time === 'string' && daysBetween(p.date, p.returnDate) * 1440 + timeToMinutes(p.returnTime) - timeToMinutes(p.time) < 120) errors.returnDate = 'The return pick-up must be at least 2 hours after you land';
  } else if (p.returnDate !== undefined || p.returnTime !== undefined) {
    errors.returnDate = 'A one-way transfer has no return: clear the return date and time, or choose Return';
  }
  return errors;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
export const airportLabel = (code: string) => {
  const c = cityOfAirport(code);
  return c ? `${c.name} ${c.airport.name} (${c.airport.code})` : undefined;
};
export const areaLabel = (id: string) => {
  const a = areaById(id);
  return a ? `${a.name}, ${CITIES.find((c) => c.id === a.cityId)!.name}` : undefined;
};

export function suggestAirports(q: string): FieldOption[] {
  const s = fold(q);
  return CITIES.filter((c) => {
    const label = fold(airportLabel(c.airport.code)!);
    return !s || fold(c.airport.code) === s || label.startsWith(s) || label.split(/[\s()]+/).some((w) => w.startsWith(s));
  }).map((c) => ({ value: c.airport.code, label: airportLabel(c.airport.code)! }));
}

export function suggestAreas(q: string): FieldOption[] {
  const s = fold(q);
  if (!s) return [];
  return AREAS.filter((a) => {
    const label = fold(areaLabel(a.id)!);
    return label.startsWith(s) || label.split(/[\s,]+/).some((w) => w.startsWith(s));
  }).map((a) => ({ value: a.id, label: areaLabel(a.id)! }));
}

const FLIGHT = /^([A-Z]{2}|[A-Z]\d|\d[A-Z])\s?\d{1,4}$/;
const AIRLINES = ['TP', 'IB', 'VY', 'AF', 'LH', 'BA', 'KL', 'U2', 'FR', 'LX', 'OS', 'SK', 'EI', 'AZ'] as const;
const spread = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);

export const TRAVELLER_FIELDS: PersonField[] = [
  nameField('firstName', 'First name', 'Ana'),
  nameField('lastName', 'Last name', 'Silva'),
  {
    name: 'flightNumber',
    label: 'Arriving flight number',
    kind: 'text',
    required: true,
    validate: (v) => (FLIGHT.test(v.trim().toUpperCase()) ? undefined : 'Enter the flight number as on your ticket, e.g. TP 1352.'),
    example: 'TP 1352',
    // A flight per search, so tasks name different flights.
    exampleFor: (p) => {
      const h = spread(`${p.airport}${p.date}${p.time}`);
      return `${AIRLINES[h % AIRLINES.length]} ${100 + (h % 8900)}`;
    },
  },
  {
    name: 'address',
    label: 'Hotel name or address',
    kind: 'text',
    required: true,
    validate: (v) => (v.trim().length >= 3 && v.length <= 120 ? undefined : 'Enter your hotel’s name or the street address (3 to 120 characters).'),
    example: 'Hotel Central',
    exampleFor: (p) => `Hotel ${areaById(String(p.area))?.name ?? 'Central'} ${['Plaza', 'Garden', 'Palace', 'Suites', 'Inn'][spread(String(p.area) + String(p.date)) % 5]}`,
  },
];

export const CONTACT_FIELDS: PersonField[] = [emailField(), phoneField()];
