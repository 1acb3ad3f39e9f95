import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { BookingTask, type Constraint } from '../../src/core/schemas/task.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { NO_FACTS } from '../../src/evaluation/facts.js';
import { selectionAttrs } from '../../src/sites/engine/flow.js';
import type { Choice, Listing } from '../../src/sites/engine/site-definition.js';
import type { Candidate, Target } from '../../src/sites/kit/task-catalogue.js';
import { keyMode, type EventKeyMode } from '../../src/sites/ticketnest/tasks.js';
import { bookedState, buildTarget } from '../../src/tasks/target.js';
import { cityById } from '../../src/world/geography.js';
import { catalogueContext, checkGeneratedTask, checkSuperlatives, tierTasks, exampleTargets, listingFacts, targetOfTask, withPhrase } from '../helpers/catalogue.js';

const ctx = catalogueContext('ticketnest');
const { site, catalogue, targets, targetOf } = ctx;

const KEY_IDS: Record<EventKeyMode, string[]> = {
  performer: ['city', 'performer', 'date'],
  'category-day': ['city', 'category', 'date'],
  'category-period': ['city', 'category', 'date-window'],
};
const CATEGORY_WORDS = /concert|gig|play|theatre|comedy|sports|opera|festival/;

const body = (c: Constraint) => {
  const { phrase: _p, templateId: _t, ...rest } = c;
  return rest;
};



describe('ticketnest task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible and naming its key facts', () => {
    const modes = new Set<EventKeyMode>();
    const made = tierTasks(site, ctx.world, 5);
    let superlatives = 0;
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, ctx.world);
      if (task.constraints.some((c) => c.kind === 'superlative')) superlatives++;

      // Every key candidate of the target is in the task, with the same requirement.
      const mode = keyMode(task.target.params);
      modes.add(mode);
      const keys = catalogue.candidates(target, new Rng('keys')).filter((c) => c.role === 'key');
      expect(keys.map((k) => k.constraint.id).sort()).toEqual([...KEY_IDS[mode]].sort());
      for (const k of keys) {
        const c = task.constraints.find((x) => x.id === k.constraint.id);
        expect(c, `${task.id} lacks key ${k.constraint.id}`).toBeDefined();
        expect(body(c!)).toEqual(k.constraint);
        expect(task.instruction).toContain(c!.phrase);
      }

      // Key facts in words.
      const text = task.instruction;
      expect(text).toContain(cityById(String(task.target.params.city))!.name);
      if (mode === 'performer') expect(text).toContain(String(task.target.attrs.performer));
      else expect(text).toMatch(CATEGORY_WORDS);
      expect(text).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
    expect(superlatives).toBeGreaterThan(0);
    expect(modes.size).toBe(3);
  });

  it('offers only constraints the target satisfies, with unique ids and real phrases', () => {
    for (const t of targets(40, 'sat')) {
      const cands = catalogue.candidates(t, new Rng(`cands/${t.listing.id}`));
      const ids = cands.map((c) => c.constraint.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(cands.filter((c) => c.role === 'key').map((c) => c.constraint.id).sort()).toEqual([...KEY_IDS[keyMode(t.params)]].sort());
      const state = bookedState(t);
      for (const c of cands) {
        expect(c.phrases.length).toBeGreaterThan(0);
        for (const p of c.phrases) {
          expect(p.text).not.toMatch(/undefined|NaN|\[object|null/);
          expect(p.form === 'sentence' ? /[.!?]$/.test(p.text) : !/[.!?]$/.test(p.text)).toBe(true);
        }
        const task = { id: 't', site: site.id, constraints: [withPhrase(c)] };
        const verdict = evaluate(task, state).verdicts[0]!;
        expect(verdict.satisfied, `${c.constraint.id} on ${t.listing.id}: ${JSON.stringify(verdict.evidence)}`).toBe(true);
      }
    }
  });

  it("judges listings exactly as the evaluator does (superlative scopes)", () => {
    let compared = 0;
    let rejected = 0;
    for (const t of targets(30, 'scope')) {
      const listingLevel = catalogue.candidates(t, new Rng('scope')).filter((c) => c.matchesListing);
      expect(listingLevel.length).toBeGreaterThan(3);
      for (const c of listingLevel) {
        expect(['refine', 'key']).toContain(c.role);
        const constraint = withPhrase(c);
        for (const l of t.results) {
          const mine = c.matchesListing!(l);
          expect(mine, `${c.constraint.id} on ${l.id}`).toBe(checkConstraint(constraint, listingFacts(l)).satisfied);
          compared++;
          if (!mine) rejected++;
        }
      }
    }
    // The comparison means something: both verdicts occur.
    expect(compared).toBeGreaterThan(500);
    expect(rejected).toBeGreaterThan(50);
  });

  it('names the event the same way for every listing of one search', () => {
    for (const t of targets(10, 'stable')) {
      const ids = (x: Target) => catalogue.candidates(x, new Rng('a')).filter((c) => c.role === 'key').map((c) => c.constraint.id);
      for (const l of t.results.slice(0, 5)) {
        const other = buildTarget(site, ctx.world, t.params, new Rng(`other/${l.id}`), l.id);
        if (other) expect(ids(other)).toEqual(ids(t));
      }
    }
  });

  it('gives superlatives over numeric or sortable facts of the selection', () => {
    const [t] = targets(1, 'sup');
    for (const s of catalogue.superlatives) {
      const v = t!.attrs[s.field];
      expect(typeof v === 'number' || typeof v === 'string').toBe(true);
    }
  });

  it('keeps superlatives right: the best value over every option in scope, reached by the target', () => {
    expect(checkSuperlatives(tierTasks(site, ctx.world, 5, 10), site, ctx.world)).toBeGreaterThan(3);
  });
});
