import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { FORM_TOKEN } from '../../src/sites/engine/book-token.js';
import { EPISODE_COOKIE } from '../../src/sites/engine/episode-access.js';
import { contactInputName, travellerInputName } from '../../src/sites/engine/forms.js';
import { optionInputName } from '../../src/sites/engine/flow.js';
import { searchQueryString } from '../../src/sites/engine/search-query.js';
import type { SiteServer } from '../../src/sites/engine/server.js';
import { siteById } from '../../src/sites/registry.js';
import { Rng } from '../../src/core/rng.js';
import { startServer } from '../../src/sites/engine/server.js';
import { paymentStep, TEST_CARDS } from '../../src/sites/engine/steps/payment.js';
import { defaultFlow } from '../../src/sites/engine/steps/index.js';
import { http, testWorld, useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: false });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A new episode on skyhop and the cookie its start URL gives a browser. */
function episode(server: SiteServer, id: string): string {
  return `${EPISODE_COOKIE}=${server.episodes.ticket(server.episodes.create(id))}`;
}

/** Search, choose the first bookable option, submit valid details: the episode is on the review page. */
async function toReview(server: SiteServer, cookie: string): Promise<string> {
  const site = server.sites.find((s) => s.id === 'skyhop')!;
  const params = site.exampleSearch(server.world, new Rng('malformed-input'));
  const qs = searchQueryString(site, params);
  const listing = site.search(server.world, params).find((l) => !l.soldOut)!;
  const detail = site.detail(server.world, params, listing.id)!;
  // One choice per group; a seat map takes one free seat per traveller.
  const choices = new URLSearchParams();
  for (const g of detail.optionGroups) {
    const free = g.choices.filter((c) => !c.soldOut);
    for (const c of g.pick === 'per-traveller' ? free.slice(0, site.travellerCount(params)) : free.slice(0, 1)) choices.append(optionInputName(g.id), c.id);
  }
  const chosen = await http(server, { site: 'skyhop', method: 'POST', path: `/listing/${listing.id}?${qs}`, headers: { ...FORM, cookie }, body: choices.toString() });
  expect(chosen.status, chosen.body.slice(0, 2000)).toBe(303);
  const details: Record<string, string> = {};
  for (let i = 1; i <= site.travellerCount(params); i++) for (const f of site.travellerFields) details[travellerInputName(i, f.name)] = f.exampleFor?.(params, i) ?? f.example ?? 'Silva';
  for (const f of site.contactFields) details[contactInputName(f.name)] = f.example ?? '';
  const r = await http(server, { site: 'skyhop', method: 'POST', path: '/details', headers: { ...FORM, cookie }, body: new URLSearchParams(details).toString() });
  expect(r.status, r.body.slice(0, 2000)).toBe(303);
  const review = await http(server, { site: 'skyhop', path: '/review', headers: { cookie } });
  expect(review.status).toBe(200);
  return new RegExp(`name="${FORM_TOKEN}" value="([^"]+)"`).exec(review.body)![1]!;
}

