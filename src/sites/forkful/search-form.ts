import { minutesToTime } from '../../core/dates.js';
import { CITIES, cityById } from '../../world/geography.js';
import type { World } from '../../world/world.js';
import type { FieldOption, SearchField } from '../engine/site-definition.js';
import { cityLabel } from './labels.js';

/** The home-page search form: where, when, what time, how many. */

export const CITY_SOURCE = 'city';

/** 12:00 .. 22:00 every 30 minutes. */
export const TIME_OPTIONS: FieldOption[] = Array.from({ length: 21 }, (_, i) => {
  const t = minutesToTime(12 * 60 + i * 30);
  return { value: t, label: t };
});

export const searchFields: SearchField[] = [
  { name: 'city', label: 'City', kind: 'autocomplete', source: CITY_SOURCE, placeholder: 'Which city?', required: true },
  { name: 'date', label: 'Date', kind: 'date', required: true },
  { name: 'time', label: 'Time', kind: 'select', options: TIME_OPTIONS, default: '19:30', required: true },
  { name: 'partySize', label: 'Guests', kind: 'stepper', userFact: true, min: 1, max: 12, default: 2, hint: 'For more than 12 guests, contact the restaurant' },
];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** Cities whose name (or a word of it) or country starts with the query; name matches first. */
export function suggest(_world: World, source: string, query: string): FieldOption[] {
  if (source !== CITY_SOURCE) return [];
  const q = fold(query);
  const scored: { score: number; name: string; opt: FieldOption }[] = [];
  for (const c of CITIES) {
    const name = fold(c.name);
    const score = q === ''
      ? 3
      : name.startsWith(q) || c.id.startsWith(q)
        ? 0
        : name.split(/[\s-]+/).some((w) => w.startsWith(q))
          ? 1
          : fold(c.country).startsWith(q) || fold(cityLabel(c)).startsWith(q)
            ? 2
            : -1;
    if (score >= 0) scored.push({ score, name: c.name, opt: { value: c.id, label: cityLabel(c) } });
  }
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).map((s) => s.opt);
}

export function labelFor(_world: World, source: string, value: string): string | undefined {
  if (source !== CITY_SOURCE) return undefined;
  const c = cityById(value);
  return c ? cityLabel(c) : undefined;
}
