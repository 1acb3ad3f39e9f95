import { HORIZON_DAYS, WORLD_TODAY, addDays, daysBetween, isIsoDate } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { FieldErrors, FieldOption, SearchField, SearchParams } from '../engine/site-definition.js';
import { CITIES, cityById, type City } from '../../world/geography.js';
import type { World } from '../../world/world.js';
import { search } from './listings.js';

/** The home-page search form: fields, destination suggestions, cross-field rules, a sample search. */

export const MAX_NIGHTS = 14;
export const CITY_SOURCE = 'city';

export const searchFields: SearchField[] = [
  { name: 'destination', label: 'Destination', kind: 'autocomplete', source: CITY_SOURCE, placeholder: 'Where are you going?' },
  { name: 'checkIn', label: 'Check-in', kind: 'date' },
  { name: 'checkOut', label: 'Check-out', kind: 'date' },
  { name: 'adults', label: 'Adults', kind: 'stepper', userFact: true, min: 1, max: 6, default: 2 },
  { name: 'children', label: 'Children', kind: 'stepper', userFact: true, min: 0, max: 4, default: 0, hint: 'Ages 0-17' },
  { name: 'rooms', label: 'Rooms', kind: 'stepper', min: 1, max: 3, default: 1 },
];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const cityLabel = (c: City) => `${c.name}, ${c.country}`;

/** Cities by name prefix first, then by a word of the country or a neighbourhood, then by substring. */
export function suggest(_world: World, source: string, query: string): FieldOption[] {
  if (source !== CITY_SOURCE) return [];
  const q = fold(query).replace(/,.*$/, '').trim();
  if (q === '') return CITIES.slice(0, 8).map((c) => ({ value: c.id, label: cityLabel(c) }));
  const scored: { c: City; score: number }[] = [];
  for (const c of CITIES) {
    const name = fold(c.name);
    let score = -1;
    if (name === q) score = 0;
    else if (name.startsWith(q)) score = 1;
    else if (fold(c.country).startsWith(q) || c.airport.code.toLowerCase() === q) score = 2;
    else if (name.includes(q) || c.neighbourhoods.some((n) => fold(n).startsWith(q))) score = 3;
    if (score >= 0) scored.push({ c, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.c.name.localeCompare(b.c.name))
    .map(({ c }) => ({ value: c.id, label: cityLabel(c) }));
}

export function labelFor(_world: World, source: string, value: string): string | undefined {
  if (source !== CITY_SOURCE) return undefined;
  const c = cityById(value);
  return c ? cityLabel(c) : undefined;
}

export function validateSearch(params: SearchParams): FieldErrors {
  const errors: FieldErrors = {};
  const checkIn = String(params.checkIn ?? '');
  const checkOut = String(params.checkOut ?? '');
  if (isIsoDate(checkIn) && isIsoDate(checkOut)) {
    const nights = daysBetween(checkIn, checkOut);
    if (nights < 1) errors.checkOut = 'Check-out must be after check-in';
    else if (nights > MAX_NIGHTS) errors.checkOut = `Stays can be at most ${MAX_NIGHTS} nights`;
  }
  const adults = Number(params.adults);
  const rooms = Number(params.rooms);
  if (Number.isInteger(adults) && Number.isInteger(rooms) && rooms > adults) {
    errors.rooms = 'Each room needs at least one adult';
  }
  return errors;
}

function bookable(world: World, params: SearchParams): boolean {
  const listings = search(world, params);
  return listings.length >= 3 && listings.some((l) => !l.soldOut);
}

/**
 * A search with bookable results: a listing that is not sold out always has a free room that
 * fits, and the non-refundable rate is always on sale, so each option group has a choice.
 */
export function exampleSearch(world: World, rng: Rng): SearchParams {
  for (let attempt = 0; attempt < 40; attempt++) {
    const city = rng.pick(CITIES);
    const nights = rng.weighted([[1, 2], [2, 4], [3, 4], [4, 3], [5, 2], [7, 2], [10, 1]] as const);
    const lead = rng.int(2, HORIZON_DAYS - 1 - nights);
    const adults = rng.weighted([[1, 2], [2, 6], [3, 1], [4, 1]] as const);
    const children = adults >= 2 && rng.chance(0.25) ? rng.int(1, 2) : 0;
    const rooms = adults >= 4 || (adults === 3 && rng.chance(0.3)) ? 2 : 1;
    const checkIn = addDays(WORLD_TODAY, lead);
    const params: SearchParams = { destination: city.id, checkIn, checkOut: addDays(checkIn, nights), adults, children, rooms };
    if (bookable(world, params)) return params;
  }
  const checkIn = addDays(WORLD_TODAY, 14);
  return { destination: 'lisbon', checkIn, checkOut: addDays(checkIn, 2), adults: 2, children: 0, rooms: 1 };
}
