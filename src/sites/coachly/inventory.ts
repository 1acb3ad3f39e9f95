import { formatDuration, longDate } from '../../core/dates.js';
import type { Attrs } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import type { Choice, Listing, ListingDetail, OptionGroup, SearchParams } from '../engine/site-definition.js';
import { round2 } from '../engine/common-fields.js';
import { money } from '../engine/views/format.js';
import { departureById, departuresOn, SEAT_PRICE, type Departure, type Seat } from './departures.js';
import { AMENITY_LABEL } from './fields.js';
import { cityOf, stationNameOf } from './stations.js';

/** Coachly's listings (one departure for one search) and its option groups: fare, then seats. */

export const CURRENCY = 'EUR';
export const SENIOR_SHARE = 0.85;
export const CHILD_SHARE = 0.5;

export type Party = { adults: number; seniors: number; children: number; travellers: number };

const count = (v: string | number | undefined) => {
  const n = Number(v ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

export function partyOf(p: SearchParams): Party {
  const adults = count(p.adults);
  const seniors = count(p.seniors);
  const children = count(p.children);
  return { adults, seniors, children, travellers: Math.max(1, adults + seniors + children) };
}

export const FARES = {
  basic: { label: 'Basic', terms: 'No changes, no refund. 1 suitcase and 1 hand bag per passenger.' },
  flex: { label: 'Flex', terms: 'Free changes until 15 minutes before departure; refund to your card minus €5. 1 suitcase and 1 hand bag per passenger.' },
} as const;
export type FareId = keyof typeof FARES;

export const SEAT_KIND_LABEL: Record<Seat['kind'], string> = { panorama: 'panorama front row', legroom: 'extra legroom', standard: 'standard' };

const seatsLeft = (d: Departure) => d.seats.filter((s) => !s.taken).length;
const cheapestFare = (d: Departure) => (d.basicSoldOut ? d.flexFare : d.basicFare);

function transferText(d: Departure): string {
  return d.slot.via.length === 0 ? 'Direct' : `1 transfer (${stationNameOf(d.slot.via[0])})`;
}

export function listingFor(d: Departure, p: SearchParams): Listing {
  const party = partyOf(p);
  const left = seatsLeft(d);
  const soldOut = left < party.travellers;
  const minPrice = cheapestFare(d);
  const badges: string[] = [];
  if (d.slot.via.length === 0) badges.push('Direct');
  if (soldOut) badges.push(left === 0 ? 'Fully booked' : `Only ${left} seat${left === 1 ? '' : 's'} left`);
  else if (left <= 8) badges.push(`${left} seats left`);
  if (d.slot.doubleDecker) badges.push('Double-decker');
  const arrive = `${d.arriveTime}${d.arriveNextDay ? ' (+1 day)' : ''}`;
  return {
    id: d.id,
    title: `${d.departTime} → ${arrive} · ${d.slot.operator} ${d.slot.line}`,
    subtitle: `${stationNameOf(d.route.origin)} → ${stationNameOf(d.route.destination)}`,
    badges,
    facts: [
      { label: 'Travel time', value: formatDuration(d.slot.durationMin) },
      { label: 'Transfers', value: transferText(d) },
      { label: 'On board', value: d.slot.amenities.map((a) => AMENITY_LABEL[a] ?? a).join(', ') || 'Basic coach' },
    ],
    price: minPrice,
    priceUnit: 'per adult',
    soldOut,
    attrs: {
      operator: d.slot.operator,
      line: d.slot.line,
      originCity: cityOf(d.route.origin),
      destinationCity: cityOf(d.route.destination),
      departTime: d.departTime,
      arriveTime: d.arriveTime,
      arriveNextDay: d.arriveNextDay,
      durationMin: d.slot.durationMin,
      changes: d.slot.via.length,
      via: d.slot.via.map((c) => stationNameOf(c)),
      amenities: [...d.slot.amenities],
      doubleDecker: d.slot.doubleDecker,
      seatsLeft: left,
      minPrice,
    },
  };
}

/** Every departure of the search's route and date, in timetable order. */
export function searchCoaches(world: World, p: SearchParams): Listing[] {
  const { origin, destination, date } = p;
  if (typeof origin !== 'string' || typeof destination !== 'string' || typeof date !== 'string') return [];
  return departuresOn(world, origin, destination, date).map((d) => listingFor(d, p));
}

function fareGroup(d: Departure): OptionGroup {
  const choices: Choice[] = (['basic', 'flex'] as const).map((id) => ({
    id,
    label: FARES[id].label,
    description: FARES[id].terms,
    price: id === 'basic' ? d.basicFare : d.flexFare,
    soldOut: id === 'basic' && d.basicSoldOut,
    attrs: { fare: id, refundable: id === 'flex', changeable: id === 'flex', adultFare: id === 'basic' ? d.basicFare : d.flexFare },
  }));
  return { id: 'fare', label: 'Fare', display: 'list', choices };
}

/** The seats of several picks: which ones, how many by the window, their kinds, and what they cost. */
export function seatFacts(picked: { choice: Choice }[]): Attrs {
  const ids = picked.map((p) => p.choice.id).sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
  return {
    seats: ids,
    seatCount: picked.length,
    windowSeats: picked.filter((p) => p.choice.attrs.position === 'window').length,
    seatKinds: [...new Set(picked.map((p) => String(p.choice.attrs.seatKind)))].sort(),
    seatFees: round2(picked.reduce((s, p) => s + p.choice.price, 0)),
  };
}

function seatGroup(d: Departure): OptionGroup {
  const choices: Choice[] = d.seats.map((s) => ({
    id: s.id,
    label: `Row ${s.row} seat ${s.letter}, ${s.position}${s.kind === 'standard' ? '' : `, ${SEAT_KIND_LABEL[s.kind]}`}`,
    price: SEAT_PRICE[s.kind],
    soldOut: s.taken,
    unavailableLabel: 'Taken',
    attrs: { row: s.row, letter: s.letter, position: s.position, seatKind: s.kind },
  }));
  return { id: 'seats', label: 'Seats', display: 'seatmap', pick: 'per-traveller', choices, aggregate: seatFacts };
}

/** The departure's page; undefined when the id is not a departure of the searched route and date. */
export function coachDetail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  const d = departureById(world, id);
  if (!d || d.route.origin !== p.origin || d.route.destination !== p.destination || d.date !== p.date) return undefined;
  const listing = listingFor(d, p);
  return {
    listing,
    description: [
      `${d.slot.operator} line ${d.slot.line} from ${stationNameOf(d.route.origin)} to ${stationNameOf(d.route.destination)}.`,
      d.slot.via.length ? `Change coach at ${stationNameOf(d.slot.via[0])}; the connection is guaranteed on one ticket.` : 'A direct coach: no change on the way.',
      `Seats in row 1 (panorama) cost ${money(SEAT_PRICE.panorama, CURRENCY)}, seats with extra legroom ${money(SEAT_PRICE.legroom, CURRENCY)}; every other seat is included in the fare.`,
      'Seniors (60+) pay 85% and children (2-14) half of the adult fare.',
    ],
    facts: [
      { label: 'Date', value: longDate(d.date) },
      { label: 'Departs', value: `${d.departTime} ${stationNameOf(d.route.origin)}` },
      { label: 'Arrives', value: `${d.arriveTime}${d.arriveNextDay ? ' (next day)' : ''} ${stationNameOf(d.route.destination)}` },
      ...listing.facts,
      { label: 'Seats left', value: String(seatsLeft(d)) },
    ],
    optionGroups: [fareGroup(d), seatGroup(d)],
  };
}

export { round2 };
