import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetRow } from '../../src/core/schemas/dataset.js';
import { emptySiteState } from '../../src/core/schemas/episode-state.js';
import { createProvider } from '../../src/models/create-provider.js';
import type { ModelProvider } from '../../src/models/provider.js';
import { exploreRun, NO_SUMMARY_MODEL } from '../../src/pipeline/explore/explore-run.js';
import type { ExploreResult } from '../../src/pipeline/explore/explore-episode.js';
import { observationDiff, SUMMARY_UNAVAILABLE, summarizeWithModel, summaryPrompt } from '../../src/pipeline/explore/llm-summaries.js';
import { llmLabeler } from '../../src/pipeline/explore/llm-labeler.js';
import { NO_MODEL_PROBLEM, resolveSummaryMode, stepSummarizer } from '../../src/pipeline/explore/summarizers.js';
import type { ExploreStep } from '../../src/pipeline/explore/types.js';
import { Rng } from '../../src/core/rng.js';
import { loadArenaWorld, siteById } from '../../src/sites/registry.js';
import { bookedState, buildTarget } from '../../src/tasks/target.js';
import { RunStore } from '../../src/pipeline/run-store.js';
import { EpisodeDetail, EpisodePage } from '../../src/viewer/api/schema.js';
import { startViewer } from '../../src/viewer/start-viewer.js';
import { completion } from '../models/scripted-server.js';

/**
 * LLM state-change summaries (`explore --summaries llm`) against a local OpenAI-compatible
 * server this file scripts: each reply is chosen from the request (the summarizer's first ask,
 * its corrective retry, or the exploration's other prompts), so one server serves every test.
 */

