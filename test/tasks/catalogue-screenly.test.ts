import { expect } from 'vitest';
import { describeCatalogue } from '../helpers/catalogue.js';

const SEAT_IDS = ['seats', 'row', 'together', 'seat-class', 'premium-none', 'wheelchair'];

// Superlatives are rechecked from scratch in superlative-brute-force.test.ts (every slot, every
// set of seats, every allowed search): test/helpers' check picks one choice per group.
describeCatalogue('screenly', {
  tasks: {
    seed: 5,
    says: 'each valid, feasible, naming film, city, day and party, with seats one per ticket',
    names: ['film', 'city', 'date'],
    each: (task, { target }) => {
      // One seat per ticket, every one open on the seat map; side by side when the target says so.
      const seats = task.target.multi?.seats ?? [];
      expect(seats).toHaveLength(Number(task.target.params.tickets));
      const map = target.detail.optionGroups.find((g) => g.id === 'seats')!;
      for (const id of seats) expect(map.choices.find((c) => c.id === id)?.soldOut, id).toBeFalsy();
      if (target.attrs.seatsTogether === true && seats.length > 1) expect(new Set(target.picks.filter((p) => p.groupId === 'seats').map((p) => p.choice.attrs.row)).size).toBe(1);
      expect(task.instruction).toContain(String(task.target.attrs.film));
    },
    all: (tasks) => expect(tasks.filter((t) => t.constraints.some((c) => SEAT_IDS.includes(c.id))).length).toBeGreaterThan(5),
  },
  candidates: { count: 40, label: 'satisfied' },
  listings: { count: 30, label: 'listing', compared: 200 },
});
