import type { Attrs, EpisodeState, Person, SiteEpisodeState } from '../core/schemas/episode-state.js';

/** Where a fact was read from: the furthest stage of the flow the episode reached. */
export type FactSource = 'none' | 'search' | 'selection' | 'form' | 'booking';

/** What an episode has done on one site, flattened for the checkers. */
export type Facts = {
  attrs: Attrs;
  attrSource: FactSource;
  listingId: string | undefined;
  travellers: Person[];
  contact: Record<string, string>;
  extras: Record<string, number>;
  /** 'form' or 'booking' once details were submitted; refused add-ons count only then. */
  detailsSource: FactSource;
  booked: boolean;
};

export const NO_FACTS: Facts = {
  attrs: {},
  attrSource: 'none',
  listingId: undefined,
  travellers: [],
  contact: {},
  extras: {},
  detailsSource: 'none',
  booked: false,
};

export function siteStateOf(state: EpisodeState | SiteEpisodeState | undefined, siteId: string): SiteEpisodeState | undefined {
  if (!state) return undefined;
  if ('sites' in state) return state.sites[siteId];
  return state.siteId === siteId ? state : undefined;
}

/**
 * A booking, when there is one, is the whole truth: a booking that contradicts an earlier
 * correct search is judged on the booking. Before it, progress counts: the selection's facts,
 * with a newer search's parameters on top, and the details form as last submitted.
 */
export function factsOf(s: SiteEpisodeState | undefined): Facts {
  if (!s) return NO_FACTS;
  const last = s.bookings[s.bookings.length - 1];
  if (last) {
    return {
      attrs: last.attrs,
      attrSource: 'booking',
      listingId: last.listingId,
      travellers: last.travellers,
      contact: last.contact,
      extras: last.extras,
      detailsSource: 'booking',
      booked: true,
    };
  }
  let attrs: Attrs = {};
  let attrSource: FactSource = 'none';
  if (s.selection) {
    attrs = { ...s.selection.attrs };
    attrSource = 'selection';
    if (s.search && s.search.seq > s.selection.seq) Object.assign(attrs, s.search.params);
  } else if (s.search) {
    attrs = { ...s.search.params };
    attrSource = 'search';
  }
  return {
    attrs,
    attrSource,
    listingId: s.selection?.listingId,
    travellers: s.form?.travellers ?? [],
    contact: s.form?.contact ?? {},
    extras: s.form?.extras ?? {},
    detailsSource: s.form ? 'form' : 'none',
    booked: false,
  };
}
