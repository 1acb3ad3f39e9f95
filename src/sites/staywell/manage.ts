import { WORLD_TODAY, shortDate } from '../../core/dates.js';
import type { Booking } from '../../core/schemas/episode-state.js';
import type { ManagePolicy } from '../engine/site-definition.js';
import { formatEur } from './listings.js';

/**
 * A hotel's terms after booking, as booking sites state them: a non-refundable rate keeps the
 * whole price and cannot be moved; a flexible rate cancels for free until its deadline (after it,
 * the first night is charged) and moves to other dates for free, at the new dates' price.
 */
export const staywellManage: ManagePolicy = {
  dateFields: ['checkIn', 'checkOut'],
  travellers: true,
  dateChange(b: Booking) {
    if (b.attrs.rate === 'nonref') return { allowed: false, fee: 0, reason: 'Non-refundable rates cannot be changed.' };
    return { allowed: true, fee: 0, reason: 'Free date changes on flexible rates; the new dates are charged at their own price.' };
  },
  cancellation(b: Booking) {
    const total = b.price.total;
    if (b.attrs.rate === 'nonref') return { allowed: true, fee: total, reason: `Non-refundable rate: the full ${formatEur(total)} is kept if you cancel.` };
    const until = typeof b.attrs.freeCancellationUntil === 'string' ? b.attrs.freeCancellationUntil : undefined;
    if (until !== undefined && WORLD_TODAY <= until) return { allowed: true, fee: 0, reason: `Free cancellation until 23:59 on ${shortDate(until)}.` };
    const night = typeof b.attrs.nightlyPrice === 'number' ? b.attrs.nightlyPrice * Number(b.attrs.rooms ?? 1) : total;
    const fee = Math.min(total, Math.round(night * 100) / 100);
    return { allowed: true, fee, reason: `The free cancellation deadline has passed: the first night (${formatEur(fee)}) is kept.` };
  },
};
