import { parseWholeNumber } from '../../core/numbers.js';
import type { Person } from '../../core/schemas/episode-state.js';
import type { Extra, FieldErrors, PersonField, SiteDefinition, SearchParams } from './site-definition.js';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export const PHONE = /^\+?[0-9][0-9 ()-]{6,18}[0-9]$/;

type Body = Record<string, string | undefined>;

export type ParsedDetails = {
  fields: Record<string, string>;
  errors: FieldErrors;
  travellers: Person[];
  contact: Record<string, string>;
  extras: Record<string, number>;
};

export const travellerInputName = (index: number, field: string) => `t${index}_${field}`;
export const contactInputName = (field: string) => `c_${field}`;
export const extraInputName = (id: string) => `x_${id}`;

/** Checks one value against its field: required, then kind, then the site's own rule. */
export function validateField(field: PersonField, value: string): string | undefined {
  if (value === '') return field.required ? `Enter ${field.label.toLowerCase()}` : undefined;
  if (value.length > 500) return `${field.label} is too long`;
  if (field.kind === 'email' && !EMAIL.test(value)) return 'Enter an email address like name@example.com';
  if (field.kind === 'tel' && !PHONE.test(value)) return 'Enter a phone number like +351 912 345 678';
  if (field.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${field.label} must be a date like 1990-04-21`;
  if (field.kind === 'select' && field.options && !field.options.some((o) => o.value === value)) {
    return `Choose a valid ${field.label.toLowerCase()}`;
  }
  if ((field.kind === 'text' || field.kind === 'textarea') && field.name.toLowerCase().includes('name') && !/\p{L}/u.test(value)) {
    return `${field.label} must contain letters`;
  }
  return field.validate?.(value);
}

/** Validates the details form on the server: travellers, contact and add-ons. */
export function parseDetails(site: SiteDefinition, params: SearchParams, extras: Extra[], body: Body): ParsedDetails {
  const fields: Record<string, string> = {};
  const errors: FieldErrors = {};
  const travellers: Person[] = [];
  const count = site.travellerCount(params);
  for (let i = 1; i <= count; i++) {
    const person: Person = {};
    for (const f of site.travellerFields) {
      const name = travellerInputName(i, f.name);
      const value = (body[name] ?? '').trim();
      fields[name] = value;
      const err = validateField(f, value);
      // The draft keeps every value typed; the traveller record only the valid ones.
      if (err) errors[name] = err;
      else person[f.name] = value;
    }
    travellers.push(person);
  }
  const contact: Record<string, string> = {};
  for (const f of site.contactFields) {
    const name = contactInputName(f.name);
    const value = (body[name] ?? '').trim();
    fields[name] = value;
    const err = validateField(f, value);
    if (err) errors[name] = err;
    else contact[f.name] = value;
  }
  const chosen: Record<string, number> = {};
  for (const x of extras) {
    const name = extraInputName(x.id);
    const text = (body[name] ?? '').trim();
    fields[name] = text;
    let qty = 0;
    if (x.kind === 'checkbox') {
      qty = text === '' || text === '0' ? 0 : 1;
    } else {
      const n = text === '' ? 0 : parseWholeNumber(text);
      const max = x.max ?? 9;
      if (n === undefined || n < 0 || n > max) errors[name] = `${x.label}: choose 0 to ${max}`;
      else qty = n;
    }
    chosen[x.id] = qty;
  }
  return { fields, errors, travellers, contact, extras: chosen };
}
