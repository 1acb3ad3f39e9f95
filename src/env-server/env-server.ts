import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { EnvironmentError } from '../core/errors.js';
import { logger } from '../core/logger.js';
import { isQaTask } from '../core/schemas/task.js';
import type { OriginApp } from '../sites/engine/origin-app.js';
import { startServer, type SiteServer } from '../sites/engine/server.js';
import { loadArenaWorld } from '../sites/registry.js';
import { envApp } from './app.js';
import { EpisodeTable } from './episodes.js';
import { TaskIndex } from './task-index.js';

const log = logger('env-server');

export type EnvServerOptions = {
  /** Port of the API (0: any free one). */
  port: number;
  /** Address to listen on (default 127.0.0.1: the API drives a browser, do not expose it to a network you do not trust). */
  host?: string;
  /** Episodes open at once (browser contexts). */
  parallel: number;
  worldSeed: number;
  /** Task sources episodes can name by id: suites or JSONL task files (default bookingarena-v0 when the seed is its world's). */
  taskSources: readonly string[];
  /** An episode without a call for this long is reclaimed (default 300 s). */
  idleTimeoutMs?: number;
  launch?: () => Promise<Browser>;
  /** Origins served beside the booking sites when a task is a question (the knowledge web: questions start on its search engine). */
  questionOrigins?: readonly OriginApp[];
};

export type EnvServer = { url: string; port: number; sites: SiteServer; episodes: EpisodeTable; tasks: TaskIndex; close(): Promise<void> };

/**
 * The environment server: one site server for the world, one Chromium whose contexts are the
 * episodes, and the HTTP API (app.ts) on `port`. Idle episodes are reclaimed every few seconds.
 */
export async function startEnvServer(o: EnvServerOptions): Promise<EnvServer> {
  const { world } = loadArenaWorld(o.worldSeed);
  const tasks = TaskIndex.load(o.taskSources, world);
  const questions = o.questionOrigins !== undefined && tasks.sources.some((src) => src.tasks.some(isQaTask));
  const sites = await startServer({ port: 0, world, ...(questions ? { origins: o.questionOrigins } : {}) });
  const episodes = new EpisodeTable({ server: sites, tasks, parallel: o.parallel, ...(o.idleTimeoutMs !== undefined ? { idleTimeoutMs: o.idleTimeoutMs } : {}), ...(o.launch ? { launch: o.launch } : {}) });
  const app = envApp({ episodes, tasks, world });
  const host = o.host ?? '127.0.0.1';
  let http: ServerType;
  try {
    http = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: o.port, hostname: host }, () => resolve(s));
      s.once('error', (err: NodeJS.ErrnoException) => reject(new EnvironmentError(`cannot listen on ${host}:${o.port}: ${err.code ?? err.message}`, { cause: err, hint: 'choose another --port' })));
    });
  } catch (err) {
    await sites.close();
    throw err;
  }
  const port = (http.address() as AddressInfo).port;
  // Reclaim often enough that an episode outlives its timeout by at most a quarter of it.
  const every = Math.max(250, Math.min(5_000, episodes.idleTimeoutMs / 4));
  const reaper = setInterval(() => {
    void episodes
      .reap()
      .then((ids) => ids.length && log.debug('reclaimed idle episodes', { ids }))
      .catch(() => undefined);
  }, every);
  reaper.unref();
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    sites,
    episodes,
    tasks,
    async close() {
      clearInterval(reaper);
      await new Promise<void>((resolve) => {
        (http as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        http.close(() => resolve());
      });
      await episodes.closeAll();
      await sites.close();
    },
  };
}
