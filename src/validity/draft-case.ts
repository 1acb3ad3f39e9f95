import type { BookingTask } from '../core/schemas/task.js';
import type { SiteDefinition } from '../sites/engine/site-definition.js';
import type { World } from '../world/world.js';
import type { ValidityStep } from './schema.js';

/**
 * A starting point for a new validity case: a generated task's instruction and constraints, the
 * episode that books its target, and every other option of the search (with its facts and
 * choices) to build a near miss from. Labels are left for the author to write from the pages:
 * never prefilled from the evaluator, whose agreement is what the set measures.
 */
export type CaseDraft = {
  case: {
    id: string;
    site: string;
    about: string;
    instruction: string;
    constraints: BookingTask['constraints'];
    episode: ValidityStep[];
    labels: Record<string, { satisfied: null; why: string }>;
  };
  options: { listing: string; title: string; soldOut: boolean; facts: Record<string, unknown>; groups: Record<string, { choice: string; price: number; soldOut: boolean; facts: Record<string, unknown> }[]> }[];
};

export function draftCase(task: BookingTask, site: SiteDefinition, world: World): CaseDraft {
  const t = task.target;
  const episode: ValidityStep[] = [
    { do: 'search', params: t.params },
    { do: 'choose', listing: t.listingId, choices: t.choices, ...(t.multi ? { multi: t.multi } : {}), ...(t.quantities ? { quantities: t.quantities } : {}) },
    { do: 'details', travellers: t.travellers, contact: t.contact, extras: t.extras },
    { do: 'book' },
  ];
  const options = site.search(world, t.params).map((l) => {
    const d = site.detail(world, t.params, l.id);
    return {
      listing: l.id,
      title: l.title,
      soldOut: l.soldOut,
      facts: l.attrs,
      groups: Object.fromEntries((d?.optionGroups ?? []).map((g) => [g.id, g.choices.map((c) => ({ choice: c.id, price: c.price, soldOut: c.soldOut === true, facts: c.attrs }))])),
    };
  });
  return {
    case: {
      id: `${task.id}-near-miss`,
      site: task.site,
      about: 'describe the near miss',
      instruction: task.instruction,
      constraints: task.constraints,
      episode,
      labels: Object.fromEntries(task.constraints.map((c) => [c.id, { satisfied: null, why: '' }])),
    },
    options,
  };
}
