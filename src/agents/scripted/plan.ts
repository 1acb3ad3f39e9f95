import { manageRequestOf } from '../../tasks/manage-task.js';
import { addDays, inHorizon } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { Person } from '../../core/schemas/episode-state.js';
import type { BookingTask } from '../../core/schemas/task.js';
import { applySort } from '../../sites/engine/results.js';
import type { Listing, SearchParams, SiteDefinition } from '../../sites/engine/site-definition.js';
import { recordPicks } from '../../tasks/picks.js';
import { bookableChoices, roundsOf } from '../../tasks/target.js';
import type { World } from '../../world/world.js';

/** One option the teacher means to choose: under a search, a listing and its picks. */
export type PlanLeg = {
  params: SearchParams;
  listingId: string;
  /** groupId -> choiceId, for groups of one choice */
  choices: Record<string, string>;
  /** groupId -> seats, for seat maps */
  multi?: Record<string, string[]>;
  /** groupId -> choiceId -> how many, for ticket types */
  quantities?: Record<string, Record<string, number>>;
};

/** What the teacher means to do with a booking the user already has. */
export type ManagePlan = {
  reference: string;
  action: 'cancel' | 'dates' | 'travellers';
  /** The new values of the date fields, for a date change. */
  dates?: Record<string, string>;
  /** The new travellers, for a change of names. */
  travellers?: Person[];
};

/** What the teacher means to do in an episode: the values it types and the options it picks. */
export type Plan = PlanLeg & {
  /** The booking's further parts, by slot (a return leg, a package's hotel). */
  items: (PlanLeg & { slot: string })[];
  account?: BookingTask['target']['account'];
  card?: BookingTask['target']['card'];
  /** A task about an existing booking: what to change on it (nothing is booked). */
  manage?: ManagePlan;
  travellers: Person[];
  contact: Record<string, string>;
  extras: Record<string, number>;
  /** Stop without booking (or without changing the booking), at this page. */
  stopAt?: 'details' | 'review' | 'manage';
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

/** What a manage task asks (`tasks/manage-task.ts`). */
export function managePlanOf(task: BookingTask, site: SiteDefinition): ManagePlan | undefined {
  return manageRequestOf(task, site);
}

/** The leg a target records, copied. */
function legOf(t: PlanLeg): PlanLeg {
  return {
    params: { ...t.params },
    listingId: t.listingId,
    choices: { ...t.choices },
    ...(t.multi ? { multi: structuredClone(t.multi) } : {}),
    ...(t.quantities ? { quantities: structuredClone(t.quantities) } : {}),
  };
}

/**
 * The picks for another listing of a search: the wanted ones where that listing has them open
 * (the same fare, the same seats), else its first open ones. Undefined when it is not bookable.
 */
function legFor(site: SiteDefinition, world: World, params: SearchParams, listing: Listing, want: PlanLeg, rng: Rng): PlanLeg | undefined {
  const ok = bookableChoices(site, world, params, listing, rng);
  if (!ok) return undefined;
  const rec = recordPicks(ok.detail, ok.picks);
  const open = (gid: string, id: string) => ok.detail.optionGroups.find((g) => g.id === gid)?.choices.some((c) => c.id === id && !c.soldOut) ?? false;
  for (const gid of Object.keys(rec.choices)) if (want.choices[gid] && open(gid, want.choices[gid]!)) rec.choices[gid] = want.choices[gid]!;
  for (const gid of Object.keys(rec.multi ?? {})) {
    const seats = want.multi?.[gid];
    if (seats && seats.length === rec.multi![gid]!.length && seats.every((id) => open(gid, id))) rec.multi![gid] = [...seats];
  }
  for (const gid of Object.keys(rec.quantities ?? {})) {
    const q = want.quantities?.[gid];
    if (q && Object.keys(q).every((id) => open(gid, id))) rec.quantities![gid] = { ...q };
  }
  return { params, listingId: listing.id, ...rec };
}

export function makePlan(task: BookingTask, site: SiteDefinition, world: World, noise: number, episodeSeed: number): Plan {
  const rng = new Rng(`teacher/${task.id}/${episodeSeed}`);
  const t = task.target;
  const manage = managePlanOf(task, site);
  const plan: Plan = {
    ...legOf(t),
    items: (t.items ?? []).map((it) => ({ slot: it.slot, ...legOf(it) })),
    ...(t.account ? { account: { ...t.account } } : {}),
    ...(t.card ? { card: { ...t.card } } : {}),
    ...(manage ? { manage } : {}),
    travellers: t.travellers.map((p) => ({ ...p })),
    contact: { ...t.contact },
    extras: { ...t.extras },
    errors: [],
  };
  // A task about an existing booking is done on "My bookings": the booking errors do not apply.
  if (manage) {
    if (noise > 0 && rng.chance(Math.min(1, noise * ERROR_WEIGHTS.stopEarly))) {
      plan.stopAt = 'manage';
      plan.errors.push('stopped on the booking page without changing it');
    }
    return plan;
  }
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
      Object.assign(plan, { multi: undefined, quantities: undefined }, legFor(site, world, plan.params, listing, t, rng)!);
      if (!plan.multi) delete plan.multi;
      if (!plan.quantities) delete plan.quantities;
      // The further parts follow the search actually made (a return leg a day later).
      plan.items = roundsOf(site, plan.params).flatMap((round) => {
        const p = round.params(plan.params, plan.listingId);
        const want = plan.items.find((x) => x.slot === round.slot);
        const pool = bookable(site, world, p);
        const same = want && JSON.stringify(want.params) === JSON.stringify(p) ? pool.find((l) => l.id === want.listingId) : undefined;
        for (const l of same ? [same, ...pool] : pool) {
          const leg = legFor(site, world, p, l, want ?? { params: p, listingId: l.id, choices: {} }, rng);
          if (leg) return [{ slot: round.slot, ...leg }];
        }
        return [];
      });
      // Further cart items (`item2`) are other listings of the same search: they stay as planned.
      plan.items.push(...(t.items ?? []).filter((it) => /^item\d+$/.test(it.slot) && it.listingId !== plan.listingId).map((it) => ({ slot: it.slot, ...legOf(it) })));
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
