import { sha256 } from '../../core/hash.js';
import type { SiteEpisodeState } from '../../core/schemas/episode-state.js';

/** The hidden field of the forms that book (review, payment) that makes booking idempotent. */
export const FORM_TOKEN = 'form_token';

/**
 * The token of the booking as it stands: the episode, the site, and the requests that made the
 * current selection, its other items and the details. Posting the same form twice (a double
 * click, a resent form) carries the same token; choosing again or resubmitting the details makes
 * a new one.
 */
export function formToken(episodeId: string, state: SiteEpisodeState): string {
  const items = state.extraItems.map((it) => it.seq).join(',');
  return sha256(`${episodeId}/${state.siteId}/${state.selection?.seq ?? -1}/${items}/${state.form?.seq ?? -1}`).slice(0, 24);
}

/**
 * The booking each token made, per episode and site. Kept beside the state, not in it: it is how
 * the server answers a resent form, not something the episode did. Keyed by the state object, so
 * an episode that is replaced or evicted takes its tokens with it.
 */
const bookedBy = new WeakMap<SiteEpisodeState, Map<string, string>>();

/** The reference of the booking `token` already made in this state, if any. */
export function bookedWith(state: SiteEpisodeState, token: string): string | undefined {
  return bookedBy.get(state)?.get(token);
}

export function rememberBooked(state: SiteEpisodeState, token: string, reference: string): void {
  let m = bookedBy.get(state);
  if (!m) bookedBy.set(state, (m = new Map()));
  m.set(token, reference);
}
