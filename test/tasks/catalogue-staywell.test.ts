import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { BookingTask, type Constraint } from '../../src/core/schemas/task.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { NO_FACTS, factsOf } from '../../src/evaluation/facts.js';
import { selectionAttrs } from '../../src/sites/engine/flow.js';
import type { Choice, Listing } from '../../src/sites/engine/site-definition.js';
import type { Candidate, Target } from '../../src/sites/kit/task-catalogue.js';
import { distanceBound } from '../../src/sites/staywell/tasks.js';
import { bookableChoices, bookedState, buildTarget } from '../../src/tasks/target.js';
import { cityById } from '../../src/world/geography.js';
import { catalogueContext, checkGeneratedTask, checkSuperlatives, tierTasks, exampleTargets, expectListingJudgementsAgree, targetOfTask, withPhrase, expectRedrawsTighter } from '../helpers/catalogue.js';

const ctx = catalogueContext('staywell');
const { site, catalogue, targets, targetOf } = ctx;
const KEY_IDS = ['destination', 'checkIn', 'checkOut'];
/** Listing facts: constraints on these scope superlatives. */
const LISTING_FIELDS = new Set(['stars', 'rating', 'pricePerNight', 'distanceKm', 'neighbourhood', 'amenities', 'reviewCount', 'checkInTime', 'checkOutTime']);




let made: BookingTask[] = [];

beforeAll(() => {
  made = tierTasks(site, ctx.world, 5);
});

describe('staywell task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible and naming where and when', () => {
    expect(made.length).toBeGreaterThanOrEqual(54);
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, ctx.world);
      for (const c of catalogue.candidates(target, new Rng('keys'))) if (c.role === 'key') expect(ids).toContain(c.constraint.id);
      expect(evaluate(task, bookedState(target)).sr).toBe(true);

      const dest = task.constraints.find((c) => c.id === 'destination');
      expect(dest?.kind === 'exact' && dest.value).toBe(task.target.params.destination);
      expect(task.instruction).toContain(cityById(String(task.target.params.destination))!.name);
      for (const k of KEY_IDS) expect(task.instruction).toContain(task.constraints.find((c) => c.id === k)!.phrase);
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it("states every party fact that differs from the form's default, so an agent keeping the defaults searches the target's search", () => {
    const defaults = Object.fromEntries(site.searchFields.flatMap((f) => (f.kind === 'stepper' ? [[f.name, f.default]] : [])));
    expect(defaults).toEqual({ adults: 2, children: 0, rooms: 1 });
    for (const task of made) {
      const said = new Set(task.constraints.map((c) => c.id));
      for (const [name, value] of Object.entries(defaults)) if (!said.has(name)) expect(task.target.params[name], `${task.id} ${name}`).toBe(value);
    }
  });

  it('keeps superlatives right: the best value over every option in scope, reached by the target', () => {
    expect(checkSuperlatives(made, site, ctx.world)).toBeGreaterThan(10);
  });

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    for (const t of targets(40, 'satisfied')) {
      const cands = catalogue.candidates(t, new Rng('c'));
      const ids = cands.map((c) => c.constraint.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const k of KEY_IDS) expect(cands.find((c) => c.constraint.id === k)?.role).toBe('key');
      // A party other than the form's default (2 adults, no children, 1 room) is always stated.
      const party = { adults: Number(t.params.adults), children: Number(t.params.children), rooms: Number(t.params.rooms) };
      expect(cands.find((c) => c.constraint.id === 'adults')?.role).toBe(party.adults === 2 ? 'core' : 'key');
      expect(cands.find((c) => c.constraint.id === 'children')?.role).toBe(party.children === 0 ? 'refine' : 'key');
      expect(cands.find((c) => c.constraint.id === 'rooms')?.role).toBe(party.rooms === 1 ? 'refine' : 'key');
      const facts = factsOf(bookedState(t));
      for (const c of cands) {
        expect(c.phrases.length).toBeGreaterThan(0);
        expect(new Set(c.phrases.map((p) => p.id)).size).toBe(c.phrases.length);
        for (const p of c.phrases) {
          expect(p.text).not.toMatch(/undefined|NaN|\[object/);
          expect(p.form === 'sentence').toBe(/[.!?]$/.test(p.text));
        }
        const verdict = checkConstraint(withPhrase(c), facts);
        expect(verdict.satisfied, `${c.constraint.id} on ${t.listing.id}`).toBe(true);
      }
    }
  });

  it('judges listings the way the evaluator does (matchesListing agrees with checkConstraint on listing facts)', () => {
    const compared = expectListingJudgementsAgree(catalogue, targets(40, 'listing'), (c) => {
      if (c.matchesListing) expect('field' in c.constraint && LISTING_FIELDS.has(c.constraint.field)).toBe(true);
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it('redraws a refinement on a listing that meets it as the same or a tighter one, or under another id', () => {
    expectRedrawsTighter(ctx, targets(20, 'tighter'), (c) => expect(c.constraint.kind, c.constraint.id).toBe('set'));
  });

  it('gives the same candidates whatever rng the generator passes', () => {
    for (const t of targets(10, 'rng')) {
      const a = catalogue.candidates(t, new Rng('a')).map((c) => [c.constraint, c.phrases]);
      const b = catalogue.candidates(t, new Rng('b')).map((c) => [c.constraint, c.phrases]);
      expect(a).toEqual(b);
    }
  });

  it('covers the kinds the site allows, and uses at least three superlatives', () => {
    const kinds = new Set<string>();
    const ids = new Set<string>();
    for (const t of targets(60, 'kinds')) for (const c of catalogue.candidates(t, new Rng('k'))) (kinds.add(c.constraint.kind), ids.add(c.constraint.id.replace(/^(amenities|neighbourhood)-.*$/, '$1-set')));
    for (const k of ['exact', 'range', 'set', 'time_window', 'count']) expect(kinds).toContain(k);
    for (const id of ['stars-min', 'rating-min', 'distance-max', 'neighbourhood', 'amenities-set', 'neighbourhood-set', 'reviews-min', 'checkin-by', 'checkout-after', 'room', 'rate', 'free-cancellation', 'breakfast', 'nightly-max', 'rooms', 'children']) expect(ids).toContain(id);
    const used = new Set(made.flatMap((t) => t.constraints.filter((c) => c.kind === 'superlative').map((c) => c.id)));
    expect(used.size).toBeGreaterThanOrEqual(3);
  });

  it('rounds distance bounds up to half or whole kilometres', () => {
    expect(distanceBound(0.1)).toBe(0.5);
    expect(distanceBound(0.5)).toBe(0.5);
    expect(distanceBound(1.1)).toBe(1.5);
    expect(distanceBound(2)).toBe(2);
    expect(distanceBound(2.1)).toBe(3);
    expect(distanceBound(3.8)).toBe(4);
  });
});
