import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BenchReport } from '../../src/core/schemas/bench-report.js';
import { splitSites } from '../../src/sites/splits.js';

const root = mkdtempSync(join(tmpdir(), 'wf-bench-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');

function cli(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr })));
  return { child, done };
}

/** Resolves when `dir` holds at least `n` trajectory files (checked as the run writes them). */
async function trajectoriesReach(dir: string, n: number, run: { done: Promise<unknown> }): Promise<void> {
  let ended = false;
  void run.done.then(() => (ended = true));
  const count = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).length : 0);
  while (count() < n) {
    if (ended) throw new Error(`the run ended with ${count()} trajectories, before ${n}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('webfoundry bench --suite bookingarena-v1', () => {
  it('a killed bench resumes where it stopped: finished episodes are kept, the rest run, the table covers all', async () => {
    const out = join(root, 'held-out');
    const args = ['bench', '--agent', 'random', '--suite', 'bookingarena-v1', '--sites', 'split:heldout', '--limit', '4', '--parallel', '1', '--max-steps', '3', '--out', out];
    const first = cli(args);
    await trajectoriesReach(join(out, 'trajectories'), 1, first);
    first.child.kill('SIGKILL');
    await first.done;
    const kept = readdirSync(join(out, 'trajectories')).filter((f) => f.endsWith('.jsonl'));
    expect(kept.length).toBeGreaterThanOrEqual(1);
    const before = new Map(kept.map((f) => [f, readFileSync(join(out, 'trajectories', f), 'utf8')]));
    expect(existsSync(join(out, 'bench.json'))).toBe(false);

    // Without --resume the folder is refused; with other settings too.
    expect((await cli(args).done).stderr).toMatch(/holds the output of an earlier run.*\n.*--resume/);
    expect((await cli([...args.slice(0, -4), '--max-steps', '4', '--out', out, '--resume']).done).stderr).toMatch(/holds a run made with other settings \(maxSteps: 3 there, 4 now\)/);

    const resumed = await cli([...args, '--resume', '--json']).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout) as BenchReport & { resumed: number; suite: string };
    expect(BenchReport.parse({ schemaVersion: report.schemaVersion, intervals: report.intervals, overall: report.overall, bySite: report.bySite, byTier: report.byTier, byKind: report.byKind })).toBeTruthy();
    expect(report.suite).toBe('bookingarena-v1');
    expect(report.resumed).toBe(kept.length);
    expect(report.overall.episodes).toBe(4);
    expect(Object.keys(report.bySite).every((s) => splitSites('heldOut').includes(s))).toBe(true);
    // The episodes finished before the kill were not run again: their files are the same bytes.
    for (const f of kept) expect(readFileSync(join(out, 'trajectories', f), 'utf8')).toBe(before.get(f));
    expect(readdirSync(join(out, 'trajectories')).filter((f) => f.endsWith('.jsonl'))).toHaveLength(4);
    expect(JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8')).overall.episodes).toBe(4);
  }, 600_000);
});
