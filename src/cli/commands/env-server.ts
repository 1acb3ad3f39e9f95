import type { Command } from 'commander';
import { parseIntOption, table } from '../output.js';

type EnvServerOpts = { port: number; host: string; parallel: number; seed: number; tasks: string[]; idleTimeout: number };

export function registerEnvServer(program: Command): void {
  program
    .command('env-server')
    .description('serve BookingArena episodes over HTTP (create, reset, step with CSR as reward, close) for trainers in other languages, e.g. python/webfoundry_env')
    .option('--port <n>', 'port of the API (0 = any free port)', parseIntOption('--port', 0, 65535), 8090)
    .option('--host <addr>', 'address to listen on (loopback by default: the API drives a browser)', '127.0.0.1')
    .option('--parallel <k>', 'episodes open at once (browser contexts)', parseIntOption('--parallel', 1, 256), 4)
    .option('--seed <s>', 'world seed', parseIntOption('--seed'), 1)
    .option('--tasks <source...>', 'task sources episodes can name by id: suite names or JSONL task files', ['bookingarena-v0'])
    .option('--idle-timeout <s>', 'close an episode no call has touched for this many seconds', parseIntOption('--idle-timeout', 1), 300)
    .action(async (opts: EnvServerOpts) => {
      const t0 = performance.now();
      // Loaded on use: the server's modules (zod-openapi, the task index) cost every other command start-up time.
      const { startEnvServer } = await import('../../env-server/env-server.js');
      const { knowledgeOrigins } = await import('../../knowledge/index.js');
      const server = await startEnvServer({ port: opts.port, host: opts.host, parallel: opts.parallel, worldSeed: opts.seed, taskSources: opts.tasks, idleTimeoutMs: opts.idleTimeout * 1000, questionOrigins: knowledgeOrigins() });
      const ms = Math.round(performance.now() - t0);
      process.stdout.write(
        `${table(['source', 'tasks'], server.tasks.sources.map((s) => [s.name, s.tasks.length]))}\n` +
          `env server at ${server.url}/v1 · world seed ${opts.seed} · ${opts.parallel} episode slot(s) · idle episodes closed after ${opts.idleTimeout} s · ready in ${ms} ms\n` +
          `API: ${server.url}/v1/openapi.json · Python: python/webfoundry_env (see python/README.md)\n` +
          'Press Ctrl+C to stop.\n',
      );
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
