import type { AnswerSpec } from '../../src/core/schemas/answer.js';
import { emptySiteState } from '../../src/core/schemas/episode-state.js';
import { TASK_SCHEMA_VERSION, type QaTask } from '../../src/core/schemas/task.js';
import type { Trajectory } from '../../src/core/schemas/trajectory.js';
import { evaluate } from '../../src/evaluation/evaluate.js';

/**
 * Replies to questions with the verdict a careful person gives each (labelled by hand). `agree`
 * cases are near misses the exact check must read as the person does (wrong unit, rounding,
 * accent, synonym, extra words); `freeForm` cases are right answers wrapped in prose that the
 * exact check refuses on purpose: they are the LLM judge's to grade.
 */
export type AnswerCase = { id: string; question: string; answer: AnswerSpec; reply: string; person: boolean; why: string };

const distance: AnswerSpec = { type: 'number', value: 12, unit: 'km' };
const price: AnswerSpec = { type: 'number', value: 1250, unit: 'EUR' };
const rating: AnswerSpec = { type: 'number', value: 8.46, tolerance: 0.05 };
const duration: AnswerSpec = { type: 'number', value: 150, unit: 'min' };
const city: AnswerSpec = { type: 'string', value: 'São Paulo', aliases: ['Sampa'] };
const airline: AnswerSpec = { type: 'string', value: 'TAP Air Portugal', aliases: ['TAP'] };
const cities: AnswerSpec = { type: 'set', members: [{ value: 'Lisbon', aliases: ['Lisboa'] }, { value: 'Porto' }] };
const day: AnswerSpec = { type: 'date', value: '2026-06-12' };

const Q = {
  distance: 'How far is the Harbour Hall from the airport of its city?',
  price: 'What does the Grand Suite of Hotel Aurora cost per night?',
  rating: 'What is the guest rating of Hotel Aurora?',
  duration: 'How long is the flight from Lisbon to Madrid?',
  city: 'In which city is the festival held?',
  airline: 'Which airline operates the route from Lisbon to Funchal?',
  cities: 'Which cities does the operator serve? Give every one.',
  day: 'On which day does the jazz festival open?',
};

export const AGREE: AnswerCase[] = [
  { id: 'km-right', question: Q.distance, answer: distance, reply: '12 km', person: true, why: 'the value and unit' },
  { id: 'km-in-m', question: Q.distance, answer: distance, reply: '12000 m', person: true, why: 'a unit that converts exactly' },
  { id: 'km-wrong-unit', question: Q.distance, answer: distance, reply: '12 m', person: false, why: 'wrong unit: 12 m is not 12 km' },
  { id: 'km-miles', question: Q.distance, answer: distance, reply: '12 miles', person: false, why: 'wrong unit: miles' },
  { id: 'eur-format', question: Q.price, answer: price, reply: '€1,250.00', person: true, why: 'number format' },
  { id: 'eur-dollars', question: Q.price, answer: price, reply: '$1,250', person: false, why: 'another currency' },
  { id: 'eur-rounded', question: Q.price, answer: price, reply: 'about 1,300 euros', person: false, why: 'rounded past the tolerance' },
  { id: 'rating-rounded-in', question: Q.rating, answer: rating, reply: '8.5', person: true, why: 'rounding within the tolerance' },
  { id: 'rating-rounded-out', question: Q.rating, answer: rating, reply: '8', person: false, why: 'rounding past the tolerance' },
  { id: 'min-compound', question: Q.duration, answer: duration, reply: '2 h 30 min', person: true, why: 'a compound duration' },
  { id: 'min-hours-rounded', question: Q.duration, answer: duration, reply: '2 hours', person: false, why: 'rounded to the hour' },
  { id: 'city-accent', question: Q.city, answer: city, reply: 'sao paulo', person: true, why: 'accents and case' },
  { id: 'city-lead-in', question: Q.city, answer: city, reply: 'The answer is: São Paulo.', person: true, why: 'extra words that only introduce it' },
  { id: 'city-hedge', question: Q.city, answer: city, reply: 'São Paulo or Rio de Janeiro', person: false, why: 'a hedge' },
  { id: 'city-other', question: Q.city, answer: city, reply: 'Rio de Janeiro', person: false, why: 'another city' },
  { id: 'airline-synonym', question: Q.airline, answer: airline, reply: 'TAP', person: true, why: 'a known short name' },
  { id: 'airline-other', question: Q.airline, answer: airline, reply: 'Iberia', person: false, why: 'another airline' },
  { id: 'set-any-order', question: Q.cities, answer: cities, reply: 'Porto and Lisboa', person: true, why: 'order and a local name' },
  { id: 'set-missing', question: Q.cities, answer: cities, reply: 'Lisbon', person: false, why: 'a member missing' },
  { id: 'set-extra', question: Q.cities, answer: cities, reply: 'Lisbon, Porto, Faro', person: false, why: 'a member too many' },
  { id: 'date-written', question: Q.day, answer: day, reply: 'Friday 12th June', person: true, why: 'a written date' },
  { id: 'date-off', question: Q.day, answer: day, reply: 'June 13, 2026', person: false, why: 'a day off' },
];

