import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { addDays, HORIZON_DAYS, WORLD_TODAY } from '../../src/core/dates.js';
import { CITIES } from '../../src/world/geography.js';
import { World } from '../../src/world/world.js';
import { eventsDomain, type EventRow } from '../../src/sites/ticketnest/domain.js';
import { ticketnest } from '../../src/sites/ticketnest/index.js';
import type { Choice, Listing, SearchParams } from '../../src/sites/engine/site-definition.js';

const gen = (seed: string) => eventsDomain.generate(new Rng(seed).fork(eventsDomain.key));
const rows = gen('t');
const world = new World(1, 1, 'test', new Map([[eventsDomain.key, rows]]));

function bookableParams(ev: EventRow, tickets: number): SearchParams {
  return { city: ev.city, dateFrom: ev.date, dateTo: ev.date, searchCategory: 'any', tickets };
}

describe('events domain', () => {
  it('is deterministic per seed', () => {
    expect(gen('t')).toEqual(rows);
    expect(gen('other')).not.toEqual(rows);
  });

  it('every row passes the schema', () => {
    for (const r of rows) expect(() => eventsDomain.schema.parse(r)).not.toThrow();
  });

  it('has 25-35 events per city inside the horizon, with unique URL-safe ids', () => {
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(rows.length);
    for (const c of CITIES) {
      const n = rows.filter((r) => r.city === c.id).length;
      expect(n).toBeGreaterThanOrEqual(25);
      expect(n).toBeLessThanOrEqual(35);
    }
    const last = addDays(WORLD_TODAY, HORIZON_DAYS - 1);
    for (const r of rows) {
      expect(r.id).toMatch(/^ev-[a-z]+-\d{2}$/);
      expect(r.date >= WORLD_TODAY && r.date <= last).toBe(true);
    }
  });

  it('has friction: sold-out sections, last seats, age limits, every category', () => {
    const sections = rows.flatMap((r) => r.sections);
    expect(sections.some((s) => s.seatsLeft === 0)).toBe(true);
    expect(sections.some((s) => s.seatsLeft >= 1 && s.seatsLeft <= 3)).toBe(true);
    expect(rows.some((r) => r.ageRestriction === '18+')).toBe(true);
    expect(new Set(rows.map((r) => r.category)).size).toBe(6);
  });
});

