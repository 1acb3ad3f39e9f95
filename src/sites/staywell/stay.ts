import { HORIZON_DAYS, WORLD_TODAY, addDays, daysBetween, isIsoDate, weekday } from '../../core/dates.js';
import type { SearchParams } from '../engine/site-definition.js';
import { hotelsDomain, type Hotel, type HotelRoom } from './domain.js';
import type { World } from '../../world/world.js';

/**
 * Inventory queries and stay arithmetic for Staywell: which hotels a city has, which rooms
 * fit a party and are free every night, and what each night costs at each rate.
 */

export type Party = { adults: number; children: number; rooms: number };

export type Stay = {
  cityId: string;
  checkIn: string;
  checkOut: string;
  /** The evening dates of each night, checkIn .. checkOut - 1. */
  nights: string[];
  party: Party;
};

export const RATE_IDS = ['nonref', 'flex', 'breakfast'] as const;
export type RateId = (typeof RATE_IDS)[number];

export const RATE_NAMES: Record<RateId, string> = {
  nonref: 'Non-refundable',
  flex: 'Free cancellation',
  breakfast: 'Breakfast included + free cancellation',
};

const byCity = new WeakMap<World, Map<string, Hotel[]>>();

/** The hotels of a city, in generation order; indexed once per world. */
export function hotelsIn(world: World, cityId: string): readonly Hotel[] {
  let index = byCity.get(world);
  if (!index) {
    index = new Map();
    for (const h of world.all(hotelsDomain)) {
      const list = index.get(h.cityId);
      if (list) list.push(h);
      else index.set(h.cityId, [h]);
    }
    byCity.set(world, index);
  }
  return index.get(cityId) ?? [];
}

const int = (v: string | number | undefined, fallback: number): number => {
  const n = Number(v);
  return Number.isInteger(n) ? n : fallback;
};

/** A stay from validated search params; undefined when the params cannot describe one. */
export function stayOf(params: SearchParams): Stay | undefined {
  const cityId = String(params.destination ?? '');
  const checkIn = String(params.checkIn ?? '');
  const checkOut = String(params.checkOut ?? '');
  if (!cityId || !isIsoDate(checkIn) || !isIsoDate(checkOut)) return undefined;
  const n = daysBetween(checkIn, checkOut);
  if (n < 1 || n > 30) return undefined;
  const party = { adults: int(params.adults, 2), children: int(params.children, 0), rooms: int(params.rooms, 1) };
  if (party.adults < 1 || party.rooms < 1 || party.children < 0) return undefined;
  return { cityId, checkIn, checkOut, nights: Array.from({ length: n }, (_, i) => addDays(checkIn, i)), party };
}

/** Whether one room of this type sleeps its share of the party (split as evenly as possible). */
export function roomFits(room: HotelRoom, party: Party): boolean {
  const adultsPerRoom = Math.ceil(party.adults / party.rooms);
  const guestsPerRoom = Math.ceil((party.adults + party.children) / party.rooms);
  return adultsPerRoom <= room.maxAdults && guestsPerRoom <= room.maxAdults + room.maxChildren;
}

export type RoomStatus = {
  room: HotelRoom;
  fits: boolean;
  /** Nights of the stay on which the room type is fully booked. */
  soldOutNights: string[];
  /** Fewer rooms of this type than the party needs. */
  tooFew: boolean;
  available: boolean;
};

export function roomStatus(room: HotelRoom, stay: Stay): RoomStatus {
  const fits = roomFits(room, stay.party);
  const booked = new Set(room.soldOutDates);
  const soldOutNights = stay.nights.filter((d) => booked.has(d));
  const tooFew = room.inventory < stay.party.rooms;
  return { room, fits, soldOutNights, tooFew, available: fits && soldOutNights.length === 0 && !tooFew };
}

function demandOn(hotel: Hotel, date: string): number {
  const i = daysBetween(WORLD_TODAY, date);
  return hotel.demand[Math.min(HORIZON_DAYS - 1, Math.max(0, i))]!;
}

/** Friday and Saturday nights. */
export function isWeekendNight(date: string): boolean {
  const d = weekday(date);
  return d === 5 || d === 6;
}

