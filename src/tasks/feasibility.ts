import type { Task } from '../core/schemas/task.js';
import { evaluate } from '../evaluation/evaluate.js';
import { selectionAttrs } from '../sites/engine/flow.js';
import { SITES } from '../sites/registry.js';
import type { World } from '../world/world.js';
import type { Target } from './catalogue.js';
import { bookedState } from './target.js';

/**
 * Proves a task feasible against the inventory: its target must exist, be bookable with the
 * recorded choices, and a booking of it must satisfy every constraint. Returns the reason when
 * it is not (undefined when feasible). Every superlative names the listing that is best.
 */
export function checkFeasible(task: Task, world: World): string | undefined {
  const site = SITES.find((s) => s.id === task.site);
  if (!site) return `unknown site "${task.site}"`;
  const detail = site.detail(world, task.target.params, task.target.listingId);
  if (!detail) return `listing ${task.target.listingId} does not exist for the task's search`;
  if (detail.listing.soldOut) return `listing ${task.target.listingId} is sold out`;
  const choices = [];
  for (const g of detail.optionGroups) {
    const c = g.choices.find((x) => x.id === task.target.choices[g.id]);
    if (!c) return `no choice "${task.target.choices[g.id]}" in option group "${g.id}"`;
    if (c.soldOut) return `choice "${c.id}" of "${g.id}" is sold out`;
    choices.push(c);
  }
  const target: Target = {
    site,
    world,
    params: task.target.params,
    results: [],
    listing: detail.listing,
    detail,
    choices,
    attrs: selectionAttrs(task.target.params, detail, choices),
    travellers: task.target.travellers,
    contact: task.target.contact,
    extras: task.target.extras,
  };
  const result = evaluate(task, bookedState(target));
  if (!result.sr) {
    const failed = result.verdicts.filter((v) => !v.satisfied).map((v) => v.id);
    return `booking the target leaves constraints unmet: ${failed.join(', ')}`;
  }
  return undefined;
}
