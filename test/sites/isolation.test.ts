import { describe, expect, it } from 'vitest';
import { bookThroughUi } from '../../src/demo/walkthrough.js';
import { SITES } from '../../src/sites/registry.js';
import { sharedBrowser } from '../helpers/browser.js';
import { stateOf, useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: true });

describe('episode isolation', () => {
  it('20 episodes booking in parallel on one server each see only their own state', async () => {
    const server = getServer();
    const browser = await sharedBrowser();
    const N = 20;
    const runs = Array.from({ length: N }, (_, i) => ({ i, site: SITES[i % SITES.length]!, episode: `iso-${i}` }));
    const results = await Promise.all(
      runs.map(async ({ i, site, episode }) => {
        const context = await browser.newContext();
        // 20 pages at once on a shared, loaded machine: generous ceilings, never a race against the clock.
        context.setDefaultTimeout(240_000);
        try {
          const page = await context.newPage();
          await page.goto(server.startUrl(site.id, server.episodes.create(episode)));
          return await bookThroughUi(page, site, server.world, server.origin(site.id), 100 + i);
        } finally {
          await context.close();
        }
      }),
    );
    const references = new Set<string>();
    for (const { i, site, episode } of runs) {
      const state = await stateOf(server, episode);
      expect(Object.keys(state.sites)).toEqual([site.id]);
      const mine = state.sites[site.id]!;
      expect(mine.bookings.map((b) => b.reference)).toEqual([results[i]!.reference]);
      expect(mine.selection?.params).toEqual(results[i]!.params);
      expect(mine.search?.params).toEqual(results[i]!.params);
      references.add(results[i]!.reference);
    }
    expect(references.size).toBe(N);
  }, 900_000);

  it('two episodes on the same site in one browser context switch by their start URLs and keep apart', async () => {
    const server = getServer();
    const browser = await sharedBrowser();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const origin = server.origin('skyhop');
      await page.goto(server.startUrl('skyhop', server.episodes.create('alpha')));
      await page.goto(`${origin}/search?origin=LIS&destination=MAD&date=2026-06-10&adults=1&children=0&cabin=economy`);
      await page.goto(server.startUrl('skyhop', server.episodes.create('beta')));
      await page.goto(`${origin}/search?origin=CDG&destination=LHR&date=2026-06-11&adults=2&children=0&cabin=business`);
      expect((await stateOf(server, 'alpha')).sites.skyhop!.search!.params.origin).toBe('LIS');
      expect((await stateOf(server, 'beta')).sites.skyhop!.search!.params.origin).toBe('CDG');
    } finally {
      await context.close();
    }
  });
});
