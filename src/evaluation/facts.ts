import { withItems, type Attrs, type EpisodeState, type Person, type SiteEpisodeState } from '../core/schemas/episode-state.js';
import type { Stage } from '../core/schemas/task.js';
import { finalReply } from './answers/reply-parts.js';

/** Where a fact was read from. */
export type FactSource = 'none' | 'search' | 'selection' | 'form' | 'booking' | 'reply';

/** The option booked or chosen: its listing and a choice per option group. */
export type ChosenOption = { listing: string; choices: Record<string, string> };

/** What an episode has done on one site, flattened for the checkers. */
export type Facts = {
  /** The facts a constraint of each stage reads, and where they came from (see `factsOf`). */
  byStage: Record<Stage, { attrs: Attrs; source: FactSource }>;
  /** The option of the last booking, else of the current selection. */
  option: ChosenOption | undefined;
  travellers: Person[];
  contact: Record<string, string>;
  extras: Record<string, number>;
  /** 'form' or 'booking' once details were submitted; refused add-ons count only then. */
  detailsSource: FactSource;
  /** Confirmed bookings made in the episode on the site (the `booked` constraint wants exactly one). */
  bookings: number;
  /** The agent's reply to the user (its last message, unless that gave the task up): what answer constraints read. */
  reply: string | undefined;
};

const EMPTY = { attrs: {}, source: 'none' as const };

export const NO_FACTS: Facts = {
  byStage: { search: EMPTY, selection: EMPTY, details: EMPTY, booking: EMPTY },
  option: undefined,
  travellers: [],
  contact: {},
  extras: {},
  detailsSource: 'none',
  bookings: 0,
  reply: undefined,
};

export function siteStateOf(state: EpisodeState | SiteEpisodeState | undefined, siteId: string): SiteEpisodeState | undefined {
  if (!state) return undefined;
  if ('sites' in state) return state.sites[siteId];
  return state.siteId === siteId ? state : undefined;
}

/** The option a booking or selection is: its listing and a choice per group (a seat map's seats joined by "+", as winners name them). */
const optionOf = (listing: string, options: readonly { groupId: string; choiceId: string }[]): ChosenOption => {
  const choices: Record<string, string> = {};
  for (const o of options) choices[o.groupId] = o.groupId in choices ? `${choices[o.groupId]}+${o.choiceId}` : o.choiceId;
  return { listing, choices };
};

/**
 * The one rule for what counts before and after a booking, the same for every constraint:
 *
 * - A booking, when there is one, is the whole truth: every constraint is judged on the last
 *   booking made in the episode (a booking that contradicts an earlier correct search is judged
 *   on the booking). A task about a booking the user already has (`subject`) is judged on that
 *   booking as it now stands: changed, cancelled or untouched.
 * - Before it, a constraint counts as met as soon as the flow has reached the stage where the
 *   page shows the fact it checks:
 *   - `search` facts (where, when, who) from the current search, or from the selection when
 *     it is newer than the last search (it carries the parameters it was made under);
 *   - `selection` facts (the listing and the options chosen, and what they cost per unit) only
 *     from a selection: a search parameter never stands for a listing fact (a "depart after"
 *     search is not the departure time of a train, a searched date range is not an event date);
 *   - `details` from the traveller and contact fields as last submitted (only those that were
 *     valid) and the add-ons as last submitted;
 *   - `booking` facts (the total paid, the booking itself) only from a booking.
 */
export function factsOf(s: SiteEpisodeState | undefined, subject?: string): Facts {
  if (!s) return NO_FACTS;
  const made = s.bookings.filter((b) => b.origin === 'episode');
  const confirmed = made.filter((b) => b.status === 'confirmed').length;
  const last = subject !== undefined ? s.bookings.find((b) => b.reference === subject) : made[made.length - 1];
  if (subject !== undefined && !last) return NO_FACTS;
  if (last) {
    const all = { attrs: last.attrs, source: 'booking' as const };
    return {
      byStage: { search: all, selection: all, details: all, booking: all },
      option: optionOf(last.listingId, last.options),
      travellers: last.travellers,
      contact: last.contact,
      extras: last.extras,
      detailsSource: 'booking',
      bookings: confirmed,
      reply: finalReply(s.replies),
    };
  }
  const selection = s.selection ? { attrs: withItems(s.selection.attrs, s.extraItems), source: 'selection' as const } : EMPTY;
  const searchIsNewer = s.search !== null && (s.selection === null || s.search.seq > s.selection.seq);
  const search = searchIsNewer ? { attrs: s.search!.params as Attrs, source: 'search' as const } : selection;
  return {
    byStage: { search, selection, details: selection, booking: EMPTY },
    option: s.selection ? optionOf(s.selection.listingId, s.selection.options) : undefined,
    travellers: s.form?.travellers ?? [],
    contact: s.form?.contact ?? {},
    extras: s.form?.extras ?? {},
    detailsSource: s.form ? 'form' : 'none',
    bookings: 0,
    reply: finalReply(s.replies),
  };
}

/** The same attrs at every stage, as after a booking: what a check of one option's facts reads. */
export function uniformFacts(attrs: Attrs, source: FactSource = 'selection', option?: ChosenOption): Facts {
  const at = { attrs, source };
  return { ...NO_FACTS, byStage: { search: at, selection: at, details: at, booking: at }, option };
}
