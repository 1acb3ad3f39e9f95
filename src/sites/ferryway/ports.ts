import type { FieldOption } from '../engine/site-definition.js';

/**
 * Ferryway's ports and the areas a search may name instead of one port ("any port in the
 * Cyclades"): real ports, the sailings between them are generated.
 */

export type Port = { code: string; name: string; country: string; area?: string };
export type Area = { code: string; name: string; ports: string[] };

export const PORTS: readonly Port[] = [
  { code: 'DOV', name: 'Dover', country: 'United Kingdom' },
  { code: 'PME', name: 'Portsmouth', country: 'United Kingdom' },
  { code: 'PLY', name: 'Plymouth', country: 'United Kingdom' },
  { code: 'HHD', name: 'Holyhead', country: 'United Kingdom' },
  { code: 'DUB', name: 'Dublin', country: 'Ireland' },
  { code: 'CQF', name: 'Calais', country: 'France', area: 'north-france' },
  { code: 'DKK', name: 'Dunkirk', country: 'France', area: 'north-france' },
  { code: 'CEN', name: 'Caen-Ouistreham', country: 'France', area: 'north-france' },
  { code: 'CER', name: 'Cherbourg', country: 'France', area: 'north-france' },
  { code: 'RSC', name: 'Roscoff', country: 'France', area: 'north-france' },
  { code: 'SDR', name: 'Santander', country: 'Spain' },
  { code: 'BCN', name: 'Barcelona', country: 'Spain' },
  { code: 'DEN', name: 'Dénia', country: 'Spain' },
  { code: 'ALG', name: 'Algeciras', country: 'Spain' },
  { code: 'TAR', name: 'Tarifa', country: 'Spain' },
  { code: 'TNG', name: 'Tanger Med', country: 'Morocco', area: 'morocco' },
  { code: 'TGV', name: 'Tangier Ville', country: 'Morocco', area: 'morocco' },
  { code: 'CEU', name: 'Ceuta', country: 'Spain', area: 'morocco' },
  { code: 'PMI', name: 'Palma de Mallorca', country: 'Spain', area: 'balearics' },
  { code: 'IBZ', name: 'Ibiza', country: 'Spain', area: 'balearics' },
  { code: 'MAH', name: 'Mahón', country: 'Spain', area: 'balearics' },
  { code: 'GOA', name: 'Genoa', country: 'Italy' },
  { code: 'LVN', name: 'Livorno', country: 'Italy' },
  { code: 'CIV', name: 'Civitavecchia', country: 'Italy' },
  { code: 'OLB', name: 'Olbia', country: 'Italy', area: 'sardinia' },
  { code: 'PTO', name: 'Porto Torres', country: 'Italy', area: 'sardinia' },
  { code: 'BIA', name: 'Bastia', country: 'France', area: 'corsica' },
  { code: 'PIR', name: 'Piraeus', country: 'Greece' },
  { code: 'RAF', name: 'Rafina', country: 'Greece' },
  { code: 'AEG', name: 'Aegina', country: 'Greece', area: 'saronic' },
  { code: 'POR', name: 'Poros', country: 'Greece', area: 'saronic' },
  { code: 'JMK', name: 'Mykonos', country: 'Greece', area: 'cyclades' },
  { code: 'JTR', name: 'Santorini', country: 'Greece', area: 'cyclades' },
  { code: 'PAS', name: 'Paros', country: 'Greece', area: 'cyclades' },
  { code: 'JNX', name: 'Naxos', country: 'Greece', area: 'cyclades' },
  { code: 'HER', name: 'Heraklion', country: 'Greece', area: 'crete' },
  { code: 'HEL', name: 'Helsinki', country: 'Finland' },
  { code: 'TLL', name: 'Tallinn', country: 'Estonia' },
  { code: 'STO', name: 'Stockholm', country: 'Sweden' },
  { code: 'HSR', name: 'Helsingør', country: 'Denmark' },
  { code: 'HBG', name: 'Helsingborg', country: 'Sweden' },
  { code: 'PUT', name: 'Puttgarden', country: 'Germany' },
  { code: 'RDB', name: 'Rødby', country: 'Denmark' },
];

const AREA_NAMES: Record<string, string> = {
  'north-france': 'Northern France',
  morocco: 'Morocco and Ceuta',
  balearics: 'the Balearic Islands',
  sardinia: 'Sardinia',
  corsica: 'Corsica',
  saronic: 'the Saronic Islands',
  cyclades: 'the Cyclades',
  crete: 'Crete',
};

/** Areas of two ports or more; a lone port's area is the port itself. */
export const AREAS: readonly Area[] = Object.entries(AREA_NAMES)
  .map(([id, name]) => ({ code: `ANY-${id.toUpperCase()}`, name, ports: PORTS.filter((p) => p.area === id).map((p) => p.code) }))
  .filter((a) => a.ports.length >= 2);

export const PORT_SOURCE = 'ports';

export const portByCode = (code: string | number | undefined) => (typeof code === 'string' ? PORTS.find((p) => p.code === code) : undefined);
export const areaByCode = (code: string | number | undefined) => (typeof code === 'string' ? AREAS.find((a) => a.code === code) : undefined);

/** The ports a search value stands for: one port, or every port of an area. */
export function portsOf(code: string | number | undefined): string[] {
  const area = areaByCode(code);
  if (area) return area.ports;
  return portByCode(code) ? [String(code)] : [];
}

/** How a place reads: "Dover", "any port in the Cyclades". */
export function placeName(code: string | number | undefined): string {
  const area = areaByCode(code);
  if (area) return `any port in ${area.name}`;
  return portByCode(code)?.name ?? String(code ?? '');
}

/** How the form shows a place: "Dover, United Kingdom", "Any port in the Cyclades". */
export function placeLabel(code: string): string | undefined {
  const area = areaByCode(code);
  if (area) return `Any port in ${area.name}`;
  const p = portByCode(code);
  return p ? `${p.name}, ${p.country}` : undefined;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** Ports and areas, best first: code, name prefix, word prefix, then the country or area. */
export function suggestPlaces(query: string): FieldOption[] {
  const q = fold(query.trim());
  const all = [...AREAS.map((a) => a.code), ...PORTS.map((p) => p.code)].map((code) => ({ code, label: placeLabel(code)! }));
  if (q === '') return all.map((x) => ({ value: x.code, label: x.label }));
  const scored: { option: FieldOption; score: number }[] = [];
  for (const x of all) {
    const label = fold(x.label);
    const words = label.split(/[\s,-]+/);
    let score = -1;
    if (x.code.toLowerCase() === q) score = 0;
    else if (label.startsWith(q)) score = 1;
    else if (words.some((w) => w.startsWith(q))) score = 2;
    else if (label.includes(q)) score = 3;
    if (score >= 0) scored.push({ option: { value: x.code, label: x.label }, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.option);
}
