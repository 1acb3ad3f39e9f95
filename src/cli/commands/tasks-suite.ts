import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import { SITES, loadArenaWorld } from '../../sites/registry.js';
import { BOOKINGARENA_V1, buildSiteSuite, suiteLines, suiteManifest, type SiteSuite, type SuiteRecipe } from '../../tasks/frozen-suite.js';
import { SUITES, manifestPathOf, readSuiteManifest } from '../../tasks/task-file.js';
import { printJson, table } from '../output.js';
import { buildKnowledgeGraph, knowledgeOrigins } from '../../knowledge/index.js';
import { startServer } from '../../sites/engine/server.js';
import { bookingPageOf } from '../../tasks/qa/booking-page-of.js';
import { crawlSite } from '../../tasks/qa/crawl.js';
import { crawlResult } from '../../tasks/qa/crawl-questions.js';
import { resultsPages } from '../../tasks/qa/day-results.js';
import { INFOSEEK_V1, buildQaSuite, qaSuiteLines, qaSuiteManifest, type QaSuiteRecipe } from '../../tasks/qa/qa-suite.js';

/** The frozen suites this command can build. */
const RECIPES: Record<string, SuiteRecipe> = { [BOOKINGARENA_V1.name]: BOOKINGARENA_V1 };
/** The frozen question suites: groups of questions by method and options (src/tasks/qa/qa-suite.ts). */
const QA_RECIPES: Record<string, QaSuiteRecipe> = { [INFOSEEK_V1.name]: INFOSEEK_V1 };
const ALL = [...Object.keys(RECIPES), ...Object.keys(QA_RECIPES)];

type SiteStatus = 'unchanged' | 'new' | 'changed' | 'removed';

/**
 * `webfoundry tasks suite bookingarena-v1 [--write]`: builds the frozen suite for every
 * registered site and compares each site's lines with the file's recorded hashes. A new site's
 * tasks are added; an existing site whose tasks would change, or a site no longer registered, is
 * refused unless --force (a new revision, whose scores are not comparable with the old one's).
 */
export function registerSuiteCommand(tasks: Command): void {
  tasks
    .command('suite <name>')
    .description(`(re)build a frozen suite (${ALL.join(', ')}); shows per site (per group of questions) whether its tasks are unchanged, new or changed; --write adds new sites' tasks and updates the manifest (hash)`)
    .option('--write', "write the suite file and its manifest (refused when an existing site's tasks would change)")
    .option('--force', "with --write: rewrite changed sites too, as a new revision of the suite")
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { write?: boolean; force?: boolean; json?: boolean }) => {
      if (QA_RECIPES[name]) return qaSuite(QA_RECIPES[name], opts);
      const recipe = RECIPES[name];
      if (!recipe) throw new NotFoundError(`no frozen-suite recipe "${name}"`, { hint: `known: ${ALL.join(', ')}` });
      const path = SUITES[name]!;
      const old = existsSync(path) ? readSuiteManifest(path) : undefined;
      const { world } = loadArenaWorld(recipe.worldSeed);
      const t0 = performance.now();
      const built = new Map<string, SiteSuite>(SITES.map((s) => [s.id, buildSiteSuite(s, world, recipe)]));
      const status = (id: string): SiteStatus => {
        const was = old?.sites[id];
        const now = built.get(id);
        if (!now) return 'removed';
        if (!was) return 'new';
        return was.sha256 === sha256(suiteLines(now.tasks)) ? 'unchanged' : 'changed';
      };
      // Append-only: the sites already in the file keep their place, new ones follow in registry order.
      const order = [...Object.keys(old?.sites ?? {}), ...SITES.map((s) => s.id).filter((id) => !old?.sites[id])];
      const rows = order.map((id) => ({ site: id, status: status(id), tasks: built.get(id)?.tasks.length ?? 0, covered: built.get(id)?.covered.length ?? 0, missing: built.get(id)?.missing ?? [] }));
      const breaking = rows.filter((r) => r.status === 'changed' || r.status === 'removed');
      let wrote = false;
      if (opts.write) {
        if (breaking.length > 0 && !opts.force) {
          throw new InvalidInputError(`${name}: the tasks of ${breaking.map((r) => `${r.site} (${r.status})`).join(', ')} would change: a frozen suite only grows`, {
            hint: 'find what changed the generation of those sites; or pass --force to make a new revision (scores on the old one are not comparable)',
          });
        }
        const suites = order.flatMap((id) => (built.has(id) ? [built.get(id)!] : []));
        const revision = (old?.revision ?? 0) + (old === undefined || breaking.length > 0 ? 1 : 0);
        const manifest = suiteManifest(recipe, suites, revision, `webfoundry tasks suite ${name} --write`);
        writeFileAtomic(path, suites.map((s) => suiteLines(s.tasks)).join(''));
        writeFileAtomic(manifestPathOf(path), `${JSON.stringify(manifest, null, 2)}\n`);
        wrote = true;
      }
      const ms = Math.round(performance.now() - t0);
      if (opts.json) return printJson({ suite: name, path, wrote, ms, sites: rows });
      process.stdout.write(`${table(['site', 'status', 'tasks', 'features covered', 'not covered'], rows.map((r) => [r.site, r.status, r.tasks, r.covered, r.missing.join(' ') || '-']))}\n`);
      process.stdout.write(`${wrote ? `wrote ${path} and its manifest` : 'nothing written (--write writes)'} in ${ms} ms\n`);
    });
}

