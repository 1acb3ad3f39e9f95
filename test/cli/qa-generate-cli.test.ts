import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from '../../src/knowledge/index.js';
import { loadArenaWorld } from '../../src/sites/registry.js';
import { loadTasks } from '../../src/tasks/task-file.js';
import { isQaTask } from '../../src/core/schemas/task.js';
import { startArticleServer } from '../helpers/article-server.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const root = mkdtempSync(join(tmpdir(), 'wf-qa-cli-'));
const cli = (args: string[]) => run(process.execPath, [BIN, ...args], { maxBuffer: 16 << 20 });
let guide: Awaited<ReturnType<typeof startArticleServer>>;
beforeAll(async () => {
  guide = await startArticleServer(buildKnowledgeGraph(loadArenaWorld(1).world));
});
afterAll(async () => {
  await guide.close();
  rmSync(root, { recursive: true, force: true });
});

describe('webfoundry tasks generate --kind qa', () => {
  it('kg and e2h write questions that `tasks check` proves again; --json reports the batch', async () => {
    const kg = join(root, 'kg.jsonl');
    const out = JSON.parse((await cli(['tasks', 'generate', '--kind', 'qa', '--method', 'kg', '--count', '6', '--seed', '4', '--out', kg, '--json'])).stdout);
    expect(out).toMatchObject({ method: 'kg', questions: 6, levels: { 1: 2, 2: 2, 3: 2 } });
    const tasks = loadTasks(kg);
    expect(tasks.every((t) => 'kind' in t && t.kind === 'qa')).toBe(true);
    const e2h = join(root, 'e2h.jsonl');
    await cli(['tasks', 'generate', '--kind', 'qa', '--method', 'e2h', '--rounds', '2', '--count', '4', '--out', e2h]);
    for (const f of [kg, e2h]) expect(JSON.parse((await cli(['tasks', 'check', f, '--json'])).stdout)).toMatchObject({ feasible: true });
  }, 900_000);

  it('crawl crawls a guide over HTTP (--origin) and asks only about what it reached', async () => {
    const f = join(root, 'crawl.jsonl');
    const out = JSON.parse((await cli(['tasks', 'generate', '--kind', 'qa', '--method', 'crawl', '--origin', guide.origin, '--max-pages', '300', '--count', '5', '--out', f, '--json'])).stdout);
    expect(out).toMatchObject({ method: 'crawl', questions: 5, crawledPages: 300 });
    expect(readFileSync(f, 'utf8').trim().split('\n')).toHaveLength(5);
  }, 900_000);

  it('a wrong method or level is a clear error, and a tampered answer fails the check', async () => {
    const bad = await cli(['tasks', 'generate', '--kind', 'qa', '--method', 'wiki', '--count', '1', '--out', join(root, 'x.jsonl')]).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { stderr: string }).stderr).toMatch(/--method must be crawl, e2h, kg or cross/);
    const parts = await cli(['tasks', 'generate', '--kind', 'qa', '--method', 'cross', '--parts', '2', '--count', '1', '--out', join(root, 'x.jsonl')]).catch((e: { code: number; stderr: string }) => e);
    expect((parts as { stderr: string }).stderr).toMatch(/--parts is for --method kg or e2h/);
    const lvl = await cli(['tasks', 'generate', '--kind', 'qa', '--method', 'kg', '--level', '4', '--count', '1', '--out', join(root, 'x.jsonl')]).catch((e: { code: number; stderr: string }) => e);
    expect((lvl as { stderr: string }).stderr).toMatch(/--level must be 1, 2 or 3/);
    const kg = join(root, 'kg.jsonl');
    const lines = readFileSync(kg, 'utf8').trim().split('\n');
    const t = JSON.parse(lines[0]!);
    t.constraints[0].answer = { type: 'number', value: -1 };
    const tampered = join(root, 'tampered.jsonl');
    (await import('node:fs')).writeFileSync(tampered, `${JSON.stringify(t)}\n`);
    const err = await cli(['tasks', 'check', tampered]).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).not.toBe(0);
    expect((err as { stderr: string }).stderr).toMatch(/infeasible: the world's answer is/);
  }, 900_000);

  it('cross makes flight questions that `tasks check` proves again from the world; --walk-parts asks another entity of the walk', async () => {
    const cross = join(root, 'cross.jsonl');
    const out = JSON.parse((await cli(['tasks', 'generate', '--kind', 'qa', '--method', 'cross', '--count', '8', '--seed', '2', '--out', cross, '--json'])).stdout);
    expect(out).toMatchObject({ method: 'cross', questions: 8, recheckFailed: 0 });
    const tasks = loadTasks(cross);
    expect(tasks.filter(isQaTask).some((t) => t.qa.query.ask.kind === 'results-fact')).toBe(true);
    expect((await cli(['tasks', 'check', cross])).stdout).toMatch(/8 tasks: valid and feasible/);
    const kgw = join(root, 'kgw.jsonl');
    expect(JSON.parse((await cli(['tasks', 'generate', '--kind', 'qa', '--method', 'kg', '--parts', '2', '--walk-parts', '--count', '3', '--out', kgw, '--json'])).stdout)).toMatchObject({ questions: 3, parts: 2, walkParts: true });
    const one = await cli(['tasks', 'generate', '--kind', 'qa', '--method', 'kg', '--walk-parts', '--count', '1', '--out', join(root, 'y.jsonl')]).catch((e: { code: number; stderr: string }) => e);
    expect((one as { stderr: string }).stderr).toMatch(/--walk-parts needs --parts 2 or more/);
  }, 300_000);
});
