import type { Booking } from '../../../core/schemas/episode-state.js';
import { logger } from '../../../core/logger.js';
import { makeBooking } from '../flow.js';
import type { C, StepKit } from './kit.js';
import { itemContext, priceOfEpisode } from './pricing.js';

const log = logger('sites:book');

/**
 * Books what the episode has chosen and filled in: the selection and the other items, the
 * travellers, contact details and add-ons, priced by the site. Undefined when something chosen
 * is no longer available.
 */
export function bookEpisode(kit: StepKit, c: C, more: { account?: string | null; payment?: Booking['payment'] } = {}): Booking | undefined {
  const state = c.get('state');
  const { site, world } = kit;
  if (!state.selection || !state.form) return undefined;
  const ctx = itemContext(site, world, state.selection, state.form.extras);
  const price = priceOfEpisode(site, world, state);
  if (!ctx || !price) return undefined;
  const account = state.account ? (state.account.signedIn ?? null) : undefined;
  const booking = makeBooking(site, c.get('episodeId'), state, ctx, state.form, price, { ...(account !== undefined ? { account } : {}), ...more });
  state.bookings.push(booking);
  state.cart = price;
  log.debug('booked', { site: site.id, reference: booking.reference });
  return booking;
}
