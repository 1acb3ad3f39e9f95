import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import { closeBrowser, sharedBrowser } from '../helpers/browser.js';
import { startStaticServer, type Route, type StaticServer } from '../helpers/static-server.js';

/**
 * The sandbox in real Chromium: every redirect hop is checked against the episode's origins
 * (a decoy server on another port must never hear from the browser), a navigation the guard
 * blocks is the step's error and names the URL, and the tab stays on its page.
 */
let decoy: StaticServer;
let site: StaticServer;
/** Another site (localhost): Chromium runs its iframe in its own process. */
let partner: StaticServer;

const redirect = (to: () => string, status = 302): ((res: Parameters<Route>[1]) => true) => (res) => {
  res.writeHead(status, { location: to() });
  res.end();
  return true;
};

beforeAll(async () => {
  decoy = await startStaticServer();
  const routes: Route[] = [
    (req, res, url) => url.pathname === '/hop1' && redirect(() => `/hop2${url.search}`)(res),
    // The second hop leaves the allowed origin.
    (req, res, url) => url.pathname === '/hop2' && redirect(() => `${decoy.origin}/stolen?${url.search.slice(1)}`)(res),
    // A scheme-relative redirect, the shape issue 13 found on our sites.
    (req, res, url) => url.pathname === '/relative' && redirect(() => `//127.0.0.1:${decoy.port}/relative-escape`)(res),
    (req, res, url) => url.pathname === '/ok' && redirect(() => '/third-party/leave.html')(res),
    (req, res, url) => url.pathname === '/post' && req.method === 'POST' && redirect(() => `${decoy.origin}/after-post`, 303)(res),
    (req, res, url) => {
      if (url.pathname !== '/page') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Start</title><h1>Start page</h1>
        <a id="hop" href="/hop1?via=link">Chained redirect</a>
        <a id="direct" href="${decoy.origin}/direct">Foreign link</a>
        <form method="post" action="/post"><button>Post the form</button></form>
        <button id="pop" onclick="window.open('/hop1?via=popup')">Open a popup</button>
        <button id="frame" onclick="var f=document.createElement('iframe');f.src='/hop1?via=frame';document.body.appendChild(f)">Load a frame</button>
        <button id="xhr" onclick="fetch('/hop1?via=fetch').then(()=>{document.title='fetched'},()=>{document.title='fetch failed'})">Fetch</button>`);
      return true;
    },
  ];
  site = await startStaticServer({ routes });
  partner = await startStaticServer({
    host: 'localhost',
    routes: [
      (req, res, url) => url.pathname === '/away' && redirect(() => `${decoy.origin}/from-frame?${url.search.slice(1)}`)(res),
      (req, res, url) => {
        if (url.pathname !== '/framed') return false;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        // One request at once (before the frame can have an interception of its own), one later.
        res.end(`<!doctype html><title>Framed</title><img src="/away?via=early-img">
          <button onclick="fetch('/away?via=late-fetch').then(()=>{document.title='reached'},()=>{document.title='blocked'})">Fetch away</button>`);
        return true;
      },
      (req, res, url) => {
        if (url.pathname !== '/outer') return false;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>Outer</title>');
        return true;
      },
    ],
  });
});
afterAll(async () => {
  await closeBrowser();
  await site.close();
  await decoy.close();
  await partner.close();
});

async function withEnv(run: (env: BrowserEnv) => Promise<void>, origins: (() => string)[] = []): Promise<void> {
  const env = new BrowserEnv({ browser: await sharedBrowser(), allowOrigins: origins.map((o) => o()) });
  try {
    decoy.hits.length = 0;
    await run(env);
    expect(decoy.hits).toEqual([]);
  } finally {
    await env.close();
  }
}

const bid = (axtree: string, re: RegExp) => {
  const line = axtree.split('\n').find((l) => re.test(l));
  const m = line && /\[([^\]]+)\]/.exec(line);
  if (!m) throw new Error(`no ${re} in:\n${axtree}`);
  return m[1]!;
};

describe('the origin guard sees every redirect hop (issue 13)', () => {
  it('goto through a chain of redirects that leaves the origins is blocked at the foreign hop; the decoy never hears of it', async () => {
    await withEnv(async (env) => {
      await env.reset({ url: `${site.origin}/page` });
      const r = await env.step(`goto('${site.origin}/hop1?via=goto')`);
      expect(r.observation.lastActionError).toBe(
        `${site.origin}/hop2?via=goto redirected to ${decoy.origin}/stolen?via=goto, which was blocked: the origin ${decoy.origin} is not allowed in this episode`,
      );
      expect(r.info.blockedRequests).toEqual([
        { url: `${decoy.origin}/stolen?via=goto`, method: 'GET', resourceType: 'document', reason: `the origin ${decoy.origin} is not allowed in this episode`, redirectedFrom: `${site.origin}/hop2?via=goto` },
      ]);
      // The tab stays where it was: no browser error page.
      expect(r.observation.url).toBe(`${site.origin}/page`);
      expect(r.observation.axtree).toContain('Start page');
    });
  });

  it('a scheme-relative Location (//host:port/x) is a foreign hop too', async () => {
    await withEnv(async (env) => {
      await env.reset({ url: `${site.origin}/page` });
      const r = await env.step(`goto('${site.origin}/relative')`);
      expect(r.observation.lastActionError).toMatch(new RegExp(`redirected to http://127.0.0.1:${decoy.port}/relative-escape, which was blocked`));
    });
  });

  it('a clicked link and a posted form that redirect away are errors of that step, naming the blocked URL', async () => {
    await withEnv(async (env) => {
      let obs = await env.reset({ url: `${site.origin}/page` });
      let r = await env.step(`click('${bid(obs.axtree, /link "Chained redirect"/)}')`);
      expect(r.observation.lastActionError).toBe(`${site.origin}/hop2?via=link redirected to ${decoy.origin}/stolen?via=link, which was blocked: the origin ${decoy.origin} is not allowed in this episode`);
      expect(r.observation.title).toBe('Start');
      obs = r.observation;
      r = await env.step(`click('${bid(obs.axtree, /link "Foreign link"/)}')`);
      expect(r.observation.lastActionError).toBe(`the navigation to ${decoy.origin}/direct was blocked: the origin ${decoy.origin} is not allowed in this episode`);
      obs = r.observation;
      r = await env.step(`click('${bid(obs.axtree, /button "Post the form"/)}')`);
      expect(r.observation.lastActionError).toBe(`${site.origin}/post redirected to ${decoy.origin}/after-post, which was blocked: the origin ${decoy.origin} is not allowed in this episode`);
      expect(r.observation.url).toBe(`${site.origin}/page`);
    });
  });

  it("a popup's first navigation, an iframe and a fetch that redirect away are blocked at the hop", async () => {
    await withEnv(async (env) => {
      let obs = await env.reset({ url: `${site.origin}/page` });
      let r = await env.step(`click('${bid(obs.axtree, /button "Open a popup"/)}')`);
      expect(r.observation.tabs).toHaveLength(2);
      expect(r.observation.lastActionError).toMatch(/hop2\?via=popup redirected to .*\/stolen\?via=popup, which was blocked/);
      await env.step('tab_close()');
      obs = (await env.step('tab_focus(0)')).observation;
      r = await env.step(`click('${bid(obs.axtree, /button "Load a frame"/)}')`);
      r = await env.step(`click('${bid(r.observation.axtree, /button "Fetch"/)}')`);
      expect(r.observation.title).toBe('fetch failed');
      const blocked = env.blockedRequests.map((b) => [b.url, b.redirectedFrom]);
      expect(blocked).toEqual(
        expect.arrayContaining([
          [`${decoy.origin}/stolen?via=popup`, `${site.origin}/hop2?via=popup`],
          [`${decoy.origin}/stolen?via=frame`, `${site.origin}/hop2?via=frame`],
          [`${decoy.origin}/stolen?via=fetch`, `${site.origin}/hop2?via=fetch`],
        ]),
      );
    });
  });

  it("a cross-site iframe's requests that redirect away are blocked at the hop, from its first request on", async () => {
    await withEnv(async (env) => {
      await env.reset({ url: `${site.origin}/page` });
      await env.page!.evaluate(`(() => { const f = document.createElement('iframe'); f.title = 'Partner frame'; f.src = ${JSON.stringify(`${partner.origin}/framed`)}; document.body.appendChild(f); })()`);
      // The next step settles (the frame's document and its image load), then acts in it as an agent would.
      let obs = (await env.step('noop(0)')).observation;
      expect(obs.axtree).toMatch(/\[a\] Iframe "Partner frame"/);
      obs = (await env.step(`click('${bid(obs.axtree, /button "Fetch away"/)}')`)).observation;
      const hops = env.blockedRequests.filter((b) => b.url.includes('/from-frame')).map((b) => [b.url, b.redirectedFrom]);
      expect(hops).toEqual(
        expect.arrayContaining([
          [`${decoy.origin}/from-frame?via=early-img`, `${partner.origin}/away?via=early-img`],
          [`${decoy.origin}/from-frame?via=late-fetch`, `${partner.origin}/away?via=late-fetch`],
        ]),
      );
    }, [() => partner.origin]);
  });

  it('redirects inside the allowed origins are followed as usual', async () => {
    await withEnv(async (env) => {
      await env.reset({ url: `${site.origin}/page` });
      const r = await env.step(`goto('${site.origin}/ok')`);
      expect(r.observation.lastActionError).toBeNull();
      expect(r.observation.url).toBe(`${site.origin}/third-party/leave.html`);
      expect(r.info.blockedRequests).toEqual([]);
    });
  });
});

