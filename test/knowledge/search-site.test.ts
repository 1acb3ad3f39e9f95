import { describe, expect, it } from 'vitest';
import { articlePath, buildKnowledgeGraph, knowledgeOrigins, type Entity, type EntityType } from '../../src/knowledge/index.js';
import { testWorld, useTestServer, http } from '../helpers/test-server.js';

/**
 * The search engine over HTTP: the query is in the URL, the results page lists titles, addresses
 * and snippets ten at a time; an entity's guide article is found by its name and by a fact only
 * it has; the results' links open on their sites.
 */
const getServer = useTestServer({ origins: knowledgeOrigins() });
const graph = buildKnowledgeGraph(testWorld());
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

type Result = { href: string; title: string; snippet: string };

async function search(q: string, extra = ''): Promise<{ status: number; results: Result[]; body: string }> {
  const res = await http(getServer(), { site: 'search', path: `/search?q=${encodeURIComponent(q)}${extra}` });
  const results = [...res.body.matchAll(/<li class="kw-result"><h2><a href="([^"]+)">([^<]*)<\/a><\/h2><cite>[^<]*<\/cite><p>(.*?)<\/p><\/li>/g)].map((m) => ({
    href: unescape(m[1]!),
    title: unescape(m[2]!),
    snippet: unescape(m[3]!.replace(/<\/?mark>/g, '')),
  }));
  return { status: res.status, results, body: res.body };
}

const guideUrl = (e: Entity) => `http://guide.localhost:${getServer().port}${articlePath(e.id)}`;

describe('search engine site', () => {
  it('finds the guide article of an entity of each kind by its name (and city where names repeat)', async () => {
    const types: EntityType[] = ['city', 'hotel', 'restaurant', 'rental', 'attraction', 'venue', 'event-series', 'airline', 'hotel-chain', 'chef', 'cinema', 'clinic', 'practitioner', 'package-hotel', 'ferry-operator', 'performer', 'film'];
    const misses: string[] = [];
    for (const t of types) {
      const e = graph.ofType(t)[3] ?? graph.ofType(t)[0]!;
      const q = e.facts.city && t !== 'city' ? `${e.name} ${String(e.facts.city)}` : e.name;
      const { status, results } = await search(q);
      expect(status).toBe(200);
      if (!results.some((r) => r.href === guideUrl(e))) misses.push(`${e.id} by "${q}": ${results.map((r) => r.title).join(' / ')}`);
    }
    expect(misses).toEqual([]);
  }, 600_000);

  it('finds an entity by a fact that only it has (a signature dish in one restaurant, a vessel of one operator)', async () => {
    // A dish that one restaurant of its city serves as its signature.
    const restaurants = graph.ofType('restaurant');
    const key = (r: Entity) => `${String(r.facts.signatureDish)} ${String(r.facts.city)}`;
    const count = new Map<string, number>();
    for (const r of restaurants) count.set(key(r), (count.get(key(r)) ?? 0) + 1);
    const unique = restaurants.filter((r) => count.get(key(r)) === 1).slice(0, 3);
    expect(unique.length).toBe(3);
    for (const r of unique) {
      const { results } = await search(key(r), '&site=guide');
      expect(results.map((x) => x.href), key(r)).toContain(guideUrl(r));
      const hit = results.find((x) => x.href === guideUrl(r))!;
      expect(hit.snippet.toLowerCase()).toContain(String(r.facts.signatureDish).split(' ')[0]!.toLowerCase());
    }
    // An attraction by its exact number of reviews.
    const attractions = graph.ofType('attraction');
    const reviews = new Map<number, number>();
    for (const a of attractions) reviews.set(Number(a.facts.reviewCount), (reviews.get(Number(a.facts.reviewCount)) ?? 0) + 1);
    const a = attractions.find((x) => reviews.get(Number(x.facts.reviewCount)) === 1)!;
    const byReviews = await search(`${String(a.facts.reviewCount)} reviews`, '&site=guide');
    expect(byReviews.results.map((x) => x.href)).toContain(guideUrl(a));
    const ops = graph.ofType('ferry-operator');
    const vesselOwners = new Map<string, string[]>();
    for (const o of ops) for (const v of o.facts.fleet as string[]) vesselOwners.set(v, [...(vesselOwners.get(v) ?? []), o.id]);
    const [vessel, owners] = [...vesselOwners].find(([, o]) => o.length === 1)!;
    const { results } = await search(vessel, '&site=guide');
    expect(results.map((x) => x.href)).toContain(guideUrl(graph.get(owners[0]!)));
  }, 600_000);

  it('pages ten results at a time with the query in the URL, and keeps one site when asked', async () => {
    const one = await search('hotel lisbon');
    const two = await search('hotel lisbon', '&page=2');
    expect(one.results).toHaveLength(10);
    expect(two.results).toHaveLength(10);
    expect(two.results.map((r) => r.href)).not.toEqual(one.results.map((r) => r.href));
    expect(one.body).toMatch(/About \d+ results/);
    expect(two.body).toContain('aria-current="page">2<');
    expect(two.body).toContain('rel="prev"');
    expect(one.body).toContain('value="hotel lisbon"');
    const staywell = await search('lisbon', '&site=staywell');
    expect(staywell.results.length).toBeGreaterThan(0);
    for (const r of staywell.results) expect(r.href).toMatch(/^http:\/\/staywell\.localhost:\d+\//);
    const none = await search('zzqxv wqqzx');
    expect(none.results).toHaveLength(0);
    expect(none.body).toContain('No results for');
  }, 600_000);

  it("the results' links open on their own sites, booking listing pages included", async () => {
    const server = getServer();
    const failures: string[] = [];
    let booking = 0;
    for (const q of ['Kestrel Hotel Lisbon Centre', 'Madama Butterfly', 'tarte tatin', 'Lisbon Porto trains', 'museum Paris']) {
      for (const r of (await search(q)).results) {
        const m = /^http:\/\/([a-z0-9-]+)\.localhost:(\d+)(\/.*)$/.exec(r.href)!;
        if (m[1] !== 'guide') booking++;
        const res = await http(server, { site: m[1]!, path: m[3]! });
        if (res.status !== 200) failures.push(`${r.href} -> ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(booking).toBeGreaterThan(3);
  }, 600_000);
});
