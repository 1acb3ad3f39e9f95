import { z } from 'zod';
import { STATE_SCHEMA_VERSION } from '../version.js';

/**
 * What the privileged state API returns for an episode: everything the episode changed on
 * each site. Evaluation reads only this, never the pages.
 */
export const AttrValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type AttrValue = z.infer<typeof AttrValue>;
export const Attrs = z.record(z.string(), AttrValue);
export type Attrs = z.infer<typeof Attrs>;

export const PriceLine = z.strictObject({ label: z.string(), amount: z.number() });
export type PriceLine = z.infer<typeof PriceLine>;

export const PriceBreakdown = z.strictObject({
  currency: z.string(),
  lines: z.array(PriceLine),
  total: z.number(),
});
export type PriceBreakdown = z.infer<typeof PriceBreakdown>;

export const SearchState = z.strictObject({
  /** Validated search parameters, by field name (e.g. origin: "LIS", date: "2026-06-12", adults: 2). */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Active filters by filter id; multi-valued filters hold arrays. */
  filters: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  sort: z.string(),
  page: z.number().int(),
  resultCount: z.number().int(),
  /**
   * How many results the page has revealed: those of the current page with pagination, the
   * first N with "load more" or infinite scroll (it grows as more are loaded). The results page
   * always records it; optional so that snapshots written before it still read.
   */
  revealed: z.number().int().optional(),
  /** Whether the results are shown as a list or on a map (sites with a map/list toggle); absent reads as a list. */
  view: z.enum(['list', 'map']).optional(),
  /** Request sequence number at which this search was last made. */
  seq: z.number().int(),
});
export type SearchState = z.infer<typeof SearchState>;

/** One choice on a listing page; a group that takes several (seats, ticket types) gives several. */
export const ChosenOption = z.strictObject({
  groupId: z.string(),
  choiceId: z.string(),
  label: z.string(),
  attrs: Attrs,
  /** How many of this choice (tickets of a type); absent means one. */
  quantity: z.number().int().min(1).optional(),
});
export type ChosenOption = z.infer<typeof ChosenOption>;

export const SelectionState = z.strictObject({
  /**
   * Which part of the booking this option is: "main" (the outbound flight, the first item), or
   * a later round's ("return", "hotel") or a further cart item's ("item2").
   */
  slot: z.string().optional(),
  listingId: z.string(),
  /** The validated search parameters the selection was made under. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  title: z.string(),
  options: z.array(ChosenOption),
  /**
   * One flat record of facts about the selection: the search parameters it was made under,
   * then the listing's attributes, then the chosen options' attributes (a later one wins: a
   * search for category "any" books an event whose category is "comedy"), e.g.
   * { destination: "MAD", date: "2026-06-12", airline: "Iberica", stops: 0, fare: "flex" }.
   */
  attrs: Attrs,
  seq: z.number().int(),
});
export type SelectionState = z.infer<typeof SelectionState>;

export const Person = z.record(z.string(), z.string());
export type Person = z.infer<typeof Person>;

export const FormState = z.strictObject({
  /** Every field as last submitted, valid or not (the draft). */
  fields: z.record(z.string(), z.string()),
  /** Validation errors of the last submission, by field name; empty when accepted. */
  errors: z.record(z.string(), z.string()),
  accepted: z.boolean(),
  travellers: z.array(Person),
  contact: z.record(z.string(), z.string()),
  /** Add-on id -> quantity (0 = refused). */
  extras: z.record(z.string(), z.number().int()),
  /** The terms were accepted on the review page (a flow that pays after it goes on to payment). */
  termsAccepted: z.boolean().optional(),
  seq: z.number().int(),
});
export type FormState = z.infer<typeof FormState>;

/** A booked part besides the main one (the return leg, the hotel of a package, another cart item). */
export const BookedItem = z.strictObject({
  slot: z.string(),
  listingId: z.string(),
  title: z.string(),
  options: z.array(ChosenOption),
  attrs: Attrs,
});
export type BookedItem = z.infer<typeof BookedItem>;

/** A change made to a booking after it was made (new dates, travellers or options), under the site's policy. */
export const BookingChange = z.strictObject({
  seq: z.number().int(),
  kind: z.enum(['dates', 'travellers', 'options']),
  /** The facts that changed: their values before and after. */
  before: Attrs,
  after: Attrs,
  fee: z.number(),
});
export type BookingChange = z.infer<typeof BookingChange>;

