import { describe, expect, it } from 'vitest';
import { WORLD_TODAY, addDays, daysBetween, isIsoDate } from '../../src/core/dates.js';
import { Rng } from '../../src/core/rng.js';
import { hotelsDomain, type Hotel } from '../../src/sites/staywell/domain.js';
import { World } from '../../src/world/world.js';
import { CITIES } from '../../src/world/geography.js';
import { staywell } from '../../src/sites/staywell/index.js';
import { nightlyPrice, roomFits, stayOf } from '../../src/sites/staywell/stay.js';
import { validateField } from '../../src/sites/engine/forms.js';
import { applyFilters, applySort } from '../../src/sites/engine/results.js';
import type { Choice, ListingDetail, SearchParams } from '../../src/sites/engine/site-definition.js';

const rows = hotelsDomain.generate(new Rng('t').fork(hotelsDomain.key));
const world = new World(1, 1, 'test', new Map([[hotelsDomain.key, rows]]));

const params = (over: Partial<SearchParams> = {}): SearchParams => ({
  destination: 'lisbon',
  checkIn: addDays(WORLD_TODAY, 20),
  checkOut: addDays(WORLD_TODAY, 23),
  adults: 2,
  children: 0,
  rooms: 1,
  ...over,
});

const available = (d: ListingDetail, group: string): Choice[] => d.optionGroups.find((g) => g.id === group)!.choices.filter((c) => !c.soldOut);

describe('hotels domain', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(hotelsDomain.generate(new Rng('t').fork(hotelsDomain.key))).toEqual(rows);
    expect(hotelsDomain.generate(new Rng('u').fork(hotelsDomain.key))).not.toEqual(rows);
  });

  it('makes valid rows with unique, URL-safe ids, about ten per city', () => {
    for (const r of rows) {
      const parsed = hotelsDomain.schema.safeParse(r);
      expect(parsed.success, r.id).toBe(true);
      expect(new Set(r.rooms.map((x) => x.id)).size).toBe(r.rooms.length);
      expect(r.rooms.some((x) => x.maxAdults >= 2)).toBe(true);
    }
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(rows.length);
    for (const id of ids) expect(id).toMatch(/^ht-[a-z]+-\d{2}$/);
    for (const c of CITIES) {
      const inCity = rows.filter((r) => r.cityId === c.id);
      expect(inCity.length).toBeGreaterThanOrEqual(9);
      expect(inCity.length).toBeLessThanOrEqual(12);
      expect(new Set(inCity.map((r) => r.name)).size).toBe(inCity.length);
      for (const h of inCity) expect(c.neighbourhoods).toContain(h.neighbourhood);
    }
  });

  it('has realistic variety: stars, sold-out nights, non-refundable-only hotels, pricier 5-stars', () => {
    for (const s of [2, 3, 4, 5]) expect(rows.some((r) => r.stars === s)).toBe(true);
    expect(rows.some((r) => r.freeCancellationDays === null)).toBe(true);
    expect(rows.some((r) => r.breakfastFactor === null)).toBe(true);
    expect(rows.some((r) => r.cityTax === 0) && rows.some((r) => r.cityTax > 0)).toBe(true);
    const rooms = rows.flatMap((r) => r.rooms);
    expect(rooms.filter((r) => r.soldOutDates.length > 0).length).toBeGreaterThan(rooms.length / 2);
    for (const r of rooms) for (const d of r.soldOutDates) expect(isIsoDate(d)).toBe(true);
    const avg = (s: number) => {
      const xs = rows.filter((r) => r.stars === s).map((r) => r.rooms[0]!.basePrice);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(avg(5)).toBeGreaterThan(avg(3));
    expect(avg(3)).toBeGreaterThan(avg(2));
  });

  it('generates quickly', () => {
    const t0 = performance.now();
    hotelsDomain.generate(new Rng('speed').fork(hotelsDomain.key));
    expect(performance.now() - t0).toBeLessThan(300);
  });
});

