import { addDays, daysBetween, shortDate, WORLD_TODAY } from '../../core/dates.js';
import type { Booking } from '../../core/schemas/episode-state.js';
import type { ManagePolicy } from '../engine/site-definition.js';

const eur = (n: number) => `€${n.toFixed(2).replace(/\.00$/, '')}`;

/** Days before check-in until which the host's policy refunds everything (the listing's "Cancellation" row). */
const FREE_UNTIL_DAYS = { flexible: 1, moderate: 5, strict: 14 } as const;

/**
 * A holiday rental's terms after booking, as rental sites state them. The non-refundable rate
 * keeps the whole price and cannot be moved. The standard rate follows the host's policy: free
 * cancellation until 1, 5 or 14 days before check-in; after that a flexible or moderate host
 * keeps the first night, a strict one half the total. A standard-rate stay moves to another
 * check-in day for free (same place and nights, at the new dates' price).
 */
export const nestawayManage: ManagePolicy = {
  dateFields: ['date'],
  travellers: true,
  dateChange(b: Booking) {
    if (b.attrs.rate === 'non-refundable') return { allowed: false, fee: 0, reason: 'Non-refundable stays cannot be moved.' };
    return { allowed: true, fee: 0, reason: 'Free changes of the check-in day on the standard rate; the new dates are charged at their own price.' };
  },
  cancellation(b: Booking) {
    const total = b.price.total;
    if (b.attrs.rate === 'non-refundable') return { allowed: true, fee: total, reason: `Non-refundable rate: the full ${eur(total)} is kept if you cancel.` };
    const checkIn = String(b.attrs.date ?? WORLD_TODAY);
    const host = (String(b.attrs.cancellation) in FREE_UNTIL_DAYS ? String(b.attrs.cancellation) : 'strict') as keyof typeof FREE_UNTIL_DAYS;
    const days = FREE_UNTIL_DAYS[host];
    if (daysBetween(WORLD_TODAY, checkIn) >= days) return { allowed: true, fee: 0, reason: `Free cancellation until ${shortDate(addDays(checkIn, -days))} (${days} day${days > 1 ? 's' : ''} before check-in).` };
    if (daysBetween(WORLD_TODAY, checkIn) <= 0) return { allowed: false, fee: 0, reason: 'The stay has begun.' };
    const fee = host === 'strict' ? Math.round(total * 50) / 100 : Math.min(total, Math.round(Number(b.attrs.nightlyRate ?? total) * 100) / 100);
    return { allowed: true, fee, reason: host === 'strict' ? `The free cancellation deadline has passed: half the total (${eur(fee)}) is kept.` : `The free cancellation deadline has passed: the first night (${eur(fee)}) is kept.` };
  },
};
