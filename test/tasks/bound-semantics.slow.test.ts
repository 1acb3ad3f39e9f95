import { beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../../src/sites/registry.js';
import type { World } from '../../src/world/world.js';
import { PER_UNIT_PRICE_SITES, checkPriceBounds } from '../helpers/price-bounds.js';
import { testWorld } from '../helpers/test-server.js';

/**
 * A bound on what the user pays checks what the user pays: a pricier option of the same listing
 * breaks it. The exhaustive sweep, every site (slow tier: ~300 s on a loaded machine);
 * bound-semantics.test.ts runs a seeded sample of it in `make test`.
 */
describe('price bounds, every site', () => {
  let world: World;
  beforeAll(() => {
    world = testWorld();
  });

  it.each(SITES.map((s) => [s.id, s] as const))('every price bound of a generated task on %s is violated by buying a pricier option of the same listing', (id, site) => {
    const { checked } = checkPriceBounds(site, world, { tasksWithBounds: 12, perUnitChecks: 5 });
    // Sites whose options change what is paid per unit (fares, room rates, sections, classes) were tested.
    if (PER_UNIT_PRICE_SITES.includes(id)) expect(checked, id).toBeGreaterThan(5);
    // A generous ceiling: seconds here, several times that on a loaded machine.
  }, 600_000);
});
