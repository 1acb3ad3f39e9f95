import { describe, expect, it } from 'vitest';
import { addDays, horizonDates, weekday, WORLD_TODAY } from '../../src/core/dates.js';
import { Rng } from '../../src/core/rng.js';
import { restaurantsDomain, serviceSlots, type RestaurantRow } from '../../src/sites/forkful/domain.js';
import { World } from '../../src/world/world.js';
import { CITIES } from '../../src/world/geography.js';
import { forkful } from '../../src/sites/forkful/index.js';
import { daySlots, isOpenOn } from '../../src/sites/forkful/inventory.js';
import type { SearchParams } from '../../src/sites/engine/site-definition.js';

const rows = restaurantsDomain.generate(new Rng('t').fork(restaurantsDomain.key));
const world = new World(1, 1, 'test', new Map([[restaurantsDomain.key, rows]]));

describe('restaurants domain', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const again = restaurantsDomain.generate(new Rng('t').fork(restaurantsDomain.key));
    expect(again).toEqual(rows);
    const other = restaurantsDomain.generate(new Rng('u').fork(restaurantsDomain.key));
    expect(other).not.toEqual(rows);
  });

  it('makes valid rows with unique, URL-safe ids, about ten per city', () => {
    for (const r of rows) expect(restaurantsDomain.schema.safeParse(r).success).toBe(true);
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(rows.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    for (const c of CITIES) {
      const n = rows.filter((r) => r.cityId === c.id).length;
      expect(n).toBeGreaterThanOrEqual(9);
      expect(n).toBeLessThanOrEqual(12);
    }
  });

  it('has realistic variety: deposits, lunch closures, weekday closures, sold-out days', () => {
    expect(rows.some((r) => r.depositPolicy === 'always')).toBe(true);
    expect(rows.some((r) => r.depositPolicy === 'weekend-dinner')).toBe(true);
    expect(rows.filter((r) => r.depositPolicy === 'none').length).toBeGreaterThan(rows.length / 2);
    expect(rows.some((r) => r.lunch === null)).toBe(true);
    expect(rows.some((r) => r.closedWeekday !== null)).toBe(true);
    const fullDay = (r: RestaurantRow, d: string) =>
      (r.booked[d]?.length ?? 0) === serviceSlots(r.lunch).length + serviceSlots(r.dinner).length;
    expect(rows.some((r) => horizonDates().some((d) => fullDay(r, d)))).toBe(true);
    // Saturday dinners fill up more than Tuesday dinners.
    const bookedShare = (wd: number) => {
      let booked = 0;
      let total = 0;
      for (const r of rows) {
        for (const d of horizonDates().filter((x) => weekday(x) === wd)) {
          const dinner = serviceSlots(r.dinner);
          total += dinner.length;
          booked += (r.booked[d] ?? []).filter((t) => dinner.includes(t)).length;
        }
      }
      return booked / total;
    };
    expect(bookedShare(6)).toBeGreaterThan(bookedShare(2));
  });
});

