import { emptySiteState, NEW_BOOKING } from '../../src/core/schemas/episode-state.js';
import { describe, expect, it } from 'vitest';
import type { SiteEpisodeState } from '../../src/core/schemas/episode-state.js';
import { DatasetRow } from '../../src/core/schemas/dataset.js';
import { schemaTask, type Task } from '../../src/core/schemas/task.js';
import type { Trajectory, TrajectoryStep } from '../../src/core/schemas/trajectory.js';
import { evaluate, evaluateTrajectory } from '../../src/evaluation/evaluate.js';
import { NO_BOOKING, resalvageRun, salvage } from '../../src/pipeline/salvage.js';

const task: Task = {
  schemaVersion: 2,
  id: 'skyhop-train-1-0',
  site: 'skyhop',
  instruction: 'Book a flight to Madrid on June 12, under €200 per adult. Complete the booking.',
  constraints: [
    { id: 'destination', kind: 'exact', stage: 'search', phrase: 'to Madrid', field: 'destination', value: 'MAD' },
    { id: 'date', kind: 'exact', stage: 'search', phrase: 'on June 12', field: 'date', value: '2026-06-12' },
    { id: 'price-max', kind: 'range', stage: 'selection', phrase: 'under €200 per adult', field: 'price', max: 200 },
    { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Complete the booking.' },
  ],
  target: { params: {}, listingId: 'fl-1', choices: {}, attrs: {}, travellers: [], contact: {}, extras: {} },
  metadata: { seed: 1, worldSeed: 1, worldVersion: 1, difficulty: 'medium', split: 'train', templateIds: [] },
};

const blank: SiteEpisodeState = { ...emptySiteState('skyhop'), requests: 1 };
const search = (date: string, seq: number): SiteEpisodeState['search'] => ({ params: { destination: 'MAD', date }, filters: {}, sort: 'price', page: 1, resultCount: 4, seq });
const states: SiteEpisodeState[] = [
  blank,
  { ...blank, search: search('2026-06-12', 2) },
  { ...blank, search: search('2026-06-12', 2), selection: { listingId: 'fl-9', params: {}, title: 'X', options: [], attrs: { destination: 'MAD', date: '2026-06-12', price: 250 }, seq: 3 } },
  { ...blank, search: search('2026-06-13', 4), selection: { listingId: 'fl-9', params: {}, title: 'X', options: [], attrs: { destination: 'MAD', date: '2026-06-12', price: 250 }, seq: 3 } },
];

function trajectory(ss: SiteEpisodeState[]): Trajectory {
  const steps: TrajectoryStep[] = ss.map((state, index) => ({
    type: 'step',
    index,
    url: `http://skyhop.localhost/${index}`,
    observation: `obs ${index}`,
    observationTokens: 2,
    thought: `thought ${index}`,
    action: `click("${index}")`,
    parsed: { type: 'click', bid: String(index) },
    error: null,
    timings: { actionMs: 1, settleMs: 1, observeMs: 1, totalMs: 3 },
    state,
    csr: evaluate(task, state).csr,
  }));
  const e = evaluateTrajectory(task, ss);
  return {
    header: { type: 'header', schemaVersion: 1, episodeId: 'ep-1', agent: { name: 'scripted', noise: 0.5 }, task, startedAt: '2026-06-01T00:00:00Z' },
    steps,
    end: {
      type: 'end',
      status: 'stopped',
      answer: null,
      error: null,
      steps: steps.length,
      durationMs: 10,
      evaluation: { csr: e.final.csr, sr: e.final.sr, booked: e.final.booked, curve: e.curve, bestCsr: e.bestCsr, firstBestIndex: e.firstBestIndex, verdicts: e.final.verdicts },
      finalObservation: { url: 'http://skyhop.localhost/final', observation: 'final obs' },
      attempts: 1,
    },
  };
}

const opts = { minCsr: 0.5, minKept: 2, requireBooking: false };

describe('salvage', () => {
  it('truncates a partial trajectory after the first step that reaches its best CSR', () => {
    const t = trajectory(states);
    expect(t.end.evaluation.curve).toEqual([0, 0.5, 0.5, 0.25]);
    const row = DatasetRow.parse(salvage(t, 'run', opts));
    expect(row.kind).toBe('salvaged');
    expect(row.provenance.truncationIndex).toBe(1);
    // Steps 0..1 kept, then a synthetic stop seeing what step 1 led to.
    expect(row.steps.map((s) => s.action)).toEqual(['click("0")', 'click("1")', 'stop("done")']);
    expect(row.steps[2]).toMatchObject({ synthetic: true, url: 'http://skyhop.localhost/2', observation: 'obs 2' });
  });

  it('relabels in hindsight: unmet constraints dropped from the task and its instruction', () => {
    const row = salvage(trajectory(states), 'run', opts)!;
    expect(row.provenance.keptConstraintIds).toEqual(['destination', 'date']);
    expect(row.provenance.droppedConstraintIds).toEqual(['price-max', 'booked']);
    expect(schemaTask(row.task, 'test').constraints.map((c) => c.id)).toEqual(['destination', 'date']);
    expect(row.task.instruction).toContain('to Madrid');
    expect(row.task.instruction).toContain('on June 12');
    expect(row.task.instruction).not.toContain('€200');
    expect(row.task.instruction).not.toMatch(/booking/i);
    // The booking was dropped: the instruction says to stop before paying.
    expect(NO_BOOKING.some((x) => row.task.instruction.endsWith(x))).toBe(true);
    expect(row.task.metadata.derivedFrom).toBe(task.id);
    expect(row.provenance.originalInstruction).toBe(task.instruction);
    // The stop step's thought agrees with the new task, not the old one.
    expect(row.steps.at(-1)!.thought).toContain('to Madrid');
    expect(row.steps.at(-1)!.thought).not.toContain('€200');
  });

  it('uses the final observation when the best step is the last one', () => {
    const row = salvage(trajectory(states.slice(0, 2)), 'run', opts)!;
    expect(row.provenance.truncationIndex).toBe(1);
    expect(row.steps.at(-1)).toMatchObject({ url: 'http://skyhop.localhost/final', observation: 'final obs' });
  });

  it('keeps a success whole, with its own task', () => {
    const booked: SiteEpisodeState = {
      ...blank,
      bookings: [{ ...NEW_BOOKING, items: [], changes: [], reference: 'SKY-1', siteId: 'skyhop', listingId: 'fl-1', title: 'X', options: [], travellers: [], contact: {}, extras: {}, price: { currency: 'EUR', lines: [], total: 150 }, attrs: { destination: 'MAD', date: '2026-06-12', price: 150 }, seq: 9 }],
    };
    const row = salvage(trajectory([...states.slice(0, 3), booked]), 'run', opts)!;
    expect(row.kind).toBe('success');
    expect(row.steps).toHaveLength(4);
    expect(row.task).toEqual(task);
    expect(row.provenance.truncationIndex).toBe(-1);
  });

  it('applies the thresholds', () => {
    const t = trajectory(states);
    expect(salvage(t, 'run', { ...opts, minCsr: 0.75 })).toBeUndefined();
    expect(salvage(t, 'run', { ...opts, minKept: 3 })).toBeUndefined();
    expect(salvage(t, 'run', { ...opts, requireBooking: true })).toBeUndefined();
    expect(salvage(trajectory([blank, blank]), 'run', opts)).toBeUndefined();
  });

  it('re-derives a stored run\'s rows from its trajectories with the run\'s thresholds', () => {
    const trajectories = [trajectory(states), trajectory([blank, blank])];
    let replaced: DatasetRow[] = [];
    const counts = resalvageRun({ runId: 'run', config: { salvage: opts }, trajectories: () => trajectories, replaceRows: (rows) => { replaced = [...rows]; } });
    expect(counts).toEqual({ success: 0, salvaged: 1 });
    expect(replaced.map((r) => r.kind)).toEqual(['salvaged']);
    expect(replaced[0]).toEqual(salvage(trajectories[0]!, 'run', opts));
  });
});
