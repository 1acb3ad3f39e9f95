import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { BookingTask, type Constraint } from '../../src/core/schemas/task.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { uniformFacts } from '../../src/evaluation/facts.js';
import type { Attrs } from '../../src/core/schemas/episode-state.js';
import type { Choice } from '../../src/sites/engine/site-definition.js';
import { railCity } from '../../src/sites/railgo/stations.js';
import { buildArenaWorld, catalogueFor, siteById } from '../../src/sites/registry.js';
import type { Candidate, Target } from '../../src/sites/kit/task-catalogue.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { bookableChoices, bookedState, buildTarget } from '../../src/tasks/target.js';
import { targetOfTask } from '../helpers/catalogue.js';

const world = buildArenaWorld(1);
const site = siteById('railgo');
const catalogue = catalogueFor('railgo');

const TIERS = ['easy', 'medium', 'hard'] as const;
const generated = TIERS.flatMap((difficulty) =>
  Array.from({ length: 20 }, (_, index) => ({ difficulty, index, task: generateTask({ site, catalogue, world, seed: 11, index, difficulty, split: 'train' }) })),
);
const tasks = generated.flatMap((g) => (g.task ? [g.task] : []));

/** Several targets of varied searches (parties, railcards, times). */
const targets: Target[] = [];
for (let i = 0; targets.length < 40 && i < 200; i++) {
  const rng = new Rng(`railgo-catalogue-test/${i}`);
  const t = buildTarget(site, world, site.exampleSearch(world, rng.fork('search')), rng.fork('target'));
  if (t) targets.push(t);
}

/** The target a task was made from, with its own choices, people and add-ons. */
function targetOf(task: BookingTask): Target {
  return targetOfTask(task, site, world);
}

const listingVerdict = (c: Constraint, attrs: Record<string, unknown>) => checkConstraint(c, uniformFacts(attrs as Attrs)).satisfied;
const worded = (c: Candidate): Constraint => ({ ...c.constraint, phrase: c.phrases[0]!.text, templateId: c.phrases[0]!.id }) as Constraint;

describe('railgo task catalogue', () => {
  it('makes at least 90% of 60 tasks (20 per tier)', () => {
    expect(generated).toHaveLength(60);
    expect(tasks.length).toBeGreaterThanOrEqual(54);
    for (const tier of TIERS) expect(generated.filter((g) => g.difficulty === tier && g.task).length).toBeGreaterThanOrEqual(18);
  });

  it('makes valid tasks: schema, 2..8 constraints, unique ids, every key fact, booked last', () => {
    for (const task of tasks) {
      expect(BookingTask.safeParse(task).success, task.id).toBe(true);
      expect(task.constraints.length).toBeGreaterThanOrEqual(2);
      expect(task.constraints.length).toBeLessThanOrEqual(8);
      const ids = task.constraints.map((c) => c.id);
      expect(new Set(ids).size, task.id).toBe(ids.length);
      expect(task.constraints.at(-1)!.kind).toBe('booked');
      const keys = catalogue.candidates(targetOf(task), new Rng('keys')).filter((c) => c.role === 'key');
      for (const k of keys) expect(ids, `${task.id} lacks key ${k.constraint.id}`).toContain(k.constraint.id);
      for (const id of ['origin', 'destination', 'date']) expect(ids).toContain(id);
    }
  });

  it('every made task is fully satisfied by booking its own target (SR = 1)', () => {
    for (const task of tasks) {
      const e = evaluate(task, bookedState(targetOf(task)));
      expect(e.sr, `${task.id}: ${JSON.stringify(e.verdicts.filter((v) => !v.satisfied))}`).toBe(true);
    }
  });

  it('instructions name the cities in words and carry no broken values', () => {
    for (const task of tasks) {
      const from = railCity(task.target.params.origin)!.name;
      const to = railCity(task.target.params.destination)!.name;
      expect(task.instruction).toContain(from);
      expect(task.instruction).toContain(to);
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
      for (const c of task.constraints) expect(c.phrase).not.toMatch(/undefined|NaN|\[object|null/);
    }
  });


  it('candidates: unique ids, varied phrasings, satisfied by a booking of the target, deterministic', () => {
    for (const t of targets) {
      const cands = catalogue.candidates(t, new Rng('a'));
      const ids = cands.map((c) => c.constraint.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ['origin', 'destination', 'date', 'adults', 'children', 'railcard', 'duration-max', 'depart-period', 'class', 'fare', 'fare-price-max']) {
        expect(ids).toContain(id);
      }
      const state = bookedState(t);
      for (const c of cands) {
        expect(c.phrases.length).toBeGreaterThan(0);
        expect(new Set(c.phrases.map((p) => p.id)).size).toBe(c.phrases.length);
        for (const p of c.phrases) expect(p.text).not.toMatch(/undefined|NaN|\[object|null/);
        const e = evaluate({ id: 'c', site: 'railgo', constraints: [worded(c), { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Book.' }] }, state);
        expect(e.sr, `${c.constraint.id} on ${t.listing.id}: ${JSON.stringify(e.verdicts)}`).toBe(true);
      }
      // No randomness: the same target gives the same constraints (superlative scopes stay put).
      const again = catalogue.candidates(t, new Rng('b')).map((c) => ({ c: c.constraint, p: c.phrases }));
      expect(again).toEqual(cands.map((c) => ({ c: c.constraint, p: c.phrases })));
    }
  });

  it('matchesListing agrees with the evaluator on every listing of the results', () => {
    let checked = 0;
    for (const t of targets) {
      for (const c of catalogue.candidates(t, new Rng('m'))) {
        if (!c.matchesListing) continue;
        const w = worded(c);
        for (const l of t.results) {
          expect(c.matchesListing(l), `${c.constraint.id} on ${l.id}`).toBe(listingVerdict(w, l.attrs));
          checked++;
        }
        expect(c.matchesListing(t.listing)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('listing-level refinements carry matchesListing; choice-level ones do not', () => {
    const choiceLevel = new Set(['class', 'fare', 'refundable', 'fully-refundable', 'fare-price-max', 'children', 'railcard', 'adults']);
    for (const t of targets) {
      for (const c of catalogue.candidates(t, new Rng('r'))) {
        if (c.role === 'refine' && !choiceLevel.has(c.constraint.id)) expect(c.matchesListing, c.constraint.id).toBeTypeOf('function');
        if (choiceLevel.has(c.constraint.id)) expect(c.matchesListing, c.constraint.id).toBeUndefined();
      }
    }
  });

  it('covers the constraint kinds and all superlatives across the 60 tasks', () => {
    const kinds = new Set(tasks.flatMap((t) => t.constraints.map((c) => c.kind)));
    for (const k of ['exact', 'count', 'time_window', 'superlative', 'booked']) expect(kinds).toContain(k);
    const candKinds = new Set(targets.flatMap((t) => catalogue.candidates(t, new Rng('k')).map((c) => c.constraint.kind)));
    for (const k of ['exact', 'range', 'set', 'time_window', 'count']) expect(candKinds).toContain(k);
    expect(catalogue.superlatives.map((s) => s.id).sort()).toEqual(['cheapest', 'earliest', 'fastest', 'latest']);
  });
});
