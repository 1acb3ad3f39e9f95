import { InvalidInputError } from '../../core/errors.js';
import { QaMethod } from '../../core/schemas/answer.js';
import type { Split } from '../../core/schemas/task.js';
import { WORLD_VERSION } from '../../core/version.js';
import { buildKnowledgeGraph, knowledgeOrigins } from '../../knowledge/index.js';
import { loadArenaWorld, SITES } from '../../sites/registry.js';
import { bookingPageOf } from '../../tasks/qa/booking-page-of.js';
import { resultsPages } from '../../tasks/qa/day-results.js';
import { startServer } from '../../sites/engine/server.js';
import { crawlSite } from '../../tasks/qa/crawl.js';
import { crawlResult } from '../../tasks/qa/crawl-questions.js';
import { generateQaTasks } from '../../tasks/qa/generate-qa.js';
import { writeTasks } from '../../tasks/task-file.js';
import { printJson, table } from '../output.js';
import { countProgress } from '../progress.js';

export type QaGenerateFlags = {
  method?: string;
  count: number;
  seed: number;
  worldSeed: number;
  split: Split;
  out: string;
  level?: string;
  rounds?: number;
  parts?: number;
  walkParts?: boolean;
  maxPages: number;
  origin?: string;
  json?: boolean;
};

/**
 * `tasks generate --kind qa`: questions over the world's knowledge graph by one method, written
 * as a task file. crawl first crawls the guide site over HTTP (a server on port 0 this command
 * starts, or --origin) and asks only about what the crawl reached.
 */
export async function generateQaCommand(o: QaGenerateFlags): Promise<void> {
  const method = QaMethod.safeParse(o.method);
  if (!method.success) throw new InvalidInputError(`--method must be crawl, e2h, kg or cross, got ${JSON.stringify(o.method)}`);
  const parts = o.parts ?? 1;
  if (parts > 1 && method.data !== 'kg' && method.data !== 'e2h') throw new InvalidInputError(`--parts is for --method kg or e2h, not ${method.data}`);
  if (o.walkParts && parts < 2) throw new InvalidInputError('--walk-parts needs --parts 2 or more');
  const level = o.level === undefined ? undefined : Number(o.level);
  if (level !== undefined && level !== 1 && level !== 2 && level !== 3) throw new InvalidInputError(`--level must be 1, 2 or 3, got "${o.level}"`);
  const { world } = loadArenaWorld(o.worldSeed);
  const t0 = performance.now();
  const graph = buildKnowledgeGraph(world);
  let crawl;
  let crawledPages = 0;
  if (method.data === 'crawl') {
    const server = o.origin ? undefined : await startServer({ port: 0, world, origins: knowledgeOrigins() });
    const origin = o.origin ?? server!.origin('guide');
    try {
      const bar = countProgress('crawl', o.maxPages);
      const pages = await crawlSite({ origin, maxPages: o.maxPages, onPage: (n) => bar.update(n, n) }).finally(() => bar.stop());
      crawl = crawlResult(graph, pages);
      crawledPages = pages.length;
    } finally {
      await server?.close();
    }
    if (crawl.entities.length === 0) {
      throw new InvalidInputError(`the crawl of ${origin} reached ${crawledPages} pages but no guide article (/wiki/<type>/<key>)`, {
        hint: 'give --origin of a running guide (webfoundry serve --knowledge), or raise --max-pages',
      });
    }
  }
  const bar = countProgress(`${method.data} questions`, o.count);
  const batch = generateQaTasks({
    graph,
    method: method.data,
    count: o.count,
    seed: o.seed,
    worldVersion: WORLD_VERSION,
    split: o.split,
    ...(level ? { level: level as 1 | 2 | 3 } : {}),
    ...(o.rounds !== undefined ? { rounds: o.rounds } : {}),
    ...(crawl ? { crawl } : {}),
    ...(parts > 1 ? { parts } : {}),
    ...(o.walkParts ? { walkParts: true } : {}),
    ...(method.data === 'cross' ? { bookingPageOf: bookingPageOf(world, SITES), resultsPages: resultsPages(world, SITES) } : {}),
    onProgress: (kept, attempts) => bar.update(kept, attempts),
  });
  bar.stop();
  writeTasks(o.out, batch.tasks);
  const ms = Math.round(performance.now() - t0);
  const byLevel = [1, 2, 3].map((l) => batch.tasks.filter((t) => t.qa.level === l).length);
  const byAnswer = ['string', 'number', 'set', 'date'].map((k) => batch.tasks.filter((t) => t.constraints[0]!.answer.type === k).length);
  const summary = { out: o.out, method: method.data, ...(parts > 1 ? { parts } : {}), ...(o.walkParts ? { walkParts: true } : {}), questions: batch.tasks.length, attempts: batch.attempts, failed: batch.failed, duplicates: batch.duplicates, recheckFailed: batch.recheckFailed, ms, ...(crawl ? { crawledPages, crawledArticles: crawl.entities.length } : {}) };
  if (o.json) return printJson({ ...summary, levels: { 1: byLevel[0], 2: byLevel[1], 3: byLevel[2] }, answers: { string: byAnswer[0], number: byAnswer[1], set: byAnswer[2], date: byAnswer[3] } });
  process.stdout.write(
    `${table(['method', 'questions', 'level 1', 'level 2', 'level 3', 'string', 'number', 'set', 'date'], [[method.data, batch.tasks.length, ...byLevel, ...byAnswer]])}\n` +
      `${crawl ? `crawled ${crawledPages} pages (${crawl.entities.length} articles); ` : ''}${batch.attempts} attempts (${batch.failed} without one answer, ${batch.duplicates} duplicates, ${batch.recheckFailed} dropped: their answer derived again over the whole world differed); wrote ${batch.tasks.length} questions to ${o.out} in ${ms} ms\n`,
  );
  if (batch.tasks.length < o.count) process.stderr.write(`only ${batch.tasks.length} of ${o.count} questions were found within ${batch.attempts} attempts\n`);
}
