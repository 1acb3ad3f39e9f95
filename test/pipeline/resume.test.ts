import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../src/pipeline/run-store.js';

const root = mkdtempSync(join(tmpdir(), 'wf-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const ARGS = ['generate', '--sites', 'skyhop,forkful', '--tasks', '3', '--parallel', '2', '--seed', '5'];

function cli(args: string[], opts: { detached?: boolean } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { detached: opts.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { child, done, output: () => out };
}

function episodesIn(dir: string): number {
  try {
    const db = new Database(RunStore.path(dir), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM episodes').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe('generate survives kill -9', () => {
  it('a run killed mid-way resumes to the end with no episode lost and none duplicated', async () => {
    const dir = join(root, 'killed');
    const first = cli([...ARGS, '--out', dir], { detached: true });
    // Wait until some episodes are stored, then kill the whole process group (node and Chromium).
    await expect.poll(() => episodesIn(dir), { timeout: 120_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.done;
    const before = episodesIn(dir);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(6);
    const kept = new Database(RunStore.path(dir), { readonly: true });
    const earlier = kept.prepare('SELECT task_id, end_json FROM episodes ORDER BY task_id').all();
    kept.close();

    const second = cli([...ARGS, '--out', dir, '--resume']);
    expect(await second.done, second.output()).toBe(0);
    expect(second.output()).toMatch(new RegExp(`resuming: ${before} of 6 episodes already done`));

    const db = new Database(RunStore.path(dir), { readonly: true });
    try {
      const tasks = db.prepare('SELECT id FROM tasks').pluck().all() as string[];
      const eps = db.prepare('SELECT task_id FROM episodes').pluck().all() as string[];
      expect(tasks).toHaveLength(6);
      expect(eps.sort()).toEqual([...tasks].sort());
      // Episodes finished before the kill are kept exactly as they were.
      const after = db.prepare(`SELECT task_id, end_json FROM episodes WHERE task_id IN (${earlier.map(() => '?').join(',')}) ORDER BY task_id`).all(...earlier.map((e) => (e as { task_id: string }).task_id));
      expect(after).toEqual(earlier);
      // Every episode has all its steps and its evaluation.
      const missing = db.prepare('SELECT COUNT(*) FROM episodes e LEFT JOIN evaluations v ON v.episode_id = e.episode_id WHERE v.episode_id IS NULL').pluck().get();
      expect(missing).toBe(0);
      const stepCounts = db.prepare('SELECT e.steps AS declared, (SELECT COUNT(*) FROM steps s WHERE s.episode_id = e.episode_id) AS stored FROM episodes e').all() as { declared: number; stored: number }[];
      for (const r of stepCounts) expect(r.stored).toBe(r.declared);
    } finally {
      db.close();
    }
  }, 300_000);
});

describe('run directories that are not ours are refused', () => {
  const versions = RunStore.versions();
  const config = { sites: ['skyhop'], tasksPerSite: 1, teacher: 'scripted', noise: 0.5, seed: 1, worldSeed: 1, maxSteps: 60, mode: 'viewport' as const, salvage: { minCsr: 0.5, minKept: 2, requireBooking: false } };

  it('a corrupt store', () => {
    const dir = join(root, 'corrupt');
    RunStore.create(dir, 'corrupt', config, versions).close();
    writeFileSync(RunStore.path(dir), 'garbage, not SQLite');
    expect(() => RunStore.open(dir, { versions })).toThrow(/is not a WebFoundry run store/);
  });

  it('a foreign SQLite file', () => {
    const dir = join(root, 'foreign');
    RunStore.create(dir, 'x', config, versions).close();
    rmSync(RunStore.path(dir));
    const db = new Database(RunStore.path(dir));
    db.exec('CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES (\'kind\', \'something-else\')');
    db.close();
    expect(() => RunStore.open(dir, { versions })).toThrow(/is not a WebFoundry run store/);
  });

  it('another version or another config, unless forced', () => {
    const dir = join(root, 'other');
    RunStore.create(dir, 'other', config, versions).close();
    expect(() => RunStore.open(dir, { versions: { ...versions, webfoundry: '9.9.9' } })).toThrow(/made by versions/);
    expect(() => RunStore.open(dir, { versions, config: { ...config, noise: 0.9 } })).toThrow(/made with config .*"noise":0.5/);
    const forced = RunStore.open(dir, { versions, config: { ...config, noise: 0.9 }, force: true });
    expect(forced.config.noise).toBe(0.9);
    forced.close();
  });

  it('a new run into a directory that holds one', () => {
    const dir = join(root, 'taken');
    RunStore.create(dir, 'taken', config, versions).close();
    expect(() => RunStore.create(dir, 'taken', config, versions)).toThrow(/already holds a run/);
  });
});
