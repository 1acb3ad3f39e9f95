import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { defaultAblationConfig, type AblationConfig, type AblationEvent } from '../../src/experiments/ablation.js';
import { defaultExploreAblationConfig, firstTaskIds, runExploreAblation, type ExploreAblationEvent } from '../../src/experiments/explore-ablation.js';
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

describe('runExploreAblation (real teacher run, explorations, training and Chromium episodes, tiny budget)', () => {
  const suite = join(dir, 'suite.jsonl');
  const all = loadTasks('bookingarena-v0');
  writeTasks(suite, [all.find((t) => t.site === 'skyhop')!, all.find((t) => t.site === 'forkful')!]);
  const base: AblationConfig = { ...defaultAblationConfig(), holdout: 'forkful', trainingSites: ['skyhop'], tasksPerSite: 2, noise: 0, seeds: [1], epochs: 2, hidden: 8, suite, maxSteps: 30 };
  const config = { ...defaultExploreAblationConfig(base), exploreMaxSteps: 12 };
  const out = join(dir, 'explore');

  it('runs the teacher side, explores both halves, trains and scores the new conditions, and resumes from disk', async () => {
    const events: ExploreAblationEvent[] = [];
    const first = await runExploreAblation({ dir: out, config, parallel: 2, onEvent: (e) => events.push(e) });
    expect(first.rows.map((r) => r.condition)).toEqual(['teacher agent', 'random', 'explored', 'teacher', 'explored+teacher']);
    const [explored, teacher, mix] = first.rows.slice(2).map((r) => r.budget!);
    // The same browser budget in episodes: 2 per site, split 1 + 1 in the mix.
    expect(explored!.episodesPerSite).toEqual({ explored: 2, teacher: 0 });
    expect(teacher!.episodesPerSite).toEqual({ explored: 0, teacher: 2 });
    expect(mix!.episodesPerSite).toEqual({ explored: 1, teacher: 1 });
    expect([explored!.episodes, teacher!.episodes, mix!.episodes]).toEqual([2, 2, 2]);
    for (const r of first.rows) {
      expect(r.runs.length).toBe(1);
      expect([r.inDomain.episodes, r.heldOut.episodes]).toEqual([1, 1]);
    }
    expect(events.filter((e) => e.type === 'exploration').length).toBe(2);
    for (const name of ['explored-seed1', 'explored-teacher-seed1']) expect(existsSync(join(out, 'models', name, 'model.json'))).toBe(true);
    expect(readFileSync(join(out, 'explore-ablation.md'), 'utf8')).toContain('| student: half explored + half teacher | 1 + 1 |');

    const again: ExploreAblationEvent[] = [];
    const second = await runExploreAblation({ dir: out, config, parallel: 2, onEvent: (e) => again.push(e) });
    expect(again.filter((e) => e.type === 'episode' || e.type === 'epoch' || e.type === 'exploration')).toEqual([]);
    expect(second).toEqual(first);
  }, 400_000);

  it('reuses another ablation only when its design is the same and its teacher stage is done', async () => {
    const teacherDir = join(out, 'teacher');
    const other = { ...config, teacherFrom: teacherDir, base: { ...base, seeds: [1, 2] } };
    await expect(runExploreAblation({ dir: join(dir, 'other'), config: other, parallel: 2 })).rejects.toThrow(/another design \(seeds: \[1\], asked \[1,2\]\)/);
    const unfinished = join(dir, 'unfinished');
    mkdirSync(unfinished, { recursive: true });
    writeFileSync(join(unfinished, 'config.json'), JSON.stringify(base));
    const events: AblationEvent[] = [];
    await expect(runExploreAblation({ dir: join(dir, 'other2'), config: { ...config, teacherFrom: unfinished }, parallel: 2, onEvent: (e) => events.push(e as AblationEvent) })).rejects.toThrow(InvalidInputError);
    expect(events).toEqual([]);
  });
});
