import { daysBetween, isIsoDate } from '../../core/dates.js';
import { CITIES, cityById, type City } from '../../world/geography.js';
import type { World } from '../../world/world.js';
import { EVENT_CATEGORIES } from './domain.js';
import type { FieldErrors, FieldOption, SearchField, SearchParams } from '../engine/site-definition.js';
import { citiesWithEvents, MAX_RANGE_DAYS, MAX_TICKETS } from './inventory.js';
import { CATEGORY_LABELS } from './wording.js';

export const CITY_SOURCE = 'city';

export const searchFields: SearchField[] = [
  { kind: 'autocomplete', name: 'city', label: 'City', source: CITY_SOURCE, placeholder: 'Which city?', required: true },
  { kind: 'date', name: 'dateFrom', label: 'From', required: true },
  { kind: 'date', name: 'dateTo', label: 'To', required: true, hint: `Up to ${MAX_RANGE_DAYS} days` },
  {
    kind: 'select',
    name: 'searchCategory',
    label: 'Category',
    options: [{ value: 'any', label: 'All events' }, ...EVENT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))],
    default: 'any',
  },
  { kind: 'stepper', name: 'tickets', label: 'Tickets', userFact: true, min: 1, max: MAX_TICKETS, default: 2 },
];

export function validateSearch(params: SearchParams): FieldErrors {
  const from = String(params.dateFrom ?? '');
  const to = String(params.dateTo ?? '');
  if (!isIsoDate(from) || !isIsoDate(to)) return {};
  const span = daysBetween(from, to);
  if (span < 0) return { dateTo: 'The end date must be on or after the start date.' };
  if (span + 1 > MAX_RANGE_DAYS) return { dateTo: `Choose a date range of at most ${MAX_RANGE_DAYS} days.` };
  return {};
}

const fold = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

function cityLabel(c: City): string {
  return `${c.name}, ${c.country}`;
}

/** Cities by name prefix first, then by word prefix, then by country prefix; accent- and case-insensitive. */
export function suggest(world: World, source: string, query: string): FieldOption[] {
  if (source !== CITY_SOURCE) return [];
  const q = fold(query);
  const live = new Set(citiesWithEvents(world));
  const cities = CITIES.filter((c) => live.has(c.id));
  const rank = (c: City): number => {
    if (!q) return 0;
    const name = fold(c.name);
    if (name.startsWith(q)) return 0;
    if (name.split(/[\s-]+/).some((w) => w.startsWith(q))) return 1;
    if (fold(c.country).startsWith(q)) return 2;
    return -1;
  };
  return cities
    .map((c) => [c, rank(c)] as const)
    .filter(([, r]) => r >= 0)
    .sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name))
    .map(([c]) => ({ value: c.id, label: cityLabel(c) }));
}

export function labelFor(_world: World, source: string, value: string): string | undefined {
  if (source !== CITY_SOURCE) return undefined;
  const c = cityById(value);
  return c ? cityLabel(c) : undefined;
}
