import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../src/pipeline/run-store.js';

const root = mkdtempSync(join(tmpdir(), 'wf-determinism-'));
const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
// Two sites with autocompletes, filters that navigate, and both successes and salvaged partials (noise 0.5).
const ARGS = ['generate', '--sites', 'skyhop,railgo', '--tasks', '2', '--parallel', '2', '--seed', '4'];

/** Busy loops, one per core: the machine is loaded on purpose while the runs go. */
function cpuHog(): ChildProcess[] {
  return cpus().map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

const hogs: ChildProcess[] = [];
afterAll(() => {
  for (const h of hogs) h.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function generate(out: string): Promise<{ code: number; output: string }> {
  const child = spawn(process.execPath, [BIN, ...ARGS, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code: code ?? 1, output })));
}

/**
 * Everything a run stored, as text, minus what measures time (when an episode started, how long
 * it and each step took): dataset rows as stored, episodes, steps and evaluations.
 */
function stored(dir: string): Record<string, string> {
  const db = new Database(RunStore.path(dir), { readonly: true });
  try {
    const out: Record<string, string> = {};
    for (const r of db.prepare('SELECT id, json FROM dataset_rows ORDER BY id').all() as { id: string; json: string }[]) out[`row ${r.id}`] = r.json;
    for (const e of db.prepare('SELECT * FROM episodes ORDER BY task_id').all() as Record<string, string>[]) {
      const header = JSON.parse(e.header!) as { startedAt?: string };
      delete header.startedAt;
      const end = JSON.parse(e.end_json!) as { durationMs?: number };
      delete end.durationMs;
      out[`episode ${e.task_id}`] = JSON.stringify({ ...e, header, end_json: end });
    }
    for (const s of db.prepare('SELECT episode_id, idx, json FROM steps ORDER BY episode_id, idx').all() as { episode_id: string; idx: number; json: string }[]) {
      const step = JSON.parse(s.json) as { timings?: unknown };
      delete step.timings;
      out[`step ${s.episode_id} ${s.idx}`] = JSON.stringify(step);
    }
    for (const v of db.prepare('SELECT * FROM evaluations ORDER BY episode_id').all() as { episode_id: string }[]) out[`evaluation ${v.episode_id}`] = JSON.stringify(v);
    return out;
  } finally {
    db.close();
  }
}

describe('one seed gives one dataset, whatever the load (issue 13)', () => {
  it('the same configuration run twice on a machine kept busy by a CPU hog stores the same rows, byte for byte', async () => {
    hogs.push(...cpuHog());
    // Same run folder name (it is the run id, part of every row) in two places.
    const a = join(root, 'a', 'run');
    const b = join(root, 'b', 'run');
    const first = await generate(a);
    expect(first.code, first.output).toBe(0);
    const second = await generate(b);
    expect(second.code, second.output).toBe(0);
    for (const h of hogs) h.kill('SIGKILL');

    const x = stored(a);
    const y = stored(b);
    expect(Object.keys(x).filter((k) => k.startsWith('row ')).length).toBeGreaterThan(0);
    expect(Object.keys(y).sort()).toEqual(Object.keys(x).sort());
    const differing = Object.keys(x).filter((k) => x[k] !== y[k]);
    // The first difference in full, for whoever has to find out why.
    expect(differing.length === 0 ? '' : `${differing.length} differ; first: ${differing[0]}\n${x[differing[0]!]}\n${y[differing[0]!]}`).toBe('');
  }, 1_200_000);
});
