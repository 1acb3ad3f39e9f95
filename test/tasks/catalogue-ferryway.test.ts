import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { uniformFacts } from '../../src/evaluation/facts.js';
import { selectionAttrs } from '../../src/sites/engine/flow.js';
import type { ChoicePick } from '../../src/sites/engine/site-definition.js';
import { returnLeg } from '../../src/sites/ferryway/index.js';
import { placeName } from '../../src/sites/ferryway/ports.js';
import { buildArenaWorld, catalogueFor, siteById } from '../../src/sites/registry.js';
import { bookedState } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, checkSuperlatives, exampleTargets, expectListingJudgementsAgree, tierTasks, withPhrase } from '../helpers/catalogue.js';

const site = siteById('ferryway');
const catalogue = catalogueFor('ferryway');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('ferryway task catalogue', () => {
  it('makes at least 90% of 60 tasks, valid and feasible, with vehicles, cabins and return sailings among them', () => {
    const tasks = tierTasks(site, world, 3);
    expect(tasks.length).toBeGreaterThanOrEqual(54);
    const ids = new Set<string>();
    let returns = 0;
    const vehicles = new Set<string>();
    for (const task of tasks) {
      const { target } = checkGeneratedTask(task, site, world);
      for (const c of task.constraints) ids.add(c.id);
      for (const id of ['trip', 'origin', 'destination', 'date']) expect(task.constraints.map((c) => c.id)).toContain(id);
      expect(task.instruction).toContain(placeName(task.target.params.origin));
      expect(task.instruction).toContain(placeName(task.target.params.destination));
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
      vehicles.add(String(task.target.params.vehicle));
      if (task.target.params.tripType === 'return') {
        returns++;
        // The sailing back is its own choice: the reverse crossing on the return date, the same vehicle.
        expect(target.items).toHaveLength(1);
        expect(target.items[0]!.slot).toBe('return');
        expect(target.items[0]!.params).toEqual(returnLeg(task.target.params));
        expect(task.constraints.map((c) => c.id)).toContain('return-date');
      } else {
        expect(target.items).toHaveLength(0);
        expect(task.constraints.some((c) => 'field' in c && c.field.startsWith('return.'))).toBe(false);
      }
    }
    expect(returns).toBeGreaterThan(10);
    expect(tasks.length - returns).toBeGreaterThan(10);
    expect(vehicles.size).toBeGreaterThanOrEqual(4);
    expect(ids).toContain('vehicle');
    expect(ids).toContain('return-depart-period');
    expect([...ids].some((i) => ['accommodation', 'sea-view', 'cabin'].includes(i))).toBe(true);
  });

  it('every candidate holds for a booking of its target, and names a fact the pages show', () => {
    const targets = exampleTargets(site, world, 30, 'cands');
    expect(targets.some((t) => t.items.length === 1)).toBe(true);
    for (const t of targets) {
      const cands = catalogue.candidates(t, new Rng('a'));
      expect(new Set(cands.map((c) => c.constraint.id)).size).toBe(cands.length);
      const state = bookedState(t);
      for (const c of cands) {
        const e = evaluate({ id: 'c', site: 'ferryway', constraints: [withPhrase(c), { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Book.' }] }, state);
        expect(e.sr, `${c.constraint.id}: ${JSON.stringify(e.verdicts)}`).toBe(true);
        const field = 'field' in c.constraint ? c.constraint.field : '';
        expect(site.facts.some((f) => f.field === field), field).toBe(true);
      }
      expect(catalogue.candidates(t, new Rng('b')).map((c) => c.constraint)).toEqual(cands.map((c) => c.constraint));
    }
  });

  it('a vehicle the ship cannot carry makes the sailing unbookable; a cabin too small for the party cannot be chosen', () => {
    const t = exampleTargets(site, world, 40, 'veh').find((x) => x.params.vehicle === 'car' && x.results.some((l) => l.attrs.carriesVehicles === false));
    if (t) for (const l of t.results.filter((x) => x.attrs.carriesVehicles === false)) expect(l.soldOut).toBe(true);
    let cabinsChecked = 0;
    for (const x of exampleTargets(site, world, 40, 'cab')) {
      const n = site.travellerCount(x.params);
      for (const l of x.results.filter((r) => r.attrs.hasCabins === true && !r.soldOut)) {
        const g = site.detail(world, x.params, l.id)!.optionGroups.find((o) => o.id === 'accommodation')!;
        for (const c of g.choices) if (c.attrs.cabin === true && Number(c.attrs.berths) < n) expect(c.soldOut, c.id).toBe(true);
        cabinsChecked++;
      }
    }
    expect(cabinsChecked).toBeGreaterThan(0);
  });

  it('a cabin constraint fails for a booking of deck passage', () => {
    const t = exampleTargets(site, world, 60, 'acc').find((x) => x.attrs.cabin === true)!;
    expect(t).toBeDefined();
    const c = catalogue.candidates(t, new Rng('c')).find((x) => ['accommodation', 'sea-view'].includes(x.constraint.id))!;
    const deck = t.detail.optionGroups.find((g) => g.id === 'accommodation')!.choices.find((x) => x.id === 'deck')!;
    const picks: ChoicePick[] = [...t.picks.filter((p) => p.groupId !== 'accommodation'), { groupId: 'accommodation', choice: deck, quantity: 1 }];
    const attrs = selectionAttrs(site, t.params, t.detail, picks.map((p) => p.choice), picks);
    expect(checkConstraint(withPhrase(c), uniformFacts(attrs)).satisfied).toBe(false);
    expect(checkConstraint(withPhrase(c), uniformFacts(t.attrs)).satisfied).toBe(true);
  });

  it('matchesListing agrees with the evaluator on every listing of the results', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 25, 'match'))).toBeGreaterThan(300);
  });

  it('superlatives are the best over every bookable option that fits', () => {
    expect(checkSuperlatives(tierTasks(site, world, 7, 10), site, world)).toBeGreaterThan(3);
  }, 600_000);
});
