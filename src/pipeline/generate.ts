import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { agentFactory } from '../agents/make-agent.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { runTasks } from '../rollout/run-tasks.js';
import { startServer } from '../sites/engine/server.js';
import { siteById } from '../sites/registry.js';
import { generateTasks } from '../tasks/generate-batch.js';
import { SUITES, loadTasks } from '../tasks/task-file.js';
import { taskSignature } from '../tasks/task-signature.js';
import { loadWorld } from '../world/world-store.js';
import { RunStore, type RunConfig } from './run-store.js';
import { salvage } from './salvage.js';

export type GenerateRunOptions = {
  dir: string;
  config: RunConfig;
  parallel: number;
  resume: boolean;
  force: boolean;
  /** Called once the work is known: total episodes and those already done. */
  onStart?: (total: number, done: number) => void;
  onEpisode?: (t: Trajectory, kept: 'success' | 'salvaged' | 'none') => void;
};

/**
 * The method end to end: propose tasks, roll out the teacher, evaluate every step, keep the
 * successes, salvage the partials, and store it all. Resumable: episodes already stored are
 * skipped, the rest (including one cut short by a kill) are run again.
 */
export async function generateRun(o: GenerateRunOptions): Promise<RunStore> {
  const versions = RunStore.versions();
  const runId = basename(o.dir);
  const store = o.resume && RunStore.exists(o.dir) ? RunStore.open(o.dir, { config: o.config, versions, force: o.force }) : RunStore.create(o.dir, runId, o.config, versions);
  try {
    const { world } = loadWorld(o.config.worldSeed);
    let tasks: Task[] = store.tasks();
    if (tasks.length === 0) {
      // Training tasks never coincide with a held-out test task.
      const exclude = new Set<string>();
      for (const path of Object.values(SUITES)) if (existsSync(path)) for (const t of loadTasks(path)) exclude.add(taskSignature(t));
      tasks = generateTasks({ sites: o.config.sites.map(siteById), count: o.config.tasksPerSite, seed: o.config.seed, split: 'train', world, exclude });
      store.insertTasks(tasks);
    }
    const done = store.doneTaskIds();
    const pending = tasks.filter((t) => !done.has(t.id));
    o.onStart?.(tasks.length, done.size);
    if (pending.length === 0) return store;
    const server = await startServer({ port: 0, world });
    try {
      await runTasks({
        tasks: pending,
        server,
        makePolicy: agentFactory(o.config.teacher, { world, noise: o.config.noise }),
        parallel: o.parallel,
        maxSteps: o.config.maxSteps,
        runId: store.runId,
        seed: o.config.seed,
        agentInfo: o.config.teacher === 'scripted' ? { noise: o.config.noise } : {},
        env: { mode: o.config.mode },
        onEpisode: (t) => {
          const row = salvage(t, store.runId, o.config.salvage);
          store.recordEpisode(t, row);
          o.onEpisode?.(t, row?.kind ?? 'none');
        },
      });
    } finally {
      await server.close();
    }
    return store;
  } catch (err) {
    store.close();
    throw err;
  }
}
