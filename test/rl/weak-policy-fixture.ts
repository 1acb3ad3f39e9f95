import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Task } from '../../src/core/schemas/task.js';
import { algoPreset, rewardPreset, RL_SCHEMA_VERSION, type RlConfig } from '../../src/rl/config.js';
import { startServer, type SiteServer } from '../../src/sites/engine/server.js';
import { loadArenaWorld } from '../../src/sites/registry.js';
import { saveStudent, type StudentModel } from '../../src/student/save-load.js';
import type { World } from '../../src/world/world.js';
import { weakPolicy } from './weak-policy.js';

/**
 * The shared setup of the RL tests that start from the weakened policy: one server (port 0) and the
 * weakened policy saved under a temporary root, made once per test file, removed after it.
 */
export function weakPolicyFixture(prefix: string): { root: string; world: World; server: () => SiteServer; tasks: () => Task[]; weak: () => StudentModel } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const { world } = loadArenaWorld(1);
  let server: SiteServer | undefined;
  let made: { tasks: Task[]; weak: StudentModel } | undefined;
  beforeAll(async () => {
    server = await startServer({ port: 0, world });
    made = await weakPolicy(server, world);
    saveStudent(join(root, 'weak'), made.weak);
  }, 600_000);
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });
  return { root, world, server: () => server!, tasks: () => made!.tasks, weak: () => made!.weak };
}

/** GRPO with reward CSR from the weakened policy saved under `root` (the settings both RL tests use). */
export function weakGrpoConfig(root: string, tasks: Task[], o: { maxSteps: number; iterations: number; group: number }): RlConfig {
  return {
    schemaVersion: RL_SCHEMA_VERSION, init: join(root, 'weak'),
    tasks: { source: 'test', count: tasks.length, ids: tasks.map((t) => t.id) },
    worldSeed: 1, seed: 1, iterations: o.iterations, batch: 1, group: o.group, temperature: 1, maxSteps: o.maxSteps,
    reward: rewardPreset('grpo', 'csr', o.maxSteps), algo: algoPreset('grpo'),
    learningRate: 0.03, ppoEpochs: 4, minibatch: o.group, maxGradNorm: 1,
  };
}
