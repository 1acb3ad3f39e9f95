import { describe, expect, it } from 'vitest';
import type { QaRef } from '../../../src/core/schemas/answer.js';
import type { QaTask } from '../../../src/core/schemas/task.js';
import { articlePath, buildKnowledgeGraph, factText, knowledgeOrigins } from '../../../src/knowledge/index.js';
import { crawlSite } from '../../../src/tasks/qa/crawl.js';
import { crawlResult } from '../../../src/tasks/qa/crawl-questions.js';
import { generateQaTasks } from '../../../src/tasks/qa/generate-qa.js';
import { http, testWorld, useTestServer } from '../../helpers/test-server.js';

/**
 * The proof pages of a question, read on the real guide (Wanderpedia, served with the booking
 * sites): the answer's article shows the asked fact in its infobox (or the name in its heading),
 * every entity the question describes shows the facts its clues use, and every link a clue
 * follows is a link on the page of the entity that holds it. Questions from a crawl are made
 * from that guide's own pages.
 */
const getServer = useTestServer({ origins: knowledgeOrigins() });
const g = buildKnowledgeGraph(testWorld());
const pages = new Map<string, string>();
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

async function article(id: string): Promise<string> {
  const path = articlePath(id);
  if (!pages.has(path)) {
    const res = await http(getServer(), { site: 'guide', path });
    expect(res.status, path).toBe(200);
    pages.set(path, unescape(res.body));
  }
  return pages.get(path)!;
}

const factCell = (html: string, key: string) => new RegExp(`<tr data-fact="${key}"><th scope="row">[^<]*</th><td>([^<]*)</td></tr>`).exec(html)?.[1];
const linksTo = (html: string, id: string) => html.includes(`href="${articlePath(id)}"`) || html.includes(`${articlePath(id)}"`);

async function checkRef(r: QaRef, t: QaTask): Promise<void> {
  if (r.kind === 'named') {
    expect(await article(r.id)).toContain(r.name);
    return;
  }
  const html = await article(r.d.of);
  for (const c of r.d.clues) {
    if (c.kind === 'link') {
      const other = c.target.kind === 'named' ? c.target.id : c.target.d.of;
      // The link is shown on the page of the entity that holds it.
      if (c.dir === 'out') expect(linksTo(html, other), `${t.id}: ${r.d.of} links ${other}`).toBe(true);
      else expect(linksTo(await article(other), r.d.of), `${t.id}: ${other} links ${r.d.of}`).toBe(true);
      await checkRef(c.target, t);
    } else {
      const shown = factCell(html, c.key);
      expect(shown, `${t.id}: ${r.d.of} shows ${c.key}`).toBeDefined();
      expect(shown).toBe(factText(g.get(r.d.of).facts[c.key]!));
    }
  }
}

async function checkProof(t: QaTask): Promise<void> {
  const answerId = t.qa.entities[0]!;
  const html = await article(answerId);
  const { ask } = t.qa.query;
  if (ask.kind === 'fact') expect(factCell(html, ask.key), `${t.id}: answer fact ${ask.key}`).toBe(factText(g.get(answerId).facts[ask.key]!));
  if (ask.kind === 'name') expect(html).toMatch(new RegExp(`<h1[^>]*>[^<]*${g.get(answerId).name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await checkRef(t.qa.query.subject, t);
  for (const p of t.qa.proof) expect(p.site).toBe('guide');
}

describe('proof pages on the real guide', () => {
  it('kg and e2h questions: the pages show every fact and link the question relies on, and the answer', async () => {
    for (const method of ['kg', 'e2h'] as const) {
      const { tasks } = generateQaTasks({ graph: g, method, count: 15, seed: 21, worldVersion: 2, split: 'train' });
      for (const t of tasks) await checkProof(t);
    }
  }, 300_000);

  it('crawl questions come from a crawl of the guide over HTTP, and their proof pages were crawled', async () => {
    const server = getServer();
    const crawled = await crawlSite({ origin: server.origin('guide'), maxPages: 250 });
    expect(crawled.length).toBe(250);
    const crawl = crawlResult(g, crawled);
    expect(crawl.entities.length).toBeGreaterThan(100);
    const { tasks } = generateQaTasks({ graph: g, method: 'crawl', count: 12, seed: 3, worldVersion: 2, split: 'train', crawl });
    expect(tasks).toHaveLength(12);
    const paths = new Set(crawled.map((p) => p.path));
    for (const t of tasks) {
      for (const p of t.qa.proof) expect(paths.has(p.path), p.path).toBe(true);
      if (t.qa.query.ask.kind === 'fact' || t.qa.query.ask.kind === 'name') await checkProof(t);
    }
  }, 300_000);
});
