import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Trajectory } from '../../src/core/schemas/trajectory.js';
import { evaluateTrajectory } from '../../src/evaluation/evaluate.js';
import { RunStore, type RunConfig } from '../../src/pipeline/run-store.js';
import { booked, dest, row, step, task } from '../pipeline/export-fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'wf-durability-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');

type Cli = { child: ReturnType<typeof spawn>; done: Promise<number>; output: () => string };

/** The CLI as a user runs it; `env` adds to this process's environment. */
function cli(args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { child, done, output: () => out };
}

async function finished(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const c = cli(args, env);
  const code = await c.done;
  return { code, output: c.output() };
}

const WRONG_CHROMES = { missing: join(root, 'no-such-chrome'), 'not a browser': '/bin/true' };

describe('a broken browser is an error of the run, never a failed episode (issue 13)', () => {
  it('generate with a wrong WEBFOUNDRY_CHROME exits non-zero, stores nothing as done; --resume with a good one runs everything, an errored episode included; a second resume at once is refused', async () => {
    const dir = join(root, 'gen');
    const args = ['generate', '--sites', 'skyhop', '--tasks', '2', '--parallel', '1', '--seed', '3', '--out', dir];
    for (const [why, chrome] of Object.entries(WRONG_CHROMES)) {
      const r = await finished(why === 'missing' ? args : [...args, '--resume'], { WEBFOUNDRY_CHROME: chrome });
      expect(r.code, r.output).not.toBe(0);
      expect(r.output).toMatch(why === 'missing' ? /WEBFOUNDRY_CHROME=.*no-such-chrome does not exist/ : /Chromium at \/bin\/true failed to start/);
      expect(r.output).toMatch(/the run stopped: .*0 of 2 episodes finished/);
      expect(r.output).toMatch(/--resume/);
      const store = RunStore.open(dir, { versions: RunStore.versions() });
      expect([store.tasks().length, store.episodeCount()]).toEqual([2, 0]);
      store.close();
    }

    // What an earlier version stored for a browser that would not start: an episode with status "error".
    const store = RunStore.open(dir, { versions: RunStore.versions() });
    const t = store.tasks()[0]!;
    const errored: Trajectory = {
      header: { type: 'header', schemaVersion: 1, episodeId: `gen-${t.id}`, agent: { name: 'scripted' }, task: t, startedAt: new Date(0).toISOString() },
      steps: [],
      end: { type: 'end', status: 'error', answer: null, error: 'Chromium failed to start', steps: 0, durationMs: 0, evaluation: { csr: 0, sr: false, booked: false, curve: [], bestCsr: 0, firstBestIndex: -1, verdicts: evaluateTrajectory(t, []).final.verdicts }, attempts: 3 },
    };
    store.recordEpisode(errored, undefined);
    expect(store.doneTaskIds().size).toBe(0);
    store.close();

    expect(existsSync(join(dir, 'webfoundry.lock.json'))).toBe(false);
    const first = cli([...args, '--resume']);
    // It holds the folder once it says who it is. Paused there (SIGSTOP) so it surely still holds
    // it, a second resume is refused, not raced.
    await expect.poll(() => existsSync(join(dir, 'webfoundry.lock.json')), { timeout: 120_000, interval: 20 }).toBe(true);
    first.child.kill('SIGSTOP');
    const second = await finished([...args, '--resume']);
    first.child.kill('SIGCONT');
    expect(second.code, second.output).not.toBe(0);
    expect(second.output).toMatch(new RegExp(`is in use by another process \\(pid ${first.child.pid}, generate since`));
    expect(await first.done, first.output()).toBe(0);

    const after = RunStore.open(dir, { versions: RunStore.versions() });
    try {
      expect(after.episodeCount()).toBe(2);
      expect(after.outcomes().map((o) => o.status)).not.toContain('error');
      expect(after.doneTaskIds().size).toBe(2);
    } finally {
      after.close();
    }
    // Everything is in run.sqlite after a normal end (no WAL to copy along).
    expect(existsSync(`${RunStore.path(dir)}-wal`) ? statSync(`${RunStore.path(dir)}-wal`).size : 0).toBe(0);
  }, 400_000);

  it('run and bench with a wrong WEBFOUNDRY_CHROME exit non-zero and write no summary', async () => {
    for (const chrome of Object.values(WRONG_CHROMES)) {
      const out = join(root, `run-${readdirSync(root).length}`);
      const r = await finished(['run', '--tasks', 'bookingarena-v0', '--limit', '2', '--out', out], { WEBFOUNDRY_CHROME: chrome });
      expect(r.code, r.output).not.toBe(0);
      expect(r.output).toMatch(/the run stopped: .*0 of 2 episodes finished/);
      expect(existsSync(join(out, 'summary.json'))).toBe(false);
      expect(existsSync(join(out, 'trajectories')) ? readdirSync(join(out, 'trajectories')) : []).toEqual([]);
      const b = await finished(['bench', '--limit', '2', '--json'], { WEBFOUNDRY_CHROME: chrome });
      expect(b.code, b.output).not.toBe(0);
      expect(b.output).toMatch(/the run stopped/);
      expect(b.output).not.toMatch(/"sr"/);
    }
    // Eight CLI processes, each loading the world: minutes on a loaded machine.
  }, 900_000);
});