describe('ticketnest site', () => {
  it('exampleSearch always yields a bookable listing', () => {
    const root = new Rng('examples');
    for (let i = 0; i < 30; i++) {
      const params = ticketnest.exampleSearch(world, root.fork(`ex-${i}`));
      expect(ticketnest.validateSearch?.(params)).toEqual({});
      const results = ticketnest.search(world, params);
      expect(results.length).toBeGreaterThanOrEqual(3);
      const ok = results.some((l) => {
        if (l.soldOut) return false;
        const d = ticketnest.detail(world, params, l.id);
        return !!d && d.optionGroups.every((g) => g.choices.some((c) => !c.soldOut));
      });
      expect(ok).toBe(true);
    }
  });

  it('listing, choice and booking attrs never overwrite a search param', () => {
    const params = ticketnest.exampleSearch(world, new Rng('merge'));
    for (const l of ticketnest.search(world, params).filter((x) => !x.soldOut)) {
      const d = ticketnest.detail(world, params, l.id)!;
      const choices = d.optionGroups.map((g) => g.choices.find((c) => !c.soldOut)!);
      const ctx = { params, listing: d.listing, choices, extras: { insurance: 1 } };
      const merged = { ...params, ...d.listing.attrs, ...Object.assign({}, ...choices.map((c) => c.attrs)), ...ticketnest.bookingAttrs!(ctx, []) };
      for (const [k, v] of Object.entries(params)) expect(merged[k], k).toEqual(v);
    }
  });

  it('exampleSearch is deterministic', () => {
    expect(ticketnest.exampleSearch(world, new Rng('same'))).toEqual(ticketnest.exampleSearch(world, new Rng('same')));
  });

  it('search respects city, dates, category and tickets', () => {
    const params: SearchParams = { city: 'london', dateFrom: '2026-06-05', dateTo: '2026-06-30', searchCategory: 'any', tickets: 4 };
    const all = ticketnest.search(world, params);
    expect(all.length).toBeGreaterThan(0);
    for (const l of all) {
      const ev = rows.find((r) => r.id === l.id)!;
      expect(ev.city).toBe('london');
      expect(ev.date >= '2026-06-05' && ev.date <= '2026-06-30').toBe(true);
      const open = ev.sections.filter((s) => s.seatsLeft >= 4);
      expect(l.soldOut).toBe(open.length === 0);
      if (open.length > 0) expect(l.price).toBe(Math.min(...open.map((s) => s.price)));
      expect(l.attrs.time).toMatch(/^\d{2}:\d{2}$/);
    }
    const concerts = ticketnest.search(world, { ...params, searchCategory: 'concert' });
    expect(concerts.every((l) => l.attrs.category === 'concert')).toBe(true);
    expect(concerts.length).toBeLessThan(all.length);
  });

  it('marks sections without enough seats as sold out', () => {
    const ev = rows.find((r) => r.sections.some((s) => s.seatsLeft >= 1 && s.seatsLeft <= 3))!;
    const few = ev.sections.find((s) => s.seatsLeft >= 1 && s.seatsLeft <= 3)!;
    const one = ticketnest.detail(world, bookableParams(ev, 1), ev.id)!;
    const eight = ticketnest.detail(world, bookableParams(ev, 8), ev.id)!;
    expect(one.optionGroups[0]!.choices.find((c) => c.id === few.id)!.soldOut).toBe(false);
    expect(eight.optionGroups[0]!.choices.find((c) => c.id === few.id)!.soldOut).toBe(true);
  });

  it('detail is undefined for unknown ids or events outside the search', () => {
    const ev = rows[0]!;
    expect(ticketnest.detail(world, bookableParams(ev, 2), 'ev-nowhere-01')).toBeUndefined();
    expect(ticketnest.detail(world, { ...bookableParams(ev, 2), city: ev.city === 'rome' ? 'milan' : 'rome' }, ev.id)).toBeUndefined();
  });

  it('prices a hand-picked selection: total = sum of lines', () => {
    const listing: Listing = {
      id: 'ev-test-01', title: 'Test', facts: [], price: 40, priceUnit: 'per ticket', soldOut: false,
      attrs: { category: 'concert', venue: 'Test Arena', parkingPrice: 15, programmePrice: 8 },
    };
    const section: Choice = { id: 'stalls', label: 'Stalls', price: 40, attrs: { section: 'Stalls', seated: true, ticketPrice: 40 } };
    const post: Choice = { id: 'post', label: 'Posted tickets', price: 6.5, attrs: { delivery: 'post', deliveryFee: 6.5 } };
    const params: SearchParams = { city: 'london', dateFrom: '2026-06-10', dateTo: '2026-06-20', searchCategory: 'any', tickets: 2 };
    const base = { params, listing, choices: [section, post] };
    expect(ticketnest.units(base)).toBe(2);
    expect(ticketnest.extras(base).map((x) => x.id)).toEqual(['insurance', 'parking', 'programme']);
    const p = ticketnest.price({ ...base, extras: { insurance: 1, parking: 1, programme: 2 } });
    // 2 x 40 tickets, 2 x 4 service fee, 6.50 post, 2 x 3 insurance, 15 parking, 2 x 8 programmes.
    expect(p.lines.map((l) => l.amount)).toEqual([80, 8, 6.5, 6, 15, 16]);
    expect(p.total).toBe(131.5);
    expect(p.total).toBeCloseTo(p.lines.reduce((s, l) => s + l.amount, 0), 2);
    expect(p.currency).toBe('EUR');
    const attrs = ticketnest.bookingAttrs!({ ...base, extras: { insurance: 1, parking: 0, programme: 2 } }, [{ firstName: 'Maya', lastName: 'Keller' }]);
    expect(attrs).toMatchObject({ tickets: 2, extras: ['insurance', 'programme'], ticketInsurance: true, parkingPass: false, programmes: 2, refundable: true, totalPrice: 116.5 });
  });

  it('prices a real event: lines add up and delivery rules apply', () => {
    const ev = rows.find((r) => r.sections.filter((s) => s.seatsLeft >= 3).length >= 2 && r.date >= addDays(WORLD_TODAY, 10))!;
    const params = bookableParams(ev, 3);
    const d = ticketnest.detail(world, params, ev.id)!;
    const [sections, delivery] = d.optionGroups;
    expect(sections!.display).toBe('cards');
    expect(delivery!.choices.find((c) => c.id === 'eticket')!.soldOut).toBe(false);
    expect(delivery!.choices.find((c) => c.id === 'post')!.soldOut).toBe(false);
    const sec = sections!.choices.find((c) => !c.soldOut)!;
    const ctx = { params, listing: d.listing, choices: [sec, delivery!.choices.find((c) => c.id === 'post')!], extras: { insurance: 1 } };
    const p = ticketnest.price(ctx);
    expect(p.lines[0]!.amount).toBe(Math.round(sec.price * 3 * 100) / 100);
    expect(p.total).toBeCloseTo(p.lines.reduce((s, l) => s + l.amount, 0), 2);
    // Posted tickets are unavailable close to the event.
    const soon = rows.find((r) => r.date < addDays(WORLD_TODAY, 7))!;
    const dSoon = ticketnest.detail(world, bookableParams(soon, 1), soon.id)!;
    expect(dSoon.optionGroups[1]!.choices.find((c) => c.id === 'post')!.soldOut).toBe(true);
  });

  it('validates traveller and contact fields, and every example is valid', () => {
    for (const f of [...ticketnest.travellerFields, ...ticketnest.contactFields]) {
      expect(f.validate?.(f.example)).toBeUndefined();
    }
    const field = (name: string) => [...ticketnest.travellerFields, ...ticketnest.contactFields].find((f) => f.name === name)!;
    expect(field('firstName').validate!('M4ya')).toBeTruthy();
    expect(field('lastName').validate!('')).toBeTruthy();
    expect(field('email').validate!('maya@')).toBeTruthy();
    expect(field('phone').validate!('12ab')).toBeTruthy();
    expect(field('postcode').validate!('!!')).toBeTruthy();
    expect(field('postcode').validate!('')).toBeUndefined();
    expect(field('postcode').required).toBe(false);
    expect(ticketnest.travellerCount({ tickets: 6 })).toBe(1);
  });

  it('validates the search range', () => {
    const v = ticketnest.validateSearch!;
    expect(v({ city: 'rome', dateFrom: '2026-06-10', dateTo: '2026-06-09', tickets: 2 })).toHaveProperty('dateTo');
    expect(v({ city: 'rome', dateFrom: '2026-06-01', dateTo: '2026-07-02', tickets: 2 })).toHaveProperty('dateTo');
    expect(v({ city: 'rome', dateFrom: '2026-06-01', dateTo: '2026-07-01', tickets: 2 })).toEqual({});
    expect(v({ city: 'rome', dateFrom: '2026-06-10', dateTo: '2026-06-10', tickets: 2 })).toEqual({});
  });

  it('suggests cities by prefix, case- and accent-insensitively, and labelFor round-trips', () => {
    expect(ticketnest.suggest(world, 'city', 'lis')[0]!.value).toBe('lisbon');
    expect(ticketnest.suggest(world, 'city', 'LIS')[0]!.value).toBe('lisbon');
    expect(ticketnest.suggest(world, 'city', 'zür').map((o) => o.value)).toContain('zurich');
    expect(ticketnest.suggest(world, 'city', 'xyz')).toEqual([]);
    for (const c of CITIES) {
      const [first] = ticketnest.suggest(world, 'city', c.name);
      expect(first!.value).toBe(c.id);
      expect(ticketnest.labelFor(world, 'city', c.id)).toBe(first!.label);
    }
    expect(ticketnest.labelFor(world, 'city', 'atlantis')).toBeUndefined();
  });
});
