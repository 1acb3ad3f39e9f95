import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Browser } from 'playwright-core';
import { agentFactory, agentInfo, type AgentOptions } from '../agents/make-agent.js';
import type { Policy } from '../agents/policy.js';
import { EnvCrashedError } from '../browser/env/errors.js';
import { describeError } from '../core/errors.js';
import { canonicalJson } from '../core/hash.js';
import { logger } from '../core/logger.js';
import { EnvLeases } from '../rollout/env-leases.js';
import { runTaskEpisode } from '../rollout/run-tasks.js';
import { siteBackend } from '../rollout/site-backend.js';
import { startServer, type SiteServer } from '../sites/engine/server.js';
import { loadArenaWorld } from '../sites/registry.js';
import { EpisodeJob, EpisodeResult, encodeTrajectory, type WorkerInfo } from './episode-job.js';
import { codeIdentityProblems, identityOf, identityProblems, type PeerIdentity } from './identity.js';
import { connectRedis } from './redis.js';
import { DEFAULT_QUEUE, KEY_PREFIX, RETENTION_SECONDS, keys } from './names.js';
import { WorkerHeartbeat, type Refusal } from './queue-status.js';

const log = logger('distributed:worker');

/** Crash retries of one episode inside the worker (as EnvPool does locally) before the job fails. */
const CRASH_RETRIES = 2;

export type EpisodeWorkerOptions = {
  redisUrl: string;
  queue?: string;
  /** Episodes at once, one browser context each. */
  concurrency: number;
  /**
   * How long a job's lock lasts without renewal; BullMQ renews it every half of it while the
   * episode runs, and a worker killed mid-episode gives its job back once it lapses (default
   * 30 s, BullMQ's own: worker.ts).
   */
  lockDurationMs?: number;
  /** How often this worker looks for jobs whose worker died (default 30 s, BullMQ's own). */
  stalledIntervalMs?: number;
  /** Stop taking jobs after refusing one (another version or world): the default, since every job of that coordinator would be refused. */
  stopOnRefusal?: boolean;
  /** How to start Chromium (tests); default launchChromium. */
  launch?: () => Promise<Browser>;
  onEvent?: (e: WorkerEvent) => void;
};

export type WorkerEvent =
  | { type: 'started'; jobId: string; taskId: string }
  | { type: 'finished'; jobId: string; taskId: string; status: string; csr: number; ms: number }
  | { type: 'failed'; jobId: string; error: string }
  | { type: 'refused'; jobId: string; problems: string[] };

/** A worker's site server for one world seed, and who it is for that world. */
type Site = { server: SiteServer; identity: PeerIdentity };

/**
 * A stateless queue worker: takes episode jobs from a BullMQ queue, runs each with its own
 * site server (one per world seed, started on first need) and its own Chromium, stores the
 * trajectory in Redis and completes the job with a pointer to it. A job made by another project
 * version or for another world is refused: put back for another worker, recorded in Redis for the
 * coordinator to show, and (by default) this worker stops.
 */
