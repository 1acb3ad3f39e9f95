import { describe, expect, it } from 'vitest';
import type { AnswerConstraint, AnswerSpec } from '../../src/core/schemas/answer.js';
import { emptySiteState, type Reply } from '../../src/core/schemas/episode-state.js';
import { QaTask, TASK_SCHEMA_VERSION, Task } from '../../src/core/schemas/task.js';
import { checkAnswer } from '../../src/evaluation/answers/check-answer.js';
import { evaluate } from '../../src/evaluation/evaluate.js';

/**
 * Answer normalization as a person reads a reply: each case is a near miss with the verdict a
 * careful grader gives it (accents, aliases, number formats and units that convert are the same
 * answer; a wrong unit, a rounding past the tolerance, a set with one member too many or too few
 * and a date a day off are wrong).
 */
const ok = (spec: AnswerSpec, reply: string) => checkAnswer(spec, reply).ok;

describe('answers: strings', () => {
  const city: AnswerSpec = { type: 'string', value: 'São Paulo', aliases: ['Sampa'] };
  it('ignores case, accents, punctuation, articles and a lead-in', () => {
    expect(ok(city, 'sao paulo')).toBe(true);
    expect(ok(city, 'The answer is: São Paulo.')).toBe(true);
    expect(ok(city, '<answer>SAO PAULO</answer>')).toBe(true);
    expect(ok({ type: 'string', value: 'The Blue Note' }, 'Blue Note!')).toBe(true);
    expect(ok({ type: 'string', value: 'Café Núñez & Sons' }, 'cafe nunez and sons')).toBe(true);
  });
  it('accepts an alias, not another name or a hedge', () => {
    expect(ok(city, 'Sampa')).toBe(true);
    expect(ok(city, 'São Paulo or Rio de Janeiro')).toBe(false);
    expect(ok(city, 'Santos')).toBe(false);
    expect(ok(city, '')).toBe(false);
  });
});

describe('answers: numbers and units', () => {
  const price: AnswerSpec = { type: 'number', value: 1250, unit: 'EUR' };
  it('reads thousands separators, decimal commas, k and currency signs', () => {
    for (const r of ['1250', '1,250', '1 250', '€1,250', '1250 EUR', '1,250 euros', '1.25k €', 'It costs €1,250.00.']) expect(ok(price, r), r).toBe(true);
    expect(ok({ type: 'number', value: 3.5, unit: 'km' }, '3,5 km')).toBe(true);
  });
  it('refuses another currency or dimension', () => {
    expect(ok(price, '$1,250')).toBe(false);
    expect(ok(price, '1250 km')).toBe(false);
  });
  it('converts within a dimension, and a wrong unit is wrong', () => {
    const distance: AnswerSpec = { type: 'number', value: 12, unit: 'km' };
    expect(ok(distance, '12000 m')).toBe(true);
    expect(ok(distance, '12 km')).toBe(true);
    expect(ok(distance, '12 m')).toBe(false);
    expect(ok({ type: 'number', value: 150, unit: 'min' }, '2 h 30 min')).toBe(true);
    expect(ok({ type: 'number', value: 150, unit: 'min' }, '2.5 hours')).toBe(true);
  });
  it('holds the tolerance: rounding inside passes, beyond fails', () => {
    const rating: AnswerSpec = { type: 'number', value: 8.46, tolerance: 0.05 };
    expect(ok(rating, '8.5')).toBe(true);
    expect(ok(rating, '8.4')).toBe(false);
    expect(ok({ type: 'number', value: 1250 }, '1,300')).toBe(false);
    expect(ok({ type: 'number', value: 1250 }, '1.3k')).toBe(false);
  });
  it('reads a rating with its scale and a duration written "1h45"', () => {
    expect(ok({ type: 'number', value: 8.5, tolerance: 0.05 }, 'It is rated 8.5/10.')).toBe(true);
    expect(ok({ type: 'number', value: 4.2, tolerance: 0.05 }, '4.2 out of 5')).toBe(true);
    expect(ok({ type: 'number', value: 105, unit: 'min' }, '1h45')).toBe(true);
    expect(ok({ type: 'number', value: 105, unit: 'min' }, '1 hour and 45 minutes')).toBe(true);
    expect(ok({ type: 'number', value: 105, unit: 'min' }, '1h50')).toBe(false);
  });
  it('reads small counts in words and refuses a reply with two numbers', () => {
    expect(ok({ type: 'number', value: 3 }, 'three')).toBe(true);
    expect(ok({ type: 'number', value: 3 }, '3 or 4')).toBe(false);
    expect(ok({ type: 'number', value: 15 }, '15th')).toBe(true);
  });
});

