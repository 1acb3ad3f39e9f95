import { WORLD_TODAY, daysBetween, isIsoDate } from '../../core/dates.js';
import type { PriceBreakdown, PriceLine } from '../../core/schemas/episode-state.js';
import type { PersonField } from './site-definition.js';

/** Fields and price helpers most sites share; a site may still declare its own. */

export const nameField = (name: string, label: string, example: string): PersonField => ({
  name,
  label,
  kind: 'text',
  required: true,
  example,
  autocomplete: name === 'firstName' ? 'given-name' : name === 'lastName' ? 'family-name' : 'off',
});

export const emailField = (): PersonField => ({ name: 'email', label: 'Email', kind: 'email', required: true, example: 'ana.silva@example.com', autocomplete: 'email' });

export const phoneField = (): PersonField => ({ name: 'phone', label: 'Phone number', kind: 'tel', required: true, example: '+351 912 345 678', autocomplete: 'tel' });

/** Date of birth; `minAge` in whole years on the world's today. */
export const birthDateField = (minAge = 0): PersonField => ({
  name: 'dateOfBirth',
  label: 'Date of birth',
  kind: 'date',
  required: true,
  example: '1990-04-21',
  validate: (v) => {
    if (!isIsoDate(v)) return 'Enter a real date like 1990-04-21';
    const age = daysBetween(v, WORLD_TODAY) / 365.25;
    if (age < 0) return 'Date of birth cannot be in the future';
    if (age > 120) return 'Check the year of birth';
    if (age < minAge) return `Must be at least ${minAge} years old`;
    return undefined;
  },
});

export const round2 = (n: number) => Math.round(n * 100) / 100;

export function sumLines(currency: string, lines: PriceLine[]): PriceBreakdown {
  return { currency, lines, total: round2(lines.reduce((s, l) => s + l.amount, 0)) };
}
