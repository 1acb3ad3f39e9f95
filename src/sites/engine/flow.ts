import { sha256 } from '../../core/hash.js';
import { NEW_BOOKING, withItems, type Attrs, type Booking, type ChosenOption, type PriceBreakdown, type SelectionState, type SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import type { ParsedDetails } from './forms.js';
import type { Choice, FieldErrors, ListingDetail, ChoicePick, SearchParams, SelectionContext, SiteDefinition } from './site-definition.js';

export const optionInputName = (groupId: string) => `opt_${groupId}`;
export const quantityInputName = (groupId: string, choiceId: string) => `qty_${groupId}_${choiceId}`;

type PostedOptions = Record<string, string | string[] | undefined>;
const last = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);
const every = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The choices picked on a listing page: one available choice per group, or one per traveller
 * (seats), or quantities (ticket types, at least one ticket).
 */
export function pickChoices(
  detail: ListingDetail,
  body: PostedOptions,
  travellers = 1,
): { choices: Choice[]; picks: ChoicePick[]; options: ChosenOption[]; errors: FieldErrors } {
  const picks: ChoicePick[] = [];
  const errors: FieldErrors = {};
  for (const g of detail.optionGroups) {
    const name = optionInputName(g.id);
    const what = g.label.toLowerCase();
    if (g.display === 'quantities') {
      const max = g.maxQuantity ?? 10;
      let total = 0;
      for (const c of g.choices) {
        const text = (last(body[quantityInputName(g.id, c.id)]) ?? '').trim();
        const n = text === '' ? 0 : /^\d+$/.test(text) ? Number(text) : NaN;
        if (!Number.isInteger(n) || n < 0 || n > max) errors[name] = `${c.label}: choose 0 to ${max}`;
        else if (n > 0 && c.soldOut) errors[name] = `${c.label} is no longer available`;
        else if (n > 0) {
          picks.push({ groupId: g.id, choice: c, quantity: n });
          total += n;
        }
      }
      if (total === 0 && !errors[name]) errors[name] = `Choose how many ${what}`;
      continue;
    }
    if (g.pick === 'per-traveller') {
      const ids = [...new Set(every(body[name]))];
      const chosen = ids.map((id) => g.choices.find((c) => c.id === id));
      const taken = chosen.find((c) => c?.soldOut);
      if (chosen.some((c) => c === undefined)) errors[name] = `Choose ${what} from the list`;
      else if (taken) errors[name] = `${taken.label} is taken; choose another`;
      else if (ids.length !== travellers) errors[name] = `Choose ${travellers} ${what}, one per traveller (you chose ${ids.length})`;
      else for (const c of chosen) picks.push({ groupId: g.id, choice: c!, quantity: 1 });
      continue;
    }
    const id = last(body[name]);
    const choice = g.choices.find((c) => c.id === id);
    if (!choice) errors[name] = `Choose ${what}`;
    else if (choice.soldOut) errors[name] = `${choice.label} is no longer available; choose another ${what}`;
    else picks.push({ groupId: g.id, choice, quantity: 1 });
  }
  const options: ChosenOption[] = picks.map((p) => ({ groupId: p.groupId, choiceId: p.choice.id, label: p.choice.label, attrs: p.choice.attrs, ...(p.quantity !== 1 || detail.optionGroups.find((g) => g.id === p.groupId)?.display === 'quantities' ? { quantity: p.quantity } : {}) }));
  return { choices: picks.map((p) => p.choice), picks, options, errors };
}

/** The default facts of several picks of one group: each string fact as a list, numbers summed, and the count. */
function aggregateDefault(groupId: string, picked: { choice: Choice; quantity: number }[]): Attrs {
  const out: Attrs = { [`${groupId}Count`]: picked.reduce((n, p) => n + p.quantity, 0) };
  for (const { choice, quantity } of picked) {
    out[`qty.${choice.id}`] = quantity;
    for (const [k, v] of Object.entries(choice.attrs)) {
      if (typeof v === 'number') out[k] = (typeof out[k] === 'number' ? (out[k] as number) : 0) + v * quantity;
      else if (typeof v === 'string') out[k] = [...(Array.isArray(out[k]) ? (out[k] as string[]) : []), v];
    }
  }
  return out;
}

