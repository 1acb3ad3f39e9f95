import type { Attrs, PriceBreakdown, Person } from '../../core/schemas/episode-state.js';
import { round2, sumLines } from '../engine/common-fields.js';
import type { Choice, Extra, PersonField, SearchParams, SelectionContext } from '../engine/site-definition.js';

/** The details form and the bill: lead guest, contact, add-ons, deposit. */

export const CURRENCY = 'EUR';

const NAME = /^(?:\p{L}|\p{L}[\p{L}' .-]{0,48}[\p{L}.])$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

function nameRule(label: string) {
  return (v: string): string | undefined => {
    if (v.trim() === '') return `Enter the ${label.toLowerCase()}`;
    if (!NAME.test(v.trim())) return `${label} can only contain letters, spaces, hyphens and apostrophes`;
    return undefined;
  };
}

export const travellerFields: PersonField[] = [
  { name: 'firstName', label: 'First name', kind: 'text', required: true, autocomplete: 'given-name', example: 'Maria', validate: nameRule('First name') },
  { name: 'lastName', label: 'Last name', kind: 'text', required: true, autocomplete: 'family-name', example: 'Fernandes', validate: nameRule('Last name') },
];

export const OCCASIONS = [
  { value: 'birthday', label: 'Birthday' },
  { value: 'anniversary', label: 'Anniversary' },
  { value: 'business', label: 'Business meal' },
  { value: 'date-night', label: 'Date night' },
];

export const contactFields: PersonField[] = [
  {
    name: 'email',
    label: 'Email',
    kind: 'email',
    required: true,
    autocomplete: 'email',
    example: 'maria.fernandes@example.com',
    validate: (v) => (EMAIL.test(v) ? undefined : 'Enter an email address like name@example.com'),
  },
  {
    name: 'phone',
    label: 'Mobile phone',
    kind: 'tel',
    required: true,
    autocomplete: 'tel',
    example: '+351 912 345 678',
    validate: (v) => {
      const digits = v.replace(/\D/g, '');
      if (!/^\+?[0-9][0-9 ()-]+$/.test(v)) return 'Enter a phone number with digits only, like +351 912 345 678';
      if (digits.length < 8 || digits.length > 15) return 'Enter a phone number of 8 to 15 digits, with the country code';
      return undefined;
    },
  },
  {
    name: 'occasion',
    label: 'Occasion',
    kind: 'select',
    required: false,
    options: OCCASIONS,
    example: 'birthday',
    validate: (v) => (v === '' || OCCASIONS.some((o) => o.value === v) ? undefined : 'Choose an occasion from the list'),
  },
  {
    name: 'requests',
    label: 'Special requests',
    kind: 'textarea',
    required: false,
    example: 'A quiet table by the window, please',
    validate: (v) => (v.length > 300 ? 'Keep special requests under 300 characters' : undefined),
  },
];

export function travellerCount(_params: SearchParams): number {
  return 1;
}

function guests(params: SearchParams): number {
  const n = Number(params.partySize ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function chosen(choices: Choice[], attr: string): string | number | undefined {
  for (const c of choices) {
    const v = c.attrs[attr];
    if (typeof v === 'string' || typeof v === 'number') return v;
  }
  return undefined;
}

function depositPerGuest(choices: Choice[]): number {
  const v = chosen(choices, 'depositPerGuest');
  return typeof v === 'number' ? v : 0;
}

const WINE_PRICE: Record<number, number> = { 2: 29, 3: 45, 4: 70 };

/** Cake and flowers for the table; a wine pairing (per guest) at dinner where the list is worth it. */
export function extras(ctx: Omit<SelectionContext, 'extras'>): Extra[] {
  const out: Extra[] = [
    { id: 'cake', label: 'Celebration cake', noun: 'a celebration cake', description: 'Chocolate or lemon cake with a candle and your message, served at dessert', price: 24, per: 'booking', kind: 'checkbox' },
  ];
  const level = Number(ctx.listing.attrs.priceLevel);
  const wine = WINE_PRICE[level];
  if (wine !== undefined && chosen(ctx.choices, 'meal') !== 'lunch') {
    out.push({ id: 'wine-pairing', label: 'Wine pairing', noun: 'the wine pairing', description: `A glass chosen for each course, €${wine} per guest, for the whole table`, price: wine, per: 'unit', kind: 'checkbox' });
  }
  out.push({ id: 'flowers', label: 'Flowers on the table', noun: 'flowers on the table', description: 'A seasonal bouquet waiting on your table', price: 18, per: 'booking', kind: 'checkbox' });
  return out;
}

/** Per-guest add-ons are multiplied by the party size. */
export function units(ctx: Omit<SelectionContext, 'extras'>): number {
  return guests(ctx.params);
}

export function price(ctx: SelectionContext): PriceBreakdown {
  const n = guests(ctx.params);
  const deposit = depositPerGuest(ctx.choices);
  const lines: { label: string; amount: number }[] = [];
  if (deposit > 0) {
    lines.push({ label: `Deposit: ${n} ${n === 1 ? 'guest' : 'guests'} × €${deposit} (deducted from the bill)`, amount: round2(n * deposit) });
  } else {
    lines.push({ label: `Table for ${n}: no deposit, pay at the restaurant`, amount: 0 });
  }
  for (const x of extras(ctx)) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty <= 0) continue;
    const mult = x.per === 'unit' ? n : 1;
    lines.push({ label: mult > 1 ? `${x.label} × ${mult}` : x.label, amount: round2(x.price * mult * Math.min(qty, 1)) });
  }
  return sumLines(CURRENCY, lines);
}

export function bookingAttrs(ctx: SelectionContext, travellers: Person[]): Attrs {
  const n = guests(ctx.params);
  const deposit = depositPerGuest(ctx.choices);
  const lead = travellers[0];
  const attrs: Attrs = {
    guests: n,
    depositPerGuest: deposit,
    depositTotal: round2(n * deposit),
  };
  // The seating actually booked; `time` stays the requested time of the search.
  const time = chosen(ctx.choices, 'bookedTime');
  if (typeof time === 'string') attrs.bookedTime = time;
  const meal = chosen(ctx.choices, 'meal');
  if (typeof meal === 'string') attrs.meal = meal;
  const seating = chosen(ctx.choices, 'seating');
  if (typeof seating === 'string') attrs.seating = seating;
  if (lead) attrs.leadGuest = `${lead.firstName ?? ''} ${lead.lastName ?? ''}`.trim();
  return attrs;
}
