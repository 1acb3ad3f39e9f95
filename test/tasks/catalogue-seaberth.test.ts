import { expect, it } from 'vitest';
import { excursionSearch } from '../../src/sites/seaberth/inventory.js';
import { bookedState } from '../../src/tasks/target.js';
import { describeCatalogue } from '../helpers/catalogue.js';

const TEST_CARDS = /^(4242424242424242|5555555555554444)$/;

describeCatalogue(
  'seaberth',
  {
    tasks: {
      seed: 3,
      says: 'valid and feasible: a cabin chosen on the deck plan and an excursion of that sailing, every passenger named, paid by card',
      names: ['port', 'month'],
      each: (task, { target }) => {
        // The excursion is the sailing's own: searched from the same search and the sailing chosen.
        expect(target.items).toHaveLength(1);
        expect(target.items[0]!.slot).toBe('excursion');
        expect(target.items[0]!.params).toEqual(excursionSearch(task.target.params, target.listing.id));
        expect(target.attrs.ports as string[]).toContain(target.items[0]!.attrs.excursionPort);
        expect(task.target.travellers).toHaveLength(Number(task.target.params.adults) + Number(task.target.params.children));
        expect(task.target.card?.number.replace(/\D/g, '')).toMatch(TEST_CARDS);
      },
      all: (_, ids) => {
        for (const id of ['grade', 'excursion']) expect(ids).toContain(id);
        for (const id of ['depart-window', 'nights-range', 'port-visited', 'fare-max']) expect(ids).toContain(id);
        expect([...ids].some((i) => ['position', 'deck-min', 'accessible'].includes(i))).toBe(true);
        expect([...ids].filter((i) => ['cheapest-night', 'cheapest'].includes(i)).length).toBeGreaterThanOrEqual(1);
      },
    },
    candidates: {
      count: 30,
      label: 'cands',
      shown: { target: (t, state) => expect(state.bookings[0]!.attrs['excursion.excursionName']).toBe(t.items[0]!.attrs.excursionName) },
    },
    listings: { count: 25, label: 'match', compared: 300, says: 'matchesListing agrees with the evaluator on every listing of the results' },
    superlatives: { seeds: [7], perTier: 8, atLeast: 3 },
  },
  (ctx) => {
    it('a deck plan: one cabin for the party, each with deck, number, position and fare; taken cabins and cabins too small cannot be chosen; 15-60 sailings a search', () => {
      let cabins = 0;
      for (const t of ctx.targets(15, 'deck')) {
        expect(t.results.length).toBeGreaterThanOrEqual(15);
        expect(t.results.length).toBeLessThanOrEqual(60);
        const guests = Number(t.params.adults) + Number(t.params.children);
        const g = t.detail.optionGroups.find((x) => x.id === 'cabin')!;
        expect(g.display).toBe('seatmap');
        expect(g.pick).toBe('one');
        expect(t.picks.filter((p) => p.groupId === 'cabin')).toHaveLength(1);
        for (const c of g.choices) {
          expect(c.label).toMatch(/^Deck \d+ cabin \d+, (inside|ocean view|balcony|suite), (forward|midship|aft)(, accessible)?, sleeps [24]$/);
          if (Number(c.attrs.sleeps) < guests) expect(c.soldOut).toBe(true);
          cabins++;
        }
        expect(g.choices.some((c) => c.soldOut && c.unavailableLabel === 'Taken')).toBe(true);
        const booking = bookedState(t).bookings[0]!;
        expect(booking.price.total).toBeCloseTo(booking.price.lines.reduce((s, l) => s + l.amount, 0), 2);
        expect(booking.price.lines.some((l) => l.label.includes('Port taxes'))).toBe(true);
      }
      expect(cabins).toBeGreaterThan(300);
    });
  },
);
