import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import { CapacityError, ConflictError } from '../../src/core/errors.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import { EPISODE_COOKIE } from '../../src/sites/engine/episode-access.js';
import { EpisodeStore } from '../../src/sites/engine/episode-store.js';
import { startServer, type SiteServer } from '../../src/sites/engine/server.js';
import { sharedBrowser } from '../helpers/browser.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';
import { http, testWorld, useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: true });
const secret = () => ({ 'x-webfoundry-secret': getServer().secret, 'content-type': 'application/json' });
const create = (body: unknown) => http(getServer(), { method: 'POST', path: '/__wf/episodes', headers: secret(), body: JSON.stringify(body) });
const SEARCH = '/search?origin=LIS&destination=MAD&date=2026-06-10&adults=1&children=0&cabin=economy';

describe('the episode store', () => {
  it('gives random, unguessable ids by default; an existing id is refused unless replaced, which starts it over', () => {
    const store = new EpisodeStore(1);
    const ids = Array.from({ length: 50 }, () => store.create());
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    store.create('mine');
    store.site('mine', 'skyhop').requests = 7;
    expect(() => store.create('mine')).toThrow(ConflictError);
    expect(store.site('mine', 'skyhop').requests).toBe(7);
    store.create('mine', { replace: true });
    expect(store.site('mine', 'skyhop').requests).toBe(0);
  });

  it('evicts by last use, never an episode used within the idle window; when all are in use it refuses and keeps them all', () => {
    let now = 0;
    const store = new EpisodeStore(1, { capacity: 3, idleMs: 1000, now: () => now });
    for (const id of ['a', 'b', 'c']) store.create(id);
    now = 500;
    expect(() => store.create('d')).toThrow(CapacityError);
    expect(['a', 'b', 'c'].every((id) => store.has(id))).toBe(true);
    now = 2000;
    store.site('a', 'skyhop'); // a is used: b is now the least recently used
    store.create('d');
    expect(['a', 'b', 'c', 'd'].map((id) => store.has(id))).toEqual([true, false, true, true]);
    store.snapshot('c'); // a snapshot is a use too
    now = 3500;
    store.create('e');
    expect(['a', 'c', 'd', 'e'].map((id) => store.has(id))).toEqual([false, true, true, true]);
  });

  it('a ticket is the id signed by its store: a bare id, a forged or another store\'s signature opens nothing', () => {
    const store = new EpisodeStore(1);
    const other = new EpisodeStore(1);
    store.create('e1');
    other.create('e1');
    const ticket = store.ticket('e1');
    expect(store.openTicket(ticket)).toEqual({ valid: true, id: 'e1' });
    expect(store.openTicket('e1').valid).toBe(false);
    expect(store.openTicket(other.ticket('e1')).valid).toBe(false);
    expect(store.openTicket(`${ticket.slice(0, -1)}${ticket.endsWith('A') ? 'B' : 'A'}`).valid).toBe(false);
    store.delete('e1');
    expect(store.openTicket(ticket)).toEqual({ valid: true, id: undefined });
  });
});

describe('the control API creates episodes; nothing else does', () => {
  it('random ids by default, start URLs carrying tickets; an existing id is refused (409) unless "replace"', async () => {
    const a = JSON.parse((await create({})).body) as { episodeId: string; startUrls: Record<string, string> };
    const b = JSON.parse((await create({})).body) as { episodeId: string };
    expect(a.episodeId).not.toBe(b.episodeId);
    expect(a.episodeId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.startUrls.skyhop).toBe(getServer().startUrl('skyhop', a.episodeId));
    expect(a.startUrls.skyhop).not.toContain(`wf_episode=${a.episodeId}&`);

    expect((await create({ episodeId: 'dup' })).status).toBe(201);
    getServer().episodes.site('dup', 'skyhop').requests = 5;
    const again = await create({ episodeId: 'dup' });
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body).error).toMatch(/episode "dup" exists/);
    expect(getServer().episodes.site('dup', 'skyhop').requests).toBe(5);
    const replaced = await create({ episodeId: 'dup', replace: true });
    expect([replaced.status, JSON.parse(replaced.body).replaced]).toEqual([201, true]);
    expect(getServer().episodes.snapshot('dup').sites).toEqual({});
  });

  it('malformed requests are 400s', async () => {
    const server = getServer();
    for (const body of ['{"episodeId":', '{"episodeId": 5}', '{"surprise": true}', '[]', '"x"']) {
      const r = await http(server, { method: 'POST', path: '/__wf/episodes', headers: secret(), body });
      expect(r.status, body).toBe(400);
    }
    expect((await http(server, { method: 'POST', path: '/__wf/episodes', headers: secret() })).status).toBe(201);
  });

  it('the health route states the capacity', async () => {
    const health = JSON.parse((await http(getServer(), { path: '/__wf/health' })).body);
    expect(health.episodes).toMatchObject({ capacity: 50_000, idleMs: 600_000 });
  });
});

