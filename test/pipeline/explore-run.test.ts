import { mkdtempSync, rmSync } from 'node:fs';
import { schemaTask } from '../../src/core/schemas/task.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetRow } from '../../src/core/schemas/dataset.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { exploreRun } from '../../src/pipeline/explore/explore-run.js';
import { EXPORTERS } from '../../src/pipeline/exports/exporters.js';
import { RunStore } from '../../src/pipeline/run-store.js';
import { trainStudent } from '../../src/student/train.js';

const root = mkdtempSync(join(tmpdir(), 'wf-explore-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('exploration in Chromium', () => {
  it('two sites yield labeled demonstrations that hold, export, train the student, and a rerun resumes with nothing to do', async () => {
    const dir = join(root, 'run');
    const ends: string[] = [];
    const options = { dir, sites: ['staywell', 'forkful'], episodes: 2, explorer: 'scripted' as const, seed: 3, worldSeed: 1, noise: 0.3, maxSteps: 40, parallel: 2, resume: false };
    const store = await exploreRun({ ...options, onEpisode: (r) => ends.push(r.end) });
    const rows = store.rows();
    store.close();
    expect(ends).toHaveLength(4);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.task.site)).size).toBe(2);
    for (const r of rows) {
      expect(DatasetRow.safeParse(r).success).toBe(true);
      expect(r.kind).toBe('explored');
      expect(r.provenance.exploration!.ormScore).toBe(5);
      expect(r.provenance.exploration!.pruneDepth).toBeGreaterThanOrEqual(1);
      expect(r.steps.at(-1)).toMatchObject({ synthetic: true, parsed: { type: 'stop' } });
      for (const c of schemaTask(r.task, 'test').constraints) expect(r.task.instruction).toContain(c.phrase.replace(/[.]$/, ''));
    }
    // The label holds on the state its prefix left: read back from the stored trajectories.
    const reopened = RunStore.open(dir, { versions: RunStore.versions() });
    const trajectories = [...reopened.trajectories()];
    reopened.close();
    for (const r of rows) {
      const t = trajectories.find((x) => x.header.episodeId === r.provenance.episodeId)!;
      const depth = r.provenance.exploration!.pruneDepth;
      expect(evaluate(schemaTask(r.task, 'test'), t.steps[depth - 1]!.state ?? undefined).csr).toBe(1);
      // Actions are the explorer's own, in order.
      const actions = t.steps.slice(0, depth).map((s) => s.action);
      let at = 0;
      for (const s of r.steps.slice(0, -1)) {
        at = actions.indexOf(s.action, at);
        expect(at).toBeGreaterThanOrEqual(0);
        at++;
      }
    }
    // The trainers' formats take them.
    for (const format of ['openai', 'sharegpt', 'trl'] as const) {
      const out = EXPORTERS[format].export(rows, { per: 'step', historyLength: 3 });
      expect(out.samples.length, format).toBeGreaterThan(0);
    }
    const trained = await trainStudent(rows, { epochs: 3, seed: 1, valFraction: 0 });
    expect(trained.summary.examples.train).toBeGreaterThan(0);
    // Resumable: a rerun finds every exploration done.
    let pending = -1;
    const again = await exploreRun({ ...options, resume: true, onStart: (total, done) => (pending = total - done) });
    expect(pending).toBe(0);
    expect(again.rows().length).toBe(rows.length);
    again.close();
  }, 600_000);
});
