import { withItems, type Attrs, type Booking, type SiteEpisodeState } from '../core/schemas/episode-state.js';

/**
 * A cart's items are bought in one order, in whichever order they were put in the cart: a task
 * asking for "A with 2 adults and B with a senior" is met by a cart holding B, then A. The
 * booking records the first item as the main one and the others under `item2`, `item3`…; these
 * are the site states with the cart items in every order, to be judged and the best kept. Later
 * rounds (a return leg, a package's hotel) keep their places: their order is what they mean.
 */

const CART_SLOT = /^item\d+$/;
/** Arrangements beyond this many items are not tried (a cart holds at most six). */
const MAX_ITEMS = 6;

type Entry = { listingId: string; title: string; options: Booking['options']; attrs: Attrs };

function permutations(n: number): number[][] {
  if (n <= 1) return [[0]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1)) for (let at = 0; at <= rest.length; at++) out.push([...rest.slice(0, at), n - 1, ...rest.slice(at)]);
  // The order as made first: on a tie it is the one reported.
  return out.sort((a, b) => Number(b.every((x, i) => x === i)) - Number(a.every((x, i) => x === i)));
}

/** The last booking with its cart items in the order `p` (an index per place: 0 is the main item). */
function rearrangedBooking(b: Booking, p: number[]): Booking {
  const cart = b.items.filter((it) => CART_SLOT.test(it.slot));
  const others = b.items.filter((it) => !CART_SLOT.test(it.slot));
  const itemKeys = new Set(cart.flatMap((it) => Object.keys(it.attrs)));
  const prefixed = (k: string) => b.items.some((it) => k.startsWith(`${it.slot}.`));
  // The booking's own facts (total, travellers, status…) stay; the main item's facts move with it.
  const bookingLevel = Object.fromEntries(Object.entries(b.attrs).filter(([k]) => !itemKeys.has(k) && !prefixed(k)));
  const mainOwn = Object.fromEntries(Object.entries(b.attrs).filter(([k]) => itemKeys.has(k)));
  const entries: Entry[] = [{ listingId: b.listingId, title: b.title, options: b.options, attrs: mainOwn }, ...cart];
  const main = entries[p[0]!]!;
  const items = cart.map((it, k) => ({ ...entries[p[k + 1]!]!, slot: it.slot }));
  const attrs = withItems({ ...bookingLevel, ...main.attrs }, [...others, ...items]);
  return { ...b, listingId: main.listingId, title: main.title, options: main.options, attrs, items: [...others, ...items] };
}

/** The site's state with its cart in every order (the state itself first); one state when there is no cart. */
export function cartArrangements(s: SiteEpisodeState | undefined, subject?: string): (SiteEpisodeState | undefined)[] {
  if (!s || subject !== undefined) return [s];
  const made = s.bookings.filter((b) => b.origin === 'episode');
  const last = made[made.length - 1];
  if (last) {
    const n = last.items.filter((it) => CART_SLOT.test(it.slot)).length + 1;
    if (n < 2 || n > MAX_ITEMS) return [s];
    const at = s.bookings.lastIndexOf(last);
    return permutations(n).map((p) => ({ ...s, bookings: s.bookings.map((b, i) => (i === at ? rearrangedBooking(b, p) : b)) }));
  }
  const cart = s.extraItems.filter((it) => CART_SLOT.test(it.slot ?? ''));
  if (!s.selection || cart.length === 0 || cart.length + 1 > MAX_ITEMS) return [s];
  const others = s.extraItems.filter((it) => !CART_SLOT.test(it.slot ?? ''));
  const { slot: _main, ...selection } = s.selection;
  const entries = [selection, ...cart.map(({ slot: _slot, ...it }) => it)];
  return permutations(entries.length).map((p) => ({
    ...s,
    selection: entries[p[0]!]!,
    extraItems: [...others, ...cart.map((it, k) => ({ ...entries[p[k + 1]!]!, slot: it.slot }))],
  }));
}
