import { emptySiteState, NEW_BOOKING } from '../../src/core/schemas/episode-state.js';
import { describe, expect, it } from 'vitest';
import type { SiteEpisodeState } from '../../src/core/schemas/episode-state.js';
import type { Constraint } from '../../src/core/schemas/task.js';
import { evaluate, evaluateTrajectory } from '../../src/evaluation/evaluate.js';

const constraints: Constraint[] = [
  { id: 'destination', kind: 'exact', stage: 'search', phrase: 'to Madrid', field: 'destination', value: 'MAD' },
  { id: 'date', kind: 'exact', stage: 'search', phrase: 'on June 12', field: 'date', value: '2026-06-12' },
  { id: 'price-max', kind: 'range', stage: 'selection', phrase: 'under €200', field: 'price', max: 200 },
  { id: 'name', kind: 'details', stage: 'details', phrase: 'for Ana Silva', field: 'lastName', traveller: 1, value: 'Silva' },
  { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'book it.' },
];
const task = { id: 't', site: 'skyhop', constraints };

const empty: SiteEpisodeState = { ...emptySiteState('skyhop'), requests: 1 };
const searched: SiteEpisodeState = { ...empty, search: { params: { destination: 'MAD', date: '2026-06-12' }, filters: {}, sort: 'price', page: 1, resultCount: 5, seq: 2 } };
const selected: SiteEpisodeState = { ...searched, selection: { listingId: 'fl-1', params: { destination: 'MAD', date: '2026-06-12' }, title: 'X', options: [], attrs: { destination: 'MAD', date: '2026-06-12', price: 150 }, seq: 3 } };
const detailed: SiteEpisodeState = { ...selected, form: { fields: {}, errors: {}, accepted: true, travellers: [{ firstName: 'Ana', lastName: 'Silva' }], contact: {}, extras: {}, seq: 4 } };
const price = { currency: 'EUR', lines: [], total: 150 };
const booking = (attrs: Record<string, string | number>) => ({ ...NEW_BOOKING, items: [], changes: [], reference: 'SKY-1', siteId: 'skyhop', listingId: 'fl-1', title: 'X', options: [], travellers: [{ firstName: 'Ana', lastName: 'Silva' }], contact: {}, extras: {}, price, attrs, seq: 5 });
const booked: SiteEpisodeState = { ...detailed, bookings: [booking({ destination: 'MAD', date: '2026-06-12', price: 150 })] };

describe('evaluate', () => {
  it('counts progress before booking: a correct search already satisfies its constraints', () => {
    expect(evaluate(task, empty).csr).toBe(0);
    expect(evaluate(task, searched).satisfied).toBe(2);
    expect(evaluate(task, selected).satisfied).toBe(3);
    expect(evaluate(task, detailed).satisfied).toBe(4);
    const done = evaluate(task, booked);
    expect(done.csr).toBe(1);
    expect(done.sr).toBe(true);
  });

  it('judges a booking that contradicts an earlier correct search on the booking', () => {
    const wrong: SiteEpisodeState = { ...detailed, bookings: [booking({ destination: 'MAD', date: '2026-06-13', price: 150 })] };
    const e = evaluate(task, wrong);
    expect(e.verdicts.find((v) => v.id === 'date')!.satisfied).toBe(false);
    expect(e.csr).toBe(4 / 5);
    expect(e.sr).toBe(false);
  });

  it('a newer search overrides the stale selection for search facts', () => {
    const moved: SiteEpisodeState = { ...selected, search: { ...searched.search!, params: { destination: 'BCN', date: '2026-06-12' }, seq: 9 } };
    expect(evaluate(task, moved).verdicts.find((v) => v.id === 'destination')!.satisfied).toBe(false);
  });

  it('reads one site of a full episode state and nothing of the others', () => {
    const episode = { schemaVersion: 2 as const, episodeId: 'e', createdAt: '', worldSeed: 1, sites: { staywell: booked } };
    expect(evaluate(task, episode).csr).toBe(0);
    expect(evaluate(task, { ...episode, sites: { skyhop: booked } }).sr).toBe(true);
  });
});

describe('evaluateTrajectory', () => {
  it('gives the CSR curve and the first step reaching the best CSR', () => {
    const r = evaluateTrajectory(task, [empty, searched, searched, selected, detailed, detailed]);
    expect(r.curve).toEqual([0, 0.4, 0.4, 0.6, 0.8, 0.8]);
    expect(r.bestCsr).toBe(0.8);
    expect(r.firstBestIndex).toBe(4);
    expect(r.final.sr).toBe(false);
  });
  it('a trajectory that regresses keeps its best prefix', () => {
    const regress: SiteEpisodeState = { ...selected, search: { ...searched.search!, params: { destination: 'BCN', date: '2026-06-01' }, seq: 9 } };
    const r = evaluateTrajectory(task, [searched, selected, regress]);
    expect(r.curve).toEqual([0.4, 0.6, 0.2]);
    expect(r.firstBestIndex).toBe(1);
  });
});
