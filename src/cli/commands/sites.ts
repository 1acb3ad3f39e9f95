import type { Command } from 'commander';
import { siteOrigin } from '../../sites/engine/server.js';
import { SITES } from '../../sites/registry.js';
import { parseIntOption, printJson, table } from '../output.js';

export function registerSites(program: Command): void {
  program
    .command('sites')
    .description('list the BookingArena sites and their origins')
    .option('--port <n>', 'port the origins use', parseIntOption('--port', 1, 65535), 8080)
    .option('--json', 'print JSON')
    .action((opts: { port: number; json?: boolean }) => {
      const rows = SITES.map((s) => ({ id: s.id, name: s.name, domain: s.domain, origin: siteOrigin(s.id, opts.port) }));
      if (opts.json) printJson(rows);
      else process.stdout.write(`${table(['id', 'name', 'domain', 'origin'], rows.map((r) => [r.id, r.name, r.domain, r.origin]))}\n`);
    });
}
