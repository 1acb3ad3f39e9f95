import { isIsoDate, minutesToTime } from '../../core/dates.js';
import type { FieldErrors, FieldOption, PersonField, SearchField, SearchParams } from '../engine/site-definition.js';
import { emailField, nameField, phoneField } from '../engine/common-fields.js';
import { LOCATION_KINDS, PARKING_LOCATIONS, parkingLocationById, type ParkingLocation } from './domain.js';
import { MAX_STAY_DAYS, stayMinutes } from './inventory.js';

/** The search form (where, entry and exit), the vehicle and driver, and the contact details. */

export const LOCATION_SOURCE = 'parking-locations';

/** Every half hour of the day: car parks are open around the clock. */
export const TIME_OPTIONS: FieldOption[] = Array.from({ length: 48 }, (_, i) => ({ value: minutesToTime(i * 30), label: minutesToTime(i * 30) }));

export const SEARCH_FIELDS: SearchField[] = [
  { kind: 'autocomplete', name: 'location', label: 'Parking at', source: LOCATION_SOURCE, placeholder: 'Airport, station or city', required: true },
  { kind: 'date', name: 'entryDate', label: 'Entry date', required: true },
  { kind: 'select', name: 'entryTime', label: 'Entry time', options: TIME_OPTIONS, default: '08:00', required: true },
  { kind: 'date', name: 'exitDate', label: 'Exit date', required: true },
  { kind: 'select', name: 'exitTime', label: 'Exit time', options: TIME_OPTIONS, default: '18:00', required: true },
];

export function validateParkingSearch(p: SearchParams): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof p.location === 'string' && !parkingLocationById(p.location)) errors.location = 'Choose an airport, station or city centre from the list.';
  if (typeof p.entryDate !== 'string' || typeof p.exitDate !== 'string' || !isIsoDate(p.entryDate) || !isIsoDate(p.exitDate)) return errors;
  const minutes = stayMinutes(p);
  if (minutes < 60) errors.exitDate = 'Exit must be at least an hour after entry.';
  else if (minutes > MAX_STAY_DAYS * 1440) errors.exitDate = `Stays can last at most ${MAX_STAY_DAYS} days.`;
  return errors;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
export const locationOption = (l: ParkingLocation): FieldOption => ({ value: l.id, label: l.name });

/** Places matching a query: an airport code, a city, a station's name, or "airport"/"station"/"centre". */
export function suggestLocations(query: string): FieldOption[] {
  const q = fold(query);
  if (!q) return PARKING_LOCATIONS.filter((l) => l.kind === 'airport').slice(0, 8).map(locationOption);
  const scored = PARKING_LOCATIONS.flatMap((l, i) => {
    const name = fold(l.name);
    const s = l.code && fold(l.code) === q ? 0 : name.startsWith(q) ? 1 : name.split(/[\s,()]+/).some((w) => w.startsWith(q)) ? 2 : name.includes(q) ? 3 : undefined;
    return s === undefined ? [] : [{ l, s: s * 100 + LOCATION_KINDS.indexOf(l.kind) * 10 + i / 1000 }];
  });
  return scored.sort((a, b) => a.s - b.s).map((x) => locationOption(x.l));
}

const PLATE = /^[A-Z0-9][A-Z0-9 -]{1,9}$/;
const PLATES = ['AB12 CDE', 'LX-482-PT', 'B-MK 4721', '34-TR-91', 'GH 771 KL', '9876 JKL', 'KA 55 ZZ', 'RT-204-FN', 'M-PQ 118', 'NL-73-XV'] as const;
export const MAKES = ['Volkswagen', 'Toyota', 'Renault', 'Peugeot', 'Ford', 'BMW', 'Mercedes-Benz', 'Fiat', 'Skoda', 'Tesla', 'Audi', 'Volvo', 'Kia', 'Hyundai'] as const;
export const COLOURS = ['Black', 'White', 'Silver', 'Grey', 'Blue', 'Red', 'Green', 'Brown', 'Yellow'] as const;
const spread = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);

/** The vehicle first (as car parks read it at the barrier), then the driver. */
export const VEHICLE_AND_DRIVER: PersonField[] = [
  {
    name: 'plate',
    label: 'Number plate',
    kind: 'text',
    required: true,
    validate: (v) => (PLATE.test(v.trim().toUpperCase()) ? undefined : 'Enter the number plate as it is on the car: letters, digits, spaces or dashes (2 to 10).'),
    example: 'AB12 CDE',
    // A plate per search, so tasks name different cars.
    exampleFor: (p) => PLATES[spread(`${p.location}${p.entryDate}${p.entryTime}${p.exitDate}`) % PLATES.length]!,
  },
  { name: 'make', label: 'Make', kind: 'select', required: true, options: MAKES.map((m) => ({ value: m, label: m })), example: 'Volkswagen', exampleFor: (p) => MAKES[spread(`${p.exitTime}${p.location}`) % MAKES.length]! },
  { name: 'colour', label: 'Colour', kind: 'select', required: true, options: COLOURS.map((m) => ({ value: m, label: m })), example: 'Silver', exampleFor: (p) => COLOURS[spread(`${p.entryTime}${p.exitDate}`) % COLOURS.length]! },
  nameField('firstName', 'Driver’s first name', 'Ana'),
  nameField('lastName', 'Driver’s last name', 'Silva'),
];

export const CONTACT_FIELDS: PersonField[] = [emailField(), phoneField()];
