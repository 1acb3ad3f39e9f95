import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAction } from '../../src/browser/actions/parse-action.js';
import { examplesFromRows } from '../../src/student/dataset.js';
import { DEFAULT_FEATURES } from '../../src/student/features.js';
import { loadStudent, saveStudent } from '../../src/student/save-load.js';
import { StudentPolicy } from '../../src/student/student-policy.js';
import { trainStudent } from '../../src/student/train.js';
import type { EpochReport } from '../../src/student/sft.js';
import { normalizedDates } from '../../src/student/text.js';
import { syntheticRows } from './synthetic.js';

const rows = syntheticRows(20);
const dir = mkdtempSync(join(tmpdir(), 'wf-student-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every step of every row, replayed through the policy: the actions it outputs. */
async function replay(policy: StudentPolicy): Promise<string[]> {
  const out: string[] = [];
  for (const row of rows) for (const [i, step] of row.steps.entries()) {
    const d = await policy.act({ task: row.task, observation: { axtree: step.observation, url: step.url }, history: row.steps.slice(0, i).map((s) => ({ action: s.action })) });
    out.push(d.action);
  }
  return out;
}

describe('student', () => {
  it('normalizes dates with the world year', () => {
    expect(normalizedDates('on Tuesday, June 23 or 2026-07-01, back 4 July')).toEqual(['2026-06-23', '2026-07-01', '2026-07-04']);
  });

  it('every teacher step of the synthetic rows has a candidate', () => {
    const ex = examplesFromRows(rows, DEFAULT_FEATURES);
    expect(ex.skipped).toEqual({});
    expect(ex.examples.length).toBe(ex.steps);
  });

  it('training lowers the loss, fits the data, and is deterministic by seed; save/load keeps every action', async () => {
    const reports: EpochReport[] = [];
    const a = await trainStudent(rows, { epochs: 25, seed: 7, valFraction: 0, onEpoch: (r) => reports.push(r) });
    expect(reports.at(-1)!.loss).toBeLessThan(reports[0]!.loss / 3);
    expect(a.summary.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(a.summary.args.matched).toBe(a.summary.args.seen);

    const b = await trainStudent(rows, { epochs: 25, seed: 7, valFraction: 0 });
    expect(Buffer.from(b.model.params.w1.buffer).equals(Buffer.from(a.model.params.w1.buffer))).toBe(true);
    expect(Buffer.from(b.model.params.a.buffer).equals(Buffer.from(a.model.params.a.buffer))).toBe(true);

    const policy = new StudentPolicy(a.model);
    const actions = await replay(policy);
    for (const s of actions) expect(parseAction(s).ok, s).toBe(true);
    const teacher = rows.flatMap((r) => r.steps.map((s) => s.action));
    const exact = actions.filter((s, i) => s === teacher[i]).length / actions.length;
    expect(exact).toBeGreaterThanOrEqual(0.9);

    saveStudent(join(dir, 'm'), a.model);
    const loaded = loadStudent(join(dir, 'm'));
    expect(await replay(new StudentPolicy(loaded))).toEqual(actions);
  }, 300_000);
});
