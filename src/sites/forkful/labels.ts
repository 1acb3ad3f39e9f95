import type { FieldOption } from '../engine/site-definition.js';
import { cityById, type City } from '../../world/geography.js';
import type { Cuisine, Feature, SeatingArea } from './domain.js';

/** Human wording for the machine values of the restaurants domain. */

export const CUISINE_LABELS: Record<Cuisine, string> = {
  italian: 'Italian',
  japanese: 'Japanese',
  portuguese: 'Portuguese',
  french: 'French',
  indian: 'Indian',
  mexican: 'Mexican',
  vegetarian: 'Vegetarian',
  seafood: 'Seafood',
  steakhouse: 'Steakhouse',
  thai: 'Thai',
  spanish: 'Spanish',
  nordic: 'Nordic',
  european: 'Modern European',
  korean: 'Korean',
  lebanese: 'Lebanese',
};

/** "an Italian restaurant", "a steakhouse", "a seafood restaurant". */
export function cuisinePhrase(c: Cuisine): string {
  if (c === 'steakhouse') return 'a steakhouse';
  const word = c === 'seafood' || c === 'vegetarian' ? c : c === 'european' ? 'modern European' : CUISINE_LABELS[c];
  return `${/^[aeiouAEIOU]/.test(word) ? 'an' : 'a'} ${word} restaurant`;
}

export const FEATURE_LABELS: Record<Feature, string> = {
  terrace: 'Terrace',
  'vegan-options': 'Vegan options',
  'kid-friendly': 'Kid-friendly',
  'wheelchair-accessible': 'Wheelchair accessible',
  'live-music': 'Live music',
  'private-dining': 'Private dining',
};

export const SEATING_LABELS: Record<SeatingArea, string> = {
  indoor: 'Dining room',
  terrace: 'Terrace',
  bar: 'Bar',
  counter: "Chef's counter",
};

export const DRESS_CODE_LABELS: Record<string, string> = {
  casual: 'Casual',
  'smart-casual': 'Smart casual',
  elegant: 'Elegant (jacket preferred)',
};

export const WEEKDAY_PLURALS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'] as const;

export function priceSymbols(level: number): string {
  return '€'.repeat(level);
}

export function options<K extends string>(labels: Record<K, string>): FieldOption[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export function cityLabel(c: City): string {
  return `${c.name}, ${c.country}`;
}

export function cityName(id: string | number | undefined): string {
  return cityById(String(id))?.name ?? String(id);
}

/** "1,203". */
export function count(n: number): string {
  return n.toLocaleString('en-GB');
}
