import { existsSync } from 'node:fs';
import { FolderLock } from '../core/folder-lock.js';
import { basename } from 'node:path';
import type { LlmSetup } from '../agents/make-agent.js';
import { LlmAgentOptions } from '../agents/llm/options.js';
import { InvalidInputError } from '../core/errors.js';
import type { Task } from '../core/schemas/task.js';
import type { DatasetRow } from '../core/schemas/dataset.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { RunStoppedError } from '../rollout/run-stopped-error.js';
import { ScreenshotBuffer, screenshotOption } from '../rollout/screenshots.js';
import { localRunner, type EpisodeRunner } from '../rollout/episode-runner.js';
import { loadArenaWorld, siteById } from '../sites/registry.js';
import { generateTasks } from '../tasks/generate-batch.js';
import { SUITES, loadTasks } from '../tasks/task-file.js';
import { taskSignature } from '../tasks/task-signature.js';
import type { OriginApp } from '../sites/engine/origin-app.js';
import { RunStore, type LlmTeacherIdentity, type RunConfig } from './run-store.js';
import { salvage } from './salvage.js';

export type GenerateRunOptions = {
  dir: string;
  config: RunConfig;
  /** With `teacher: "llm"`: the provider config (the key stays in its environment variable) and agent options. */
  llm?: LlmSetup;
  parallel: number;
  /** Where the episodes run (default: this process, `parallel` at once); e.g. a queue of workers. */
  runner?: EpisodeRunner;
  resume: boolean;
  force: boolean;
  /** Origins served beside the booking sites (the knowledge web, where questions start). */
  origins?: readonly OriginApp[];
  /** Called once the work is known: total episodes and those already done. */
  onStart?: (total: number, done: number) => void;
  onEpisode?: (t: Trajectory, kept: DatasetRow['kind'] | 'none') => void;
};

/**
 * The method end to end: propose tasks, roll out the teacher, evaluate every step, keep the
 * successes, salvage the partials, and store it all. Resumable: episodes finished and stored
 * are skipped, the rest (one cut short by a kill, one stored with status "error") run again.
 *
 * The run folder is locked while this works in it (a second process is refused with
 * ConflictError) and until the returned store is closed. When the infrastructure fails (no
 * browser, the site server down), the episodes that finished are kept and RunStoppedError says
 * to resume.
 */
export async function generateRun(o: GenerateRunOptions): Promise<RunStore> {
  const versions = RunStore.versions();
  const runId = basename(o.dir);
  const lock = FolderLock.acquire(o.dir, 'generate');
  let store: RunStore;
  try {
    store = o.resume && RunStore.exists(o.dir) ? RunStore.open(o.dir, { config: o.config, versions, force: o.force }) : RunStore.create(o.dir, runId, o.config, versions);
  } catch (err) {
    lock.release();
    throw err;
  }
  store.holdLock(lock);
  try {
    const { world } = loadArenaWorld(o.config.worldSeed);
    let tasks: Task[] = store.tasks();
    if (tasks.length === 0) {
      // Training tasks never coincide with a held-out test task.
      const exclude = new Set<string>();
      for (const path of Object.values(SUITES)) if (existsSync(path)) for (const t of loadTasks(path)) exclude.add(taskSignature(t));
      tasks = o.config.taskFile
        ? loadTasks(o.config.taskFile, { world }).filter((t) => !exclude.has(taskSignature(t)))
        : generateTasks({ sites: o.config.sites.map(siteById), count: o.config.tasksPerSite, seed: o.config.seed, split: 'train', world, exclude });
      if (tasks.length === 0) throw new InvalidInputError(`every task of ${o.config.taskFile} is in a held-out suite`, { hint: 'generate training tasks with --split train and another seed' });
      store.insertTasks(tasks);
    }
    const done = store.doneTaskIds();
    const pending = tasks.filter((t) => !done.has(t.id));
    o.onStart?.(tasks.length, done.size);
    if (pending.length === 0) return store;
    if (o.runner && o.config.screenshots) throw new InvalidInputError('--screenshots is not available with --queue', { hint: 'screenshots stay on the machine that took them: run without --queue' });
    const shots = o.config.screenshots ? new ScreenshotBuffer() : undefined;
    const runner =
      o.runner ??
      localRunner({ parallel: o.parallel, world, ...(o.origins ? { origins: o.origins } : {}), ...(o.config.screenshots ? { env: { screenshot: screenshotOption(o.config.screenshots) } } : {}), ...(shots ? { keepScreenshot: shots.keep } : {}) });
    try {
      await runner.run({
        tasks: pending,
        agent: { name: o.config.teacher, noise: o.config.noise, ...(o.llm ? { llm: o.llm } : {}) },
        worldSeed: o.config.worldSeed,
        maxSteps: o.config.maxSteps,
        runId: store.runId,
        seed: o.config.seed,
        mode: o.config.mode,
        key: store.key(),
        onEpisode: (t) => {
          const row = salvage(t, store.runId, o.config.salvage, { world });
          const recorded = shots?.take(t.header.episodeId, t.steps.flatMap((s) => (s.screenshot ? [s.index] : []))) ?? [];
          // Idempotent: an episode delivered twice (a queue's retry) is stored once.
          if (store.recordEpisode(t, row, recorded)) o.onEpisode?.(t, row?.kind ?? 'none');
        },
      });
    } catch (err) {
      if (err instanceof RunStoppedError) throw new RunStoppedError(done.size + err.finished, tasks.length, err.reason, `continue with: webfoundry generate ... --out ${o.dir} --resume`);
      throw err;
    }
    return store;
  } catch (err) {
    store.close();
    throw err;
  }
}

/** What of an LLM teacher's setup identifies a run (RunConfig.llm): the model, not the key. */
export function llmTeacherIdentity(s: LlmSetup): LlmTeacherIdentity {
  const o = LlmAgentOptions.parse(s.options ?? {});
  const c = s.config;
  return {
    provider: c.provider,
    model: c.model,
    baseUrl: c.baseUrl,
    ...(c.temperature !== undefined ? { temperature: c.temperature } : {}),
    ...(c.maxTokens !== undefined ? { maxTokens: c.maxTokens } : {}),
    historySteps: o.historySteps,
    obsBudgetTokens: o.obsBudgetTokens,
    toolCalls: o.toolCalls,
  };
}
