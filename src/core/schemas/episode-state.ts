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

export const ChosenOption = z.strictObject({
  groupId: z.string(),
  choiceId: z.string(),
  label: z.string(),
  attrs: Attrs,
});
export type ChosenOption = z.infer<typeof ChosenOption>;

export const SelectionState = z.strictObject({
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
  seq: z.number().int(),
});
export type FormState = z.infer<typeof FormState>;

export const Booking = z.strictObject({
  reference: z.string(),
  siteId: z.string(),
  listingId: z.string(),
  title: z.string(),
  options: z.array(ChosenOption),
  travellers: z.array(Person),
  contact: z.record(z.string(), z.string()),
  extras: z.record(z.string(), z.number().int()),
  price: PriceBreakdown,
  /** The selection's attrs plus booking-level facts (extras chosen, total price, counts). */
  attrs: Attrs,
  seq: z.number().int(),
});
export type Booking = z.infer<typeof Booking>;

export const SiteEpisodeState = z.strictObject({
  siteId: z.string(),
  search: SearchState.nullable(),
  viewedListingId: z.string().nullable(),
  selection: SelectionState.nullable(),
  form: FormState.nullable(),
  cart: PriceBreakdown.nullable(),
  bookings: z.array(Booking),
  /** Requests this episode has made to the site. */
  requests: z.number().int(),
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
