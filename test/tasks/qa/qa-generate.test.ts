import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaClue, QaRef } from '../../../src/core/schemas/answer.js';
import { QaTask } from '../../../src/core/schemas/task.js';
import { buildKnowledgeGraph, type Entity, type KnowledgeGraph } from '../../../src/knowledge/index.js';
import { buildArenaWorld, loadArenaWorld } from '../../../src/sites/registry.js';
import { crawlSite } from '../../../src/tasks/qa/crawl.js';
import { crawlResult } from '../../../src/tasks/qa/crawl-questions.js';
import { generateQaTasks, type QaBatch } from '../../../src/tasks/qa/generate-qa.js';
import { verifyQaTask } from '../../../src/tasks/qa/verify-question.js';
import { checkFeasible } from '../../../src/tasks/feasibility.js';
import { startArticleServer } from '../../helpers/article-server.js';

/**
 * The properties every generated question must have, checked with a matcher written here from
 * the clue semantics (src/core/schemas/answer.ts), not with the generator's own: exactly one
 * entity fits a fact or name question in the whole graph, its answer is that entity's fact, the
 * proof pages cover every entity the question uses, and the questions change with the seed and
 * with the world.
 */
const { world } = loadArenaWorld(1);
const g = buildKnowledgeGraph(world);

const bare = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function holds(e: Entity, c: Exclude<QaClue, { kind: 'link' }>): boolean {
  const v = e.facts[c.key];
  if (c.kind === 'eq') return typeof c.value === 'number' ? v === c.value : typeof v === 'string' && bare(v) === bare(c.value);
  if (c.kind === 'has') return Array.isArray(v) && v.map(bare).includes(bare(c.value));
  if (c.kind === 'range') return typeof v === 'number' && v >= c.min && v <= c.max;
  return typeof v === 'string' && v >= c.from && v <= c.to;
}

/** Every entity a reference means, by brute force over the whole graph. */
function means(graph: KnowledgeGraph, r: QaRef): Set<string> {
  if (r.kind === 'named') return new Set(graph.entities().filter((e) => e.type === r.type && bare(e.name) === bare(r.name)).map((e) => e.id));
  const out = new Set<string>();
  const targets = new Map<QaClue, Set<string>>();
  // For an "in" clue: every entity some target links to by the relation (read off the targets' own links).
  const pointedAt = new Map<QaClue, Set<string>>();
  for (const c of r.d.clues) {
    if (c.kind !== 'link') continue;
    const t = means(graph, c.target);
    targets.set(c, t);
    if (c.dir === 'in') pointedAt.set(c, new Set([...t].flatMap((id) => graph.get(id).links.filter((l) => l.rel === c.rel).map((l) => l.to))));
  }
  for (const e of graph.entities()) {
    if (e.type !== r.d.type) continue;
    const ok = r.d.clues.every((c) => {
      if (c.kind !== 'link') return holds(e, c);
      const t = targets.get(c)!;
      return c.dir === 'out' ? e.links.some((l) => l.rel === c.rel && t.has(l.to)) : pointedAt.get(c)!.has(e.id);
    });
    if (ok) out.add(e.id);
  }
  return out;
}

const namedRefs = (r: QaRef): Extract<QaRef, { kind: 'named' }>[] => (r.kind === 'named' ? [r] : r.d.clues.flatMap((c) => (c.kind === 'link' ? namedRefs(c.target) : [])));
const hasBlur = (r: QaRef): boolean => r.kind === 'described' && r.d.clues.some((c) => c.kind === 'range' || c.kind === 'window' || (c.kind === 'link' && hasBlur(c.target)));

