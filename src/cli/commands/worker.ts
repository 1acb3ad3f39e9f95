import type { Command } from 'commander';
import type { WorkerEvent } from '../../distributed/episode-worker.js';
import { WORKER_GONE_MS } from '../../distributed/names.js';
import { DEFAULT_QUEUE, KEY_PREFIX, checkRedisUrl, redactRedisUrl } from '../../distributed/names.js';
import { parseIntOption, printJson, table } from '../output.js';
import { refusalText, workersTable } from '../queue-flags.js';

type WorkerOpts = { redis: string; concurrency: number; queueName: string; lockMs: number; stalledMs: number; json?: boolean };

function eventLine(e: WorkerEvent): string {
  switch (e.type) {
    case 'started':
      return `started  ${e.jobId}`;
    case 'finished':
      return `finished ${e.jobId}: ${e.status}, CSR ${e.csr.toFixed(2)}, ${(e.ms / 1000).toFixed(1)} s`;
    case 'failed':
      return `failed   ${e.jobId}: ${e.error}`;
    case 'refused':
      return `refused  ${e.jobId}: ${e.problems.join('; ')}`;
  }
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take episode jobs from a Redis queue and run them here (own site server and Chromium); stateless, start as many as you like on any machine')
    .requiredOption('--redis <url>', 'Redis URL, e.g. redis://10.0.0.5:6379/0 or rediss://default:PASSWORD@HOST:PORT for TLS')
    .option('--concurrency <k>', 'episodes at once (browser contexts)', parseIntOption('--concurrency', 1, 64), 2)
    .option('--queue-name <name>', 'the BullMQ queue to serve', DEFAULT_QUEUE)
    .option('--lock-ms <ms>', "job lock: a killed worker's episode goes back to the queue this long after its last renewal", parseIntOption('--lock-ms', 1000), 30_000)
    .option('--stalled-ms <ms>', 'how often to look for episodes of dead workers', parseIntOption('--stalled-ms', 1000), 30_000)
    .option('--json', 'one JSON line per event')
    .action(async (opts: WorkerOpts) => {
      checkRedisUrl(opts.redis);
      const { EpisodeWorker } = await import('../../distributed/episode-worker.js');
      const say = (e: WorkerEvent) => process.stdout.write(opts.json ? `${JSON.stringify(e)}\n` : `${eventLine(e)}\n`);
      const worker = await EpisodeWorker.start({
        redisUrl: opts.redis,
        queue: opts.queueName,
        concurrency: opts.concurrency,
        lockDurationMs: opts.lockMs,
        stalledIntervalMs: opts.stalledMs,
        onEvent: say,
      });
      process.stderr.write(`worker ${worker.id} serves queue "${opts.queueName}" on ${redactRedisUrl(opts.redis)} with ${opts.concurrency} slot(s); Ctrl+C stops it after its running episodes\n`);
      let stopping = false;
      const stop = () => {
        if (stopping) process.exit(130); // a second Ctrl+C: the running episodes go back to the queue when their locks lapse
        stopping = true;
        process.stderr.write('stopping: finishing the running episodes (Ctrl+C again to quit now)\n');
        void worker.close();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const end = await worker.stopped;
      await worker.close();
      if (end.reason === 'refused') {
        process.stderr.write(
          `webfoundry: worker ${worker.id} refused a job and stopped: ${end.problems.join('; ')}\n` +
            '  hint: run the worker from the same WebFoundry version as the coordinator (same checkout and world); the job went back to the queue for another worker\n',
        );
        process.exit(2);
      }
      process.exit(0);
    });

  const queue = program.command('queue').description('the episode queue in Redis: jobs by state, workers, refusals');
  queue
    .command('status')
    .description('jobs waiting, active, delayed, done and failed; every worker with its episodes; refused jobs')
    .requiredOption('--redis <url>', 'Redis URL')
    .option('--queue-name <name>', 'the BullMQ queue', DEFAULT_QUEUE)
    .option('--prune', `forget workers not heard from for ${WORKER_GONE_MS / 1000} s (killed ones never say goodbye)`)
    .option('--json', 'print JSON')
    .action(async (opts: { redis: string; queueName: string; prune?: boolean; json?: boolean }) => {
      const [{ Queue }, { connectRedis }, { readQueueStatus, pruneWorkers }] = await Promise.all([import('bullmq'), import('../../distributed/redis.js'), import('../../distributed/queue-status.js')]);
      const redis = await connectRedis(opts.redis);
      const q = new Queue(opts.queueName, { connection: redis, prefix: KEY_PREFIX });
      try {
        if (opts.prune) await pruneWorkers(opts.queueName, redis, WORKER_GONE_MS);
        const s = await readQueueStatus(q, redis);
        if (opts.json) return printJson(s);
        const c = s.counts;
        process.stdout.write(`${table(['queue', 'waiting', 'active', 'delayed', 'completed (not yet collected)', 'failed'], [[s.queue, c.waiting, c.active, c.delayed, c.completed, c.failed]])}\n`);
        process.stdout.write(s.workers.length ? `${workersTable(s)}\n` : 'no worker has connected\n');
        for (const r of s.refusals) process.stdout.write(`refused: ${refusalText(r)}\n`);
      } finally {
        await q.close();
        redis.disconnect();
      }
    });
}
