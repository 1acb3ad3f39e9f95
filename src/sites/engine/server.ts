import { serve, type ServerType } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { EnvironmentError } from '../../core/errors.js';
import type { World } from '../../world/world.js';
import { loadArenaWorld, SITES } from '../registry.js';
import { EpisodeStore } from './episode-store.js';
import { createSiteApp } from './site-app.js';
import type { SiteDefinition } from './site-definition.js';
import { createControlApp, startUrl } from './control-api.js';
import { portalPage } from './portal.js';
import type { OriginApp } from './origin-app.js';

export type ServeOptions = {
  port?: number;
  host?: string;
  seed?: number;
  /** Use this world instead of loading the cached one for `seed`. */
  world?: World;
  cacheDir?: string;
  sites?: readonly SiteDefinition[];
  /** Episodes kept at most (default 50,000); the least recently used idle one is evicted past it. */
  episodeCapacity?: number;
  /** An episode used within this many ms is never evicted (default 10 minutes). */
  episodeIdleMs?: number;
  /** More origins served beside the booking sites (the knowledge web: `knowledgeOrigins()`). */
  origins?: readonly OriginApp[];
};

export type SiteServer = {
  port: number;
  host: string;
  world: World;
  /** The privileged state API needs it in the `x-webfoundry-secret` header. */
  secret: string;
  episodes: EpisodeStore;
  sites: readonly SiteDefinition[];
  /** The other origins it serves (ids), beside the booking sites. */
  origins: readonly string[];
  /** http://<site>.localhost:<port> */
  origin(siteId: string): string;
  /** Where a browser enters an episode on a site: a start URL carrying the episode's signed ticket. */
  startUrl(siteId: string, episodeId: string): string;
  /** http://127.0.0.1:<port>: the portal and the state API. */
  controlUrl: string;
  /** Whether it still accepts connections (false once closed). */
  listening(): boolean;
  close(): Promise<void>;
};

export const SECRET_HEADER = 'x-webfoundry-secret';

export function siteOrigin(siteId: string, port: number): string {
  return `http://${siteId}.localhost:${port}`;
}

/** The site a Host header names: "<site>.localhost:<port>" -> "<site>". */
export function siteIdFromHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  const m = /^([a-z0-9-]+)\.localhost$/.exec(name);
  return m?.[1];
}

/**
 * Serves every site from one process. The Host header picks the site, so each site is its
 * own origin (own cookies and storage) while sharing one port, one world and one episode store.
 */
export async function startServer(options: ServeOptions = {}): Promise<SiteServer> {
  const seed = options.seed ?? 1;
  const host = options.host ?? '127.0.0.1';
  const world = options.world ?? loadArenaWorld(seed, options.cacheDir).world;
  const sites = options.sites ?? SITES;
  const episodes = new EpisodeStore(world.seed, {
    ...(options.episodeCapacity !== undefined ? { capacity: options.episodeCapacity } : {}),
    ...(options.episodeIdleMs !== undefined ? { idleMs: options.episodeIdleMs } : {}),
  });
  const secret = randomBytes(24).toString('hex');
  const apps = new Map<string, { fetch(req: Request): Response | Promise<Response> }>(sites.map((s) => [s.id, createSiteApp(s, world, episodes)]));
  let port = 0;
  for (const o of options.origins ?? []) {
    if (apps.has(o.id)) throw new EnvironmentError(`origin "${o.id}" is served twice`, { hint: 'an extra origin may not reuse a site id' });
    apps.set(o.id, o.create({ world, episodes, sites, origin: (id) => siteOrigin(id, port) }));
  }
  const control = createControlApp({ secret, episodes, sites, world, origin: (id) => siteOrigin(id, port), extraOrigins: (options.origins ?? []).map((o) => o.id) });
  const portal = new Hono();
  portal.get('/', (c) => c.html(portalPage(sites, (id) => siteOrigin(id, port))));
  portal.notFound((c) => c.text('Not found. Sites live at http://<site>.localhost:<port>/', 404));

  const fetch = (req: Request): Response | Promise<Response> => {
    const url = new URL(req.url);
    if (url.pathname.startsWith('/__wf/')) return control.fetch(req);
    const siteId = siteIdFromHost(req.headers.get('host') ?? undefined);
    if (siteId === undefined) return portal.fetch(req);
    const app = apps.get(siteId);
    if (!app) {
      return new Response(`Unknown site "${siteId}". Known sites: ${[...apps.keys()].join(', ')}.`, {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return app.fetch(req);
  };

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(new EnvironmentError(`cannot listen on ${host}:${options.port ?? 0}: ${err.code ?? err.message}`, { cause: err, hint: 'choose another --port' })),
    );
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    host,
    world,
    secret,
    episodes,
    sites,
    origins: (options.origins ?? []).map((o) => o.id),
    origin: (id) => siteOrigin(id, port),
    startUrl: (siteId, episodeId) => startUrl(episodes, siteOrigin(siteId, port), episodeId),
    controlUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    listening: () => server.listening,
    close: () =>
      new Promise<void>((resolve) => {
        // Idle keep-alive sockets would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
