import type { BookingTask } from '../core/schemas/task.js';
import { manageRequestOf } from '../tasks/manage-task.js';
import type { SearchParams, SiteDefinition } from '../sites/engine/site-definition.js';
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
    /** A task about an existing booking: the bookings the episode starts with and the one it is about. */
    manage?: NonNullable<BookingTask['manage']>;
  };
  options: { listing: string; title: string; soldOut: boolean; facts: Record<string, unknown>; groups: Record<string, { choice: string; price: number; soldOut: boolean; facts: Record<string, unknown> }[]> }[];
  /** The options of each later round's own search (the return leg's, a package's flights), by slot. */
  roundOptions: Record<string, CaseDraft['options']>;
};

/** The options of one search, with their facts and every choice of their option groups. */
function optionsOf(site: SiteDefinition, world: World, params: SearchParams): CaseDraft['options'] {
  return site.search(world, params).map((l) => {
    const d = site.detail(world, params, l.id);
    return {
      listing: l.id,
      title: l.title,
      soldOut: l.soldOut,
      facts: l.attrs,
      groups: Object.fromEntries((d?.optionGroups ?? []).map((g) => [g.id, g.choices.map((c) => ({ choice: c.id, price: c.price, soldOut: c.soldOut === true, facts: c.attrs }))])),
    };
  });
}

/** The slots of the flow's later rounds ("return", "flights"); other items are cart items. */
const roundSlotsOf = (site: SiteDefinition) => new Set((site.flow ?? []).flatMap((s) => (s.meta?.round ? [s.meta.round.slot] : [])));

const picksOf = (p: { multi?: Record<string, string[]> | undefined; quantities?: Record<string, Record<string, number>> | undefined }) => ({ ...(p.multi ? { multi: p.multi } : {}), ...(p.quantities ? { quantities: p.quantities } : {}) });

/**
 * The episode that books a task's target through the site's whole flow, in the flow's order:
 * search and choose; each later round (a return leg, a package's flights) on its own results;
 * the other cart items and the cart; the account wall (register then sign in, or continue as a
 * guest); the details (a wizard page by page); the review; the card.
 */
export function targetEpisode(task: BookingTask, site: SiteDefinition): ValidityStep[] {
  const t = task.target;
  const rounds = roundSlotsOf(site);
  const hasCart = (site.flow ?? []).some((s) => s.meta?.cart);
  const items = t.items ?? [];
  const episode: ValidityStep[] = [
    { do: 'search', params: t.params },
    { do: 'choose', listing: t.listingId, choices: t.choices, ...picksOf(t) },
  ];
  for (const it of items.filter((x) => rounds.has(x.slot))) episode.push({ do: 'round', slot: it.slot, listing: it.listingId, choices: it.choices, ...picksOf(it) });
  for (const it of items.filter((x) => !rounds.has(x.slot))) episode.push({ do: 'choose', listing: it.listingId, choices: it.choices, params: it.params, ...picksOf(it) });
  if (hasCart) episode.push({ do: 'cart', remove: [] });
  if (t.account?.mode === 'guest') episode.push({ do: 'account', action: 'guest' });
  else if (t.account) {
    const who = { name: t.account.name, email: t.account.email, password: t.account.password };
    episode.push({ do: 'account', action: 'register', ...who }, { do: 'account', action: 'sign-in', email: who.email, password: who.password });
  }
  episode.push({ do: 'details', travellers: t.travellers, contact: t.contact, extras: t.extras }, { do: 'book' });
  if (t.card) episode.push({ do: 'pay', ...t.card });
  return episode;
}

/**
 * The episode that does what a task about an existing booking asks, through "My bookings": open
 * the list, then cancel the booking, change its traveller names or move it to new dates.
 */
export function manageEpisode(task: BookingTask, site: SiteDefinition): ValidityStep[] {
  const request = manageRequestOf(task, site);
  if (!request) return [];
  const act: ValidityStep =
    request.action === 'cancel'
      ? { do: 'cancel', reference: request.reference }
      : request.action === 'dates'
        ? { do: 'dates', reference: request.reference, dates: request.dates }
        : { do: 'travellers', reference: request.reference, travellers: request.travellers };
  return [{ do: 'bookings' }, act];
}

export function draftCase(task: BookingTask, site: SiteDefinition, world: World): CaseDraft {
  const t = task.target;
  const episode = task.manage ? manageEpisode(task, site) : targetEpisode(task, site);
  const options = optionsOf(site, world, t.params);
  // Each later round's own search, for a near miss on a return leg or a package's flights.
  const roundOptions = Object.fromEntries((t.items ?? []).filter((it) => roundSlotsOf(site).has(it.slot)).map((it) => [it.slot, optionsOf(site, world, it.params)]));
  return {
    case: {
      id: `${task.id}-near-miss`,
      site: task.site,
      about: 'describe the near miss',
      instruction: task.instruction,
      constraints: task.constraints,
      episode,
      labels: Object.fromEntries(task.constraints.map((c) => [c.id, { satisfied: null, why: '' }])),
      ...(task.manage ? { manage: task.manage } : {}),
    },
    options,
    roundOptions,
  };
}