/** The flexible-rate price of one room for one night, whole euros. */
export function flexNightly(hotel: Hotel, room: HotelRoom, date: string): number {
  const weekend = isWeekendNight(date) ? hotel.weekendFactor : 1;
  return Math.round(room.basePrice * demandOn(hotel, date) * weekend);
}

export function rateFactor(hotel: Hotel, rate: RateId): number {
  if (rate === 'nonref') return hotel.nonRefundableFactor;
  if (rate === 'breakfast') return hotel.breakfastFactor ?? 1;
  return 1;
}

/** One room, one night, at a rate: whole euros. */
export function nightlyPrice(hotel: Hotel, room: HotelRoom, date: string, rate: RateId): number {
  return Math.round(flexNightly(hotel, room, date) * rateFactor(hotel, rate));
}

/** One room for the whole stay at a rate. */
export function roomStayCost(hotel: Hotel, room: HotelRoom, stay: Stay, rate: RateId): number {
  return stay.nights.reduce((sum, d) => sum + nightlyPrice(hotel, room, d, rate), 0);
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Average price per room per night over the stay, 2 decimals. */
export function averageNightly(hotel: Hotel, room: HotelRoom, stay: Stay, rate: RateId): number {
  return round2(roomStayCost(hotel, room, stay, rate) / stay.nights.length);
}

/** Last day on which flexible rates cancel for free, or undefined when the hotel has none. */
export function cancellationDeadline(hotel: Hotel, stay: Stay): string | undefined {
  return hotel.freeCancellationDays === null ? undefined : addDays(stay.checkIn, -hotel.freeCancellationDays);
}

export type RateStatus = { rate: RateId; offered: boolean; available: boolean; reason?: string; deadline?: string };

/**
 * Which rates a hotel sells for a stay. Breakfast is only offered where it is served;
 * flexible rates need a cancellation window that has not already closed.
 */
export function rateStatus(hotel: Hotel, stay: Stay, rate: RateId): RateStatus {
  if (rate === 'nonref') return { rate, offered: true, available: true };
  if (rate === 'breakfast' && hotel.breakfastFactor === null) {
    return { rate, offered: false, available: false, reason: 'Breakfast is not served at this property' };
  }
  const deadline = cancellationDeadline(hotel, stay);
  if (deadline === undefined) {
    return { rate, offered: true, available: false, reason: 'This property only sells non-refundable rates' };
  }
  if (daysBetween(WORLD_TODAY, deadline) < 0) {
    return {
      rate,
      offered: true,
      available: false,
      reason: `Not available for arrivals within ${hotel.freeCancellationDays} day${hotel.freeCancellationDays === 1 ? '' : 's'}`,
      deadline,
    };
  }
  return { rate, offered: true, available: true, deadline };
}

/** The room types that fit the party and are free every night, cheapest first. */
export function availableRooms(hotel: Hotel, stay: Stay): HotelRoom[] {
  return hotel.rooms
    .filter((r) => roomStatus(r, stay).available)
    .sort((a, b) => roomStayCost(hotel, a, stay, 'nonref') - roomStayCost(hotel, b, stay, 'nonref'));
}

/** The room prices are shown for: the cheapest available one, else the cheapest that fits, else the first. */
export function referenceRoom(hotel: Hotel, stay: Stay): HotelRoom {
  const byCost = (a: HotelRoom, b: HotelRoom) => roomStayCost(hotel, a, stay, 'nonref') - roomStayCost(hotel, b, stay, 'nonref');
  return availableRooms(hotel, stay)[0] ?? hotel.rooms.filter((r) => roomFits(r, stay.party)).sort(byCost)[0] ?? hotel.rooms[0]!;
}

/** Guests per room as the party is split, for wording ("2 adults + 1 child per room"). */
export function describeParty(party: Party): string {
  const a = `${party.adults} adult${party.adults === 1 ? '' : 's'}`;
  const c = party.children > 0 ? `, ${party.children} child${party.children === 1 ? '' : 'ren'}` : '';
  const r = `${party.rooms} room${party.rooms === 1 ? '' : 's'}`;
  return `${a}${c}, ${r}`;
}
