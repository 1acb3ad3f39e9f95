import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { ABLATION_SCHEMA_VERSION, defaultAblationConfig, type AblationConfig, type EvalRecord } from '../../src/experiments/ablation.js';
import { defaultExploreAblationConfig, firstTaskIds, runExploreAblation, type ExploreAblationEvent } from '../../src/experiments/explore-ablation.js';
import { exploreRun } from '../../src/pipeline/explore/explore-run.js';
import { RunStore } from '../../src/pipeline/run-store.js';
import { loadTasks, writeTasks } from '../../src/tasks/task-file.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-explore-ablation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('explore ablation helpers', () => {
  it('the mix takes the first tasks of each site in run order', () => {
    const tasks = [
      { id: 'a1', site: 'a' }, { id: 'b1', site: 'b' }, { id: 'a2', site: 'a' }, { id: 'a3', site: 'a' }, { id: 'b2', site: 'b' }, { id: 'b3', site: 'b' },
    ];
    expect([...firstTaskIds(tasks, 2)].sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect([...firstTaskIds(tasks, 5)].length).toBe(6);
  });
});

/**
 * The teacher side is a finished partial ablation (its own test runs one: ablation.test.ts, and
 * explore-ablation.slow.test.ts runs both in full). Here it is made by hand, as a reused
 * `--teacher-from` directory: a run store of two episodes (taken from a tiny exploration, relabeled
 * as teacher successes) and the evaluation records its students, teacher and random agent left.
 */
describe('runExploreAblation reusing a teacher ablation (explorations, training and Chromium episodes, tiny budget)', () => {
  const suite = join(dir, 'suite.jsonl');
  const all = loadTasks('bookingarena-v0');
  writeTasks(suite, [all.find((t) => t.site === 'skyhop')!, all.find((t) => t.site === 'forkful')!]);
  const base: AblationConfig = { ...defaultAblationConfig(), holdout: 'forkful', trainingSites: ['skyhop'], tasksPerSite: 2, noise: 0.5, seeds: [1], epochs: 2, hidden: 8, suite, maxSteps: 12 };
  const teacherDir = join(dir, 'teacher');
  const config = { ...defaultExploreAblationConfig(base), teacherFrom: teacherDir, exploreMaxSteps: 12, exploreSeed: 5 };
  const out = join(dir, 'explore');
  const score = { episodes: 1, sr: 0.5, csr: 0.75, meanSteps: 10, errors: 0 };
  const record = (name: string): EvalRecord => ({ schemaVersion: ABLATION_SCHEMA_VERSION, name, agent: name, inDomain: score, heldOut: score, bySite: { skyhop: score, forkful: score }, seconds: 1 });

  beforeAll(async () => {
    const src = await exploreRun({ dir: join(dir, 'source'), sites: ['skyhop'], episodes: 2, explorer: 'scripted', seed: 9, worldSeed: 1, noise: 0.3, maxSteps: 12, parallel: 2, resume: false });
    const trajectories = [...src.trajectories()];
    const rows = src.rows();
    const tasks = src.tasks();
    src.close();
    const store = RunStore.create(join(teacherDir, 'data'), 'teacher', { ...src.config, teacher: 'scripted' }, RunStore.versions());
    store.insertTasks(tasks);
    for (const t of trajectories) store.recordEpisode(t, rows.filter((r) => r.provenance.episodeId === t.header.episodeId).map((r) => ({ ...r, kind: 'success' as const })));
    store.close();
    mkdirSync(join(teacherDir, 'models'), { recursive: true });
    writeFileSync(join(teacherDir, 'config.json'), JSON.stringify(base));
    for (const name of ['teacher', 'random', 'successes-salvaged-seed1']) {
      mkdirSync(join(teacherDir, 'evals'), { recursive: true });
      writeFileSync(join(teacherDir, 'evals', `${name}.json`), JSON.stringify(record(name)));
    }
  }, 300_000);

  it('explores both halves, trains and scores the new conditions beside the reused ones, and resumes from disk', async () => {
    const events: ExploreAblationEvent[] = [];
    const first = await runExploreAblation({ dir: out, config, parallel: 2, onEvent: (e) => events.push(e) });
    expect(first.rows.map((r) => r.condition)).toEqual(['teacher agent', 'random', 'explored', 'teacher', 'explored+teacher']);
    const [explored, teacher, mix] = first.rows.slice(2).map((r) => r.budget!);
    // The same browser budget in episodes: 2 per site, split 1 + 1 in the mix (the teacher's first task).
    expect(explored!.episodesPerSite).toEqual({ explored: 2, teacher: 0 });
    expect(teacher!.episodesPerSite).toEqual({ explored: 0, teacher: 2 });
    expect(mix!.episodesPerSite).toEqual({ explored: 1, teacher: 1 });
    expect([explored!.episodes, teacher!.episodes, mix!.episodes]).toEqual([2, 2, 2]);
    // The reused rows are read as they are: the teacher-only row is the stored record.
    expect(first.rows[3]!.inDomain.csr.mean).toBe(0.75);
    for (const r of first.rows) expect([r.runs.length, r.inDomain.episodes, r.heldOut.episodes]).toEqual([1, 1, 1]);
    expect(events.filter((e) => e.type === 'exploration').length).toBe(2);
    expect(events.filter((e) => e.type === 'episode').length).toBe(4);
    for (const name of ['explored-seed1', 'explored-teacher-seed1']) expect(existsSync(join(out, 'models', name, 'model.json'))).toBe(true);
    const md = readFileSync(join(out, 'explore-ablation.md'), 'utf8');
    expect(md).toContain('| student: half explored + half teacher | 1 + 1 |');
    expect(md).toContain('| agent | skyhop | forkful |');
    // Nothing was written into the reused ablation.
    expect(existsSync(join(teacherDir, 'evals', 'explored-seed1.json'))).toBe(false);

    const again: ExploreAblationEvent[] = [];
    const second = await runExploreAblation({ dir: out, config, parallel: 2, onEvent: (e) => again.push(e) });
    expect(again.filter((e) => e.type === 'episode' || e.type === 'epoch' || e.type === 'exploration')).toEqual([]);
    expect(second).toEqual(first);
    await expect(runExploreAblation({ dir: out, config: { ...config, exploreSeed: 6 }, parallel: 2 })).rejects.toThrow(/another configuration/);
  }, 400_000);

  it('refuses a reused ablation of another design, or one whose teacher stage is not done, before any work', async () => {
    const other = { ...config, base: { ...base, seeds: [1, 2] } };
    await expect(runExploreAblation({ dir: join(dir, 'other'), config: other, parallel: 2 })).rejects.toThrow(/another design \(seeds: \[1\], asked \[1,2\]\)/);
    const unfinished = join(dir, 'unfinished');
    mkdirSync(unfinished, { recursive: true });
    writeFileSync(join(unfinished, 'config.json'), JSON.stringify(base));
    const events: ExploreAblationEvent[] = [];
    const err = await runExploreAblation({ dir: join(dir, 'other2'), config: { ...config, teacherFrom: unfinished }, parallel: 2, onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(String((err as Error).message)).toMatch(/has not finished its teacher rollouts/);
    expect(events).toEqual([]);
  });
});
