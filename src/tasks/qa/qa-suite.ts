import { sha256 } from '../../core/hash.js';
import type { QaMethod } from '../../core/schemas/answer.js';
import { SUITE_MANIFEST_SCHEMA_VERSION, type SuiteManifest } from '../../core/schemas/suite-manifest.js';
import { TASK_SCHEMA_VERSION, type QaTask } from '../../core/schemas/task.js';
import { WORLD_VERSION } from '../../core/version.js';
import type { KnowledgeGraph } from '../../knowledge/index.js';
import type { CrawlResult } from './crawl-questions.js';
import type { BookingPageOf } from './cross-site-questions.js';
import type { ResultsPages } from './day-results.js';
import { generateQaTasks } from './generate-qa.js';
import { lintQuestion } from '../lint-instruction.js';

/** One group of a question suite: questions by one method with the same options, `count` of them. */
export type QaGroup = {
  name: string;
  method: QaMethod;
  count: number;
  level?: 1 | 2 | 3;
  rounds?: number;
  parts?: number;
  walkParts?: boolean;
  cross?: 'listing' | 'results';
};

/** How a frozen question suite is drawn: its groups, each from its own seed (`seed * 100 + the group's place`). */
export type QaSuiteRecipe = { name: string; seed: number; worldSeed: number; maxPages: number; groups: QaGroup[] };

/**
 * `infoseek-v1`: 46 held-out questions (split test, seed 9119; no train or dev generation of ours
 * uses it): kg levels 1-3 and e2h rounds 1-3 (4 each), crawl (4), cross-site questions about a
 * hotel's StayWell listing (4, levels 1-3) and about SkyHop's flights of a day (6, levels 1-3),
 * and questions of two parts: kg (3), and kg and e2h with the second part about another entity of
 * the walk (3 and 2). infoseek-v0 is unchanged.
 */
export const INFOSEEK_V1: QaSuiteRecipe = {
  name: 'infoseek-v1',
  seed: 9119,
  worldSeed: 1,
  maxPages: 400,
  groups: [
    { name: 'kg-l1', method: 'kg', count: 4, level: 1 },
    { name: 'kg-l2', method: 'kg', count: 4, level: 2 },
    { name: 'kg-l3', method: 'kg', count: 4, level: 3 },
    { name: 'e2h-r1', method: 'e2h', count: 4, rounds: 1, level: 2 },
    { name: 'e2h-r2', method: 'e2h', count: 4, rounds: 2, level: 3 },
    { name: 'e2h-r3', method: 'e2h', count: 4, rounds: 3, level: 3 },
    { name: 'crawl', method: 'crawl', count: 4 },
    { name: 'cross-hotel', method: 'cross', count: 4, cross: 'listing' },
    { name: 'cross-flight', method: 'cross', count: 6, cross: 'results' },
    { name: 'kg-p2', method: 'kg', count: 3, parts: 2 },
    { name: 'kg-p2-walk', method: 'kg', count: 3, parts: 2, walkParts: true },
    { name: 'e2h-p2-walk', method: 'e2h', count: 2, parts: 2, walkParts: true },
  ],
};

export type QaGroupSuite = {
  group: QaGroup;
  tasks: QaTask[];
  /** Attempts without one answer, duplicates, and questions dropped by the re-derivation over the whole world. */
  failed: number;
  duplicates: number;
  recheckFailed: number;
  /** Questions left out because the instruction linter found something (a constraint's phrase not said, ...). */
  lintFailed: number;
};

/**
 * A question suite: each group generated from its own seed with its options, split test, ids
 * `<suite>-<group>-NN`; a question whose text another group's question has already is left out
 * (counted as a duplicate), and so is one the instruction linter finds fault with (two more than
 * asked are drawn to make up for them). A pure function of the recipe, the graph and the crawl.
 */
export function buildQaSuite(recipe: QaSuiteRecipe, o: { graph: KnowledgeGraph; crawl?: CrawlResult; bookingPageOf: BookingPageOf; resultsPages: ResultsPages }): QaGroupSuite[] {
  const texts = new Set<string>();
  return recipe.groups.map((group, i) => {
    // A few more than asked, so that questions the linter refuses can be left out.
    const batch = generateQaTasks({
      graph: o.graph,
      method: group.method,
      count: group.count + 2,
      seed: recipe.seed * 100 + i,
      worldVersion: WORLD_VERSION,
      split: 'test',
      ...(group.level ? { level: group.level } : {}),
      ...(group.rounds !== undefined ? { rounds: group.rounds } : {}),
      ...(group.parts ? { parts: group.parts } : {}),
      ...(group.walkParts ? { walkParts: true } : {}),
      ...(group.cross ? { cross: group.cross } : {}),
      ...(group.method === 'crawl' && o.crawl ? { crawl: o.crawl } : {}),
      ...(group.method === 'cross' ? { bookingPageOf: o.bookingPageOf, resultsPages: o.resultsPages } : {}),
    });
    const fresh = batch.tasks.filter((t) => !texts.has(t.instruction));
    const clean = fresh.filter((t) => lintQuestion(t).length === 0);
    const kept = clean.slice(0, group.count);
    kept.forEach((t) => texts.add(t.instruction));
    const tasks = kept.map((t, k) => ({ ...t, id: `${recipe.name}-${group.name}-${String(k + 1).padStart(2, '0')}` }));
    return { group, tasks, failed: batch.failed, duplicates: batch.duplicates + batch.tasks.length - fresh.length, recheckFailed: batch.recheckFailed, lintFailed: fresh.length - clean.length };
  });
}

/** The JSONL lines of tasks, each ending in a newline. */
export const qaSuiteLines = (tasks: readonly QaTask[]) => tasks.map((t) => `${JSON.stringify(t)}\n`).join('');

/** What a group covers, as the manifest lists it: its method and options. */
function groupFeatures(g: QaGroup): string[] {
  return [`method:${g.method}`, ...(g.level ? [`level:${g.level}`] : []), ...(g.rounds !== undefined ? [`rounds:${g.rounds}`] : []), ...(g.parts ? [`parts:${g.parts}`] : []), ...(g.walkParts ? ['walk-parts'] : []), ...(g.cross ? [`cross:${g.cross}`] : [])];
}

/** The manifest of a question suite file (groups in file order), one entry per group. */
export function qaSuiteManifest(recipe: QaSuiteRecipe, groups: readonly QaGroupSuite[], revision: number, command: string): SuiteManifest {
  const text = groups.map((g) => qaSuiteLines(g.tasks)).join('');
  const spec = (g: QaGroup) => Object.fromEntries(Object.entries(g).filter(([k, v]) => k !== 'name' && v !== undefined)) as Record<string, string | number | boolean>;
  return {
    schemaVersion: SUITE_MANIFEST_SCHEMA_VERSION,
    name: recipe.name,
    revision,
    sha256: sha256(text),
    tasks: groups.reduce((n, g) => n + g.tasks.length, 0),
    recipe: { seed: recipe.seed, worldSeed: recipe.worldSeed, worldVersion: WORLD_VERSION, taskSchemaVersion: TASK_SCHEMA_VERSION, split: 'test', groups: Object.fromEntries(recipe.groups.map((g) => [g.name, spec(g)])) },
    sites: Object.fromEntries(groups.map((g) => [g.group.name, { tasks: g.tasks.length, sha256: sha256(qaSuiteLines(g.tasks)), covered: groupFeatures(g.group), missing: g.tasks.length < g.group.count ? [`${g.group.count - g.tasks.length} of ${g.group.count} questions not found`] : [] }])),
    command,
  };
}
