import { beforeAll, describe, expect, it } from 'vitest';
import { buildArenaWorld, catalogueFor } from '../../src/sites/registry.js';
import { nestaway } from '../../src/sites/nestaway/index.js';
import { horizonDates } from '../../src/core/dates.js';
import { rentalsDomain } from '../../src/sites/nestaway/domain.js';
import { nightTaken } from '../../src/sites/nestaway/inventory.js';
import type { World } from '../../src/world/world.js';
import { checkGeneratedTask, checkSuperlatives, exampleTargets, expectCandidatesHold, expectListingJudgementsAgree, tierTasks } from '../helpers/catalogue.js';

const site = nestaway;
const catalogue = catalogueFor('nestaway');
let world: World;

beforeAll(() => {
  world = buildArenaWorld(1);
});

describe('nestaway task catalogue', () => {
  it('makes at least 90% of 60 tasks, each valid, feasible, naming city, check-in and nights, with an account and a card', () => {
    const made = tierTasks(site, world, 5);
    for (const task of made) {
      const { ids, target } = checkGeneratedTask(task, site, world);
      for (const k of ['city', 'check-in', 'nights']) expect(ids).toContain(k);
      // The place sleeps the party for the whole stay; booking needs an account (no guest checkout) and a card.
      expect(Number(target.listing.attrs.maxGuests)).toBeGreaterThanOrEqual(Number(task.target.params.guests));
      expect(task.target.account?.mode).toBe('register');
      expect(task.target.card).toBeDefined();
      expect(task.instruction).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(made.length).toBeGreaterThanOrEqual(54);
  });

  it('offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
    expectCandidatesHold(catalogue, exampleTargets(site, world, 40, 'satisfied'));
  });

  it('judges listings the way the evaluator does, and its superlatives are the best of their search', () => {
    expect(expectListingJudgementsAgree(catalogue, exampleTargets(site, world, 30, 'listing'))).toBeGreaterThan(200);
    const hard = tierTasks(site, world, 7).filter((t) => t.metadata.difficulty === 'hard');
    expect(checkSuperlatives(hard, site, world)).toBeGreaterThan(0);
  });

  it('refuses a stay on a night already taken, and a party bigger than the place', () => {
    const t = exampleTargets(site, world, 1, 'refuse')[0]!;
    const r = t.listing;
    expect(site.detail(world, { ...t.params, guests: Number(r.attrs.maxGuests) + 1 }, r.id)).toBeUndefined();
    expect(site.whyUnavailable!(world, { ...t.params, guests: Number(r.attrs.maxGuests) + 1 }, r.id)).toMatch(/sleeps at most/);
    // Some night of the horizon is taken for this place: a stay over it is not offered.
    const taken = horizonDates().find((d) => nightTaken(world, world.find(rentalsDomain, r.id)!, d))!;
    expect(site.detail(world, { ...t.params, date: taken, nights: 1 }, r.id)).toBeUndefined();
  });
});
