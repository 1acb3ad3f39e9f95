import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { BookingTask, type Constraint } from '../../src/core/schemas/task.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { NO_FACTS, factsOf } from '../../src/evaluation/facts.js';
import { selectionAttrs } from '../../src/sites/engine/flow.js';
import type { Choice, Listing, SearchParams } from '../../src/sites/engine/site-definition.js';
import type { Candidate, Target } from '../../src/sites/kit/task-catalogue.js';
import { ceilNice, timeRoles, timeText } from '../../src/sites/wheelo/tasks.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { roundUpNice } from '../../src/sites/kit/phrasing.js';
import { bookableChoices, bookedState, buildTarget } from '../../src/tasks/target.js';
import { carLocationById } from '../../src/sites/wheelo/domain.js';
import { catalogueContext, checkGeneratedTask, checkSuperlatives, tierTasks, exampleTargets, expectListingJudgementsAgree, listingFacts, targetOfTask, withPhrase, expectRedrawsTighter } from '../helpers/catalogue.js';

const ctx = catalogueContext('wheelo');
const { site, catalogue, targets, targetOf } = ctx;
const KEY_IDS = ['pickup-location', 'pickup-date', 'dropoff-date'];
/** Listing facts (not overridden by a choice): constraints on these scope superlatives. */
const LISTING_FIELDS = new Set(['carClass', 'transmission', 'fuel', 'supplier', 'supplierRating', 'seats', 'bags', 'airConditioning', 'freeCancellation', 'pricePerDay', 'deposit']);
/** What the search form shows when the instruction does not say. */
const DEFAULTS = { pickupTime: '10:00', dropoffTime: '10:00', driverAge: 30 };




/** The searches an agent could run from the instruction: stated times and age, else the form's defaults; a window's edge or the default inside it. */
function agentSearches(task: BookingTask): SearchParams[] {
  const p = task.target.params;
  const by = (id: string) => task.constraints.find((c) => c.id === id);
  const options = (id: string, field: 'pickupTime' | 'dropoffTime'): string[] => {
    const c = by(id);
    if (!c) return [DEFAULTS[field]];
    if (c.kind === 'exact') return [String(c.value)];
    if (c.kind !== 'time_window') throw new Error(`${id} is ${c.kind}`);
    const edge = c.after ?? c.before!;
    const inside = c.after !== undefined ? DEFAULTS[field] >= c.after : DEFAULTS[field] <= c.before!;
    return inside ? [edge, DEFAULTS[field]] : [edge];
  };
  const age = by('driver-age');
  const out: SearchParams[] = [];
  for (const pickupTime of options('pickup-time', 'pickupTime')) {
    for (const dropoffTime of options('dropoff-time', 'dropoffTime')) {
      out.push({ pickupLocation: p.pickupLocation!, pickupDate: p.pickupDate!, dropoffDate: p.dropoffDate!, pickupTime, dropoffTime, driverAge: age?.kind === 'exact' ? Number(age.value) : DEFAULTS.driverAge });
    }
  }
  return out;
}

/** More hard tasks, for superlatives. */
function hardTasks(n: number): BookingTask[] {
  const out: BookingTask[] = [];
  for (let index = 0; index < n; index++) {
    const task = generateTask({ site, catalogue, world: ctx.world, seed: 12, index, difficulty: 'hard', split: 'train' });
    if (task) out.push(task);
  }
  return out;
}

let made: BookingTask[] = [];

beforeAll(() => {
  made = tierTasks(site, ctx.world, 11);
});

