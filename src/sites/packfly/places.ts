import type { FieldOption } from '../engine/site-definition.js';

/**
 * Packfly's places: the airports packages fly from, and the holiday destinations they fly to
 * (each a region with its airport and its resorts).
 */

export type Airport = { code: string; name: string; city: string };
export type Destination = { code: string; name: string; country: string; airport: string; resorts: string[] };

export const AIRPORTS: readonly Airport[] = [
  { code: 'LIS', name: 'Lisbon Humberto Delgado', city: 'Lisbon' },
  { code: 'OPO', name: 'Porto Francisco Sá Carneiro', city: 'Porto' },
  { code: 'MAD', name: 'Madrid Barajas', city: 'Madrid' },
  { code: 'BCN', name: 'Barcelona El Prat', city: 'Barcelona' },
  { code: 'LGW', name: 'London Gatwick', city: 'London' },
  { code: 'MAN', name: 'Manchester', city: 'Manchester' },
  { code: 'DUB', name: 'Dublin', city: 'Dublin' },
  { code: 'AMS', name: 'Amsterdam Schiphol', city: 'Amsterdam' },
  { code: 'FRA', name: 'Frankfurt', city: 'Frankfurt' },
  { code: 'CDG', name: 'Paris Charles de Gaulle', city: 'Paris' },
];

export const DESTINATIONS: readonly Destination[] = [
  { code: 'FAO', name: 'Algarve', country: 'Portugal', airport: 'Faro', resorts: ['Albufeira', 'Vilamoura', 'Lagos', 'Portimão', 'Tavira'] },
  { code: 'PMI', name: 'Mallorca', country: 'Spain', airport: 'Palma de Mallorca', resorts: ['Alcúdia', 'Magaluf', 'Cala d’Or', 'Puerto Pollensa', 'Palma'] },
  { code: 'TFS', name: 'Tenerife', country: 'Spain', airport: 'Tenerife South', resorts: ['Costa Adeje', 'Playa de las Américas', 'Los Cristianos', 'Puerto de la Cruz'] },
  { code: 'LPA', name: 'Gran Canaria', country: 'Spain', airport: 'Gran Canaria', resorts: ['Maspalomas', 'Playa del Inglés', 'Puerto Rico', 'Puerto de Mogán'] },
  { code: 'HER', name: 'Crete', country: 'Greece', airport: 'Heraklion', resorts: ['Hersonissos', 'Malia', 'Elounda', 'Agios Nikolaos', 'Chania'] },
  { code: 'AYT', name: 'Antalya Coast', country: 'Turkey', airport: 'Antalya', resorts: ['Belek', 'Side', 'Lara', 'Kemer', 'Alanya'] },
  { code: 'AGP', name: 'Costa del Sol', country: 'Spain', airport: 'Málaga', resorts: ['Torremolinos', 'Benalmádena', 'Marbella', 'Fuengirola', 'Nerja'] },
  { code: 'RHO', name: 'Rhodes', country: 'Greece', airport: 'Rhodes', resorts: ['Faliraki', 'Lindos', 'Ixia', 'Kolymbia'] },
  { code: 'FNC', name: 'Madeira', country: 'Portugal', airport: 'Funchal', resorts: ['Funchal', 'Caniço', 'Calheta'] },
  { code: 'PFO', name: 'Cyprus (Paphos)', country: 'Cyprus', airport: 'Paphos', resorts: ['Paphos', 'Coral Bay', 'Limassol', 'Polis'] },
];

export const ORIGIN_SOURCE = 'package-origins';
export const DESTINATION_SOURCE = 'package-destinations';

export const airportByCode = (code: string | number | undefined) => (typeof code === 'string' ? AIRPORTS.find((a) => a.code === code) : undefined);
export const destinationByCode = (code: string | number | undefined) => (typeof code === 'string' ? DESTINATIONS.find((d) => d.code === code) : undefined);

export const airportLabel = (a: Airport) => `${a.city} (${a.code})`;
export const destinationLabel = (d: Destination) => `${d.name}, ${d.country}`;
export const originName = (code: string | number | undefined) => airportByCode(code)?.city ?? String(code ?? '');
export const destinationName = (code: string | number | undefined) => destinationByCode(code)?.name ?? String(code ?? '');

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

function rank(options: { value: string; label: string; also: string }[], query: string): FieldOption[] {
  const q = fold(query.trim());
  if (q === '') return options.map(({ value, label }) => ({ value, label }));
  const scored: { option: FieldOption; score: number }[] = [];
  for (const o of options) {
    const label = fold(o.label);
    let score = -1;
    if (o.value.toLowerCase() === q) score = 0;
    else if (label.startsWith(q)) score = 1;
    else if (label.split(/[\s,()-]+/).some((w) => w.startsWith(q))) score = 2;
    else if (fold(o.also).includes(q)) score = 3;
    if (score >= 0) scored.push({ option: { value: o.value, label: o.label }, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.option);
}

export const suggestOrigins = (q: string) => rank(AIRPORTS.map((a) => ({ value: a.code, label: airportLabel(a), also: a.name })), q);
export const suggestDestinations = (q: string) => rank(DESTINATIONS.map((d) => ({ value: d.code, label: destinationLabel(d), also: `${d.airport} ${d.resorts.join(' ')}` })), q);
