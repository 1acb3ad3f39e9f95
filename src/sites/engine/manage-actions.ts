import { emptySiteState, type Booking, type SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import { contextFor, makeBooking, selectionAttrs } from './flow.js';
import type { SearchParams, SiteDefinition } from './site-definition.js';

/**
 * What "My bookings" does to a booking, as pure functions of the booking: the pages apply them
 * to the episode, and task generation applies them to prove a manage task feasible. Each returns
 * the booking as it now stands, or why it cannot be done.
 */

/** A booking's search, read back from its facts. */
export function paramsOfBooking(site: SiteDefinition, b: Booking): SearchParams {
  return Object.fromEntries(site.searchFields.flatMap((f) => (b.attrs[f.name] === undefined ? [] : [[f.name, b.attrs[f.name] as string | number]])));
}

/** The booking with its facts recomputed for a new search or new travellers (same listing and choices). */
function rebook(site: SiteDefinition, world: World, b: Booking, params: SearchParams, travellers = b.travellers): Booking | undefined {
  const options = site.manage?.moveOptions?.(b, params) ?? b.options;
  const selection = { listingId: b.listingId, params, title: b.title, options, attrs: b.attrs, seq: b.seq };
  const ctx = contextFor(site, world, selection, params, b.extras);
  if (!ctx || ctx.choices.length !== b.options.length || ctx.listing.soldOut) return undefined;
  const detail = site.detail(world, params, b.listingId);
  if (!detail) return undefined;
  // By the picks (group and choice ids): `detail` is built afresh, so its choices are not the objects in `ctx`.
  const state: SiteEpisodeState = { ...emptySiteState(site.id), selection: { ...selection, attrs: selectionAttrs(site, params, detail, ctx.choices, ctx.picks) } };
  const made = makeBooking(site, 'rebook', state, ctx, { fields: {}, errors: {}, travellers, contact: b.contact, extras: b.extras }, site.price(ctx), { reference: b.reference, origin: b.origin, account: b.account, payment: b.payment });
  return { ...b, options, attrs: made.attrs, price: made.price, travellers };
}

const feesSoFar = (b: Booking) => b.changes.reduce((n, ch) => n + ch.fee, 0);

/** New dates (the policy's date fields of `params`), the same room and rate re-priced, with the policy's fee. */
export function changeDates(site: SiteDefinition, world: World, b: Booking, params: SearchParams, seq: number): Booking | string {
  const policy = site.manage;
  if (!policy) return `${site.name} bookings cannot be changed`;
  const outcome = policy.dateChange(b);
  if (b.status !== 'confirmed' || !outcome.allowed) return 'The dates of this booking cannot be changed.';
  const changed = rebook(site, world, b, params);
  if (!changed) return 'not available on these dates';
  const before = paramsOfBooking(site, b);
  changed.changes = [
    ...b.changes,
    {
      seq,
      kind: 'dates',
      before: Object.fromEntries(policy.dateFields.map((f) => [f, before[f] as string | number])),
      after: Object.fromEntries(policy.dateFields.map((f) => [f, params[f] as string | number])),
      fee: outcome.fee,
    },
  ];
  changed.attrs = { ...changed.attrs, changeFees: feesSoFar(b) + outcome.fee, changeCount: changed.changes.length };
  return changed;
}

/** New traveller names (free), the rest of the booking as it was. */
export function changeTravellers(site: SiteDefinition, world: World, b: Booking, travellers: Record<string, string>[], seq: number): Booking | string {
  if (!site.manage?.travellers) return `${site.name} does not change traveller names`;
  if (b.status !== 'confirmed') return 'A cancelled booking cannot be changed.';
  const changed = rebook(site, world, b, paramsOfBooking(site, b), travellers);
  if (!changed) return 'This booking can no longer be changed.';
  const name = (t: Record<string, string>) => `${t.firstName ?? ''} ${t.lastName ?? ''}`.trim();
  changed.changes = [...b.changes, { seq, kind: 'travellers', before: { travellers: b.travellers.map(name) }, after: { travellers: travellers.map(name) }, fee: 0 }];
  changed.attrs = { ...changed.attrs, changeFees: feesSoFar(b), changeCount: changed.changes.length };
  return changed;
}

/** What cancelling would keep and refund under the policy, or why it cannot be cancelled. */
export function cancellationTerms(site: SiteDefinition, b: Booking): { fee: number; refund: number; reason: string } | string {
  const outcome = site.manage?.cancellation(b);
  if (!outcome) return `${site.name} bookings cannot be cancelled online`;
  if (b.status !== 'confirmed' || !outcome.allowed) return `This booking cannot be cancelled. ${outcome.reason}`;
  return { fee: outcome.fee, refund: Math.max(0, Math.round((b.price.total - outcome.fee) * 100) / 100), reason: outcome.reason };
}

/** The booking cancelled: its status, the fee kept and the refund recorded on it and in its facts. */
export function cancelBooking(site: SiteDefinition, b: Booking, seq: number): Booking | string {
  const terms = cancellationTerms(site, b);
  if (typeof terms === 'string') return terms;
  return {
    ...b,
    status: 'cancelled',
    cancellation: { seq, fee: terms.fee, refund: terms.refund },
    attrs: { ...b.attrs, status: 'cancelled', cancellationFee: terms.fee, refund: terms.refund },
  };
}
