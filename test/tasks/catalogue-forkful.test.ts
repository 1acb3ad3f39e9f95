import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { BookingTask, type Constraint } from '../../src/core/schemas/task.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { NO_FACTS, factsOf } from '../../src/evaluation/facts.js';
import { selectionAttrs } from '../../src/sites/engine/flow.js';
import type { Choice, Listing } from '../../src/sites/engine/site-definition.js';
import { cityName } from '../../src/sites/forkful/labels.js';
import type { Candidate, Target } from '../../src/sites/kit/task-catalogue.js';
import { bookableChoices, bookedState, buildTarget } from '../../src/tasks/target.js';
import { catalogueContext, checkGeneratedTask, tierTasks, exampleTargets, expectListingJudgementsAgree, listingFacts, targetOfTask, withPhrase, expectRedrawsTighter } from '../helpers/catalogue.js';

const ctx = catalogueContext('forkful');
const { site, catalogue, targets, targetOf } = ctx;
const KEY_IDS = ['city', 'date', 'booked-time'];




describe('forkful task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible and naming its key facts', () => {
    const made = tierTasks(site, ctx.world, 11);
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, ctx.world);
      for (const k of KEY_IDS) expect(ids).toContain(k);

      // The task names the seating booked, in words, and where.
      const city = task.constraints.find((c) => c.id === 'city');
      const time = task.constraints.find((c) => c.id === 'booked-time');
      expect(city?.kind === 'exact' && city.value).toBe(task.target.params.city);
      expect(time?.kind === 'exact' && time.field).toBe('bookedTime');
      expect(time?.kind === 'exact' && time.value).toBe(task.target.attrs.bookedTime);
      expect(task.instruction).toContain(cityName(task.target.params.city));
      expect(task.instruction).toContain(time!.phrase);
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
    // Generous ceiling: every superlative is proven over a dense inventory (seconds on an idle machine).
  }, 300_000);

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    for (const t of targets(40, 'satisfied')) {
      const cands = catalogue.candidates(t, new Rng('c'));
      const ids = cands.map((c) => c.constraint.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const k of KEY_IDS) expect(cands.find((c) => c.constraint.id === k)?.role).toBe('key');
      expect(cands.find((c) => c.constraint.id === 'party-size')?.role).toBe('core');
      const facts = factsOf(bookedState(t));
      for (const c of cands) {
        expect(c.phrases.length).toBeGreaterThan(0);
        for (const p of c.phrases) {
          expect(p.text).not.toMatch(/undefined|NaN|\[object/);
          expect(p.form === 'sentence').toBe(/[.!?]$/.test(p.text));
        }
        const verdict = checkConstraint(withPhrase(c), facts);
        expect(verdict.satisfied, `${c.constraint.id} on ${t.listing.id}`).toBe(true);
      }
    }
  });

  it("judges listings the way the evaluator does (matchesListing agrees with checkConstraint on listing facts)", () => {
    expect(expectListingJudgementsAgree(catalogue, targets(40, 'listing'))).toBeGreaterThan(1000);
  });

  it('redraws a refinement on a listing that meets it as the same or a tighter one (superlative scopes stay right)', () => {
    expectRedrawsTighter(ctx, targets(25, 'tighter'));
  });

  it('gives the same candidates whatever rng the generator passes', () => {
    for (const t of targets(10, 'rng')) {
      const a = catalogue.candidates(t, new Rng('a')).map((c) => c.constraint);
      const b = catalogue.candidates(t, new Rng('b')).map((c) => c.constraint);
      expect(b).toEqual(a);
    }
  });

  it('has superlatives over numeric listing facts that every listing carries', () => {
    const t = targets(1, 'super')[0]!;
    for (const s of catalogue.superlatives) {
      for (const l of t.results) expect(typeof l.attrs[s.field]).toBe('number');
      expect(s.phrases.every((p) => p.form === 'sentence')).toBe(true);
    }
    expect(new Set(catalogue.superlatives.map((s) => s.id)).size).toBe(catalogue.superlatives.length);
    // The booked listing of any target is bookable, as the superlative search requires.
    expect(bookableChoices(site, ctx.world, t.params, t.listing)).toBeDefined();
  });
});
