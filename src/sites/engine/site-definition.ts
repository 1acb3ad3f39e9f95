import type { Attrs, AttrValue, Booking, PriceBreakdown, Person } from '../../core/schemas/episode-state.js';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import type { PartitionedDomain } from '../../world/partitioned-domain.js';
import type { World } from '../../world/world.js';
import type { TaskCatalogue } from '../kit/task-catalogue.js';
import type { FlowStep } from './steps/kit.js';
import type { ChromeSettings } from './chrome/texts.js';

/**
 * The contract a booking site implements. A site is its domain logic (how a search finds
 * listings, what options a listing offers, how a booking is priced) plus layout and wording
 * choices; the engine renders every page, runs every widget, validates every form and keeps
 * the episode state. Adding a site means writing one of these, not a booking flow.
 */

export type Domain = 'flights' | 'hotels' | 'restaurants' | 'cars' | 'events' | 'trains' | (string & {});

export type FieldOption = { value: string; label: string };

type FieldBase = {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  /**
   * A fact about the travellers (how many people, the driver's age, a railcard held), not a
   * choice of how to search: a reader never changes it from what the request says or, when the
   * request is silent, from the form's default. Other fields (cabin, rooms, times) are ways to
   * search that a request may leave open.
   */
  userFact?: boolean;
};

/** A field of the search form on the home page. */
export type SearchField =
  /** Text box with a suggestion list served by `SiteDefinition.suggest(source, q)`. */
  | (FieldBase & { kind: 'autocomplete'; source: string; placeholder?: string })
  /** Date box (YYYY-MM-DD) with a calendar pop-up; only dates inside the world's horizon. */
  | (FieldBase & { kind: 'date' })
  /**
   * `follows`: until the user changes it, the field takes the value of that earlier field (a
   * drop-off time that follows the pick-up time), in the page and when the request leaves it out.
   */
  | (FieldBase & { kind: 'select'; options: FieldOption[]; default?: string; follows?: string })
  | (FieldBase & { kind: 'radio'; options: FieldOption[]; default?: string })
  /** Number with - / + buttons. */
  | (FieldBase & { kind: 'stepper'; min: number; max: number; default: number })
  | (FieldBase & { kind: 'text'; placeholder?: string });

/** Validated search parameters by field name: strings (codes, ISO dates) and integers. */
export type SearchParams = Record<string, string | number>;

export type FieldErrors = Record<string, string>;

/** One result of a search, as the results page shows it and filters/sorts see it. */
export type Listing = {
  id: string;
  title: string;
  subtitle?: string;
  /** Short labels shown prominently ("Non-stop", "Free cancellation"). */
  badges?: string[];
  /** Label/value pairs shown on the card or as table columns. */
  facts: { label: string; value: string }[];
  /** Lowest price for the search, per `priceUnit`; what "sort by price" uses. */
  price: number;
  priceUnit: string;
  soldOut: boolean;
  /** Machine-readable facts for filters, sorting and evaluation. */
  attrs: Attrs;
  /** More facts, behind a "Details" accordion on the results page (sites whose layout has one). */
  details?: { label: string; value: string }[];
  /** Where it is, for the map view (sites whose layout has one). */
  position?: { lat: number; lon: number };
};

export type FilterSpec =
  /** Checkboxes, one per value; `mode: 'any'` keeps listings with any checked value, 'all' with all of them. */
  | { id: string; kind: 'multi'; attr: string; label: string; mode: 'any' | 'all'; options?: FieldOption[] }
  /** Keep listings whose numeric attr is <= the chosen value. */
  | { id: string; kind: 'max'; attr: string; label: string; options: FieldOption[] }
  /** Keep listings whose numeric attr is >= the chosen value. */
  | { id: string; kind: 'min'; attr: string; label: string; options: FieldOption[] }
  /** One checkbox: keep listings whose attr is true. */
  | { id: string; kind: 'flag'; attr: string; label: string }
  /** Time-of-day windows over an attr holding "HH:MM"; any checked window matches. */
  | { id: string; kind: 'timeWindow'; attr: string; label: string; windows: { value: string; label: string; from: string; to: string }[] };

