import type { Rng } from '../../core/rng.js';
import type { Attrs, Person } from '../../core/schemas/episode-state.js';
import type { Constraint, TaskTarget } from '../../core/schemas/task.js';
import type { Choice, Listing, ListingDetail, ChoicePick, SearchParams, SiteDefinition } from '../engine/site-definition.js';
import type { World } from '../../world/world.js';

/**
 * A task's target: one bookable option (listing + a choice per option group) under one search,
 * plus the traveller and contact details and add-ons the booking will carry.
 */
export type Target = {
  site: SiteDefinition;
  world: World;
  params: SearchParams;
  /** Every listing the search returns (for superlatives and feasibility). */
  results: Listing[];
  listing: Listing;
  detail: ListingDetail;
  /** Every choice picked (several of a seat map's group), and the same picks with their groups and quantities. */
  choices: Choice[];
  picks: ChoicePick[];
  /** The selection's facts, as the engine records them (params, then listing, then choices). */
  attrs: Attrs;
  travellers: Person[];
  contact: Record<string, string>;
  extras: Record<string, number>;
  /** The booking's other parts (a return leg, a package's hotel, another cart item). */
  items: TargetPart[];
  /** How the booker gets past an account wall, and the card a paying site is paid with. */
  account?: TaskTarget['account'];
  card?: TaskTarget['card'];
};

/** Another part of a target's booking, chosen in its own round. */
export type TargetPart = { slot: string; params: SearchParams; listing: Listing; detail: ListingDetail; picks: ChoicePick[]; attrs: Attrs };

/** One way to say a constraint: a clause that follows the intro, or a sentence of its own. */
export type Phrase = { id: string; text: string; form: 'clause' | 'sentence' };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A constraint without its wording: the generator picks one of the candidate's phrases. */
export type ConstraintBody = DistributiveOmit<Constraint, 'phrase' | 'templateId'>;

/** A constraint the target satisfies, with several ways to say it. */
export type Candidate = {
  constraint: ConstraintBody;
  phrases: Phrase[];
  /**
   * key: what every request names (where and when): always in the task;
   * core: the rest of the search (who, class): often named;
   * refine: narrows the choice among listings or options;
   * details/addon: traveller details and extras (made generically by the generator).
   */
  role: 'key' | 'core' | 'refine' | 'details' | 'addon';
  /**
   * 'who': a clause about the travellers ("with my two kids", "using my Senior Railcard"). Key
   * clauses about where and when follow the opening directly ("Book a train from A to B on
   * June 7"); who-clauses are set off with commas so they never run into the date.
   */
  slot?: 'who';
  /** For constraints on listing facts: whether a listing meets it (scopes superlatives). */
  matchesListing?: (l: Listing) => boolean;
};

/** "The cheapest", "the shortest", "the highest rated": over a numeric or "HH:MM" listing attr. */
export type SuperlativeSpec = {
  id: string;
  field: string;
  objective: 'min' | 'max';
  phrases: Phrase[];
  /** Whether the superlative can be asked of this target (on a return trip, only with words that name the leg). */
  when?: (t: Target) => boolean;
};

/** What a site contributes to task generation: its facts and how people ask for them. */
export type TaskCatalogue = {
  siteId: string;
  /** Openings, e.g. "Book a flight", "Find me a hotel room", "Reserve a table". */
  intros: string[];
  /** Constraints on search parameters, listing facts and choice facts that the target meets. */
  candidates(target: Target, rng: Rng): Candidate[];
  superlatives: SuperlativeSpec[];
};
