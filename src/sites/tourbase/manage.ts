import { daysBetween, timeToMinutes, WORLD_TODAY } from '../../core/dates.js';
import type { Booking } from '../../core/schemas/episode-state.js';
import type { ManagePolicy } from '../engine/site-definition.js';

const eur = (n: number) => `€${n.toFixed(2).replace(/\.00$/, '')}`;

/** Hours from the world's "now" (noon on its today) to the visit (its start time, else opening at 09:00). */
function hoursUntil(b: Booking): number {
  const date = String(b.attrs.date ?? WORLD_TODAY);
  const time = typeof b.attrs.startTime === 'string' ? b.attrs.startTime : '09:00';
  return daysBetween(WORLD_TODAY, date) * 24 + (timeToMinutes(time) - 12 * 60) / 60;
}

const refundable = (b: Booking) => Array.isArray(b.attrs.features) && b.attrs.features.includes('free-cancellation');

/**
 * Tickets' terms after booking, as the listing states them: with free cancellation, a full
 * refund up to 24 hours before the visit, and a move to another day for free (the same start
 * time, where that day has it); without it, tickets cannot be refunded (cancelling keeps the
 * whole price) nor moved. The lead name on the tickets can always be changed.
 */
export const tourbaseManage: ManagePolicy = {
  dateFields: ['date'],
  travellers: true,
  dateChange(b: Booking) {
    if (!refundable(b)) return { allowed: false, fee: 0, reason: 'These tickets cannot be moved to another day.' };
    if (hoursUntil(b) < 24) return { allowed: false, fee: 0, reason: 'Tickets can be moved up to 24 hours before the visit.' };
    return { allowed: true, fee: 0, reason: 'Free changes of the day up to 24 hours before; the new day is charged at its own price.' };
  },
  cancellation(b: Booking) {
    const total = b.price.total;
    if (hoursUntil(b) <= 0) return { allowed: false, fee: 0, reason: 'This visit has already taken place.' };
    if (!refundable(b)) return { allowed: true, fee: total, reason: `Tickets cannot be refunded: the full ${eur(total)} is kept if you cancel.` };
    if (hoursUntil(b) < 24) return { allowed: true, fee: total, reason: `Free cancellation ended 24 hours before the visit: the full ${eur(total)} is kept.` };
    return { allowed: true, fee: 0, reason: 'Free cancellation up to 24 hours before the visit.' };
  },
};
