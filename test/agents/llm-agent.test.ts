import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { LlmAgent } from '../../src/agents/llm/index.js';
import { agentFactory, agentInfo } from '../../src/agents/make-agent.js';
import type { PastStep, PolicyInput } from '../../src/agents/policy.js';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import { OBSERVATION_SCHEMA_VERSION, type Observation } from '../../src/core/schemas/observation.js';
import { TrajectoryLine } from '../../src/core/schemas/trajectory.js';
import { resolveProviderConfig } from '../../src/models/config.js';
import type { ChatRequest, ChatResponse, ModelProvider } from '../../src/models/provider.js';
import { runEpisode } from '../../src/rollout/run-episode.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import { loadTasks } from '../../src/tasks/task-file.js';
import { sharedBrowser } from '../helpers/browser.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';
import { fakeObservation as observation } from '../helpers/fake-observation.js';

const task = loadTasks('bookingarena-v0', { world: testWorld() }).find((t) => t.site === 'skyhop')!;

type Scripted = Partial<Omit<ChatResponse, 'usage'>> & { inputTokens?: number };

/** A provider that answers from a script, one reply per call, and keeps every request. */
function fakeProvider(script: Scripted[]): ModelProvider & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    name: 'fake',
    model: 'fake-1',
    requests,
    chat: async (request) => {
      requests.push(structuredClone(request));
      const next = script.shift();
      if (!next) throw new Error('the script ran out of replies');
      const { inputTokens = 100, ...rest } = next;
      return { content: '', toolCalls: [], model: 'fake-1', usage: { inputTokens, outputTokens: 10, costUsd: 0.001, cached: false }, ...rest };
    },
  };
}


const input = (over: Partial<PolicyInput> = {}): PolicyInput => ({ task, observation: observation(), history: [], ...over });
const userText = (r: ChatRequest) => r.messages.find((m) => m.role === 'user')!.content;

