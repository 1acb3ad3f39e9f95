import { addDays, formatDuration, longDate } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import { round2 } from '../engine/common-fields.js';
import type { Choice, Listing, ListingDetail, OptionGroup, SearchParams } from '../engine/site-definition.js';
import { money } from '../engine/views/format.js';
import { BOARDS, packageHotelsDomain, ROOMS, type PackageHotel, type RoomId } from './domain.js';
import { flightPairById, flightPairs, timeOf, type FlightPair } from './flights.js';
import { destinationByCode, originName } from './places.js';

/**
 * Packfly's two inventories on one site: the package's hotel (the main search's results) and
 * its flights (the second round's results, a search made from the main one with
 * `part: "flights"`). Every function here answers for either by the search it is given.
 */

export const CURRENCY = 'EUR';
export const CHILD_FLIGHT_SHARE = 0.8;

export type Party = { adults: number; children: number; travellers: number };
const count = (v: string | number | undefined) => {
  const n = Number(v ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
};
export function partyOf(p: SearchParams): Party {
  const adults = Math.max(1, count(p.adults));
  const children = count(p.children);
  return { adults, children, travellers: adults + children };
}

export const nightsOf = (p: SearchParams) => Math.max(1, count(p.nights));
export const returnDateOf = (p: SearchParams) => addDays(String(p.date), nightsOf(p));
export const isFlightsSearch = (p: SearchParams) => p.part === 'flights';

/** The flights round's search: the main one, marked. */
export const flightsSearch = (main: SearchParams): SearchParams => ({ ...main, part: 'flights' });

/** What the day does to a hotel's rooms: a few are gone for these dates. */
function roomsGone(world: World, h: PackageHotel, p: SearchParams): Set<RoomId> {
  const gone = new Set<RoomId>();
  let x = [...`${world.seed}/${h.id}/${String(p.date)}/${nightsOf(p)}`].reduce((a, c) => (a * 33 + c.charCodeAt(0)) >>> 0, 5381);
  for (const r of h.rooms) {
    x = (x * 1103515245 + 12345) >>> 0;
    if (x % 100 < 14) gone.add(r);
  }
  return gone;
}

const roomNight = (h: PackageHotel, r: RoomId) => Math.round(h.baseNight * ROOMS[r].factor);

function flightsFor(world: World, p: SearchParams): FlightPair[] {
  if (typeof p.origin !== 'string' || typeof p.destination !== 'string' || typeof p.date !== 'string') return [];
  return flightPairs(world, p.origin, p.destination, p.date, returnDateOf(p));
}

const flightOpen = (f: FlightPair, p: SearchParams) => f.seatsLeft >= partyOf(p).travellers;

/** Flights for the party, per person (children pay 80%), averaged over the party. */
const flightPerPerson = (f: FlightPair, p: SearchParams) => {
  const party = partyOf(p);
  return (f.fare * party.adults + f.fare * CHILD_FLIGHT_SHARE * party.children) / party.travellers;
};

function hotelListing(world: World, h: PackageHotel, p: SearchParams, cheapestFlight: number | undefined): Listing {
  const party = partyOf(p);
  const nights = nightsOf(p);
  const gone = roomsGone(world, h, p);
  const fits = h.rooms.filter((r) => ROOMS[r].capacity >= party.travellers && !gone.has(r));
  const adultsOnlyBlock = h.adultsOnly && party.children > 0;
  const cheapestRoom = fits.length ? Math.min(...fits.map((r) => roomNight(h, r))) : undefined;
  const cheapestBoard = Math.min(...h.boards.map((b) => BOARDS[b].perNight));
  const soldOut = cheapestRoom === undefined || cheapestFlight === undefined || adultsOnlyBlock;
  const pp = soldOut ? 0 : Math.round((cheapestRoom! * nights) / party.travellers + cheapestBoard * nights + cheapestFlight!);
  const badges: string[] = [];
  if (h.adultsOnly) badges.push(adultsOnlyBlock ? 'Adults only: not for children' : 'Adults only');
  else if (cheapestRoom === undefined) badges.push('No room for your party');
  if (h.boards.includes('AI')) badges.push('All inclusive available');
  if (h.beachDistanceM <= 100) badges.push('Beachfront');
  return {
    id: h.id,
    title: `${h.name}, ${h.resort}`,
    subtitle: `${'★'.repeat(h.stars)} · rated ${h.rating.toFixed(1)}/10`,
    badges,
    facts: [
      { label: 'Beach', value: h.beachDistanceM <= 100 ? 'On the beach' : `${h.beachDistanceM} m` },
      { label: 'Boards', value: h.boards.map((b) => BOARDS[b].label).join(', ') },
      { label: 'Facilities', value: [h.pool ? 'Pool' : '', h.kidsClub ? 'Kids club' : ''].filter(Boolean).join(', ') || '—' },
    ],
    price: pp,
    priceUnit: `per person, ${nights} nights with flights`,
    soldOut,
    attrs: {
      hotelName: h.name,
      resort: h.resort,
      stars: h.stars,
      rating: h.rating,
      beachDistanceM: h.beachDistanceM,
      pool: h.pool,
      kidsClub: h.kidsClub,
      adultsOnly: h.adultsOnly,
      boards: [...h.boards],
      packagePrice: pp,
      // The recommended order of both lists.
      rank: Math.round(pp - h.rating * 20),
    },
  };
}

function flightListing(f: FlightPair, p: SearchParams): Listing {
  const stops = (n: number, via?: string) => (n === 0 ? 'Direct' : `1 stop (${via})`);
  const open = flightOpen(f, p);
  const pp = Math.round(flightPerPerson(f, p));
  return {
    id: f.id,
    title: `${f.airline}: out ${timeOf(f.out.departMin)}, back ${timeOf(f.back.departMin)}`,
    subtitle: `${originName(f.origin)} ⇄ ${destinationByCode(f.destination)?.airport ?? f.destination}`,
    badges: [...(f.out.stops + f.back.stops === 0 ? ['Direct both ways'] : []), ...(open ? (f.seatsLeft <= 9 ? [`${f.seatsLeft} seats left`] : []) : ['Not enough seats'])],
    facts: [
      { label: 'Outbound', value: `${longDate(f.date)} ${timeOf(f.out.departMin)}, ${formatDuration(f.out.durationMin)}, ${stops(f.out.stops, f.out.via)}` },
      { label: 'Return', value: `${longDate(f.returnDate)} ${timeOf(f.back.departMin)}, ${formatDuration(f.back.durationMin)}, ${stops(f.back.stops, f.back.via)}` },
    ],
    price: pp,
    priceUnit: 'per person, both flights',
    soldOut: !open,
    attrs: {
      airline: f.airline,
      departTime: timeOf(f.out.departMin),
      returnDepartTime: timeOf(f.back.departMin),
      durationMin: f.out.durationMin,
      returnDurationMin: f.back.durationMin,
      stops: f.out.stops + f.back.stops,
      flightFare: f.fare,
      rank: pp,
    },
  };
}

/** The cheapest open flights per person for a package search, if any. */
function cheapestFlight(world: World, p: SearchParams): number | undefined {
  const flights = flightsFor(world, p).filter((f) => flightOpen(f, p));
  return flights.length ? Math.min(...flights.map((f) => flightPerPerson(f, p))) : undefined;
}

/** Hotels of the destination for a package search, or the flights for the flights round. */
export function searchPackages(world: World, p: SearchParams): Listing[] {
  if (isFlightsSearch(p)) return flightsFor(world, p).map((f) => flightListing(f, p));
  const cheapest = cheapestFlight(world, p);
  return world
    .all(packageHotelsDomain)
    .filter((h) => h.destination === p.destination)
    .map((h) => hotelListing(world, h, p, cheapest));
}

function roomGroup(world: World, h: PackageHotel, p: SearchParams): OptionGroup {
  const party = partyOf(p);
  const gone = roomsGone(world, h, p);
  const choices: Choice[] = h.rooms.map((r) => {
    const spec = ROOMS[r];
    const small = spec.capacity < party.travellers;
    return {
      id: r,
      label: spec.label,
      description: `${money(roomNight(h, r), CURRENCY)} a night`,
      price: roomNight(h, r),
      soldOut: small || gone.has(r),
      ...(small ? { unavailableLabel: 'Too small for your party' } : {}),
      attrs: { room: r, seaView: spec.seaView, roomNight: roomNight(h, r) },
    };
  });
  return { id: 'room', label: 'Room', display: 'cards', choices };
}

function boardGroup(h: PackageHotel): OptionGroup {
  const choices: Choice[] = h.boards.map((b) => ({
    id: b,
    label: BOARDS[b].label,
    description: BOARDS[b].perNight === 0 ? 'No meals included' : `${money(BOARDS[b].perNight, CURRENCY)} per person a night`,
    price: BOARDS[b].perNight,
    attrs: { board: b, boardNight: BOARDS[b].perNight },
  }));
  return { id: 'board', label: 'Board', display: 'list', choices };
}

function luggageGroup(f: FlightPair): OptionGroup {
  return {
    id: 'luggage',
    label: 'Luggage',
    display: 'list',
    choices: [
      { id: 'cabin', label: 'Cabin bag only', description: 'One cabin bag of 10 kg per person, included', price: 0, attrs: { luggage: 'cabin', checkedBags: 0 } },
      { id: 'hold', label: 'Checked bag of 23 kg', description: `${money(f.bagPrice, CURRENCY)} per person, both ways`, price: f.bagPrice, attrs: { luggage: 'hold', checkedBags: 1 } },
    ],
  };
}

/** A hotel's page (room and board) or a pair of flights' page (luggage), for the search it belongs to. */
export function packageDetail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  if (isFlightsSearch(p)) {
    const f = flightPairById(world, id);
    if (!f || f.origin !== p.origin || f.destination !== p.destination || f.date !== p.date || f.returnDate !== returnDateOf(p)) return undefined;
    const listing = flightListing(f, p);
    return {
      listing,
      description: [`${f.airline} there and back, flown as part of your package.`, 'Children (2-11) pay 80% of the adult fare.'],
      facts: listing.facts,
      optionGroups: [luggageGroup(f)],
    };
  }
  const h = world.find(packageHotelsDomain, id);
  if (!h || h.destination !== p.destination) return undefined;
  const listing = hotelListing(world, h, p, cheapestFlight(world, p));
  const d = destinationByCode(h.destination);
  return {
    listing,
    description: [
      `A ${h.stars}-star hotel in ${h.resort}, ${d?.name ?? ''}, ${h.beachDistanceM <= 100 ? 'on the beach' : `${h.beachDistanceM} m from the beach`}.`,
      h.adultsOnly ? 'Adults only: guests must be 16 or older.' : h.kidsClub ? 'A kids club runs every day in the season.' : 'Families welcome.',
      'Rooms are priced a night; the board is priced per person a night. Your flights are chosen on the next page.',
    ],
    facts: [
      { label: 'Stay', value: `${longDate(String(p.date))} to ${longDate(returnDateOf(p))}, ${nightsOf(p)} nights` },
      { label: 'Guest rating', value: `${h.rating.toFixed(1)} out of 10` },
      ...listing.facts,
    ],
    optionGroups: [roomGroup(world, h, p), boardGroup(h)],
  };
}

export { round2 };
