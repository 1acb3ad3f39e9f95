import { basename, resolve } from 'node:path';
import { NotFoundError, describeError } from '../core/errors.js';
import { VIEWER_API_VERSION, type Overview } from './api/schema.js';
import { openRun } from './source/open-run.js';
import type { RunSource } from './source/run-source.js';

/**
 * The runs a viewer serves, by the name in their URLs. A run is opened on first use and kept
 * open; one that cannot be opened (missing, corrupt, another version) is tried again on the
 * next request, so fixing the directory needs no restart.
 */
export class RunRegistry {
  private readonly dirs = new Map<string, string>();
  private readonly open = new Map<string, RunSource>();

  constructor(dirs: readonly string[]) {
    for (const dir of dirs) {
      const base = basename(resolve(dir)) || 'run';
      let name = base;
      for (let i = 2; this.dirs.has(name); i++) name = `${base}-${i}`;
      this.dirs.set(name, dir);
    }
  }

  names(): string[] {
    return [...this.dirs.keys()];
  }

  entries(): { name: string; dir: string }[] {
    return [...this.dirs].map(([name, dir]) => ({ name, dir: resolve(dir) }));
  }

  get(name: string): RunSource {
    const cached = this.open.get(name);
    if (cached) return cached;
    const dir = this.dirs.get(name);
    if (dir === undefined) throw new NotFoundError(`this viewer serves no run named "${name}"`, { hint: `its runs: ${this.names().join(', ')}` });
    const source = openRun(name, dir);
    this.open.set(name, source);
    return source;
  }

  /** Why a run cannot be opened, or null when it can. */
  problem(name: string): string | null {
    try {
      this.get(name);
      return null;
    } catch (err) {
      return describeError(err).split('\n')[0]!;
    }
  }

  overview(name: string): Overview {
    const source = this.get(name);
    return { apiVersion: VIEWER_API_VERSION, run: source.info(), ...source.overview() };
  }

  close(): void {
    for (const s of this.open.values()) s.close();
    this.open.clear();
  }
}
