import type { AttrValue, SiteEpisodeState } from '../../core/schemas/episode-state.js';

/**
 * Exact state-change summaries: what one step changed, read from the difference of the
 * episode's state before and after it (NNetNav asks a model for this; where the state is
 * readable, it is known). One sentence per change, in the order of the flow; none when the
 * step changed nothing the state records.
 */

const show = (v: AttrValue | undefined): string => (v === undefined ? '(none)' : Array.isArray(v) ? v.join(', ') : String(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Keys of two records whose values differ, in a stable order. */
function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().filter((k) => !same(a[k], b[k]));
}

function list(kv: Record<string, AttrValue | undefined>, keys: string[]): string {
  return keys.map((k) => `${k}=${show(kv[k])}`).join(', ');
}

export function summarizeChange(before: SiteEpisodeState | undefined | null, after: SiteEpisodeState | undefined | null): string[] {
  const out: string[] = [];
  if (!after) return out;
  const b = before ?? undefined;
  // The search.
  const s0 = b?.search ?? null;
  const s1 = after.search;
  if (s1 && (!s0 || s1.seq !== s0.seq || !same(s0.params, s1.params))) {
    const keys = s0 ? changedKeys(s0.params, s1.params) : Object.keys(s1.params).sort();
    if (!s0) out.push(`Searched with ${list(s1.params, keys)} (${s1.resultCount} results).`);
    else if (keys.length) out.push(`Changed the search: ${keys.map((k) => `${k} ${show(s0.params[k])} -> ${show(s1.params[k])}`).join(', ')} (${s1.resultCount} results).`);
  }
  if (s1 && s0) {
    const fk = changedKeys(s0.filters, s1.filters);
    for (const k of fk) {
      const v = s1.filters[k];
      out.push(v === undefined || (Array.isArray(v) && v.length === 0) ? `Cleared the ${k} filter (${s1.resultCount} results).` : `Filtered ${k} to ${show(v)} (${s1.resultCount} results).`);
    }
    if (s0.sort !== s1.sort) out.push(`Sorted the results by ${s1.sort}.`);
    if (s0.page !== s1.page) out.push(`Went to page ${s1.page} of the results.`);
  } else if (s1 && !s0 && Object.keys(s1.filters).length) {
    out.push(`Filtered ${list(s1.filters, Object.keys(s1.filters).sort())}.`);
  }
  // The listing looked at and the option chosen.
  if (after.viewedListingId && after.viewedListingId !== (b?.viewedListingId ?? null)) out.push(`Opened listing ${after.viewedListingId}.`);
  const c0 = b?.selection ?? null;
  const c1 = after.selection;
  if (c1 && (!c0 || c1.seq !== c0.seq || c1.listingId !== c0.listingId || !same(c0.options, c1.options))) {
    const opts = c1.options.map((o) => `${o.groupId}: ${o.label}${o.quantity && o.quantity > 1 ? ` x${o.quantity}` : ''}`).join('; ');
    out.push(`Selected "${c1.title}" (${c1.listingId})${opts ? ` with ${opts}` : ''}.`);
  } else if (!c1 && c0) out.push('The selection was cleared.');
  const x0 = b?.extraItems ?? [];
  for (const it of after.extraItems.slice(x0.length)) out.push(`Selected "${it.title}" (${it.listingId}) as the ${it.slot ?? 'next'} part.`);
  // The details form.
  const f0 = b?.form ?? null;
  const f1 = after.form;
  if (f1 && (!f0 || f1.seq !== f0.seq)) {
    const errors = Object.keys(f1.errors);
    if (f1.accepted) {
      const who = f1.travellers.map((p) => [p.firstName, p.lastName].filter(Boolean).join(' ')).filter(Boolean);
      const extras = Object.entries(f1.extras).filter(([, q]) => q > 0).map(([id, q]) => (q > 1 ? `${id} x${q}` : id));
      out.push(`Submitted the details${who.length ? ` for ${who.join(', ')}` : ''}${f1.contact.email ? ` (contact ${f1.contact.email})` : ''}${extras.length ? `, with ${extras.join(', ')}` : ''}.`);
    } else out.push(`Submitted the details form; it was refused (${errors.join(', ') || 'errors'}).`);
    if (f1.termsAccepted && !f0?.termsAccepted) out.push('Accepted the terms.');
  } else if (f1 && f0 && f1.termsAccepted && !f0.termsAccepted) out.push('Accepted the terms.');
  // Account, payment, bookings.
  const a0 = b?.account ?? null;
  const a1 = after.account;
  if (a1 && a1.signedIn && a1.signedIn !== a0?.signedIn) out.push(`Signed in as ${a1.signedIn}.`);
  if (a1 && a1.guest && !a0?.guest) out.push('Continued as a guest.');
  for (const p of after.payments.slice(b?.payments.length ?? 0)) out.push(`Paid ${p.amount} with the card ending ${p.last4}: ${p.outcome}${p.reason ? ` (${p.reason})` : ''}.`);
  const byRef = new Map((b?.bookings ?? []).map((x) => [x.reference, x]));
  for (const bk of after.bookings) {
    const old = byRef.get(bk.reference);
    if (!old) out.push(`Booked "${bk.title}": reference ${bk.reference}, total ${bk.price.total} ${bk.price.currency}.`);
    else if (old.status !== bk.status) out.push(`Booking ${bk.reference} is now ${bk.status}.`);
    else if (bk.changes.length > old.changes.length) for (const ch of bk.changes.slice(old.changes.length)) out.push(`Changed the ${ch.kind} of booking ${bk.reference}: ${list(ch.after, Object.keys(ch.after).sort())}.`);
  }
  return out;
}
