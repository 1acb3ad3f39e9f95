import { expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { withItems } from '../../src/core/schemas/episode-state.js';
import type { Constraint } from '../../src/core/schemas/task.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { uniformFacts } from '../../src/evaluation/facts.js';
import { returnLeg } from '../../src/sites/coachly/index.js';
import { cityOf } from '../../src/sites/coachly/stations.js';
import { selectionAttrs } from '../../src/sites/engine/flow.js';
import type { Choice, ChoicePick } from '../../src/sites/engine/site-definition.js';
import { describeCatalogue, withPhrase } from '../helpers/catalogue.js';

/** Every way to seat `n` travellers in these open seats (n <= 2 keeps it small). */
function seatings(open: readonly Choice[], n: number): Choice[][] {
  if (n === 1) return open.map((c) => [c]);
  const out: Choice[][] = [];
  for (let i = 0; i < open.length; i++) for (let j = i + 1; j < open.length; j++) out.push([open[i]!, open[j]!]);
  return out;
}

describeCatalogue(
  'coachly',
  {
    tasks: {
      seed: 3,
      says: 'valid and feasible, with both legs and seats among them',
      names: ['trip', 'origin', 'destination', 'date'],
      each: (task, { target }, { site }) => {
        expect(task.instruction).toContain(cityOf(task.target.params.origin));
        expect(task.instruction).toContain(cityOf(task.target.params.destination));
        const travellers = site.travellerCount(task.target.params);
        if (task.target.params.tripType === 'return') {
          // The return leg is its own choice: the reverse route on the return date, seats for everyone.
          expect(target.items).toHaveLength(1);
          const back = target.items[0]!;
          expect(back.slot).toBe('return');
          expect(back.params).toEqual(returnLeg(task.target.params));
          expect(task.target.items![0]!.multi!.seats).toHaveLength(travellers);
          expect(task.constraints.map((c) => c.id)).toContain('return-date');
        } else {
          expect(target.items).toHaveLength(0);
          expect(task.constraints.some((c) => 'field' in c && c.field.startsWith('return.'))).toBe(false);
        }
        expect(task.target.multi!.seats).toHaveLength(travellers);
      },
      all: (tasks, ids) => {
        const returns = tasks.filter((t) => t.target.params.tripType === 'return').length;
        expect(returns).toBeGreaterThan(10);
        expect(tasks.length - returns).toBeGreaterThan(10);
        // What is new shows up: seats, the return leg, several kinds of superlative.
        for (const id of ['window-seats', 'return-depart-period']) expect(ids).toContain(id);
        expect([...ids].filter((i) => ['cheapest', 'earliest', 'latest', 'fastest'].includes(i)).length).toBeGreaterThanOrEqual(3);
      },
    },
    candidates: {
      count: 30,
      label: 'cands',
      says: 'every candidate holds for a booking of its target; return-leg ones read the return leg',
      shown: {
        targets: (ts) => expect(ts.some((t) => t.items.length === 1)).toBe(true),
        candidate: (c, field) => {
          if (c.constraint.id.startsWith('return-') && c.constraint.id !== 'return-date') expect(field.startsWith('return.')).toBe(true);
        },
      },
    },
    listings: { count: 25, label: 'match', compared: 500, says: 'matchesListing agrees with the evaluator on every listing of the results' },
  },
  (ctx) => {
    it('a seat constraint fails when the seats booked break it (aisle for window, another seat)', () => {
      const t = ctx.targets(5, 'seats').find((x) => x.items.length === 0)!;
      const window = ctx.catalogue.candidates(t, new Rng('w')).find((c) => c.constraint.id === 'window-seats')!;
      const seatsGroup = t.detail.optionGroups.find((g) => g.id === 'seats')!;
      const n = ctx.site.travellerCount(t.params);
      const wantsWindow = window.constraint.kind === 'range' && window.constraint.min !== undefined;
      const wrong = seatsGroup.choices.filter((c) => !c.soldOut && c.attrs.position === (wantsWindow ? 'aisle' : 'window')).slice(0, n);
      const picks: ChoicePick[] = [...t.picks.filter((p) => p.groupId !== 'seats'), ...wrong.map((choice) => ({ groupId: 'seats', choice, quantity: 1 }))];
      const attrs = selectionAttrs(ctx.site, t.params, t.detail, picks.map((p) => p.choice), picks);
      expect(checkConstraint(withPhrase(window), uniformFacts(attrs)).satisfied).toBe(false);
      expect(checkConstraint(withPhrase(window), uniformFacts(t.attrs)).satisfied).toBe(true);
    });

    it('superlatives are the best over every option that fits, whatever seats it takes (parties of one or two)', () => {
      const { site, world } = ctx;
      let checked = 0;
      for (const task of ctx.tierTasks(7, 20)) {
        const sup = task.constraints.find((c) => c.kind === 'superlative');
        if (!sup || sup.kind !== 'superlative' || site.travellerCount(task.target.params) > 2) continue;
        const target = ctx.targetOf(task);
        const scope = task.constraints.filter((c): c is Constraint => sup.scope.includes(c.id));
        const others = target.items.map((it) => ({ slot: it.slot, attrs: it.attrs }));
        const values: (number | string)[] = [];
        for (const l of site.search(world, target.params)) {
          const detail = site.detail(world, target.params, l.id);
          if (!detail || detail.listing.soldOut) continue;
          const [fares, seats] = detail.optionGroups;
          const n = site.travellerCount(target.params);
          for (const fare of fares!.choices.filter((c) => !c.soldOut)) {
            const fits = seatings(seats!.choices.filter((c) => !c.soldOut), n).some((set) => {
              const picks = [{ groupId: 'fare', choice: fare, quantity: 1 }, ...set.map((choice) => ({ groupId: 'seats', choice, quantity: 1 }))];
              const attrs = withItems(selectionAttrs(site, target.params, detail, picks.map((p) => p.choice), picks), others);
              return scope.every((c) => checkConstraint(c, uniformFacts(attrs)).satisfied);
            });
            const v = fare.attrs[sup.field] ?? l.attrs[sup.field];
            if (fits && (typeof v === 'number' || typeof v === 'string')) values.push(v);
          }
        }
        const best = values.reduce((a, b) => ((sup.objective === 'min' ? b < a : b > a) ? b : a));
        expect(sup.best, `${task.id} ${sup.id}`).toBe(best);
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
    }, 600_000);
  },
);