export class EpisodeWorker {
  readonly info: WorkerInfo;
  readonly stopped: Promise<{ reason: 'closed' } | { reason: 'refused'; problems: string[] }>;
  private resolveStopped!: (r: { reason: 'closed' } | { reason: 'refused'; problems: string[] }) => void;
  private readonly sites = new Map<number, Promise<Site>>();
  private readonly policies = new Map<string, () => Policy>();
  private readonly leases: EnvLeases;
  private readonly counts = { active: 0, done: 0, failed: 0, refused: 0 };
  private readonly startedAt = new Date().toISOString();
  private heartbeat: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly o: EpisodeWorkerOptions,
    private readonly redis: Redis,
    private readonly worker: Worker<unknown, EpisodeResult>,
    id: string,
  ) {
    this.info = { id, host: hostname(), pid: process.pid };
    this.leases = new EnvLeases(o.concurrency, o.launch);
    this.stopped = new Promise((r) => (this.resolveStopped = r));
  }

  static async start(o: EpisodeWorkerOptions): Promise<EpisodeWorker> {
    const queue = o.queue ?? DEFAULT_QUEUE;
    const redis = await connectRedis(o.redisUrl);
    const id = `${hostname()}-${process.pid}-${randomUUID().slice(0, 6)}`;
    let self: EpisodeWorker | undefined;
    const worker = new Worker<unknown, EpisodeResult>(queue, (job, token) => self!.process(job, token), {
      connection: redis,
      prefix: KEY_PREFIX,
      name: id,
      concurrency: o.concurrency,
      autorun: false,
      lockDuration: o.lockDurationMs ?? 30_000,
      stalledInterval: o.stalledIntervalMs ?? 30_000,
      // A job whose worker died a third time (its episode may be what kills workers) is failed, not retried forever
      // (moveStalledJobsToWait-9.lua: failed once its stall count exceeds maxStalledCount).
      maxStalledCount: 2,
    });
    self = new EpisodeWorker(o, redis, worker, id);
    worker.on('error', (err) => log.warn('worker error', { error: describeError(err) }));
    await self.beat();
    self.heartbeat = setInterval(() => void self!.beat().catch(() => undefined), 5_000);
    self.heartbeat.unref();
    void worker.run().catch((err: unknown) => log.warn('worker stopped', { error: describeError(err) }));
    await worker.waitUntilReady();
    return self;
  }

  get id(): string {
    return this.info.id;
  }

  /** Stops taking jobs, lets the running episodes finish, closes the browser and the site servers. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.heartbeat) clearInterval(this.heartbeat);
      await this.worker.close();
      await this.redis.hdel(keys(this.queue).workers, this.id).catch(() => undefined);
      await this.leases.close();
      for (const s of this.sites.values()) await s.then((x) => x.server.close()).catch(() => undefined);
      this.redis.disconnect();
      this.resolveStopped({ reason: 'closed' });
    })();
    return this.closing;
  }

  private get queue(): string {
    return this.o.queue ?? DEFAULT_QUEUE;
  }

  private async process(job: Job<unknown, EpisodeResult>, token: string | undefined): Promise<EpisodeResult> {
    const parsed = EpisodeJob.safeParse(job.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UnrecoverableError(`job ${job.id} is not a WebFoundry episode job of version 1 (${issue.path.join('.')}: ${issue.message})`);
    }
    // Checked, but run on the task as sent: zod's output orders keys by the schema, and the
    // trajectory (and the run store's rows) must be byte for byte what a local run writes.
    const data = { ...parsed.data, task: (job.data as { task: EpisodeJob['task'] }).task };
    const early = codeIdentityProblems(data.identity);
    const site = early.length ? undefined : await this.site(data.identity.world.seed);
    const problems = site ? identityProblems(data.identity, site.identity) : early;
    if (problems.length) return this.refuse(job, token, problems);

    this.counts.active++;
    const started = performance.now();
    this.o.onEvent?.({ type: 'started', jobId: job.id!, taskId: data.task.id });
    const key = `${data.identity.world.seed}/${data.mode}`;
    const env = await this.leases.acquire(key, { backend: siteBackend(site!.server), mode: data.mode });
    if (!env) throw new Error(`worker ${this.id}: more jobs than its ${this.o.concurrency} browser contexts`);
    let broken = false;
    try {
      const makePolicy = this.policyFor(data, site!.server);
      const agent = { ...(data.agent.noise !== undefined ? { noise: data.agent.noise } : {}), ...(data.agent.llm ? { llm: { config: data.agent.llm.config } } : {}) };
      for (let attempt = 0; ; attempt++) {
        try {
          const t = await runTaskEpisode(env, data.task, attempt, { makePolicy, runId: data.runId, seed: data.seed, maxSteps: data.maxSteps, agentInfo: agentInfo(data.agent.name, agent), serverPort: site!.server.port });
          const bytes = encodeTrajectory(t);
          // The trajectory first, then the job completes with a pointer to it (see EpisodeResult).
          await this.redis.set(keys(this.queue).result(job.id!), bytes, 'EX', RETENTION_SECONDS);
          const ms = Math.round(performance.now() - started);
          this.counts.done++;
          this.o.onEvent?.({ type: 'finished', jobId: job.id!, taskId: data.task.id, status: t.end.status, csr: t.end.evaluation.csr, ms });
          return { schemaVersion: 1, worker: this.info, taskId: data.task.id, status: t.end.status, csr: t.end.evaluation.csr, steps: t.steps.length, bytes: bytes.length, ms };
        } catch (err) {
          if (err instanceof EnvCrashedError && attempt < CRASH_RETRIES) continue;
          broken = err instanceof EnvCrashedError;
          throw err;
        }
      }
    } catch (err) {
      this.counts.failed++;
      this.o.onEvent?.({ type: 'failed', jobId: job.id!, error: describeError(err) });
      throw err;
    } finally {
      this.counts.active--;
      await this.leases.release(key, env, broken);
    }
  }

  /**
   * Puts the job back (delayed a moment, so another worker takes it; not counted as an attempt:
   * BullMQ's "Delaying" pattern, docs/gitbook/patterns/process-step-jobs.md), records why for the
   * coordinator, and stops this worker unless told to go on.
   */
  private async refuse(job: Job<unknown, EpisodeResult>, token: string | undefined, problems: string[]): Promise<never> {
    this.counts.refused++;
    await job.moveToDelayed(Date.now() + 2_000, token);
    const refusal: Refusal = { worker: this.info, jobId: job.id!, problems, at: new Date().toISOString() };
    await this.redis.hset(keys(this.queue).refusals, this.id, JSON.stringify(refusal));
    await this.redis.expire(keys(this.queue).refusals, RETENTION_SECONDS);
    this.o.onEvent?.({ type: 'refused', jobId: job.id!, problems });
    if (this.o.stopOnRefusal ?? true) {
      this.resolveStopped({ reason: 'refused', problems });
      // Not awaited here: close() waits for this very job to leave the processor.
      void this.close();
    }
    throw new DelayedError();
  }

  private site(seed: number): Promise<Site> {
    let s = this.sites.get(seed);
    if (!s) {
      s = (async () => {
        const { world } = loadArenaWorld(seed);
        return { server: await startServer({ port: 0, world }), identity: identityOf(world) };
      })();
      this.sites.set(seed, s);
      s.catch(() => this.sites.delete(seed));
    }
    return s;
  }

  /** One policy factory per agent and world: an LLM's provider (its concurrency and cache) is shared by the worker's episodes. */
  private policyFor(data: EpisodeJob, server: SiteServer): () => Policy {
    const key = canonicalJson({ agent: data.agent, seed: data.identity.world.seed });
    let make = this.policies.get(key);
    if (!make) {
      const options: AgentOptions = {
        world: server.world,
        ...(data.agent.noise !== undefined ? { noise: data.agent.noise } : {}),
        ...(data.agent.llm ? { llm: { config: data.agent.llm.config, ...(data.agent.llm.options ? { options: data.agent.llm.options } : {}) } } : {}),
        ...(data.agent.temperature !== undefined ? { temperature: data.agent.temperature } : {}),
      };
      make = agentFactory(data.agent.name, options);
      this.policies.set(key, make);
    }
    return make;
  }

  private async beat(): Promise<void> {
    const beat: WorkerHeartbeat = { ...this.info, concurrency: this.o.concurrency, ...this.counts, startedAt: this.startedAt, lastSeen: new Date().toISOString() };
    await this.redis.hset(keys(this.queue).workers, this.id, JSON.stringify(beat));
  }
}
