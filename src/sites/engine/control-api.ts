import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CapacityError, ConflictError, InvalidInputError } from '../../core/errors.js';
import type { World } from '../../world/world.js';
import { EPISODE_PARAM } from './episode-access.js';
import type { EpisodeStore } from './episode-store.js';
import type { SiteDefinition } from './site-definition.js';
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
  /** Origins served beside the booking sites (the knowledge web): an episode may start there too. */
  extraOrigins?: readonly string[];
};

/** The body of POST /__wf/episodes. */
export const CreateEpisodeRequest = z.strictObject({
  /** An id of your own (1-80 of A-Z a-z 0-9 _ -); a random one when left out. */
  episodeId: z.string().optional(),
  /** With an id that exists: start that episode over, empty. Without it such an id is refused (409). */
  replace: z.boolean().optional(),
  /** Bookings the episode starts with (to manage), by site id, made by each site's own rules. */
  fixtures: EpisodeFixtures.optional(),
});

/** Where a browser enters episode `id` on a site: the site's home page with the episode's ticket. */
export function startUrl(episodes: EpisodeStore, origin: string, id: string): string {
  return `${origin}/?${EPISODE_PARAM}=${encodeURIComponent(episodes.ticket(id))}`;
}

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
  app.get('/health', (c) =>
    c.json({
      ok: true,
      seed: deps.world.seed,
      worldHash: deps.world.hash,
      sites: deps.sites.map((s) => s.id),
      episodes: { count: deps.episodes.size, capacity: deps.episodes.capacity, idleMs: deps.episodes.idleMs },
    }),
  );
  app.use('*', async (c, next) => {
    if (!sameSecret(c.req.header('x-webfoundry-secret'), deps.secret)) return c.json({ error: 'forbidden: missing or wrong x-webfoundry-secret' }, 403);
    await next();
  });
  app.post('/episodes', async (c) => {
    const text = (await c.req.text().catch(() => undefined)) ?? '';
    let json: unknown = {};
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        return c.json({ error: 'the body is not JSON', hint: 'send {} or {"episodeId": "...", "replace": true}' }, 400);
      }
    }
    const body = CreateEpisodeRequest.safeParse(json);
    if (!body.success) return c.json({ error: `invalid request: ${body.error.issues[0]!.path.join('.') || 'body'}: ${body.error.issues[0]!.message}` }, 400);
    // Fixtures are made (and refused) before the episode exists, so a bad one leaves nothing behind.
    const made: { site: string; bookings: Booking[] }[] = [];
    for (const [siteId, list] of Object.entries(body.data.fixtures ?? {})) {
      const site = deps.sites.find((s) => s.id === siteId);
      if (!site) return c.json({ error: `fixtures for unknown site "${siteId}"` }, 400);
      const bookings: Booking[] = [];
      for (const f of list) {
        const b = fixtureBooking(site, deps.world, body.data.episodeId ?? 'fixture', f);
        if (typeof b === 'string') return c.json({ error: `fixture ${f.reference} on ${siteId}: ${b}` }, 400);
        bookings.push(b);
      }
      made.push({ site: siteId, bookings });
    }
    const replaced = body.data.episodeId !== undefined && deps.episodes.has(body.data.episodeId);
    let id: string;
    try {
      id = deps.episodes.create(body.data.episodeId, { replace: body.data.replace ?? false });
    } catch (err) {
      const status = err instanceof ConflictError ? 409 : err instanceof CapacityError ? 503 : err instanceof InvalidInputError ? 400 : undefined;
      if (status === undefined) throw err;
      return c.json({ error: (err as Error).message, hint: (err as InvalidInputError).hint }, status);
    }
    for (const m of made) deps.episodes.site(id, m.site).bookings.push(...m.bookings);
    const startUrls = Object.fromEntries([...deps.sites.map((s) => s.id), ...(deps.extraOrigins ?? [])].map((siteId) => [siteId, startUrl(deps.episodes, deps.origin(siteId), id)]));
    return c.json({ episodeId: id, replaced, startUrls }, 201);
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
