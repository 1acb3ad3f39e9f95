import type { FieldOption } from '../engine/site-definition.js';

/** Seaberth's ports: the home ports sailings leave from, and the ports of call each one's itineraries visit. */

export type HomePort = { code: string; name: string; city: string; country: string; calls: string[] };

export const HOME_PORTS: readonly HomePort[] = [
  { code: 'SOU', name: 'Southampton', city: 'Southampton', country: 'United Kingdom', calls: ['Zeebrugge', 'Amsterdam', 'Hamburg', 'Oslo', 'Bergen', 'Geiranger', 'Stavanger', 'Copenhagen', 'Cork', 'Dublin', 'Guernsey', 'Le Havre', 'Edinburgh'] },
  { code: 'BCN', name: 'Barcelona', city: 'Barcelona', country: 'Spain', calls: ['Marseille', 'Genoa', 'La Spezia', 'Civitavecchia', 'Naples', 'Palma', 'Ibiza', 'Valletta', 'Cagliari', 'Ajaccio', 'Valencia'] },
  { code: 'CIV', name: 'Civitavecchia (Rome)', city: 'Rome', country: 'Italy', calls: ['Naples', 'Messina', 'Valletta', 'Santorini', 'Mykonos', 'Piraeus', 'Dubrovnik', 'Corfu', 'Kotor', 'Barcelona', 'Marseille'] },
  { code: 'PIR', name: 'Piraeus (Athens)', city: 'Athens', country: 'Greece', calls: ['Mykonos', 'Santorini', 'Rhodes', 'Heraklion', 'Kusadasi', 'Istanbul', 'Corfu', 'Kotor', 'Dubrovnik', 'Split'] },
  { code: 'CPH', name: 'Copenhagen', city: 'Copenhagen', country: 'Denmark', calls: ['Stockholm', 'Tallinn', 'Helsinki', 'Riga', 'Gdansk', 'Warnemünde', 'Oslo', 'Visby', 'Kiel'] },
  { code: 'LIS', name: 'Lisbon', city: 'Lisbon', country: 'Portugal', calls: ['Funchal', 'Santa Cruz de Tenerife', 'Las Palmas', 'Arrecife', 'Cádiz', 'Málaga', 'Porto', 'Vigo', 'Casablanca'] },
];

export const PORT_SOURCE = 'cruise-ports';
export const portByCode = (code: string | number | undefined) => (typeof code === 'string' ? HOME_PORTS.find((p) => p.code === code) : undefined);
export const portLabel = (p: HomePort) => `${p.name}, ${p.country}`;
export const portName = (code: string | number | undefined) => portByCode(code)?.name ?? String(code ?? '');

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

export function suggestPorts(query: string): FieldOption[] {
  const q = fold(query.trim());
  const all = HOME_PORTS.map((p) => ({ value: p.code, label: portLabel(p), words: fold(`${p.name} ${p.city} ${p.country} ${p.code}`).split(/[\s(),]+/) }));
  if (q === '') return all.map(({ value, label }) => ({ value, label }));
  return all.filter((p) => fold(p.label).startsWith(q) || p.words.some((w) => w.startsWith(q))).map(({ value, label }) => ({ value, label }));
}
