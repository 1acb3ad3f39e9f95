import { CITIES } from '../../world/geography.js';
import type { FieldOption } from './site-definition.js';

/**
 * The city autocomplete several sites search by ("Lisbon, Portugal"): its options, labels and
 * suggestions (a city or country that starts with the query, or a word of the city's name).
 */

export const CITY_OPTIONS: readonly FieldOption[] = CITIES.map((c) => ({ value: c.id, label: `${c.name}, ${c.country}` }));

export const cityLabel = (id: string): string | undefined => CITY_OPTIONS.find((c) => c.value === id)?.label;

export const cityName = (id: string): string => CITIES.find((c) => c.id === id)?.name ?? id;

export function suggestCities(query: string): FieldOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return CITIES.filter((c) => c.name.toLowerCase().startsWith(q) || c.country.toLowerCase().startsWith(q) || c.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q))).map((c) => ({ value: c.id, label: `${c.name}, ${c.country}` }));
}
