import type { Command } from 'commander';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { buildKnowledgeGraph, ENTITY_TYPES, TYPE_LABELS, webIndex } from '../../knowledge/index.js';
import { siteOrigin } from '../../sites/engine/server.js';
import { SITES, loadArenaWorld } from '../../sites/registry.js';
import { parseIntOption, printJson, table } from '../output.js';

export function registerKnowledge(program: Command): void {
  const cmd = program.command('knowledge').description('the knowledge web: the world as a knowledge graph, and its search engine');
  cmd
    .command('graph')
    .description('the knowledge graph of a world: counts per kind, or the whole graph as JSON (--out)')
    .option('--seed <s>', 'world seed', parseIntOption('--seed'), 1)
    .option('--out <file>', 'write the graph (KnowledgeGraphFile, versioned) to this JSON file')
    .option('--json', 'print the counts as JSON')
    .action((opts: { seed: number; out?: string; json?: boolean }) => {
      const graph = buildKnowledgeGraph(loadArenaWorld(opts.seed).world);
      if (opts.out) writeFileAtomic(opts.out, `${JSON.stringify(graph.toFile())}\n`);
      const rows = ENTITY_TYPES.map((t) => ({ type: t, label: TYPE_LABELS[t][1], entities: graph.ofType(t).length, links: graph.ofType(t).reduce((n, e) => n + e.links.length, 0) }));
      if (opts.json) printJson({ seed: opts.seed, entities: graph.size, types: rows, ...(opts.out ? { out: opts.out } : {}) });
      else process.stdout.write(`${table(['kind', 'entities', 'links out'], rows.map((r) => [r.type, r.entities, r.links]))}\n${graph.size} entities${opts.out ? ` · written to ${opts.out}` : ''}\n`);
    });
  cmd
    .command('search <query...>')
    .description('what the search engine answers (the same index as http://search.localhost:<port>/search?q=...)')
    .option('--seed <s>', 'world seed', parseIntOption('--seed'), 1)
    .option('--port <n>', 'port the printed URLs use', parseIntOption('--port', 1, 65535), 8080)
    .option('--page <n>', 'results page', parseIntOption('--page', 1), 1)
    .option('--site <id>', 'one site only (guide, or a booking site id)')
    .option('--json', 'print JSON')
    .action((words: string[], opts: { seed: number; port: number; page: number; site?: string; json?: boolean }) => {
      const answer = webIndex(loadArenaWorld(opts.seed).world, SITES).search(words.join(' '), { page: opts.page, ...(opts.site ? { site: opts.site } : {}) });
      const hits = answer.hits.map((h) => ({ title: h.doc.title, url: `${siteOrigin(h.doc.siteId, opts.port)}${h.path}`, ...(h.doc.entityId ? { entity: h.doc.entityId } : {}) }));
      if (opts.json) printJson({ query: answer.query, total: answer.total, page: answer.page, pages: answer.pages, matchedAll: answer.matchedAll, hits });
      else process.stdout.write(`${table(['title', 'url'], hits.map((h) => [h.title, h.url]))}\n${answer.total} results · page ${answer.page} of ${answer.pages}${answer.matchedAll ? '' : ' (no page has every word: pages with any)'}\n`);
    });
}