export const Booking = z.strictObject({
  reference: z.string(),
  siteId: z.string(),
  /** "episode": made in this episode; "fixture": given to the episode when it was created (to manage). */
  origin: z.enum(['episode', 'fixture']),
  status: z.enum(['confirmed', 'cancelled']),
  listingId: z.string(),
  title: z.string(),
  options: z.array(ChosenOption),
  items: z.array(BookedItem),
  travellers: z.array(Person),
  contact: z.record(z.string(), z.string()),
  extras: z.record(z.string(), z.number().int()),
  price: PriceBreakdown,
  /** The selection's attrs plus booking-level facts (extras chosen, total price, counts, status). */
  attrs: Attrs,
  /** The account it was booked under (email), or null for a guest. */
  account: z.string().nullable(),
  /** The card it was paid with, on sites that take payment. */
  payment: z.strictObject({ last4: z.string(), amount: z.number() }).nullable(),
  changes: z.array(BookingChange),
  cancellation: z.strictObject({ seq: z.number().int(), fee: z.number(), refund: z.number() }).nullable(),
  seq: z.number().int(),
});
export type Booking = z.infer<typeof Booking>;

/** Accounts on a site: who registered (never a password), and who is signed in. */
export const AccountState = z.strictObject({
  users: z.array(z.strictObject({ email: z.string(), name: z.string() })),
  signedIn: z.string().nullable(),
  /** The visitor chose to continue as a guest. */
  guest: z.boolean(),
});
export type AccountState = z.infer<typeof AccountState>;

/** One attempt to pay: the card's last four digits, the amount, and what the bank said. */
export const PaymentAttempt = z.strictObject({
  seq: z.number().int(),
  last4: z.string(),
  amount: z.number(),
  outcome: z.enum(['accepted', 'declined']),
  reason: z.string().optional(),
});
export type PaymentAttempt = z.infer<typeof PaymentAttempt>;

/**
 * What the agent told the user (BrowserGym's chat): `assistant` for `send_msg_to_user(text)` and
 * `stop(answer)`, `infeasible` for `report_infeasible(reason)`. As in BrowserGym's WebArena
 * tasks, the last message is the reply: an answer, or none when it is `infeasible`.
 */
export const Reply = z.strictObject({ role: z.enum(['assistant', 'infeasible']), text: z.string(), step: z.number().int().min(0) });
export type Reply = z.infer<typeof Reply>;

export const SiteEpisodeState = z.strictObject({
  siteId: z.string(),
  search: SearchState.nullable(),
  viewedListingId: z.string().nullable(),
  selection: SelectionState.nullable(),
  /** Options chosen for the same booking besides the selection: later rounds and further cart items. */
  extraItems: z.array(SelectionState),
  form: FormState.nullable(),
  cart: PriceBreakdown.nullable(),
  account: AccountState.nullable(),
  payments: z.array(PaymentAttempt),
  bookings: z.array(Booking),
  /** Requests this episode has made to the site. */
  requests: z.number().int(),
  /**
   * The agent's messages to the user, on the site the episode started on (the task's site): the
   * browser runtime records them (they never reach a site server), so that evaluation reads a
   * question's reply from the same snapshot as a booking. Absent in snapshots without any.
   */
  replies: z.array(Reply).optional(),
});
export type SiteEpisodeState = z.infer<typeof SiteEpisodeState>;

export const EpisodeState = z.strictObject({
  schemaVersion: z.literal(STATE_SCHEMA_VERSION),
  episodeId: z.string(),
  createdAt: z.string(),
  worldSeed: z.number().int(),
  sites: z.record(z.string(), SiteEpisodeState),
});
export type EpisodeState = z.infer<typeof EpisodeState>;

/** What an episode has on a site before its first page there. */
export function emptySiteState(siteId: string): SiteEpisodeState {
  return { siteId, search: null, viewedListingId: null, selection: null, extraItems: [], form: null, cart: null, account: null, payments: [], bookings: [], requests: 0 };
}

/** The fields of a booking made in the episode, before its payment, account, changes or cancellation. */
export const NEW_BOOKING = { origin: 'episode', status: 'confirmed', items: [], account: null, payment: null, changes: [], cancellation: null } as const satisfies Partial<Booking>;

/**
 * A selection's or booking's facts with those of the other items of the same booking, each
 * under its slot: the return leg's departure time is `return.departTime`, the package's hotel is
 * `hotel.stars`, a second cart item's time `item2.time`.
 */
export function withItems(main: Attrs, items: readonly { slot?: string; attrs: Attrs }[]): Attrs {
  if (items.length === 0) return main;
  const out: Attrs = { ...main };
  for (const it of items) for (const [k, v] of Object.entries(it.attrs)) out[`${it.slot ?? 'item'}.${k}`] = v;
  return out;
}
