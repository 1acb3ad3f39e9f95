import { describe, expect, it } from 'vitest';
import { EpisodeState } from '../../src/core/schemas/episode-state.js';
import { bookThroughUi } from '../../src/demo/walkthrough.js';
import { SITES } from '../../src/sites/registry.js';
import { sharedBrowser } from '../helpers/browser.js';
import { stateOf, useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: true });

describe('a real Chromium books end to end', () => {
  it('serves every registered site (thirteen or more) of at least ten domains', () => {
    expect(SITES.length).toBeGreaterThanOrEqual(13);
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    expect(new Set(SITES.map((s) => s.domain)).size).toBeGreaterThanOrEqual(10);
  });

  for (const site of SITES) {
    it(`${site.id}: search, choose, details, review, confirm; the state API shows exactly that booking`, async () => {
    const server = getServer();
      const browser = await sharedBrowser();
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const episode = `e2e-${site.id}`;
        await page.goto(server.startUrl(site.id, server.episodes.create(episode)));
        const result = await bookThroughUi(page, site, server.world, server.origin(site.id));
        expect(result.reference).toMatch(/^[A-Z]{3}-[A-Z0-9]{6}$/);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(site.wording.confirmationHeading);

        const state = EpisodeState.parse(await stateOf(server, episode));
        const mine = state.sites[site.id]!;
        expect(mine.bookings).toHaveLength(1);
        const booking = mine.bookings[0]!;
        expect(booking.reference).toBe(result.reference);
        expect(booking.title).toBe(result.listingTitle);
        expect(mine.selection?.params).toEqual(result.params);
        expect(booking.attrs.totalPrice).toBe(booking.price.total);
        expect(booking.price.total).toBeCloseTo(booking.price.lines.reduce((s, l) => s + l.amount, 0), 2);
        expect(booking.travellers).toHaveLength(site.travellerCount(result.params));
        // Nothing leaked onto other sites for this episode.
        expect(Object.keys(state.sites)).toEqual([site.id]);
      } finally {
        await context.close();
      }
    });
  }
});
