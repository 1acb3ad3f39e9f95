import type { Attrs, AttrValue } from '../core/schemas/episode-state.js';
import type { Constraint } from '../core/schemas/task.js';
import { checkConstraint } from '../evaluation/check-constraint.js';
import { evaluate } from '../evaluation/evaluate.js';
import { uniformFacts } from '../evaluation/facts.js';
import type { ChoicePick, ListingDetail, SearchParams, SiteDefinition } from '../sites/engine/site-definition.js';
import type { SuperlativeSpec, Target } from '../sites/kit/task-catalogue.js';
import { selectionAttrs } from '../sites/engine/flow.js';
import { bookedState, targetOf } from './target.js';

/** More ways to search than this and a superlative is not proven (the caller states more of the search). */
export const MAX_SEARCH_VARIANTS = 64;

/**
 * Every search the instruction allows: the target's own, with each search field that no
 * constraint pins and that is a way to search (a cabin, a room count, a departure-time filter,
 * an event category) varied over its values. Facts about the travellers (`userFact`) stay as
 * stated or at the form's default; dates and places stay as the target's (a constraint pins them,
 * or they are a means to a fact a constraint pins, like a searched date range).
 */
export function searchVariants(site: SiteDefinition, params: SearchParams, pinned: ReadonlySet<string>): SearchParams[] | undefined {
  let variants: SearchParams[] = [params];
  for (const f of site.searchFields) {
    if (pinned.has(f.name) || f.userFact) continue;
    let values: (string | number)[];
    if (f.kind === 'select' || f.kind === 'radio') values = f.options.map((o) => o.value);
    else if (f.kind === 'stepper') values = Array.from({ length: f.max - f.min + 1 }, (_, i) => f.min + i);
    else continue;
    variants = variants.flatMap((v) => values.map((x) => ({ ...v, [f.name]: x })));
    if (variants.length > MAX_SEARCH_VARIANTS) return undefined;
  }
  return variants.filter((v) => Object.keys(site.validateSearch?.(v) ?? {}).length === 0);
}

/** Search fields that vary in `searchVariants`, most values first (the ones to pin first). */
export function openSearchFields(site: SiteDefinition, pinned: ReadonlySet<string>): { name: string; values: number }[] {
  const out: { name: string; values: number }[] = [];
  for (const f of site.searchFields) {
    if (pinned.has(f.name) || f.userFact) continue;
    if (f.kind === 'select' || f.kind === 'radio') out.push({ name: f.name, values: f.options.length });
    else if (f.kind === 'stepper') out.push({ name: f.name, values: f.max - f.min + 1 });
  }
  return out.sort((a, b) => b.values - a.values);
}

/**
 * The ways to fill in a listing's option groups, one entry per group: each open choice of a
 * one-choice group; each open ticket type for the party of a quantities group; the first open
 * seats for a seat map (a seat's place is not something a superlative ranks). Empty when a group
 * cannot be filled.
 */
function choiceCombos(site: SiteDefinition, params: SearchParams, detail: ListingDetail): ChoicePick[][][] {
  const travellers = Math.max(1, site.travellerCount(params));
  let combos: ChoicePick[][][] = [[]];
  for (const g of detail.optionGroups) {
    const open = g.choices.filter((c) => !c.soldOut);
    let ways: ChoicePick[][];
    if (g.pick === 'per-traveller') ways = open.length >= travellers ? [open.slice(0, travellers).map((choice) => ({ groupId: g.id, choice, quantity: 1 }))] : [];
    else if (g.display === 'quantities') ways = open.map((choice) => [{ groupId: g.id, choice, quantity: Math.min(g.maxQuantity ?? 10, travellers) }]);
    else ways = open.map((choice) => [{ groupId: g.id, choice, quantity: 1 }]);
    combos = combos.flatMap((combo) => ways.map((w) => [...combo, w]));
  }
  return combos;
}

/** The id a group's picks go by in a winner: the choice, or the seats joined. */
const pickedId = (picks: readonly ChoicePick[]) => picks.map((p) => p.choice.id).join('+');

const better = (a: AttrValue, b: AttrValue, objective: 'min' | 'max') => (objective === 'min' ? a < b : a > b);

/** An option a superlative ranks: a listing, and the choices that set the ranked value. */
export type Winner = { listing: string; choices: Record<string, string> };

/**
 * The option groups whose choice changes the value of `field` on this listing (the fare for a
 * fare per adult, the section for a ticket price; none for a flight's duration): what a
 * superlative over the field ranks besides the listing.
 */
function valueGroups(groupIds: readonly string[], combos: readonly { byGroup: ChoicePick[][]; value: AttrValue | undefined }[]): Set<number> {
  const out = new Set<number>();
  groupIds.forEach((_, gi) => {
    const byRest = new Map<string, Set<string>>();
    for (const c of combos) {
      const rest = c.byGroup.map((x, i) => (i === gi ? '*' : pickedId(x))).join('|');
      const seen = byRest.get(rest) ?? new Set<string>();
      seen.add(JSON.stringify(c.value));
      byRest.set(rest, seen);
    }
    if ([...byRest.values()].some((v) => v.size > 1)) out.add(gi);
  });
  return out;
}

