import type { Attrs, Person, PriceBreakdown } from '../../core/schemas/episode-state.js';
import type { FareType, TravelClass } from './domain.js';
import { sumLines } from '../engine/common-fields.js';
import type { Choice, Extra, SelectionContext } from '../engine/site-definition.js';
import { CLASS_LABEL, CURRENCY, FARE_ATTR, FARE_LABEL, RAILCARDS, partyOf, round2 } from './inventory.js';

/** Children pay this share of the adult fare. */
export const CHILD_SHARE = 0.5;
export const SEAT_RESERVATION_PRICE = 4.5;
export const BIKE_SPACE_PRICE = 9;
export const MEAL_VOUCHER_PRICE = 12.5;
export const MAX_BIKES = 2;

type Ctx = Omit<SelectionContext, 'extras'>;

function chosen(choices: Choice[], ids: readonly string[]): Choice | undefined {
  return choices.find((c) => ids.includes(c.id));
}

export function chosenClass(ctx: Ctx): TravelClass {
  return chosen(ctx.choices, ['standard', 'first'])?.id === 'first' ? 'first' : 'standard';
}

export function chosenFare(ctx: Ctx): FareType {
  const id = chosen(ctx.choices, ['saver', 'semi-flex', 'flex'])?.id;
  return id === 'saver' || id === 'flex' ? id : 'semi-flex';
}

/** Base (no railcard) fare of one adult for the chosen class and fare, from the Class choice. */
export function baseAdultFare(ctx: Ctx): number {
  const cls = chosen(ctx.choices, ['standard', 'first']);
  const v = cls?.attrs[FARE_ATTR[chosenFare(ctx)]];
  return typeof v === 'number' ? v : ctx.listing.price;
}

/** Add-ons depend on the train and class: no bike spaces or bistro on every train. */
export function railExtras(ctx: Ctx): Extra[] {
  const amenities = ctx.listing.attrs.amenities;
  const has = (a: string) => Array.isArray(amenities) && amenities.includes(a);
  const out: Extra[] = [];
  if (chosenClass(ctx) === 'standard') {
    out.push({
      id: 'seat-reservation',
      label: 'Seat reservation',
      noun: 'seat reservations',
      description: 'A guaranteed seat for every passenger (First class includes one).',
      price: SEAT_RESERVATION_PRICE,
      per: 'traveller',
      kind: 'checkbox',
    });
  }
  if (has('bike-spaces')) {
    out.push({
      id: 'bike-space',
      label: 'Bike space',
      noun: 'a bike space',
      description: `A reserved space for a full-size bicycle, up to ${MAX_BIKES} per booking.`,
      price: BIKE_SPACE_PRICE,
      per: 'booking',
      kind: 'stepper',
      max: MAX_BIKES,
    });
  }
  if (has('bistro')) {
    out.push({
      id: 'meal-voucher',
      label: 'Meal voucher',
      noun: 'meal vouchers',
      description: 'A hot meal and a drink from the bistro car for every passenger.',
      price: MEAL_VOUCHER_PRICE,
      per: 'traveller',
      kind: 'checkbox',
    });
  }
  return out;
}

/** First class comes with a seat reservation for every passenger. */
export function railIncludedExtras(ctx: Ctx): { id: string; label: string }[] {
  return chosenClass(ctx) === 'first' ? [{ id: 'seat-reservation', label: 'Seat reservation' }] : [];
}

export function railPrice(ctx: SelectionContext): PriceBreakdown {
  const party = partyOf(ctx.params);
  const fare = baseAdultFare(ctx);
  const what = `${FARE_LABEL[chosenFare(ctx)]}, ${CLASS_LABEL[chosenClass(ctx)]}`;
  const lines: PriceBreakdown['lines'] = [];
  const adults = round2(fare * party.adults);
  lines.push({ label: `Adult fare (${what}) × ${party.adults}`, amount: adults });
  if (party.discount > 0) {
    // The discounted adult fare is what the results showed; the line makes the sum match it.
    const discounted = round2(fare * (1 - party.discount)) * party.adults;
    lines.push({ label: `${RAILCARDS[party.railcard].label.split(' (')[0]} −${Math.round(party.discount * 100)}% on adult fares`, amount: round2(discounted - adults) });
  }
  if (party.children > 0) {
    lines.push({ label: `Child fare (50%) × ${party.children}`, amount: round2(fare * CHILD_SHARE * party.children) });
  }
  for (const x of railExtras(ctx)) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty <= 0) continue;
    const mult = x.per === 'traveller' ? party.travellers : 1;
    const n = qty * mult;
    lines.push({ label: `${x.label} × ${n}`, amount: round2(x.price * n) });
  }
  return sumLines(CURRENCY, lines);
}

/** What one adult pays for the chosen class and fare, railcard applied. */
export function railUnitPrices(ctx: Ctx): Attrs {
  return { adultFare: round2(baseAdultFare(ctx) * (1 - partyOf(ctx.params).discount)) };
}

export function railBookingAttrs(ctx: SelectionContext, travellers: Person[]): Attrs {
  const party = partyOf(ctx.params);
  const q = (id: string) => ctx.extras[id] ?? 0;
  return {
    adults: party.adults,
    children: party.children,
    tickets: party.travellers,
    railcard: party.railcard,
    travelClass: chosenClass(ctx),
    fare: chosenFare(ctx),
    seatReservation: q('seat-reservation') > 0,
    bikeSpaces: q('bike-space'),
    mealVoucher: q('meal-voucher') > 0,
    leadPassenger: travellers[0] ? `${travellers[0].firstName ?? ''} ${travellers[0].lastName ?? ''}`.trim() : '',
  };
}