export const FREE_FORM: AnswerCase[] = [
  { id: 'city-sentence', question: Q.city, answer: city, reply: 'It is São Paulo, the largest city in Brazil.', person: true, why: 'the answer with an explanation' },
  { id: 'airline-sentence', question: Q.airline, answer: airline, reply: 'TAP Air Portugal operates it, several times a day', person: true, why: 'the answer inside a sentence' },
];

/** The task of one case: a question with one answer constraint. */
export function caseTask(c: AnswerCase): QaTask {
  return {
    schemaVersion: TASK_SCHEMA_VERSION,
    kind: 'qa',
    id: `qa-case-${c.id}`,
    site: 'search',
    instruction: c.question,
    constraints: [{ id: 'answer', kind: 'answer', phrase: 'the answer', stage: 'answer', answer: c.answer }],
    qa: { method: 'kg', hops: 1, level: 1, proof: [{ site: 'guide', path: '/wiki/x' }], entities: ['x'], shape: 'x', query: { subject: { kind: 'named', type: 'city', name: 'x', id: 'city:x' }, ask: { kind: 'name' } } },
    metadata: { seed: 1, worldSeed: 1, worldVersion: 2, difficulty: 'easy', split: 'test', templateIds: [] },
  };
}

/** A stored-looking episode that searched once and replied `c.reply`, with the exact evaluator's verdicts. */
export function caseTrajectory(c: AnswerCase): Trajectory {
  const task = caseTask(c);
  const state = { ...emptySiteState('search'), requests: 2, replies: [{ role: 'assistant' as const, text: c.reply, step: 1 }] };
  const e = evaluate(task, state);
  const step = (index: number, action: string, parsed: Trajectory['steps'][number]['parsed']): Trajectory['steps'][number] => ({
    type: 'step',
    index,
    url: `http://search.localhost/search?q=${index}`,
    observation: `obs ${index}`,
    observationTokens: 2,
    thought: `THOUGHT-${index} surely right`,
    action,
    parsed,
    error: null,
    timings: { actionMs: 1, settleMs: 1, observeMs: 1, totalMs: 3 },
    state: index === 1 ? state : { ...emptySiteState('search'), requests: 1 },
    csr: index === 1 ? e.csr : 0,
  });
  return {
    header: { type: 'header', schemaVersion: 1, episodeId: `ep-${c.id}`, agent: { name: 'scripted', noise: 0 }, task, startedAt: '2026-06-01T00:00:00Z' },
    steps: [step(0, 'click("3")', { type: 'click', bid: '3' }), step(1, `stop(${JSON.stringify(c.reply)})`, { type: 'stop', answer: c.reply })],
    end: {
      type: 'end',
      status: 'stopped',
      answer: c.reply,
      error: null,
      steps: 2,
      durationMs: 10,
      evaluation: { csr: e.csr, sr: e.sr, booked: false, curve: [0, e.csr], bestCsr: e.csr, firstBestIndex: e.sr ? 1 : 0, verdicts: e.verdicts },
      attempts: 1,
    },
  };
}
