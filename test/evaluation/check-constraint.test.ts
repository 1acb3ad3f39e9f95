import { describe, expect, it } from 'vitest';
import type { Constraint } from '../../src/core/schemas/task.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { NO_FACTS, type Facts } from '../../src/evaluation/facts.js';

const base = { phrase: 'p', stage: 'selection' as const };
type Over = Partial<Omit<Facts, 'byStage'>> & { attrs?: Facts['byStage']['selection']['attrs'] };
/** Facts with the same attrs at every stage (as after a booking), plus what the test overrides. */
const facts = ({ attrs = {}, ...over }: Over): Facts => {
  const at = { attrs, source: 'selection' as const };
  return { ...NO_FACTS, byStage: { search: at, selection: at, details: at, booking: at }, ...over };
};
const ok = (c: Constraint, f: Facts) => checkConstraint(c, f).satisfied;

describe('exact', () => {
  const c: Constraint = { ...base, id: 'date', kind: 'exact', field: 'date', value: '2026-06-12' };
  it('matches the same value, not the day before or after', () => {
    expect(ok(c, facts({ attrs: { date: '2026-06-12' } }))).toBe(true);
    expect(ok(c, facts({ attrs: { date: '2026-06-11' } }))).toBe(false);
    expect(ok(c, facts({ attrs: { date: '2026-06-13' } }))).toBe(false);
    expect(ok(c, facts({ attrs: {} }))).toBe(false);
  });
  it('compares text case- and space-insensitively and numbers exactly', () => {
    const room: Constraint = { ...base, id: 'room', kind: 'exact', field: 'room', value: 'Deluxe King' };
    expect(ok(room, facts({ attrs: { room: '  deluxe   king ' } }))).toBe(true);
    expect(ok(room, facts({ attrs: { room: 'Deluxe Kings' } }))).toBe(false);
    const stars: Constraint = { ...base, id: 's', kind: 'exact', field: 'stars', value: 4 };
    expect(ok(stars, facts({ attrs: { stars: 4 } }))).toBe(true);
    expect(ok(stars, facts({ attrs: { stars: 5 } }))).toBe(false);
    const flag: Constraint = { ...base, id: 'r', kind: 'exact', field: 'refundable', value: true };
    expect(ok(flag, facts({ attrs: { refundable: false } }))).toBe(false);
  });
});

describe('range', () => {
  const c: Constraint = { ...base, id: 'price-max', kind: 'range', field: 'price', max: 200 };
  it('includes the bound and excludes a cent above it', () => {
    expect(ok(c, facts({ attrs: { price: 200 } }))).toBe(true);
    expect(ok(c, facts({ attrs: { price: 199.99 } }))).toBe(true);
    expect(ok(c, facts({ attrs: { price: 200.01 } }))).toBe(false);
  });
  it('checks both ends and needs a number', () => {
    const r: Constraint = { ...base, id: 'rating', kind: 'range', field: 'rating', min: 8, max: 9 };
    expect(ok(r, facts({ attrs: { rating: 8 } }))).toBe(true);
    expect(ok(r, facts({ attrs: { rating: 7.9 } }))).toBe(false);
    expect(ok(r, facts({ attrs: { rating: 9.1 } }))).toBe(false);
    expect(ok(r, facts({ attrs: { rating: '8.5' } }))).toBe(false);
  });
});

describe('set', () => {
  it('includes_all needs every value', () => {
    const c: Constraint = { ...base, id: 'am', kind: 'set', field: 'amenities', mode: 'includes_all', values: ['pool', 'wifi'] };
    expect(ok(c, facts({ attrs: { amenities: ['wifi', 'pool', 'gym'] } }))).toBe(true);
    expect(ok(c, facts({ attrs: { amenities: ['wifi', 'gym'] } }))).toBe(false);
  });
  it('one_of needs any value; excludes needs none', () => {
    const one: Constraint = { ...base, id: 'cu', kind: 'set', field: 'cuisine', mode: 'one_of', values: ['thai', 'indian'] };
    expect(ok(one, facts({ attrs: { cuisine: 'Indian' } }))).toBe(true);
    expect(ok(one, facts({ attrs: { cuisine: 'french' } }))).toBe(false);
    const ex: Constraint = { ...base, id: 'ex', kind: 'set', field: 'features', mode: 'excludes', values: ['live-music'] };
    expect(ok(ex, facts({ attrs: { features: ['terrace'] } }))).toBe(true);
    expect(ok(ex, facts({ attrs: { features: ['terrace', 'live-music'] } }))).toBe(false);
    expect(ok(ex, facts({ attrs: {} }))).toBe(false);
  });
});

describe('time_window', () => {
  const c: Constraint = { ...base, id: 'dep', kind: 'time_window', field: 'departTime', after: '18:00' };
  it('is inclusive at the bound and rejects a minute early', () => {
    expect(ok(c, facts({ attrs: { departTime: '18:00' } }))).toBe(true);
    expect(ok(c, facts({ attrs: { departTime: '17:59' } }))).toBe(false);
    expect(ok(c, facts({ attrs: { departTime: '23:10' } }))).toBe(true);
  });
  it('before noon', () => {
    const b: Constraint = { ...base, id: 'arr', kind: 'time_window', field: 'arriveTime', before: '12:00' };
    expect(ok(b, facts({ attrs: { arriveTime: '11:59' } }))).toBe(true);
    expect(ok(b, facts({ attrs: { arriveTime: '12:01' } }))).toBe(false);
    expect(ok(b, facts({ attrs: { arriveTime: 'noon' } }))).toBe(false);
  });
});