describe('run keeps one run per output folder', () => {
  it('a folder holding an earlier run is refused; --overwrite replaces it; one trajectory file per task', async () => {
    const out = join(root, 'run-out');
    const args = ['run', '--tasks', 'bookingarena-v0', '--site', 'railgo', '--limit', '1', '--noise', '0', '--out', out];
    expect((await finished(args)).code).toBe(0);
    // A file an older version left for a retried attempt of the same task.
    const [file] = readdirSync(join(out, 'trajectories'));
    writeFileSync(join(out, 'trajectories', file!.replace('.jsonl', '-retry1.jsonl')), readFileSync(join(out, 'trajectories', file!)));
    const again = await finished(args);
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/holds the output of an earlier run/);
    expect((await finished([...args, '--overwrite'])).code).toBe(0);
    expect(readdirSync(join(out, 'trajectories'))).toEqual([file]);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).overall.episodes).toBe(1);
  }, 200_000);
});

const bigTasks = Array.from({ length: 2000 }, (_, i) => task(`t${i}`, 'skyhop', 'easy', `Fly to Lisbon, case ${i}`, [dest, booked]));

/** A run store (made by hand, no browser) of 2,000 tasks; episodes [from, to) get a row of about 20 KB. */
function addRows(dir: string, from: number, to: number): void {
  const config: RunConfig = { sites: ['skyhop'], tasksPerSite: 2000, teacher: 'scripted', noise: 0.5, seed: 1, worldSeed: 1, maxSteps: 60, mode: 'viewport', salvage: { minCsr: 0.5, minKept: 2, requireBooking: false } };
  const s = RunStore.exists(dir) ? RunStore.open(dir, { versions: RunStore.versions() }) : RunStore.create(dir, 'big', config, RunStore.versions());
  if (s.tasks().length === 0) s.insertTasks(bigTasks);
  const obs = `[1] RootWebArea "SkyHop"\n${'  [2] link "A flight to somewhere far away" clickable\n'.repeat(40)}`;
  for (const t of bigTasks.slice(from, to)) {
    const r = row(`row-${t.id}`, 'success', t, Array.from({ length: 8 }, (_, k) => step(`click("${k + 2}")`, 'I click.', obs)));
    const traj: Trajectory = {
      header: { type: 'header', schemaVersion: 1, episodeId: r.provenance.episodeId, agent: { name: 'scripted' }, task: t, startedAt: new Date(0).toISOString() },
      steps: [],
      end: { type: 'end', status: 'stopped', answer: null, error: null, steps: 0, durationMs: 0, evaluation: { csr: 1, sr: true, booked: true, curve: [], bestCsr: 1, firstBestIndex: 0, verdicts: [] }, attempts: 1 },
    };
    s.recordEpisode(traj, r);
  }
  s.close();
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');

describe('export is atomic, its dataset card written last (issue 13)', () => {
  it('kill -9 mid-export leaves no partial data file and no card that disagrees with the data', async () => {
    const run = join(root, 'big-run');
    const out = join(root, 'big-export');
    addRows(run, 0, 1000);
    const first = await finished(['export', '--run', run, '--format', 'jsonl', '--out', out]);
    expect(first.code, first.output).toBe(0);
    const data = readdirSync(out).find((f) => f.endsWith('.jsonl'))!;
    const card = () => readFileSync(join(out, 'README.md'), 'utf8');
    const claimed = () => Number(/\| examples in this export \| (\d+) \|/.exec(card())![1]);
    expect([claimed(), lines(join(out, data)).length]).toEqual([1000, 1000]);
    const oldSize = statSync(join(out, data)).size;

    addRows(run, 1000, 2000);
    const c = cli(['export', '--run', run, '--format', 'jsonl', '--out', out]);
    // Kill as soon as the export touches the folder: the old card goes, or the data file changes.
    const touched = () => !existsSync(join(out, 'README.md')) || readdirSync(out).some((f) => f.endsWith('.tmp')) || statSync(join(out, data)).size !== oldSize;
    await expect.poll(touched, { timeout: 120_000, interval: 2 }).toBe(true);
    c.child.kill('SIGKILL');
    await c.done;

    const n = lines(join(out, data)).length;
    expect([1000, 2000]).toContain(n);
    for (const l of lines(join(out, data))) JSON.parse(l);
    if (existsSync(join(out, 'README.md'))) expect(claimed()).toBe(n);

    // Exported again to the end: the new card, the new data, no temporary file left.
    const last = await finished(['export', '--run', run, '--format', 'jsonl', '--out', out]);
    expect(last.code, last.output).toBe(0);
    expect([claimed(), lines(join(out, data)).length]).toEqual([2000, 2000]);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 300_000);
});

describe('bad input on the command line is refused with what is wrong', () => {
  it('numeric flags refuse empty and non-decimal values; tasks check refuses an empty file', async () => {
    const cases: [string[], RegExp][] = [
      [['generate', '--tasks', '1', '--seed', '', '--out', join(root, 'x')], /--seed must be a whole number .* got ""/],
      [['generate', '--tasks', '1', '--noise', '', '--out', join(root, 'x')], /--noise must be a decimal number between 0 and 1, got ""/],
      [['generate', '--tasks', '0x2', '--out', join(root, 'x')], /--tasks must be a whole number .* got "0x2"/],
      [['serve', '--port', ''], /--port must be a whole number .* got ""/],
      [['run', '--tasks', 'bookingarena-v0', '--out', join(root, 'x'), '--noise', '1e-1'], /--noise must be a decimal number between 0 and 1, got "1e-1"/],
    ];
    for (const [args, message] of cases) {
      const r = await finished(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.output, args.join(' ')).toMatch(message);
    }
    expect(existsSync(join(root, 'x'))).toBe(false);
    const empty = join(root, 'empty.jsonl');
    mkdirSync(root, { recursive: true });
    writeFileSync(empty, '\n\n');
    const r = await finished(['tasks', 'check', empty]);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(`${empty} holds no tasks`);
  }, 120_000);
});