function checkOneAnswer(t: QaTask): void {
  expect(QaTask.safeParse(t).success).toBe(true);
  const { subject, ask } = t.qa.query;
  const answer = t.constraints[0]!.answer;
  const fits = [...means(g, subject)];
  if (ask.kind === 'fact' || ask.kind === 'name') {
    expect(fits, t.instruction).toEqual([t.qa.entities[0]]);
    const e = g.get(fits[0]!);
    const value = ask.kind === 'name' ? e.name : e.facts[ask.key];
    if (answer.type === 'set') expect(answer.members.map((m) => m.value).sort()).toEqual([...(value as string[])].sort());
    else expect(answer.value, t.instruction).toEqual(value);
  } else if (ask.kind === 'count') {
    expect(answer).toEqual({ type: 'number', value: fits.length });
  } else {
    const names = fits.map((id) => g.get(id).name).sort();
    expect(answer.type === 'set' ? answer.members.map((m) => m.value).sort() : [answer.type === 'string' ? answer.value : '']).toEqual(names);
  }
  // The proof pages cover every entity the question names or describes, and the answer's.
  const proof = new Set(t.qa.proof.map((p) => p.path));
  for (const id of t.qa.entities) expect(proof.has(`/wiki/${id.split(':')[0]}/${encodeURIComponent(id.slice(id.indexOf(':') + 1))}`), id).toBe(true);
  // What the question names is in its text; its answer is not.
  for (const n of namedRefs(subject)) expect(t.instruction).toContain(n.name);
  if (answer.type === 'string' && ask.kind !== 'names') expect(bare(t.instruction.split('?')[0]!)).not.toContain(` ${bare(answer.value)} `);
  expect(verifyQaTask(g, t)).toBeUndefined();
}

const batches = new Map<string, QaBatch>();
const batch = (method: 'kg' | 'e2h', seed: number) => {
  const k = `${method}/${seed}`;
  if (!batches.has(k)) batches.set(k, generateQaTasks({ graph: g, method, count: 24, seed, worldVersion: 2, split: 'train' }));
  return batches.get(k)!;
};