describe('superlative', () => {
  const c: Constraint = {
    ...base,
    id: 'cheapest',
    kind: 'superlative',
    field: 'farePrice',
    objective: 'min',
    best: 88,
    scope: ['airline'],
    winners: [{ listing: 'fl-1', choices: { fare: 'basic' } }, { listing: 'fl-2', choices: { fare: 'basic' } }],
  };
  it('is met by any of the best options (ties included), with the choice that sets the value', () => {
    const at88 = { farePrice: 88 };
    expect(ok(c, facts({ attrs: at88, option: { listing: 'fl-1', choices: { fare: 'basic' } } }))).toBe(true);
    expect(ok(c, facts({ attrs: at88, option: { listing: 'fl-2', choices: { fare: 'basic', seat: 'any' } } }))).toBe(true);
    expect(ok(c, facts({ attrs: { farePrice: 163 }, option: { listing: 'fl-1', choices: { fare: 'flex' } } }))).toBe(false);
    expect(ok(c, facts({ attrs: { farePrice: 85 }, option: { listing: 'fl-3', choices: { fare: 'basic' } } }))).toBe(false);
    expect(ok(c, facts({ attrs: at88 }))).toBe(false);
  });
  it('needs the best value too: the winning ticket bought without the railcard paid more than the best', () => {
    expect(ok(c, facts({ attrs: { farePrice: 120 }, option: { listing: 'fl-1', choices: { fare: 'basic' } } }))).toBe(false);
  });
  it('ranks listings when no choice sets the value: the right flight at another fare still is the shortest', () => {
    const shortest: Constraint = { ...base, id: 'shortest', kind: 'superlative', field: 'durationMin', objective: 'min', best: 120, scope: [], winners: [{ listing: 'fl-1', choices: {} }] };
    expect(ok(shortest, facts({ attrs: { durationMin: 120 }, option: { listing: 'fl-1', choices: { fare: 'flex' } } }))).toBe(true);
    expect(ok(shortest, facts({ attrs: { durationMin: 120 }, option: { listing: 'fl-9', choices: { fare: 'basic' } } }))).toBe(false);
  });
});

describe('count', () => {
  const c: Constraint = { ...base, id: 'adults', kind: 'count', field: 'adults', value: 2 };
  it('needs exactly the count: a wrong passenger count fails', () => {
    expect(ok(c, facts({ attrs: { adults: 2 } }))).toBe(true);
    expect(ok(c, facts({ attrs: { adults: 1 } }))).toBe(false);
    expect(ok(c, facts({ attrs: { adults: 3 } }))).toBe(false);
    expect(ok(c, facts({ attrs: {} }))).toBe(false);
  });
});

describe('details', () => {
  const name: Constraint = { ...base, stage: 'details', id: 't1-last', kind: 'details', field: 'lastName', traveller: 1, value: 'Novak' };
  const phone: Constraint = { ...base, stage: 'details', id: 'phone', kind: 'details', field: 'phone', value: '+351 912 345 678' };
  it('compares names leniently about case and spaces but not spelling', () => {
    expect(ok(name, facts({ travellers: [{ lastName: ' novak ' }], detailsSource: 'form' }))).toBe(true);
    expect(ok(name, facts({ travellers: [{ lastName: 'Nowak' }], detailsSource: 'form' }))).toBe(false);
    const garcia: Constraint = { ...name, value: 'García' };
    expect(ok(garcia, facts({ travellers: [{ lastName: 'Garcia' }], detailsSource: 'form' }))).toBe(true);
    expect(ok(garcia, facts({ travellers: [{ lastName: 'Garcis' }], detailsSource: 'form' }))).toBe(false);
    expect(ok(name, facts({ travellers: [], detailsSource: 'none' }))).toBe(false);
  });
  it('compares phone numbers by digits', () => {
    expect(ok(phone, facts({ contact: { phone: '+351912345678' }, detailsSource: 'form' }))).toBe(true);
    expect(ok(phone, facts({ contact: { phone: '+351 912 345 679' }, detailsSource: 'form' }))).toBe(false);
  });
});

describe('addon', () => {
  const add: Constraint = { ...base, stage: 'details', id: 'ins', kind: 'addon', field: 'insurance', chosen: true };
  const refuse: Constraint = { ...base, stage: 'details', id: 'no-ins', kind: 'addon', field: 'insurance', chosen: false };
  it('a chosen add-on needs the quantity; a refused one needs the details step reached', () => {
    expect(ok(add, facts({ extras: { insurance: 1 }, detailsSource: 'form' }))).toBe(true);
    expect(ok(add, facts({ extras: { insurance: 0 }, detailsSource: 'form' }))).toBe(false);
    expect(ok(refuse, facts({ extras: { insurance: 0 }, detailsSource: 'form' }))).toBe(true);
    expect(ok(refuse, facts({ extras: {}, detailsSource: 'none' }))).toBe(false);
    const bags: Constraint = { ...add, id: 'bags', field: 'bag', quantity: 2 };
    expect(ok(bags, facts({ extras: { bag: 1 }, detailsSource: 'form' }))).toBe(false);
    expect(ok(bags, facts({ extras: { bag: 2 }, detailsSource: 'booking' }))).toBe(true);
  });
});

describe('booked', () => {
  it('needs a submitted booking', () => {
    const c: Constraint = { ...base, stage: 'booking', id: 'booked', kind: 'booked' };
    expect(ok(c, facts({ bookings: 1 }))).toBe(true);
    expect(ok(c, facts({ bookings: 0 }))).toBe(false);
  });
});

it('every verdict carries its evidence', () => {
  const v = checkConstraint({ ...base, id: 'price-max', kind: 'range', field: 'price', max: 200 }, facts({ attrs: { price: 250 } }));
  expect(v).toEqual({ id: 'price-max', kind: 'range', satisfied: false, evidence: { source: 'selection', field: 'price', observed: 250, expected: { min: undefined, max: 200 } } });
});
