import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { AblationConfig as AblationConfigSchema, conditionRows, defaultAblationConfig, runAblation, spread, type AblationConfig, type AblationEvent } from '../../src/experiments/ablation.js';
import { loadTasks, writeTasks } from '../../src/tasks/task-file.js';
import type { DatasetRow } from '../../src/core/schemas/dataset.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-ablation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ablation helpers', () => {
  it('spread is mean, sample sd, min and max', () => {
    const s = spread([0.2, 0.4, 0.6]);
    expect(s.mean).toBeCloseTo(0.4, 12);
    expect(s.sd).toBeCloseTo(0.2, 12);
    expect([s.min, s.max, s.n]).toEqual([0.2, 0.6, 3]);
    expect(spread([0.5]).sd).toBe(0);
  });

  it('a configuration stored before --arch and --conditions still reads as itself (bow, both conditions); attn is a choice', () => {
    const before = { ...defaultAblationConfig() };
    expect(AblationConfigSchema.parse(JSON.parse(JSON.stringify(before)))).toEqual(before);
    expect('arch' in AblationConfigSchema.parse(before)).toBe(false);
    expect(AblationConfigSchema.parse({ ...before, arch: 'attn', conditions: ['successes+salvaged'] }).arch).toBe('attn');
    expect(AblationConfigSchema.safeParse({ ...before, arch: 'lstm' }).success).toBe(false);
  });

  it('successes-only drops exactly the salvaged rows', () => {
    const rows = [{ kind: 'success' }, { kind: 'salvaged' }, { kind: 'success' }] as DatasetRow[];
    expect(conditionRows(rows, 'successes')).toEqual([rows[0], rows[2]]);
    expect(conditionRows(rows, 'successes+salvaged')).toEqual(rows);
  });
});

describe('runAblation (real teacher run, training and Chromium episodes, tiny budget)', () => {
  // One in-domain (skyhop) and one held-out (forkful) task from the suite.
  const suite = join(dir, 'suite.jsonl');
  const all = loadTasks('bookingarena-v0');
  writeTasks(suite, [all.find((t) => t.site === 'skyhop')!, all.find((t) => t.site === 'forkful')!]);
  const config: AblationConfig = {
    ...defaultAblationConfig(), holdout: 'forkful', trainingSites: ['skyhop'], tasksPerSite: 3, noise: 0.3,
    seeds: [1, 2], epochs: 2, hidden: 8, suite, maxSteps: 34,
  };
  const out = join(dir, 'abl');

  it('trains both conditions over every seed, scores in-domain and held-out, and resumes from disk', async () => {
    const events: AblationEvent[] = [];
    const first = await runAblation({ dir: out, config, parallel: 2, onEvent: (e) => events.push(e) });
    expect(first.rows.map((r) => r.condition)).toEqual(['teacher', 'random', 'successes', 'successes+salvaged']);
    expect(first.data.episodes).toBe(3);
    for (const r of first.rows) {
      expect(r.runs.length).toBe(r.training ? 2 : 1);
      expect(r.inDomain.episodes).toBe(r.runs.length);
      expect(r.heldOut.episodes).toBe(r.runs.length);
      for (const x of [r.inDomain.sr.mean, r.inDomain.csr.mean, r.heldOut.sr.mean, r.heldOut.csr.mean]) expect(x >= 0 && x <= 1).toBe(true);
    }
    const [succ, all2] = first.rows.slice(2);
    expect(succ!.training!.salvaged).toBe(0);
    expect(succ!.training!.success).toBe(first.data.rows.success);
    expect(all2!.training!.rows).toBe(first.data.rows.success + first.data.rows.salvaged);
    for (const name of ['successes-seed1', 'successes-seed2', 'successes-salvaged-seed1', 'successes-salvaged-seed2']) expect(existsSync(join(out, 'models', name, 'model.json'))).toBe(true);
    const md = readFileSync(join(out, 'ablation.md'), 'utf8');
    expect(md).toContain('held-out (forkful) SR %');
    expect(md).toContain('| agent | skyhop | forkful |');
    for (const r of first.rows) for (const run of r.runs) expect(Object.keys(run.bySite ?? {}).sort()).toEqual(['forkful', 'skyhop']);
    expect(events.filter((e) => e.type === 'episode').length).toBe(3 + 6 * 2);

    const again: AblationEvent[] = [];
    const second = await runAblation({ dir: out, config, parallel: 2, onEvent: (e) => again.push(e) });
    expect(again.filter((e) => e.type === 'episode' || e.type === 'epoch')).toEqual([]);
    expect(second).toEqual(first);

    await expect(runAblation({ dir: out, config: { ...config, seeds: [1] }, parallel: 2 })).rejects.toThrow(InvalidInputError);
  }, 240_000);
});
