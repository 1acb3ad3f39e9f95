import type { Command } from 'commander';
import { startServer } from '../../sites/engine/server.js';
import { knowledgeOrigins } from '../../knowledge/origins.js';
import { parseIntOption, table } from '../output.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve every site from one process, each at http://<site>.localhost:<port>/')
    .option('--port <n>', 'port (0 = any free port)', parseIntOption('--port', 0, 65535), 8080)
    .option('--seed <s>', 'world seed', parseIntOption('--seed'), 1)
    .option('--host <addr>', 'address to listen on (loopback by default)', '127.0.0.1')
    .option('--no-knowledge', 'leave out the knowledge web (the guide and search origins)')
    .action(async (opts: { port: number; seed: number; host: string; knowledge: boolean }) => {
      const t0 = performance.now();
      const server = await startServer({ port: opts.port, seed: opts.seed, host: opts.host, ...(opts.knowledge ? { origins: knowledgeOrigins() } : {}) });
      const ms = Math.round(performance.now() - t0);
      // Pages outside an episode can be read but not booked: a person trying the sites gets one episode to book in.
      const episode = server.episodes.create();
      process.stdout.write(
        `${table(['site', 'domain', 'open (in episode ' + episode + ')'], server.sites.map((s) => [s.name, s.domain, server.startUrl(s.id, episode)]))}\n` +
          (server.origins.length > 0 ? `knowledge web: ${server.origins.map((id) => server.origin(id)).join('  ')}\n` : '') +
          `world seed ${server.world.seed} · ${server.world.size()} inventory rows · hash ${server.world.hash.slice(0, 16)} · ready in ${ms} ms\n` +
          `state API: ${server.controlUrl}/__wf/  (header x-webfoundry-secret: ${server.secret})\n` +
          'Press Ctrl+C to stop.\n',
      );
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