describe('LlmAgent', () => {
  it('prompts with system, task, observation and format; a normal reply gives the action and the thought', async () => {
    const p = fakeProvider([{ content: "Thought: the cookie banner is in the way.\nAction: click('13')" }]);
    const agent = new LlmAgent(p);
    agent.begin(task, 1);
    const d = await agent.act(input());
    expect(d).toEqual({ action: 'click("13")', thought: 'the cookie banner is in the way.', usage: { inputTokens: 100, outputTokens: 10, costUsd: 0.001, cached: false } });
    const [system, user] = p.requests[0]!.messages;
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('select_option(');
    expect(system!.content).toMatch(/Thought: .*\nAction: /);
    expect(user!.content).toContain(task.instruction);
    expect(user!.content).toContain('[13] button "Accept cookies"');
    expect(user!.content).toContain('URL: http://skyhop.localhost:1/');
    // The format reminder comes last.
    expect(user!.content.trimEnd().endsWith('Action: <exactly one action, e.g. click("12")>')).toBe(true);
    expect(p.requests[0]!.tools).toBeUndefined();
  });

  it('a garbled reply gets one corrective retry quoting the parse error; usage sums both calls', async () => {
    const p = fakeProvider([{ content: "Thought: search.\nAction: clik('12')" }, { content: 'Action: click("12")', inputTokens: 150 }]);
    const d = await new LlmAgent(p).act(input());
    expect(d.action).toBe('click("12")');
    expect(d.thought).toBe('search.');
    expect(d.giveUp).toBeUndefined();
    expect(d.usage).toEqual({ inputTokens: 250, outputTokens: 20, costUsd: 0.002, cached: false });
    const retry = p.requests[1]!.messages;
    expect(retry.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[2]!.content).toContain("clik('12')");
    expect(retry[3]!.content).toMatch(/clik/);
    expect(retry[3]!.content).toContain('Action: <exactly one action');
  });

  it('still invalid after the retry: the raw text is the action (an error step); three such decisions in a row give up', async () => {
    const p = fakeProvider(Array.from({ length: 6 }, (_, i) => ({ content: `I am not sure what to do (${i})` })));
    const agent = new LlmAgent(p);
    agent.begin(task, 1);
    const d1 = await agent.act(input());
    expect(d1.action).toBe('I am not sure what to do (1)');
    expect(d1.giveUp).toBeUndefined();
    expect(d1.usage?.inputTokens).toBe(200);
    const d2 = await agent.act(input());
    expect(d2.giveUp).toBeUndefined();
    const d3 = await agent.act(input());
    expect(d3.giveUp).toMatch(/3 replies in a row without a valid action/);
    expect(p.requests).toHaveLength(6);
  });

  it('a valid action resets the parse-failure count', async () => {
    const p = fakeProvider([{ content: 'x' }, { content: 'y' }, { content: 'x' }, { content: 'y' }, { content: 'Action: click("12")' }, { content: 'x' }, { content: 'y' }]);
    const agent = new LlmAgent(p);
    for (let i = 0; i < 4; i++) expect((await agent.act(input())).giveUp).toBeUndefined();
  });

  it('the same action three times in a row gives up (spelling does not matter)', async () => {
    const p = fakeProvider([{ content: "Action: click('12')" }, { content: 'Action: click("12")' }, { content: 'Action: click( "12" )' }]);
    const agent = new LlmAgent(p);
    expect((await agent.act(input())).giveUp).toBeUndefined();
    expect((await agent.act(input())).giveUp).toBeUndefined();
    const d3 = await agent.act(input());
    expect(d3.action).toBe('click("12")');
    expect(d3.giveUp).toMatch(/same action click\("12"\) 3 times/);
  });

  it('a different action in between breaks the streak', async () => {
    const p = fakeProvider([{ content: 'Action: click("12")' }, { content: 'Action: click("12")' }, { content: 'Action: click("13")' }, { content: 'Action: click("12")' }]);
    const agent = new LlmAgent(p);
    for (let i = 0; i < 4; i++) expect((await agent.act(input())).giveUp).toBeUndefined();
  });

  it("a reasoning model's separate reasoning becomes the thought, before the visible one", async () => {
    const p = fakeProvider([{ reasoning: 'The banner covers the form; accept it first.', content: 'Action: click("13")' }]);
    const d = await new LlmAgent(p).act(input());
    expect(d).toMatchObject({ action: 'click("13")', thought: 'The banner covers the form; accept it first.' });
    const q = fakeProvider([{ reasoning: 'Long hidden reasoning.', content: 'Thought: accept cookies.\nAction: click("13")' }]);
    expect((await new LlmAgent(q).act(input())).thought).toBe('Long hidden reasoning.\n\naccept cookies.');
  });

  it('tool-call mode: one tool per action type; the call becomes the canonical action string', async () => {
    const p = fakeProvider([{ content: 'Type the destination.', toolCalls: [{ id: 'c1', name: 'fill', arguments: { bid: '5', text: 'Lisbon', pressEnter: true } }] }]);
    const d = await new LlmAgent(p, { toolCalls: true }).act(input());
    expect(d.action).toBe('fill("5", "Lisbon", press_enter=True)');
    expect(d.thought).toBe('Type the destination.');
    const tools = p.requests[0]!.tools!;
    expect(tools.map((t) => t.name)).toContain('select_option');
    expect(tools.find((t) => t.name === 'click')!.parameters).toMatchObject({ type: 'object', required: ['bid'] });
  });

  it('tool-call mode: an invalid call gets the corrective retry', async () => {
    const p = fakeProvider([
      { content: '', toolCalls: [{ id: 'c1', name: 'click', arguments: {} }] },
      { content: '', toolCalls: [{ id: 'c2', name: 'click', arguments: { bid: '12' } }] },
    ]);
    const d = await new LlmAgent(p, { toolCalls: true }).act(input());
    expect(d.action).toBe('click("12")');
    const retry = p.requests[1]!.messages;
    expect(retry[2]!.content).toContain('[called click with {}]');
    expect(retry[3]!.content).toMatch(/not a valid action: bid/);
  });

  it('history: the last k steps in full, earlier ones as one-line summaries of where they led', async () => {
    const history: PastStep[] = [
      { action: 'click("13")', thought: 'accept cookies', url: 'http://skyhop.localhost:1/', error: null },
      { action: 'fill("5", "Lisbon")', thought: 'destination', url: 'http://skyhop.localhost:1/', error: null },
      { action: 'click("12")', thought: 'search now', url: 'http://skyhop.localhost:1/', error: null },
      { action: 'click("40")', thought: 'cheapest flight', url: 'http://skyhop.localhost:1/search?to=LIS', error: null },
      { action: 'clik("9")', thought: 'choose a fare', url: 'http://skyhop.localhost:1/listing/7', error: 'unknown action clik' },
    ];
    const p = fakeProvider([{ content: 'Action: click("9")' }]);
    await new LlmAgent(p, { historySteps: 2 }).act(input({ history, observation: observation({ url: 'http://skyhop.localhost:1/listing/7' }) }));
    const text = userText(p.requests[0]!);
    expect(text).toContain('step 1: click("13") on /');
    expect(text).toContain('step 3: click("12") on / -> /search?to=LIS');
    expect(text).not.toContain('search now');
    expect(text).toContain('step 4 on /search?to=LIS:\n  Thought: cheapest flight\n  Action: click("40")');
    expect(text).toContain('  Action: clik("9")\n  Error: unknown action clik');
    expect(text).not.toContain('Thought: accept cookies');
  });

  it('the observation is cut to its token budget on a line boundary, with a note', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `[${i}] link "Flight option number ${i}"`);
    const axtree = lines.join('\n');
    const p = fakeProvider([{ content: 'Action: scroll(0, 300)' }]);
    await new LlmAgent(p, { obsBudgetTokens: 500 }).act(input({ observation: observation({ axtree }) }));
    const text = userText(p.requests[0]!);
    const page = text.slice(text.indexOf('Page (accessibility tree'), text.indexOf('# Your reply'));
    const shown = page.split('\n').filter((l) => /^\[\d+\] link/.test(l));
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(400);
    expect(Math.ceil(shown.join('\n').length / 3.2)).toBeLessThanOrEqual(500);
    expect(shown.at(-1)).toBe(lines[shown.length - 1]);
    expect(page).toContain(`${400 - shown.length} more lines cut to fit 500 tokens`);
    // Under budget: the whole tree, no note.
    const q = fakeProvider([{ content: 'Action: scroll(0, 300)' }]);
    await new LlmAgent(q, { obsBudgetTokens: 100_000 }).act(input({ observation: observation({ axtree }) }));
    expect(userText(q.requests[0]!)).toContain(lines.at(-1)!);
    expect(userText(q.requests[0]!)).not.toContain('cut to fit');
  });
});

