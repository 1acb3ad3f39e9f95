import { describe, expect, it } from 'vitest';
import { addDays, WORLD_TODAY } from '../../src/core/dates.js';
import { Rng } from '../../src/core/rng.js';
import { CAR_LOCATIONS, CarOffer, carsDomain } from '../../src/sites/wheelo/domain.js';
import { World } from '../../src/world/world.js';
import { wheelo } from '../../src/sites/wheelo/index.js';
import { isBookableSearch } from '../../src/sites/wheelo/example.js';
import { rentalDays } from '../../src/sites/wheelo/rental.js';
import type { Choice, SearchParams } from '../../src/sites/engine/site-definition.js';

const gen = (seed: string) => carsDomain.generate(new Rng(seed).fork(carsDomain.key));
const rows = gen('t');
const world = new World(1, 1, 'test', new Map([[carsDomain.key, rows]]));

/** A Tuesday-to-Friday rental at Lisbon airport. */
const base: SearchParams = {
  pickupLocation: 'lisbon-airport',
  pickupDate: '2026-06-16',
  pickupTime: '10:00',
  dropoffDate: '2026-06-19',
  dropoffTime: '10:00',
  driverAge: 30,
};

describe('cars domain', () => {
  it('is deterministic and seed-dependent', () => {
    expect(gen('t')).toEqual(rows);
    expect(gen('other')).not.toEqual(rows);
  });

  it('rows pass the schema, have unique ids and a lean size', () => {
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(rows.length);
    for (const r of rows) expect(CarOffer.safeParse(r).success).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(CAR_LOCATIONS.length * 8);
    expect(rows.length).toBeLessThanOrEqual(CAR_LOCATIONS.length * 12);
    for (const loc of CAR_LOCATIONS) {
      const here = rows.filter((r) => r.locationId === loc.id);
      expect(here.length).toBeGreaterThanOrEqual(8);
      expect(new Set(here.map((r) => r.carClass)).size).toBeGreaterThanOrEqual(4);
    }
    // Friction exists: limited mileage, sold-out days, non-refundable rates, age limits.
    expect(rows.some((r) => !r.unlimitedMileage)).toBe(true);
    expect(rows.some((r) => r.soldOutDates.length > 0)).toBe(true);
    expect(rows.some((r) => !r.freeCancellation)).toBe(true);
    expect(rows.some((r) => r.minDriverAge === 25)).toBe(true);
  });
});

