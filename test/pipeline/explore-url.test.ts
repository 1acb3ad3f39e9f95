import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerExplore } from '../../src/cli/commands/explore.js';
import { DatasetRow } from '../../src/core/schemas/dataset.js';
import { AnyTask, isWebTask } from '../../src/core/schemas/task.js';
import { createProvider } from '../../src/models/create-provider.js';
import type { ModelProvider } from '../../src/models/provider.js';
import type { ExploreResult } from '../../src/pipeline/explore/explore-episode.js';
import { exploreWebRun, type ExploreWebRunOptions } from '../../src/pipeline/explore/explore-web-run.js';
import { exportWithCard } from '../../src/pipeline/exports/index.js';
import type { ExportFormat } from '../../src/pipeline/exports/types.js';
import { RunStore } from '../../src/pipeline/run-store.js';
import { parseTaskLines } from '../../src/tasks/task-file.js';
import { episodeDetail } from '../../src/viewer/source/episode-detail.js';
import { linesOfAnotherType } from './consumers/hf-datasets.js';
import { sharegptConverterAccepts } from './consumers/llamafactory.js';
import { startForeignLibrary, type ForeignLibrary } from '../helpers/foreign-library.js';
import { INSTRUCTIONS, PLAN, isCorrection, startExploreModel, systemOf, type ExploreModelServer } from '../helpers/scripted-explore-model.js';
import { REASON } from '../../src/pipeline/explore/llm-posthoc.js';
import { RELABEL } from '../../src/pipeline/explore/nnetnav-prompts.js';

/**
 * `explore --url` on a site that is not ours (a library catalogue this test serves, plain HTML
 * and JavaScript) in real Chromium, with a local OpenAI-compatible server this test scripts
 * playing explorer, summarizer, labeler, reward model and reasoner (test/helpers). Explorations
 * run one at a time (the scripted explorer counts its steps per exploration).
 */

let library: ForeignLibrary;
const root = mkdtempSync(join(tmpdir(), 'wf-explore-url-'));
const servers: ExploreModelServer[] = [];

beforeAll(async () => {
  library = await startForeignLibrary();
  process.env.WF_EXPLORE_URL_TEST_KEY = 'sk-test';
});
afterAll(async () => {
  await library.close();
  for (const s of servers) await s.close();
  rmSync(root, { recursive: true, force: true });
});

const provider = (baseUrl: string): ModelProvider => createProvider({ provider: 'openai', model: 'scripted-model', baseUrl, apiKeyEnv: 'WF_EXPLORE_URL_TEST_KEY', timeoutMs: 120_000, concurrency: 1, maxRetries: 0, cacheDir: false });

async function run(model: ExploreModelServer, dir: string, extra: Partial<ExploreWebRunOptions> = {}): Promise<{ store: RunStore; results: ExploreResult[]; errors: string[] }> {
  const p = provider(model.baseUrl);
  const results: ExploreResult[] = [];
  const errors: string[] = [];
  const store = await exploreWebRun({
    dir,
    urls: [`${library.origin}/`],
    episodes: 1,
    models: { explorer: p, summaries: p, labeler: p, reasoning: p },
    seed: 1,
    maxSteps: 16,
    parallel: 1,
    resume: false,
    onEpisode: (r) => (r.ok ? results.push(r.result) : errors.push(r.error)),
    ...extra,
  });
  return { store, results, errors };
}

const explorerAsks = (m: ExploreModelServer) => m.requests.filter((r) => systemOf(r).startsWith('You are a web agent'));

