import { WORLD_VERSION } from '../../src/core/version.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTasks, writeTasks } from '../../src/tasks/task-file.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const root = mkdtempSync(join(tmpdir(), 'wf-checks-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cli = (args: string[]) => run(process.execPath, [BIN, ...args], { maxBuffer: 16 << 20 });

describe('webfoundry tasks lint and webfoundry validity', () => {
  it('lint: the suite has no finding (exit 0); a garbled instruction is reported with its rule (exit 1)', async () => {
    const ok = JSON.parse((await cli(['tasks', 'lint', 'bookingarena-v0', '--json'])).stdout) as { tasks: number; findings: unknown[] };
    expect(ok.tasks).toBe(72);
    expect(ok.findings).toEqual([]);
    const [t] = loadTasks('bookingarena-v0');
    const garbled = join(root, 'garbled.jsonl');
    writeTasks(garbled, [{ ...t!, instruction: `${t!.instruction} Don't add choose your seats.` }]);
    const err = await cli(['tasks', 'lint', garbled]).catch((e: { code: number; stdout: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stdout: string }).stdout).toMatch(/imperative-after-noun-slot/);
  }, 300_000);

  it('validity: one site agrees fully (exit 0); a case file with an unlabelled constraint is refused naming the case', async () => {
    const out = JSON.parse((await cli(['validity', '--site', 'skyhop', '--json'])).stdout) as { agreement: number; cases: number };
    expect(out.cases).toBeGreaterThan(10);
    expect(out.agreement).toBe(1);
    const dir = mkdtempSync(join(root, 'cases-'));
    const [t] = loadTasks('bookingarena-v0');
    writeFileSync(join(dir, 'skyhop.json'), JSON.stringify({ schemaVersion: 1, worldSeed: 1, worldVersion: WORLD_VERSION, cases: [{ id: 'c1', site: 'skyhop', about: 'x', instruction: t!.instruction, constraints: t!.constraints, episode: [], labels: {} }] }));
    const err = await cli(['validity', '--dir', dir]).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).not.toBe(0);
    expect((err as { stderr: string }).stderr).toMatch(/case c1: every constraint needs one label/);
  }, 300_000);
});
