import { InvalidInputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import type { QaMethod } from '../../core/schemas/answer.js';
import type { QaTask, Split } from '../../core/schemas/task.js';
import type { KnowledgeGraph } from '../../knowledge/index.js';
import { crawlQuestion, type CrawlResult } from './crawl-questions.js';
import { crossSiteQuestion, type BookingPageOf } from './cross-site-questions.js';
import type { ResultsPages } from './day-results.js';
import { flightQuestion } from './flight-questions.js';
import { withParts } from './multi-part.js';
import { e2hQuestion } from './e2h-questions.js';
import { kgQuestion } from './kg-questions.js';
import { toQaTask } from './qa-task.js';
import type { Question } from './question.js';
import { verifyQaTask } from './verify-question.js';

export type QaBatchOptions = {
  graph: KnowledgeGraph;
  method: QaMethod;
  count: number;
  seed: number;
  worldVersion: number;
  split: Split;
  /** WebSailor's level for every question; by default levels 1, 2, 3 in turn. */
  level?: 1 | 2 | 3;
  /** e2h: replacement rounds for every question; by default 0, 1 and 2-3 for levels 1, 2, 3. */
  rounds?: number;
  /** crawl: the pages the crawl reached (questions are made only from what they show). */
  crawl?: CrawlResult;
  /** kg, e2h: parts of every question (default 1); each part is its own answer constraint (partial credit). */
  parts?: number;
  /**
   * kg, e2h with parts: the last part asks about another entity of the walk the question mentions
   * (the venue, the city); e2h questions then have 1 round or more (levels 2 and 3 in turn).
   */
  walkParts?: boolean;
  /** cross: the booking page that sells an entity (`bookingPageOf` in src/tasks/qa/booking-page-of.ts). */
  bookingPageOf?: BookingPageOf;
  /**
   * cross: the booking sites' results pages of a route on a day (`resultsPages` in
   * src/tasks/qa/day-results.ts); with them, half the questions ask about SkyHop's flights.
   */
  resultsPages?: ResultsPages;
  /** cross: only hotels' listing facts, or only flights' results (needs `resultsPages`); by default half and half when the results pages are given. */
  cross?: 'listing' | 'results';
  /** Called after each attempt with the questions kept so far. */
  onProgress?: (kept: number, attempts: number) => void;
};

export type QaBatch = {
  tasks: QaTask[];
  attempts: number;
  /** Attempts that found no question with one answer (a walk into a dead end, clues that never narrow to one). */
  failed: number;
  /** Questions dropped because one of the same shape and answer was kept already. */
  duplicates: number;
  /**
   * Questions dropped because their answer, derived again from the stored query over the whole
   * world (what `tasks check` and `loadTasks` do), is not the one they were made with: e.g. a
   * crawl count about a place whose name another place shares.
   */
  recheckFailed: number;
};

/**
 * Questions by one method, deterministic for a graph and seed: each attempt draws from its own
 * seeded stream, every kept question has exactly one answer in the whole graph, and a question of
 * the same shape and answer as a kept one (or the same text) is dropped. Stops after `count`
 * questions or 60 attempts per question asked.
 */
export function generateQaTasks(o: QaBatchOptions): QaBatch {
  const tasks: QaTask[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  let failed = 0;
  let duplicates = 0;
  let recheckFailed = 0;
  const parts = o.parts ?? 1;
  if (parts > 1 && o.method !== 'kg' && o.method !== 'e2h') throw new InvalidInputError(`questions of several parts are made by the kg and e2h methods, not ${o.method}`);
  if (o.method === 'cross' && !o.bookingPageOf && o.cross !== 'results') throw new InvalidInputError('the cross method needs the booking page of an entity (bookingPageOf)');
  if (o.method === 'cross' && o.cross === 'results' && !o.resultsPages) throw new InvalidInputError('cross questions about results need the results pages (resultsPages)');
  // An e2h question of 0 rounds names its entity: no other entity of a walk to ask about.
  const noWalk = o.method === 'e2h' && (o.level === 1 || o.rounds === 0);
  if (o.walkParts && (parts < 2 || noWalk)) throw new InvalidInputError(parts < 2 ? 'walk parts need 2 parts or more' : 'walk parts need an e2h question of 1 round or more (level 2 or 3): one of 0 rounds names its entity');
  const levels: (1 | 2 | 3)[] = o.walkParts && o.method === 'e2h' ? [2, 3] : [1, 2, 3];
  const idPrefix = `qa-${o.method}${parts > 1 ? `-p${parts}${o.walkParts ? 'w' : ''}` : ''}-s${o.seed}`;
  while (tasks.length < o.count && attempts < o.count * 60) {
    const rng = new Rng(`qa/${o.method}/${o.seed}/${attempts}`);
    const level = o.level ?? levels[tasks.length % levels.length]!;
    attempts++;
    let q: Question | undefined;
    if (o.method === 'kg') q = kgQuestion(o.graph, rng, level);
    else if (o.method === 'e2h') q = e2hQuestion(o.graph, rng, o.rounds ?? (level === 1 ? 0 : level === 2 ? 1 : rng.int(2, 3)));
    else if (o.method === 'cross') {
      const kind = o.cross ?? (o.resultsPages && rng.chance(0.5) ? 'results' : 'listing');
      q = kind === 'results' ? flightQuestion(o.graph, rng, level, o.resultsPages!) : crossSiteQuestion(o.graph, rng, level, o.bookingPageOf!);
    }
    else q = o.crawl ? crawlQuestion(o.graph, rng, o.crawl) : undefined;
    // More parts draw from their own stream, so that the first part is the one-part question of this seed.
    if (q && parts > 1) q = withParts(o.graph, new Rng(`qa/${o.method}/${o.seed}/${attempts - 1}/parts`), q, parts, { walk: o.walkParts ?? false });
    if (!q) failed++;
    else {
      const key = `${q.shape}|${JSON.stringify(q.answer)}`;
      const task = toQaTask(q, { id: `${idPrefix}-${String(tasks.length + 1).padStart(4, '0')}`, seed: o.seed, worldSeed: o.graph.worldSeed, worldVersion: o.worldVersion, split: o.split });
      if (seen.has(key) || seen.has(q.text)) duplicates++;
      else if (verifyQaTask(o.graph, task, { results: o.resultsPages?.results }) !== undefined) recheckFailed++;
      else {
        seen.add(key);
        seen.add(q.text);
        tasks.push(task);
      }
    }
    o.onProgress?.(tasks.length, attempts);
  }
  return { tasks, attempts, failed, duplicates, recheckFailed };
}
