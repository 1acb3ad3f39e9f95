import { afterAll, beforeAll } from 'vitest';
import { closeBrowser } from './browser.js';
import { request } from 'node:http';
import type { World } from '../../src/world/world.js';
import { startServer, type SiteServer } from '../../src/sites/engine/server.js';
import type { OriginApp } from '../../src/sites/engine/origin-app.js';
import { buildArenaWorld } from '../../src/sites/registry.js';

let shared: World | undefined;

/** One world per test process: building it is the slow part, serving it is not. */
export function testWorld(): World {
  shared ??= buildArenaWorld(1);
  return shared;
}

export function startTestServer(opts: { origins?: readonly OriginApp[] } = {}): Promise<SiteServer> {
  return startServer({ port: 0, world: testWorld(), ...(opts.origins ? { origins: opts.origins } : {}) });
}

export type HttpResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * A request to the server with an explicit Host header, so tests reach
 * http://<site>.localhost:<port> without relying on the resolver.
 */
export function http(
  server: SiteServer,
  opts: { site?: string; method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: opts.site ? `${opts.site}.localhost:${server.port}` : `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

export async function stateOf(server: SiteServer, episodeId: string) {
  const res = await http(server, { path: `/__wf/episodes/${episodeId}/state`, headers: { 'x-webfoundry-secret': server.secret } });
  if (res.status !== 200) throw new Error(`state API answered ${res.status}: ${res.body}`);
  return JSON.parse(res.body) as import('../../src/core/schemas/episode-state.js').EpisodeState;
}

/**
 * Registers beforeAll/afterAll hooks that start a server (and close it, with the shared
 * browser when `browser` is true); returns a getter for the running server.
 */
export function useTestServer(opts: { browser?: boolean; origins?: readonly OriginApp[] } = {}): () => SiteServer {
  let server: SiteServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(opts.origins ? { origins: opts.origins } : {});
  });
  afterAll(async () => {
    if (opts.browser) await closeBrowser();
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the test server is not started yet');
    return server;
  };
}
