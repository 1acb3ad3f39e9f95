import { describe, expect, it } from 'vitest';
import { evidenceFromTrajectory } from '../../src/judge/evidence.js';
import { judge } from '../../src/judge/judge.js';
import { parseVerdicts } from '../../src/judge/parse-verdicts.js';
import { buildJudgeMessages } from '../../src/judge/prompt.js';
import { ScriptedProvider, task, trajectory } from './fixtures.js';

const ids = task.constraints.map((c) => c.id);
const exact = task.constraints.map((c) => ({ id: c.id, kind: c.kind, satisfied: true }));
const evidence = evidenceFromTrajectory(trajectory(task, exact));
const allSatisfied = JSON.stringify({ verdicts: ids.map((id) => ({ id, satisfied: true, reason: `ok ${id}` })) });

describe('judge prompt', () => {
  const text = buildJudgeMessages(task, evidence).map((m) => m.content).join('\n');

  it('holds the instruction, every constraint id and phrase, the final URL and page, and the actions', () => {
    expect(text).toContain(task.instruction);
    for (const c of task.constraints) {
      expect(text).toContain(`"${c.id}"`);
      expect(text).toContain(c.phrase);
    }
    expect(text).toContain('http://skyhop.localhost/confirmation/SKY-42');
    expect(text).toContain('Booking confirmed');
    expect(text).toContain('click("10")');
    expect(text).toContain('element not visible');
  });

  it('never holds the structured checks, the evaluator evidence or the agent thoughts', () => {
    for (const leak of ['VAL-MADX', '2026-06-12', 'VAL-BIZ', '19999', 'destinationField', 'priceField', 'LISTING-SECRET-1', 'EVIDENCE-SECRET', 'THOUGHT-']) {
      expect(text).not.toContain(leak);
    }
  });

  it('cuts a huge observation and a long history', () => {
    const big = { ...evidence, finalObservation: 'x'.repeat(50_000), actions: Array.from({ length: 100 }, (_, i) => `${i + 1}. noop()`) };
    const t = buildJudgeMessages(task, big, { maxObservationChars: 1000, maxActions: 10 }).map((m) => m.content).join('\n');
    expect(t).toContain('[... observation cut at 1000 characters]');
    expect(t).not.toContain('x'.repeat(1001));
    expect(t).toContain('[90 earlier actions omitted]');
    expect(t).toContain('100. noop()');
    expect(t).not.toContain('\n90. noop()');
  });
});

describe('parseVerdicts', () => {
  it('reads a fenced block with prose around it', () => {
    const r = parseVerdicts(`Let me check.\n\`\`\`json\n${allSatisfied}\n\`\`\`\nDone.`, ids);
    expect(r.ok && [...r.verdicts.keys()]).toEqual(ids);
  });

  it('reads a bare object inside prose, and a bare array; strings like "no" count as booleans', () => {
    const bare = parseVerdicts(`Verdicts: {"verdicts": [{"id": "date", "satisfied": "no", "reason": "June 13 {shown}"}]} hope that helps`, ids);
    expect(bare).toEqual({ ok: true, verdicts: new Map([['date', { satisfied: false, reason: 'June 13 {shown}' }]]) });
    const arr = parseVerdicts(`[{"id": "booked", "satisfied": true}]`, ids);
    expect(arr).toEqual({ ok: true, verdicts: new Map([['booked', { satisfied: true, reason: '(no reason given)' }]]) });
  });

  it('ignores ids it did not ask about and malformed entries', () => {
    const r = parseVerdicts(JSON.stringify({ verdicts: [{ id: 'other', satisfied: true }, { id: 'date', satisfied: 'maybe' }, { id: 'cabin', satisfied: false, reason: 'economy' }] }), ids);
    expect(r.ok && [...r.verdicts.entries()]).toEqual([['cabin', { satisfied: false, reason: 'economy' }]]);
  });

  it('fails on garbage, saying why', () => {
    expect(parseVerdicts('I think it all went well!', ids)).toMatchObject({ ok: false, problem: expect.stringContaining('no JSON') });
    expect(parseVerdicts('{"verdicts": [{"id": "nope", "satisfied": true}]}', ids)).toMatchObject({ ok: false, problem: expect.stringContaining('constraint id') });
    expect(parseVerdicts('{"verdicts": [ {"id": "date", "satisfied": tru', ids).ok).toBe(false);
  });
});

describe('judge', () => {
  it('returns a verdict per constraint with reasons and the usage, at temperature 0', async () => {
    const provider = new ScriptedProvider([allSatisfied]);
    const r = await judge(task, evidence, provider);
    expect(r.verdicts).toEqual(ids.map((id) => ({ id, satisfied: true, reason: `ok ${id}` })));
    expect(r.usage).toEqual({ inputTokens: 100, outputTokens: 10, costUsd: 0.001, cached: false });
    expect(r.calls).toBe(1);
    expect(provider.requests[0]!.temperature).toBe(0);
  });

  it('marks constraints missing from the reply unknown and unsatisfied, without retrying', async () => {
    const provider = new ScriptedProvider([JSON.stringify({ verdicts: [{ id: 'destination', satisfied: true, reason: 'Madrid shown' }] })]);
    const r = await judge(task, evidence, provider);
    expect(r.calls).toBe(1);
    expect(r.verdicts[0]).toEqual({ id: 'destination', satisfied: true, reason: 'Madrid shown' });
    for (const v of r.verdicts.slice(1)) expect(v).toMatchObject({ satisfied: false, unknown: true, reason: expect.stringContaining('unknown') });
  });

  it('retries a garbled reply once with a correction, and sums the usage', async () => {
    const provider = new ScriptedProvider(['Everything looks booked to me.', `\`\`\`\n${allSatisfied}\n\`\`\``]);
    const r = await judge(task, evidence, provider);
    expect(r.calls).toBe(2);
    expect(r.verdicts.every((v) => v.satisfied && !v.unknown)).toBe(true);
    expect(r.usage).toMatchObject({ inputTokens: 200, outputTokens: 20 });
    const retry = provider.requests[1]!.messages;
    expect(retry.at(-2)).toEqual({ role: 'assistant', content: 'Everything looks booked to me.' });
    expect(retry.at(-1)!.content).toContain('could not be used');
  });

  it('gives up after one retry: every constraint unknown', async () => {
    const provider = new ScriptedProvider(['nope', 'still nope']);
    const r = await judge(task, evidence, provider);
    expect(provider.requests).toHaveLength(2);
    expect(r.verdicts).toHaveLength(ids.length);
    expect(r.verdicts.every((v) => !v.satisfied && v.unknown && v.reason.includes('unreadable'))).toBe(true);
  });

  it("reads a reasoning model's verdicts from its reasoning when the content is empty", async () => {
    const provider = new ScriptedProvider([{ content: '', reasoning: allSatisfied }]);
    const r = await judge(task, evidence, provider);
    expect(r.calls).toBe(1);
    expect(r.verdicts.every((v) => v.satisfied)).toBe(true);
  });
});
