import { describe, expect, it } from 'vitest';
import { http, stateOf, useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: false });

const secret = () => ({ 'x-webfoundry-secret': getServer().secret });

describe('bad input gets a clear 4xx, never a crash', () => {
  it('an unknown site is a 404 naming the known ones', async () => {
    const server = getServer();
    const r = await http(server, { site: 'nosuchsite', path: '/' });
    expect(r.status).toBe(404);
    expect(r.body).toContain('Unknown site "nosuchsite"');
    expect(r.body).toContain('skyhop');
  });

  it('an unknown route is a 404 page', async () => {
    const server = getServer();
    const r = await http(server, { site: 'skyhop', path: '/no/such/page' });
    expect(r.status).toBe(404);
    expect(r.body).toContain('Page not found');
  });

  it('malformed query strings are handled', async () => {
    const server = getServer();
    for (const path of ['/search?origin=%E0%A4%A&destination=%%%', '/search?date=2026-02-30&adults=-4', '/search?adults=1e9&page=abc', '/listing/%ZZ?x=1']) {
      const r = await http(server, { site: 'skyhop', path });
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
    }
  });

  it('server-side search validation names each bad field', async () => {
    const server = getServer();
    const r = await http(server, { site: 'skyhop', path: '/search?origin=LIS&destination=LIS&date=2031-01-01&adults=0&children=0&cabin=economy' });
    expect(r.status).toBe(422);
    expect(r.body).toContain('Departure date must be between Monday, June 1, 2026 and Thursday, July 30, 2026');
    expect(r.body).toContain('Adults must be a whole number from 1 to 6');
  });

  it('a POST to book with nothing selected books nothing', async () => {
    const server = getServer();
    const ticket = server.episodes.ticket(server.episodes.create('x'));
    const r = await http(server, { site: 'skyhop', method: 'POST', path: `/book?wf_episode=${ticket}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'terms=accepted' });
    expect(r.status).toBe(303);
    const cookie = String(r.headers['set-cookie']).split(';')[0]!;
    const r2 = await http(server, { site: 'skyhop', method: 'POST', path: '/book', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'terms=accepted' });
    expect(r2.status).toBe(409);
    expect((await stateOf(server, 'x')).sites.skyhop!.bookings).toEqual([]);
  });

  it('an invalid episode id, or a bare id without its ticket, is refused', async () => {
    const server = getServer();
    expect((await http(server, { site: 'skyhop', path: '/?wf_episode=bad%20id!' })).status).toBe(403);
    server.episodes.create('bare');
    expect((await http(server, { site: 'skyhop', path: '/?wf_episode=bare' })).status).toBe(403);
  });
});

describe('the privileged state API', () => {
  it('refuses requests without the secret or with a wrong one', async () => {
    const server = getServer();
    const created = await http(server, { method: 'POST', path: '/__wf/episodes', headers: { ...secret(), 'content-type': 'application/json' }, body: '{"episodeId":"api-1"}' });
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body).startUrls.skyhop).toBe(server.startUrl('skyhop', 'api-1'));
    expect((await http(server, { path: '/__wf/episodes/api-1/state' })).status).toBe(403);
    expect((await http(server, { site: 'skyhop', path: '/__wf/episodes/api-1/state' })).status).toBe(403);
    expect((await http(server, { path: '/__wf/episodes/api-1/state', headers: { 'x-webfoundry-secret': 'guess' } })).status).toBe(403);
    expect((await http(server, { path: '/__wf/episodes/api-1/state', headers: secret() })).status).toBe(200);
  });

  it('reports unknown episodes and invalid ids', async () => {
    const server = getServer();
    expect((await http(server, { path: '/__wf/episodes/nope/state', headers: secret() })).status).toBe(404);
    const bad = await http(server, { method: 'POST', path: '/__wf/episodes', headers: { ...secret(), 'content-type': 'application/json' }, body: '{"episodeId":"../etc"}' });
    expect(bad.status).toBe(400);
  });

  it('deletes an episode', async () => {
    const server = getServer();
    await http(server, { method: 'POST', path: '/__wf/episodes', headers: { ...secret(), 'content-type': 'application/json' }, body: '{"episodeId":"gone"}' });
    expect((await http(server, { method: 'DELETE', path: '/__wf/episodes/gone', headers: secret() })).status).toBe(204);
    expect((await http(server, { path: '/__wf/episodes/gone/state', headers: secret() })).status).toBe(404);
  });

  it('sends no CORS header, so pages of the sites cannot read it', async () => {
    const server = getServer();
    const r = await http(server, { path: '/__wf/health', headers: { origin: server.origin('skyhop') } });
    expect(r.status).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });
});
