/**
 * World figures: stored rows, cold build into an empty cache and cached load (median of 3), the
 * SQLite file's size, and what the partitioned domains make on demand (every partition made once:
 * how many rows, how long per partition, how big storing them would be). Run alone with
 * `npx tsx bench/world-figures.ts`; bench/sites.bench.ts prints them too.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARTITIONED, loadArenaWorld } from '../src/sites/registry.js';
import type { World } from '../src/world/world.js';
import { fmt, median } from './stats.js';

export type WorldFigures = {
  rows: number;
  coldBuildMs: number;
  cachedLoadMs: number;
  fileMB: number;
  onDemand: Record<string, { partitions: number; rows: number; msPerPartition: number; jsonMB: number }>;
};

export function worldFigures(): { world: World; figures: WorldFigures; lines: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'wf-bench-'));
  let t = performance.now();
  const { world, path } = loadArenaWorld(1, dir);
  const coldMs = performance.now() - t;
  const fileMB = statSync(path).size / 1e6;
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    loadArenaWorld(1, dir);
    warm.push(performance.now() - t);
  }
  rmSync(dir, { recursive: true, force: true });
  const onDemand: WorldFigures['onDemand'] = {};
  const lines = [`world: ${world.size()} stored rows · cold build ${Math.round(coldMs)} ms · cached load ${Math.round(median(warm))} ms (median of 3) · SQLite file ${fmt(fileMB)} MB`];
  for (const d of PARTITIONED) {
    let partitions = 0;
    let rows = 0;
    let bytes = 0;
    const t0 = performance.now();
    for (const parent of world.all(d.parent)) {
      for (const key of d.keysOf(parent)) {
        const made = world.rowsOf(d, parent.id, key);
        partitions++;
        rows += made.length;
        for (const r of made) bytes += JSON.stringify(r).length;
      }
    }
    const ms = performance.now() - t0;
    onDemand[d.key] = { partitions, rows, msPerPartition: Number(fmt(ms / Math.max(1, partitions), 3)), jsonMB: Number(fmt(bytes / 1e6)) };
    lines.push(`  ${d.key} made on demand: ${partitions} partitions (${d.parent.key} × day), ${rows} rows, ${fmt(ms / Math.max(1, partitions), 3)} ms per partition (incl. JSON sizing); storing them would add ${fmt(bytes / 1e6)} MB of JSON`);
  }
  return { world, figures: { rows: world.size(), coldBuildMs: Math.round(coldMs), cachedLoadMs: Math.round(median(warm)), fileMB: Number(fmt(fileMB)), onDemand }, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { figures, lines } = worldFigures();
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(figures, null, 2)}\n` : `${lines.join('\n')}\n`);
}
