import { expect, it } from 'vitest';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { fixtureBookings, managedState } from '../../src/tasks/manage-task.js';
import { describeCatalogue } from '../helpers/catalogue.js';

describeCatalogue(
  'parkspot',
  {
    tasks: {
      seed: 5,
      says: 'each valid, feasible and naming the place and the stay to the minute',
      names: ['location', 'entry-date', 'entry-time', 'exit-date', 'exit-time'],
      each: (task, { target }) => {
        // The space booked is free for the stay, and the booking is paid by card.
        const space = target.picks.find((p) => p.groupId === 'space')!.choice;
        expect(space.soldOut).toBeFalsy();
        expect(task.target.card).toBeDefined();
        // The vehicle comes with the booking: plate, make and colour are filled in.
        expect(task.target.travellers[0]).toMatchObject({ plate: expect.any(String), make: expect.any(String), colour: expect.any(String) });
      },
    },
    candidates: { count: 40, label: 'satisfied' },
    listings: { count: 30, label: 'listing', compared: 300 },
    superlatives: { seeds: [7, 8], hardOnly: true, atLeast: 0, says: 'its superlatives (cheapest, closest, best rated) are the best of their search' },
  },
  (ctx) => {
    it('makes manage tasks under the policy: a changed stay or a cancellation, done as asked, succeeds; the booking left as it was fails', () => {
      const { site, world } = ctx;
      const tasks = generateTasks({ sites: [site], count: 24, seed: 5, split: 'train', world }).filter((t) => t.manage);
      expect(tasks.length).toBeGreaterThan(0);
      for (const task of tasks) {
        const after = managedState(task, site, world);
        expect(typeof after).not.toBe('string');
        if (typeof after === 'string') continue;
        expect(evaluate(task, after).sr).toBe(true);
        const fixtures = fixtureBookings(task, site, world);
        if (typeof fixtures === 'string') throw new Error(fixtures);
        expect(evaluate(task, { ...after, bookings: fixtures }).sr).toBe(false);
      }
    });
  },
);