describe('wheelo task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible and naming where and when', () => {
    expect(made.length).toBeGreaterThanOrEqual(54);
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, ctx.world);
      for (const c of catalogue.candidates(target, new Rng('keys'))) if (c.role === 'key') expect(ids).toContain(c.constraint.id);
      for (const k of KEY_IDS) expect(ids).toContain(k);
      if (Number(task.target.params.driverAge) < 25) expect(ids).toContain('driver-age');
      expect(evaluate(task, bookedState(target)).sr).toBe(true);

      const loc = carLocationById(String(task.target.params.pickupLocation))!;
      expect(task.instruction).toContain(loc.cityName);
      expect(task.instruction).toMatch(loc.type === 'airport' ? /airport/i : /downtown|city-centre|branch/);
      for (const k of KEY_IDS) expect(task.instruction).toContain(task.constraints.find((c) => c.id === k)!.phrase.replace(/\.$/, ''));
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('keeps superlatives right: the best value over every option in scope, reached by the target', () => {
    expect(checkSuperlatives([...made, ...hardTasks(45)], site, ctx.world)).toBeGreaterThan(15);
  }, 300_000);

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    const kinds = new Set<string>();
    for (const [i, t] of targets(60, 'satisfied').entries()) {
      const cands = catalogue.candidates(t, new Rng(`c/${i}`));
      const ids = cands.map((c) => c.constraint.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const k of KEY_IDS) expect(cands.find((c) => c.constraint.id === k)?.role).toBe('key');
      expect(cands.find((c) => c.constraint.id === 'driver-age')?.role).toBe(Number(t.params.driverAge) < 25 ? 'key' : 'refine');
      const facts = factsOf(bookedState(t));
      for (const c of cands) {
        kinds.add(c.constraint.kind);
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
    expect([...kinds].sort()).toEqual(['count', 'exact', 'range', 'set', 'time_window']);
  });

  it('judges listings the way the evaluator does (matchesListing agrees with checkConstraint on listing facts)', () => {
    const compared = expectListingJudgementsAgree(catalogue, targets(40, 'listing'), (c) => {
      if (c.matchesListing) expect('field' in c.constraint && LISTING_FIELDS.has(c.constraint.field)).toBe(true);
      else if ('field' in c.constraint && c.role === 'refine') expect(LISTING_FIELDS.has(c.constraint.field), c.constraint.id).toBe(false);
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it('redraws a refinement on a listing that meets it as the same or a tighter one (or not at all)', () => {
    expectRedrawsTighter(ctx, targets(15, 'tighter'), () => {});
  });

  it('bounds the daily price so the target car meets it whatever times an agent picks', () => {
    let bounded = 0;
    for (const t of targets(40, 'price')) {
      const c = catalogue.candidates(t, new Rng('p')).find((x) => x.constraint.id === 'price-max');
      if (!c || c.constraint.kind !== 'range') continue;
      for (const [pickupTime, dropoffTime] of [['08:00', '20:00'], ['20:00', '08:00'], ['10:00', '10:00']] as const) {
        const l = site.search(ctx.world, { ...t.params, pickupTime, dropoffTime }).find((x) => x.id === t.listing.id)!;
        expect(Number(l.attrs.pricePerDay)).toBeLessThanOrEqual(c.constraint.max!);
      }
      bounded++;
    }
    expect(bounded).toBeGreaterThan(30);
  });

  it('marks a time core exactly when leaving it unsaid (pick-up at 10:00, drop-off following pick-up) could change the number of rental days', () => {
    expect(timeRoles('10:00', '10:00')).toEqual({ pickup: 'refine', dropoff: 'refine', windows: true });
    expect(timeRoles('13:30', '09:00')).toEqual({ pickup: 'refine', dropoff: 'refine', windows: true });
    expect(timeRoles('15:00', '15:00')).toEqual({ pickup: 'core', dropoff: 'refine', windows: false });
    expect(timeRoles('09:00', '09:00')).toEqual({ pickup: 'refine', dropoff: 'refine', windows: true });
    expect(timeRoles('09:00', '17:00')).toEqual({ pickup: 'refine', dropoff: 'core', windows: false });
    expect(timeRoles('11:00', '09:30')).toEqual({ pickup: 'refine', dropoff: 'refine', windows: true });
    expect(timeRoles('13:00', '11:00')).toEqual({ pickup: 'core', dropoff: 'refine', windows: false });
    const days = (pt: string, dt: string) => (dt > pt ? 1 : 0);
    const TIMES = ['08:30', '09:00', '10:00', '11:00', '13:30', '17:00'];
    for (const pt of TIMES) {
      for (const dt of TIMES) {
        const r = timeRoles(pt, dt);
        for (const saidP of [true, false]) {
          for (const saidD of [true, false]) {
            if ((r.pickup === 'core' && !saidP) || (r.dropoff === 'core' && !saidD)) continue;
            const p = saidP ? pt : '10:00';
            expect(days(p, saidD ? dt : p), `${pt} ${dt} ${saidP} ${saidD}`).toBe(days(pt, dt));
          }
        }
      }
    }
  });

  it('says times and prices the way people do', () => {
    expect(timeText('10:00')).toBe('10 am');
    expect(timeText('09:30')).toBe('9:30 am');
    expect(timeText('12:00')).toBe('noon');
    expect(timeText('17:30')).toBe('5:30 pm');
    for (const v of [12.3, 45, 49.99, 50, 137.2, 200, 1234]) {
      expect(ceilNice(v)).toBeGreaterThanOrEqual(v);
      expect(ceilNice(ceilNice(v))).toBe(ceilNice(v));
      expect(ceilNice(v)).toBeLessThanOrEqual(roundUpNice(v));
    }
  });
});
