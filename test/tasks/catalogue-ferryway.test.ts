import { expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { uniformFacts } from '../../src/evaluation/facts.js';
import { selectionAttrs } from '../../src/sites/engine/flow.js';
import type { ChoicePick } from '../../src/sites/engine/site-definition.js';
import { returnLeg } from '../../src/sites/ferryway/index.js';
import { placeName } from '../../src/sites/ferryway/ports.js';
import { describeCatalogue, withPhrase } from '../helpers/catalogue.js';

describeCatalogue(
  'ferryway',
  {
    tasks: {
      seed: 3,
      says: 'valid and feasible, with vehicles, cabins and return sailings among them',
      names: ['trip', 'origin', 'destination', 'date'],
      each: (task, { target }) => {
        expect(task.instruction).toContain(placeName(task.target.params.origin));
        expect(task.instruction).toContain(placeName(task.target.params.destination));
        if (task.target.params.tripType === 'return') {
          // The sailing back is its own choice: the reverse crossing on the return date, the same vehicle.
          expect(target.items).toHaveLength(1);
          expect(target.items[0]!.slot).toBe('return');
          expect(target.items[0]!.params).toEqual(returnLeg(task.target.params));
          expect(task.constraints.map((c) => c.id)).toContain('return-date');
        } else {
          expect(target.items).toHaveLength(0);
          expect(task.constraints.some((c) => 'field' in c && c.field.startsWith('return.'))).toBe(false);
        }
      },
      all: (tasks, ids) => {
        const returns = tasks.filter((t) => t.target.params.tripType === 'return').length;
        expect(returns).toBeGreaterThan(10);
        expect(tasks.length - returns).toBeGreaterThan(10);
        expect(new Set(tasks.map((t) => String(t.target.params.vehicle))).size).toBeGreaterThanOrEqual(4);
        expect(ids).toContain('vehicle');
        expect(ids).toContain('return-depart-period');
        expect([...ids].some((i) => ['accommodation', 'sea-view', 'cabin'].includes(i))).toBe(true);
      },
    },
    candidates: {
      count: 30,
      label: 'cands',
      says: 'every candidate holds for a booking of its target, and names a fact the pages show',
      shown: { targets: (ts) => expect(ts.some((t) => t.items.length === 1)).toBe(true) },
    },
    listings: { count: 25, label: 'match', compared: 300, says: 'matchesListing agrees with the evaluator on every listing of the results' },
    superlatives: { seeds: [7], perTier: 10, atLeast: 3 },
  },
  (ctx) => {
    it('a vehicle the ship cannot carry makes the sailing unbookable; a cabin too small for the party cannot be chosen', () => {
      const { site, world } = ctx;
      const t = ctx.targets(40, 'veh').find((x) => x.params.vehicle === 'car' && x.results.some((l) => l.attrs.carriesVehicles === false));
      if (t) for (const l of t.results.filter((x) => x.attrs.carriesVehicles === false)) expect(l.soldOut).toBe(true);
      let cabinsChecked = 0;
      for (const x of ctx.targets(40, 'cab')) {
        const n = site.travellerCount(x.params);
        for (const l of x.results.filter((r) => r.attrs.hasCabins === true && !r.soldOut)) {
          const g = site.detail(world, x.params, l.id)!.optionGroups.find((o) => o.id === 'accommodation')!;
          for (const c of g.choices) if (c.attrs.cabin === true && Number(c.attrs.berths) < n) expect(c.soldOut, c.id).toBe(true);
          cabinsChecked++;
        }
      }
      expect(cabinsChecked).toBeGreaterThan(0);
    });

    it('a cabin constraint fails for a booking of deck passage', () => {
      const { site } = ctx;
      const t = ctx.targets(60, 'acc').find((x) => x.attrs.cabin === true)!;
      expect(t).toBeDefined();
      const c = ctx.catalogue.candidates(t, new Rng('c')).find((x) => ['accommodation', 'sea-view'].includes(x.constraint.id))!;
      const deck = t.detail.optionGroups.find((g) => g.id === 'accommodation')!.choices.find((x) => x.id === 'deck')!;
      const picks: ChoicePick[] = [...t.picks.filter((p) => p.groupId !== 'accommodation'), { groupId: 'accommodation', choice: deck, quantity: 1 }];
      const attrs = selectionAttrs(site, t.params, t.detail, picks.map((p) => p.choice), picks);
      expect(checkConstraint(withPhrase(c), uniformFacts(attrs)).satisfied).toBe(false);
      expect(checkConstraint(withPhrase(c), uniformFacts(t.attrs)).satisfied).toBe(true);
    });
  },
);
