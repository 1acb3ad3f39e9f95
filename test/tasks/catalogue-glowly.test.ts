import { expect, it } from 'vitest';
import { changeDates, paramsOfBooking } from '../../src/sites/engine/manage-actions.js';
import { fixtureBookings, generateManageTask } from '../../src/tasks/manage-task.js';
import { describeCatalogue } from '../helpers/catalogue.js';

describeCatalogue(
  'glowly',
  {
    tasks: {
      seed: 5,
      says: 'each valid, feasible, naming treatment, city and the day of a free slot',
      names: ['category', 'city', 'day'],
      each: (task, { target }) => {
        // The slot booked is free and on the day the task names; the booking's date is that day.
        const slot = target.picks.find((p) => p.groupId === 'slot')!.choice;
        expect(slot.soldOut).toBeFalsy();
        expect(task.constraints.find((c) => c.id === 'day')).toMatchObject({ value: slot.attrs.date });
        expect(target.attrs.date).toBe(slot.attrs.date);
        expect(task.target.card).toBeUndefined();
      },
    },
    candidates: { count: 40, label: 'satisfied' },
    listings: { count: 30, label: 'listing', compared: 200 },
  },
  (ctx) => {
    it('searches are dense: 15 to 70 people per treatment and city', () => {
      const counts = ctx.targets(20, 'listing').map((t) => t.results.length);
      for (const n of counts) expect(n).toBeGreaterThanOrEqual(15);
      expect(Math.max(...counts)).toBeLessThanOrEqual(70);
    });

    it('moving an appointment keeps its time and person on the new day, and manage tasks of every kind are made', () => {
      const { site, catalogue, world } = ctx;
      const actions = new Set<string>();
      let moved = 0;
      for (let index = 0; index < 40; index++) {
        const task = generateManageTask({ site, catalogue, world, seed: 3, index, difficulty: 'medium', split: 'train' });
        if (!task) continue;
        const ids = task.constraints.map((c) => c.id);
        actions.add(ids.includes('cancelled') ? 'cancel' : ids.includes('new-date') ? 'dates' : 'travellers');
        const newDate = task.constraints.find((c) => c.id === 'new-date');
        if (!newDate || newDate.kind !== 'exact') continue;
        const bookings = fixtureBookings(task, site, world);
        if (typeof bookings === 'string') throw new Error(bookings);
        const b = bookings.find((x) => x.reference === task.manage!.subject)!;
        const after = changeDates(site, world, b, { ...paramsOfBooking(site, b), date: String(newDate.value) }, 1);
        if (typeof after === 'string') throw new Error(after);
        expect(after.attrs.date).toBe(newDate.value);
        expect(after.attrs.time).toBe(b.attrs.time);
        expect(after.attrs.staff).toBe(b.attrs.staff);
        expect(after.options.find((o) => o.groupId === 'slot')!.choiceId).toBe(`${String(newDate.value)}T${String(b.attrs.time)}`);
        moved++;
      }
      expect(moved).toBeGreaterThan(0);
      expect([...actions].sort()).toEqual(['cancel', 'dates', 'travellers']);
    });
  },
);
