import { sha256 } from '../../core/hash.js';
import type { Attrs, Booking, ChosenOption, PriceBreakdown, SelectionState, SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import type { ParsedDetails } from './forms.js';
import type { Choice, FieldErrors, ListingDetail, SearchParams, SelectionContext, SiteDefinition } from './site-definition.js';

export const optionInputName = (groupId: string) => `opt_${groupId}`;

/** The choices picked on a listing page; every group needs one available choice. */
export function pickChoices(
  detail: ListingDetail,
  body: Record<string, string | undefined>,
): { choices: Choice[]; options: ChosenOption[]; errors: FieldErrors } {
  const choices: Choice[] = [];
  const options: ChosenOption[] = [];
  const errors: FieldErrors = {};
  for (const g of detail.optionGroups) {
    const name = optionInputName(g.id);
    const id = body[name];
    const choice = g.choices.find((c) => c.id === id);
    if (!choice) {
      errors[name] = `Choose ${g.label.toLowerCase()}`;
    } else if (choice.soldOut) {
      errors[name] = `${choice.label} is no longer available; choose another ${g.label.toLowerCase()}`;
    } else {
      choices.push(choice);
      options.push({ groupId: g.id, choiceId: choice.id, label: choice.label, attrs: choice.attrs });
    }
  }
  return { choices, options, errors };
}

/**
 * The facts of a selection: search params, then listing attrs, then each chosen option's, then
 * what the user pays per unit for it.
 */
export function selectionAttrs(site: SiteDefinition, params: SearchParams, detail: ListingDetail, choices: Choice[]): Attrs {
  const attrs: Attrs = { ...params, ...detail.listing.attrs };
  for (const c of choices) Object.assign(attrs, c.attrs);
  Object.assign(attrs, site.unitPrices?.({ params, listing: detail.listing, choices }) ?? {});
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
  const choices: Choice[] = [];
  for (const o of selection.options) {
    const c = detail.optionGroups.find((g) => g.id === o.groupId)?.choices.find((x) => x.id === o.choiceId);
    if (c) choices.push(c);
  }
  return { params, listing: detail.listing, choices, extras };
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
): Booking {
  const selection = state.selection!;
  const extrasChosen = Object.entries(details.extras).filter(([, q]) => q > 0).map(([id]) => id);
  const attrs: Attrs = {
    ...selection.attrs,
    ...(site.bookingAttrs?.(ctx, details.travellers) ?? {}),
    extras: extrasChosen,
    travellerCount: details.travellers.length,
    totalPrice: price.total,
    currency: price.currency,
  };
  return {
    reference: bookingReference(site.id, episodeId, state.bookings.length + 1),
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
