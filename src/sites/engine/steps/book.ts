import type { Booking } from '../../../core/schemas/episode-state.js';
import { logger } from '../../../core/logger.js';
import { bookedWith, formToken, FORM_TOKEN, rememberBooked } from '../book-token.js';
import { makeBooking } from '../flow.js';
import { episodeOf, type C, type StepKit } from './kit.js';
import { itemContext, priceOfEpisode } from './pricing.js';

const log = logger('sites:book');

/**
 * Books what the episode has chosen and filled in: the selection and the other items, the
 * travellers, contact details and add-ons, priced by the site. Undefined when something chosen
 * is no longer available.
 */
export function bookEpisode(kit: StepKit, c: C, token: string, more: { account?: string | null; payment?: Booking['payment'] } = {}): Booking | undefined {
  const state = c.get('state');
  const { site, world } = kit;
  if (!state.selection || !state.form) return undefined;
  const ctx = itemContext(site, world, state.selection, state.form.extras);
  const price = priceOfEpisode(site, world, state);
  if (!ctx || !price) return undefined;
  const account = state.account ? (state.account.signedIn ?? null) : undefined;
  const booking = makeBooking(site, episodeOf(c), state, ctx, state.form, price, { ...(account !== undefined ? { account } : {}), ...more });
  state.bookings.push(booking);
  rememberBooked(state, token, booking.reference);
  state.cart = price;
  log.debug('booked', { site: site.id, reference: booking.reference });
  return booking;
}

/** The token the forms that book carry (book-token.ts), for the booking as it stands now. */
export function currentToken(c: C): string {
  return formToken(c.get('episodeId') ?? '', c.get('state'));
}

/**
 * What a posted form that books says about its token: `earlier`, the reference of the booking the
 * same form already made (a double click, a resent form: answer with that booking, book nothing);
 * `stale`, a token of a booking that has changed since the page was shown (another tab chose
 * again); or `fresh`.
 */
export function checkToken(c: C, body: Record<string, string>): { kind: 'earlier'; reference: string } | { kind: 'stale' } | { kind: 'fresh'; token: string } {
  const token = body[FORM_TOKEN] ?? '';
  const earlier = bookedWith(c.get('state'), token);
  if (earlier !== undefined) return { kind: 'earlier', reference: earlier };
  return token === currentToken(c) ? { kind: 'fresh', token } : { kind: 'stale' };
}
