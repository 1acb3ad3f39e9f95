import type { Attrs, Person, PriceBreakdown } from '../../core/schemas/episode-state.js';
import { sumLines } from '../engine/common-fields.js';
import type { Extra, SearchParams, SelectionContext } from '../engine/site-definition.js';
import { VEHICLES, vehicleOf } from './fields.js';
import { CHILD_SHARE, CURRENCY, FARES, partyOf, round2, type FareId } from './inventory.js';
import { ACCOMMODATIONS, type AccommodationId } from './sailings.js';

type Ctx = Omit<SelectionContext, 'extras'>;

/** Legs the booking's add-ons are bought for: both for a return journey. */
export const legsOf = (p: SearchParams) => (p.tripType === 'return' ? 2 : 1);

const fareOf = (ctx: Ctx): FareId => (ctx.choices.some((c) => c.id === 'flexi') ? 'flexi' : 'standard');
const adultFareOf = (ctx: Ctx): number => {
  const v = ctx.choices.find((c) => c.attrs.fare !== undefined)?.attrs.adultFare;
  return typeof v === 'number' ? v : ctx.listing.price;
};

/** Add-ons, bought for every leg of the booking. */
export function ferryExtras(ctx: Ctx): Extra[] {
  const per = legsOf(ctx.params) === 2 ? 'per leg, both legs' : 'one way';
  return [
    { id: 'pet', label: 'Pet in a kennel on board', noun: 'a pet kennel', description: `€18.00 each, ${per}`, price: 18, per: 'unit', kind: 'stepper', max: 2 },
    { id: 'priority', label: 'Priority boarding and disembarking', noun: 'priority boarding', description: `€12.00, ${per}`, price: 12, per: 'unit', kind: 'checkbox' },
    { id: 'lounge', label: 'Club lounge access', noun: 'club lounge access', description: `€15.00 for the booking, ${per}`, price: 15, per: 'unit', kind: 'checkbox' },
  ];
}


/** One leg: fares by passenger type, the vehicle, where to sit or sleep; the main leg adds the add-ons for every leg. */
export function ferryPrice(ctx: SelectionContext): PriceBreakdown {
  const party = partyOf(ctx.params);
  const fare = adultFareOf(ctx);
  const name = FARES[fareOf(ctx)].label;
  const lines: PriceBreakdown['lines'] = [];
  lines.push({ label: `Adult (${name}) × ${party.adults}`, amount: round2(fare * party.adults) });
  if (party.children > 0) lines.push({ label: `Child 4-15 (${name}, −50%) × ${party.children}`, amount: round2(round2(fare * CHILD_SHARE) * party.children) });
  const vehicle = vehicleOf(ctx.params);
  const vf = typeof ctx.listing.attrs.vehicleFare === 'number' ? ctx.listing.attrs.vehicleFare : 0;
  if (vehicle !== 'none') lines.push({ label: VEHICLES[vehicle].label, amount: vf });
  const acc = ctx.choices.find((c) => c.attrs.accommodation !== undefined);
  if (acc && acc.price > 0) {
    const spec = ACCOMMODATIONS[acc.id as AccommodationId];
    lines.push(spec.perPerson ? { label: `${spec.label} × ${party.travellers}`, amount: round2(acc.price * party.travellers) } : { label: spec.label, amount: acc.price });
  }
  const legs = legsOf(ctx.params);
  for (const x of ferryExtras(ctx)) {
    const q = ctx.extras[x.id] ?? 0;
    if (q > 0) lines.push({ label: `${x.label}${q > 1 ? ` × ${q}` : ''}${legs === 2 ? ', both legs' : ''}`, amount: round2(x.price * q * legs) });
  }
  return sumLines(CURRENCY, lines);
}

export function ferryBookingAttrs(ctx: SelectionContext, travellers: Person[]): Attrs {
  const q = (id: string) => ctx.extras[id] ?? 0;
  return {
    pets: q('pet'),
    priority: q('priority') > 0,
    lounge: q('lounge') > 0,
    leadPassenger: travellers[0] ? `${travellers[0].firstName ?? ''} ${travellers[0].lastName ?? ''}`.trim() : '',
  };
}
