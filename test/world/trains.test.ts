import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { validateField } from '../../src/sites/engine/forms.js';
import type { Choice, SearchParams, SelectionContext } from '../../src/sites/engine/site-definition.js';
import { railgo } from '../../src/sites/railgo/index.js';
import { RAIL_CITIES, RAIL_ROUTES, TrainRow, trainsDomain } from '../../src/sites/railgo/domain.js';
import { World } from '../../src/world/world.js';

let rows: TrainRow[];
let world: World;

beforeAll(() => {
  rows = trainsDomain.generate(new Rng('t').fork(trainsDomain.key));
  world = new World(1, 1, 'test', new Map([[trainsDomain.key, rows]]));
});

describe('trains domain', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const again = trainsDomain.generate(new Rng('t').fork(trainsDomain.key));
    expect(again).toEqual(rows);
    const other = trainsDomain.generate(new Rng('u').fork(trainsDomain.key));
    expect(other).not.toEqual(rows);
  });

  it('every row passes the schema, ids are unique and URL-safe', () => {
    expect(rows.filter((r) => !TrainRow.safeParse(r).success)).toEqual([]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows.slice(0, 200)) expect(encodeURIComponent(r.id)).toBe(r.id);
  });

  it('has a lean network with 5-9 trains per route and day', () => {
    expect(RAIL_ROUTES.length).toBeGreaterThanOrEqual(40);
    expect(RAIL_ROUTES.length).toBeLessThanOrEqual(70);
    expect(rows.length).toBeLessThanOrEqual(30_000);
    const perDay = new Map<string, number>();
    for (const r of rows) perDay.set(`${r.origin}${r.destination}${r.date}`, (perDay.get(`${r.origin}${r.destination}${r.date}`) ?? 0) + 1);
    for (const n of perDay.values()) {
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(9);
    }
  });

  it('has friction: sold-out classes, saver quotas gone, changes, next-day arrivals', () => {
    expect(rows.some((r) => r.seatsLeft.standard === 0)).toBe(true);
    expect(rows.some((r) => r.seatsLeft.first === 0)).toBe(true);
    expect(rows.some((r) => !r.saverAvailable)).toBe(true);
    expect(rows.some((r) => r.changes === 2 && r.changeStations.length === 2)).toBe(true);
    expect(rows.some((r) => r.arriveNextDay)).toBe(true);
    const odd = rows.filter(
      (r) =>
        r.changeStations.length !== r.changes ||
        !(r.fares.standard.saver < r.fares.standard.semiFlex && r.fares.standard.semiFlex < r.fares.standard.flex) ||
        !(r.fares.first.saver > r.fares.standard.saver),
    );
    expect(odd).toEqual([]);
  });
});

