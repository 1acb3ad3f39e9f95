import type { Person, PriceBreakdown } from '../../core/schemas/episode-state.js';
import type { Attrs, Extra, SelectionContext } from '../engine/site-definition.js';
import { eur, fromCents, toCents } from './money.js';
import { CHOICE_LINE, PER_DAY_CHOICES } from './options.js';
import { readRental, YOUNG_DRIVER_UNDER } from './rental.js';

type Ctx = Omit<SelectionContext, 'extras'>;

function num(attrs: Attrs, key: string): number {
  const v = attrs[key];
  return typeof v === 'number' ? v : 0;
}

/** Rental days of the selection: from the search, else from the listing. */
export function selectionDays(ctx: Ctx): number {
  return readRental(ctx.params)?.days ?? Math.max(1, num(ctx.listing.attrs, 'days'));
}

export function carExtras(ctx: Ctx): Extra[] {
  const a = ctx.listing.attrs;
  return [
    { id: 'gps', label: 'GPS navigation', noun: 'GPS navigation', description: `${eur(num(a, 'gpsPerDay'))} per day`, price: num(a, 'gpsPerDay'), per: 'unit', kind: 'checkbox' },
    {
      id: 'child-seat',
      label: 'Child seat',
      noun: 'a child seat',
      description: `${eur(num(a, 'childSeatPerDay'))} per seat per day; for children up to 36 kg`,
      price: num(a, 'childSeatPerDay'),
      per: 'unit',
      kind: 'stepper',
      max: 3,
    },
    {
      id: 'additional-driver',
      label: 'Additional driver',
      noun: 'an additional driver',
      description: `${eur(num(a, 'additionalDriverPerDay'))} per day; must show a valid licence at pick-up`,
      price: num(a, 'additionalDriverPerDay'),
      per: 'unit',
      kind: 'checkbox',
    },
  ];
}

const dayWord = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

export function carPrice(ctx: SelectionContext): PriceBreakdown {
  const days = selectionDays(ctx);
  const a = ctx.listing.attrs;
  const lines: { label: string; amount: number }[] = [];
  let total = 0;
  const add = (label: string, cents: number): void => {
    if (cents <= 0) return;
    lines.push({ label, amount: fromCents(cents) });
    total += cents;
  };

  add(`Car rental, ${dayWord(days)}`, toCents(num(a, 'rentalPrice')));
  const young = num(a, 'youngDriverFee');
  if (young > 0 && Number(ctx.params.driverAge) < YOUNG_DRIVER_UNDER) add(`Young driver fee (${days} × ${eur(young)})`, toCents(young) * days);
  add('Airport surcharge', toCents(num(a, 'airportSurcharge')));

  for (const choice of ctx.choices) {
    if (choice.price <= 0) continue;
    const label = CHOICE_LINE[choice.id] ?? choice.label;
    if (PER_DAY_CHOICES.has(choice.id)) add(`${label} (${days} × ${eur(choice.price)})`, toCents(choice.price) * days);
    else add(label, toCents(choice.price));
  }

  for (const extra of carExtras(ctx)) {
    const qty = Math.max(0, Math.min(extra.max ?? 1, Math.floor(ctx.extras[extra.id] ?? 0)));
    if (qty === 0) continue;
    const label = qty > 1 ? `${extra.label} × ${qty} (${days} × ${eur(extra.price)})` : `${extra.label} (${days} × ${eur(extra.price)})`;
    add(label, toCents(extra.price) * days * qty);
  }

  return { currency: 'EUR', lines, total: fromCents(total) };
}

export function carBookingAttrs(ctx: SelectionContext, travellers: Person[]): Attrs {
  const extras = Object.entries(ctx.extras)
    .filter(([, q]) => q > 0)
    .map(([id]) => id)
    .sort();
  const driver = travellers[0];
  const attrs: Attrs = {
    days: selectionDays(ctx),
    totalPrice: carPrice(ctx).total,
    extras,
    childSeats: Math.max(0, Math.floor(ctx.extras['child-seat'] ?? 0)),
    gps: (ctx.extras['gps'] ?? 0) > 0,
    additionalDriver: (ctx.extras['additional-driver'] ?? 0) > 0,
    youngDriver: Number(ctx.params.driverAge) < YOUNG_DRIVER_UNDER,
    drivers: 1 + ((ctx.extras['additional-driver'] ?? 0) > 0 ? 1 : 0),
  };
  if (driver?.dateOfBirth) attrs.driverDateOfBirth = driver.dateOfBirth;
  return attrs;
}
