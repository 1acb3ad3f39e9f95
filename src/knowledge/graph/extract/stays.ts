import type { World } from '../../../world/world.js';
import { CITIES } from '../../../world/geography.js';
import { hotelsDomain } from '../../../sites/staywell/domain.js';
import { rentalsDomain, TYPE_LABELS } from '../../../sites/nestaway/domain.js';
import { packageHotelsDomain, BOARDS, ROOMS } from '../../../sites/packfly/domain.js';
import { DESTINATIONS } from '../../../sites/packfly/places.js';
import { distinct, maxOf, mean, type GraphBuilder } from '../graph-builder.js';
import { entityId, slug } from '../schema.js';
import { cityIdOf, country, neighbourhood } from './places.js';

/** A listing fact keyed by this prefix and a room's name is that room's size in m² (StayWell's room card). */
export const LISTING_ROOM_PREFIX = 'roomM2:';

/** A chain is a name stem (the name without its city, neighbourhood and number) found in this many cities or more. */
const CHAIN_MIN_CITIES = 5;

/** "Kestrel Hotel Lisbon Centre" in Lisbon -> "Kestrel Hotel Centre"; "Cobalt Inn Paris Marais" -> "Cobalt Inn". */
export function nameStem(name: string, cityName: string, neighbourhoods: readonly string[]): string {
  let s = ` ${name} `;
  for (const n of [...neighbourhoods].sort((a, b) => b.length - a.length)) s = s.replace(` ${n} `, ' ');
  s = s.replace(` ${cityName} `, ' ').replace(/ \d+ $/, ' ');
  return s.trim().replace(/\s+/g, ' ');
}

export function extractHotels(b: GraphBuilder, world: World): void {
  const hotels = world.all(hotelsDomain);
  const stems = hotels.map((h) => {
    const city = CITIES.find((c) => c.id === h.cityId)!;
    return nameStem(h.name, city.name, distinct([...city.neighbourhoods, h.neighbourhood]));
  });
  const citiesOfStem = new Map<string, Set<string>>();
  hotels.forEach((h, i) => {
    let set = citiesOfStem.get(stems[i]!);
    if (!set) citiesOfStem.set(stems[i]!, (set = new Set()));
    set.add(h.cityId);
  });
  const chainMembers = new Map<string, typeof hotels[number][]>();
  hotels.forEach((h, i) => {
    const city = CITIES.find((c) => c.id === h.cityId)!;
    const rooms = h.rooms;
    const id = b.add('hotel', h.id, h.name, {
      city: city.name,
      neighbourhood: h.neighbourhood,
      stars: h.stars,
      guestRating: h.rating,
      reviewCount: h.reviewCount,
      distanceToCentreKm: h.distanceKm,
      amenities: [...h.amenities],
      checkInFrom: h.checkInTime,
      checkOutUntil: h.checkOutTime,
      roomTypes: rooms.map((r) => r.name),
      largestRoomM2: maxOf(rooms.map((r) => r.sizeM2)),
      maxAdultsInOneRoom: maxOf(rooms.map((r) => r.maxAdults)),
      breakfastOffered: h.breakfastFactor !== null,
      freeCancellation: h.freeCancellationDays !== null,
      ...(h.freeCancellationDays !== null ? { freeCancellationDaysBefore: h.freeCancellationDays } : {}),
      parking: h.parkingPerNight !== null,
      petsAllowed: h.petFee !== null,
      description: h.description,
    });
    b.link(id, 'in-city', cityIdOf(h.cityId));
    b.link(id, 'in-neighbourhood', neighbourhood(b, h.cityId, h.neighbourhood));
    // What only StayWell's listing page shows: the city tax row and each room card's size.
    b.setListing(id, 'staywell', {
      ...(h.cityTax > 0 ? { cityTaxEur: h.cityTax } : {}),
      ...Object.fromEntries(rooms.filter((r) => rooms.filter((x) => x.name === r.name).length === 1).map((r) => [`${LISTING_ROOM_PREFIX}${r.name}`, r.sizeM2])),
    });
    const stem = stems[i]!;
    if ((citiesOfStem.get(stem)?.size ?? 0) >= CHAIN_MIN_CITIES) {
      const cid = b.ensure('hotel-chain', slug(stem), stem, {});
      b.link(id, 'member-of', cid);
      let list = chainMembers.get(cid);
      if (!list) chainMembers.set(cid, (list = []));
      list.push(h);
    }
  });
  for (const [cid, members] of chainMembers) {
    const cities = distinct(members.map((h) => h.cityId));
    b.setFacts(cid, {
      hotelCount: members.length,
      cityCount: cities.length,
      cities: cities.map((c) => CITIES.find((x) => x.id === c)!.name),
      starRatings: distinct(members.map((h) => String(h.stars))).sort(),
      averageGuestRating: Math.round(mean(members.map((h) => h.rating)) * 10) / 10,
    });
    for (const c of cities) b.link(cid, 'operates-in', cityIdOf(c));
  }
}

export function extractRentals(b: GraphBuilder, world: World): void {
  for (const r of world.all(rentalsDomain)) {
    const city = CITIES.find((c) => c.id === r.cityId)!;
    const id = b.add('rental', r.id, r.title, {
      city: city.name,
      neighbourhood: r.neighbourhood,
      propertyType: TYPE_LABELS[r.type],
      bedrooms: r.bedrooms,
      bathrooms: r.bathrooms,
      sleeps: r.maxGuests,
      guestRating: r.rating,
      reviewCount: r.reviewCount,
      amenities: [...r.amenities],
      host: r.host.name,
      superhost: r.host.superhost,
      checkInFrom: r.rules.checkIn,
      checkOutUntil: r.rules.checkOut,
      petsAllowed: r.rules.pets,
      cancellationPolicy: r.cancellation,
      minimumNights: r.minNights,
      pricePerNightEur: r.pricePerNight,
      cleaningFeeEur: r.cleaningFee,
    });
    b.link(id, 'in-city', cityIdOf(r.cityId));
    b.link(id, 'in-neighbourhood', neighbourhood(b, r.cityId, r.neighbourhood));
  }
}

export function extractPackages(b: GraphBuilder, world: World): void {
  for (const d of DESTINATIONS) {
    const id = b.add('holiday-destination', d.code, d.name, { country: d.country, arrivalAirport: d.airport, resorts: [...d.resorts] });
    b.link(id, 'in-country', country(b, d.country));
  }
  const byDest = new Map<string, number[]>();
  for (const h of world.all(packageHotelsDomain)) {
    const dest = DESTINATIONS.find((d) => d.code === h.destination)!;
    const id = b.add('package-hotel', h.id, h.name, {
      destination: dest.name,
      resort: h.resort,
      stars: h.stars,
      guestRating: h.rating,
      beachDistanceM: h.beachDistanceM,
      pool: h.pool,
      kidsClub: h.kidsClub,
      adultsOnly: h.adultsOnly,
      boardBasis: h.boards.map((x) => BOARDS[x].label),
      roomKinds: h.rooms.map((x) => ROOMS[x].label),
    });
    b.link(id, 'in-city', entityId('holiday-destination', h.destination));
    const list = byDest.get(h.destination) ?? [];
    list.push(h.stars);
    byDest.set(h.destination, list);
  }
  for (const [code, stars] of byDest) b.setFacts(entityId('holiday-destination', code), { packageHotelCount: stars.length, fiveStarHotels: stars.filter((s) => s === 5).length });
}
