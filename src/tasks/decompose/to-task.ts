import { Rng } from '../../core/rng.js';
import { TASK_SCHEMA_VERSION, type Constraint, type Difficulty, type BookingTask } from '../../core/schemas/task.js';
import { WORLD_VERSION } from '../../core/version.js';
import { evaluate } from '../../evaluation/evaluate.js';
import type { SearchParams, SiteDefinition } from '../../sites/engine/site-definition.js';
import type { Target } from '../../sites/kit/task-catalogue.js';
import type { World } from '../../world/world.js';
import { MAX_CONSTRAINTS } from '../generate-task.js';
import { bestOption, MAX_SEARCH_VARIANTS, openSearchFields } from '../superlative.js';
import { bookedState, buildTarget, recordTarget } from '../target.js';
import type { Decomposition } from './decompose.js';

/**
 * A decomposed instruction as a task the exact evaluator scores and every agent can run: the
 * constraints, a witness booking found in the inventory (a search with what the instruction
 * says, the rest of the form as the site's example fills it; the listing, options, people and
 * add-ons that meet every constraint), and each superlative proven over every search the
 * instruction allows. Why not, when it cannot be made.
 */
export type ToTaskResult = { task: BookingTask } | { problem: string };

const DRAWS = 12;
const difficultyOf = (n: number): Difficulty => (n <= 3 ? 'easy' : n <= 5 ? 'medium' : 'hard');

/** The target with the people and add-ons the constraints name. */
function dressed(t: Target, cs: readonly Constraint[]): Target {
  const travellers = t.travellers.map((p) => ({ ...p }));
  const contact = { ...t.contact };
  const extras: Record<string, number> = {};
  for (const c of cs) {
    if (c.kind === 'details') {
      if (c.traveller !== undefined) {
        const p = travellers[c.traveller - 1];
        if (p) p[c.field] = c.value;
      } else contact[c.field] = c.value;
    }
    if (c.kind === 'addon') extras[c.field] = c.chosen ? (c.quantity ?? 1) : 0;
  }
  return { ...t, travellers, contact, extras };
}

export function taskFromDecomposition(d: Decomposition, o: { site: SiteDefinition; world: World; id: string }): ToTaskResult {
  if (d.unmapped.length) return { problem: `parts of the instruction map to no constraint: ${d.unmapped.map((u) => `"${u}"`).join(', ')}` };
  if (d.problems.length) return { problem: `constraints refused: ${d.problems.map((p) => p.reason).join('; ')}` };
  const plain = d.constraints.filter((c): c is Constraint => c.kind !== 'superlative');
  const supers = d.constraints.filter((c) => c.kind === 'superlative');
  if (supers.length > 1) return { problem: 'more than one superlative' };
  const total = plain.length + supers.length;
  if (total < 2 || total > MAX_CONSTRAINTS + 4) return { problem: `a task has 2 to 12 constraints; this one has ${total}` };
  // Ids unique within the task.
  const seen = new Map<string, number>();
  const constraints: Constraint[] = plain.map((c) => {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    return n ? { ...c, id: `${c.id}-${n + 1}` } : c;
  });
  const named: SearchParams = {};
  for (const c of constraints) if ((c.kind === 'exact' || c.kind === 'count') && c.stage === 'search' && o.site.searchFields.some((f) => f.name === c.field)) named[c.field] = typeof c.value === 'boolean' ? String(c.value) : c.value;
  const rng = new Rng(`to-task/${o.site.id}/${d.instruction}`);
  const probe = { id: o.id, site: o.site.id, constraints };
  let witness: Target | undefined;
  for (let draw = 0; draw < DRAWS && !witness; draw++) {
    const params = { ...o.site.exampleSearch(o.world, rng.fork(`search${draw}`)), ...named };
    for (const l of rng.shuffle(o.site.search(o.world, params)).slice(0, 40)) {
      const t = buildTarget(o.site, o.world, params, rng.fork(`${draw}/${l.id}`), l.id);
      if (!t) continue;
      const full = dressed(t, constraints);
      if (evaluate(probe, bookedState(full)).sr) {
        witness = full;
        break;
      }
    }
  }
  if (!witness) return { problem: 'no booking in the inventory meets every constraint (tried the searches the instruction allows)' };
  const all: Constraint[] = [...constraints];
  for (const s of supers) {
    const spec = { id: `${s.objective === 'min' ? 'lowest' : 'highest'}-${s.field}`, field: s.field, objective: s.objective, phrases: [{ id: 'user', text: s.phrase, form: 'clause' as const }] };
    const scope = constraints.filter((c) => c.kind !== 'details' && c.kind !== 'addon' && c.kind !== 'booked');
    const pinned = new Set(scope.filter((c) => c.stage === 'search' && 'field' in c).map((c) => (c as { field: string }).field));
    if (openSearchFields(o.site, pinned).reduce((n, f) => n * f.values, 1) > MAX_SEARCH_VARIANTS) return { problem: `"${s.phrase}" cannot be proven: the instruction leaves the search open in too many ways` };
    const found = bestOption(witness, scope, constraints.flatMap((c) => (c.kind === 'addon' && c.chosen ? [c.field] : [])), spec);
    if (!found) return { problem: `"${s.phrase}": no best option reachable from the instruction's own search` };
    witness = dressed(found.witness, constraints);
    all.push({ id: spec.id, kind: 'superlative', stage: o.site.facts.find((f) => f.field === s.field)?.stage ?? 'selection', field: s.field, objective: s.objective, best: found.best, scope: scope.map((c) => c.id), winners: found.winners, phrase: s.phrase });
  }
  const task: BookingTask = {
    schemaVersion: TASK_SCHEMA_VERSION,
    id: o.id,
    site: o.site.id,
    instruction: d.instruction,
    constraints: all,
    target: recordTarget(witness),
    metadata: { seed: 0, worldSeed: o.world.seed, worldVersion: WORLD_VERSION, difficulty: difficultyOf(all.length), split: 'test', templateIds: all.map((c) => c.id) },
  };
  if (!evaluate(task, bookedState(witness)).sr) return { problem: 'the witness booking does not meet every constraint' };
  return { task };
}