describe('forkful site', () => {
  it('exampleSearch always yields a bookable listing (30 rng forks)', () => {
    const root = new Rng('example');
    for (let i = 0; i < 30; i++) {
      const params = forkful.exampleSearch(world, root.fork(String(i)));
      const listings = forkful.search(world, params);
      expect(listings.length).toBeGreaterThanOrEqual(3);
      const ok = listings.some((l) => {
        if (l.soldOut) return false;
        const d = forkful.detail(world, params, l.id);
        return d !== undefined && d.optionGroups.every((g) => g.choices.some((c) => !c.soldOut));
      });
      expect(ok).toBe(true);
    }
  });

  it('lists only restaurants open that day that seat the party', () => {
    const params: SearchParams = { city: 'paris', date: addDays(WORLD_TODAY, 10), time: '19:30', partySize: 7 };
    const listings = forkful.search(world, params);
    for (const l of listings) {
      const r = rows.find((x) => x.id === l.id)!;
      expect(r.cityId).toBe('paris');
      expect(r.maxPartySize).toBeGreaterThanOrEqual(7);
      expect(isOpenOn(r, params.date as string)).toBe(true);
      expect(l.soldOut).toBe(daySlots(r, params.date as string, 7).every((s) => s.state !== 'free'));
      expect(typeof l.attrs.rating).toBe('number');
      expect(Array.isArray(l.attrs.features)).toBe(true);
    }
    expect(forkful.search(world, { ...params, city: 'atlantis' })).toEqual([]);
  });

  it('prices a deposit restaurant with add-ons: total is the sum of the lines', () => {
    // A tasting-menu place with an always-on deposit, on a day it has a free dinner seating.
    let found: { params: SearchParams; id: string } | undefined;
    for (const r of rows.filter((x) => x.depositPolicy === 'always' && x.priceLevel === 4)) {
      for (const date of horizonDates()) {
        if (!isOpenOn(r, date)) continue;
        const free = daySlots(r, date, 2).find((s) => s.state === 'free' && s.meal === 'dinner');
        if (free) {
          found = { params: { city: r.cityId, date, time: free.time, partySize: 2 }, id: r.id };
          break;
        }
      }
      if (found) break;
    }
    expect(found).toBeDefined();
    const { params, id } = found!;
    const r = rows.find((x) => x.id === id)!;
    const d = forkful.detail(world, params, id)!;
    expect(d.optionGroups.map((g) => g.id)).toEqual(['time', 'seating']);
    const time = d.optionGroups[0]!.choices.find((c) => c.id === String(params.time).replace(':', ''))!;
    expect(time.soldOut).toBeFalsy();
    expect(time.price).toBe(r.depositPerGuest);
    const seating = d.optionGroups[1]!.choices.find((c) => c.id === 'indoor')!;
    const ctx = { params, listing: d.listing, choices: [time, seating] };
    const extras = forkful.extras(ctx);
    expect(extras.map((x) => x.id)).toEqual(['cake', 'wine-pairing', 'flowers']);
    expect(forkful.units(ctx)).toBe(2);
    const price = forkful.price({ ...ctx, extras: { cake: 1, 'wine-pairing': 1, flowers: 0 } });
    expect(price.currency).toBe('EUR');
    expect(price.lines.map((l) => l.amount)).toEqual([2 * r.depositPerGuest, 24, 2 * 70]);
    expect(price.total).toBe(price.lines.reduce((s, l) => s + l.amount, 0));
    expect(price.total).toBe(2 * r.depositPerGuest + 24 + 140);
    const attrs = forkful.bookingAttrs!({ ...ctx, extras: {} }, [{ firstName: 'Ana', lastName: 'Silva' }]);
    expect(attrs).toMatchObject({ guests: 2, bookedTime: params.time, seating: 'indoor', depositTotal: 2 * r.depositPerGuest, leadGuest: 'Ana Silva' });
  });

  it('marks fully booked times sold out and keeps counter/bar for small parties', () => {
    const r = rows.find((x) => x.seating.includes('counter') && x.seating.includes('bar'))!;
    const date = horizonDates().find((d) => isOpenOn(r, d) && (r.booked[d]?.length ?? 0) > 0)!;
    const params: SearchParams = { city: r.cityId, date, time: '19:30', partySize: 6 };
    if (r.maxPartySize >= 6) {
      const d = forkful.detail(world, params, r.id)!;
      const seating = d.optionGroups[1]!.choices;
      expect(seating.find((c) => c.id === 'counter')!.soldOut).toBe(true);
      expect(seating.find((c) => c.id === 'bar')!.soldOut).toBe(true);
    }
    const d2 = forkful.detail(world, { ...params, partySize: 2 }, r.id)!;
    const times = d2.optionGroups[0]!.choices;
    for (const t of r.booked[date]!) expect(times.find((c) => c.label === t)!.soldOut).toBe(true);
    expect(d2.optionGroups[1]!.choices.find((c) => c.id === 'counter')!.soldOut).toBeFalsy();
    expect(forkful.detail(world, params, 'rs-nowhere-01')).toBeUndefined();
    // Choice and booking attrs never shadow a search param (the selection keeps them as searched).
    const names = new Set(forkful.searchFields.map((f) => f.name));
    for (const g of d2.optionGroups) for (const c of g.choices) for (const k of Object.keys(c.attrs)) expect(names.has(k)).toBe(false);
    for (const k of Object.keys(d2.listing.attrs)) expect(names.has(k)).toBe(false);
  });

  it('validates traveller and contact fields', () => {
    const all = [...forkful.travellerFields, ...forkful.contactFields];
    for (const f of all) expect(f.validate?.(f.example)).toBeUndefined();
    const field = (name: string) => all.find((f) => f.name === name)!;
    expect(field('firstName').validate!('R2-D2')).toBeDefined();
    expect(field('lastName').validate!('!!')).toBeDefined();
    expect(field('email').validate!('not-an-email')).toBeDefined();
    expect(field('phone').validate!('12ab')).toBeDefined();
    expect(field('phone').validate!('+1 23')).toBeDefined();
    expect(field('occasion').validate!('wedding')).toBeDefined();
    expect(field('occasion').validate!('')).toBeUndefined();
    expect(field('requests').validate!('x'.repeat(301))).toBeDefined();
    expect(forkful.travellerCount({ partySize: 5 })).toBe(1);
  });

  it('suggests cities by prefix, case-insensitively, and labels round-trip', () => {
    expect(forkful.suggest(world, 'city', 'lis')[0]?.value).toBe('lisbon');
    expect(forkful.suggest(world, 'city', 'LIS')[0]?.value).toBe('lisbon');
    expect(forkful.suggest(world, 'city', 'Cop')[0]?.value).toBe('copenhagen');
    expect(forkful.suggest(world, 'city', 'zür')[0]?.value).toBe('zurich');
    expect(forkful.suggest(world, 'city', 'xyz')).toEqual([]);
    for (const c of CITIES) {
      const label = forkful.labelFor(world, 'city', c.id)!;
      expect(label).toBeDefined();
      expect(forkful.suggest(world, 'city', label)[0]).toEqual({ value: c.id, label });
    }
    expect(forkful.labelFor(world, 'city', 'LISBON')).toBeUndefined();
  });

  it('declares filters and sorts over attrs the listings carry', () => {
    const params = forkful.exampleSearch(world, new Rng('attrs'));
    const l = forkful.search(world, params)[0]!;
    for (const f of forkful.filters) expect(l.attrs[f.attr]).toBeDefined();
    for (const s of forkful.sorts) expect(typeof l.attrs[s.attr]).toBe('number');
  });
});
