import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaTask } from '../../src/core/schemas/task.js';
import { startEnvServer, type EnvServer } from '../../src/env-server/env-server.js';
import { buildKnowledgeGraph, knowledgeOrigins } from '../../src/knowledge/index.js';
import { loadArenaWorld } from '../../src/sites/registry.js';
import { generateQaTasks } from '../../src/tasks/qa/generate-qa.js';
import { writeTasks } from '../../src/tasks/task-file.js';
import { closeBrowser } from '../helpers/browser.js';

/**
 * A Python trainer's view of a question (the env server's HTTP API): the episode starts on the
 * search engine, and the reward of the step that answers is the exact check of the reply.
 */
const dir = mkdtempSync(join(tmpdir(), 'wf-qa-env-'));
let server: EnvServer;
let task: QaTask;

beforeAll(async () => {
  const g = buildKnowledgeGraph(loadArenaWorld(1).world);
  [task] = generateQaTasks({ graph: g, method: 'kg', count: 1, seed: 9, worldVersion: 2, split: 'test', level: 1 }).tasks as [QaTask];
  writeTasks(join(dir, 'qa.jsonl'), [task]);
  server = await startEnvServer({ port: 0, parallel: 1, worldSeed: 1, taskSources: [join(dir, 'qa.jsonl')], questionOrigins: knowledgeOrigins() });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await closeBrowser();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (path: string, body: unknown) => (await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<Record<string, any>>;

describe('questions over the env server', () => {
  it('start on the search engine; stop(answer) ends the episode with the exact reward', async () => {
    const a = task.constraints[0]!.answer;
    const answer = a.type === 'set' ? a.members.map((m) => m.value).join(', ') : String(a.value);
    const created = await post('/v1/episodes', { taskId: task.id, maxSteps: 5 });
    expect(created.observation.url).toContain('search.localhost');
    expect(created.reward).toMatchObject({ csr: 0, success: false, total: 1 });
    const wrong = await post(`/v1/episodes/${created.episodeId}/step`, { action: 'send_msg_to_user("I do not know")' });
    expect(wrong.reward).toMatchObject({ success: false });
    const done = await post(`/v1/episodes/${created.episodeId}/step`, { action: `stop(${JSON.stringify(answer)})` });
    expect(done).toMatchObject({ done: true, reward: { csr: 1, success: true, satisfied: 1 } });
  }, 120_000);

  it('a task of kind "web" (an exploration\'s label) is refused by name', async () => {
    const web = { schemaVersion: 2, kind: 'web', id: 'w1', site: 'web:example.com', startUrl: 'https://example.com/', instruction: 'Find the opening hours.', metadata: { split: 'train', seed: 1 } };
    const r = await post('/v1/episodes', { task: web, maxSteps: 5 });
    expect(JSON.stringify(r)).toContain('task: kind \\"web\\" (an open-web instruction explored from a URL) has no typed constraints');
  }, 60_000);
});