describe('wheelo site', () => {
  it('counts rental days in started 24-hour blocks', () => {
    expect(rentalDays('2026-06-16', '10:00', '2026-06-19', '10:00')).toBe(3);
    expect(rentalDays('2026-06-16', '10:00', '2026-06-19', '10:30')).toBe(4);
    expect(rentalDays('2026-06-16', '10:00', '2026-06-16', '18:00')).toBe(1);
    expect(rentalDays('2026-06-16', '10:00', '2026-06-16', '09:00')).toBe(0);
  });

  it('validates the search', () => {
    const v = wheelo.validateSearch!;
    expect(v(base)).toEqual({});
    expect(v({ ...base, dropoffDate: '2026-06-16', dropoffTime: '09:00' })).toHaveProperty('dropoffDate');
    expect(v({ ...base, pickupDate: '2026-06-02', dropoffDate: '2026-07-10' })).toHaveProperty('dropoffDate');
    // 2026-06-21 is a Sunday: downtown desks are closed, airport desks are not.
    expect(v({ ...base, pickupLocation: 'lisbon-downtown', pickupDate: '2026-06-21', dropoffDate: '2026-06-24' })).toHaveProperty('pickupDate');
    expect(v({ ...base, pickupDate: '2026-06-21', dropoffDate: '2026-06-24' })).toEqual({});
  });

  it('searches one desk, excludes cars the driver is too young for, marks sold-out cars', () => {
    const all = wheelo.search(world, base);
    const here = rows.filter((r) => r.locationId === 'lisbon-airport');
    expect(all.length).toBe(here.length);
    expect(all.map((l) => l.attrs.recommendedRank)).toEqual(all.map((_, i) => i + 1));
    const young = wheelo.search(world, { ...base, driverAge: 21 });
    expect(young.length).toBe(here.filter((r) => r.minDriverAge <= 21).length);
    for (const l of young) {
      expect(l.attrs.youngDriverFee).toBeGreaterThan(0);
      expect(l.attrs.totalPrice).toBeCloseTo(Number(l.attrs.rentalPrice) + Number(l.attrs.youngDriverFee) * 3 + Number(l.attrs.airportSurcharge), 2);
    }
    for (const l of all) {
      const row = rows.find((r) => r.id === l.id)!;
      const dates = [0, 1, 2, 3].map((i) => addDays('2026-06-16', i));
      expect(l.soldOut).toBe(dates.some((d) => row.soldOutDates.includes(d)));
      expect(l.priceUnit).toBe('per day');
    }
  });

  it('exampleSearch always yields a bookable listing', () => {
    const root = new Rng('examples');
    for (let i = 0; i < 30; i++) {
      const params = wheelo.exampleSearch(world, root.fork(`e${i}`));
      expect(isBookableSearch(world, params)).toBe(true);
      const listings = wheelo.search(world, params);
      expect(listings.length).toBeGreaterThanOrEqual(3);
      const ok = listings.find((l) => !l.soldOut && wheelo.detail(world, params, l.id)!.optionGroups.every((g) => g.choices.some((c) => !c.soldOut)));
      expect(ok).toBeDefined();
    }
    expect(wheelo.exampleSearch(world, new Rng('same'))).toEqual(wheelo.exampleSearch(world, new Rng('same')));
  });

  it('prices a hand-picked rental line by line', () => {
    const row = rows.find((r) => r.locationId === 'lisbon-airport' && !r.unlimitedMileage && r.fuel !== 'electric' && r.minDriverAge <= 23);
    const params = { ...base, driverAge: 23 };
    const pick = row ?? rows.find((r) => r.locationId === 'lisbon-airport' && r.minDriverAge <= 23)!;
    const detail = wheelo.detail(world, params, pick.id)!;
    expect(detail).toBeDefined();
    expect(detail.optionGroups[0]!.id).toBe('protection');
    expect(detail.optionGroups.some((g) => g.id === 'mileage')).toBe(!pick.unlimitedMileage);
    expect(detail.optionGroups.some((g) => g.id === 'fuel')).toBe(pick.fuel !== 'electric');

    const i = 15; // 2026-06-16 is day 15 of the calendar
    const rental = pick.dailyRates[i]! + pick.dailyRates[i + 1]! + pick.dailyRates[i + 2]!;
    const full = detail.optionGroups[0]!.choices.find((c) => c.id === 'full')!;
    const choices: Choice[] = [full];
    const mileage = detail.optionGroups.find((g) => g.id === 'mileage');
    if (mileage) choices.push(mileage.choices.find((c) => c.id === 'unlimited')!);
    const ctx = { params, listing: detail.listing, choices };
    expect(wheelo.units(ctx)).toBe(3);
    const extras = wheelo.extras(ctx);
    expect(extras.map((x) => x.id)).toEqual(['gps', 'child-seat', 'additional-driver']);
    const price = wheelo.price({ ...ctx, extras: { gps: 1, 'child-seat': 2, 'additional-driver': 0 } });

    let expected = rental + 3 * pick.youngDriverFeePerDay + pick.locationFee + 3 * pick.fullProtectionPerDay + 3 * pick.gpsPerDay + 2 * 3 * pick.childSeatPerDay;
    if (mileage) expected += 3 * pick.unlimitedUpgradePerDay;
    expect(price.currency).toBe('EUR');
    expect(price.total).toBeCloseTo(expected, 2);
    const sum = price.lines.reduce((s, l) => s + Math.round(l.amount * 100), 0) / 100;
    expect(price.total).toBe(sum);
    expect(price.lines.some((l) => l.label.startsWith('Young driver fee'))).toBe(true);
    expect(price.lines.some((l) => l.label === 'Airport surcharge')).toBe(true);

    const attrs = wheelo.bookingAttrs!({ ...ctx, extras: { gps: 1, 'child-seat': 2, 'additional-driver': 0 } }, [{ firstName: 'Ana' }]);
    expect(attrs).toMatchObject({ days: 3, totalPrice: price.total, extras: ['child-seat', 'gps'], childSeats: 2, gps: true, additionalDriver: false, youngDriver: true });

    // Basic protection, no extras, a 30-year-old: only the car and the airport surcharge.
    const plain = wheelo.price({ params: base, listing: wheelo.detail(world, base, pick.id)!.listing, choices: [detail.optionGroups[0]!.choices[0]!], extras: {} });
    expect(plain.total).toBeCloseTo(rental + pick.locationFee, 2);
  });

  it('validates driver and contact fields', () => {
    const check = (fields: typeof wheelo.travellerFields, name: string, value: string) => fields.find((f) => f.name === name)!.validate?.(value);
    for (const f of [...wheelo.travellerFields, ...wheelo.contactFields]) expect(f.validate?.(f.example)).toBeUndefined();
    expect(check(wheelo.travellerFields, 'licenceNumber', 'PT12')).toBeTypeOf('string');
    expect(check(wheelo.travellerFields, 'licenceNumber', '12345678AB')).toBeTypeOf('string');
    expect(check(wheelo.travellerFields, 'licenceNumber', 'de1234567')).toBeUndefined();
    expect(check(wheelo.travellerFields, 'dateOfBirth', addDays(WORLD_TODAY, -365 * 17))).toMatch(/18/);
    expect(check(wheelo.travellerFields, 'dateOfBirth', '2008-06-01')).toBeUndefined();
    expect(check(wheelo.travellerFields, 'dateOfBirth', '2008-06-02')).toMatch(/18/);
    expect(check(wheelo.travellerFields, 'dateOfBirth', '1990-02-30')).toBeTypeOf('string');
    expect(check(wheelo.travellerFields, 'firstName', '1234')).toBeTypeOf('string');
    expect(check(wheelo.contactFields, 'email', 'not-an-email')).toBeTypeOf('string');
    expect(check(wheelo.contactFields, 'phone', '12')).toBeTypeOf('string');
    expect(check(wheelo.contactFields, 'flightNumber', '')).toBeUndefined();
    expect(check(wheelo.contactFields, 'flightNumber', 'hello world')).toBeTypeOf('string');
    expect(wheelo.contactFields.find((f) => f.name === 'flightNumber')!.required).toBe(false);
    expect(wheelo.travellerCount(base)).toBe(1);
  });

  it('suggests locations by prefix, case-insensitively, and labels round-trip', () => {
    const lis = wheelo.suggest(world, 'locations', 'lis');
    expect(lis.map((o) => o.value).slice(0, 2)).toEqual(['lisbon-airport', 'lisbon-downtown']);
    expect(wheelo.suggest(world, 'locations', 'LISB')).toEqual(lis);
    expect(wheelo.suggest(world, 'locations', 'mun')[0]!.value).toBe('munich-airport');
    expect(wheelo.suggest(world, 'locations', 'zurich')[0]!.value).toBe('zurich-airport');
    expect(wheelo.suggest(world, 'locations', 'cdg')[0]!.value).toBe('paris-airport');
    expect(wheelo.suggest(world, 'locations', 'qqqq')).toEqual([]);
    for (const loc of CAR_LOCATIONS) {
      const opts = wheelo.suggest(world, 'locations', loc.cityName.slice(0, 4));
      const o = opts.find((x) => x.value === loc.id)!;
      expect(o).toBeDefined();
      expect(wheelo.labelFor(world, 'locations', o.value)).toBe(o.label);
    }
    expect(wheelo.labelFor(world, 'locations', 'atlantis-airport')).toBeUndefined();
  });

  it('detail is undefined for a car of another desk', () => {
    const other = rows.find((r) => r.locationId !== 'lisbon-airport')!;
    expect(wheelo.detail(world, base, other.id)).toBeUndefined();
    expect(wheelo.detail(world, base, 'nope')).toBeUndefined();
  });
});
