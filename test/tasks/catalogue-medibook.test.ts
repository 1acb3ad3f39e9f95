import { expect } from 'vitest';
import { describeCatalogue } from '../helpers/catalogue.js';

// Superlatives are rechecked from scratch in superlative-brute-force.test.ts (every slot, every
// set of seats, every allowed search): test/helpers' check picks one choice per group.
describeCatalogue('medibook', {
  tasks: {
    seed: 5,
    says: 'each valid, feasible, naming specialty, city and the day of a free slot',
    names: ['specialty', 'city', 'appointment-date'],
    each: (task, { target }) => {
      // The slot booked is free, on the day the task names, and nothing is paid online.
      const slot = target.picks.find((p) => p.groupId === 'slot')!.choice;
      expect(slot.soldOut).toBeFalsy();
      expect(task.constraints.find((c) => c.id === 'appointment-date')).toMatchObject({ value: slot.attrs.appointmentDate });
      expect(task.target.card).toBeUndefined();
    },
  },
  candidates: { count: 40, label: 'satisfied' },
  listings: { count: 30, label: 'listing', compared: 200 },
});
