import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { WebFoundryError, describeError } from '../core/errors.js';
import { logger } from '../core/logger.js';
import { WEBFOUNDRY_VERSION } from '../core/version.js';
import { systemPrompt } from '../pipeline/exports/prompt.js';
import { describeActionSpace } from '../browser/actions/signatures.js';
import type { World } from '../world/world.js';
import { ApiError, type EpisodeTable } from './episodes.js';
import { openApiDocument } from './openapi.js';
import { CreateEpisode, ENV_API_VERSION, EpisodeIdParam, PromptQuery, ResetEpisode, StepRequest, TaskQuery, type ErrorBody } from './schemas.js';
import type { TaskIndex } from './task-index.js';

const log = logger('env-server');

export type EnvAppOptions = { episodes: EpisodeTable; tasks: TaskIndex; world: World };

/**
 * The env server's HTTP API, version 1: JSON in and out, every body checked against its zod
 * schema (schemas.ts), every error an ErrorBody with a stable code. The same schemas make
 * /v1/openapi.json.
 */
export function envApp(o: EnvAppOptions): Hono {
  const app = new Hono();
  const { episodes, tasks, world } = o;

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.hint), err.status);
    log.warn('internal error', { error: describeError(err) });
    return c.json(errorBody('internal', err.message, err instanceof WebFoundryError ? err.hint : undefined), 500);
  });
  app.notFound((c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`, 'see GET /v1/openapi.json'), 404));

  app.get('/v1/health', (c) =>
    c.json({
      apiVersion: ENV_API_VERSION,
      webfoundry: WEBFOUNDRY_VERSION,
      world: { seed: world.seed, version: world.version, hash: world.hash },
      episodes: { open: episodes.size, capacity: episodes.capacity },
      idleTimeoutSeconds: episodes.idleTimeoutMs / 1000,
    }),
  );
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/v1/prompt', (c) => {
    const { style } = parse(PromptQuery, c.req.query());
    return c.json({ system: systemPrompt(style), actionSpace: describeActionSpace() });
  });
  app.get('/v1/suites', (c) =>
    c.json({
      suites: tasks.sources.map((s) => {
        const sites: Record<string, number> = {};
        for (const t of s.tasks) sites[t.site] = (sites[t.site] ?? 0) + 1;
        return { name: s.name, tasks: s.tasks.length, sites };
      }),
    }),
  );
  app.get('/v1/tasks', (c) => {
    const q = parse(TaskQuery, c.req.query());
    try {
      return c.json(tasks.list(q));
    } catch (err) {
      throw new ApiError(404, 'not_found', (err as Error).message);
    }
  });

  app.get('/v1/episodes', (c) => c.json({ episodes: episodes.list() }));
  app.post('/v1/episodes', async (c) => c.json(await episodes.create(parse(CreateEpisode, refuseWebTask(await body(c)))), 201));
  app.get('/v1/episodes/:episodeId', (c) => c.json(episodes.summary(parse(EpisodeIdParam, c.req.param()).episodeId)));
  app.post('/v1/episodes/:episodeId/reset', async (c) => c.json(await episodes.reset(parse(EpisodeIdParam, c.req.param()).episodeId, parse(ResetEpisode, refuseWebTask(await body(c))))));
  app.post('/v1/episodes/:episodeId/step', async (c) => {
    const t0 = performance.now();
    const r = await episodes.step(parse(EpisodeIdParam, c.req.param()).episodeId, parse(StepRequest, await body(c)));
    if (r.info.timings) r.info.timings.stepMs = performance.now() - t0;
    return c.json(r);
  });
  app.delete('/v1/episodes/:episodeId', async (c) => {
    const closed = await episodes.close(parse(EpisodeIdParam, c.req.param()).episodeId);
    return c.json({ episodeId: c.req.param('episodeId'), closed });
  });
  return app;
}

function errorBody(code: ErrorBody['error']['code'], message: string, hint?: string): ErrorBody {
  return { error: { code, message, ...(hint ? { hint } : {}) } };
}

/** A request's JSON body; an empty body is {}. */
async function body(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, 'invalid_request', `the body is not JSON: ${(err as Error).message}`);
  }
}

/** A task of kind "web" (an exploration's label) by name, rather than as a task that fits no kind. */
function refuseWebTask(value: unknown): unknown {
  const task = (value as { task?: { kind?: unknown } } | null)?.task;
  if (task?.kind === 'web') throw new ApiError(400, 'invalid_request', 'task: kind "web" (an open-web instruction explored from a URL) has no typed constraints: an episode here is scored exactly, on our sites', 'give a booking task or a question');
  return value;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new ApiError(400, 'invalid_request', `${issue.path.join('.') || 'body'}: ${issue.message}`, 'see GET /v1/openapi.json');
}