export type SortSpec = { id: string; label: string; attr: string; dir: 'asc' | 'desc' };

export type Choice = {
  id: string;
  label: string;
  description?: string;
  /** Price per unit for this choice (absolute, not a delta). */
  price: number;
  soldOut?: boolean;
  /** What the page says instead of "Sold out" when the choice cannot be taken for another reason ("Not available"). */
  unavailableLabel?: string;
  attrs: Attrs;
};

/**
 * A required choice on the listing page: fare, room type, seat section, time slot, package; or
 * several (seats, one per traveller) or quantities of several (ticket types).
 */
export type OptionGroup = {
  id: string;
  label: string;
  /**
   * How the choices look: radio list, cards, a grid of button-like radios; `seatmap`: seats by
   * row and letter (choice attrs `row` and `letter`), each a checkbox named by its choice label;
   * `slots`: days as columns and times as rows (choice attrs `day` and `time`); `timeline`: a
   * day left to right per lane, a court (choice attrs `lane` and `time`); `quantities`: a
   * number field per choice (ticket types).
   */
  display: 'list' | 'cards' | 'grid' | 'seatmap' | 'slots' | 'timeline' | 'quantities';
  choices: Choice[];
  /** How many to pick: one (default), or one per traveller of the search (seats). */
  pick?: 'one' | 'per-traveller';
  /** `quantities`: the most of one choice (default 10). */
  maxQuantity?: number;
  /**
   * `quantities`: a mix people buy (two adults and a child), by choice id, drawn for task targets;
   * default: one open type for the whole party.
   */
  exampleQuantities?: (rng: Rng) => Record<string, number>;
  /**
   * The facts of several picks together ("seats": ["7C", "7D"], "windowSeats": 1); default: every
   * string fact of the picks as a list, and `<group>Count`, the number picked.
   */
  aggregate?: (picked: { choice: Choice; quantity: number }[]) => Attrs;
};

/** One choice made on a listing page, with how many of it (ticket types). */
export type ChoicePick = { groupId: string; choice: Choice; quantity: number };

export type ListingDetail = {
  listing: Listing;
  /** Paragraphs and facts shown on the listing page. */
  description: string[];
  facts: { label: string; value: string }[];
  optionGroups: OptionGroup[];
};

/** A paid add-on offered with the details form. */
export type Extra = {
  id: string;
  label: string;
  /**
   * How a request names it, as a noun phrase that reads after "add" or "no": "seat selection",
   * "an extra checked bag", "travel insurance". The label may be a call to action ("Choose your
   * seats") that an instruction cannot use.
   */
  noun: string;
  description?: string;
  price: number;
  /** What the price is per; the engine multiplies by the matching unit count. */
  per: 'booking' | 'unit' | 'traveller';
  /** checkbox: 0 or 1; stepper: 0..max. */
  kind: 'checkbox' | 'stepper';
  max?: number;
};

export type PersonField = {
  name: string;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'date' | 'select' | 'textarea';
  required: boolean;
  options?: FieldOption[];
  /** Extra server-side check; returns an error message or undefined. */
  validate?: (value: string) => string | undefined;
  autocomplete?: string;
  /** A valid value; demos and tests type it, and the task generator may use it. */
  example: string;
  /**
   * The value for traveller `index` (1-based) of this search when it depends on it: a date of
   * birth that fits the driver's age, or a child's for the children of the party.
   */
  exampleFor?: (params: SearchParams, index: number) => string;
};

/** Everything needed to price and describe a selection. */
export type SelectionContext = {
  params: SearchParams;
  listing: Listing;
  /** Every choice picked, once each (several of a seat map's group, one of each other group). */
  choices: Choice[];
  /** The same picks with their group and quantity (ticket types), when a group takes quantities. */
  picks?: ChoicePick[];
  extras: Record<string, number>;
};

