import type { Rng } from '../core/rng.js';
import { emptySiteState, NEW_BOOKING, type Booking, type PriceBreakdown, type SiteEpisodeState } from '../core/schemas/episode-state.js';
import type { Task } from '../core/schemas/task.js';
import { selectionAttrs } from '../sites/engine/flow.js';
import type { Choice, Listing, ListingDetail, SearchParams, SiteDefinition } from '../sites/engine/site-definition.js';
import type { World } from '../world/world.js';
import { GIVEN_NAMES, SURNAMES } from '../world/geography.js';
import type { Target } from '../sites/kit/task-catalogue.js';

/** A listing is bookable when it is not sold out and every option group has an available choice. */
export function bookableChoices(site: SiteDefinition, world: World, params: SearchParams, l: Listing, rng?: Rng) {
  if (l.soldOut) return undefined;
  const detail = site.detail(world, params, l.id);
  if (!detail || detail.listing.soldOut) return undefined;
  const choices: Choice[] = [];
  for (const g of detail.optionGroups) {
    const open = g.choices.filter((c) => !c.soldOut);
    if (open.length === 0) return undefined;
    choices.push(rng ? rng.pick(open) : open[0]!);
  }
  return { detail, choices };
}

/** People who book: deterministic names and matching contact details. */
export function makePeople(site: SiteDefinition, params: SearchParams, rng: Rng) {
  const n = site.travellerCount(params);
  const surname = rng.pick(SURNAMES);
  const travellers = Array.from({ length: n }, (_, i) => {
    const person: Record<string, string> = {};
    for (const f of site.travellerFields) {
      if (f.name === 'firstName') person[f.name] = rng.pick(GIVEN_NAMES);
      else if (f.name === 'lastName') person[f.name] = i === 0 || rng.chance(0.7) ? surname : rng.pick(SURNAMES);
      else person[f.name] = f.exampleFor?.(params, i + 1) ?? f.example;
    }
    return person;
  });
  const lead = travellers[0] ?? {};
  const contact: Record<string, string> = {};
  for (const f of site.contactFields) {
    if (f.kind === 'email') contact[f.name] = `${(lead.firstName ?? 'guest').toLowerCase()}.${(lead.lastName ?? 'booker').toLowerCase()}@example.com`.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    else if (f.kind === 'tel') contact[f.name] = `+351 91${rng.int(0, 9)} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
    else if (f.required) contact[f.name] = f.example;
  }
  return { travellers, contact };
}

/** Builds the target of a task: a bookable listing of the search, with choices and people. */
export function buildTarget(site: SiteDefinition, world: World, params: SearchParams, rng: Rng, listingId?: string): Target | undefined {
  const results = site.search(world, params);
  const pool = listingId ? results.filter((l) => l.id === listingId) : rng.shuffle(results);
  for (const listing of pool) {
    const ok = bookableChoices(site, world, params, listing, rng);
    if (!ok) continue;
    const { travellers, contact } = makePeople(site, params, rng);
    return {
      site,
      world,
      params,
      results,
      listing: ok.detail.listing,
      detail: ok.detail,
      choices: ok.choices,
      attrs: selectionAttrs(site, params, ok.detail, ok.choices),
      travellers,
      contact,
      extras: {},
    };
  }
  return undefined;
}

/** Another option as a target: its search, listing and choices, with the base target's people and add-ons. */
export function targetOf(site: SiteDefinition, world: World, params: SearchParams, results: Listing[], detail: ListingDetail, choices: Choice[], base: Pick<Target, 'travellers' | 'contact' | 'extras'>): Target {
  return {
    site,
    world,
    params,
    results,
    listing: detail.listing,
    detail,
    choices,
    attrs: selectionAttrs(site, params, detail, choices),
    travellers: base.travellers,
    contact: base.contact,
    extras: { ...base.extras },
  };
}

/**
 * The state a booking of the target would leave: what the evaluator would see after a
 * perfect episode. Used to prove a task feasible and in tests.
 */
export function bookedState(t: Target): SiteEpisodeState {
  const price: PriceBreakdown = t.site.price({ params: t.params, listing: t.listing, choices: t.choices, extras: t.extras });
  const extrasChosen = Object.entries(t.extras).filter(([, q]) => q > 0).map(([id]) => id);
  const options = t.detail.optionGroups.map((g, i) => ({ groupId: g.id, choiceId: t.choices[i]!.id, label: t.choices[i]!.label, attrs: t.choices[i]!.attrs }));
  const booking: Booking = {
    ...NEW_BOOKING,
    items: [],
    changes: [],
    reference: 'TASK-TARGET',
    siteId: t.site.id,
    listingId: t.listing.id,
    title: t.listing.title,
    options,
    travellers: t.travellers,
    contact: t.contact,
    extras: t.extras,
    price,
    attrs: {
      ...t.attrs,
      ...(t.site.bookingAttrs?.({ params: t.params, listing: t.listing, choices: t.choices, extras: t.extras }, t.travellers) ?? {}),
      extras: extrasChosen,
      travellerCount: t.travellers.length,
      totalPrice: price.total,
      currency: price.currency,
    },
    seq: 1,
  };
  return {
    ...emptySiteState(t.site.id),
    search: { params: t.params, filters: {}, sort: t.site.sorts[0]!.id, page: 1, resultCount: t.results.length, seq: 1 },
    viewedListingId: t.listing.id,
    selection: { listingId: t.listing.id, params: t.params, title: t.listing.title, options, attrs: { ...t.attrs, totalPrice: price.total }, seq: 1 },
    form: { fields: {}, errors: {}, accepted: true, travellers: t.travellers, contact: t.contact, extras: t.extras, seq: 1 },
    cart: price,
    bookings: [booking],
    requests: 1,
  };
}

/**
 * The target a task names, rebuilt from the inventory with exactly its recorded choices,
 * people and add-ons; or why it cannot be (the listing or a choice is gone or sold out).
 */
export function resolveTaskTarget(task: Task, site: SiteDefinition, world: World): { target: Target } | { problem: string } {
  const params = task.target.params;
  const detail = site.detail(world, params, task.target.listingId);
  if (!detail) return { problem: `listing ${task.target.listingId} does not exist for the task's search` };
  if (detail.listing.soldOut) return { problem: `listing ${task.target.listingId} is sold out` };
  const choices: Choice[] = [];
  for (const g of detail.optionGroups) {
    const c = g.choices.find((x) => x.id === task.target.choices[g.id]);
    if (!c) return { problem: `no choice "${task.target.choices[g.id]}" in option group "${g.id}"` };
    if (c.soldOut) return { problem: `choice "${c.id}" of "${g.id}" is sold out` };
    choices.push(c);
  }
  return {
    target: {
      site,
      world,
      params,
      results: site.search(world, params),
      listing: detail.listing,
      detail,
      choices,
      attrs: selectionAttrs(site, params, detail, choices),
      travellers: task.target.travellers,
      contact: task.target.contact,
      extras: task.target.extras,
    },
  };
}
