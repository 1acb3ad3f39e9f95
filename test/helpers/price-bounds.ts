import { expect } from 'vitest';
import type { Task } from '../../src/core/schemas/task.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import type { ChoicePick, SiteDefinition } from '../../src/sites/engine/site-definition.js';
import { catalogueFor } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { bookedState, targetOf } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { targetOfTask } from './catalogue.js';

/** Shared by the quick (sampled) and slow (every site) price-bound sweeps. */

/** Sites whose options change what is paid per unit (fares, room rates, sections, classes). */
export const PER_UNIT_PRICE_SITES: readonly string[] = ['skyhop', 'staywell', 'ticketnest', 'railgo'];

type RangeConstraint = Extract<Task['constraints'][number], { kind: 'range' }>;

/**
 * Draws medium and hard tasks of one site (seed 31, dev split) until `tasksWithBounds` of them
 * state a bound on a money fact (and, for a per-unit-price site, until more than `perUnitChecks`
 * pricier options were checked), at most `maxIndex` indexes. For each bound, every other choice of
 * the very same listing that pays more than the bound must violate it. Returns how many tasks
 * stated a bound, and how many pricier options were checked against one.
 */
export function checkPriceBounds(site: SiteDefinition, world: World, opts: { tasksWithBounds: number; perUnitChecks: number; maxIndex?: number }): { withBounds: number; checked: number } {
  const money = new Set(site.facts.filter((f) => f.kind === 'money').map((f) => f.field));
  const perUnit = PER_UNIT_PRICE_SITES.includes(site.id);
  const maxIndex = opts.maxIndex ?? 400;
  let withBounds = 0;
  let checked = 0;
  // Sites with many kinds of request state price bounds less often: draw until enough did.
  // Sites whose options change what is paid per unit are drawn until a few pricier options were checked.
  for (let index = 0; index < maxIndex && (withBounds < opts.tasksWithBounds || (perUnit && checked <= opts.perUnitChecks)); index++) {
    for (const difficulty of ['medium', 'hard'] as const) {
      const task = generateTask({ site, catalogue: catalogueFor(site.id), world, seed: 31, index, difficulty, split: 'dev' });
      if (!task) continue;
      const bounds = task.constraints.filter((c): c is RangeConstraint => c.kind === 'range' && money.has(c.field) && c.max !== undefined && c.max > 0);
      if (bounds.length === 0) continue;
      withBounds++;
      const target = targetOfTask(task, site, world);
      // Every other choice of the very same listing's one-choice groups, with its paid facts;
      // groups that take several (seats, ticket quantities) keep the target's picks.
      let combos: ChoicePick[][] = [[]];
      for (const g of target.detail.optionGroups) {
        const own = target.picks.filter((p) => p.groupId === g.id);
        const several = g.pick === 'per-traveller' || g.display === 'quantities';
        combos = combos.flatMap((ps) => (several ? [[...ps, ...own]] : g.choices.filter((c) => !c.soldOut).map((c) => [...ps, { groupId: g.id, choice: c, quantity: 1 }])));
      }
      for (const bound of bounds) {
        for (const picks of combos) {
          const state = bookedState(targetOf(site, world, target.params, target.results, target.detail, picks, target));
          const paid = state.bookings[0]!.attrs[bound.field];
          if (typeof paid !== 'number' || paid <= bound.max!) continue;
          const verdict = evaluate(task, state).verdicts.find((v) => v.id === bound.id)!;
          expect(verdict.satisfied, `${task.id}: ${bound.phrase} with ${picks.map((p) => p.choice.id).join('+')} paying ${paid}`).toBe(false);
          checked++;
        }
      }
    }
  }
  return { withBounds, checked };
}
