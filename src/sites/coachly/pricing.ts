import type { Attrs, Person, PriceBreakdown } from '../../core/schemas/episode-state.js';
import { sumLines } from '../engine/common-fields.js';
import type { Extra, SearchParams, SelectionContext } from '../engine/site-definition.js';
import { CHILD_SHARE, CURRENCY, FARES, partyOf, round2, SENIOR_SHARE, type FareId } from './inventory.js';

type Ctx = Omit<SelectionContext, 'extras'>;

/** Legs the booking's luggage travels: both for a return trip. */
export const legsOf = (p: SearchParams) => (p.tripType === 'return' ? 2 : 1);

const fareOf = (ctx: Ctx): FareId => (ctx.choices.some((c) => c.id === 'flex') ? 'flex' : 'basic');
const adultFareOf = (ctx: Ctx): number => {
  const v = ctx.choices.find((c) => c.attrs.fare !== undefined)?.attrs.adultFare;
  return typeof v === 'number' ? v : ctx.listing.price;
};

/** Luggage add-ons, priced per leg: a bike only on a coach with a bike rack. */
export function coachExtras(ctx: Ctx): Extra[] {
  const legs = legsOf(ctx.params);
  const per = legs === 2 ? 'per leg, both legs' : 'one way';
  const out: Extra[] = [
    { id: 'extra-bag', label: 'Extra suitcase (up to 20 kg)', noun: 'an extra suitcase', description: `€7.00 ${per}`, price: 7, per: 'unit', kind: 'stepper', max: 6 },
    { id: 'bulky', label: 'Bulky item (skis, surfboard, golf bag)', noun: 'a bulky item such as skis', description: `€12.00 ${per}`, price: 12, per: 'unit', kind: 'stepper', max: 2 },
  ];
  const amenities = ctx.listing.attrs.amenities;
  if (Array.isArray(amenities) && amenities.includes('bike-rack')) {
    out.push({ id: 'bike', label: 'Bike on the rear rack', noun: 'a bike on the rack', description: `€9.00 ${per}`, price: 9, per: 'unit', kind: 'stepper', max: 2 });
  }
  return out;
}

/** One leg: fares by passenger type, the seats' fees; the main leg adds the luggage for every leg. */
export function coachPrice(ctx: SelectionContext): PriceBreakdown {
  const party = partyOf(ctx.params);
  const fare = adultFareOf(ctx);
  const name = FARES[fareOf(ctx)].label;
  const lines: PriceBreakdown['lines'] = [];
  if (party.adults > 0) lines.push({ label: `Adult (${name}) × ${party.adults}`, amount: round2(fare * party.adults) });
  if (party.seniors > 0) lines.push({ label: `Senior (${name}, −15%) × ${party.seniors}`, amount: round2(round2(fare * SENIOR_SHARE) * party.seniors) });
  if (party.children > 0) lines.push({ label: `Child (${name}, −50%) × ${party.children}`, amount: round2(round2(fare * CHILD_SHARE) * party.children) });
  const seatFees = round2(ctx.choices.filter((c) => c.attrs.row !== undefined).reduce((s, c) => s + c.price, 0));
  if (seatFees > 0) lines.push({ label: 'Seat reservations', amount: seatFees });
  const legs = legsOf(ctx.params);
  for (const x of coachExtras(ctx)) {
    const q = ctx.extras[x.id] ?? 0;
    if (q > 0) lines.push({ label: `${x.label} × ${q}${legs === 2 ? ', both legs' : ''}`, amount: round2(x.price * q * legs) });
  }
  return sumLines(CURRENCY, lines);
}

export function coachBookingAttrs(ctx: SelectionContext, travellers: Person[]): Attrs {
  const q = (id: string) => ctx.extras[id] ?? 0;
  return {
    extraBags: q('extra-bag'),
    bulkyItems: q('bulky'),
    bikes: q('bike'),
    leadPassenger: travellers[0] ? `${travellers[0].firstName ?? ''} ${travellers[0].lastName ?? ''}`.trim() : '',
  };
}
