import { describe, expect, it } from 'vitest';
import { articlePath, buildKnowledgeGraph, ENTITY_TYPES, factLabel, factText, knowledgeOrigins, type Entity } from '../../src/knowledge/index.js';
import { testWorld, useTestServer, http } from '../helpers/test-server.js';

/**
 * The guide over HTTP on a real server: every fact an article is built from is on its page, in
 * its infobox row; every link of a sample of articles opens (guide, search engine and booking
 * sites alike); list pages page; an episode's start URL enters the guide.
 */
const getServer = useTestServer({ origins: knowledgeOrigins() });
const graph = buildKnowledgeGraph(testWorld());

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** First, middle and last entity of every kind. */
function sample(): Entity[] {
  return ENTITY_TYPES.flatMap((t) => {
    const all = graph.ofType(t);
    return [...new Set([all[0]!, all[Math.floor(all.length / 2)]!, all.at(-1)!])];
  });
}

async function guide(path: string) {
  return http(getServer(), { site: 'guide', path });
}

describe('guide site', () => {
  it("the header's search box sends to the search engine of this server (its port is known only once it listens)", async () => {
    const home = await guide('/');
    expect(home.status).toBe(200);
    expect(/action="([^"]*)"/.exec(home.body.slice(home.body.indexOf('<form')))?.[1]).toBe(`${getServer().origin('search')}/search`);
  });

  it('renders every fact of sampled entities of every kind in its infobox, with the prose and the name', async () => {
    const entities = sample();
    expect(new Set(entities.map((e) => e.type)).size).toBe(ENTITY_TYPES.length);
    for (const e of entities) {
      const res = await guide(articlePath(e.id));
      expect(res.status, e.id).toBe(200);
      const rows = new Map([...res.body.matchAll(/<tr data-fact="([^"]+)"><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1]!, { label: unescape(m[2]!), value: unescape(m[3]!) }]));
      for (const [k, v] of Object.entries(e.facts)) {
        expect(rows.get(k), `${e.id} fact ${k}`).toEqual({ label: factLabel(k), value: factText(v) });
      }
      expect(rows.size).toBe(Object.keys(e.facts).length);
      expect(unescape(res.body)).toContain(`<h1>`);
      expect(unescape(res.body)).toContain(e.name);
    }
  }, 600_000);

  it('every link of sampled articles opens: guide pages, the search engine and the booking pages', async () => {
    const server = getServer();
    const seen = new Set<string>();
    const failures: string[] = [];
    const picks = ['hotel', 'restaurant', 'event', 'event-series', 'city', 'rental', 'attraction', 'package-hotel', 'practitioner', 'flight-route', 'rail-route', 'ferry-route', 'coach-route', 'airline', 'venue'] as const;
    for (const type of picks) {
      const e = graph.ofType(type)[1]!;
      const body = (await guide(articlePath(e.id))).body;
      for (const m of body.matchAll(/href="([^"]+)"/g)) {
        const href = unescape(m[1]!);
        if (href.startsWith('#') || seen.has(href)) continue;
        seen.add(href);
        const abs = /^http:\/\/([a-z0-9-]+)\.localhost:(\d+)(\/.*)$/.exec(href);
        const site = abs ? abs[1]! : 'guide';
        const path = abs ? abs[3]! : href;
        if (abs) expect(Number(abs[2])).toBe(server.port);
        const res = await http(server, { site, path });
        if (!(res.status === 200 || (path === '/random' && res.status === 302) || (path.startsWith('/help#') && res.status === 200))) failures.push(`${e.id}: ${href} -> ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    // Links out reached the booking sites.
    expect([...seen].some((h) => h.includes('staywell.localhost') && h.includes('/listing/'))).toBe(true);
    expect([...seen].some((h) => h.includes('ticketnest.localhost') && h.includes('/listing/'))).toBe(true);
    expect(seen.size).toBeGreaterThan(100);
  }, 600_000);

  it('list pages page through a kind, and a list of the entities linking to one', async () => {
    const one = await guide('/list/hotel?page=1');
    const two = await guide('/list/hotel?page=2');
    expect(one.status).toBe(200);
    expect(two.body).toContain('Page 2 of');
    const hotels = graph.ofType('hotel');
    expect(one.body).toContain(articlePath(hotels[0]!.id));
    expect(two.body).toContain(articlePath(hotels[50]!.id));
    expect(two.body).not.toContain(`"${articlePath(hotels[0]!.id)}"`);
    const lisbon = await guide('/list/hotel?in=city%3Alisbon');
    const inLisbon = graph.linksTo('city:lisbon', 'in-city').filter((e) => e.type === 'hotel');
    expect(lisbon.body).toContain(`${inLisbon.length} hotels in the guide`);
    expect((await guide('/list/nonsense')).status).toBe(404);
    expect((await guide('/wiki/hotel/no-such-hotel')).status).toBe(404);
  }, 600_000);

  it('an episode start URL enters the guide and the search engine; a forged ticket is refused', async () => {
    const server = getServer();
    // The control API hands out start URLs for the knowledge web too.
    const created = await http(server, { method: 'POST', path: '/__wf/episodes', headers: { 'x-webfoundry-secret': server.secret, 'content-type': 'application/json' }, body: '{}' });
    const { episodeId: id, startUrls } = JSON.parse(created.body) as { episodeId: string; startUrls: Record<string, string> };
    expect(startUrls.guide).toBe(server.startUrl('guide', id));
    expect(startUrls.search).toBe(server.startUrl('search', id));
    expect(startUrls.skyhop).toBe(server.startUrl('skyhop', id));
    for (const site of ['guide', 'search']) {
      const start = new URL(server.startUrl(site, id));
      expect(start.hostname).toBe(`${site}.localhost`);
      const res = await http(server, { site, path: `${start.pathname}${start.search}` });
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/');
      expect((await http(server, { site, path: '/?wf_episode=forged.abc' })).status).toBe(403);
    }
  }, 600_000);
});
