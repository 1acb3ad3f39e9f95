import type { Command } from 'commander';
import { siteOrigin } from '../../sites/engine/server.js';
import { SITES } from '../../sites/registry.js';
import { knowledgeOrigins } from '../../knowledge/origins.js';
import { parseIntOption, printJson, table } from '../output.js';

export function registerSites(program: Command): void {
  program
    .command('sites')
    .description('list the BookingArena sites and their origins (--knowledge: the knowledge web, the guide and the search engine)')
    .option('--port <n>', 'port the origins use', parseIntOption('--port', 1, 65535), 8080)
    .option('--knowledge', 'list the knowledge web instead of the booking sites')
    .option('--json', 'print JSON')
    .action((opts: { port: number; json?: boolean; knowledge?: boolean }) => {
      // The booking sites' list stays what it was (a plain array): tools count it.
      const rows = opts.knowledge
        ? knowledgeOrigins().map((o) => ({ id: o.id, name: o.name, domain: o.description, origin: siteOrigin(o.id, opts.port) }))
        : SITES.map((s) => ({ id: s.id, name: s.name, domain: s.domain, origin: siteOrigin(s.id, opts.port) }));
      if (opts.json) printJson(rows);
      else process.stdout.write(`${table(['id', 'name', opts.knowledge ? 'what' : 'domain', 'origin'], rows.map((r) => [r.id, r.name, r.domain, r.origin]))}\n`);
    });
}
