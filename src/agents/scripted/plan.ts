import { addDays, inHorizon } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { Person } from '../../core/schemas/episode-state.js';
import type { Task } from '../../core/schemas/task.js';
import { applySort } from '../../sites/engine/results.js';
import type { Listing, SearchParams, SiteDefinition } from '../../sites/engine/site-definition.js';
import { bookableChoices } from '../../tasks/target.js';
import type { World } from '../../world/world.js';

/** What the teacher means to do in an episode: the values it types and the options it picks. */
export type Plan = {
  params: SearchParams;
  listingId: string;
  /** groupId -> choiceId */
  choices: Record<string, string>;
  travellers: Person[];
  contact: Record<string, string>;
  extras: Record<string, number>;
  /** Stop without booking, at this page. */
  stopAt?: 'details' | 'review';
  /** Click one wrong element on this step, then go back. */
  wrongClickAtStep?: number;
  /** The errors injected, in words: recorded with the trajectory. */
  errors: string[];
};

/**
 * The documented error model. With noise X each error kind happens independently with
 * probability min(1, X * weight): X = 0 solves every feasible task, the default X = 0.5 leaves
 * about half of the episodes partially successful (the regime the method is about), X = 1
 * makes about three mistakes an episode.
 */
export const ERROR_WEIGHTS = {
  /** Type a wrong value for one constraint (a count off by one, a typo in a name, a wrong class). */
  misread: 0.6,
  /** Ignore one refinement: book another listing of the search. */
  skipFilter: 0.5,
  /** Search one day off the asked date. */
  neighbouringDate: 0.4,
  /** For "cheapest"-style tasks take the runner-up; otherwise a near option. */
  nearBest: 0.5,
  /** Stop before submitting the booking. */
  stopEarly: 0.4,
  /** Click a wrong element once and recover with go_back (costs steps, not constraints). */
  wrongClick: 0.8,
} as const;

export const DEFAULT_NOISE = 0.5;

function typo(s: string): string {
  if (s.length < 3) return `${s}x`;
  return `${s.slice(0, 1)}${s[2]}${s[1]}${s.slice(3)}`;
}

function bookable(site: SiteDefinition, world: World, params: SearchParams): Listing[] {
  return applySort(site.search(world, params), site.sorts[0]!).filter((l) => bookableChoices(site, world, params, l));
}

export function makePlan(task: Task, site: SiteDefinition, world: World, noise: number, episodeSeed: number): Plan {
  const rng = new Rng(`teacher/${task.id}/${episodeSeed}`);
  const t = task.target;
  const plan: Plan = {
    params: { ...t.params },
    listingId: t.listingId,
    choices: { ...t.choices },
    travellers: t.travellers.map((p) => ({ ...p })),
    contact: { ...t.contact },
    extras: { ...t.extras },
    errors: [],
  };
  const happens = (w: number) => noise > 0 && rng.chance(Math.min(1, noise * w));
  let relist = false;

  if (happens(ERROR_WEIGHTS.neighbouringDate)) {
    const dateField = site.searchFields.find((f) => f.kind === 'date' && typeof plan.params[f.name] === 'string');
    if (dateField) {
      const d = String(plan.params[dateField.name]);
      const shifted = addDays(d, rng.chance(0.5) ? 1 : -1);
      if (inHorizon(shifted) && shifted > '2026-06-01') {
        // Shift every date field together so ranges stay valid.
        for (const f of site.searchFields) if (f.kind === 'date' && typeof plan.params[f.name] === 'string') plan.params[f.name] = addDays(String(plan.params[f.name]), shifted > d ? 1 : -1);
        plan.errors.push(`searched ${shifted} instead of ${d}`);
        relist = true;
      }
    }
  }
  if (happens(ERROR_WEIGHTS.misread)) {
    const options: (() => string | undefined)[] = [
      () => {
        const c = task.constraints.find((x) => x.kind === 'count');
        if (!c || c.kind !== 'count') return undefined;
        const f = site.searchFields.find((x) => x.name === c.field);
        if (!f || f.kind !== 'stepper' || c.value + 1 > f.max) return undefined;
        plan.params[c.field] = c.value + 1;
        relist = true;
        return `read ${c.field} as ${c.value + 1} instead of ${c.value}`;
      },
      () => {
        const lead = plan.travellers[0];
        if (!lead?.lastName) return undefined;
        lead.lastName = typo(lead.lastName);
        return `typed the surname as ${lead.lastName}`;
      },
      () => {
        const c = task.constraints.find((x) => x.kind === 'exact' && x.stage === 'search' && site.searchFields.some((f) => f.name === x.field && (f.kind === 'select' || f.kind === 'radio')));
        if (!c || c.kind !== 'exact') return undefined;
        const f = site.searchFields.find((x) => x.name === c.field)!;
        if (f.kind !== 'select' && f.kind !== 'radio') return undefined;
        const other = f.options.find((o) => o.value !== String(c.value));
        if (!other) return undefined;
        plan.params[c.field] = other.value;
        relist = true;
        return `chose ${other.label} for ${f.label.toLowerCase()}`;
      },
    ];
    for (const o of rng.shuffle(options)) {
      const what = o();
      if (what) {
        plan.errors.push(what);
        break;
      }
    }
  }
  const superlative = task.constraints.find((c) => c.kind === 'superlative');
  if (happens(superlative ? ERROR_WEIGHTS.nearBest : ERROR_WEIGHTS.skipFilter)) {
    const pool = bookable(site, world, plan.params).filter((l) => l.id !== plan.listingId);
    let pick: Listing | undefined;
    if (superlative && superlative.kind === 'superlative') {
      // The listing's own value of the field, or its listed price when the field is what a choice costs (a fare per adult).
      const v = (l: Listing) => (l.attrs[superlative.field] ?? l.price) as number | string;
      pick = pool.sort((a, b) => (v(a) < v(b) ? -1 : v(a) > v(b) ? 1 : 0) * (superlative.objective === 'min' ? 1 : -1))[0];
    } else {
      pick = pool.length ? rng.pick(pool) : undefined;
    }
    if (pick) {
      plan.errors.push(superlative ? `took the runner-up ${pick.title}` : `ignored a preference and took ${pick.title}`);
      plan.listingId = pick.id;
      relist = true;
    }
  }
  if (relist) {
    const results = bookable(site, world, plan.params);
    const listing = results.find((l) => l.id === plan.listingId) ?? results[0];
    if (listing) {
      plan.listingId = listing.id;
      const ok = bookableChoices(site, world, plan.params, listing, rng)!;
      plan.choices = Object.fromEntries(ok.detail.optionGroups.map((g, i) => [g.id, (g.choices.find((c) => c.id === t.choices[g.id] && !c.soldOut) ?? ok.choices[i]!).id]));
      // Travellers follow the party actually searched for.
      const n = site.travellerCount(plan.params);
      while (plan.travellers.length < n) plan.travellers.push({ ...plan.travellers[plan.travellers.length - 1]! });
      plan.travellers.length = n;
    }
  }
  if (happens(ERROR_WEIGHTS.stopEarly)) {
    plan.stopAt = rng.chance(0.5) ? 'review' : 'details';
    plan.errors.push(`stopped at the ${plan.stopAt} page without booking`);
  }
  if (happens(ERROR_WEIGHTS.wrongClick)) {
    plan.wrongClickAtStep = rng.int(1, 6);
    plan.errors.push(`clicked a wrong element at step ${plan.wrongClickAtStep} and went back`);
  }
  return plan;
}
