import { expect, it } from 'vitest';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { describeCatalogue } from '../helpers/catalogue.js';

describeCatalogue(
  'courtside',
  {
    tasks: {
      seed: 5,
      says: 'each valid, feasible, naming the activity, city and day, paid by card',
      names: ['activity', 'city', 'date'],
      each: (task, { target }) => {
        // A court's start is free; a class has places for everyone booked.
        const start = target.picks.find((p) => p.groupId === 'start')?.choice;
        if (start) expect(start.soldOut).toBeFalsy();
        else expect(Number(target.attrs.placesLeft)).toBeGreaterThanOrEqual(Number(target.attrs.players));
        expect(target.attrs.sessionPrice).toBeGreaterThan(0);
        expect(task.target.card).toBeDefined();
      },
    },
    candidates: { count: 40, label: 'satisfied' },
    listings: { count: 30, label: 'listing', compared: 200 },
  },
  (ctx) => {
    it('searches are dense: 15 to 60 courts or classes per activity, city and day', () => {
      const counts = ctx.targets(24, 'listing').map((t) => t.results.length);
      for (const n of counts) expect(n).toBeGreaterThanOrEqual(12);
      expect(Math.max(...counts)).toBeLessThanOrEqual(60);
    });

    it('a sample has weekly repeats and two sessions in one cart', () => {
      const tasks = generateTasks({ sites: [ctx.site], count: 24, seed: 21, split: 'train', world: ctx.world });
      expect(tasks.some((t) => (t.target.items ?? []).some((x) => x.slot === 'item2'))).toBe(true);
      expect(tasks.some((t) => t.constraints.some((c) => c.id === 'weeks' && c.kind === 'exact' && Number(c.value) > 1))).toBe(true);
    });
  },
);
