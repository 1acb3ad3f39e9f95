import { isQaTask, type Task } from '../core/schemas/task.js';
import { evaluate } from '../evaluation/evaluate.js';
import { SITES } from '../sites/registry.js';
import type { World } from '../world/world.js';
import { graphOf } from './qa/graph-of.js';
import { managedState } from './manage-task.js';
import { verifyQaTask } from './qa/verify-question.js';
import { dayResultsOf } from './qa/day-results.js';
import { bookedState, resolveTaskTarget } from './target.js';

/**
 * Proves a task feasible against the inventory: its target must exist, be bookable with the
 * recorded choices, and a booking of it must satisfy every constraint. Returns the reason when
 * it is not (undefined when feasible). Every superlative names the listing that is best.
 */
export function checkFeasible(task: Task, world: World): string | undefined {
  // A question's answer derives again from its query over the world's knowledge graph.
  if (isQaTask(task)) return verifyQaTask(graphOf(world), task, { results: dayResultsOf(world, SITES) });
  const site = SITES.find((s) => s.id === task.site);
  if (!site) return `unknown site "${task.site}"`;
  const resolved = resolveTaskTarget(task, site, world);
  if ('problem' in resolved) return resolved.problem;
  // A task about an existing booking is done on "My bookings": its fixtures, changed as asked.
  const state = task.manage ? managedState(task, site, world) : bookedState(resolved.target);
  if (typeof state === 'string') return state;
  const result = evaluate(task, state);
  if (!result.sr) {
    const failed = result.verdicts.filter((v) => !v.satisfied).map((v) => v.id);
    return `booking the target leaves constraints unmet: ${failed.join(', ')}`;
  }
  return undefined;
}
