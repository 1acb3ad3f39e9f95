import type { Rng } from '../core/rng.js';
import { emptySiteState, NEW_BOOKING, withItems, type Booking, type PriceBreakdown, type SiteEpisodeState } from '../core/schemas/episode-state.js';
import type { BookingTask } from '../core/schemas/task.js';
import { selectionAttrs } from '../sites/engine/flow.js';
import type { Listing, ListingDetail, ChoicePick, SearchParams, SiteDefinition } from '../sites/engine/site-definition.js';
import type { Target, TargetPart } from '../sites/kit/task-catalogue.js';
import type { World } from '../world/world.js';
import { GIVEN_NAMES, SURNAMES } from '../world/geography.js';
import { defaultPicks, optionsOf, recordPicks, resolvePicks } from './picks.js';

/** A listing is bookable when it is not sold out and every option group has enough open choices. */
export function bookableChoices(site: SiteDefinition, world: World, params: SearchParams, l: Listing, rng?: Rng) {
  if (l.soldOut) return undefined;
  const detail = site.detail(world, params, l.id);
  if (!detail || detail.listing.soldOut) return undefined;
  const picks = defaultPicks(site, params, detail, rng);
  if (!picks) return undefined;
  return { detail, choices: picks.map((p) => p.choice), picks };
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

/** The further rounds of choosing a site's flow has for this search (a return leg for a return trip). */
export function roundsOf(site: SiteDefinition, params: SearchParams) {
  return (site.flow ?? []).flatMap((s) => (s.meta?.round && (s.meta.round.when?.(params) ?? true) ? [s.meta.round] : []));
}

/** How the booker gets past an account wall and pays, when the site's flow has them (test card the sites' bank accepts). */
function accessOf(site: SiteDefinition, travellers: Record<string, string>[], contact: Record<string, string>, rng: Rng): Pick<Target, 'account' | 'card'> {
  const flow = site.flow ?? [];
  const lead = travellers[0] ?? {};
  const name = `${lead.firstName ?? 'Alex'} ${lead.lastName ?? 'Guest'}`;
  const out: Pick<Target, 'account' | 'card'> = {};
  const wall = flow.find((s) => s.meta?.account)?.meta?.account;
  if (wall) {
    const email = contact.email ?? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
    out.account = { mode: wall.guest && rng.chance(0.5) ? 'guest' : 'register', name, email, password: `Trip${rng.int(1000, 9999)}go` };
  }
  if (flow.some((s) => s.meta?.payment)) {
    out.card = { number: rng.pick(['4242 4242 4242 4242', '5555 5555 5555 4444']), name, expiry: `${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(27, 30)}`, cvc: String(rng.int(100, 999)), postcode: `${rng.int(1000, 9999)}-${rng.int(100, 999)}` };
  }
  return out;
}

/** One bookable part for each further round of the flow, or undefined when a round has none. */
function partsOf(site: SiteDefinition, world: World, params: SearchParams, mainId: string, rng: Rng): TargetPart[] | undefined {
  const parts: TargetPart[] = [];
  for (const round of roundsOf(site, params)) {
    const p = round.params(params, mainId);
    let part: TargetPart | undefined;
    for (const l of rng.shuffle(site.search(world, p))) {
      const ok = bookableChoices(site, world, p, l, rng);
      if (!ok) continue;
      part = { slot: round.slot, params: p, listing: ok.detail.listing, detail: ok.detail, picks: ok.picks, attrs: selectionAttrs(site, p, ok.detail, ok.choices, ok.picks) };
      break;
    }
    if (!part) return undefined;
    parts.push(part);
  }
  return parts;
}

/** Half the time on a site with a cart, one more item: another bookable listing of the same search, as the cart names it (`item2`). */
function cartPartsOf(site: SiteDefinition, world: World, params: SearchParams, mainId: string, rng: Rng): TargetPart[] {
  if (!(site.flow ?? []).some((s) => s.meta?.cart) || !rng.chance(0.5)) return [];
  for (const l of rng.shuffle(site.search(world, params))) {
    if (l.id === mainId) continue;
    const ok = bookableChoices(site, world, params, l, rng);
    if (ok) return [{ slot: 'item2', params, listing: ok.detail.listing, detail: ok.detail, picks: ok.picks, attrs: selectionAttrs(site, params, ok.detail, ok.choices, ok.picks) }];
  }
  return [];
}

/** Builds the target of a task: a bookable listing of the search, with choices, the other parts of the booking, and people. */
export function buildTarget(site: SiteDefinition, world: World, params: SearchParams, rng: Rng, listingId?: string): Target | undefined {
  const results = site.search(world, params);
  const pool = listingId ? results.filter((l) => l.id === listingId) : rng.shuffle(results);
  for (const listing of pool) {
    const ok = bookableChoices(site, world, params, listing, rng);
    if (!ok) continue;
    const rounds = partsOf(site, world, params, listing.id, rng.fork('parts'));
    if (!rounds) return undefined;
    const items = [...rounds, ...cartPartsOf(site, world, params, listing.id, rng.fork('cart'))];
    const { travellers, contact } = makePeople(site, params, rng);
    return {
      site,
      world,
      params,
      results,
      listing: ok.detail.listing,
      detail: ok.detail,
      choices: ok.choices,
      picks: ok.picks,
      attrs: selectionAttrs(site, params, ok.detail, ok.choices, ok.picks),
      travellers,
      contact,
      extras: {},
      items,
      ...accessOf(site, travellers, contact, rng.fork('access')),
    };
  }
  return undefined;
}

/** Another option as a target: its search, listing and picks, with the base target's people, parts, add-ons and access. */
export function targetOf(site: SiteDefinition, world: World, params: SearchParams, results: Listing[], detail: ListingDetail, picks: ChoicePick[], base: Pick<Target, 'travellers' | 'contact' | 'extras' | 'items' | 'account' | 'card'>): Target {
  const choices = picks.map((p) => p.choice);
  return {
    site,
    world,
    params,
    results,
    listing: detail.listing,
    detail,
    choices,
    picks,
    attrs: selectionAttrs(site, params, detail, choices, picks),
    travellers: base.travellers,
    contact: base.contact,
    extras: { ...base.extras },
    items: itemsFor(site, world, params, detail.listing.id, base.items),
    ...(base.account ? { account: base.account } : {}),
    ...(base.card ? { card: base.card } : {}),
  };
}

/**
 * The further parts of a booking for another main choice (a superlative's winner): each round's
 * part stays when its search is unchanged; a round that depends on the main listing (a cruise's
 * excursions) takes the same-named option of the new search when it has one, else its first
 * bookable one. Cart items stay as they are.
 */
function itemsFor(site: SiteDefinition, world: World, params: SearchParams, mainId: string, items: TargetPart[]): TargetPart[] {
  const rounds = roundsOf(site, params);
  const out: TargetPart[] = [];
  for (const it of items) {
    const round = rounds.find((r) => r.slot === it.slot);
    const p = round?.params(params, mainId);
    if (!round || !p || JSON.stringify(p) === JSON.stringify(it.params)) {
      out.push(it);
      continue;
    }
    const pool = site.search(world, p);
    const ordered = [...pool.filter((l) => l.title === it.listing.title), ...pool.filter((l) => l.title !== it.listing.title)];
    let part: TargetPart | undefined;
    for (const l of ordered) {
      const ok = bookableChoices(site, world, p, l);
      if (ok) {
        part = { slot: it.slot, params: p, listing: ok.detail.listing, detail: ok.detail, picks: ok.picks, attrs: selectionAttrs(site, p, ok.detail, ok.choices, ok.picks) };
        break;
      }
    }
    out.push(part ?? it);
  }
  return out;
}

/** The price of the whole booking: the main option with its add-ons, then each other part. */
function priceOf(t: Target): PriceBreakdown {
  const first = t.site.price({ params: t.params, listing: t.listing, choices: t.choices, picks: t.picks, extras: t.extras });
  if (t.items.length === 0) return first;
  let total = first.total;
  const lines = first.lines.map((l) => ({ label: `${t.listing.title}: ${l.label}`, amount: l.amount }));
  for (const it of t.items) {
    const p = t.site.price({ params: it.params, listing: it.listing, choices: it.picks.map((x) => x.choice), picks: it.picks, extras: {} });
    for (const l of p.lines) lines.push({ label: `${it.listing.title}: ${l.label}`, amount: l.amount });
    total += p.total;
  }
  return { currency: first.currency, lines, total: Math.round(total * 100) / 100 };
}

/**
 * The state a booking of the target would leave: what the evaluator would see after a
 * perfect episode. Used to prove a task feasible and in tests.
 */
export function bookedState(t: Target): SiteEpisodeState {
  const price = priceOf(t);
  const extrasChosen = Object.entries(t.extras).filter(([, q]) => q > 0).map(([id]) => id);
  const options = optionsOf(t.detail, t.picks);
  const items = t.items.map((it) => ({ slot: it.slot, listingId: it.listing.id, title: it.listing.title, options: optionsOf(it.detail, it.picks), attrs: it.attrs }));
  const account = t.account ? (t.account.mode === 'guest' ? null : t.account.email) : undefined;
  const payment = t.card ? { last4: t.card.number.replace(/\D/g, '').slice(-4), amount: price.total } : null;
  const booking: Booking = {
    ...NEW_BOOKING,
    items,
    changes: [],
    account: account ?? null,
    payment,
    reference: 'TASK-TARGET',
    siteId: t.site.id,
    listingId: t.listing.id,
    title: t.listing.title,
    options,
    travellers: t.travellers,
    contact: t.contact,
    extras: t.extras,
    price,
    attrs: withItems(
      {
        ...t.attrs,
        ...(t.site.bookingAttrs?.({ params: t.params, listing: t.listing, choices: t.choices, picks: t.picks, extras: t.extras }, t.travellers) ?? {}),
        extras: extrasChosen,
        travellerCount: t.travellers.length,
        totalPrice: price.total,
        currency: price.currency,
        status: 'confirmed',
        ...(items.length ? { itemCount: items.length + 1 } : {}),
        ...(account !== undefined ? { bookedAs: account ?? 'guest' } : {}),
        ...(payment ? { cardLast4: payment.last4 } : {}),
      },
      items,
    ),
    seq: 1,
  };
  return {
    ...emptySiteState(t.site.id),
    search: { params: t.params, filters: {}, sort: t.site.sorts[0]!.id, page: 1, resultCount: t.results.length, seq: 1 },
    viewedListingId: t.listing.id,
    selection: { listingId: t.listing.id, params: t.params, title: t.listing.title, options, attrs: { ...t.attrs, totalPrice: price.total }, seq: 1 },
    extraItems: t.items.map((it) => ({ slot: it.slot, listingId: it.listing.id, params: it.params, title: it.listing.title, options: optionsOf(it.detail, it.picks), attrs: it.attrs, seq: 1 })),
    form: { fields: {}, errors: {}, accepted: true, travellers: t.travellers, contact: t.contact, extras: t.extras, seq: 1 },
    cart: price,
    bookings: [booking],
    requests: 1,
  };
}

/** A target as a task records it. */
export function recordTarget(t: Target): BookingTask['target'] {
  return {
    params: t.params,
    listingId: t.listing.id,
    ...recordPicks(t.detail, t.picks),
    attrs: t.attrs,
    travellers: t.travellers,
    contact: t.contact,
    extras: t.extras,
    ...(t.items.length ? { items: t.items.map((it) => ({ slot: it.slot, params: it.params, listingId: it.listing.id, ...recordPicks(it.detail, it.picks), attrs: it.attrs })) } : {}),
    ...(t.account ? { account: t.account } : {}),
    ...(t.card ? { card: t.card } : {}),
  };
}

/**
 * The target a task names, rebuilt from the inventory with exactly its recorded choices,
 * parts, people and add-ons; or why it cannot be (the listing or a choice is gone or sold out).
 */
export function resolveTaskTarget(task: BookingTask, site: SiteDefinition, world: World): { target: Target } | { problem: string } {
  const params = task.target.params;
  const detail = site.detail(world, params, task.target.listingId);
  if (!detail) return { problem: `listing ${task.target.listingId} does not exist for the task's search` };
  if (detail.listing.soldOut) return { problem: `listing ${task.target.listingId} is sold out` };
  const resolved = resolvePicks(detail, task.target);
  if ('problem' in resolved) return resolved;
  const items: TargetPart[] = [];
  for (const it of task.target.items ?? []) {
    const d = site.detail(world, it.params, it.listingId);
    if (!d || d.listing.soldOut) return { problem: `the ${it.slot} part's listing ${it.listingId} is not bookable for its search` };
    const r = resolvePicks(d, it);
    if ('problem' in r) return { problem: `the ${it.slot} part: ${r.problem}` };
    items.push({ slot: it.slot, params: it.params, listing: d.listing, detail: d, picks: r.picks, attrs: selectionAttrs(site, it.params, d, r.picks.map((p) => p.choice), r.picks) });
  }
  const choices = resolved.picks.map((p) => p.choice);
  return {
    target: {
      site,
      world,
      params,
      results: site.search(world, params),
      listing: detail.listing,
      detail,
      choices,
      picks: resolved.picks,
      attrs: selectionAttrs(site, params, detail, choices, resolved.picks),
      travellers: task.target.travellers,
      contact: task.target.contact,
      extras: task.target.extras,
      items,
      ...(task.target.account ? { account: task.target.account } : {}),
      ...(task.target.card ? { card: task.target.card } : {}),
    },
  };
}
