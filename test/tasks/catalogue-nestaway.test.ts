import { expect, it } from 'vitest';
import { horizonDates } from '../../src/core/dates.js';
import { rentalsDomain } from '../../src/sites/nestaway/domain.js';
import { nightTaken } from '../../src/sites/nestaway/inventory.js';
import { describeCatalogue } from '../helpers/catalogue.js';

describeCatalogue(
  'nestaway',
  {
    tasks: {
      seed: 5,
      says: 'each valid, feasible, naming city, check-in and nights, with an account and a card',
      names: ['city', 'check-in', 'nights'],
      each: (task, { target }) => {
        // The place sleeps the party for the whole stay; booking needs an account (no guest checkout) and a card.
        expect(Number(target.listing.attrs.maxGuests)).toBeGreaterThanOrEqual(Number(task.target.params.guests));
        expect(task.target.account?.mode).toBe('register');
        expect(task.target.card).toBeDefined();
      },
    },
    candidates: { count: 40, label: 'satisfied' },
    listings: { count: 30, label: 'listing', compared: 200 },
    superlatives: { seeds: [7], hardOnly: true, atLeast: 0, says: 'its superlatives are the best of their search' },
  },
  (ctx) => {
    it('refuses a stay on a night already taken, and a party bigger than the place', () => {
      const { site, world } = ctx;
      const t = ctx.targets(1, 'refuse')[0]!;
      const r = t.listing;
      expect(site.detail(world, { ...t.params, guests: Number(r.attrs.maxGuests) + 1 }, r.id)).toBeUndefined();
      expect(site.whyUnavailable!(world, { ...t.params, guests: Number(r.attrs.maxGuests) + 1 }, r.id)).toMatch(/sleeps at most/);
      // Some night of the horizon is taken for this place: a stay over it is not offered.
      const taken = horizonDates().find((d) => nightTaken(world, world.find(rentalsDomain, r.id)!, d))!;
      expect(site.detail(world, { ...t.params, date: taken, nights: 1 }, r.id)).toBeUndefined();
    });
  },
);
