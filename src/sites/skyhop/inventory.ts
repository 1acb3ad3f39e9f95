import type { World } from '../../world/world.js';
import { flightsDomain, type Flight } from './domain.js';
import { CITIES } from '../../world/geography.js';
import type { FieldOption } from '../engine/site-definition.js';

/** Flights indexed by "ORIGIN-DEST-DATE", built once per world. */
const byRouteDate = new WeakMap<World, Map<string, Flight[]>>();

export function flightsOn(world: World, origin: string, destination: string, date: string): Flight[] {
  let index = byRouteDate.get(world);
  if (!index) {
    index = new Map();
    for (const f of world.all(flightsDomain)) {
      const key = `${f.origin}-${f.destination}-${f.date}`;
      const list = index.get(key);
      if (list) list.push(f);
      else index.set(key, [f]);
    }
    byRouteDate.set(world, index);
  }
  return index.get(`${origin}-${destination}-${date}`) ?? [];
}

export const AIRPORTS: FieldOption[] = CITIES.map((c) => ({ value: c.airport.code, label: `${c.name} (${c.airport.code})` }));

export function airportLabel(code: string): string | undefined {
  return AIRPORTS.find((a) => a.value === code)?.label;
}

export function cityOfAirport(code: string): string {
  return CITIES.find((c) => c.airport.code === code)?.name ?? code;
}

/** Airports whose city, country, code or airport name starts a word with the query. */
export function suggestAirports(query: string): FieldOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return CITIES.filter((c) =>
    [c.name, c.country, c.airport.code, c.airport.name].some((s) => s.toLowerCase().split(/[\s-]+/).some((w) => w.startsWith(q)) || s.toLowerCase().startsWith(q)),
  ).map((c) => ({ value: c.airport.code, label: `${c.name} (${c.airport.code})` }));
}
