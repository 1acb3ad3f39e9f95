import { expect, it } from 'vitest';
import { packageSearch } from '../../src/sites/campfire/inventory.js';
import { bookedState } from '../../src/tasks/target.js';
import { describeCatalogue } from '../helpers/catalogue.js';

const TEST_CARDS = /^(4242424242424242|5555555555554444)$/;

describeCatalogue(
  'campfire',
  {
    tasks: {
      seed: 3,
      says: 'valid and feasible: every one a pitch and a package, paid by a deposit on a card',
      names: ['area', 'date', 'nights'],
      each: (task, { target }) => {
        // The bundle: the pitch is the main choice, the package its second part, searched from the same stay.
        expect(target.items).toHaveLength(1);
        expect(target.items[0]!.slot).toBe('package');
        expect(target.items[0]!.params).toEqual(packageSearch(task.target.params));
        expect(task.target.card?.number.replace(/\D/g, '')).toMatch(TEST_CARDS);
      },
      all: (_, ids) => {
        for (const id of ['pitch', 'electricity', 'package']) expect(ids).toContain(id);
        expect([...ids].some((i) => ['pets', 'vehicle'].includes(i))).toBe(true);
        expect([...ids].filter((i) => ['cheapest', 'best-rated'].includes(i)).length).toBeGreaterThanOrEqual(1);
      },
    },
    candidates: {
      count: 30,
      label: 'cands',
      says: "every candidate holds for a booking of its target and names a fact the pages show; package facts are the bundle's package part",
      shown: { target: (t, state) => expect(state.bookings[0]!.attrs['package.packageName']).toBe(t.items[0]!.attrs.packageName) },
    },
    listings: { count: 25, label: 'match', compared: 300, says: 'matchesListing agrees with the evaluator on every listing of the results' },
    superlatives: { seeds: [7], perTier: 8, atLeast: 3 },
  },
  (ctx) => {
    it('what is paid now is a 30% deposit of the stay plus the package in full; a search returns 15-60 campsites', () => {
      for (const t of ctx.targets(20, 'price')) {
        const booking = bookedState(t).bookings[0]!;
        const stay = Number(booking.attrs.stayPrice);
        const deposit = Number(booking.attrs.deposit);
        expect(deposit).toBeCloseTo(Math.round(stay * 30) / 100, 2);
        expect(Number(booking.attrs.balanceOnArrival)).toBeCloseTo(stay - deposit, 2);
        const people = Number(t.params.adults) + Number(t.params.children);
        expect(booking.price.total).toBeCloseTo(deposit + Number(t.items[0]!.attrs.pricePerPerson) * people, 2);
        expect(booking.price.lines.some((l) => l.amount < 0 && l.label.includes('Paid at the campsite on arrival'))).toBe(true);
        expect(t.results.length).toBeGreaterThanOrEqual(15);
        expect(t.results.length).toBeLessThanOrEqual(60);
      }
    });

    it('pets where none are allowed, a vehicle too long, or a pitch too small or for another vehicle cannot be booked', () => {
      let checked = 0;
      for (const t of ctx.targets(30, 'rules')) {
        const people = Number(t.params.adults) + Number(t.params.children);
        for (const l of t.results) {
          if (Number(t.params.pets) > 0 && l.attrs.petsAllowed === false) expect(l.soldOut).toBe(true);
          if (t.params.vehicle === 'caravan' && Number(l.attrs.maxVehicleM) < 11) expect(l.soldOut).toBe(true);
          const d = ctx.site.detail(ctx.world, t.params, l.id)!;
          for (const c of d.optionGroups.find((g) => g.id === 'pitch')!.choices) {
            if (c.id === 'glamping' && people > 4) expect(c.soldOut).toBe(true);
            if (c.id === 'caravan' && t.params.vehicle !== 'caravan') expect(c.soldOut).toBe(true);
            if (c.id === 'campervan' && !['van6', 'van8'].includes(String(t.params.vehicle))) expect(c.soldOut).toBe(true);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  },
);
