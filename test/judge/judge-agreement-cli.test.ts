import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../src/core/schemas/task.js';
import { RunStore } from '../../src/pipeline/run-store.js';
import { task, trajectory } from './fixtures.js';

const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const KEY = 'sk-judge-test-9f8e7d6c5b4a';
const root = mkdtempSync(join(tmpdir(), 'wf-judge-'));
const run = join(root, 'run');

/** A local OpenAI-compatible server that rules every listed constraint satisfied. */
let server: Server;
let baseUrl: string;
const seen: { auth: string | undefined; body: string }[] = [];

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (d: Buffer) => (s += d.toString()));
    req.on('end', () => resolve(s));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await read(req);
    seen.push({ auth: req.headers.authorization, body });
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const { messages } = JSON.parse(body) as { messages: { content: string }[] };
    const ids = [...messages.map((m) => m.content).join('\n').matchAll(/^- id "([^"]+)"/gm)].map((m) => m[1]!);
    const content = `Here you go:\n\`\`\`json\n${JSON.stringify({ verdicts: ids.map((id) => ({ id, satisfied: true, reason: 'the page shows it' })) })}\n\`\`\``;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ id: 'c1', object: 'chat.completion', model: 'judge-m', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 50, completion_tokens: 20 } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  makeRun(run);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

function cli(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: root, env: { ...process.env, WF_JUDGE_TEST_KEY: KEY }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** A run store made by hand: two episodes whose exact verdicts are known. */
function makeRun(dir: string) {
  const second: Task = { ...task, id: 'skyhop-train-1-1' };
  const yes = new Set(['destination', 'date', 'cabin']); // exact: price and booking failed
  const store = RunStore.create(
    dir,
    'run-judge',
    { sites: ['skyhop'], tasksPerSite: 2, teacher: 'scripted', noise: 0.5, seed: 1, worldSeed: 1, maxSteps: 30, mode: 'viewport', salvage: { minCsr: 0.5, minKept: 2, requireBooking: false } },
    RunStore.versions(),
  );
  store.insertTasks([task, second]);
  for (const t of [task, second]) store.recordEpisode(trajectory(t, t.constraints.map((c) => ({ id: c.id, kind: c.kind, satisfied: yes.has(c.id) })), `ep-${t.id}`), undefined);
  store.close();
}

describe('webfoundry judge-agreement', () => {
  const model = ['--model', 'judge-m', '--base-url', '', '--api-key-env', 'WF_JUDGE_TEST_KEY'];
  const withUrl = () => model.map((a) => (a === '' ? baseUrl : a));

  it('judges a stored run against a local OpenAI-compatible server and reports agreement per kind', async () => {
    const r = await cli(['judge-agreement', '--run', run, '--json', ...withUrl()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, any>;
    // The judge says yes to all 10 constraints; the evaluator said yes to 6 (3 per episode).
    expect(out.episodes).toBe(2);
    expect(out.overall).toMatchObject({ n: 10, agreed: 6, agreement: 0.6, unknown: 0, confusion: { bothYes: 6, judgeYesExactNo: 4, judgeNoExactYes: 0, bothNo: 0 } });
    // The judge always says yes, so it agrees no better than chance.
    expect(out.overall.kappa).toBeCloseTo(0, 10);
    expect(out.perKind.exact).toMatchObject({ n: 6, agreement: 1 });
    expect(out.perKind.range).toMatchObject({ n: 2, agreement: 0 });
    expect(out.perKind.booked).toMatchObject({ n: 2, agreement: 0 });
    expect(out.disagreements).toHaveLength(4);
    expect(out.usage).toMatchObject({ inputTokens: 100, outputTokens: 40 });
    expect(out.judge).toEqual({ provider: 'openai', model: 'judge-m', baseUrl });
    // The server got the key; nothing the command printed holds it.
    const calls = seen.filter((s) => s.body.includes('skyhop.localhost/confirmation/SKY-42'));
    expect(calls).toHaveLength(2);
    expect(calls.every((s) => s.auth === `Bearer ${KEY}`)).toBe(true);
    expect(calls.some((s) => s.body.includes('VAL-MADX') || s.body.includes('EVIDENCE-SECRET'))).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(KEY);
  }, 60_000);

  it('prints a table per kind, honours --limit, and fails clearly without a model', async () => {
    const r = await cli(['judge-agreement', '--run', run, '--limit', '1', ...withUrl()]);
    expect(r.code).toBe(0);
    for (const k of ['exact', 'range', 'booked', 'overall']) expect(r.stdout).toContain(k);
    expect(r.stdout).toContain('1 episodes judged by judge-m');
    expect(r.stdout).not.toContain(KEY);

    const bad = await cli(['judge-agreement', '--run', run, '--base-url', baseUrl]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('no model given');
  }, 60_000);
});