type Chat = { messages: { role: string; content: string }[] };
let reply: (body: Chat) => { status?: number; content: string } = () => ({ content: '{}' });
const requests: Chat[] = [];
let server: Server;
let baseUrl = '';
const root = mkdtempSync(join(tmpdir(), 'wf-explore-summaries-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Chat;
      requests.push(body);
      const r = reply(body);
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(r.status && r.status >= 400 ? { error: { message: r.content } } : completion({ content: r.content })));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  process.env.WF_SUMMARY_TEST_KEY = 'sk-test';
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

const provider = (): ModelProvider => createProvider({ provider: 'openai', model: 'summarizer', baseUrl, apiKeyEnv: 'WF_SUMMARY_TEST_KEY', timeoutMs: 60_000, concurrency: 1, maxRetries: 0, cacheDir: false });
const isRetry = (b: Chat) => b.messages.some((m) => m.role === 'user' && m.content.includes('could not be used'));
const userTurn = (b: Chat) => b.messages.find((m) => m.role === 'user')!.content;

const page = (url: string, title: string, axtree: string) => ({ url, title, axtree });

describe('the model summarizer, on its own', () => {
  it('sends the action and the lines that went and came (bids left out), within the budget', () => {
    const before = page('http://s/', 'Home', '[1] heading "Find a stay"\n[2] textbox "Where" value="Porto"\n[3] button "Search"');
    const after = page('http://s/results', 'Results', '[7] heading "4 stays in Porto"\n[8] link "Casa Azul"\n[9] button "Search"');
    expect(observationDiff(before.axtree, after.axtree)).toEqual({ removed: ['heading "Find a stay"', 'textbox "Where" value="Porto"'], added: ['heading "4 stays in Porto"', 'link "Casa Azul"'] });
    const prompt = summaryPrompt({ before, after, action: 'click("3")', error: null }, 1000);
    expect(prompt).toContain('Action: click("3")');
    expect(prompt).toContain('Before: http://s/ - Home');
    expect(prompt).toContain('After: http://s/results - Results');
    expect(prompt).toContain('Lines gone from the page (2):\nheading "Find a stay"\ntextbox "Where" value="Porto"');
    expect(prompt).toContain('Lines new on the page (2):\nheading "4 stays in Porto"\nlink "Casa Azul"');
    // A huge page is cut to the budget, saying so.
    const big = page('http://s/results', 'Results', Array.from({ length: 4000 }, (_, i) => `[${i}] link "Stay number ${i}"`).join('\n'));
    const cut = summaryPrompt({ before, after: big, action: 'click("3")', error: null }, 1000);
    expect(cut.length).toBeLessThan(1000 * 3.2 + 600);
    expect(cut).toMatch(/more lines cut to fit/);
  });

  it('a failing model, an empty page change and a missing model never throw: each is recorded', async () => {
    const before = page('http://s/', 'Home', '[1] button "Search"');
    const after = page('http://s/r', 'Results', '[2] link "Casa Azul"');
    reply = () => ({ status: 400, content: 'bad request' });
    const failed = await summarizeWithModel(provider(), { before, after, action: 'click("1")', error: null });
    expect(failed).toMatchObject({ summary: [], source: 'unavailable', problem: expect.stringMatching(/^the summarizer failed: /) });
    // Nothing on the page changed: nothing to ask.
    const n = requests.length;
    expect(await summarizeWithModel(provider(), { before, after: before, action: 'scroll(0, 400)', error: null })).toEqual({ summary: [], source: 'llm' });
    expect(requests.length).toBe(n);
    // auto: per site, exact where its state is readable, the model where not.
    expect([resolveSummaryMode('auto', true), resolveSummaryMode('auto', false), resolveSummaryMode('exact', false), resolveSummaryMode('llm', true)]).toEqual(['exact', 'llm', 'exact', 'llm']);
    const state = { ...emptySiteState('staywell'), viewedListingId: 'L1' };
    expect(await stepSummarizer('exact')({ before, after, action: 'click("1")', error: null, stateBefore: emptySiteState('staywell'), stateAfter: state })).toEqual({ summary: ['Opened listing L1.'], source: 'exact' });
    // No model to ask is recorded, not thrown.
    expect(await stepSummarizer('llm')({ before, after, action: 'click("1")', error: null, stateBefore: null, stateAfter: null })).toEqual({ summary: [], source: 'unavailable', problem: NO_MODEL_PROBLEM });
    reply = () => ({ content: '{"summary": "Opened the results for Porto.", "changed": true}' });
    expect(await stepSummarizer('llm', provider())({ before, after, action: 'click("1")', error: null, stateBefore: null, stateAfter: null })).toEqual({ summary: ['Opened the results for Porto.'], source: 'llm' });
    // A run that must summarize with a model refuses to start without one.
    await expect(exploreRun({ dir: join(root, 'no-model'), sites: ['staywell'], episodes: 1, explorer: 'scripted', seed: 1, worldSeed: 1, noise: 0.3, maxSteps: 8, parallel: 1, resume: false, summaries: 'llm' })).rejects.toThrow(NO_SUMMARY_MODEL);
  });
});

describe('the model labeler, on model summaries', () => {
  it('lists them by step as it lists exact ones, and names a step nobody could summarize', async () => {
    const site = siteById('staywell');
    const { world } = loadArenaWorld(1);
    let t;
    for (let k = 0; !t; k++) {
      const rng = new Rng(`llm-summaries/${k}`);
      t = buildTarget(site, world, site.exampleSearch(world, rng.fork('s')), rng.fork('t'));
    }
    const state = bookedState(t);
    const step = (i: number, summary: string[], source: ExploreStep['summarySource']): ExploreStep => ({ index: i, url: 'http://s/', observation: '', thought: '', action: 'click("1")', parsed: { type: 'click', bid: '1' }, error: null, state, summary, summarySource: source });
    const steps = [step(0, ['Searched for stays in Zurich.'], 'llm'), step(1, [], 'unavailable'), step(2, [], 'llm'), step(3, ['Booked the Twin Room.'], 'llm')];
    reply = () => ({ content: 'no idea' });
    requests.length = 0;
    const c = await llmLabeler(site, world, 'ep', provider())(steps, 4);
    expect(c).toMatchObject({ task: undefined, problem: 'the model gave no instruction twice', passed: false });
    expect(userTurn(requests[0]!)).toBe(`Website: ${site.name}\nState changes:\n1. Searched for stays in Zurich.\n2. (unknown: ${SUMMARY_UNAVAILABLE})\n4. Booked the Twin Room.`);
  });
});

describe('explore --summaries llm in Chromium', () => {
  it("the server's summaries land in the steps and rows; a garbled reply gets one retry, a second garbled one the recorded fallback; no step is lost", async () => {
    // The summarizer's asks are numbered; the 2nd is garbled once (then answered), the 3rd twice.
    let asks = 0;
    const sent = new Map<number, string>();
    reply = (b) => {
      if (!b.messages[0]!.content.includes('log of state changes')) return { content: '{}' };
      if (!isRetry(b)) asks++;
      if (asks === 2) return { content: isRetry(b) ? '{"summary": "Summary 2, after a retry.", "changed": true}' : 'The page changed quite a bit!' };
      if (asks === 3) return { content: isRetry(b) ? '{"summary": ""}' : '{"summary": ' };
      const text = `Model summary ${asks}.`;
      sent.set(asks, text);
      return { content: JSON.stringify({ summary: text, changed: true }) };
    };
    requests.length = 0;
    const results: ExploreResult[] = [];
    const dir = join(root, 'run');
    const store = await exploreRun({ dir, sites: ['staywell'], episodes: 1, explorer: 'scripted', seed: 1, worldSeed: 1, noise: 0.3, maxSteps: 12, parallel: 1, resume: false, summaries: 'llm', summaryModel: provider(), onEpisode: (r) => results.push(r) });
    const rows = store.rows();
    const trajectories = [...store.trajectories()];
    store.close();
    const [r] = results;
    expect(r).toBeDefined();
    // Every step the explorer took is stored, whatever its summary.
    expect(trajectories[0]!.steps.map((s) => s.action)).toEqual(r!.steps.map((s) => s.action));
    expect(r!.steps.length).toBeGreaterThanOrEqual(4);
    expect(r!.steps.every((s) => s.summarySource !== 'exact')).toBe(true);

    // Each step whose page changed was asked about once (a retry aside), in order; the prompt
    // carries its action, where it went and the lines its page gained.
    const firstAsks = requests.filter((b) => b.messages[0]!.content.includes('log of state changes') && !isRetry(b));
    const afterOf = (i: number) => (i + 1 < r!.steps.length ? { url: r!.steps[i + 1]!.url, axtree: r!.steps[i + 1]!.observation } : { url: r!.finalObservation.url, axtree: r!.finalObservation.observation });
    const asked = r!.steps.map((s, i) => ({ s, i })).filter(({ s, i }) => s.url !== afterOf(i).url || s.observation !== afterOf(i).axtree);
    expect(asked.length).toBeGreaterThanOrEqual(3);
    expect(firstAsks.length).toBe(asked.length);
    asked.forEach(({ s, i }, k) => {
      const prompt = userTurn(firstAsks[k]!);
      expect(prompt).toContain(`Action: ${s.action}`);
      expect(prompt).toContain(`Before: ${s.url} - `);
      expect(prompt).toContain(`After: ${afterOf(i).url} - `);
      const { removed, added } = observationDiff(s.observation, afterOf(i).axtree);
      expect(prompt).toContain(`Lines gone from the page (${removed.length}):`);
      expect(prompt).toContain(`Lines new on the page (${added.length}):`);
      if (added.length) expect(prompt).toContain(added[0]);
    });
    // What the server said is what the steps say; steps with an unchanged page have none.
    const stepOfAsk = (n: number) => asked[n - 1]!.s;
    for (const [n, text] of sent) expect(stepOfAsk(n)).toMatchObject({ summary: [text], summarySource: 'llm' });
    expect(stepOfAsk(2)).toMatchObject({ summary: ['Summary 2, after a retry.'], summarySource: 'llm' });
    expect(stepOfAsk(3)).toMatchObject({ summary: [], summarySource: 'unavailable', summaryProblem: 'the summarizer gave no usable reply twice' });
    expect(requests.filter(isRetry)).toHaveLength(2);
    for (const { s } of r!.steps.map((s, i) => ({ s, i })).filter((x) => !asked.some((a) => a.i === x.i))) expect(s.summary).toEqual([]);

    // The rows carry each step's summary and its source, the fallback spelled out.
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(DatasetRow.safeParse(row).success).toBe(true);
      const e = row.provenance.exploration!;
      expect(e.stepSummaries).toHaveLength(e.pruneDepth);
      e.stepSummaries!.forEach((x, i) => {
        const s = r!.steps[i]!;
        expect(x.step).toBe(s.index);
        expect(x.source).toBe(s.summarySource);
        expect(x.summary).toEqual(s.summarySource === 'unavailable' ? [SUMMARY_UNAVAILABLE] : s.summary);
      });
      expect(e.summaries).toEqual(r!.steps.slice(0, e.pruneDepth).flatMap((s) => s.summary));
    }
    const deepest = rows.reduce((a, b) => (b.provenance.exploration!.pruneDepth > a.provenance.exploration!.pruneDepth ? b : a));
    const sources = deepest.provenance.exploration!.stepSummaries!.map((x) => x.source);
    expect(sources).toContain('unavailable');
    expect(deepest.provenance.exploration!.summaries).toContain('Summary 2, after a retry.');
  }, 600_000);

  it("the viewer shows the exploration as explored, with each step's summary and who wrote it (uses the run above)", async () => {
    const dir = join(root, 'run');
    const store = RunStore.open(dir, { versions: RunStore.versions() });
    const rows = store.rows();
    const episodeId = [...store.trajectories()][0]!.header.episodeId;
    store.close();
    const deepest = rows.reduce((a, b) => (b.provenance.exploration!.pruneDepth > a.provenance.exploration!.pruneDepth ? b : a));
    const viewer = await startViewer({ runs: [dir] });
    try {
      const page = EpisodePage.parse(await (await fetch(`${viewer.url}/api/v1/runs/run/episodes?kind=explored`)).json());
      expect(page.episodes.map((e) => e.episodeId)).toEqual([episodeId]);
      const d = EpisodeDetail.parse(await (await fetch(`${viewer.url}/api/v1/runs/run/episodes/${encodeURIComponent(episodeId)}`)).json());
      expect(d.summary.kind).toBe('explored');
      expect(d.salvage).toMatchObject({ kind: 'explored', cut: deepest.provenance.exploration!.pruneDepth - 1, relabeledInstruction: deepest.task.instruction });
      for (const { step, ...change } of deepest.provenance.exploration!.stepSummaries!) expect(d.steps[step]!.change).toEqual(change);
      const html = await (await fetch(`${viewer.url}/runs/run/episodes/${encodeURIComponent(episodeId)}`)).text();
      expect(html).toContain('Explored: labeled in hindsight');
      expect(html).toContain('Changed (a model, from the page): Model summary 1.');
      expect(html).toContain('Changed: summary unavailable (the summarizer gave no usable reply twice)');
    } finally {
      await viewer.close();
    }
  });

  it('from the CLI: --summaries llm without a model is a clear error before any browser starts', async () => {
    const cli = (args: string[]) => {
      const env = { ...process.env };
      for (const k of ['WEBFOUNDRY_MODEL', 'WEBFOUNDRY_BASE_URL', 'WEBFOUNDRY_PROVIDER']) delete env[k];
      const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/webfoundry.mjs'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      return new Promise<{ code: number | null; out: string }>((resolve) => child.on('close', (code) => resolve({ code, out })));
    };
    const missing = await cli(['explore', '--sites', 'staywell', '--episodes', '1', '--out', join(root, 'cli-run'), '--summaries', 'llm']);
    expect(missing.code).not.toBe(0);
    expect(missing.out).toContain(NO_SUMMARY_MODEL);
  }, 300_000);
});
