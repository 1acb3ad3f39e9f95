import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const root = mkdtempSync(join(tmpdir(), 'wf-decompose-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cli(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('webfoundry tasks decompose and explore from the CLI', () => {
  it('--help names the commands\' options', async () => {
    const d = await cli(['tasks', 'decompose', '--help']);
    expect(d.code).toBe(0);
    for (const flag of ['--site', '--file', '--out', '--measure', '--model', '--json']) expect(d.stdout).toContain(flag);
    const e = await cli(['explore', '--help']);
    expect(e.code).toBe(0);
    for (const flag of ['--sites', '--explorer', '--episodes', '--out', '--labeler', '--summaries', '--threshold', '--resume', '--json']) expect(e.stdout).toContain(flag);
  });

  it("a user's text file becomes a task file that check proves feasible; a rerun resumes; bad input is a clear error", async () => {
    const file = join(root, 'mine.txt');
    const out = join(root, 'mine.jsonl');
    writeFileSync(file, ['Book a flight from Lisbon to Amsterdam for 2 adults. Complete the booking.', '# a comment', 'Book a flight from Lisbon to Paris with a view of the sea. Complete the booking.', JSON.stringify({ instruction: 'Find and book a flight from Berlin to Porto for 2 adults, non-stop. Complete the booking.' })].join('\n'));
    const first = await cli(['tasks', 'decompose', '--site', 'skyhop', '--file', file, '--out', out, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const r = JSON.parse(first.stdout) as { instructions: number; tasks: number; rejected: { line: number; problem: string }[] };
    expect(r).toMatchObject({ instructions: 3, tasks: 2 });
    expect(r.rejected).toEqual([{ line: 3, instruction: expect.any(String), problem: 'parts of the instruction map to no constraint: "with a view of the sea"' }]);
    const check = await cli(['tasks', 'check', out, '--json']);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ tasks: 2, feasible: true });
    const before = readFileSync(out, 'utf8');
    const again = await cli(['tasks', 'decompose', '--site', 'skyhop', '--file', file, '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('resuming: 3 of 3 instructions already done');
    expect(readFileSync(out, 'utf8')).toBe(before);
    writeFileSync(file, '{"instruction": 3}\n');
    const bad = await cli(['tasks', 'decompose', '--site', 'skyhop', '--file', file]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('a JSON line needs an "instruction" string');
  }, 600_000);
});
