import type { Attrs, Person, PriceBreakdown } from '../../core/schemas/episode-state.js';
import { round2, sumLines } from '../engine/common-fields.js';
import type { Extra, SelectionContext } from '../engine/site-definition.js';
import { CURRENCY, EXTRA_GUEST_SHARE, isExcursionSearch, partyOf, PORT_FEES_NIGHT } from './inventory.js';

type Ctx = Omit<SelectionContext, 'extras'>;

/** Add-ons of the cruise, offered with the passengers' details. */
export function cruiseExtras(_ctx: Ctx): Extra[] {
  return [
    { id: 'drinks', label: 'Drinks package', noun: 'the drinks package', description: 'Soft drinks, coffee, wine and beer with meals; per guest', price: 199, per: 'traveller', kind: 'checkbox' },
    { id: 'wifi', label: 'Wi-Fi for the cabin', noun: 'cabin Wi-Fi', description: 'Two devices for the whole voyage', price: 79, per: 'booking', kind: 'checkbox' },
    { id: 'insurance', label: 'Cruise insurance', noun: 'cruise insurance', description: 'Cancellation and medical cover; per guest', price: 45, per: 'traveller', kind: 'checkbox' },
  ];
}

/** The cruise part (cabin fares, port fees, add-ons) or the excursion part (its tickets). */
export function cruisePrice(ctx: SelectionContext): PriceBreakdown {
  const lines: PriceBreakdown['lines'] = [];
  if (isExcursionSearch(ctx.params)) {
    const party = partyOf(ctx.params);
    lines.push({ label: `Excursion, adult × ${party.adults}`, amount: round2(Number(ctx.listing.attrs.adultPrice ?? 0) * party.adults) });
    if (party.children > 0) lines.push({ label: `Excursion, child × ${party.children}`, amount: round2(Number(ctx.listing.attrs.childPrice ?? 0) * party.children) });
    return sumLines(CURRENCY, lines);
  }
  const party = partyOf(ctx.params);
  const nights = Number(ctx.listing.attrs.nights ?? 1);
  const cabin = ctx.choices.find((c) => c.attrs.cabin !== undefined);
  if (cabin) {
    const full = Math.min(2, party.guests);
    lines.push({ label: `Cabin ${String(cabin.attrs.cabin)} fare × ${full}`, amount: round2(cabin.price * full) });
    if (party.guests > 2) lines.push({ label: `Third and fourth guests (${Math.round(EXTRA_GUEST_SHARE * 100)}%) × ${party.guests - 2}`, amount: round2(round2(cabin.price * EXTRA_GUEST_SHARE) * (party.guests - 2)) });
  }
  lines.push({ label: `Port taxes and fees × ${party.guests}, ${nights} nights`, amount: round2(PORT_FEES_NIGHT * nights * party.guests) });
  for (const x of cruiseExtras(ctx)) {
    if ((ctx.extras[x.id] ?? 0) <= 0) continue;
    lines.push(x.per === 'traveller' ? { label: `${x.label} × ${party.guests}`, amount: round2(x.price * party.guests) } : { label: x.label, amount: x.price });
  }
  return sumLines(CURRENCY, lines);
}

export function cruiseBookingAttrs(ctx: SelectionContext, travellers: Person[]): Attrs {
  return {
    drinksPackage: (ctx.extras.drinks ?? 0) > 0,
    cabinWifi: (ctx.extras.wifi ?? 0) > 0,
    insurance: (ctx.extras.insurance ?? 0) > 0,
    leadPassenger: travellers[0] ? `${travellers[0].firstName ?? ''} ${travellers[0].lastName ?? ''}`.trim() : '',
    nationalities: [...new Set(travellers.map((t) => String(t.nationality ?? '')).filter(Boolean))].sort(),
  };
}
