/**
 * The knowledge web's speed: building the knowledge graph and the search index of a world; search
 * queries per second in process (the engine's own `search`, many queries of kinds agents type:
 * names, names with a city, facts, one word, a misspelling); and page loads over HTTP on a real
 * server (p50/p95 ms of a full response, the guide's articles of every kind, its list pages and
 * the search engine's results pages, first page and later ones).
 * Flags: --queries N (default 2000), --pages N per kind (default 200), --json.
 */
import { request } from 'node:http';
import { buildKnowledgeGraph, ENTITY_TYPES, articlePath, knowledgeOrigins, webDocuments, WebIndex } from '../src/knowledge/index.js';
import { startServer } from '../src/sites/engine/server.js';
import { SITES, loadArenaWorld } from '../src/sites/registry.js';
import { Rng } from '../src/core/rng.js';
import { fmt, median, percentile } from './stats.js';

const json = process.argv.includes('--json');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const nQueries = Number(arg('--queries') ?? 2000);
const nPages = Number(arg('--pages') ?? 200);
const say = (s: string) => !json && process.stdout.write(`${s}\n`);

const { world } = loadArenaWorld(1);
let t0 = performance.now();
const graph = buildKnowledgeGraph(world);
const graphMs = performance.now() - t0;
t0 = performance.now();
const docs = webDocuments(world, SITES, graph);
const docsMs = performance.now() - t0;
const index = WebIndex.build(docs);
say(`graph: ${graph.size} entities in ${fmt(graphMs, 0)} ms · index: ${docs.length} pages, documents ${fmt(docsMs, 0)} ms + indexing ${index.buildMs} ms`);

// Queries of the kinds a researcher types.
const rng = new Rng('bench/knowledge/queries');
const all = graph.entities();
const queries: string[] = [];
for (let i = 0; i < nQueries; i++) {
  const e = rng.pick(all);
  const kind = i % 5;
  const city = typeof e.facts.city === 'string' ? e.facts.city : '';
  if (kind === 0) queries.push(e.name);
  else if (kind === 1) queries.push(`${e.name} ${city}`.trim());
  else if (kind === 2) queries.push(`${String(Object.values(e.facts)[0] ?? e.name)} ${city}`.trim());
  else if (kind === 3) queries.push(e.name.split(' ')[0]!);
  else queries.push(e.name.length > 6 ? `${e.name.slice(0, 3)}${e.name.slice(4)}` : e.name);
}
const qMs: number[] = [];
t0 = performance.now();
let hits = 0;
for (const q of queries) {
  const s = performance.now();
  hits += index.search(q).total > 0 ? 1 : 0;
  qMs.push(performance.now() - s);
}
const qps = queries.length / ((performance.now() - t0) / 1000);
say(`search: ${queries.length} queries, ${fmt(qps, 0)} queries/s, p50 ${fmt(median(qMs), 2)} ms, p95 ${fmt(percentile(qMs, 95), 2)} ms, ${hits} with results`);

// Page loads over HTTP.
const server = await startServer({ port: 0, world, origins: knowledgeOrigins() });
const get = (site: string, path: string) =>
  new Promise<{ status: number; ms: number; bytes: number }>((resolve, reject) => {
    const s = performance.now();
    const req = request({ host: '127.0.0.1', port: server.port, path, agent: false, headers: { host: `${site}.localhost:${server.port}` } }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - s, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
const first = await get('search', '/search?q=warm+up');
say(`first search request (builds the index on this server's world): ${fmt(first.ms, 0)} ms`);
await get('guide', '/');

const paths: Record<string, [string, string][]> = { 'guide article': [], 'guide list': [], 'search results p1': [], 'search results p2+': [] };
const prng = new Rng('bench/knowledge/pages');
for (let i = 0; i < nPages; i++) {
  const type = ENTITY_TYPES[i % ENTITY_TYPES.length]!;
  paths['guide article']!.push(['guide', articlePath(prng.pick(graph.ofType(type)).id)]);
  paths['guide list']!.push(['guide', `/list/${type}?page=${1 + (i % 3)}`]);
  const q = encodeURIComponent(queries[i % queries.length]!);
  paths['search results p1']!.push(['search', `/search?q=${q}`]);
  paths['search results p2+']!.push(['search', `/search?q=${encodeURIComponent(prng.pick(['hotel', 'lisbon', 'festival', 'museum', 'restaurant paris']))}&page=${2 + (i % 5)}`]);
}
const rows: Record<string, { p50: number; p95: number; kb: number; errors: number }> = {};
for (const [label, list] of Object.entries(paths)) {
  const ms: number[] = [];
  let bytes = 0;
  let errors = 0;
  for (const [site, path] of list) {
    const r = await get(site, path);
    if (r.status !== 200) errors++;
    ms.push(r.ms);
    bytes += r.bytes;
  }
  rows[label] = { p50: median(ms), p95: percentile(ms, 95), kb: bytes / list.length / 1024, errors };
  say(`${label.padEnd(20)} p50 ${fmt(median(ms), 1)} ms · p95 ${fmt(percentile(ms, 95), 1)} ms · ${fmt(bytes / list.length / 1024, 1)} KB · ${list.length} pages${errors ? ` · ${errors} errors` : ''}`);
}
await server.close();
if (json) process.stdout.write(`${JSON.stringify({ graph: { entities: graph.size, ms: graphMs }, index: { pages: docs.length, documentsMs: docsMs, indexMs: index.buildMs }, search: { queries: queries.length, qps, p50: median(qMs), p95: percentile(qMs, 95) }, firstSearchMs: first.ms, pages: rows })}\n`);
if (Object.values(rows).some((r) => r.errors > 0)) process.exit(1);
