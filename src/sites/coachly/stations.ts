import { CITIES, type City } from '../../world/geography.js';
import type { FieldOption } from '../engine/site-definition.js';

/** Coach stations of the network: one per city, with its own code (coach stations are not rail stations). */

export type CoachStation = { code: string; name: string; city: City };

const STATION_NAMES: Record<string, [string, string]> = {
  lisbon: ['LSR', 'Lisbon Sete Rios'],
  porto: ['PCA', 'Porto Campo 24 de Agosto'],
  madrid: ['MES', 'Madrid Estación Sur'],
  barcelona: ['BNO', 'Barcelona Nord'],
  paris: ['PBE', 'Paris Bercy Seine'],
  lyon: ['LPE', 'Lyon Perrache'],
  london: ['LVC', 'London Victoria Coach Station'],
  amsterdam: ['ASL', 'Amsterdam Sloterdijk'],
  brussels: ['BNS', 'Brussels North'],
  berlin: ['BZO', 'Berlin ZOB'],
  munich: ['MZO', 'Munich ZOB'],
  zurich: ['ZSI', 'Zurich Sihlquai'],
  vienna: ['VER', 'Vienna Erdberg'],
  prague: ['PFL', 'Prague Florenc'],
  rome: ['RTI', 'Rome Tiburtina'],
  milan: ['MLA', 'Milan Lampugnano'],
  copenhagen: ['CIN', 'Copenhagen Ingerslevsgade'],
};

/** Every coach station, by city name. */
export const COACH_STATIONS: readonly CoachStation[] = CITIES.flatMap((city) => {
  const s = STATION_NAMES[city.id];
  return s ? [{ code: s[0], name: s[1], city }] : [];
}).sort((a, b) => a.city.name.localeCompare(b.city.name));

export const STOP_SOURCE = 'coach-stops';

export function stationByCode(code: string | number | undefined): CoachStation | undefined {
  return typeof code === 'string' ? COACH_STATIONS.find((s) => s.code === code) : undefined;
}

/** "Prague Florenc (Prague)" as the form shows it. */
export function stationLabel(s: CoachStation): string {
  return s.name.startsWith(s.city.name) ? s.name : `${s.name} (${s.city.name})`;
}

export const cityOf = (code: string | number | undefined) => stationByCode(code)?.city.name ?? String(code ?? '');
export const stationNameOf = (code: string | number | undefined) => stationByCode(code)?.name ?? String(code ?? '');

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** Code, then city prefix, station-name word prefix, then substring. */
export function suggestStops(query: string): FieldOption[] {
  const q = fold(query.trim());
  const all = COACH_STATIONS.map((s) => ({ s, option: { value: s.code, label: stationLabel(s) } }));
  if (q === '') return all.map((x) => x.option);
  const scored: { option: FieldOption; score: number }[] = [];
  for (const { s, option } of all) {
    const words = fold(s.name).split(/[\s-]+/);
    let score = -1;
    if (s.code.toLowerCase() === q) score = 0;
    else if (fold(s.city.name).startsWith(q)) score = 1;
    else if (words.some((w) => w.startsWith(q))) score = 2;
    else if (fold(`${s.name} ${s.city.country}`).includes(q)) score = 3;
    if (score >= 0) scored.push({ option, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((x) => x.option);
}
