import { minutesToTime, timeToMinutes } from '../../core/dates.js';
import type { Attrs, Person, PriceBreakdown } from '../../core/schemas/episode-state.js';
import type { Choice, Extra, FieldOption, PersonField, SearchParams, SelectionContext } from '../engine/site-definition.js';
import type { Hotel, HotelRoom } from './domain.js';
import { cityById } from '../../world/geography.js';
import { formatEur, originOf } from './listings.js';
import { RATE_IDS, RATE_NAMES, referenceRoom, roomStayCost, round2, type RateId, type Stay } from './stay.js';

/** The details form (lead guest, contact, add-ons) and the price of a selection. */

const NAME = /^\p{L}[\p{L}\p{M} '’.-]*$/u;

function nameRule(label: string) {
  return (value: string): string | undefined => {
    if (value.length > 40) return `${label} can be at most 40 characters`;
    if (!NAME.test(value)) return `${label} can only contain letters, spaces, hyphens and apostrophes`;
    return undefined;
  };
}

export const travellerFields: PersonField[] = [
  { name: 'firstName', label: 'First name', kind: 'text', required: true, autocomplete: 'given-name', example: 'Ana', validate: nameRule('First name') },
  { name: 'lastName', label: 'Last name', kind: 'text', required: true, autocomplete: 'family-name', example: 'Silva', validate: nameRule('Last name') },
];

const ARRIVAL_OPTIONS: FieldOption[] = [
  ...Array.from({ length: 10 }, (_, i) => {
    const from = minutesToTime((14 + i) * 60);
    const to = minutesToTime((15 + i) * 60);
    return { value: `${from}-${to}`, label: `${from} – ${to}` };
  }),
  { value: '00:00-02:00', label: '00:00 – 02:00 (next day)' },
];

export const contactFields: PersonField[] = [
  { name: 'email', label: 'Email address', kind: 'email', required: true, autocomplete: 'email', example: 'ana.silva@example.com' },
  {
    name: 'phone',
    label: 'Phone number',
    kind: 'tel',
    required: true,
    autocomplete: 'tel',
    example: '+351 912 345 678',
    validate: (v) => (v.startsWith('+') ? undefined : 'Include your country code, e.g. +351 912 345 678'),
  },
  { name: 'arrivalTime', label: 'Estimated arrival time', kind: 'select', required: false, options: ARRIVAL_OPTIONS, example: '16:00-17:00' },
  {
    name: 'specialRequests',
    label: 'Special requests',
    kind: 'textarea',
    required: false,
    example: 'A quiet room on a high floor, please.',
    validate: (v) => (v.length > 300 ? 'Special requests can be at most 300 characters' : undefined),
  },
];

type Ctx = Omit<SelectionContext, 'extras'>;

function originFor(ctx: Ctx): { hotel: Hotel; stay: Stay } {
  const o = originOf(ctx.listing);
  if (!o) throw new Error(`staywell: listing ${ctx.listing.id} was not made by this site's detail()`);
  return o;
}

export function travellerCount(_params: SearchParams): number {
  return 1;
}

export function units(ctx: Ctx): number {
  return originFor(ctx).stay.nights.length;
}

export function extras(ctx: Ctx): Extra[] {
  const { hotel, stay } = originFor(ctx);
  const rooms = stay.party.rooms;
  const out: Extra[] = [];
  if (hotel.parkingPerNight !== null) {
    out.push({
      id: 'parking',
      label: 'Parking',
      noun: 'parking',
      description: `Private parking on site, ${formatEur(hotel.parkingPerNight)} per car per night`,
      price: hotel.parkingPerNight,
      per: 'unit',
      ...(rooms > 1 ? { kind: 'stepper' as const, max: rooms } : { kind: 'checkbox' as const }),
    });
  }
  if (hotel.extraBedPerNight !== null) {
    out.push({
      id: 'extraBed',
      label: 'Extra bed',
      noun: 'an extra bed',
      description: `A rollaway bed in your room, ${formatEur(hotel.extraBedPerNight)} per bed per night`,
      price: hotel.extraBedPerNight,
      per: 'unit',
      kind: 'stepper',
      max: rooms,
    });
  }
  const late = minutesToTime(timeToMinutes(hotel.checkOutTime) + 180);
  out.push({
    id: 'lateCheckout',
    label: `Late check-out (until ${late})`,
    noun: 'late check-out',
    description: `Keep your room until ${late} on your last day`,
    price: hotel.lateCheckoutFee,
    per: 'booking',
    kind: 'checkbox',
  });
  const city = cityById(hotel.cityId);
  out.push({
    id: 'airportTransfer',
    label: 'Private airport transfer',
    noun: 'a private airport transfer',
    description: `A driver meets you at ${city ? `${city.airport.name} (${city.airport.code})` : 'the airport'} and takes you to the hotel`,
    price: hotel.airportTransferFee,
    per: 'booking',
    kind: 'checkbox',
  });
  if (hotel.petFee !== null) {
    out.push({ id: 'pet', label: 'Travelling with a pet', noun: 'the pet option', description: 'One dog or cat per room, bed and bowls provided', price: hotel.petFee, per: 'booking', kind: 'checkbox' });
  }
  return out;
}

type Picked = { room: HotelRoom; rate: RateId };

/** The room and rate a selection names; falls back to the cheapest room and rate when one is missing. */
function picked(hotel: Hotel, stay: Stay, choices: Choice[]): Picked {
  const roomId = choices.map((c) => c.attrs.roomId).find((v) => typeof v === 'string');
  const rateId = choices.map((c) => c.attrs.rate).find((v): v is RateId => typeof v === 'string' && (RATE_IDS as readonly string[]).includes(v));
  const room = hotel.rooms.find((r) => r.id === roomId) ?? referenceRoom(hotel, stay);
  return { room, rate: rateId ?? 'nonref' };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function price(ctx: SelectionContext): PriceBreakdown {
  const { hotel, stay } = originFor(ctx);
  const { room, rate } = picked(hotel, stay, ctx.choices);
  const nights = stay.nights.length;
  const { adults, rooms } = stay.party;
  const lines: PriceBreakdown['lines'] = [
    {
      label: `${room.name}, ${RATE_NAMES[rate]}: ${plural(nights, 'night')} × ${plural(rooms, 'room')}`,
      amount: roomStayCost(hotel, room, stay, rate) * rooms,
    },
  ];
  if (hotel.cityTax > 0) {
    lines.push({
      label: `City tax: ${formatEur(hotel.cityTax)} × ${plural(adults, 'adult')} × ${plural(nights, 'night')}`,
      amount: round2(hotel.cityTax * adults * nights),
    });
  }
  for (const x of extras(ctx)) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty <= 0) continue;
    const mult = x.per === 'unit' ? nights : x.per === 'traveller' ? travellerCount(ctx.params) : 1;
    const what = x.per === 'unit' ? ` × ${plural(nights, 'night')}` : '';
    lines.push({ label: `${x.label}${qty > 1 ? ` × ${qty}` : ''}${what}`, amount: round2(x.price * qty * mult) });
  }
  const total = round2(lines.reduce((s, l) => s + l.amount, 0));
  return { currency: 'EUR', lines, total };
}

