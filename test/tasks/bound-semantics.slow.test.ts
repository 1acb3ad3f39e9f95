import { beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../src/core/schemas/task.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import type { ChoicePick } from '../../src/sites/engine/site-definition.js';
import { SITES, catalogueFor } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { bookedState, targetOf } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { targetOfTask } from '../helpers/catalogue.js';
import { testWorld } from '../helpers/test-server.js';

/** A bound on what the user pays checks what the user pays: a pricier option of the same listing breaks it. */
describe('price bounds', () => {
  let world: World;
  beforeAll(() => {
    world = testWorld();
  });

  it('every price bound of a generated task is violated by buying a pricier option of the same listing, on every site', () => {
    const perSite = new Map<string, number>();
    for (const site of SITES) {
      const money = new Set(site.facts.filter((f) => f.kind === 'money').map((f) => f.field));
      let withBounds = 0;
      // Sites with many kinds of request state price bounds less often: draw until enough did.
      // Sites whose options change what is paid per unit are drawn until a few pricier options were checked.
      const wanted = (id: string) => ['skyhop', 'staywell', 'ticketnest', 'railgo'].includes(id) && (perSite.get(id) ?? 0) <= 5;
      for (let index = 0; index < 400 && (withBounds < 12 || (wanted(site.id) && index < 400)); index++) {
        for (const difficulty of ['medium', 'hard'] as const) {
          const task = generateTask({ site, catalogue: catalogueFor(site.id), world, seed: 31, index, difficulty, split: 'dev' });
          if (!task) continue;
          const bounds = task.constraints.filter((c): c is Extract<Task['constraints'][number], { kind: 'range' }> => c.kind === 'range' && money.has(c.field) && c.max !== undefined && c.max > 0);
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
              perSite.set(site.id, (perSite.get(site.id) ?? 0) + 1);
            }
          }
        }
      }
    }
    // Sites whose options change what is paid per unit (fares, room rates, sections, classes) were tested.
    for (const id of ['skyhop', 'staywell', 'ticketnest', 'railgo']) expect(perSite.get(id) ?? 0, id).toBeGreaterThan(5);
    // A generous ceiling: ~10 s here, several times that on a loaded machine.
  }, 600_000);
});