export type Theme = {
  /** CSS colors. */
  primary: string;
  primaryText: string;
  accent: string;
  background: string;
  surface: string;
  text: string;
  muted: string;
  font: string;
  radius: string;
  /** Heading weight and case give each brand its own voice. */
  headingCase?: 'none' | 'uppercase';
};

export type Layout = {
  /** Where the search form sits on the home page. */
  hero: 'banner' | 'split' | 'compact';
  /**
   * Where filters sit on the results page: beside or above the results, applied as soon as one
   * changes; or behind a "Filters" button, in a dialog applied with its "Apply" button.
   */
  filters: 'sidebar' | 'top' | 'dialog';
  /** How results are shown. */
  results: 'cards' | 'table' | 'rows';
  pageSize: number;
  /**
   * How results beyond the first `pageSize` are reached (default 'pages'): numbered pages; a
   * "Load more results" button that adds the next ones; or infinite scroll, which adds them when
   * the end of the list comes into view (with a "Show more results" link for agents and people
   * without a script).
   */
  paging?: 'pages' | 'loadMore' | 'infinite';
  /** A list/map toggle: the map shows every result as a marker (listings need `position`). */
  mapView?: boolean;
  /** Tabs over the results: the sorts as tabs, or the values of one multi filter as tabs. */
  tabs?: { kind: 'sort' } | { kind: 'filter'; filter: string; allLabel: string };
  /** Each result has a "Details" accordion showing its `details`. */
  detailsAccordion?: boolean;
  /** Friction some real sites have. */
  cookieBanner: boolean;
  promoModal?: { title: string; body: string; code: string };
  /** Names of the flow steps, shown in the step indicator. */
  steps: { results: string; listing: string; details: string; review: string };
};

export type Wording = {
  searchButton: string;
  resultsHeading: (params: SearchParams, count: number) => string;
  selectButton: string;
  continueButton: string;
  detailsHeading: string;
  travellerLabel: (index: number) => string;
  bookButton: string;
  confirmationHeading: string;
  emptyResults: string;
};

/**
 * A fact a selection or booking records (an attr) that a task constraint may check, and how
 * the review and confirmation pages show it: every constraint's field is one of the site's
 * facts, and both pages list every fact the booking has, so a person can always see what was
 * booked. `stage` is where the fact first exists: the search (where, when, who), the selection
 * (the listing, the options chosen and what they cost per unit) or the booking (the total paid).
 */
export type FactSpec = {
  field: string;
  label: string;
  stage: 'search' | 'selection' | 'booking';
  /**
   * How the value is shown (default by `kind`). `money` facts are amounts the user pays; their
   * label says what one amount buys ("Fare per adult", "Room price per night").
   */
  kind: 'text' | 'number' | 'money' | 'date' | 'time' | 'flag' | 'list' | 'duration';
  format?: (value: AttrValue, world: World) => string;
};

/** What changing or cancelling costs, or why it cannot be done (the site's policy for one booking). */
export type PolicyOutcome = { allowed: boolean; fee: number; reason: string };

/**
 * What a customer may do with a booking after it was made ("My bookings"), under the site's
 * policy: change its dates (the search fields named), its travellers' names, or cancel it.
 */
export type ManagePolicy = {
  /** Search fields a date change may set (check-in and check-out). */
  dateFields: string[];
  /** Whether the travellers' names can be changed (free). */
  travellers: boolean;
  /** Whether a date change is allowed for this booking, and its fee (on top of any price difference). */
  dateChange(booking: Booking): PolicyOutcome;
  /** Whether this booking can be cancelled, the fee kept, and the policy in words; the refund is what was paid less the fee. */
  cancellation(booking: Booking): PolicyOutcome;
  /**
   * The booking's choices for a new search (a date change): where a choice names its day (a
   * salon's slot "10 June at 14:00"), the same choice on the new day. Without it the choices stay.
   */
  moveOptions?(booking: Booking, params: SearchParams): Booking['options'];
};

