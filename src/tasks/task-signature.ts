import { canonicalJson } from '../core/hash.js';
import { isQaTask, type Task } from '../core/schemas/task.js';

/**
 * Two tasks coincide when they have the same target and the same constraint set, whatever
 * their wording: what a held-out test task must never share with a train or dev task.
 */
export function taskSignature(t: Task): string {
  const constraints = t.constraints
    .map(({ phrase: _p, templateId: _t, id: _i, ...check }) => canonicalJson(check))
    .sort();
  // A question is its answer and the entities it was built from, whatever its wording.
  if (isQaTask(t)) return canonicalJson({ site: t.site, qa: [t.qa.method, t.qa.shape, t.qa.entities], constraints });
  return canonicalJson({ site: t.site, listing: t.target.listingId, params: t.target.params, choices: t.target.choices, multi: t.target.multi, quantities: t.target.quantities, items: t.target.items?.map((i) => [i.slot, i.listingId, i.choices, i.multi, i.quantities]), constraints });
}
