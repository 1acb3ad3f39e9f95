import { shortDate } from '../../core/dates.js';
import type { Choice, Listing, ListingDetail, OptionGroup, SearchParams } from '../engine/site-definition.js';
import type { Hotel } from './domain.js';
import { amenityText } from './look.js';
import { cityById } from '../../world/geography.js';
import type { World } from '../../world/world.js';
import {
  RATE_IDS,
  RATE_NAMES,
  availableRooms,
  averageNightly,
  describeParty,
  hotelsIn,
  rateStatus,
  referenceRoom,
  roomStatus,
  round2,
  stayOf,
  type Stay,
} from './stay.js';

/**
 * Results and listing pages: a hotel becomes a Listing for a stay, and its rooms and rates
 * become the two option groups of the listing page.
 */

/** The hotel and stay behind each Listing this site made (price() gets no world). */
const origin = new WeakMap<Listing, { hotel: Hotel; stay: Stay }>();

export function originOf(listing: Listing): { hotel: Hotel; stay: Stay } | undefined {
  return origin.get(listing);
}

export function formatEur(n: number): string {
  return `€${Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function ratingWord(rating: number): string {
  if (rating >= 9) return 'Superb';
  if (rating >= 8.5) return 'Excellent';
  if (rating >= 8) return 'Very good';
  if (rating >= 7) return 'Good';
  return 'Pleasant';
}

const starsText = (n: number) => '★'.repeat(n);

/** Site-wide "recommended" score: quality first, then location and popularity. */
function recommendScore(h: Hotel): number {
  return h.rating * 10 + h.stars * 3 - h.distanceKm * 2 + Math.log10(h.reviewCount) * 4;
}

function toListing(hotel: Hotel, stay: Stay, rank: number): Listing {
  const city = cityById(hotel.cityId);
  const rooms = availableRooms(hotel, stay);
  const soldOut = rooms.length === 0;
  const ref = referenceRoom(hotel, stay);
  const pricePerNight = averageNightly(hotel, ref, stay, 'nonref');
  const nights = stay.nights.length;
  const priceTotal = round2(pricePerNight * nights * stay.party.rooms);
  const flex = rateStatus(hotel, stay, 'flex');
  const breakfast = rateStatus(hotel, stay, 'breakfast');
  const freeCancellation = !soldOut && flex.available;
  const breakfastAvailable = !soldOut && breakfast.available;
  const badges: string[] = [];
  if (soldOut) badges.push('No availability for your dates');
  if (freeCancellation) badges.push('Free cancellation');
  if (breakfastAvailable) badges.push('Breakfast available');
  const left = rooms[0]?.inventory;
  if (left !== undefined && left <= 3) badges.push(`Only ${left} left at this price`);
  const unit = stay.party.rooms === 1 ? 'per night' : 'per room per night';
  const listing: Listing = {
    id: hotel.id,
    title: hotel.name,
    subtitle: `${hotel.neighbourhood}, ${city?.name ?? hotel.cityId} · ${hotel.distanceKm} km from centre`,
    badges,
    facts: [
      { label: 'Stars', value: `${starsText(hotel.stars)} (${hotel.stars}-star hotel)` },
      { label: 'Guest rating', value: `${hotel.rating.toFixed(1)} ${ratingWord(hotel.rating)} · ${hotel.reviewCount.toLocaleString('en-GB')} reviews` },
      { label: 'Location', value: `${hotel.neighbourhood} · ${hotel.distanceKm} km from centre` },
      {
        label: 'Your stay',
        value: soldOut
          ? `No room fits ${describeParty(stay.party)} for all ${nights} night${nights === 1 ? '' : 's'}`
          : `${ref.name} · ${formatEur(priceTotal)} for ${nights} night${nights === 1 ? '' : 's'}, before taxes`,
      },
    ],
    price: pricePerNight,
    priceUnit: unit,
    soldOut,
    attrs: {
      hotel: hotel.name,
      city: city?.name ?? hotel.cityId,
      stars: hotel.stars,
      rating: hotel.rating,
      reviewCount: hotel.reviewCount,
      neighbourhood: hotel.neighbourhood,
      distanceKm: hotel.distanceKm,
      amenities: [...hotel.amenities],
      checkInTime: hotel.checkInTime,
      checkOutTime: hotel.checkOutTime,
      pricePerNight,
      priceTotal,
      nights,
      freeCancellation,
      breakfastAvailable,
      rank,
    },
  };
  origin.set(listing, { hotel, stay });
  return listing;
}

function ranked(world: World, stay: Stay): { hotel: Hotel; rank: number }[] {
  return hotelsIn(world, stay.cityId)
    .map((hotel) => ({ hotel, score: recommendScore(hotel) }))
    .sort((a, b) => b.score - a.score || a.hotel.id.localeCompare(b.hotel.id))
    .map(({ hotel }, i) => ({ hotel, rank: i + 1 }));
}

export function search(world: World, params: SearchParams): Listing[] {
  const stay = stayOf(params);
  if (!stay) return [];
  return ranked(world, stay).map(({ hotel, rank }) => toListing(hotel, stay, rank));
}

function roomChoice(hotel: Hotel, stay: Stay, roomIndex: number): Choice {
  const room = hotel.rooms[roomIndex]!;
  const s = roomStatus(room, stay);
  const sleeps = `Sleeps ${room.maxAdults} adult${room.maxAdults === 1 ? '' : 's'}${room.maxChildren > 0 ? ` + ${room.maxChildren} child${room.maxChildren === 1 ? '' : 'ren'}` : ''}`;
  const notes: string[] = [`${room.bed} · ${room.sizeM2} m² · ${sleeps}`];
  if (!s.fits) notes.push(`Too small for ${describeParty(stay.party)}`);
  else if (s.soldOutNights.length > 0) notes.push(`Sold out on ${s.soldOutNights.map(shortDate).join(', ')}`);
  else if (s.tooFew) notes.push(`Only ${room.inventory} left; you asked for ${stay.party.rooms}`);
  else if (room.inventory <= 3) notes.push(`Only ${room.inventory} left`);
  return {
    id: room.id,
    label: room.name,
    description: notes.join('. '),
    price: averageNightly(hotel, room, stay, 'nonref'),
    soldOut: !s.available,
    attrs: {
      room: room.name,
      roomId: room.id,
      bed: room.bed,
      roomSizeM2: room.sizeM2,
      maxAdults: room.maxAdults,
      maxChildren: room.maxChildren,
    },
  };
}

function rateChoices(hotel: Hotel, stay: Stay): Choice[] {
  const ref = referenceRoom(hotel, stay);
  const out: Choice[] = [];
  for (const rate of RATE_IDS) {
    const s = rateStatus(hotel, stay, rate);
    if (!s.offered) continue;
    const until = s.deadline ? `Free cancellation until 23:59 on ${shortDate(s.deadline)}` : '';
    const text =
      rate === 'nonref'
        ? 'Pay the lowest price. No refund if you cancel or change.'
        : rate === 'flex'
          ? `${until}. Pay at the property; plans can change.`
          : `${until}. Breakfast for every guest, every morning.`;
    const price = averageNightly(hotel, ref, stay, rate);
    const attrs: Choice['attrs'] = { rate, rateName: RATE_NAMES[rate], freeCancellation: rate !== 'nonref', breakfast: rate === 'breakfast' };
    if (s.deadline && rate !== 'nonref') attrs.freeCancellationUntil = s.deadline;
    out.push({
      id: rate,
      label: RATE_NAMES[rate],
      description: `${(s.available ? text : s.reason ?? '').replace(/\.$/, '')}. From ${formatEur(price)} per night (${ref.name}); the room you pick sets the final price.`,
      price,
      soldOut: !s.available,
      attrs,
    });
  }
  return out;
}

export function detail(world: World, params: SearchParams, listingId: string): ListingDetail | undefined {
  const stay = stayOf(params);
  if (!stay) return undefined;
  const entry = ranked(world, stay).find(({ hotel }) => hotel.id === listingId);
  if (!entry) return undefined;
  const { hotel, rank } = entry;
  const listing = toListing(hotel, stay, rank);
  const city = cityById(hotel.cityId);
  const flex = rateStatus(hotel, stay, 'flex');
  const policy =
    hotel.freeCancellationDays === null
      ? 'All rates are non-refundable.'
      : `Flexible rates cancel for free until ${hotel.freeCancellationDays} day${hotel.freeCancellationDays === 1 ? '' : 's'} before arrival${flex.deadline ? ` (${shortDate(flex.deadline)})` : ''}.`;
  const tax = hotel.cityTax > 0 ? `${formatEur(hotel.cityTax)} per adult per night, charged with your booking` : 'None';
  const rooms: OptionGroup = {
    id: 'room',
    label: 'Room',
    display: 'cards',
    choices: hotel.rooms.map((_, i) => roomChoice(hotel, stay, i)),
  };
  const rates: OptionGroup = { id: 'rate', label: 'Rate', display: 'list', choices: rateChoices(hotel, stay) };
  return {
    listing,
    description: [
      hotel.description,
      `${hotel.name} is a ${hotel.stars}-star hotel in ${hotel.neighbourhood}, ${hotel.distanceKm} km from the centre of ${city?.name ?? hotel.cityId}. Amenities: ${amenityText(hotel.amenities) || 'none listed'}.`,
      `Check-in from ${hotel.checkInTime}, check-out until ${hotel.checkOutTime}. ${policy} Prices are per room per night and can change from night to night; weekend nights and busy dates cost more.`,
    ],
    facts: [
      { label: 'Stars', value: `${starsText(hotel.stars)} (${hotel.stars}-star)` },
      { label: 'Guest rating', value: `${hotel.rating.toFixed(1)} ${ratingWord(hotel.rating)} (${hotel.reviewCount.toLocaleString('en-GB')} reviews)` },
      { label: 'Neighbourhood', value: hotel.neighbourhood },
      { label: 'Distance from centre', value: `${hotel.distanceKm} km` },
      { label: 'Amenities', value: amenityText(hotel.amenities) || 'None listed' },
      { label: 'Check-in', value: `From ${hotel.checkInTime}` },
      { label: 'Check-out', value: `Until ${hotel.checkOutTime}` },
      { label: 'Cancellation', value: policy },
      { label: 'City tax', value: tax },
      { label: 'Your stay', value: `${shortDate(stay.checkIn)} – ${shortDate(stay.checkOut)}, ${stay.nights.length} night${stay.nights.length === 1 ? '' : 's'}, ${describeParty(stay.party)}` },
    ],
    optionGroups: [rooms, rates],
  };
}
