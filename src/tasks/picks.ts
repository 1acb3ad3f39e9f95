import type { Rng } from '../core/rng.js';
import type { ChosenOption } from '../core/schemas/episode-state.js';
import type { TaskTarget } from '../core/schemas/task.js';
import type { Choice, ListingDetail, ChoicePick, SearchParams, SiteDefinition } from '../sites/engine/site-definition.js';

/** The serialized choices of a target or item: one id per group, several for a seat map, quantities for ticket types. */
export type PicksRecord = Pick<TaskTarget, 'choices' | 'multi' | 'quantities'>;
type Pick<T, K extends keyof T> = { [P in K]: T[P] };

/**
 * Bookable picks of a listing for a search: one open choice per group (random with `rng`, else
 * the first), one open seat per traveller for a seat map, and for ticket types one of the first
 * open type per traveller. Undefined when a group has nothing open enough.
 */
export function defaultPicks(site: SiteDefinition, params: SearchParams, detail: ListingDetail, rng?: Rng): ChoicePick[] | undefined {
  const picks: ChoicePick[] = [];
  const travellers = site.travellerCount(params);
  for (const g of detail.optionGroups) {
    const open = g.choices.filter((c) => !c.soldOut);
    if (open.length === 0) return undefined;
    if (g.pick === 'per-traveller') {
      if (open.length < travellers) return undefined;
      const seats = (rng && rng.chance(0.7) ? sideBySide(g.choices, travellers, rng) : undefined) ?? (rng ? rng.sample(open, travellers) : open.slice(0, travellers));
      for (const c of seats) picks.push({ groupId: g.id, choice: c, quantity: 1 });
    } else if (g.display === 'quantities') {
      const c = rng ? rng.pick(open) : open[0]!;
      picks.push({ groupId: g.id, choice: c, quantity: Math.min(g.maxQuantity ?? 10, Math.max(1, travellers)) });
    } else {
      picks.push({ groupId: g.id, choice: rng ? rng.pick(open) : open[0]!, quantity: 1 });
    }
  }
  return picks;
}

/**
 * Open seats next to each other in one row (consecutive in the map's order), as people booking
 * together usually choose them: a random such run, or undefined when no row has one.
 */
function sideBySide(choices: readonly Choice[], n: number, rng: Rng): Choice[] | undefined {
  const runs: Choice[][] = [];
  for (let i = 0; i + n <= choices.length; i++) {
    const run = choices.slice(i, i + n);
    if (run.every((c) => !c.soldOut && c.attrs.row === run[0]!.attrs.row)) runs.push(run);
  }
  return runs.length ? rng.pick(runs) : undefined;
}

/** Picks as a target records them. */
export function recordPicks(detail: ListingDetail, picks: readonly ChoicePick[]): PicksRecord {
  const choices: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  const quantities: Record<string, Record<string, number>> = {};
  for (const p of picks) {
    const g = detail.optionGroups.find((x) => x.id === p.groupId)!;
    if (g.pick === 'per-traveller') (multi[g.id] ??= []).push(p.choice.id);
    else if (g.display === 'quantities') (quantities[g.id] ??= {})[p.choice.id] = p.quantity;
    else choices[g.id] = p.choice.id;
  }
  return { choices, ...(Object.keys(multi).length ? { multi } : {}), ...(Object.keys(quantities).length ? { quantities } : {}) };
}

/** The picks a target records, resolved against the listing's groups, or why they cannot be. */
export function resolvePicks(detail: ListingDetail, r: PicksRecord): { picks: ChoicePick[] } | { problem: string } {
  const picks: ChoicePick[] = [];
  for (const g of detail.optionGroups) {
    if (g.pick === 'per-traveller') {
      for (const id of r.multi?.[g.id] ?? []) {
        const c = g.choices.find((x) => x.id === id);
        if (!c) return { problem: `no choice "${id}" in option group "${g.id}"` };
        if (c.soldOut) return { problem: `choice "${id}" of "${g.id}" is sold out` };
        picks.push({ groupId: g.id, choice: c, quantity: 1 });
      }
      if (!r.multi?.[g.id]?.length) return { problem: `no choices for "${g.id}"` };
    } else if (g.display === 'quantities') {
      const q = r.quantities?.[g.id] ?? {};
      for (const [id, n] of Object.entries(q)) {
        const c = g.choices.find((x) => x.id === id);
        if (!c) return { problem: `no choice "${id}" in option group "${g.id}"` };
        if (c.soldOut) return { problem: `choice "${id}" of "${g.id}" is sold out` };
        picks.push({ groupId: g.id, choice: c, quantity: n });
      }
      if (Object.keys(q).length === 0) return { problem: `no quantities for "${g.id}"` };
    } else {
      const c = g.choices.find((x) => x.id === r.choices[g.id]);
      if (!c) return { problem: `no choice "${r.choices[g.id]}" in option group "${g.id}"` };
      if (c.soldOut) return { problem: `choice "${c.id}" of "${g.id}" is sold out` };
      picks.push({ groupId: g.id, choice: c, quantity: 1 });
    }
  }
  return { picks };
}

/** The chosen options a booking of these picks records. */
export function optionsOf(detail: ListingDetail, picks: readonly ChoicePick[]): ChosenOption[] {
  return picks.map((p) => ({
    groupId: p.groupId,
    choiceId: p.choice.id,
    label: p.choice.label,
    attrs: p.choice.attrs,
    ...(detail.optionGroups.find((g) => g.id === p.groupId)?.display === 'quantities' ? { quantity: p.quantity } : {}),
  }));
}
