import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trajectory } from '../../src/core/schemas/trajectory.js';
import { runDagger, type DaggerConfig, type DaggerEvent } from '../../src/rl/dagger.js';
import { trainingTasks } from '../../src/rl/training-tasks.js';
import { statesFromRows } from '../../src/student/dataset.js';
import { loadStudent, saveStudent } from '../../src/student/save-load.js';
import { trainStudent } from '../../src/student/train.js';
import { syntheticRows } from '../student/synthetic.js';

// DAgger in real Chromium on one training task: the states labelled are the ones the acting
// policy reached, the labels are the scripted teacher's (noise 0), the aggregate grows by them,
// and a killed round reruns to the same states.
const root = mkdtempSync(join(tmpdir(), 'wf-dagger-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tasks = trainingTasks({ sites: ['wheelo'], perSite: 1, seed: 5, worldSeed: 1 });
const rows = syntheticRows(6);
const base: DaggerConfig = { schemaVersion: 1, rounds: 1, beta: 0, seed: 3, worldSeed: 1, maxSteps: 8, epochs: 1, hidden: 8 };

beforeAll(async () => {
  // A deliberately weak student (synthetic flight pages, 2 epochs): it disagrees with the teacher.
  const { model } = await trainStudent(rows, { epochs: 2, seed: 1, hidden: 8, valFraction: 0 });
  saveStudent(join(root, 'init'), model);
}, 120_000);

type Stored = { url: string; history: string[]; action: string };
const stored = (dir: string): Stored[] =>
  readFileSync(join(dir, 'rounds', '1', 'states.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Stored);
const key = (url: string, history: readonly string[]) => `${url} | ${history.join(' ; ')}`;
const stepsOf = (t: Trajectory) => t.steps.map((s, i) => ({ url: s.url, history: t.steps.slice(0, i).map((p) => p.action), action: s.action }));

describe('DAgger in real Chromium', () => {
  it('with beta 1 the teacher acts: every executed action is the label stored for that page, and the task is solved', async () => {
    const dir = join(root, 'beta1');
    const episodes: Trajectory[] = [];
    const r = await runDagger({ dir, config: { ...base, beta: 1, maxSteps: 40 }, init: join(root, 'init'), rows, tasks, parallel: 1, resume: false, onEvent: (e: DaggerEvent) => e.type === 'episode' && episodes.push(e.trajectory) });
    expect(episodes).toHaveLength(1);
    expect(r.rounds[0]!.sr).toBe(1);
    // The weak student would have done otherwise on some page.
    expect(r.rounds[0]!.disagreement).toBeGreaterThan(0);
    const labels = new Map(stored(dir).map((s) => [key(s.url, s.history), s.action]));
    const steps = stepsOf(episodes[0]!);
    expect(labels.size).toBe(steps.length);
    for (const s of steps) expect(labels.get(key(s.url, s.history)), key(s.url, s.history)).toBe(s.action);
  }, 600_000);

  it('with beta 0 the student acts and every page it reached is labelled; the aggregate grows by them; a killed round reruns to the same states', async () => {
    const dir = join(root, 'beta0');
    const episodes: Trajectory[] = [];
    const r = await runDagger({ dir, config: base, init: join(root, 'init'), rows, tasks, parallel: 1, resume: false, onEvent: (e: DaggerEvent) => e.type === 'episode' && episodes.push(e.trajectory) });
    const round = r.rounds[0]!;
    const steps = stepsOf(episodes[0]!);
    const states = stored(dir);
    // Stored at the sites' canonical origins like the trajectory (not the port this run's server found).
    expect(states.every((s) => s.url.startsWith('http://wheelo.localhost:8080/'))).toBe(true);
    // One labelled state per decision of the student, on exactly the pages it reached.
    expect(round.newStates).toBe(steps.length);
    expect(states.map((s) => key(s.url, s.history)).sort()).toEqual(steps.map((s) => key(s.url, s.history)).sort());
    expect(round.aggregate).toBe(statesFromRows(rows).states.length + steps.length);
    expect(loadStudent(join(dir, 'rounds', '1', 'model')).training).toMatchObject({ dagger: { round: 1, beta: 0, aggregate: round.aggregate } });
    const written = readFileSync(join(dir, 'rounds', '1', 'states.jsonl'), 'utf8');

    // A kill before the round's model was saved: the round runs again, to the same states.
    rmSync(join(dir, 'rounds', '1', 'model'), { recursive: true });
    await expect(runDagger({ dir, config: base, init: join(root, 'init'), rows, tasks, parallel: 1, resume: false })).rejects.toThrow(/already holds a DAgger run/);
    const again = await runDagger({ dir, config: base, init: join(root, 'init'), rows, tasks, parallel: 1, resume: true });
    expect(again.rounds[0]!.newStates).toBe(round.newStates);
    expect(readFileSync(join(dir, 'rounds', '1', 'states.jsonl'), 'utf8')).toBe(written);
  }, 600_000);
});
