import { addDays, HORIZON_DAYS, inHorizon, isIsoDate, longDate, WORLD_TODAY } from '../../core/dates.js';
import { parseWholeNumber } from '../../core/numbers.js';
import type { World } from '../../world/world.js';
import type { FieldErrors, SearchField, SearchParams, SiteDefinition } from './site-definition.js';

export type ParsedSearch = {
  params: SearchParams;
  errors: FieldErrors;
  /** What the user typed, by field name, to refill the form after an error. */
  raw: Record<string, string>;
};

type Query = { get(name: string): string | null | undefined };

/**
 * Validates the search form on the server, field by field, then across fields. The same
 * rules as the page's own checks, because agents (and people without JS) can skip those.
 */
export function parseSearch(site: SiteDefinition, world: World, query: Query): ParsedSearch {
  const params: SearchParams = {};
  const errors: FieldErrors = {};
  const raw: Record<string, string> = {};
  for (const field of site.searchFields) {
    let text = (query.get(field.name) ?? '').trim();
    // A field that follows another (drop-off time after pick-up time) takes its value when left out.
    if (text === '' && field.kind === 'select' && field.follows) text = raw[field.follows] ?? '';
    raw[field.name] = text;
    const result = parseField(site, world, field, text);
    if ('error' in result) {
      if (result.error) errors[field.name] = result.error;
    } else {
      params[field.name] = result.value;
    }
  }
  if (Object.keys(errors).length === 0 && site.validateSearch) {
    Object.assign(errors, site.validateSearch(params));
  }
  return { params, errors, raw };
}

type FieldResult = { value: string | number } | { error: string | undefined };

function parseField(site: SiteDefinition, world: World, field: SearchField, text: string): FieldResult {
  const required = field.required ?? true;
  if (text === '') {
    if (field.kind === 'stepper') return { value: field.default };
    if ((field.kind === 'select' || field.kind === 'radio') && field.default !== undefined) return { value: field.default };
    return required ? { error: `Enter ${article(field.label)}` } : { error: undefined };
  }
  switch (field.kind) {
    case 'autocomplete': {
      const value = resolveAutocomplete(site, world, field.source, text);
      return value === undefined ? { error: `Pick one of the suggestions for “${field.label}”` } : { value };
    }
    case 'date': {
      if (!isIsoDate(text)) return { error: `${field.label} must be a date like 2026-06-12` };
      if (!inHorizon(text)) return { error: `${field.label} must be between ${longDate(WORLD_TODAY)} and ${longDate(addDays(WORLD_TODAY, HORIZON_DAYS - 1))}` };
      return { value: text };
    }
    case 'select':
    case 'radio': {
      const opt = field.options.find((o) => o.value === text) ?? field.options.find((o) => o.label.toLowerCase() === text.toLowerCase());
      return opt ? { value: opt.value } : { error: `Choose a valid ${field.label.toLowerCase()}` };
    }
    case 'stepper': {
      // Decimal digits only: "0x2" or "2e0" is not a count a person types.
      const n = parseWholeNumber(text);
      if (n === undefined || n < field.min || n > field.max) {
        return { error: `${field.label} must be a whole number from ${field.min} to ${field.max}` };
      }
      return { value: n };
    }
    case 'text':
      return text.length > 200 ? { error: `${field.label} is too long` } : { value: text };
  }
}

/** A code, an exact label, or a text that matches exactly one suggestion. */
export function resolveAutocomplete(site: SiteDefinition, world: World, source: string, text: string): string | undefined {
  if (site.labelFor(world, source, text) !== undefined) return text;
  const lower = text.toLowerCase();
  // A chosen suggestion reads like "Lisbon (LIS)" or "Lisbon, Portugal": look its head up too.
  const head = text.split(/[(,]/)[0]!.trim();
  const candidates = site.suggest(world, source, text);
  if (head && head !== text) {
    for (const c of site.suggest(world, source, head)) if (!candidates.some((x) => x.value === c.value)) candidates.push(c);
  }
  const exact = candidates.find((c) => c.value.toLowerCase() === lower || c.label.toLowerCase() === lower);
  if (exact) return exact.value;
  return candidates.length === 1 ? candidates[0]!.value : undefined;
}

function article(label: string): string {
  const l = label.toLowerCase();
  return /^[aeiou]/.test(l) ? `an ${l}` : `a ${l}`;
}

/** Search params as a query string, in field order (links keep the search). */
export function searchQueryString(site: SiteDefinition, params: SearchParams): string {
  const q = new URLSearchParams();
  for (const f of site.searchFields) {
    const v = params[f.name];
    if (v !== undefined) q.set(f.name, String(v));
  }
  return q.toString();
}
