import { expect, it } from 'vitest';
import { flightsSearch } from '../../src/sites/packfly/inventory.js';
import { destinationName } from '../../src/sites/packfly/places.js';
import { bookedState } from '../../src/tasks/target.js';
import { describeCatalogue } from '../helpers/catalogue.js';

const TEST_CARDS = /^(4242424242424242|5555555555554444)$/;

describeCatalogue(
  'packfly',
  {
    tasks: {
      seed: 3,
      says: 'valid and feasible: every one a bundle of a hotel and its flights, behind an account and a card',
      names: ['origin', 'destination', 'date', 'nights'],
      each: (task, { target }) => {
        expect(task.instruction).toContain(destinationName(task.target.params.destination));
        // The bundle: the hotel is the main choice, the flights its second part, searched from the same trip.
        expect(target.items).toHaveLength(1);
        expect(target.items[0]!.slot).toBe('flights');
        expect(target.items[0]!.params).toEqual(flightsSearch(task.target.params));
        // A required account (registered with the task's details) and a card the test bank accepts.
        expect(task.target.account?.mode).toBe('register');
        expect(task.target.card?.number.replace(/\D/g, '')).toMatch(TEST_CARDS);
      },
      all: (_, ids) => {
        for (const id of ['board', 'luggage']) expect(ids).toContain(id);
        expect([...ids].some((i) => ['airline', 'direct', 'out-period'].includes(i))).toBe(true);
        expect([...ids].filter((i) => ['best-rated', 'nearest-beach', 'cheapest-room'].includes(i)).length).toBeGreaterThanOrEqual(2);
      },
    },
    candidates: {
      count: 30,
      label: 'cands',
      says: "every candidate holds for a booking of its target and names a fact the pages show; flight facts are the bundle's flights part",
      shown: { target: (t, state) => expect(state.bookings[0]!.attrs['flights.airline']).toBe(t.items[0]!.attrs.airline) },
    },
    listings: { count: 25, label: 'match', compared: 300, says: 'matchesListing agrees with the evaluator on every listing of the results' },
    superlatives: { seeds: [7], perTier: 8, atLeast: 3 },
  },
  (ctx) => {
    it('the package price is the hotel part and the flights part together; a search returns 15-60 hotels', () => {
      for (const t of ctx.targets(20, 'price')) {
        const booking = bookedState(t).bookings[0]!;
        const lines = booking.price.lines.map((l) => l.label);
        expect(lines.some((l) => l.includes('nights'))).toBe(true);
        expect(lines.some((l) => l.includes('Flights, adult'))).toBe(true);
        expect(booking.price.total).toBeCloseTo(booking.price.lines.reduce((s, l) => s + l.amount, 0), 2);
        expect(t.results.length).toBeGreaterThanOrEqual(15);
        expect(t.results.length).toBeLessThanOrEqual(60);
      }
    });

    it('a room too small for the party, or an adults-only hotel for a family, cannot be booked', () => {
      let checked = 0;
      for (const t of ctx.targets(30, 'rooms')) {
        const n = ctx.site.travellerCount(t.params);
        for (const l of t.results) {
          if (Number(t.params.children) > 0 && l.attrs.adultsOnly === true) expect(l.soldOut).toBe(true);
          const d = ctx.site.detail(ctx.world, t.params, l.id)!;
          for (const c of d.optionGroups.find((g) => g.id === 'room')!.choices) {
            if (c.label.includes('(up to') ? Number(/up to (\d)/.exec(c.label)![1]) < n : n > 2) expect(c.soldOut, `${l.id} ${c.id}`).toBe(true);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  },
);
