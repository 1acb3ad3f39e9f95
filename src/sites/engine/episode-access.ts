import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { emptySiteState, type SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { EpisodeStore } from './episode-store.js';
import { localPath } from './local-path.js';

/** The cookie that carries a browser's episode ticket on one site (host-only, httpOnly). */
export const EPISODE_COOKIE = 'wf_episode';
/** The start URL's query parameter: a ticket from the control API, exchanged for the cookie. */
export const EPISODE_PARAM = 'wf_episode';

/**
 * `episodeId` is null for a visit outside any episode: its `state` is a blank one that lives for
 * this request only, so such a visit can read pages but changes nothing anywhere.
 */
export type SiteEnv = { Variables: { episodeId: string | null; state: SiteEpisodeState } };

export type Refusal = { status: 403 | 410; heading: string; body: string };

/**
 * Which episode a request belongs to, and nothing else: episodes are made by the holder of the
 * server's secret (the control API), never here.
 *
 * - `?wf_episode=<ticket>` (a start URL) enters the ticket's episode: the ticket goes into a
 *   host-only cookie and the browser is sent to the same address without it. A ticket whose
 *   signature is not the server's is refused (403): an episode id alone, guessed or read
 *   somewhere, does not let a page into that episode. A valid ticket of an episode that was
 *   deleted or evicted is refused as ended (410).
 * - The cookie keeps the browser in its episode. A cookie whose episode ended is refused (410),
 *   never silently replaced by an empty episode.
 * - No ticket (a crawler, a health check, a person who typed the address): the pages render from
 *   a blank state that is not stored; posting a form that would change state is refused (403),
 *   except `openPosts` (preference cookies such as the cookie banner's). Nothing is allocated.
 */
export function episodeAccess(episodes: EpisodeStore, siteId: string, refuse: (c: Context<SiteEnv>, r: Refusal) => Response | Promise<Response>, openPosts: ReadonlySet<string>): MiddlewareHandler<SiteEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const fromQuery = url.searchParams.get(EPISODE_PARAM);
    if (fromQuery !== null) {
      const t = episodes.openTicket(fromQuery);
      if (!t.valid) return refuse(c, NOT_A_TICKET);
      if (t.id === undefined) return refuse(c, ENDED);
      setCookie(c, EPISODE_COOKIE, fromQuery, { path: '/', httpOnly: true, sameSite: 'Lax' });
      url.searchParams.delete(EPISODE_PARAM);
      return c.redirect(localPath(url.pathname + url.search), c.req.method === 'GET' || c.req.method === 'HEAD' ? 302 : 303);
    }
    const cookie = getCookie(c, EPISODE_COOKIE);
    const t = cookie === undefined ? undefined : episodes.openTicket(cookie);
    if (t?.valid && t.id === undefined) {
      deleteCookie(c, EPISODE_COOKIE, { path: '/' });
      return refuse(c, ENDED);
    }
    if (t?.valid && t.id !== undefined) {
      const state = episodes.site(t.id, siteId);
      state.requests += 1;
      c.set('episodeId', t.id);
      c.set('state', state);
    } else {
      // A forged cookie, or one from an earlier server (another key), is no episode at all.
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !openPosts.has(url.pathname)) return refuse(c, NO_EPISODE);
      const state = emptySiteState(siteId);
      state.requests = 1;
      c.set('episodeId', null);
      c.set('state', state);
    }
    await next();
  };
}

const NOT_A_TICKET: Refusal = {
  status: 403,
  heading: 'Not a valid episode link',
  body: 'Episodes are entered through the start URLs the control API returns (POST /__wf/episodes); an episode id on its own does not open one.',
};

const ENDED: Refusal = {
  status: 410,
  heading: 'This episode has ended',
  body: 'It was deleted, or evicted after a long time unused. Start a new episode to continue.',
};

const NO_EPISODE: Refusal = {
  status: 403,
  heading: 'This visit is not part of an episode',
  body: 'Pages can be browsed, but searches are not remembered and nothing can be booked. Open the site through a start URL from the control API (POST /__wf/episodes), or the one `webfoundry serve` prints.',
};
