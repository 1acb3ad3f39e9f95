import { expect, it } from 'vitest';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { ticketMix } from '../../src/sites/tourbase/attractions.js';
import { bookedState } from '../../src/tasks/target.js';
import { checkGeneratedTask, describeCatalogue } from '../helpers/catalogue.js';

describeCatalogue(
  'tourbase',
  {
    tasks: {
      seed: 5,
      says: 'each valid, feasible and naming city, day and the exact tickets of every experience',
      names: ['city', 'date', 'tickets'],
      each: (task, { ids, target }) => {
        // The tickets asked for are exactly the quantities the target books.
        const q = task.target.quantities?.tickets ?? {};
        expect(task.constraints.find((c) => c.id === 'tickets')).toMatchObject({ kind: 'exact', value: ticketMix(q) });
        if (task.target.params.category === 'any') expect(ids).toContain('attraction');
        else expect(ids).toContain('category');
        const second = task.target.items?.find((x) => x.slot === 'item2');
        if (second) {
          expect(second.listingId).not.toBe(task.target.listingId);
          expect(ids).toEqual(expect.arrayContaining(['item2-attraction', 'item2-tickets']));
          expect(task.instruction).toContain(String(second.attrs.attraction));
          expect(bookedState(target).bookings[0]!.attrs.itemCount).toBe(2);
        }
      },
      all: (tasks) => expect(tasks.filter((t) => t.target.items?.some((x) => x.slot === 'item2')).length).toBeGreaterThan(5),
    },
    candidates: { count: 40, label: 'satisfied' },
    listings: { count: 30, label: 'listing', compared: 500 },
    superlatives: { seeds: [7, 8], hardOnly: true, atLeast: 0, says: 'its superlatives are the best of their search' },
  },
  (ctx) => {
    it('a booking of only the first experience, or with other tickets, fails the task', () => {
      const task = ctx.tierTasks(5, 10).find((t) => t.target.items?.length)!;
      const state = bookedState(checkGeneratedTask(task, ctx.site, ctx.world).target);
      const b = state.bookings[0]!;
      const firstOnly = { ...state, bookings: [{ ...b, items: [], attrs: Object.fromEntries(Object.entries(b.attrs).filter(([k]) => !k.startsWith('item2.') && k !== 'itemCount')) }] };
      expect(evaluate(task, firstOnly).sr).toBe(false);
      const moreTickets = { ...state, bookings: [{ ...b, attrs: { ...b.attrs, tickets: `${b.attrs.tickets} + 1 senior` } }] };
      expect(evaluate(task, moreTickets).sr).toBe(false);
    });
  },
);