export type BestOption = {
  /** The best value of the spec's field among bookable options that meet every scope constraint. */
  best: number | string;
  /** Every option reaching it (a listing and the choices that set the value), over every allowed search. */
  winners: Winner[];
  /** A booking of the target's own search that reaches it (the target itself when it does). */
  witness: Target;
};

/**
 * The best value a superlative may ask for, proven over every search the instruction allows
 * and every bookable option of each (listing and a choice per option group) that meets every
 * constraint of `scope` and offers every add-on the task wants; undefined when the target's own
 * search cannot reach that best (a better option hides behind another search: a reader who
 * searches as asked would not see it) or nothing qualifies. Ties are fine: every option that
 * reaches the best is a winner.
 */
export function bestOption(target: Target, scope: readonly Constraint[], wantedAddons: readonly string[], spec: SuperlativeSpec): BestOption | undefined {
  const { site, world } = target;
  const pinned = new Set(scope.filter((c) => 'field' in c && c.stage === 'search').map((c) => (c as { field: string }).field));
  const variants = searchVariants(site, target.params, pinned);
  if (!variants) return undefined;
  const task = { id: 'scope', site: site.id, constraints: [...scope] };
  const listingChecks = scope.filter((c): c is Extract<Constraint, { field: string }> => c.kind !== 'superlative' && 'field' in c && c.kind !== 'details' && c.kind !== 'addon');
  type Scored = { params: SearchParams; isOwn: boolean; listing: string; groups: string[]; byGroup: ChoicePick[][]; value: number | string; fits: boolean; target: () => Target; key: string };
  const scored: Scored[] = [];
  const own = JSON.stringify(target.params);
  for (const params of variants) {
    const isOwn = JSON.stringify(params) === own;
    const results = site.search(world, params);
    for (const listing of results) {
      if (listing.soldOut) continue;
      const detail = site.detail(world, params, listing.id);
      if (!detail || detail.listing.soldOut) continue;
      const groups = detail.optionGroups.map((g) => g.id);
      // A listing whose own facts already break the request is not an option whatever is chosen
      // on its page: skip its choices (the facts its choices can set are left to the full check).
      const base: Attrs = { ...params, ...detail.listing.attrs };
      const settable = new Set(detail.optionGroups.flatMap((g) => g.choices.flatMap((c) => Object.keys(c.attrs))));
      if (listingChecks.some((c) => c.field in base && !settable.has(c.field) && !checkConstraint(c, uniformFacts(base)).satisfied)) continue;
      const mine: Scored[] = [];
      for (const byGroup of choiceCombos(site, params, detail)) {
        const picks = byGroup.flat();
        const choices = picks.map((p) => p.choice);
        const make = () => targetOf(site, world, params, results, detail, picks, target);
        // The selection's facts answer most checks; a booking (priced, with its booking facts)
        // is built only when a checked fact exists only on bookings (a total paid).
        const attrs = selectionAttrs(site, params, detail, choices, picks);
        const needsBooking = !(spec.field in attrs) || listingChecks.some((c) => !(c.field in attrs));
        const state = needsBooking ? bookedState(make()) : undefined;
        const value = state ? state.bookings[0]!.attrs[spec.field] : attrs[spec.field];
        if (typeof value !== 'number' && typeof value !== 'string') continue;
        const offered = new Set(site.extras({ params, listing: detail.listing, choices, picks }).map((x) => x.id));
        const facts = uniformFacts(attrs);
        const fits = wantedAddons.every((id) => offered.has(id)) && (state ? evaluate(task, state).sr : listingChecks.every((c) => checkConstraint(c, facts).satisfied));
        mine.push({ params, isOwn, listing: listing.id, groups, byGroup, value, fits, target: make, key: '' });
      }
      const setters = valueGroups(groups, mine);
      for (const m of mine) m.key = JSON.stringify({ listing: m.listing, choices: Object.fromEntries(m.byGroup.flatMap((c, i) => (setters.has(i) ? [[groups[i]!, pickedId(c)]] : []))) });
      scored.push(...mine);
    }
  }
  const fitting = scored.filter((s) => s.fits);
  if (fitting.length === 0) return undefined;
  const best = fitting.reduce((b, s) => (better(s.value, b, spec.objective) ? s.value : b), fitting[0]!.value);
  const reaching = fitting.filter((s) => s.value === best);
  const ownReaching = reaching.filter((s) => s.isOwn);
  if (ownReaching.length === 0) return undefined;
  const isTarget = (s: Scored) => s.listing === target.listing.id && s.byGroup.every((c, i) => pickedId(c) === pickedId(target.picks.filter((p) => p.groupId === s.groups[i])));
  const witness = ownReaching.some(isTarget) ? target : ownReaching[0]!.target();
  const winners = [...new Set(reaching.map((s) => s.key))].sort().map((k) => JSON.parse(k) as Winner);
  return { best, winners, witness };
}