describe('staywell site', () => {
  it('suggests cities by prefix, case- and accent-insensitively, and labels round-trip', () => {
    expect(staywell.suggest(world, 'city', 'lis')[0]).toEqual({ value: 'lisbon', label: 'Lisbon, Portugal' });
    expect(staywell.suggest(world, 'city', 'LIS')[0]!.value).toBe('lisbon');
    expect(staywell.suggest(world, 'city', 'zur')[0]!.value).toBe('zurich');
    expect(staywell.suggest(world, 'city', 'Germany').map((o) => o.value)).toEqual(['berlin', 'munich']);
    expect(staywell.suggest(world, 'city', 'xyzzy')).toEqual([]);
    for (const c of CITIES) {
      const label = staywell.labelFor(world, 'city', c.id)!;
      expect(label).toBe(`${c.name}, ${c.country}`);
      expect(staywell.suggest(world, 'city', label)[0]!.value).toBe(c.id);
    }
    expect(staywell.labelFor(world, 'city', 'atlantis')).toBeUndefined();
  });

  it('validates the search across fields', () => {
    const v = staywell.validateSearch!;
    expect(v(params())).toEqual({});
    expect(v(params({ checkOut: addDays(WORLD_TODAY, 20) })).checkOut).toMatch(/after check-in/);
    expect(v(params({ checkOut: addDays(WORLD_TODAY, 15) })).checkOut).toMatch(/after check-in/);
    expect(v(params({ checkOut: addDays(WORLD_TODAY, 35) })).checkOut).toMatch(/14 nights/);
    expect(v(params({ checkOut: addDays(WORLD_TODAY, 34) }))).toEqual({});
    expect(v(params({ adults: 1, rooms: 2 })).rooms).toMatch(/adult/);
  });

  it('exampleSearch always yields a bookable listing', () => {
    const root = new Rng('examples');
    for (let i = 0; i < 30; i++) {
      const p = staywell.exampleSearch(world, root.fork(`e${i}`));
      expect(staywell.validateSearch!(p)).toEqual({});
      expect(daysBetween(WORLD_TODAY, String(p.checkOut))).toBeLessThan(60);
      const listings = staywell.search(world, p);
      expect(listings.length).toBeGreaterThanOrEqual(3);
      const ok = listings.some((l) => {
        if (l.soldOut) return false;
        const d = staywell.detail(world, p, l.id)!;
        return d.optionGroups.every((g) => g.choices.some((c) => !c.soldOut));
      });
      expect(ok).toBe(true);
    }
    // Deterministic for a given stream.
    expect(staywell.exampleSearch(world, new Rng('x'))).toEqual(staywell.exampleSearch(world, new Rng('x')));
  });

  it('search lists every hotel of the city; listings carry the facts filters and sorts use', () => {
    const p = params();
    const listings = staywell.search(world, p);
    expect(listings.map((l) => l.id).sort()).toEqual(rows.filter((r) => r.cityId === 'lisbon').map((r) => r.id).sort());
    for (const l of listings) {
      expect(typeof l.attrs.pricePerNight).toBe('number');
      expect(l.price).toBe(l.attrs.pricePerNight);
      expect(Array.isArray(l.attrs.amenities)).toBe(true);
      expect(l.attrs.nights).toBe(3);
    }
    expect(listings.map((l) => l.attrs.rank)).toEqual(listings.map((_, i) => i + 1));
    const fourPlus = applyFilters(staywell, listings, { stars: ['4', '5'] });
    expect(fourPlus.every((l) => Number(l.attrs.stars) >= 4)).toBe(true);
    const cheap = applySort(listings, staywell.sorts.find((s) => s.id === 'price')!).filter((l) => !l.soldOut);
    for (let i = 1; i < cheap.length; i++) expect(cheap[i]!.price).toBeGreaterThanOrEqual(cheap[i - 1]!.price);
    expect(staywell.search(world, params({ destination: 'atlantis' }))).toEqual([]);
  });

  it('a party too big for any room is sold out everywhere until it books more rooms', () => {
    const big = staywell.search(world, params({ adults: 6, rooms: 1 }));
    expect(big.every((l) => l.soldOut)).toBe(true);
    const split = staywell.search(world, params({ adults: 6, rooms: 3 }));
    expect(split.some((l) => !l.soldOut)).toBe(true);
  });

  it('prices a hand-picked stay: rooms x nights x rate, city tax, extras; total = sum of lines', () => {
    const hotel = rows.find((h) => h.cityId === 'lisbon' && h.freeCancellationDays !== null && h.cityTax > 0)!;
    const p = params({ adults: 3, rooms: 2 });
    const stay = stayOf(p)!;
    const d = staywell.detail(world, p, hotel.id)!;
    expect(d.optionGroups.map((g) => g.id)).toEqual(['room', 'rate']);
    const roomChoices = d.optionGroups[0]!.choices;
    const room = hotel.rooms.find((r) => roomFits(r, stay.party))!;
    const roomChoice = roomChoices.find((c) => c.id === room.id)!;
    const flex = d.optionGroups[1]!.choices.find((c) => c.id === 'flex')!;
    expect(flex.attrs.freeCancellation).toBe(true);
    const nights = [p.checkIn, addDays(String(p.checkIn), 1), addDays(String(p.checkIn), 2)].map(String);
    const perRoom = nights.reduce((s, n) => s + Math.round(Math.round(room.basePrice * hotel.demand[daysBetween(WORLD_TODAY, n)]! * (new Date(`${n}T00:00:00Z`).getUTCDay() >= 5 ? hotel.weekendFactor : 1))), 0);
    expect(perRoom).toBe(nights.reduce((s, n) => s + nightlyPrice(hotel, room, n, 'flex'), 0));

    const extrasOffered = staywell.extras({ params: p, listing: d.listing, choices: [roomChoice, flex] });
    expect(extrasOffered.map((x) => x.id)).toContain('lateCheckout');
    expect(staywell.units({ params: p, listing: d.listing, choices: [roomChoice, flex] })).toBe(3);
    const price = staywell.price({ params: p, listing: d.listing, choices: [roomChoice, flex], extras: { lateCheckout: 1, airportTransfer: 0 } });
    expect(price.currency).toBe('EUR');
    expect(price.lines[0]!.amount).toBe(perRoom * 2);
    expect(price.lines[1]!.amount).toBeCloseTo(hotel.cityTax * 3 * 3, 2);
    expect(price.lines[2]!.amount).toBe(hotel.lateCheckoutFee);
    expect(price.lines).toHaveLength(3);
    const sum = Math.round(price.lines.reduce((s, l) => s + l.amount, 0) * 100) / 100;
    expect(price.total).toBe(sum);

    // Non-refundable is cheaper than flexible; per-night extras multiply by nights and quantity.
    const nonref = d.optionGroups[1]!.choices.find((c) => c.id === 'nonref')!;
    const cheaper = staywell.price({ params: p, listing: d.listing, choices: [roomChoice, nonref], extras: {} });
    expect(cheaper.total).toBeLessThan(staywell.price({ params: p, listing: d.listing, choices: [roomChoice, flex], extras: {} }).total);
    if (hotel.parkingPerNight !== null) {
      const withParking = staywell.price({ params: p, listing: d.listing, choices: [roomChoice, nonref], extras: { parking: 2 } });
      expect(withParking.lines.at(-1)!.amount).toBe(hotel.parkingPerNight * 2 * 3);
    }

    const attrs = staywell.bookingAttrs!({ params: p, listing: d.listing, choices: [roomChoice, flex], extras: {} }, [{ firstName: 'Ana', lastName: 'Silva' }]);
    expect(attrs).toMatchObject({ adults: 3, rooms: 2, nights: 3, leadGuest: 'Ana Silva' });
    // What the room and rate cost is a fact of the selection, from the moment it is chosen.
    expect(staywell.unitPrices!({ params: p, listing: d.listing, choices: [roomChoice, flex] })).toEqual({ roomTotal: perRoom * 2, nightlyPrice: Math.round((perRoom / 3) * 100) / 100 });
  });

  it('marks sold-out and too-small rooms, and closes free cancellation for last-minute stays', () => {
    const hotel = rows.find((h) => h.rooms.some((r) => r.soldOutDates.length > 0) && h.freeCancellationDays !== null && h.freeCancellationDays >= 2)!;
    const room = hotel.rooms.find((r) => r.soldOutDates.length > 0)!;
    const night = room.soldOutDates[0]!;
    const checkIn = daysBetween(WORLD_TODAY, night) >= 59 ? addDays(night, -1) : night;
    const p = params({ destination: hotel.cityId, checkIn, checkOut: addDays(checkIn, 1) });
    const d = staywell.detail(world, p, hotel.id)!;
    const c = d.optionGroups[0]!.choices.find((x) => x.id === room.id)!;
    if (checkIn === night) expect(c.soldOut).toBe(true);

    const tooBig = staywell.detail(world, params({ destination: hotel.cityId, adults: 6, rooms: 1 }), hotel.id)!;
    expect(tooBig.optionGroups[0]!.choices.every((x) => x.soldOut)).toBe(true);
    expect(tooBig.listing.soldOut).toBe(true);

    const lastMinute = staywell.detail(world, params({ destination: hotel.cityId, checkIn: addDays(WORLD_TODAY, 1), checkOut: addDays(WORLD_TODAY, 2) }), hotel.id)!;
    expect(lastMinute.optionGroups[1]!.choices.find((x) => x.id === 'flex')!.soldOut).toBe(true);
    expect(lastMinute.optionGroups[1]!.choices.find((x) => x.id === 'nonref')!.soldOut).toBe(false);
    expect(available(lastMinute, 'rate').every((x) => x.attrs.freeCancellation === false)).toBe(true);

    const noFlex = rows.find((h: Hotel) => h.freeCancellationDays === null)!;
    const nf = staywell.detail(world, params({ destination: noFlex.cityId }), noFlex.id)!;
    expect(nf.listing.attrs.freeCancellation).toBe(false);
    expect(available(nf, 'rate').map((x) => x.id)).toEqual(['nonref']);

    expect(staywell.detail(world, params({ destination: 'porto' }), hotel.cityId === 'porto' ? 'ht-lisbon-01' : hotel.id)).toBeUndefined();
  });

  it('validates guest and contact fields with real errors and accepts the examples', () => {
    for (const f of [...staywell.travellerFields, ...staywell.contactFields]) {
      expect(validateField(f, f.example), f.name).toBeUndefined();
    }
    const field = (name: string) => [...staywell.travellerFields, ...staywell.contactFields].find((f) => f.name === name)!;
    expect(validateField(field('firstName'), '')).toBeDefined();
    expect(validateField(field('firstName'), 'Ana3')).toBeDefined();
    expect(validateField(field('lastName'), "O'Brien-Smith")).toBeUndefined();
    expect(validateField(field('lastName'), 'x'.repeat(41))).toBeDefined();
    expect(validateField(field('email'), 'ana.silva@')).toBeDefined();
    expect(validateField(field('phone'), '912 345 678')).toMatch(/country code/);
    expect(validateField(field('phone'), 'call me')).toBeDefined();
    expect(validateField(field('arrivalTime'), '')).toBeUndefined();
    expect(validateField(field('arrivalTime'), '25:00')).toBeDefined();
    expect(validateField(field('specialRequests'), 'x'.repeat(301))).toBeDefined();
    expect(staywell.travellerCount(params({ adults: 4, rooms: 2 }))).toBe(1);
  });
});
