import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { BookingTask, type Constraint } from '../../src/core/schemas/task.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { NO_FACTS, factsOf } from '../../src/evaluation/facts.js';
import { selectionAttrs } from '../../src/sites/engine/flow.js';
import type { Choice, Listing } from '../../src/sites/engine/site-definition.js';
import { forkful } from '../../src/sites/forkful/index.js';
import { cityName } from '../../src/sites/forkful/labels.js';
import type { Candidate, Target } from '../../src/sites/kit/task-catalogue.js';
import { bookableChoices, bookedState, buildTarget } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, tierTasks, exampleTargets, expectListingJudgementsAgree, listingFacts, targetOfTask, withPhrase } from '../helpers/catalogue.js';
import { buildArenaWorld, catalogueFor } from '../../src/sites/registry.js';

const site = forkful;
const catalogue = catalogueFor('forkful');
const KEY_IDS = ['city', 'date', 'booked-time'];
let world: World;


/** Random targets of the site's own example searches. */
function targets(n: number, label: string): Target[] {
  return exampleTargets(site, world, n, label);
}

/** The target a task names, with exactly its choices, people and add-ons. */
function targetOf(task: BookingTask): Target {
  return targetOfTask(task, site, world);
}

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('forkful task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible and naming its key facts', () => {
    const made = tierTasks(site, world, 11);
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, world);
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
    for (const t of targets(25, 'tighter')) {
      const first = catalogue.candidates(t, new Rng('first')).filter((c) => c.matchesListing);
      for (const other of t.results) {
        if (other.id === t.listing.id) continue;
        const moved = buildTarget(site, world, t.params, new Rng(`moved/${other.id}`), other.id);
        if (!moved) continue;
        const again = new Map(catalogue.candidates(moved, new Rng('again')).map((c) => [c.constraint.id, c]));
        for (const c of first) {
          if (!c.matchesListing!(moved.listing)) continue;
          const d = again.get(c.constraint.id);
          expect(d, `${c.constraint.id} redrawn on ${other.id}`).toBeDefined();
          for (const l of t.results) if (d!.matchesListing!(l)) expect(c.matchesListing!(l), `${c.constraint.id}: ${l.id}`).toBe(true);
        }
      }
    }
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
    expect(bookableChoices(site, world, t.params, t.listing)).toBeDefined();
  });
});