export type SiteDefinition = {
  id: string;
  name: string;
  domain: Domain;
  tagline: string;
  currency: string;
  theme: Theme;
  layout: Layout;
  wording: Wording;

  searchFields: SearchField[];
  /** Suggestions for an autocomplete source, best first (the engine shows up to 8). */
  suggest(world: World, source: string, query: string): FieldOption[];
  /** The label to show for a stored autocomplete value ("LIS" -> "Lisbon (LIS)"). */
  labelFor(world: World, source: string, value: string): string | undefined;
  /** Cross-field checks after each field passed its own (e.g. check-out after check-in). */
  validateSearch?(params: SearchParams): FieldErrors;

  /**
   * A search with bookable results, drawn with `rng` (demos, tests and task generation start
   * from it). Deterministic for a given world and rng stream.
   */
  exampleSearch(world: World, rng: Rng): SearchParams;

  /** Every listing matching the search, in the site's "recommended" order. */
  search(world: World, params: SearchParams): Listing[];
  filters: FilterSpec[];
  sorts: SortSpec[];

  /** The listing page; undefined when the id does not exist for these params. */
  detail(world: World, params: SearchParams, listingId: string): ListingDetail | undefined;
  /** Why `detail` has no page for this id and search, in the site's words (default: a generic message). */
  whyUnavailable?(world: World, params: SearchParams, listingId: string): string | undefined;

  /** How many travellers the details form asks for. */
  travellerCount(params: SearchParams): number;
  travellerFields: PersonField[];
  contactFields: PersonField[];
  extras(ctx: Omit<SelectionContext, 'extras'>): Extra[];
  /**
   * Add-ons the chosen option already includes (First class includes a seat reservation): not
   * offered on the details form, recorded as taken, shown on the pages as included.
   */
  includedExtras?(ctx: Omit<SelectionContext, 'extras'>): { id: string; label: string }[];
  /** Units an Extra with per: 'unit' is multiplied by (nights, rental days, tickets ...). */
  units(ctx: Omit<SelectionContext, 'extras'>): number;
  price(ctx: SelectionContext): PriceBreakdown;

  /**
   * What the user pays per unit for this selection (per adult, per night, per ticket), when the
   * listing's and choices' own attrs do not carry it: merged into the selection's attrs, so a
   * price bound reads what is paid from the moment it is chosen.
   */
  unitPrices?(ctx: Omit<SelectionContext, 'extras'>): Attrs;
  /** Facts that make a booking checkable: merged into the booking attrs. */
  bookingAttrs?(ctx: SelectionContext, travellers: Person[]): Attrs;
  /** Every fact a constraint may check, in the order the review and confirmation pages list them. */
  facts: FactSpec[];
  /** The inventory the site sells from (its own domain, or another site's it shares): the stored rows. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  domains: readonly DomainModule<any>[];
  /** Inventory made on demand from stored rows (a route's flights on a date); each one's parent is among `domains`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  partitioned?: readonly PartitionedDomain<any, any>[];
  /** How tasks on this site are drawn and said (`sites/kit/task-catalogue.ts`). */
  tasks: TaskCatalogue;
  /** The booking flow, as steps of the shared library (`engine/steps/`); default: search, results, listing, details, review, confirmation. */
  flow?: readonly FlowStep[];
  /** Changing and cancelling bookings from "My bookings"; without it, bookings can only be looked at. */
  manage?: ManagePolicy;
  /**
   * Texts of the content around the task (deals, reviews, FAQ, newsletter, help chat); every
   * one left out comes from the site's domain (`engine/chrome/texts.ts`).
   */
  chrome?: ChromeSettings;
};

export type { Attrs, AttrValue };
