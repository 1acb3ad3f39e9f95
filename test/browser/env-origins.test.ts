import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { EpisodeBackend } from '../../src/browser/env/episode-backend.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import type { SiteServer } from '../../src/sites/engine/server.js';
import { sharedBrowser } from '../helpers/browser.js';
import { useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: true });

/** A tiny server on port 0 that counts what reaches it: blocked means it never hears of it. */
type Tiny = { url: string; hits: string[]; server: Server };
async function tinyServer(html: (self: string) => string): Promise<Tiny> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('access-control-allow-origin', '*');
    if (req.url === '/') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(html(url));
    } else {
      res.setHeader('content-type', 'text/plain');
      res.end('ok');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, hits, server };
}

let foreign: Tiny;
let local: Tiny;
beforeAll(async () => {
  foreign = await tinyServer(() => '<!doctype html><title>Foreign</title><h1>Foreign page</h1>');
  // Another origin again (own port) whose page pulls an image and a fetch from `foreign`.
  local = await tinyServer(
    () => `<!doctype html><title>Local</title><h1>Local page</h1><p id="r">Waiting</p>
      <img alt="pixel" src="${foreign.url}pixel.png">
      <script>fetch('${foreign.url}data.json').then(() => { r.textContent = 'Reached'; }, () => { r.textContent = 'Blocked'; });
      fetch('/own.json').then(() => { document.title = 'Local ok'; });</script>`,
  );
});
afterAll(async () => {
  await new Promise((r) => foreign.server.close(r));
  await new Promise((r) => local.server.close(r));
});

/** The real adapter: the env creates its episodes through the site server and opens their start URLs. */
const backendOf = (server: SiteServer): EpisodeBackend => siteBackend(server);

describe('every request of an episode goes through the origin guard', () => {
  it('a page on our site fetching another origin is blocked and recorded; the other server never hears of it', async () => {
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: backendOf(getServer()) });
    try {
      await env.reset({ siteId: 'skyhop' });
      foreign.hits.length = 0;
      // What a page script does; the env must catch it whatever starts it.
      const outcome = await env.page!.evaluate(`fetch(${JSON.stringify(`${foreign.url}leak?x=1`)}).then(() => 'reached', () => 'failed')`);
      expect(outcome).toBe('failed');
      const r = await env.step('noop(0)');
      expect(r.info.blockedRequests).toEqual([{ url: `${foreign.url}leak?x=1`, method: 'GET', resourceType: 'fetch', reason: `the origin ${foreign.url.slice(0, -1)} is not allowed in this episode` }]);
      expect(foreign.hits).toEqual([]);
      // Reported once: the next step has nothing new.
      expect((await env.step('noop(0)')).info.blockedRequests).toEqual([]);

      const g = await env.step(`goto('${foreign.url}')`);
      expect(g.observation.lastActionError).toBe(`goto ${foreign.url} refused: the origin ${foreign.url.slice(0, -1)} is not allowed in this episode`);
      expect(foreign.hits).toEqual([]);
      // Another site of the arena is allowed.
      const other = await env.step(`goto('${getServer().origin('staywell')}/')`);
      expect(other.observation.lastActionError).toBeNull();
      expect(other.observation.title).toMatch(/Staywell/);
      // goto is refused before any request: only the fetch was blocked on the network.
      expect(env.blockedRequests).toHaveLength(1);
    } finally {
      await env.close();
    }
  });

  it('a URL target allows its own origin only; images and fetches elsewhere are blocked', async () => {
    const env = new BrowserEnv({ browser: await sharedBrowser() });
    try {
      foreign.hits.length = 0;
      local.hits.length = 0;
      const obs = await env.reset({ url: local.url });
      expect(obs.title).toBe('Local ok');
      expect(obs.axtree).toContain('Blocked');
      expect(local.hits).toEqual(expect.arrayContaining(['/', '/own.json']));
      expect(foreign.hits).toEqual([]);
      const blocked = (await env.step('noop(0)')).info.blockedRequests;
      expect(blocked.map((b) => [b.url, b.resourceType]).sort()).toEqual([
        [`${foreign.url}data.json`, 'fetch'],
        [`${foreign.url}pixel.png`, 'image'],
      ]);
    } finally {
      await env.close();
    }
  });

  it('allowOrigins opens more origins; file: targets are refused; data: URLs work', async () => {
    const env = new BrowserEnv({ browser: await sharedBrowser(), allowOrigins: [foreign.url] });
    try {
      foreign.hits.length = 0;
      await env.reset({ url: local.url });
      expect(foreign.hits.sort()).toEqual(['/data.json', '/pixel.png']);
    } finally {
      await env.close();
    }
    const plain = new BrowserEnv({ browser: await sharedBrowser() });
    try {
      const file = pathToFileURL(resolve(import.meta.dirname, '../fixtures/pages/external.html')).href;
      await expect(plain.reset({ url: file })).rejects.toThrow(/file: URLs are refused/);
      const data = await plain.reset({ url: 'data:text/html,<title>Inline</title><button>Press</button>' });
      expect(data.title).toBe('Inline');
      expect(data.axtree).toMatch(/\[\d+\] button "Press"/);
      expect(plain.blockedRequests).toEqual([]);
    } finally {
      await plain.close();
    }
    expect(() => new BrowserEnv({ allowOrigins: ['file:'] })).toThrow(/file: cannot be allowed/);
  });
});
