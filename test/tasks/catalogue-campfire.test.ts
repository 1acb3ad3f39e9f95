import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { packageSearch } from '../../src/sites/campfire/inventory.js';
import { buildArenaWorld, catalogueFor, siteById } from '../../src/sites/registry.js';
import { bookedState } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, checkSuperlatives, exampleTargets, expectListingJudgementsAgree, tierTasks, withPhrase } from '../helpers/catalogue.js';

const site = siteById('campfire');
const catalogue = catalogueFor('campfire');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('campfire task catalogue', () => {
  it('makes at least 90% of 60 tasks, valid and feasible: every one a pitch and a package, paid by a deposit on a card', () => {
    const tasks = tierTasks(site, world, 3);
    expect(tasks.length).toBeGreaterThanOrEqual(54);
    const ids = new Set<string>();
    for (const task of tasks) {
      const { target } = checkGeneratedTask(task, site, world);
      for (const c of task.constraints) ids.add(c.id);
      for (const id of ['area', 'date', 'nights']) expect(task.constraints.map((c) => c.id)).toContain(id);
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
      // The bundle: the pitch is the main choice, the package its second part, searched from the same stay.
      expect(target.items).toHaveLength(1);
      expect(target.items[0]!.slot).toBe('package');
      expect(target.items[0]!.params).toEqual(packageSearch(task.target.params));
      expect(task.target.card?.number.replace(/\D/g, '')).toMatch(/^(4242424242424242|5555555555554444)$/);
    }
    for (const id of ['pitch', 'electricity', 'package']) expect(ids).toContain(id);
    expect([...ids].some((i) => ['pets', 'vehicle'].includes(i))).toBe(true);
    expect([...ids].filter((i) => ['cheapest', 'best-rated'].includes(i)).length).toBeGreaterThanOrEqual(1);
  });

  it('every candidate holds for a booking of its target and names a fact the pages show; package facts are the bundle\'s package part', () => {
    const targets = exampleTargets(site, world, 30, 'cands');
    for (const t of targets) {
      const cands = catalogue.candidates(t, new Rng('a'));
      expect(new Set(cands.map((c) => c.constraint.id)).size).toBe(cands.length);
      const state = bookedState(t);
      expect(state.bookings[0]!.attrs['package.packageName']).toBe(t.items[0]!.attrs.packageName);
      for (const c of cands) {
        const e = evaluate({ id: 'c', site: 'campfire', constraints: [withPhrase(c), { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Book.' }] }, state);
        expect(e.sr, `${c.constraint.id}: ${JSON.stringify(e.verdicts)}`).toBe(true);
        const field = 'field' in c.constraint ? c.constraint.field : '';
        expect(site.facts.some((f) => f.field === field), field).toBe(true);
      }
      expect(catalogue.candidates(t, new Rng('b')).map((c) => c.constraint)).toEqual(cands.map((c) => c.constraint));
    }
  });

  it('what is paid now is a 30% deposit of the stay plus the package in full; a search returns 15-60 campsites', () => {
    for (const t of exampleTargets(site, world, 20, 'price')) {
      const booking = bookedState(t).bookings[0]!;
      const stay = Number(booking.attrs.stayPrice);
      const deposit = Number(booking.attrs.deposit);
      expect(deposit).toBeCloseTo(Math.round(stay * 30) / 100, 2);
      expect(Number(booking.attrs.balanceOnArrival)).toBeCloseTo(stay - deposit, 2);
      const people = Number(t.params.adults) + Number(t.params.children);
      expect(booking.price.total).toBeCloseTo(deposit + Number(t.items[0]!.attrs.pricePerPerson) * people, 2);
      expect(booking.price.lines.some((l) => l.amount < 0 && l.label.includes('Paid at the campsite on arrival'))).toBe(true);
      expect(t.results.length).toBeGreaterThanOrEqual(15);
      expect(t.results.length).toBeLessThanOrEqual(60);
    }
  });

  it('pets where none are allowed, a vehicle too long, or a pitch too small or for another vehicle cannot be booked', () => {
    let checked = 0;
    for (const t of exampleTargets(site, world, 30, 'rules')) {
      const people = Number(t.params.adults) + Number(t.params.children);
      for (const l of t.results) {
        if (Number(t.params.pets) > 0 && l.attrs.petsAllowed === false) expect(l.soldOut).toBe(true);
        if (t.params.vehicle === 'caravan' && Number(l.attrs.maxVehicleM) < 11) expect(l.soldOut).toBe(true);
        const d = site.detail(world, t.params, l.id)!;
        for (const c of d.optionGroups.find((g) => g.id === 'pitch')!.choices) {
          if (c.id === 'glamping' && people > 4) expect(c.soldOut).toBe(true);
          if (c.id === 'caravan' && t.params.vehicle !== 'caravan') expect(c.soldOut).toBe(true);
          if (c.id === 'campervan' && !['van6', 'van8'].includes(String(t.params.vehicle))) expect(c.soldOut).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('matchesListing agrees with the evaluator on every listing of the results', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 25, 'match'))).toBeGreaterThan(300);
  });

  it('superlatives are the best over every bookable option that fits', () => {
    expect(checkSuperlatives(tierTasks(site, world, 7, 8), site, world)).toBeGreaterThan(3);
  }, 600_000);
});
