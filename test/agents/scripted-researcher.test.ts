import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { QaTask } from '../../src/core/schemas/task.js';
import { buildKnowledgeGraph, knowledgeOrigins } from '../../src/knowledge/index.js';
import { runEpisode } from '../../src/rollout/run-episode.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import { generateQaTasks } from '../../src/tasks/qa/generate-qa.js';
import { sharedBrowser } from '../helpers/browser.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The scripted researcher in real Chromium: starting on the search engine, it reaches every
 * proof page of a question through the UI (search box or search address, a result, a link) and
 * answers exactly at noise 0. `--agent scripted` picks it for questions.
 */
const getServer = useTestServer({ browser: true, origins: knowledgeOrigins() });
const world = testWorld();
const g = buildKnowledgeGraph(world);
const tasks = [
  ...generateQaTasks({ graph: g, method: 'kg', count: 1, seed: 31, worldVersion: 2, split: 'test', level: 1 }).tasks,
  ...generateQaTasks({ graph: g, method: 'e2h', count: 1, seed: 31, worldVersion: 2, split: 'test', level: 2 }).tasks,
] as QaTask[];

describe('the scripted researcher', () => {
  it('has questions of both methods to answer', () => {
    expect(tasks.map((t) => t.qa.method)).toEqual(['kg', 'e2h']);
  });
  for (const [i, label] of [[0, 'kg level 1'], [1, 'e2h level 2']] as const) {
    it(`answers a ${label} question at noise 0 after visiting every proof page`, async () => {
      const task = tasks[i]!;
      const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()) });
      try {
        const policy = agentFactory('scripted', { world, noise: 0 })();
        const t = await runEpisode({ env, policy, task, episodeId: `researcher-${i}`, episodeSeed: 1, maxSteps: 30 });
        expect(t.end).toMatchObject({ status: 'stopped', evaluation: { sr: true, csr: 1 } });
        const seen = new Set(t.steps.map((s) => new URL(s.url)).filter((u) => u.hostname.startsWith('guide.')).map((u) => u.pathname));
        for (const p of task.qa.proof) expect(seen.has(p.path), p.path).toBe(true);
        expect(t.steps[0]!.action).toMatch(/^fill\(/); // it types into the search engine's box
      } finally {
        await env.close();
      }
    }, 600_000);
  }
});
