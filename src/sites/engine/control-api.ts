import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import type { World } from '../../world/world.js';
import { EpisodeStore } from './episode-store.js';
import type { SiteDefinition } from './site-definition.js';
import { z } from 'zod';
import type { Booking } from '../../core/schemas/episode-state.js';
import { FixtureBooking } from '../../core/schemas/task.js';
import { fixtureBooking } from './manage.js';

/** Fixtures by site id: bookings an episode starts with. */
const EpisodeFixtures = z.record(z.string(), z.array(FixtureBooking));

type Deps = {
  secret: string;
  episodes: EpisodeStore;
  sites: readonly SiteDefinition[];
  world: World;
  origin: (siteId: string) => string;
};

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The privileged API under /__wf/: episode lifecycle and state snapshots for evaluation.
 * Every route but /health needs the per-server secret in a header, which pages never see;
 * no CORS headers are sent, so a page cannot read a response even by guessing the path.
 */
export function createControlApp(deps: Deps): Hono {
  const app = new Hono().basePath('/__wf');
  app.get('/health', (c) => c.json({ ok: true, seed: deps.world.seed, worldHash: deps.world.hash, sites: deps.sites.map((s) => s.id) }));
  app.use('*', async (c, next) => {
    if (!sameSecret(c.req.header('x-webfoundry-secret'), deps.secret)) return c.json({ error: 'forbidden: missing or wrong x-webfoundry-secret' }, 403);
    await next();
  });
  app.post('/episodes', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { episodeId?: unknown; fixtures?: unknown };
    const wanted = typeof body.episodeId === 'string' ? body.episodeId : undefined;
    if (wanted !== undefined && !EpisodeStore.isValidId(wanted)) return c.json({ error: `invalid episode id "${wanted}"` }, 400);
    // Bookings the episode starts with (to manage), made by each site's own rules.
    const fixtures = EpisodeFixtures.safeParse(body.fixtures ?? {});
    if (!fixtures.success) return c.json({ error: `invalid fixtures: ${fixtures.error.issues[0]!.path.join('.')}: ${fixtures.error.issues[0]!.message}` }, 400);
    const made: { site: string; bookings: Booking[] }[] = [];
    for (const [siteId, list] of Object.entries(fixtures.data)) {
      const site = deps.sites.find((s) => s.id === siteId);
      if (!site) return c.json({ error: `fixtures for unknown site "${siteId}"` }, 400);
      const bookings: Booking[] = [];
      for (const f of list) {
        const b = fixtureBooking(site, deps.world, wanted ?? 'fixture', f);
        if (typeof b === 'string') return c.json({ error: `fixture ${f.reference} on ${siteId}: ${b}` }, 400);
        bookings.push(b);
      }
      made.push({ site: siteId, bookings });
    }
    const id = deps.episodes.create(wanted);
    for (const m of made) deps.episodes.site(id, m.site).bookings.push(...m.bookings);
    const startUrls = Object.fromEntries(deps.sites.map((s) => [s.id, `${deps.origin(s.id)}/?wf_episode=${encodeURIComponent(id)}`]));
    return c.json({ episodeId: id, startUrls }, 201);
  });
  app.get('/episodes/:id/state', (c) => {
    const id = c.req.param('id');
    if (!deps.episodes.has(id)) return c.json({ error: `unknown episode "${id}"` }, 404);
    return c.json(deps.episodes.snapshot(id));
  });
  app.delete('/episodes/:id', (c) => {
    const removed = deps.episodes.delete(c.req.param('id'));
    return removed ? c.body(null, 204) : c.json({ error: 'unknown episode' }, 404);
  });
  app.notFound((c) => c.json({ error: 'no such control route' }, 404));
  return app;
}