/**
 * The facts of a selection: search params, then listing attrs, then each chosen option's (a
 * group of several picks gives their aggregate), then what the user pays per unit for it.
 */
export function selectionAttrs(site: SiteDefinition, params: SearchParams, detail: ListingDetail, choices: Choice[], picks?: ChoicePick[]): Attrs {
  const attrs: Attrs = { ...params, ...detail.listing.attrs };
  for (const g of detail.optionGroups) {
    const mine = picks ? picks.filter((p) => p.groupId === g.id) : choices.filter((c) => g.choices.includes(c)).map((choice) => ({ groupId: g.id, choice, quantity: 1 }));
    if (mine.length === 0) continue;
    if (g.pick === 'per-traveller' || g.display === 'quantities') Object.assign(attrs, g.aggregate ? g.aggregate(mine) : aggregateDefault(g.id, mine));
    else for (const p of mine) Object.assign(attrs, p.choice.attrs);
  }
  Object.assign(attrs, site.unitPrices?.({ params, listing: detail.listing, choices, ...(picks ? { picks } : {}) }) ?? {});
  return attrs;
}

export function contextFor(
  site: SiteDefinition,
  world: World,
  selection: SelectionState,
  params: SearchParams,
  extras: Record<string, number>,
): SelectionContext | undefined {
  const detail = site.detail(world, params, selection.listingId);
  if (!detail) return undefined;
  const picks: ChoicePick[] = [];
  for (const o of selection.options) {
    const c = detail.optionGroups.find((g) => g.id === o.groupId)?.choices.find((x) => x.id === o.choiceId);
    if (c) picks.push({ groupId: o.groupId, choice: c, quantity: o.quantity ?? 1 });
  }
  return { params, listing: detail.listing, choices: picks.map((p) => p.choice), picks, extras };
}

/** Search params stored with a selection. */
export function paramsOf(selection: SelectionState): SearchParams {
  return selection.params;
}

export function bookingReference(siteId: string, episodeId: string, n: number): string {
  const h = sha256(`${siteId}/${episodeId}/${n}`).toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = h.replace(/[0O1I]/g, '').slice(0, 6);
  return `${siteId.slice(0, 3).toUpperCase()}-${body}`;
}

/** Freezes the current selection, details and price into a booking. */
export function makeBooking(
  site: SiteDefinition,
  episodeId: string,
  state: SiteEpisodeState,
  ctx: SelectionContext,
  details: ParsedDetails,
  price: PriceBreakdown,
  more: { reference?: string; origin?: Booking['origin']; account?: string | null; payment?: Booking['payment'] } = {},
): Booking {
  const selection = state.selection!;
  const extrasChosen = Object.entries(details.extras).filter(([, q]) => q > 0).map(([id]) => id);
  const items = state.extraItems.map((it) => ({ slot: it.slot ?? 'item', listingId: it.listingId, title: it.title, options: it.options, attrs: it.attrs }));
  const attrs: Attrs = withItems(
    {
      ...selection.attrs,
      ...(site.bookingAttrs?.(ctx, details.travellers) ?? {}),
      extras: extrasChosen,
      travellerCount: details.travellers.length,
      totalPrice: price.total,
      currency: price.currency,
      status: 'confirmed',
      ...(items.length ? { itemCount: items.length + 1 } : {}),
      ...(more.account !== undefined ? { bookedAs: more.account ?? 'guest' } : {}),
      ...(more.payment ? { cardLast4: more.payment.last4 } : {}),
    },
    items,
  );
  return {
    ...NEW_BOOKING,
    origin: more.origin ?? 'episode',
    account: more.account ?? null,
    payment: more.payment ?? null,
    items,
    changes: [],
    reference: more.reference ?? bookingReference(site.id, episodeId, state.bookings.length + 1),
    siteId: site.id,
    listingId: selection.listingId,
    title: selection.title,
    options: selection.options,
    travellers: details.travellers,
    contact: details.contact,
    extras: details.extras,
    price,
    attrs,
    seq: state.requests,
  };
}