describe.each(['kg', 'e2h'] as const)('%s questions', (method) => {
  it('have exactly one answer in the world, proven by their pages', () => {
    const b = batch(method, 1);
    expect(b.tasks).toHaveLength(24);
    for (const t of b.tasks) checkOneAnswer(t);
    expect(new Set(b.tasks.map((t) => t.qa.level))).toEqual(new Set([1, 2, 3]));
  });
  it('are deterministic by seed, and a changed seed changes them', () => {
    const again = generateQaTasks({ graph: g, method, count: 24, seed: 1, worldVersion: 2, split: 'train' });
    expect(again.tasks).toEqual(batch(method, 1).tasks);
    const other = batch(method, 2).tasks.map((t) => t.instruction);
    const shared = batch(method, 1).tasks.filter((t) => other.includes(t.instruction));
    expect(shared.length).toBeLessThan(3);
  });
  it('keep no two of the same shape and answer', () => {
    const keys = batch(method, 1).tasks.map((t) => `${t.qa.shape}|${JSON.stringify(t.constraints[0]!.answer)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('levels', () => {
  it('kg level 3 names nothing: the far end and the answer are described by blurred facts', () => {
    const hard = generateQaTasks({ graph: g, method: 'kg', count: 12, seed: 5, worldVersion: 2, split: 'train', level: 3 }).tasks;
    expect(hard.length).toBe(12);
    for (const t of hard) {
      expect(namedRefs(t.qa.query.subject)).toEqual([]);
      expect(t.qa.hops).toBeGreaterThanOrEqual(3);
    }
    // Obfuscation is the point of level 3: most of them read ranges or date windows, not values.
    expect(hard.filter((t) => hasBlur(t.qa.query.subject)).length).toBeGreaterThanOrEqual(9);
  });
  it('e2h rounds deepen the question: n rounds, at least n+1 pages to the answer', () => {
    for (const rounds of [0, 1, 3]) {
      const ts = generateQaTasks({ graph: g, method: 'e2h', count: 6, seed: 7, worldVersion: 2, split: 'train', rounds }).tasks;
      expect(ts.length).toBe(6);
      for (const t of ts) {
        expect(t.qa.hops).toBeGreaterThanOrEqual(rounds === 0 ? 1 : 2);
        if (rounds === 0) expect(t.qa.query.subject.kind).toBe('named');
        checkOneAnswer(t);
      }
    }
  });
});

describe('checking questions again', () => {
  it('a changed world changes the questions', () => {
    const g2 = buildKnowledgeGraph(buildArenaWorld(2));
    const mine = batch('kg', 1).tasks.map((t) => t.instruction);
    const theirs = generateQaTasks({ graph: g2, method: 'kg', count: 24, seed: 1, worldVersion: 2, split: 'train' }).tasks.map((t) => t.instruction);
    expect(theirs.filter((x) => mine.includes(x)).length).toBeLessThan(4);
  });
  it('tasks check re-derives the answer: a wrong answer or an ambiguous subject is refused', () => {
    const t = batch('kg', 1).tasks.find((x) => x.constraints[0]!.answer.type === 'string' && x.qa.query.subject.kind === 'described')!;
    expect(checkFeasible(t, world)).toBeUndefined();
    const wrong = { ...t, constraints: [{ ...t.constraints[0]!, answer: { type: 'string' as const, value: 'Somewhere Else' } }] };
    expect(checkFeasible(wrong, world)).toMatch(/world's answer/);
    const s = t.qa.query.subject as Extract<QaRef, { kind: 'described' }>;
    const vague = { ...t, qa: { ...t.qa, query: { ...t.qa.query, subject: { kind: 'described' as const, d: { ...s.d, clues: [] } } } } };
    expect(checkFeasible(vague, world)).toMatch(/means \d+ entities, not one/);
  });
});

describe('crawl questions', () => {
  let server: Awaited<ReturnType<typeof startArticleServer>>;
  beforeAll(async () => {
    server = await startArticleServer(g);
  });
  afterAll(async () => {
    await server.close();
  });
  it('crawl a site over HTTP breadth first, on its origin only, within the page budget', async () => {
    const pages = await crawlSite({ origin: server.origin, maxPages: 60 });
    expect(pages).toHaveLength(60);
    expect(pages[0]!.path).toBe('/');
    // Breadth first: every list page (one hop from home) comes before any article.
    const firstArticle = pages.findIndex((p) => p.path.startsWith('/wiki/'));
    expect(pages.slice(firstArticle).some((p) => p.path.startsWith('/list/'))).toBe(false);
    expect(pages.every((p) => p.links.every((l) => l.startsWith('/')))).toBe(true);
    expect(server.requests()).toBe(60);
  });
  it('ask counts, multi-hop facts and intersections over what the crawl reached, each with one answer', async () => {
    const pages = await crawlSite({ origin: server.origin, maxPages: 600 });
    const crawl = crawlResult(g, pages);
    const b = generateQaTasks({ graph: g, method: 'crawl', count: 18, seed: 1, worldVersion: 2, split: 'train', crawl });
    expect(b.tasks.length).toBe(18);
    const crawled = new Set(pages.map((p) => p.path));
    for (const t of b.tasks) {
      checkOneAnswer(t);
      for (const p of t.qa.proof) expect(crawled.has(p.path), p.path).toBe(true);
      // What loadTasks and `tasks check` do: the answer derived again over the whole world.
      expect(verifyQaTask(g, t), t.id).toBeUndefined();
    }
    // A question that fails that re-check is dropped and counted, never written.
    expect(b.recheckFailed).toBeGreaterThanOrEqual(0);
    expect(b.attempts).toBe(b.tasks.length + b.failed + b.duplicates + b.recheckFailed);
    const kinds = new Set(b.tasks.map((t) => t.qa.query.ask.kind));
    expect(kinds.has('count') && kinds.has('fact')).toBe(true);
    expect([...kinds].some((k) => k === 'names' || k === 'name')).toBe(true);
  });
  it('an origin that cannot be reached is an error, not an empty crawl', async () => {
    await expect(crawlSite({ origin: 'http://127.0.0.1:9', maxPages: 5 })).rejects.toThrow(/reached no page/);
  });
});
