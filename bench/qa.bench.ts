/**
 * Question figures: questions generated per second per method (kg, e2h, crawl; two-part kg and
 * e2h; cross-site) over the world's
 * knowledge graph on one core, median of 3 runs of 60 questions (levels 1-3 in turn), with the
 * attempts each took; crawl also times the crawl itself (an HTTP BFS of 400 pages of the real
 * guide, served on port 0 with the booking sites; the first run includes its warm-up) apart from the questions made from it; and answer checks per
 * second (a reply against a number answer with a unit). The graph is built once (its time shown).
 */
import { checkAnswer } from '../src/evaluation/answers/check-answer.js';
import { buildKnowledgeGraph } from '../src/knowledge/index.js';
import { loadArenaWorld, SITES } from '../src/sites/registry.js';
import { bookingPageOf } from '../src/tasks/qa/booking-page-of.js';
import { crawlSite } from '../src/tasks/qa/crawl.js';
import { crawlResult } from '../src/tasks/qa/crawl-questions.js';
import { generateQaTasks } from '../src/tasks/qa/generate-qa.js';
import { knowledgeOrigins } from '../src/knowledge/index.js';
import { startServer } from '../src/sites/engine/server.js';
import { fmt, median } from './stats.js';

const json = process.argv.includes('--json');
const { world } = loadArenaWorld(1);
const tg = performance.now();
const graph = buildKnowledgeGraph(world);
const graphMs = performance.now() - tg;
const out: Record<string, unknown> = { graphBuildMs: Math.round(graphMs), graphEntities: graph.size };
const lines = [`knowledge graph: ${graph.size} entities built in ${fmt(graphMs, 0)} ms`];

const server = await startServer({ port: 0, world, origins: knowledgeOrigins() });
const crawlMs: number[] = [];
let crawl;
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const pages = await crawlSite({ origin: server.origin('guide'), maxPages: 400 });
  crawlMs.push(performance.now() - t0);
  crawl = crawlResult(graph, pages);
}
await server.close();
out.crawl400PagesMs = Math.round(median(crawlMs));
lines.push(`crawl of 400 pages over HTTP: ${fmt(median(crawlMs), 0)} ms (${fmt(400 / (median(crawlMs) / 1000), 0)} pages/s)`);

// The methods, and the newer kinds: two-part kg and e2h questions, and cross-site questions (a
// walk to a hotel, asking what only its StayWell listing shows: finding that page costs the site's own search).
const kinds = [
  { name: 'kg', method: 'kg' },
  { name: 'e2h', method: 'e2h' },
  { name: 'crawl', method: 'crawl' },
  { name: 'kg-p2', method: 'kg', parts: 2 },
  { name: 'e2h-p2', method: 'e2h', parts: 2 },
  { name: 'cross', method: 'cross' },
] as const;
const pageOf = bookingPageOf(world, SITES);
for (const kind of kinds) {
  const rates: number[] = [];
  let attempts = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const b = generateQaTasks({
      graph,
      method: kind.method,
      count: 60,
      seed: run + 1,
      worldVersion: 2,
      split: 'train',
      ...(kind.method === 'crawl' ? { crawl } : {}),
      ...('parts' in kind ? { parts: kind.parts } : {}),
      ...(kind.method === 'cross' ? { bookingPageOf: pageOf } : {}),
    });
    rates.push(b.tasks.length / ((performance.now() - t0) / 1000));
    attempts += b.attempts / Math.max(1, b.tasks.length);
  }
  out[`${kind.name.replace(/-p2$/, 'TwoPart')}QuestionsPerSecond`] = Math.round(median(rates));
  lines.push(`questions/s  ${kind.name.padEnd(6)} ${fmt(median(rates), 0)}  (${fmt(attempts / 3, 2)} attempts per question)`);
}

const spec = { type: 'number' as const, value: 1250, unit: 'EUR' };
const rates: number[] = [];
for (let run = 0; run < 3; run++) {
  const n = 50_000;
  const t0 = performance.now();
  let ok = 0;
  for (let i = 0; i < n; i++) ok += checkAnswer(spec, i % 2 ? 'The total is €1,250.00.' : '1 250 EUR').ok ? 1 : 0;
  rates.push(n / ((performance.now() - t0) / 1000));
  if (ok !== n) throw new Error('answer check disagrees with itself');
}
out.answerChecksPerSecond = Math.round(median(rates));
lines.push(`answer checks/s (number with unit): ${fmt(median(rates), 0)}`);

if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
else process.stdout.write(`${lines.join('\n')}\n`);
