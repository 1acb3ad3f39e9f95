import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/evaluation/answers/check-answer.js';
import { buildAnswerJudgeMessages } from '../../src/judge/answer-prompt.js';
import { evidenceFromTrajectory } from '../../src/judge/evidence.js';
import { writeTrajectory } from '../../src/rollout/trajectory-file.js';
import { AGREE, FREE_FORM, caseTask, caseTrajectory, type AnswerCase } from './answer-cases.js';

const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const ALL = [...AGREE, ...FREE_FORM];

describe('answers: the exact check reads near misses as a careful person does', () => {
  it.each(AGREE.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(checkAnswer(c.answer, c.reply).ok, `${c.reply}: ${c.why}`).toBe(c.person);
  });

  it('refuses right answers wrapped in prose (the LLM judge grades those)', () => {
    for (const c of FREE_FORM) expect(checkAnswer(c.answer, c.reply).ok, c.reply).toBe(false);
  });
});

describe('answer judge prompt', () => {
  const c = AGREE.find((x) => x.id === 'rating-rounded-in')!;
  const t = caseTrajectory(c);
  const text = buildAnswerJudgeMessages(t.header.task.instruction, caseTask(c).constraints, evidenceFromTrajectory(t).reply).map((m) => m.content).join('\n');

  it('holds the question, the expected answer with its kind and tolerance, and the reply the exact check read', () => {
    expect(text).toContain(c.question);
    expect(text).toContain('a number: 8.46, anything within ±0.05 is right');
    expect(text).toContain(`## The agent's reply\n8.5`);
    expect(text).toContain('"answer"');
  });

  it("never holds the agent's thoughts", () => {
    expect(text).not.toContain('THOUGHT-');
  });

  it('names units, accepted names and set members', () => {
    const all = ALL.map((x) => buildAnswerJudgeMessages(x.question, caseTask(x).constraints, x.reply)[1]!.content).join('\n');
    expect(all).toContain('a number: 12 km, exactly');
    expect(all).toContain('a name: "TAP Air Portugal" or "TAP"');
    expect(all).toContain('a list of 2, in any order: "Lisbon" or "Lisboa"; "Porto"');
    expect(all).toContain('a date: 2026-06-12');
  });
});

/**
 * A local OpenAI-compatible server playing a careful grader: it finds the case by the reply in
 * the prompt and gives the person's verdict. Some replies come garbled: `rating-rounded-in` is
 * prose first and JSON after the corrective turn; `date-written` is never readable.
 */
let server: Server;
let baseUrl: string;
const root = mkdtempSync(join(tmpdir(), 'wf-answer-judge-'));
const runDir = join(root, 'qa-run');
const prompts: string[] = [];

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (d: Buffer) => (s += d.toString()));
    req.on('end', () => resolve(s));
  });

function grade(messages: { role: string; content: string }[]): string {
  const user = messages[1]!.content;
  const reply = /## The agent's reply\n([\s\S]*?)\n\n## Your answer/.exec(user)?.[1];
  const c = ALL.find((x) => x.reply === reply);
  if (!c) return 'I cannot tell.';
  const retry = messages.length > 2;
  if (c.id === 'date-written') return 'The reply looks right to me!';
  if (c.id === 'rating-rounded-in' && !retry) return 'Yes, 8.5 is close enough to 8.46.';
  if (c.id === 'set-any-order') return `Both cities are there. {"verdicts": [{"id": "answer", "satisfied": "yes", "reason": "${c.why}"}]} Done.`;
  return `\`\`\`json\n${JSON.stringify({ verdicts: [{ id: 'answer', satisfied: c.person, reason: c.why }] })}\n\`\`\``;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await read(req);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const { messages } = JSON.parse(body) as { messages: { role: string; content: string }[] };
    prompts.push(messages.map((m) => m.content).join('\n'));
    const content = grade(messages);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ id: 'c1', object: 'chat.completion', model: 'grader', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 50, completion_tokens: 20 } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  // A `run --out` folder of question episodes, one per labelled reply.
  mkdirSync(join(runDir, 'trajectories'), { recursive: true });
  for (const c of ALL) writeTrajectory(join(runDir, 'trajectories'), caseTrajectory(c));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

function cli(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const count = (cs: AnswerCase[], type: string) => cs.filter((c) => c.answer.type === type).length;

describe('webfoundry judge-agreement on a run of questions', () => {
  it('grades every reply, reports agreement per answer kind and overall, and counts garbled replies as unknown', async () => {
    const r = await cli(['judge-agreement', '--run', runDir, '--json', '--model', 'grader', '--base-url', baseUrl, '--concurrency', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, any>;
    expect(out.episodes).toBe(ALL.length);
    expect(Object.keys(out.perKind).sort()).toEqual(['answer:date', 'answer:number', 'answer:set', 'answer:string']);
    for (const type of ['number', 'string', 'set', 'date']) expect(out.perKind[`answer:${type}`].n).toBe(count(ALL, type));
    // Numbers and sets: the grader and the exact check agree on every near miss.
    expect(out.perKind['answer:number']).toMatchObject({ agreement: 1, unknown: 0 });
    expect(out.perKind['answer:set']).toMatchObject({ agreement: 1, unknown: 0 });
    // The date the grader never answered readably is unknown, counted as a no.
    expect(out.perKind['answer:date']).toMatchObject({ n: 2, agreed: 1, unknown: 1, confusion: { judgeNoExactYes: 1, bothNo: 1 } });
    // The free-form replies are right to a person and wrong to the exact check.
    expect(out.perKind['answer:string'].confusion).toMatchObject({ judgeYesExactNo: FREE_FORM.length, judgeNoExactYes: 0 });
    expect(out.overall).toMatchObject({ n: ALL.length, agreed: ALL.length - FREE_FORM.length - 1, unknown: 1 });
    expect(out.disagreements.map((d: { taskId: string }) => d.taskId).sort()).toEqual(['qa-case-airline-sentence', 'qa-case-city-sentence', 'qa-case-date-written']);
    // One call per reply, two for each garbled one (the corrective retry).
    expect(out.calls).toBe(ALL.length + 2);
    // The grader saw each reply and never a thought.
    for (const c of ALL) expect(prompts.some((p) => p.includes(`## The agent's reply\n${c.reply}\n`))).toBe(true);
    expect(prompts.some((p) => p.includes('THOUGHT-'))).toBe(false);
  }, 120_000);
});