/** GET with keep-alive; returns the status and whether the server set a cookie. */
function get(server: SiteServer, agent: Agent, path: string, cookie?: string): Promise<{ status: number; setCookie: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, agent, headers: { host: `skyhop.localhost:${server.port}`, ...(cookie ? { cookie } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] !== undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('requests without an episode allocate nothing', () => {
  let small: SiteServer;
  beforeAll(async () => {
    small = await startServer({ port: 0, world: testWorld(), episodeCapacity: 50 });
  });
  afterAll(() => small.close());

  it('a burst of 5,000 cookieless requests (100x the capacity) leaves a busy episode and its state alone', async () => {
    const busy = small.episodes.create('busy');
    const cookie = `${EPISODE_COOKIE}=${small.episodes.ticket(busy)}`;
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    try {
      expect((await get(small, agent, SEARCH, cookie)).status).toBe(200);
      let sent = 0;
      let busyRequests = 1;
      const cookieless = ['/', SEARCH, '/details', '/bookings', '/listing/nope'];
      await Promise.all(
        Array.from({ length: 16 }, async (_, worker) => {
          while (sent < 5000) {
            const path = cookieless[sent++ % cookieless.length]!;
            const r = await get(small, agent, path, worker === 0 && sent % 7 === 0 ? `${EPISODE_COOKIE}=forged.${'A'.repeat(32)}` : undefined);
            expect(r.status).toBeLessThan(500);
            expect(r.setCookie).toBe(false);
            if (sent % 250 === 0) {
              // The busy episode keeps working in the middle of the burst.
              expect((await get(small, agent, '/', cookie)).status).toBe(200);
              busyRequests++;
            }
          }
        }),
      );
      expect(small.episodes.size).toBe(1);
      const state = small.episodes.snapshot(busy).sites.skyhop!;
      expect(state.search?.params.destination).toBe('MAD');
      expect(state.requests).toBe(busyRequests);
    } finally {
      agent.destroy();
    }
  }, 240_000);

  it('a visit without an episode can read pages but not change anything: its posts are refused', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const path of ['/listing/x?origin=LIS', '/details', '/book']) {
      const r = await http(small, { site: 'skyhop', method: 'POST', path, headers: form, body: 'terms=accepted' });
      expect(r.status, path).toBe(403);
      expect(r.body).toContain('not part of an episode');
    }
    expect((await http(small, { site: 'skyhop', method: 'POST', path: '/consent', headers: form })).status).toBe(303);
    expect(small.episodes.size).toBe(1);
  });

  it('a cookie of an episode that ended says so (410) and is never an empty episode under the old id', async () => {
    const id = small.episodes.create('ending');
    const cookie = `${EPISODE_COOKIE}=${small.episodes.ticket(id)}`;
    small.episodes.delete(id);
    const r = await http(small, { site: 'skyhop', path: '/', headers: { cookie } });
    expect(r.status).toBe(410);
    expect(small.episodes.has(id)).toBe(false);
  });
});

describe('a page cannot switch into another episode', () => {
  let decoy: StaticServer;
  beforeAll(async () => {
    decoy = await startStaticServer();
  });
  afterAll(() => decoy.close());

  it('an agent in its own episode cannot join, read or write another one by id, by a forged ticket or by setting the cookie', async () => {
    const server = getServer();
    const victim = server.episodes.create('victim-episode');
    server.episodes.site(victim, 'skyhop').viewedListingId = 'secret-listing';
    const before = JSON.stringify(server.episodes.snapshot(victim));
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(server) });
    try {
      await env.reset({ siteId: 'skyhop', episodeId: 'attacker-episode' });
      const origin = server.origin('skyhop');
      const forged = `${victim}.${'A'.repeat(32)}`;
      for (const target of [`${origin}/?wf_episode=${victim}`, `${origin}/?wf_episode=${forged}`]) {
        const r = await env.step(`goto('${target}')`);
        expect(r.observation.axtree).toContain('Not a valid episode link');
        expect(r.info.state!.episodeId).toBe('attacker-episode');
      }
      // A page script cannot overwrite the httpOnly cookie, nor make a new one that counts.
      await env.page!.evaluate(`document.cookie = 'wf_episode=${forged}; path=/'`);
      const r = await env.step(`goto('${origin}${SEARCH}')`);
      expect(r.info.state!.episodeId).toBe('attacker-episode');
      expect(r.info.state!.sites.skyhop!.search?.params.destination).toBe('MAD');
      expect(JSON.stringify(server.episodes.snapshot(victim))).toBe(before);
    } finally {
      await env.close();
    }
  });

  it('a site path starting with "//" does not take the agent to another host (the decoy hears nothing)', async () => {
    const server = getServer();
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(server) });
    try {
      await env.reset({ siteId: 'skyhop', episodeId: 'slashes' });
      decoy.hits.length = 0;
      // The join redirect drops the ticket and keeps the path: it must stay a path on the site.
      const ticket = server.episodes.ticket('slashes');
      for (const path of [`//127.0.0.1:${decoy.port}/x?wf_episode=${ticket}`, `/\\127.0.0.1:${decoy.port}/y?wf_episode=${ticket}`]) {
        const r = await env.step(`goto('${server.origin('skyhop')}${path}')`);
        expect(r.observation.url.startsWith(`${server.origin('skyhop')}/`), path).toBe(true);
        expect(r.info.blockedRequests, path).toEqual([]);
      }
      expect(decoy.hits).toEqual([]);
    } finally {
      await env.close();
    }
  });
});