/**
 * A question suite: the guide crawled over HTTP (a server on port 0) for the crawl group, every
 * group generated, each group's lines compared with the manifest's. A group whose questions would
 * change is refused unless --force (a new revision).
 */
async function qaSuite(recipe: QaSuiteRecipe, opts: { write?: boolean; force?: boolean; json?: boolean }): Promise<void> {
  const path = SUITES[recipe.name]!;
  const old = existsSync(path) ? readSuiteManifest(path) : undefined;
  const { world } = loadArenaWorld(recipe.worldSeed);
  const t0 = performance.now();
  const graph = buildKnowledgeGraph(world);
  let crawl;
  if (recipe.groups.some((g) => g.method === 'crawl')) {
    const server = await startServer({ port: 0, world, origins: knowledgeOrigins() });
    try {
      crawl = crawlResult(graph, await crawlSite({ origin: server.origin('guide'), maxPages: recipe.maxPages }));
    } finally {
      await server.close();
    }
  }
  const groups = buildQaSuite(recipe, { graph, ...(crawl ? { crawl } : {}), bookingPageOf: bookingPageOf(world, SITES), resultsPages: resultsPages(world, SITES) });
  const status = (g: (typeof groups)[number]): SiteStatus => {
    const was = old?.sites[g.group.name];
    if (!was) return 'new';
    return was.sha256 === sha256(qaSuiteLines(g.tasks)) ? 'unchanged' : 'changed';
  };
  const rows = groups.map((g) => ({ group: g.group.name, status: status(g), tasks: g.tasks.length, asked: g.group.count, failed: g.failed, duplicates: g.duplicates, recheckFailed: g.recheckFailed, lintFailed: g.lintFailed }));
  const breaking = rows.filter((r) => r.status === 'changed');
  let wrote = false;
  if (opts.write) {
    if (breaking.length > 0 && !opts.force) {
      throw new InvalidInputError(`${recipe.name}: the questions of ${breaking.map((r) => r.group).join(', ')} would change: a frozen suite only grows`, { hint: 'find what changed question generation; or pass --force to make a new revision' });
    }
    const revision = (old?.revision ?? 0) + (old === undefined || breaking.length > 0 ? 1 : 0);
    writeFileAtomic(path, groups.map((g) => qaSuiteLines(g.tasks)).join(''));
    writeFileAtomic(manifestPathOf(path), `${JSON.stringify(qaSuiteManifest(recipe, groups, revision, `webfoundry tasks suite ${recipe.name} --write`), null, 2)}\n`);
    wrote = true;
  }
  const ms = Math.round(performance.now() - t0);
  if (opts.json) return printJson({ suite: recipe.name, path, wrote, ms, groups: rows });
  process.stdout.write(`${table(['group', 'status', 'questions', 'asked', 'without one answer', 'duplicates', 'dropped by the re-check', 'dropped by the linter'], rows.map((r) => [r.group, r.status, r.tasks, r.asked, r.failed, r.duplicates, r.recheckFailed, r.lintFailed]))}\n`);
  process.stdout.write(`${wrote ? `wrote ${path} and its manifest` : 'nothing written (--write writes)'} in ${ms} ms\n`);
}