describe('explore --url on a foreign site', () => {
  it('labels, scores, prunes and rewrites with models; actions unchanged; rows export in every format; resume finds it done', async () => {
    // The reward model rejects the 12-step label; the reasoner's first reply for the 4-step prefix is garbled (one retry mends it).
    const model = await startExploreModel({ score: (i) => (i === INSTRUCTIONS[12] ? 2 : 5), garbleReasoning: { steps: 4, times: 1 } });
    servers.push(model);
    const dir = join(root, 'main');
    const { store, results, errors } = await run(model, dir);
    expect(errors).toEqual([]);
    const [r] = results;
    // What the exploration did, said by every assertion on it should one fail.
    const trace = JSON.stringify({ end: r!.end, error: r!.error, steps: r!.steps.map((s) => [s.url, s.action, s.error, s.summarySource, s.summary]), checkpoints: r!.checkpoints.map((c) => [c.depth, c.ormScore, c.problem]) }, null, 1);
    // Pruned at the third prune point: the explorer was asked for exactly 12 steps.
    expect(r!.end, trace).toBe('pruned');
    expect(r!.steps, trace).toHaveLength(12);
    expect(explorerAsks(model)).toHaveLength(12);
    expect(r!.checkpoints.map((c) => [c.depth, c.ormScore, c.passed]), trace).toEqual([[4, 5, true], [8, 5, true], [12, 2, false]]);
    expect(r!.problems, trace).toEqual([]);
    // The explorer really used the site: the library holds its reservation.
    expect(library.reservations).toEqual([{ book: 'hobbit', name: 'Alex Morgan', email: 'alex.morgan@example.com', reference: 'RL-0001' }]);

    const rows = store.rows().sort((a, b) => a.provenance.exploration!.pruneDepth - b.provenance.exploration!.pruneDepth);
    const [trajectory] = [...store.trajectories()];
    store.close();
    expect(rows.map((x) => x.provenance.exploration!.pruneDepth)).toEqual([4, 8]);
    for (const row of rows) {
      expect(DatasetRow.parse(row)).toEqual(row);
      expect(row.kind).toBe('explored');
      const task = row.task;
      expect(isWebTask(task) && task.startUrl).toBe(`${library.origin}/`);
      expect(task.site).toBe(`web:${new URL(library.origin).host}`);
      const e = row.provenance.exploration!;
      expect(task.instruction).toBe(INSTRUCTIONS[e.pruneDepth as 4 | 8]);
      expect(e.ormScore).toBe(5);
      expect(e.startUrl).toBe(`${library.origin}/`);
      expect(e.writers).toEqual({ explorer: 'scripted-model', summaries: 'scripted-model', labeler: 'scripted-model', reasoning: 'scripted-model' });
      expect(e.stepSummaries!.map((s) => s.source)).toEqual(Array(e.pruneDepth).fill('llm'));
      // The scroll changed nothing (identical pages: no model asked) and the reasoner said it was not needed: dropped.
      const kept = Array.from({ length: e.pruneDepth }, (_, i) => i).filter((i) => PLAN[i]![2] !== 'scroll');
      expect(row.steps.map((s) => s.action), trace).toEqual([...kept.map((i) => trajectory!.steps[i]!.action), 'stop("done")']);
      expect(row.steps.slice(0, -1).map((s) => s.thought)).toEqual(kept.map((i) => `Reasoning for step ${i + 1}: ${trajectory!.steps[i]!.action} advances the instruction.`));
      expect(row.steps.at(-1)).toMatchObject({ synthetic: true, parsed: { type: 'stop', answer: 'done' }, thought: 'The instruction is done.' });
    }
    expect(rows[1]!.steps.map((s) => s.action).join(' ')).not.toContain('scroll');
    // The garbled reasoning got exactly one corrective retry.
    const reasoner4 = model.requests.filter((q) => systemOf(q) === REASON && q.messages.some((m) => m.content.includes('Step 4:')) && !q.messages.some((m) => m.content.includes('Step 5:')));
    expect(reasoner4.map(isCorrection)).toEqual([false, true]);
    // The labeler saw the summaries as the web wording of NNetNav's relabel prompt.
    expect(model.requests.some((q) => systemOf(q) === RELABEL.web)).toBe(true);

    // The trainers' formats take the rows (web tasks: no constraints).
    for (const format of ['openai', 'sharegpt', 'trl', 'verl', 'react', 'jsonl'] as ExportFormat[]) {
      for (const per of ['step', 'trajectory'] as const) {
        const out = await exportWithCard(rows, format, { per });
        expect(out.examples, `${format} per ${per}`).toBeGreaterThan(0);
        const data = out.files.filter((f) => f.name.endsWith('.jsonl'));
        // Hugging Face datasets' JSON loader: one Arrow type per column (the formats it loads; see export-consumers.test.ts).
        if (['jsonl', 'sharegpt', 'trl'].includes(format)) for (const f of data) expect(linesOfAnotherType(f.content as string), `${format} ${f.name}`).toEqual([]);
        // The world's fixed today is not the live site's: a web task's prompt states no date.
        if (format === 'openai') expect((data[0]!.content as string).split('\n')[0]).toMatch(/OBJECTIVE: Search the Riverside Library catalogue for tolkien[^]*URL: /);
        if (format === 'openai') expect(data[0]!.content as string).not.toContain('TODAY:');
        if (format === 'openai') expect(data[0]!.content as string).toContain('You operate a web browser to complete a task for a user on a website.');
        if (format === 'sharegpt') for (const f of data) for (const l of (f.content as string).trim().split('\n')) expect(sharegptConverterAccepts((JSON.parse(l) as { conversations: { from: string }[] }).conversations)).toBe(true);
        if (format === 'verl') {
          const rl = out.files.find((f) => f.name === 'webfoundry_verl_rl.parquet')!;
          const bytes = rl.content as Uint8Array;
          const back = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as { reward_model: { style: string; ground_truth: string }; extra_info: Record<string, unknown> }[];
          expect(back).toHaveLength(2);
          expect(back[0]!.reward_model.style).toBe('model');
          expect(JSON.parse(back[0]!.reward_model.ground_truth)).toEqual({ instruction: INSTRUCTIONS[4], startUrl: `${library.origin}/` });
          expect(back[0]!.extra_info).toMatchObject({ difficulty: 'web', world_seed: -1 });
        }
      }
    }
    // The viewer shows the exploration (no constraints to track).
    const detail = episodeDetail({ run: 'main', trajectory: trajectory!, row: rows[1], hasDataset: true, thresholds: undefined, screenshotUrl: () => '', hasScreenshot: () => false, screenshotMarks: false });
    expect(detail.constraints).toEqual([]);
    expect(detail.steps).toHaveLength(12);

    // Resumable: a rerun finds the exploration done and asks no model.
    const asked = model.requests.length;
    let pending = -1;
    const again = await run(model, dir, { resume: true, onStart: (total, done) => (pending = total - done) });
    expect(pending).toBe(0);
    expect(again.store.rows()).toHaveLength(2);
    again.store.close();
    expect(model.requests.length).toBe(asked);
  }, 300_000);

  it('a reply garbled twice is a clear error for its row or its exploration; the rows made before are kept', async () => {
    // The 8-step prefix's reasoning is garbled twice (that row is lost); the labeler is garbled from step 12 (the exploration ends there).
    const model = await startExploreModel({ garbleReasoning: { steps: 8, times: 'always' }, garbleLabelAt: 12 });
    servers.push(model);
    const { store, results } = await run(model, join(root, 'garbled'));
    const [r] = results;
    expect(r!.end).toBe('error');
    expect(r!.error).toMatch(/labeling steps 1-12: the model's reply was not the JSON asked for, twice \(after one corrective retry\); last reply: "Sure! The instruction is probably about books\."/);
    expect(r!.problems).toHaveLength(1);
    expect(r!.problems[0]).toMatch(/^the row of steps 1-8: rewriting the reasoning of steps 1-8 for "Reserve The Hobbit.*": the model's reply was not the JSON asked for, twice/);
    const rows = store.rows();
    const outcomes = store.outcomes();
    store.close();
    expect(rows.map((x) => x.provenance.exploration!.pruneDepth)).toEqual([4]);
    // Finished, not errored: a resume keeps it and its row.
    expect(outcomes.map((o) => o.status)).toEqual(['agent_gave_up']);
    const labelAsks = model.requests.filter((q) => systemOf(q) === RELABEL.web && /^12\. /m.test(q.messages[1]!.content));
    expect(labelAsks.map(isCorrection)).toEqual([false, true]);
  }, 300_000);

  it('an unreachable URL and a page that fails to load are clear errors, stored for a resume, with no browser started', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
    const model = await startExploreModel();
    servers.push(model);
    const { store, results, errors } = await run(model, join(root, 'bad'), { urls: [`http://127.0.0.1:${closed}/`, `${library.origin}/broken`] });
    expect(results).toEqual([]);
    expect(errors).toEqual([`the start page could not be loaded: http://127.0.0.1:${closed}/ is unreachable: ECONNREFUSED`, `the start page could not be loaded: ${library.origin}/broken answered HTTP 500 Internal Server Error`]);
    expect(store.outcomes().map((o) => o.status)).toEqual(['error', 'error']);
    expect(store.doneTaskIds().size).toBe(0);
    store.close();
    expect(model.requests).toEqual([]);
  }, 60_000);

  it('refuses what needs our state, and web tasks where exact evaluation is needed', async () => {
    const url = `${library.origin}/`;
    const cli = async (...args: string[]) => {
      const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
      registerExplore(program);
      return program.parseAsync(['node', 'webfoundry', 'explore', '--episodes', '1', '--out', join(root, 'refused'), ...args]).then(
        () => 'ran',
        (err: Error) => err.message,
      );
    };
    const model = ['--model', 'm', '--base-url', 'http://127.0.0.1:9/v1', '--api-key-env', 'WF_EXPLORE_URL_TEST_KEY'];
    expect(await cli('--url', url, '--sites', 'skyhop', ...model)).toMatch(/--url and --sites cannot be combined/);
    expect(await cli('--url', url, '--explorer', 'scripted', ...model)).toMatch(/--explorer scripted cannot explore a URL: the scripted explorer pursues an intent our task generator draws/);
    expect(await cli('--url', url, '--labeler', 'embedded', ...model)).toMatch(/--labeler embedded cannot label a URL's exploration: it reads the episode state of one of our sites/);
    expect(await cli('--url', url, '--summaries', 'exact', ...model)).toMatch(/--summaries exact cannot summarize a URL's exploration/);
    expect(await cli('--url', url, '--reasoning', 'embedded', ...model)).toMatch(/--reasoning embedded cannot rewrite a URL's exploration: it explains each step by the constraints it met/);
    expect(await cli('--url', url, '--base-url', 'http://127.0.0.1:9/v1')).toMatch(/exploring a URL needs a model/);
    expect(await cli('--url', 'file:///etc/passwd', ...model)).toMatch(/only http and https pages can be explored/);
    const empty = join(root, 'urls.txt');
    writeFileSync(empty, '# nothing yet\n\n');
    expect(await cli('--urls', empty, ...model)).toMatch(/no URL in it/);
    expect(await cli('--sites', 'skyhop', '--allow-origins', 'https://cdn.example.com')).toMatch(/--allow-origins is for --url/);
    // A web task in a task file: run, bench and generate refuse it by its kind.
    const web = AnyTask.parse({ schemaVersion: 2, kind: 'web', id: 'w1', site: 'web:example.com', startUrl: 'https://example.com/', instruction: 'Find the opening hours.', metadata: { split: 'train', seed: 1 } });
    expect(() => parseTaskLines(JSON.stringify(web), 'mine.jsonl')).toThrow(/mine.jsonl:1: task kind "web" \(an open-web instruction explored from a URL\) has no typed constraints: it cannot be run, benchmarked or evaluated exactly/);
  }, 60_000);
});
