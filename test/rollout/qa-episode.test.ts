import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/agents/policy.js';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { QaTask } from '../../src/core/schemas/task.js';
import { buildKnowledgeGraph, knowledgeOrigins } from '../../src/knowledge/index.js';
import { runEpisode } from '../../src/rollout/run-episode.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import { generateQaTasks } from '../../src/tasks/qa/generate-qa.js';
import { sharedBrowser } from '../helpers/browser.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * A question runs as an episode like a booking task: it starts on the search engine, the agent
 * browses to the guide, and its reply (stop's answer or send_msg_to_user's text) is what the
 * evaluator grades, step by step and at the end, in the trajectory's CSR and SR.
 */
const getServer = useTestServer({ browser: true, origins: knowledgeOrigins() });
const g = buildKnowledgeGraph(testWorld());
const [task] = generateQaTasks({ graph: g, method: 'e2h', count: 1, seed: 2, worldVersion: 2, split: 'test', level: 2 }).tasks as [QaTask];

/** Opens the answer's proof page on the guide, says a first guess, then stops with `final`. */
function answering(final: string): Policy {
  let step = 0;
  return {
    name: 'answering',
    act: async () => {
      step++;
      if (step === 1) return { action: `goto("${getServer().origin('guide')}${task.qa.proof[0]!.path}")`, thought: 'open the article' };
      if (step === 2) return { action: `send_msg_to_user("not sure yet")`, thought: 'a first guess' };
      return { action: `stop(${JSON.stringify(final)})`, thought: 'answer' };
    },
  };
}

const answerText = (): string => {
  const a = task.constraints[0]!.answer;
  return a.type === 'set' ? a.members.map((m) => m.value).join(', ') : String(a.value);
};

describe('a question as an episode', () => {
  it('the right reply succeeds without a booking; the guide is reachable from the search engine start', async () => {
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()) });
    try {
      const t = await runEpisode({ env, policy: answering(answerText()), task, episodeId: 'qa-right', episodeSeed: 1, maxSteps: 5 });
      expect(t.steps.map((s) => s.error)).toEqual([null, null, null]);
      expect(t.steps[0]!.url.startsWith(getServer().origin('search'))).toBe(true);
      expect(t.end).toMatchObject({ status: 'stopped', answer: answerText(), evaluation: { sr: true, csr: 1, curve: [0, 0, 1] } });
      expect(t.steps.at(-1)!.state!.replies!.map((r) => r.text)).toEqual(['not sure yet', answerText()]);
    } finally {
      await env.close();
    }
  }, 120_000);

  it('a wrong reply fails with the reply as evidence', async () => {
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()) });
    try {
      const t = await runEpisode({ env, policy: answering('Atlantis'), task, episodeId: 'qa-wrong', episodeSeed: 1, maxSteps: 5 });
      expect(t.end.evaluation).toMatchObject({ sr: false, csr: 0 });
      expect(t.end.evaluation.verdicts[0]!.evidence).toMatchObject({ source: 'reply', observed: { reply: 'Atlantis' } });
    } finally {
      await env.close();
    }
  }, 120_000);
});
