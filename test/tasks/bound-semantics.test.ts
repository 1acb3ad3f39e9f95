import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { SITES } from '../../src/sites/registry.js';
import type { World } from '../../src/world/world.js';
import { PER_UNIT_PRICE_SITES, checkPriceBounds } from '../helpers/price-bounds.js';
import { testWorld } from '../helpers/test-server.js';

/**
 * A bound on what the user pays checks what the user pays: a pricier option of the same listing
 * breaks it. The quick tier's sample of bound-semantics.slow.test.ts, which sweeps every site:
 * here one site whose options change what is paid per unit (where a bound read off the listing
 * rather than the options would go wrong), drawn with a fixed seed, with fewer tasks. Sites that
 * state price bounds rarely cost minutes to draw enough tasks from, so they run in the slow tier only.
 */
const site = new Rng('bound-semantics/quick-sample').pick(SITES.filter((s) => PER_UNIT_PRICE_SITES.includes(s.id)));

describe('price bounds, a seeded sample', () => {
  let world: World;
  beforeAll(() => {
    world = testWorld();
  });

  it(`every price bound of a generated task on ${site.id} (options priced per unit) is violated by buying a pricier option of the same listing`, () => {
    const { withBounds, checked } = checkPriceBounds(site, world, { tasksWithBounds: 4, perUnitChecks: 2, maxIndex: 100 });
    expect(withBounds).toBeGreaterThanOrEqual(4);
    expect(checked).toBeGreaterThan(2);
  }, 600_000);
});