/** A local OpenAI-compatible server that plays the model: it reads the page in the prompt and answers. */
async function scriptedModelServer(answer: (prompt: string) => { content: string; reasoning_content?: string }) {
  const seen: { authorization: string | undefined; body: { model: string; messages: { role: string; content: string }[] } }[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (body += d));
      req.on('end', () => resolve(body));
    });
  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(await read(req)) as (typeof seen)[number]['body'];
    seen.push({ authorization: req.headers.authorization, body });
    const prompt = body.messages.filter((m) => m.role === 'user').at(-1)!.content;
    const message = { role: 'assistant', ...answer(prompt) };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `c${seen.length}`, model: body.model, choices: [{ index: 0, message, finish_reason: 'stop' }], usage: { prompt_tokens: Math.ceil(prompt.length / 4), completion_tokens: 20 } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('LlmAgent end to end', () => {
  const getServer = useTestServer({ browser: true });

  it('drives a real episode against an OpenAI-compatible server: accepts the cookie banner, then stops; usage is recorded, the key is not', async () => {
    const key = 'sk-e2e-DO-NOT-LEAK-4242';
    process.env.WF_LLM_E2E_KEY = key;
    const model = await scriptedModelServer((prompt) => {
      const banner = /\[(\w+)\] button "Accept all cookies"/.exec(prompt);
      if (banner) return { content: `Thought: a cookie banner covers the page.\nAction: click("${banner[1]}")` };
      return { reasoning_content: 'The banner is gone; nothing else to do in this test.', content: 'Action: stop()' };
    });
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()) });
    try {
      const config = resolveProviderConfig({ flags: { model: 'scripted-model', baseUrl: model.url, apiKeyEnv: 'WF_LLM_E2E_KEY', cacheDir: false, maxRetries: 0 }, env: {} });
      const llm = { config, options: { historySteps: 2 } };
      const policy = agentFactory('llm', { world: testWorld(), llm })();
      const t = await runEpisode({ env, policy, task, episodeId: 'llm-e2e-1', episodeSeed: 1, maxSteps: 6, agentInfo: agentInfo('llm', { llm }) });

      expect(t.header.agent).toEqual({ name: 'llm', model: 'scripted-model' });
      expect(t.end.status).toBe('stopped');
      expect(t.steps.map((s) => s.parsed?.type)).toEqual(['click', 'stop']);
      expect(t.steps[0]!.thought).toBe('a cookie banner covers the page.');
      expect(t.steps[0]!.error).toBeNull();
      expect(t.steps[0]!.observation).toContain('Accept all cookies');
      expect(t.steps[1]!.observation).not.toContain('Accept all cookies');
      expect(t.steps[1]!.thought).toBe('The banner is gone; nothing else to do in this test.');
      for (const s of t.steps) {
        expect(s.usage).toMatchObject({ outputTokens: 20, costUsd: 0, cached: false });
        expect(s.usage!.inputTokens).toBeGreaterThan(0);
        TrajectoryLine.parse(s);
      }
      // The episode's usage is the sum of its steps'.
      expect(t.end.usage).toEqual({
        inputTokens: t.steps.reduce((n, s) => n + s.usage!.inputTokens, 0),
        outputTokens: 40,
        costUsd: 0,
        cachedCalls: 0,
      });
      TrajectoryLine.parse(t.end);
      // The server saw the page and the key; the trajectory holds neither the key nor its use.
      expect(model.seen).toHaveLength(2);
      expect(model.seen[0]!.authorization).toBe(`Bearer ${key}`);
      expect(model.seen[0]!.body.model).toBe('scripted-model');
      expect(model.seen[1]!.body.messages[1]!.content).toContain('step 1 on /');
      expect(JSON.stringify(t)).not.toContain(key);
    } finally {
      delete process.env.WF_LLM_E2E_KEY;
      await env.close();
      await model.close();
    }
  });
});