describe('schemes the agent may not open', () => {
  it('goto refuses javascript:, chrome:, devtools:, file:, foreign view-source: and data: (unless the episode allows data:)', async () => {
    await withEnv(async (env) => {
      await env.reset({ url: `${site.origin}/page` });
      const refused = async (url: string) => (await env.step(`goto(${JSON.stringify(url)})`)).observation.lastActionError;
      expect(await refused('javascript:document.title="owned"')).toMatch(/javascript: URLs are refused/);
      expect(await env.page!.title()).toBe('Start');
      expect(await refused('chrome://settings')).toMatch(/chrome:\) are refused/);
      expect(await refused('devtools://devtools/bundled/inspector.html')).toMatch(/devtools: pages are refused/);
      expect(await refused('file:///etc/hostname')).toMatch(/file: URLs are refused/);
      expect(await refused(`view-source:${decoy.origin}/`)).toMatch(/view-source: of .* is refused/);
      expect(await refused('data:text/html,<h1>x</h1>')).toBe('goto data:text/html,<h1>x</h1> refused: data: URLs are not allowed in this episode');
      // view-source: of an allowed page is allowed.
      const v = await env.step(`goto('view-source:${site.origin}/page')`);
      expect(v.observation.lastActionError).toBeNull();
    });
    const withData = new BrowserEnv({ browser: await sharedBrowser(), allowOrigins: ['data:'] });
    try {
      await withData.reset({ url: `${site.origin}/page` });
      const r = await withData.step(`goto('data:text/html,<title>Inline</title><h1>Data page</h1>')`);
      expect(r.observation.lastActionError).toBeNull();
      expect(r.observation.title).toBe('Inline');
    } finally {
      await withData.close();
    }
  });
});
