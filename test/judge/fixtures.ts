import type { Task } from '../../src/core/schemas/task.js';
import type { Trajectory, TrajectoryStep } from '../../src/core/schemas/trajectory.js';
import type { ChatRequest, ChatResponse, ModelProvider } from '../../src/models/provider.js';

/**
 * A task whose structured values are distinctive strings that no phrase contains, so a test
 * can tell whether they leaked into the judge's prompt.
 */
export const task: Task = {
  schemaVersion: 2,
  id: 'skyhop-train-1-0',
  site: 'skyhop',
  instruction: 'Book a flight to Madrid on June 12 in business class, under €200 per adult. Complete the booking.',
  constraints: [
    { id: 'destination', kind: 'exact', stage: 'search', phrase: 'to Madrid', field: 'destinationField', value: 'VAL-MADX' },
    { id: 'date', kind: 'exact', stage: 'search', phrase: 'on June 12', field: 'dateField', value: '2026-06-12' },
    { id: 'cabin', kind: 'exact', stage: 'selection', phrase: 'in business class', field: 'cabinField', value: 'VAL-BIZ' },
    { id: 'price-max', kind: 'range', stage: 'selection', phrase: 'under €200 per adult', field: 'priceField', max: 19999 },
    { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Complete the booking.' },
  ],
  target: { params: {}, listingId: 'LISTING-SECRET-1', choices: {}, attrs: {}, travellers: [], contact: {}, extras: {} },
  metadata: { seed: 1, worldSeed: 1, worldVersion: 1, difficulty: 'medium', split: 'train', templateIds: [] },
};

export type ExactVerdict = { id: string; kind: string; satisfied: boolean };

/** A stored-looking trajectory of `t` whose exact evaluation gave `verdicts`. */
export function trajectory(t: Task, verdicts: ExactVerdict[], episodeId = `ep-${t.id}`): Trajectory {
  const steps: TrajectoryStep[] = [0, 1].map((index) => ({
    type: 'step',
    index,
    url: `http://skyhop.localhost/step${index}`,
    observation: `obs ${index}`,
    observationTokens: 2,
    thought: `THOUGHT-${index} I have certainly booked everything`,
    action: `click("${index + 10}")`,
    parsed: { type: 'click', bid: String(index + 10) },
    error: index === 1 ? 'element not visible' : null,
    timings: { actionMs: 1, settleMs: 1, observeMs: 1, totalMs: 3 },
    state: null,
    csr: 0,
  }));
  const csr = verdicts.filter((v) => v.satisfied).length / verdicts.length;
  return {
    header: { type: 'header', schemaVersion: 1, episodeId, agent: { name: 'scripted', noise: 0.5 }, task: t, startedAt: '2026-06-01T00:00:00Z' },
    steps,
    end: {
      type: 'end',
      status: 'stopped',
      answer: null,
      error: null,
      steps: steps.length,
      durationMs: 10,
      evaluation: { csr, sr: csr === 1, booked: verdicts.some((v) => v.id === 'booked' && v.satisfied), curve: [0, csr], bestCsr: csr, firstBestIndex: 1, verdicts: verdicts.map((v) => ({ ...v, evidence: { secret: 'EVIDENCE-SECRET' } })) },
      finalObservation: { url: 'http://skyhop.localhost/confirmation/SKY-42', observation: '[1] heading "Booking confirmed"\n[2] text "Madrid, 12 June, Business, €180"' },
      attempts: 1,
    },
  };
}

const usage = (n: number) => ({ inputTokens: n, outputTokens: 10, costUsd: 0.001, cached: false });

/** A model that answers from a script, one reply per call, and remembers every request. */
export class ScriptedProvider implements ModelProvider {
  readonly name = 'scripted';
  readonly model = 'judge-test';
  readonly requests: ChatRequest[] = [];
  constructor(private readonly replies: (string | Partial<ChatResponse>)[]) {}
  async chat(request: ChatRequest): Promise<ChatResponse> {
    this.requests.push(request);
    const next = this.replies[Math.min(this.requests.length - 1, this.replies.length - 1)];
    if (next === undefined) throw new Error('no scripted reply');
    const base: ChatResponse = { content: '', toolCalls: [], usage: usage(100), model: this.model };
    return typeof next === 'string' ? { ...base, content: next } : { ...base, ...next };
  }
}
