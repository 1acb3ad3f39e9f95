import type { City } from '../../world/geography.js';
import { cityByStation, RAIL_CITIES } from './domain.js';
import type { FieldOption } from '../engine/site-definition.js';

/** The autocomplete source of both station fields. */
export const STATION_SOURCE = 'stations';

/** "Lisboa Oriente (Lisbon)". */
export function stationLabel(city: City): string {
  return `${city.station.name} (${city.name})`;
}

/** The network's city for a station code (exact, upper case), or undefined. */
export function railCity(code: string | number | undefined): City | undefined {
  if (typeof code !== 'string') return undefined;
  const city = cityByStation(code);
  return city && RAIL_CITIES.includes(city) ? city : undefined;
}

/** Short station name for headings; the code itself when unknown. */
export function stationName(code: string | number | undefined): string {
  return railCity(code)?.station.name ?? String(code ?? '');
}

/** Lower case without accents, so "zurich" finds "Zürich HB" and "munchen" finds "München". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

type Entry = { city: City; option: FieldOption; code: string; names: string[]; words: string[] };

const ENTRIES: readonly Entry[] = [...RAIL_CITIES]
  .sort((a, b) => a.name.localeCompare(b.name))
  .map((city) => {
    const names = [fold(city.name), fold(city.station.name), fold(city.country)];
    return {
      city,
      option: { value: city.station.code, label: stationLabel(city) },
      code: city.station.code.toLowerCase(),
      names,
      words: names.flatMap((n) => n.split(/[\s()'’.-]+/).filter(Boolean)),
    };
  });

/** Best first: code, city prefix, station prefix, word prefix, then any substring. */
export function suggestStations(query: string): FieldOption[] {
  const q = fold(query.trim());
  if (q === '') return ENTRIES.map((e) => e.option);
  const scored: { e: Entry; score: number }[] = [];
  for (const e of ENTRIES) {
    let score = -1;
    if (e.code === q) score = 0;
    else if (e.names[0]!.startsWith(q)) score = 1;
    else if (e.names[1]!.startsWith(q)) score = 2;
    else if (e.words.some((w) => w.startsWith(q))) score = 3;
    else if (e.names.some((n) => n.includes(q)) || fold(e.option.label).includes(q)) score = 4;
    if (score >= 0) scored.push({ e, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.e.option);
}
