import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteById } from '../../src/sites/registry.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { loadTasks, parseTaskLines, writeTasks } from '../../src/tasks/task-file.js';
import { taskSignature } from '../../src/tasks/task-signature.js';
import { testWorld } from '../helpers/test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-tasks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const world = testWorld();
const sample = () => generateTasks({ sites: [siteById('skyhop')], count: 3, seed: 7, split: 'test', world });

describe('task files', () => {
  it('round-trip through JSONL and load feasible against the world', () => {
    const tasks = sample();
    const path = join(dir, 'ok.jsonl');
    writeTasks(path, tasks);
    expect(loadTasks(path, { world })).toEqual(tasks);
  });

  it('reject malformed JSON with the line number', () => {
    const good = JSON.stringify(sample()[0]);
    expect(() => parseTaskLines(`${good}\n{"oops": \n`, 'f.jsonl')).toThrow(/f\.jsonl:2: not valid JSON/);
  });

  it('reject an unknown schema version with the line number and the reason', () => {
    const t = { ...sample()[0], schemaVersion: 99 };
    expect(() => parseTaskLines(`\n${JSON.stringify(t)}`, 'f.jsonl')).toThrow(/f\.jsonl:2: unknown task schema version 99/);
  });

  it('refuse schema-1 tasks (bookingarena-v0 revision 1) saying why their scores are not comparable', () => {
    const t = { ...sample()[0], schemaVersion: 1 };
    expect(() => parseTaskLines(JSON.stringify(t), 'old.jsonl')).toThrow(/old\.jsonl:1: task schema version 1 is no longer read: .*price bounds check what is paid.*not comparable/);
  });

  it('reject a task that does not fit the schema, naming the field', () => {
    const t = sample()[0]!;
    const bad = { ...t, constraints: [{ ...t.constraints[0], kind: 'fuzzy' }, t.constraints[1]] };
    expect(() => parseTaskLines(JSON.stringify(bad), 'f.jsonl')).toThrow(/f\.jsonl:1: constraints\.0\.kind/);
  });

  it('reject duplicate ids', () => {
    const t = JSON.stringify(sample()[0]);
    expect(() => parseTaskLines(`${t}\n${t}`, 'f.jsonl')).toThrow(/duplicate task id/);
  });

  it('reject at load time a task no inventory option can satisfy', () => {
    const t = sample()[0]!;
    const c0 = t.constraints.find((c) => c.kind === 'exact')!;
    const impossible = { ...t, constraints: t.constraints.map((c) => (c === c0 ? { ...c, value: 'Atlantis' } : c)) };
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, `${JSON.stringify(impossible)}\n`);
    expect(() => loadTasks(path)).not.toThrow();
    expect(() => loadTasks(path, { world })).toThrow(/infeasible: booking the target leaves constraints unmet/);
    const gone = { ...t, target: { ...t.target, listingId: 'fl-NOPE' } };
    writeFileSync(path, `${JSON.stringify(gone)}\n`);
    expect(() => loadTasks(path, { world })).toThrow(/does not exist/);
  });

  it('reject a missing file with a hint', () => {
    expect(() => loadTasks(join(dir, 'missing.jsonl'))).toThrow(/no task file or suite/);
  });
});

describe('train and dev never coincide with test', () => {
  it('the exclusion check removes tasks that would coincide (and they would without it)', () => {
    const test = sample();
    const sigs = new Set(test.map(taskSignature));
    const unguarded = generateTasks({ sites: [siteById('skyhop')], count: 3, seed: 7, split: 'train', world });
    expect(unguarded.some((t) => sigs.has(taskSignature(t)))).toBe(true);
    const guarded = generateTasks({ sites: [siteById('skyhop')], count: 3, seed: 7, split: 'train', world, exclude: sigs });
    expect(guarded.some((t) => sigs.has(taskSignature(t)))).toBe(false);
    expect(guarded).toHaveLength(3);
  });
});
