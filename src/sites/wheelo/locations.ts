import type { FieldOption } from '../engine/site-definition.js';
import { CAR_LOCATIONS, carLocationById, type CarLocation } from './domain.js';

/** The autocomplete source of the pick-up field. */
export const LOCATION_SOURCE = 'locations';

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** Lower is better; undefined when the location does not match at all. */
function score(loc: CarLocation, q: string): number | undefined {
  const city = fold(loc.cityName);
  const name = fold(loc.name);
  const code = loc.code ? fold(loc.code) : '';
  if (code !== '' && code === q) return 0;
  if (city.startsWith(q)) return 1;
  if (name.startsWith(q)) return 2;
  const words = `${name} ${fold(loc.address)} ${fold(loc.country)}`.split(/[\s,()–-]+/).filter(Boolean);
  if (words.some((w) => w.startsWith(q))) return 3;
  if (name.includes(q) || fold(loc.address).includes(q)) return 4;
  return undefined;
}

/** Pick-up locations matching a query: airport code, city, branch name, district or country. */
export function suggestLocations(query: string): FieldOption[] {
  const q = fold(query);
  if (q === '') return CAR_LOCATIONS.filter((l) => l.type === 'airport').map(toOption);
  const hits: { loc: CarLocation; s: number; i: number }[] = [];
  CAR_LOCATIONS.forEach((loc, i) => {
    const s = score(loc, q);
    if (s !== undefined) hits.push({ loc, s, i });
  });
  hits.sort((a, b) => a.s - b.s || a.i - b.i);
  return hits.map((h) => toOption(h.loc));
}

function toOption(loc: CarLocation): FieldOption {
  return { value: loc.id, label: loc.name };
}

export function locationLabel(id: string): string | undefined {
  return carLocationById(id)?.name;
}
