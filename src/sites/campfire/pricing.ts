import type { Attrs, Person, PriceBreakdown } from '../../core/schemas/episode-state.js';
import { round2, sumLines } from '../engine/common-fields.js';
import type { Extra, SelectionContext } from '../engine/site-definition.js';
import { PITCHES, type PitchType } from './domain.js';
import { CURRENCY, DEPOSIT_SHARE, isPackageSearch, nightsOf, partyOf } from './inventory.js';

type Ctx = Omit<SelectionContext, 'extras'>;

/** Add-ons of the stay, offered with the details. */
export function campExtras(_ctx: Ctx): Extra[] {
  return [
    { id: 'firewood', label: 'Firewood bundle', noun: 'a firewood bundle', description: 'Delivered to your pitch on arrival', price: 12, per: 'booking', kind: 'checkbox' },
    { id: 'latecheckout', label: 'Late check-out (until 16:00)', noun: 'late check-out', price: 15, per: 'booking', kind: 'checkbox' },
    { id: 'cancelcover', label: 'Cancellation cover', noun: 'cancellation cover', description: 'Your deposit back if you cannot come', price: 9, per: 'booking', kind: 'checkbox' },
  ];
}

/** The stay's full price: the pitch and hook-up for every night, and the add-ons. */
export function stayLines(ctx: SelectionContext): PriceBreakdown['lines'] {
  const nights = nightsOf(ctx.params);
  const lines: PriceBreakdown['lines'] = [];
  const pitch = ctx.choices.find((c) => c.attrs.pitchType !== undefined);
  const power = ctx.choices.find((c) => c.attrs.electricity === true);
  if (pitch) lines.push({ label: `${PITCHES[pitch.id as PitchType]?.label.replace(/ \(.*\)$/, '') ?? pitch.label}, ${nights} night${nights === 1 ? '' : 's'}`, amount: round2(pitch.price * nights) });
  if (power) lines.push({ label: `Electric hook-up, ${nights} night${nights === 1 ? '' : 's'}`, amount: round2(power.price * nights) });
  for (const x of campExtras(ctx)) if ((ctx.extras[x.id] ?? 0) > 0) lines.push({ label: x.label, amount: x.price });
  return lines;
}

const stayTotal = (ctx: SelectionContext) => round2(stayLines(ctx).reduce((s, l) => s + l.amount, 0));

/**
 * What is paid now: for the stay, a deposit (the full price less what is paid at the campsite on
 * arrival); for the package part, its full price for every person.
 */
export function campPrice(ctx: SelectionContext): PriceBreakdown {
  if (isPackageSearch(ctx.params)) {
    const people = partyOf(ctx.params).people;
    const per = Number(ctx.listing.attrs.pricePerPerson ?? 0);
    return sumLines(CURRENCY, [{ label: `${ctx.listing.title} × ${people}`, amount: round2(per * people) }]);
  }
  const lines = stayLines(ctx);
  const total = stayTotal(ctx);
  lines.push({ label: `Paid at the campsite on arrival (${Math.round((1 - DEPOSIT_SHARE) * 100)}% of the stay)`, amount: -round2(total - round2(total * DEPOSIT_SHARE)) });
  return sumLines(CURRENCY, lines);
}

export function campBookingAttrs(ctx: SelectionContext, travellers: Person[]): Attrs {
  const total = stayTotal(ctx);
  const deposit = round2(total * DEPOSIT_SHARE);
  return {
    stayPrice: total,
    deposit,
    balanceOnArrival: round2(total - deposit),
    firewood: (ctx.extras.firewood ?? 0) > 0,
    lateCheckout: (ctx.extras.latecheckout ?? 0) > 0,
    cancellationCover: (ctx.extras.cancelcover ?? 0) > 0,
    leadCamper: travellers[0] ? `${travellers[0].firstName ?? ''} ${travellers[0].lastName ?? ''}`.trim() : '',
  };
}
