import { agentFactory, agentInfo, type LlmSetup } from '../agents/make-agent.js';
import type { BrowserEnvOptions } from '../browser/env/options.js';
import type { ObservationMode } from '../core/schemas/observation.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import type { OriginApp } from '../sites/engine/origin-app.js';
import { startServer } from '../sites/engine/server.js';
import { loadArenaWorld } from '../sites/registry.js';
import type { World } from '../world/world.js';
import { runTasks } from './run-tasks.js';
import type { ScreenshotKeeper } from './run-episode.js';

/** An agent named so that any process can build it: the name, its noise, and an LLM's config (never its key). */
export type AgentSpec = { name: string; noise?: number; llm?: LlmSetup; temperature?: number };

/**
 * A batch of episodes to run, described by data only, so that it can be run here (a pool of
 * browser contexts) or elsewhere (a queue of workers on other machines).
 */
export type EpisodeBatch = {
  tasks: readonly Task[];
  agent: AgentSpec;
  worldSeed: number;
  maxSteps: number;
  /** Prefix of the episode ids (the run's id). */
  runId: string;
  /** Seed of the agent's randomness; each task's episode seed derives from it. */
  seed: number;
  mode: ObservationMode;
  /**
   * Names the batch across processes and restarts: a runner that keeps work outside this
   * process (a queue) finds the episodes of an earlier, interrupted attempt by it. Without one,
   * the batch is new.
   */
  key?: string;
  /** Each finished episode, as soon as it is known (may be called again for an episode delivered twice). */
  onEpisode?: (t: Trajectory) => void;
};

/** Runs a batch and returns its trajectories in task order. `generate`, `run`, `bench` (and later `rl`) take one. */
export type EpisodeRunner = { readonly name: string; run(batch: EpisodeBatch): Promise<Trajectory[]> };

export type LocalRunnerOptions = {
  /** Episodes at once, one browser context each. */
  parallel: number;
  /** The world already loaded for the batch's seed (saves a second load). */
  world?: World;
  /** Extra env options of this machine only (screenshots). */
  env?: Omit<BrowserEnvOptions, 'browser' | 'backend' | 'mode'>;
  /** Where each step's screenshot goes (the run store, files under the output): screenshots stay on this machine. */
  keepScreenshot?: ScreenshotKeeper;
  /** Origins served beside the booking sites (the knowledge web's guide and search engine, where questions start). */
  origins?: readonly OriginApp[];
};

/** This process: one site server and one Chromium with `parallel` contexts. */
export function localRunner(o: LocalRunnerOptions): EpisodeRunner {
  return {
    name: 'local',
    async run(batch) {
      const world = o.world?.seed === batch.worldSeed ? o.world : loadArenaWorld(batch.worldSeed).world;
      const agent = { world, ...(batch.agent.noise !== undefined ? { noise: batch.agent.noise } : {}), ...(batch.agent.llm ? { llm: batch.agent.llm } : {}), ...(batch.agent.temperature !== undefined ? { temperature: batch.agent.temperature } : {}) };
      const makePolicy = agentFactory(batch.agent.name, agent);
      const server = await startServer({ port: 0, world, ...(o.origins ? { origins: o.origins } : {}) });
      try {
        return await runTasks({
          tasks: batch.tasks,
          server,
          makePolicy,
          parallel: o.parallel,
          maxSteps: batch.maxSteps,
          runId: batch.runId,
          seed: batch.seed,
          agentInfo: agentInfo(batch.agent.name, agent),
          env: { ...o.env, mode: batch.mode },
          ...(o.keepScreenshot ? { keepScreenshot: o.keepScreenshot } : {}),
          ...(batch.onEpisode ? { onEpisode: batch.onEpisode } : {}),
        });
      } finally {
        await server.close();
      }
    },
  };
}
