import { sha256 } from '../../core/hash.js';
import type { SiteEpisodeState } from '../../core/schemas/episode-state.js';

/** The hidden field of the review form that makes booking idempotent. */
export const FORM_TOKEN = 'form_token';

/**
 * The token of the review as it stands: the episode, the site, and the requests that made the
 * current selection and details. Posting the same review twice (a double click, a resent form)
 * carries the same token; choosing again or resubmitting the details makes a new one.
 */
export function reviewToken(episodeId: string, state: SiteEpisodeState): string {
  return sha256(`${episodeId}/${state.siteId}/${state.selection?.seq ?? -1}/${state.form?.seq ?? -1}`).slice(0, 24);
}

/**
 * The booking each token made, per episode and site. Kept beside the state, not in it: it is how
 * the server answers a resent form, not something the episode did.
 */
export class BookedTokens {
  private readonly byState = new WeakMap<SiteEpisodeState, Map<string, string>>();

  reference(state: SiteEpisodeState, token: string): string | undefined {
    return this.byState.get(state)?.get(token);
  }

  remember(state: SiteEpisodeState, token: string, reference: string): void {
    let m = this.byState.get(state);
    if (!m) this.byState.set(state, (m = new Map()));
    m.set(token, reference);
  }
}
