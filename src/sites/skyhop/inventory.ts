import type { World } from '../../world/world.js';
import { flightsDomain, type Flight } from './domain.js';
import { CITIES } from '../../world/geography.js';
import type { FieldOption } from '../engine/site-definition.js';

/** A route's flights on a date, in departure order (none when the route has no service). */
export function flightsOn(world: World, origin: string, destination: string, date: string): readonly Flight[] {
  return world.rowsOf(flightsDomain, `${origin}-${destination}`, date);
}

export function findFlight(world: World, id: string): Flight | undefined {
  return world.find(flightsDomain, id);
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
