import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { logger } from '../../core/logger.js';
import type { World } from '../../world/world.js';
import { APP_JS, siteCss } from './assets.js';
import type { EpisodeStore } from './episode-store.js';
import { episodeAccess, type Refusal } from './episode-access.js';
import { FormRefusedError, limitBody, MAX_BODY_BYTES } from './form-body.js';
import type { SiteDefinition } from './site-definition.js';
import { defaultFlow } from './steps/index.js';
import { makeKit, type C, type Env, type Status } from './steps/kit.js';
import { registerManage } from './manage.js';
import { MessagePage } from './views/booking-pages.js';
import { backTo } from './local-path.js';
import { registerChrome } from './chrome/routes.js';

const log = logger('sites:app');

/** Posts that change no episode state (preference cookies, the newsletter's thank-you page): they need no episode. */
const OPEN_POSTS = new Set(['/consent', '/promo/dismiss', '/newsletter']);

/** Builds the request handler of one site. Pages are rendered on the server from episode state. */
export function createSiteApp(site: SiteDefinition, world: World, episodes: EpisodeStore): Hono<Env> {
  const app = new Hono<Env>();
  const css = siteCss(site.theme);

  // The booking flow: the site's own sequence of steps from the shared library.
  const flow = site.flow ?? defaultFlow();
  const kit = makeKit(site, world, episodes, flow);
  // Pages outside the booking flow render with no step of it current.
  const render = (c: C, step: string, title: string, body: unknown, status: Status = 200) => kit.render(c, step, title, body, status);

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

  // Every page is read in its episode (episode-access.ts); none is ever created here. Bodies are bounded.
  const refused = (c: C, r: Refusal | { status: 400 | 413; message: string }) =>
    'heading' in r
      ? render(c, 'search', r.heading, <MessagePage heading={r.heading} body={r.body} />, r.status)
      : render(c, 'search', 'Form refused', <MessagePage heading="This form was refused" body={r.message} />, r.status);
  app.use('*', limitBody((c) => refused(c as C, { status: 413, message: `The request body is larger than the ${MAX_BODY_BYTES / 1024} KiB a form may send.` })));
  app.use('*', episodeAccess(episodes, site.id, refused, OPEN_POSTS));
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
    // A form over the limits or unreadable (form-body.ts): refused, nothing changed.
    if (err instanceof FormRefusedError) return refused(c as C, { status: err.status, message: err.message });
    log.warn('request failed', { site: site.id, url: c.req.url, error: String(err) });
    return c.html(`<!doctype html><title>Error</title><h1>Something went wrong</h1><p>${escapeHtml(err.message)}</p>`, 500);
  });
  return app;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

