import type { Task } from '../core/schemas/task.js';
import { loadArenaWorld, siteById } from '../sites/registry.js';
import { generateTasks } from '../tasks/generate-batch.js';

/**
 * Training tasks for RL, RFT and DAgger: generated on the train split, never one of the named
 * test suites' tasks (the same exclusion `generate` applies), deterministic by seed.
 */
export function trainingTasks(o: { sites: readonly string[]; perSite: number; seed: number; worldSeed: number }): Task[] {
  const { world } = loadArenaWorld(o.worldSeed);
  return generateTasks({ sites: o.sites.map(siteById), count: o.perSite, seed: o.seed, split: 'train', world });
}
