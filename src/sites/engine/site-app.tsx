import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { logger } from '../../core/logger.js';
import type { World } from '../../world/world.js';
import { APP_JS, siteCss } from './assets.js';
import { EpisodeStore } from './episode-store.js';
import type { SiteDefinition } from './site-definition.js';
import { defaultFlow } from './steps/index.js';
import { makeKit, type C, type Env } from './steps/kit.js';
import { registerManage } from './manage.js';
import { MessagePage } from './views/booking-pages.js';
import { backTo, localPath } from './local-path.js';
import { registerChrome } from './chrome/routes.js';

const log = logger('sites:app');
export const EPISODE_COOKIE = 'wf_episode';
export const EPISODE_PARAM = 'wf_episode';

/** Builds the request handler of one site. Pages are rendered on the server from episode state. */
export function createSiteApp(site: SiteDefinition, world: World, episodes: EpisodeStore): Hono<Env> {
  const app = new Hono<Env>();
  const css = siteCss(site.theme);

  // The booking flow: the site's own sequence of steps from the shared library.
  const flow = site.flow ?? defaultFlow();
  const kit = makeKit(site, world, episodes, flow);
  // Pages outside the booking flow render with no step of it current.
  const render = (c: C, step: string, title: string, body: unknown, status: 200 | 400 | 404 | 409 | 422 = 200) => kit.render(c, step, title, body, status);

  // Assets and suggestions are not part of an episode.
  app.get('/assets/app.js', (c) => c.body(APP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  app.get('/assets/site.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/api/suggest', (c) => {
    const source = c.req.query('source') ?? '';
    const q = (c.req.query('q') ?? '').slice(0, 100);
    if (!site.searchFields.some((f) => f.kind === 'autocomplete' && f.source === source)) return c.json([], 404);
    return c.json(site.suggest(world, source, q).slice(0, 8));
  });

  // Every page belongs to an episode: from ?wf_episode= (then remembered in a cookie), the cookie, or a new one.
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const fromQuery = url.searchParams.get(EPISODE_PARAM);
    if (fromQuery !== null) {
      if (!EpisodeStore.isValidId(fromQuery)) {
        return render(c, 'search', 'Invalid episode', <MessagePage heading="Invalid episode id" body="Episode ids use letters, digits, - and _ (at most 80)." />, 400);
      }
      episodes.create(fromQuery);
      setCookie(c, EPISODE_COOKIE, fromQuery, { path: '/', httpOnly: true, sameSite: 'Lax' });
      url.searchParams.delete(EPISODE_PARAM);
      return c.redirect(localPath(url.pathname + url.search), 302);
    }
    let id = getCookie(c, EPISODE_COOKIE);
    if (!id || !episodes.has(id)) {
      id = episodes.create(id && EpisodeStore.isValidId(id) ? id : undefined);
      setCookie(c, EPISODE_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'Lax' });
    }
    const state = episodes.site(id, site.id);
    state.requests += 1;
    c.set('episodeId', id);
    c.set('state', state);
    await next();
  });
  registerChrome(app, site, world);

  for (const step of flow) step.register(app, kit);

  // My bookings, and changing or cancelling them where the site allows it.
  registerManage(app, kit);

  const remember = (name: string) => (c: C) => {
    setCookie(c, name, '1', { path: '/', sameSite: 'Lax' });
    return c.redirect(backTo(c.req.header('referer'), c.req.url), 303);
  };
  app.post('/consent', remember('wf_consent'));
  app.post('/promo/dismiss', remember('wf_promo'));

  app.notFound((c) => render(c, 'search', 'Page not found', <MessagePage heading="Page not found" body={`There is no page at ${new URL(c.req.url).pathname}.`} />, 404));
  app.onError((err, c) => {
    log.warn('request failed', { site: site.id, url: c.req.url, error: String(err) });
    return c.html(`<!doctype html><title>Error</title><h1>Something went wrong</h1><p>${escapeHtml(err.message)}</p>`, 500);
  });
  return app;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

