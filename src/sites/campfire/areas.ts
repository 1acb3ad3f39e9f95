import type { FieldOption } from '../engine/site-definition.js';

/**
 * Where Campfire's campsites are: areas near a city, on a lake, on a coast or in the mountains,
 * each with the settings its sites have and the packages its providers sell.
 */

export type AreaKind = 'city' | 'lake' | 'coast' | 'mountain';
export type Area = { code: string; name: string; country: string; kind: AreaKind; lat: number; lon: number };

export const AREAS: readonly Area[] = [
  { code: 'GARDA', name: 'Lake Garda', country: 'Italy', kind: 'lake', lat: 45.6, lon: 10.65 },
  { code: 'ANNECY', name: 'Lake Annecy', country: 'France', kind: 'lake', lat: 45.86, lon: 6.17 },
  { code: 'BLED', name: 'Lake Bled', country: 'Slovenia', kind: 'lake', lat: 46.36, lon: 14.09 },
  { code: 'ALGARVE', name: 'Algarve coast', country: 'Portugal', kind: 'coast', lat: 37.1, lon: -8.3 },
  { code: 'BRITTANY', name: 'Brittany coast', country: 'France', kind: 'coast', lat: 47.9, lon: -3.9 },
  { code: 'COSTABRAVA', name: 'Costa Brava', country: 'Spain', kind: 'coast', lat: 41.9, lon: 3.15 },
  { code: 'ISTRIA', name: 'Istria', country: 'Croatia', kind: 'coast', lat: 45.1, lon: 13.7 },
  { code: 'DOLOMITES', name: 'Dolomites', country: 'Italy', kind: 'mountain', lat: 46.5, lon: 11.85 },
  { code: 'TYROL', name: 'Tyrol', country: 'Austria', kind: 'mountain', lat: 47.25, lon: 11.4 },
  { code: 'PYRENEES', name: 'Pyrenees', country: 'Spain', kind: 'mountain', lat: 42.6, lon: 0.6 },
  { code: 'AMSTERDAM', name: 'Amsterdam', country: 'Netherlands', kind: 'city', lat: 52.37, lon: 4.9 },
  { code: 'BERLIN', name: 'Berlin', country: 'Germany', kind: 'city', lat: 52.52, lon: 13.4 },
  { code: 'LISBON', name: 'Lisbon', country: 'Portugal', kind: 'city', lat: 38.72, lon: -9.14 },
];

export const AREA_SOURCE = 'camping-areas';

export const areaByCode = (code: string | number | undefined) => (typeof code === 'string' ? AREAS.find((a) => a.code === code) : undefined);
export const areaLabel = (a: Area) => `${a.name}, ${a.country}`;
export const areaName = (code: string | number | undefined) => areaByCode(code)?.name ?? String(code ?? '');

/** How a request says where: "at Lake Garda", "on the Costa Brava", "near Berlin", "in the Tyrol". */
export function areaPhrase(code: string | number | undefined): string {
  const a = areaByCode(code);
  if (!a) return String(code ?? '');
  if (a.kind === 'lake') return `at ${a.name}`;
  if (a.kind === 'city') return `near ${a.name}`;
  if (a.kind === 'coast') return `on the ${a.name.replace(/ coast$/, '')} coast`.replace('on the Costa Brava coast', 'on the Costa Brava').replace('on the Istria coast', 'on the coast of Istria');
  return a.name === 'Tyrol' ? 'in the Tyrol' : `in the ${a.name}`;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

export function suggestAreas(query: string): FieldOption[] {
  const q = fold(query.trim());
  const all = AREAS.map((a) => ({ value: a.code, label: areaLabel(a), words: fold(`${a.name} ${a.country} ${a.kind}`).split(/\s+/) }));
  if (q === '') return all.map(({ value, label }) => ({ value, label }));
  return all.filter((a) => fold(a.label).startsWith(q) || a.words.some((w) => w.startsWith(q))).map(({ value, label }) => ({ value, label }));
}
