import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RunStore } from '../../pipeline/run-store.js';
import type { RunSource } from './run-source.js';
import { StoreSource } from './store-source.js';
import { TrajectorySource } from './trajectory-source.js';

/** Opens a run directory read-only: a `generate` store when it has one, else a `run --out` directory. */
export function openRun(name: string, dir: string): RunSource {
  if (existsSync(RunStore.path(dir)) || !existsSync(join(dir, 'trajectories'))) return new StoreSource(name, dir);
  return new TrajectorySource(name, dir);
}
