/**
 * Site platform figures: world build and cached load, episode start cost, server requests/s on
 * a results page, and page load p50/p95 in Chromium per site. Prints a table; --json for JSON.
 */
import { Agent, request } from 'node:http';
import { launchChromium } from '../src/browser/chromium.js';
import { Rng } from '../src/core/rng.js';
import { searchQueryString } from '../src/sites/engine/search-query.js';
import { startServer } from '../src/sites/engine/server.js';
import { EPISODE_COOKIE } from '../src/sites/engine/episode-access.js';
import { EpisodeStore } from '../src/sites/engine/episode-store.js';
import { fmt, median, percentile } from './stats.js';
import { worldFigures } from './world-figures.js';

const json = process.argv.includes('--json');
const out: Record<string, unknown> = {};
const say = (s: string) => {
  if (!json) process.stdout.write(`${s}\n`);
};

// World: cold build into an empty cache, cached load, file size, inventory made on demand.
const { world, figures, lines } = worldFigures();
out.world = figures;
for (const l of lines) say(l);

// Episode start: creating the per-episode state.
const store = new EpisodeStore(1);
let t = performance.now();
for (let i = 0; i < 100_000; i++) store.site(store.create(`b${i}`), 'skyhop');
const episodeUs = ((performance.now() - t) / 100_000) * 1000;
out.episodeStartUs = Number(fmt(episodeUs, 2));
say(`episode start: ${fmt(episodeUs, 2)} µs`);

const server = await startServer({ port: 0, world });

// Requests/s on a results page, keep-alive, 16 in flight, 3 s.
const site = server.sites[0]!;
const params = site.exampleSearch(world, new Rng('bench'));
const path = `/search?${searchQueryString(site, params)}`;
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
// The cookie a start URL gives a browser: the episode's signed ticket.
const cookie = `${EPISODE_COOKIE}=${server.episodes.ticket(server.episodes.create('bench-load'))}`;
const get = () =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, agent, headers: { host: `${site.id}.localhost:${server.port}`, cookie } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
let done = 0;
const until = performance.now() + 3000;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (performance.now() < until) {
      if ((await get()) !== 200) throw new Error('results page failed');
      done++;
    }
  }),
);
agent.destroy();
const rps = done / 3;
out.resultsPageRps = Math.round(rps);
say(`server: ${Math.round(rps)} results-page requests/s (${site.id}, keep-alive, 16 concurrent, one process)`);

// Page load in Chromium: home, results and listing pages of every site, 5 rounds.
const browser = await launchChromium();
const perSite: Record<string, { p50: number; p95: number }> = {};
say('\npage load in Chromium (goto until load), ms:');
say(`${'site'.padEnd(12)} ${'p50'.padStart(6)} ${'p95'.padStart(6)}`);
for (const s of server.sites) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.startUrl(s.id, server.episodes.create(`bench-${s.id}`)));
  const p = s.exampleSearch(world, new Rng(`bench/${s.id}`));
  const results = `${server.origin(s.id)}/search?${searchQueryString(s, p)}`;
  await page.goto(results);
  const listingHref = await page.locator('.listing:not(.sold-out) h3 a').first().getAttribute('href');
  const urls = [`${server.origin(s.id)}/`, results, `${server.origin(s.id)}${listingHref}`];
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const u of urls) {
      const t0 = performance.now();
      await page.goto(u, { waitUntil: 'load' });
      times.push(performance.now() - t0);
    }
  }
  perSite[s.id] = { p50: Number(fmt(median(times))), p95: Number(fmt(percentile(times, 95))) };
  say(`${s.id.padEnd(12)} ${fmt(median(times)).padStart(6)} ${fmt(percentile(times, 95)).padStart(6)}`);
  await context.close();
}
out.pageLoadMs = perSite;
await browser.close();
await server.close();
if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