describe('answers: sets', () => {
  const airlines: AnswerSpec = { type: 'set', members: [{ value: 'Iberica' }, { value: 'TAP Air Portugal', aliases: ['TAP'] }, { value: 'Bed and Breakfast Air' }] };
  it('takes every member in any order, with aliases and names holding "and"', () => {
    expect(ok(airlines, 'TAP, Iberica and Bed and Breakfast Air')).toBe(true);
    expect(ok(airlines, 'Bed and Breakfast Air; Iberica; TAP Air Portugal')).toBe(true);
    expect(ok(airlines, '- Iberica\n- TAP\n- Bed & Breakfast Air')).toBe(true);
  });
  it('refuses one member missing or one extra', () => {
    expect(ok(airlines, 'TAP, Iberica')).toBe(false);
    expect(ok(airlines, 'TAP, Iberica, Bed and Breakfast Air, Vuelo')).toBe(false);
    const r = checkAnswer(airlines, 'TAP, Iberica, Bed and Breakfast Air, Vuelo');
    expect(r.problem).toContain('vuelo');
  });
});

describe('answers: dates', () => {
  const opening: AnswerSpec = { type: 'date', value: '2026-06-12' };
  it('reads ISO, day-month and month-day forms, with or without the year', () => {
    for (const r of ['2026-06-12', '12 June 2026', 'June 12, 2026', 'Friday, 12th June', 'Jun 12', 'It opens on 12 June.']) expect(ok(opening, r), r).toBe(true);
  });
  it('refuses a day off, a wrong year and two dates', () => {
    expect(ok(opening, '13 June 2026')).toBe(false);
    expect(ok(opening, '2026-06-11')).toBe(false);
    expect(ok(opening, '12 June 2025')).toBe(false);
    expect(ok(opening, '12 or 13 June')).toBe(false);
  });
});

const answer = (id: string, spec: AnswerSpec, label?: string): AnswerConstraint => ({ id, kind: 'answer', phrase: id, stage: 'answer', answer: spec, ...(label ? { label } : {}) });

const qaTask = (constraints: AnswerConstraint[]): QaTask =>
  QaTask.parse({
    schemaVersion: TASK_SCHEMA_VERSION,
    kind: 'qa',
    id: 'qa-1',
    site: 'guide',
    instruction: 'Which airline flies non-stop from the city whose jazz festival opens on 12 June to Lisbon, and how many routes does it fly?',
    constraints,
    qa: { method: 'kg', hops: 3, level: 3, proof: [{ site: 'guide', path: '/wiki/x' }], entities: ['airline:tap'], shape: 'test', query: { subject: { kind: 'named', type: 'airline', name: 'TAP Air Portugal', id: 'airline:tap' }, ask: { kind: 'name' } } },
    metadata: { seed: 1, worldSeed: 1, worldVersion: 2, difficulty: 'hard', split: 'train', templateIds: [] },
  });

const stateWith = (replies: Reply[]) => ({ ...emptySiteState('guide'), replies });

describe('evaluate: questions judged on the reply', () => {
  const one = qaTask([answer('airline', { type: 'string', value: 'TAP Air Portugal', aliases: ['TAP'] })]);
  it('a right reply succeeds without a booking; the evidence names the reply', () => {
    const e = evaluate(one, stateWith([{ role: 'assistant', text: 'TAP', step: 4 }]));
    expect(e).toMatchObject({ csr: 1, sr: true, booked: false });
    expect(e.verdicts[0]!.evidence).toMatchObject({ source: 'reply', observed: { reply: 'TAP' } });
  });
  it('no reply, or giving up after answering, is no answer', () => {
    expect(evaluate(one, emptySiteState('guide')).sr).toBe(false);
    expect(evaluate(one, undefined).sr).toBe(false);
    expect(evaluate(one, stateWith([{ role: 'assistant', text: 'TAP', step: 1 }, { role: 'infeasible', text: 'not sure', step: 2 }])).sr).toBe(false);
  });
  it('the last message is the reply', () => {
    expect(evaluate(one, stateWith([{ role: 'assistant', text: 'Iberica', step: 1 }, { role: 'assistant', text: 'TAP', step: 2 }])).sr).toBe(true);
  });
  it('a two-part question gets partial credit, parts by label or in order', () => {
    const two = qaTask([answer('airline', { type: 'string', value: 'TAP' }, 'airline'), answer('routes', { type: 'number', value: 14 }, 'routes')]);
    expect(evaluate(two, stateWith([{ role: 'assistant', text: 'routes: 14\nairline: TAP', step: 3 }])).csr).toBe(1);
    expect(evaluate(two, stateWith([{ role: 'assistant', text: 'TAP; 15', step: 3 }]))).toMatchObject({ csr: 0.5, sr: false });
  });
  it('task files tell questions from booking tasks', () => {
    expect(Task.safeParse(one).success).toBe(true);
    expect(QaTask.safeParse({ ...one, constraints: [] }).success).toBe(false);
    expect(Task.safeParse({ ...one, kind: undefined }).success).toBe(false);
  });
});