/** Sends `bytes` of body, with a Content-Length or chunked; resolves with the status (or the reset when the server hung up first). */
function bigPost(server: SiteServer, path: string, cookie: string, bytes: number, chunked: boolean): Promise<number | string> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { host: `skyhop.localhost:${server.port}`, cookie, ...FORM };
    if (!chunked) headers['content-length'] = bytes;
    // Its own connection (agent: false): the server may close it mid-upload, which must not touch pooled ones.
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    chunk.write(`${travellerInputName(1, 'firstName')}=`);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('every route answers malformed input with a 4xx', () => {
  it('POST /consent and /promo/dismiss without a Referer or with one that is not a URL', async () => {
    const server = getServer();
    for (const path of ['/consent', '/promo/dismiss']) {
      for (const headers of [{} as Record<string, string>, { referer: 'http://[::1' }, { referer: '%%%' }, { referer: 'javascript:alert(1)' }]) {
        const r = await http(server, { site: 'skyhop', method: 'POST', path, headers });
        expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(303);
        expect(String(r.headers.location)).toMatch(/^\/(?![/\\])/);
      }
    }
  });

  it('a sweep of broken bodies, encodings, cookies and methods over every route: never a 5xx', async () => {
    const server = getServer();
    const cookie = episode(server, 'sweep');
    const paths = ['/', '/search', '/search?adults=%ZZ', '/listing/x', '/listing/%E0%A4%A?origin=LIS', '/details', '/review', '/book', '/confirmation/%00', '/bookings', '/consent', '/promo/dismiss', '/api/suggest?source=%', '/nope'];
    const bodies: { headers: Record<string, string>; body?: string }[] = [
      { headers: {} },
      { headers: FORM, body: '%%%&=&&a=%ZZ&opt_x=' },
      { headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--y\r\nbroken' },
      { headers: { 'content-type': 'multipart/form-data' }, body: 'no boundary' },
      { headers: { 'content-type': 'application/json' }, body: '{"terms":' },
      { headers: { 'content-type': 'text/plain' }, body: '\u0000\u0001' },
    ];
    const cookies = [cookie, `${EPISODE_COOKIE}=%ZZ`, `${EPISODE_COOKIE}=a.b.c`, `${EPISODE_COOKIE}=${'x'.repeat(4000)}`, 'garbage;;;=='];
    const failures: string[] = [];
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
        for (const [i, b] of (method === 'GET' ? [bodies[0]!] : bodies).entries()) {
          for (const c of method === 'POST' ? cookies : [cookie]) {
            const r = await http(server, { site: 'skyhop', method, path, headers: { ...b.headers, cookie: c }, ...(b.body !== undefined ? { body: b.body } : {}) });
            if (r.status >= 500) failures.push(`${method} ${path} body#${i} cookie ${c.slice(0, 30)}: ${r.status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the flow steps of every site (rounds, cart, account, payment, manage booking, newsletter) answer broken posts with a 4xx', async () => {
    const server = getServer();
    const ticket = server.episodes.ticket(server.episodes.create('sweep-steps'));
    const paths = ['/round/return/listing/x', '/cart/remove', '/account/register', '/account/sign-in', '/account/guest', '/payment', '/book', '/bookings/SKY-ABCDEF/dates', '/bookings/SKY-ABCDEF/travellers', '/bookings/SKY-ABCDEF/cancel', '/newsletter'];
    const bodies: { headers: Record<string, string>; body?: string }[] = [
      { headers: {} },
      { headers: FORM, body: '%%%&=&&a=%ZZ&opt_x=&qty_x_y=0x2&cardNumber=' + '9'.repeat(3000) },
      { headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--y\r\nbroken' },
      { headers: { 'content-type': 'application/json' }, body: '{"terms":' },
    ];
    const failures: string[] = [];
    for (const site of server.sites) {
      for (const path of paths) {
        for (const [i, b] of bodies.entries()) {
          for (const cookie of [`${EPISODE_COOKIE}=${ticket}`, 'garbage;;;==']) {
            const r = await http(server, { site: site.id, method: 'POST', path, headers: { ...b.headers, cookie }, ...(b.body !== undefined ? { body: b.body } : {}) });
            if (r.status >= 500) failures.push(`${site.id} POST ${path} body#${i} cookie ${cookie.slice(0, 20)}: ${r.status} ${r.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a stepper or add-on count in anything but decimal digits is refused ("0x2" is not 2)', async () => {
    const server = getServer();
    for (const adults of ['0x2', '2e0', '2.0', '0b10', '', '2x']) {
      const r = await http(server, { site: 'skyhop', path: `/search?origin=LIS&destination=MAD&date=2026-06-10&adults=${encodeURIComponent(adults)}&children=0&cabin=economy` });
      if (adults === '') {
        // Left empty, a stepper takes its default.
        expect(r.status).toBe(200);
        continue;
      }
      expect(r.status, adults).toBe(422);
      expect(r.body).toContain('Adults must be a whole number');
    }
  });
});

describe('body limits', () => {
  it('a 20 MB body is refused (413), with a Content-Length or chunked, and nothing of it is kept', async () => {
    const server = getServer();
    const cookie = episode(server, 'big-body');
    await toReview(server, cookie);
    const before = JSON.stringify(server.episodes.snapshot('big-body').sites.skyhop!.form);
    for (const chunked of [false, true]) {
      const status = await bigPost(server, '/details', cookie, 20 * 1024 * 1024, chunked);
      // The server answers 413 as soon as it knows; a client still sending may see the reset instead.
      expect([413, 'ECONNRESET', 'EPIPE'], `chunked=${chunked}`).toContain(status);
    }
    expect(JSON.stringify(server.episodes.snapshot('big-body').sites.skyhop!.form)).toBe(before);
  });

  it('a refused field (1 MB, or 3,000 characters inside the body limit) does not reach the episode state', async () => {
    const server = getServer();
    const cookie = episode(server, 'big-field');
    await toReview(server, cookie);
    const before = JSON.stringify(server.episodes.snapshot('big-field').sites.skyhop!.form);
    expect(before).toContain('Silva');
    // 1 MB of one field: over the body limit.
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(await bigPost(server, '/details', cookie, 1024 * 1024, false));
    // 3,000 characters: within the body limit, over the field limit.
    const body = new URLSearchParams({ [travellerInputName(1, 'firstName')]: 'x'.repeat(3000), [travellerInputName(1, 'lastName')]: 'Costa' }).toString();
    const r = await http(server, { site: 'skyhop', method: 'POST', path: '/details', headers: { ...FORM, cookie }, body });
    expect(r.status).toBe(413);
    expect(r.body).toContain('at most 2000 are accepted');
    const after = JSON.stringify(server.episodes.snapshot('big-field').sites.skyhop!.form);
    expect(after).toBe(before);
    expect(after).not.toContain('xxxx');
  });
});

describe('booking is idempotent by the review form\'s token', () => {
  it('the same form posted twice, even at once, books once; both answers lead to the one booking', async () => {
    const server = getServer();
    const cookie = episode(server, 'double');
    const token = await toReview(server, cookie);
    const body = new URLSearchParams({ [FORM_TOKEN]: token, terms: 'accepted' }).toString();
    const post = () => http(server, { site: 'skyhop', method: 'POST', path: '/book', headers: { ...FORM, cookie }, body });
    const [a, b] = await Promise.all([post(), post()]);
    const c = await post();
    const bookings = server.episodes.snapshot('double').sites.skyhop!.bookings;
    expect(bookings).toHaveLength(1);
    for (const r of [a, b, c]) {
      expect(r.status).toBe(303);
      expect(r.headers.location).toBe(`/confirmation/${bookings[0]!.reference}`);
    }
  });

  it('a post without the token, or with an old one, books nothing and shows the review again', async () => {
    const server = getServer();
    const cookie = episode(server, 'stale');
    const token = await toReview(server, cookie);
    for (const t of ['', 'f'.repeat(24), `${token.slice(0, -1)}0`]) {
      const r = await http(server, { site: 'skyhop', method: 'POST', path: '/book', headers: { ...FORM, cookie }, body: new URLSearchParams({ [FORM_TOKEN]: t, terms: 'accepted' }).toString() });
      expect(r.status).toBe(409);
      expect(r.body).toContain('This review was out of date');
    }
    expect(server.episodes.snapshot('stale').sites.skyhop!.bookings).toEqual([]);
  });
});

describe('payment is idempotent by its form token', () => {
  it('the same card payment posted twice, even at once, books and charges once; both answers lead to the one booking', async () => {
    // SkyHop with a card payment after the review (the payment step of the flow library).
    const skyhop = siteById('skyhop');
    const flow = [...(skyhop.flow ?? defaultFlow())];
    flow.splice(flow.findIndex((s) => s.id === 'confirmation'), 0, paymentStep());
    const server = await startServer({ port: 0, world: testWorld(), sites: [{ ...skyhop, flow }] });
    try {
      const cookie = episode(server, 'pay-twice');
      const token = await toReview(server, cookie);
      const review = await http(server, { site: 'skyhop', method: 'POST', path: '/book', headers: { ...FORM, cookie }, body: new URLSearchParams({ [FORM_TOKEN]: token, terms: 'accepted' }).toString() });
      expect(review.status).toBe(303);
      expect(review.headers.location).toBe('/payment');
      const page = await http(server, { site: 'skyhop', path: '/payment', headers: { cookie } });
      const payToken = new RegExp(`name="${FORM_TOKEN}" value="([^"]+)"`).exec(page.body)![1]!;
      const card = { [FORM_TOKEN]: payToken, cardNumber: TEST_CARDS.accepted[0]!, cardName: 'Ana Silva', expiry: '12/29', cvc: '123', postcode: '1000-001' };
      const post = (body: Record<string, string>) => http(server, { site: 'skyhop', method: 'POST', path: '/payment', headers: { ...FORM, cookie }, body: new URLSearchParams(body).toString() });
      // A payment page from before the booking changed is refused and charges nothing.
      const stale = await post({ ...card, [FORM_TOKEN]: 'f'.repeat(24) });
      expect(stale.status).toBe(409);
      expect(server.episodes.snapshot('pay-twice').sites.skyhop!.payments).toEqual([]);
      const [a, b] = await Promise.all([post(card), post(card)]);
      const c = await post(card);
      const state = server.episodes.snapshot('pay-twice').sites.skyhop!;
      expect(state.bookings).toHaveLength(1);
      expect(state.payments.filter((p) => p.outcome === 'accepted')).toHaveLength(1);
      for (const r of [a, b, c]) {
        expect(r.status, r.body.slice(0, 500)).toBe(303);
        expect(r.headers.location).toBe(`/confirmation/${state.bookings[0]!.reference}`);
      }
    } finally {
      await server.close();
    }
  });
});