describe('railgo site', () => {
  it('exampleSearch always yields a bookable listing (30 forks)', () => {
    const root = new Rng('examples');
    for (let i = 0; i < 30; i++) {
      const params = railgo.exampleSearch(world, root.fork(`e${i}`));
      expect(railgo.validateSearch?.(params)).toEqual({});
      const listings = railgo.search(world, params);
      expect(listings.length).toBeGreaterThanOrEqual(3);
      const bookable = listings.filter((l) => !l.soldOut).some((l) => {
        const d = railgo.detail(world, params, l.id);
        return d !== undefined && d.optionGroups.every((g) => g.choices.some((c) => !c.soldOut));
      });
      expect(bookable).toBe(true);
    }
  });

  it('exampleSearch is deterministic', () => {
    expect(railgo.exampleSearch(world, new Rng('x'))).toEqual(railgo.exampleSearch(world, new Rng('x')));
  });

  it('search keeps departures at or after departAfter, with listing attrs', () => {
    const r = rows[0]!;
    const params: SearchParams = { origin: r.origin, destination: r.destination, date: r.date, departAfter: '12:00', adults: 1, children: 0, railcard: 'none' };
    const found = railgo.search(world, params);
    expect(found.length).toBeGreaterThan(0);
    for (const l of found) {
      expect(String(l.attrs.departTime) >= '12:00').toBe(true);
      expect(typeof l.attrs.durationMin).toBe('number');
      expect(Array.isArray(l.attrs.amenities)).toBe(true);
      expect(l.price).toBe(l.attrs.minPrice);
    }
    expect(railgo.detail(world, { ...params, date: '2026-07-20' }, found[0]!.id)).toBeUndefined();
  });

  it('prices a hand-picked booking: fares, railcard, children, extras (total = sum of lines)', () => {
    const row = rows.find((r) => r.saverAvailable && r.seatsLeft.standard >= 4 && r.amenities.includes('bike-spaces') && r.amenities.includes('bistro'))!;
    expect(row).toBeDefined();
    const params: SearchParams = { origin: row.origin, destination: row.destination, date: row.date, departAfter: '00:00', adults: 2, children: 1, railcard: 'youth' };
    const d = railgo.detail(world, params, row.id)!;
    const cls = d.optionGroups.find((g) => g.id === 'class')!.choices.find((c) => c.id === 'standard')!;
    const fare = d.optionGroups.find((g) => g.id === 'fare')!.choices.find((c) => c.id === 'saver')!;
    expect(cls.soldOut).toBe(false);
    expect(fare.soldOut).toBe(false);
    expect(fare.price).toBe(Math.round(row.fares.standard.saver * 0.75 * 100) / 100);
    const base = { params, listing: d.listing, choices: [cls, fare] as Choice[] };
    const extraIds = railgo.extras(base).map((x) => x.id);
    expect(extraIds).toEqual(['seat-reservation', 'bike-space', 'meal-voucher']);
    const ctx: SelectionContext = { ...base, extras: { 'seat-reservation': 1, 'bike-space': 2, 'meal-voucher': 0 } };
    const p = railgo.price(ctx);
    const f = row.fares.standard.saver;
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const expected = [r2(f * 2), r2(r2(f * 0.75) * 2 - r2(f * 2)), r2(f * 0.5), 4.5 * 3, 18];
    expect(p.lines.map((l) => l.amount)).toEqual(expected);
    expect(p.total).toBe(r2(expected.reduce((s, x) => s + x, 0)));
    expect(p.total).toBe(r2(p.lines.reduce((s, l) => s + l.amount, 0)));
    expect(p.currency).toBe('EUR');
    // Adults pay exactly the per-adult price the results and fare choice showed.
    expect(r2(p.lines[0]!.amount + p.lines[1]!.amount)).toBe(r2(fare.price * 2));
    const attrs = railgo.bookingAttrs!(ctx, [{ firstName: 'Ana', lastName: 'Silva' }]);
    expect(attrs).toMatchObject({ adults: 2, children: 1, tickets: 3, travelClass: 'standard', fare: 'saver', bikeSpaces: 2, seatReservation: true, mealVoucher: false });
    expect(railgo.travellerCount(params)).toBe(3);

    // First class includes a seat reservation, so it is not offered.
    const first = d.optionGroups[0]!.choices.find((c) => c.id === 'first')!;
    expect(railgo.extras({ ...base, choices: [first, fare] }).map((x) => x.id)).not.toContain('seat-reservation');
  });

  it('marks classes without enough seats as sold out and the listing when none has', () => {
    const row = rows.find((r) => r.seatsLeft.standard === 0 && r.seatsLeft.first === 0);
    if (row) {
      const params: SearchParams = { origin: row.origin, destination: row.destination, date: row.date, departAfter: '00:00', adults: 1, children: 0, railcard: 'none' };
      const d = railgo.detail(world, params, row.id)!;
      expect(d.listing.soldOut).toBe(true);
      expect(d.optionGroups[0]!.choices.every((c) => c.soldOut)).toBe(true);
    }
    const tight = rows.find((r) => r.seatsLeft.first > 0 && r.seatsLeft.first < 3 && r.seatsLeft.standard >= 6)!;
    const params: SearchParams = { origin: tight.origin, destination: tight.destination, date: tight.date, departAfter: '00:00', adults: 3, children: 0, railcard: 'none' };
    const d = railgo.detail(world, params, tight.id)!;
    expect(d.listing.soldOut).toBe(false);
    expect(d.optionGroups[0]!.choices.find((c) => c.id === 'first')!.soldOut).toBe(true);
  });

  it('validates traveller and contact fields', () => {
    for (const f of [...railgo.travellerFields, ...railgo.contactFields]) {
      expect(validateField(f, f.example)).toBeUndefined();
      if (f.required) expect(validateField(f, '')).toBeDefined();
    }
    const field = (name: string) => [...railgo.travellerFields, ...railgo.contactFields].find((f) => f.name === name)!;
    expect(validateField(field('firstName'), 'Ana3')).toBeDefined();
    expect(validateField(field('lastName'), 'x'.repeat(41))).toBeDefined();
    expect(validateField(field('lastName'), "O'Brien-Müller")).toBeUndefined();
    expect(validateField(field('email'), 'ana@nowhere')).toBeDefined();
    expect(validateField(field('phone'), '12345')).toBeDefined();
    expect(validateField(field('phone'), '+44 20 abc')).toBeDefined();
  });

  it('rejects the same origin and destination', () => {
    expect(railgo.validateSearch?.({ origin: 'LSO', destination: 'LSO' })).toHaveProperty('destination');
  });

  it('suggest finds stations by city prefix, case- and accent-insensitive; labelFor round-trips', () => {
    expect(railgo.suggest(world, 'stations', 'lis')[0]).toEqual({ value: 'LSO', label: 'Lisboa Oriente (Lisbon)' });
    expect(railgo.suggest(world, 'stations', 'LIS')[0]?.value).toBe('LSO');
    expect(railgo.suggest(world, 'stations', 'zurich')[0]?.value).toBe('ZHB');
    expect(railgo.suggest(world, 'stations', 'münchen')[0]?.value).toBe('MHB');
    expect(railgo.suggest(world, 'stations', 'dublin')).toEqual([]);
    for (const c of RAIL_CITIES) {
      const code = c.station.code;
      const label = railgo.labelFor(world, 'stations', code)!;
      expect(label).toBe(`${c.station.name} (${c.name})`);
      expect(railgo.suggest(world, 'stations', label).some((o) => o.value === code && o.label === label)).toBe(true);
    }
    expect(railgo.labelFor(world, 'stations', 'lso')).toBeUndefined();
    expect(railgo.labelFor(world, 'stations', 'XXX')).toBeUndefined();
  });
});
