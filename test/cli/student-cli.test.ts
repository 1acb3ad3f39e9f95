import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTasks, writeTasks } from '../../src/tasks/task-file.js';
import { syntheticRows } from '../student/synthetic.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const root = mkdtempSync(join(tmpdir(), 'wf-student-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Synthetic rows made schema-valid: a real task carrying the synthetic instruction. */
const task = loadTasks('bookingarena-v0')[0]!;
const validRows = (n: number, kind: 'success' | 'salvaged' = 'success') => syntheticRows(n).map((r) => JSON.stringify({ ...r, kind, task: { ...task, instruction: r.task.instruction } })).join('\n');

const cli = (args: string[]) => run(process.execPath, [BIN, ...args], { maxBuffer: 16 << 20 });

describe('webfoundry train and bench --agent student:DIR', () => {
  it('trains from a rows file, saves the model, and benchmarks it in Chromium', async () => {
    const rows = join(root, 'rows.jsonl');
    writeFileSync(rows, validRows(12));
    const model = join(root, 'm');
    const trained = await cli(['train', '--data', rows, '--out', model, '--epochs', '3', '--seed', '2', '--json']);
    const summary = JSON.parse(trained.stdout) as { rows: { train: number; val: number }; trainAccuracy: number };
    expect(summary.rows.train + summary.rows.val).toBe(12);
    expect(trained.stderr).toMatch(/epoch 3\/3 +loss [\d.]+ +acc [\d.]+% .* ETA \d+s/);

    const suite = join(root, 'suite.jsonl');
    writeTasks(suite, loadTasks('bookingarena-v0').filter((t) => t.site === 'skyhop').slice(0, 1));
    const bench = await cli(['bench', '--agent', `student:${model}`, '--suite', suite, '--max-steps', '6', '--out', join(root, 'greedy'), '--json']);
    const result = JSON.parse(bench.stdout) as { agent: string; overall: { episodes: number; errors: number; csr: number } };
    expect(result.agent).toBe(`student:${model}`);
    expect(result.overall.episodes).toBe(1);
    expect(result.overall.errors).toBe(0);

    // --temperature: the student samples, seeded by task and episode: the same seed gives the same
    // episode, another seed other actions, and the header says it sampled (greedy says nothing).
    const steps = (out: string): { agent: { temperature?: number }; actions: string[] } => {
      const [file] = readdirSync(join(out, 'trajectories'));
      const lines = readFileSync(join(out, 'trajectories', file!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; action?: string; agent?: { temperature?: number } });
      return { agent: lines[0]!.agent!, actions: lines.filter((l) => l.type === 'step').map((l) => l.action!) };
    };
    const sampled = async (name: string, seed: string) => {
      await cli(['bench', '--agent', `student:${model}`, '--suite', suite, '--max-steps', '8', '--temperature', '1', '--seed', seed, '--out', join(root, name), '--json']);
      return steps(join(root, name));
    };
    const [a, b, c] = [await sampled('t1-a', '1'), await sampled('t1-b', '1'), await sampled('t1-c', '2')];
    expect(a.agent.temperature).toBe(1);
    expect(b.actions).toEqual(a.actions);
    expect(c.actions).not.toEqual(a.actions);
    expect(steps(join(root, 'greedy')).agent.temperature).toBeUndefined();
    await expect(cli(['bench', '--agent', `student:${model}`, '--suite', suite, '--temperature', '0'])).rejects.toMatchObject({ stderr: expect.stringMatching(/--temperature must be a positive number for a student/) });
  }, 300_000);

  it('refuses a filter that leaves no rows, and a directory without a model, with a clear message', async () => {
    const rows = join(root, 'salvaged.jsonl');
    writeFileSync(rows, validRows(2, 'salvaged'));
    await expect(cli(['train', '--data', rows, '--out', join(root, 'none'), '--successes-only'])).rejects.toMatchObject({ stderr: expect.stringMatching(/no dataset rows left after the filters/) });
    await expect(cli(['bench', '--agent', `student:${join(root, 'missing')}`, '--limit', '1'])).rejects.toMatchObject({ stderr: expect.stringMatching(/holds no readable model\.json/) });
  }, 60_000);
});
