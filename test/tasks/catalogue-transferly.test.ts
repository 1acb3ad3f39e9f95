import { expect, it } from 'vitest';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { bookedState } from '../../src/tasks/target.js';
import { checkGeneratedTask, describeCatalogue } from '../helpers/catalogue.js';

describeCatalogue(
  'transferly',
  {
    tasks: {
      seed: 5,
      says: 'each valid, feasible, naming airport, district, day and landing time; a return names its way back',
      names: ['airport', 'area', 'date', 'time'],
      each: (task, { ids, target }) => {
        // Every vehicle booked takes the whole party and its suitcases.
        expect(Number(target.attrs.seats)).toBeGreaterThanOrEqual(Number(task.target.params.passengers));
        expect(Number(target.attrs.luggage)).toBeGreaterThanOrEqual(Number(task.target.params.bags));
        // A required account, and payment by card.
        expect(task.target.account?.mode).toBe('register');
        expect(task.target.card).toBeDefined();
        if (task.target.params.tripType === 'return') {
          expect(ids).toEqual(expect.arrayContaining(['return-date', 'return-time']));
          const back = task.target.items?.find((x) => x.slot === 'return');
          expect(back?.params).toMatchObject({ direction: 'to-airport', date: task.target.params.returnDate, time: task.target.params.returnTime });
        } else expect(ids).toContain('trip');
      },
      all: (tasks) => expect(tasks.filter((t) => t.target.params.tripType === 'return').length).toBeGreaterThan(5),
    },
    candidates: { count: 40, label: 'satisfied' },
    listings: { count: 30, label: 'listing', compared: 300 },
    superlatives: { seeds: [7, 8], hardOnly: true, atLeast: 0, says: 'its superlatives (cheapest, best rated, fastest) are the best of their search' },
  },
  (ctx) => {
    it('a return booked without its way back, or with it at another time, fails the task', () => {
      const task = ctx.tierTasks(5, 10).find((t) => t.target.params.tripType === 'return')!;
      const state = bookedState(checkGeneratedTask(task, ctx.site, ctx.world).target);
      const b = state.bookings[0]!;
      const oneWay = { ...state, bookings: [{ ...b, items: [], attrs: { ...Object.fromEntries(Object.entries(b.attrs).filter(([k]) => !k.startsWith('return'))), tripType: 'oneway' } }] };
      expect(evaluate(task, oneWay).sr).toBe(false);
      const other = b.attrs.returnTime === '10:00' ? '11:00' : '10:00';
      const otherTime = { ...state, bookings: [{ ...b, attrs: { ...b.attrs, returnTime: other, 'return.pickupTime': other } }] };
      expect(evaluate(task, otherTime).sr).toBe(false);
    });
  },
);