/** What the chosen room and rate cost a night, per room (before city tax and extras). */
export function unitPrices(ctx: Omit<SelectionContext, 'extras'>): Attrs {
  const { hotel, stay } = originFor(ctx);
  const { room, rate } = picked(hotel, stay, ctx.choices);
  const roomTotal = roomStayCost(hotel, room, stay, rate) * stay.party.rooms;
  return { nightlyPrice: round2(roomTotal / stay.nights.length / stay.party.rooms), roomTotal };
}

export function bookingAttrs(ctx: SelectionContext, travellers: Person[]): Attrs {
  const { hotel, stay } = originFor(ctx);
  const { room, rate } = picked(hotel, stay, ctx.choices);
  const nights = stay.nights.length;
  const roomTotal = roomStayCost(hotel, room, stay, rate) * stay.party.rooms;
  const lead = travellers[0];
  const attrs: Attrs = {
    adults: stay.party.adults,
    children: stay.party.children,
    rooms: stay.party.rooms,
    guests: stay.party.adults + stay.party.children,
    nights,
    cityTaxTotal: round2(hotel.cityTax * stay.party.adults * nights),
  };
  if (lead) attrs.leadGuest = `${lead.firstName ?? ''} ${lead.lastName ?? ''}`.trim();
  return attrs;
}
