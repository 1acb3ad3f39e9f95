import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Task, type Constraint } from '../../src/core/schemas/task.js';
import { factsOf, type Facts } from '../../src/evaluation/facts.js';
import { evaluate, evaluateFacts } from '../../src/evaluation/evaluate.js';
import { addDays } from '../../src/core/dates.js';
import { SITES, siteById } from '../../src/sites/registry.js';
import { checkFeasible } from '../../src/tasks/feasibility.js';
import { factKey, generateTask } from '../../src/tasks/generate-task.js';
import { bookedState } from '../../src/tasks/target.js';
import { targetOfTask } from '../helpers/catalogue.js';
import { testWorld } from '../helpers/test-server.js';

const world = testWorld();
const TIERS = ['easy', 'medium', 'hard'] as const;

/** The facts with exactly one constraint broken (facts of a booking: the same at every stage). */
function violate(c: Constraint, f: Facts): Facts {
  const attrs = { ...f.byStage.booking.attrs };
  const at = { attrs, source: f.byStage.booking.source };
  const g: Facts = { ...f, byStage: { search: at, selection: at, details: at, booking: at }, extras: { ...f.extras }, contact: { ...f.contact }, travellers: f.travellers.map((t) => ({ ...t })) };
  switch (c.kind) {
    case 'exact':
      attrs[c.field] = typeof c.value === 'number' ? c.value + 1 : typeof c.value === 'boolean' ? !c.value : `${c.value}-other`;
      break;
    case 'range':
      attrs[c.field] = c.max !== undefined ? c.max + 1 : c.min! - 1;
      break;
    case 'set':
      attrs[c.field] = c.mode === 'excludes' ? [...c.values] : [];
      break;
    case 'time_window':
      attrs[c.field] = c.after !== undefined ? minus(c.after) : plus(c.before!);
      break;
    case 'date_window':
      attrs[c.field] = c.from !== undefined ? addDays(c.from, -1) : addDays(c.to!, 1);
      break;
    case 'superlative':
      // Another listing at another value: neither one of the winners nor the best value.
      g.option = { listing: `${f.option?.listing}-other`, choices: f.option?.choices ?? {} };
      attrs[c.field] = typeof c.best === 'number' ? c.best + (c.objective === 'min' ? 1 : -1) : `${c.best}-other`;
      break;
    case 'count':
      attrs[c.field] = c.value + 1;
      break;
    case 'details':
      if (c.traveller === undefined) g.contact[c.field] = 'zzz-wrong';
      else g.travellers[c.traveller - 1]![c.field] = 'zzz-wrong';
      break;
    case 'addon':
      g.extras[c.field] = c.chosen ? 0 : 1;
      break;
    case 'booked':
      g.bookings = 2;
      break;
  }
  return g;
}
const minus = (t: string) => { const m = Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) - 1; return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`; };
const plus = (t: string) => { const m = Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) + 1; return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`; };

const arbTask = fc
  .record({ site: fc.constantFrom(...SITES.map((x) => x.tasks).map((c) => c.siteId)), seed: fc.integer({ min: 0, max: 1_000_000 }), index: fc.nat(50), tier: fc.constantFrom(...TIERS) })
  .map(({ site, seed, index, tier }) => generateTask({ site: siteById(site), catalogue: SITES.map((x) => x.tasks).find((c) => c.siteId === site)!, world, seed, index, difficulty: tier, split: 'train' }));

describe('generated tasks (property-based)', () => {
  it('are valid, feasible against the inventory, and a booking of the target scores CSR = 1 and SR', () => {
    fc.assert(
      fc.property(arbTask, (task) => {
        fc.pre(task !== undefined);
        Task.parse(task);
        expect(task!.constraints.length).toBeGreaterThanOrEqual(2);
        expect(task!.constraints.length).toBeLessThanOrEqual(8);
        expect(new Set(task!.constraints.map((c) => c.id)).size).toBe(task!.constraints.length);
        expect(checkFeasible(task!, world)).toBeUndefined();
      }),
      { numRuns: 120 },
    );
  });

  it('violating any single constraint lowers CSR by exactly its share', () => {
    fc.assert(
      fc.property(arbTask, (task) => {
        fc.pre(task !== undefined);
        const t = task!;
        const site = siteById(t.site);
        const target = targetOfTask(t, site, world);
        const facts = factsOf(bookedState(target));
        const n = t.constraints.length;
        expect(evaluate(t, bookedState(target)).csr).toBe(1);
        // One constraint per fact: no two can read as a contradiction.
        expect(new Set(t.constraints.map((c) => factKey(c))).size).toBe(n);
        for (const c of t.constraints) {
          const broken = evaluateFacts(t, violate(c, facts));
          expect(broken.verdicts.find((v) => v.id === c.id)!.satisfied, c.id).toBe(false);
          expect(n - broken.satisfied, c.id).toBe(1);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('generation is deterministic by seed', () => {
    const site = siteById(SITES.map((x) => x.tasks)[0]!.siteId);
    const make = (seed: number) => generateTask({ site, catalogue: SITES.map((x) => x.tasks)[0]!, world, seed, index: 3, difficulty: 'hard', split: 'train' });
    expect(make(5)).toEqual(make(5));
    expect(JSON.stringify(make(5))).not.toBe(JSON.stringify(make(6)));
  });
});
