import { existsSync } from 'node:fs';
import type { Task } from '../core/schemas/task.js';
import { loadArenaWorld, siteById } from '../sites/registry.js';
import { generateTasks } from '../tasks/generate-batch.js';
import { SUITES, loadTasks } from '../tasks/task-file.js';
import { taskSignature } from '../tasks/task-signature.js';

/**
 * Training tasks for RL, RFT and DAgger: generated on the train split, never one of the named
 * test suites' tasks (the same exclusion `generate` applies), deterministic by seed.
 */
export function trainingTasks(o: { sites: readonly string[]; perSite: number; seed: number; worldSeed: number }): Task[] {
  const { world } = loadArenaWorld(o.worldSeed);
  const exclude = new Set<string>();
  for (const path of Object.values(SUITES)) if (existsSync(path)) for (const t of loadTasks(path)) exclude.add(taskSignature(t));
  return generateTasks({ sites: o.sites.map(siteById), count: o.perSite, seed: o.seed, split: 'train', world, exclude });
}
