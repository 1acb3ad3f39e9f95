import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { WORLD_TODAY, daysBetween } from '../../src/core/dates.js';
import { applySort } from '../../src/sites/engine/results.js';
import { searchQueryString } from '../../src/sites/engine/search-query.js';
import type { Listing, SearchParams } from '../../src/sites/engine/site-definition.js';
import { siteById } from '../../src/sites/registry.js';
import { pageText } from '../../src/validity/site-driver.js';
import { sharedBrowser } from '../helpers/browser.js';
import { http, testWorld, useTestServer } from '../helpers/test-server.js';

/** What the sites say is true: a careful person acting on the words never gets misled. */
const getServer = useTestServer({ browser: true });
const text = async (site: string, path: string) => {
  const r = await http(getServer(), { site, path });
  return { status: r.status, text: pageText(r.body) };
};

/** The first of the site's example searches with a listing that `pick` accepts (the world decides which, so it is searched for). */
function findListing(siteId: string, pick: (l: Listing, params: SearchParams) => boolean, adjust: (p: SearchParams) => SearchParams = (p) => p): { params: SearchParams; listing: Listing } {
  const site = siteById(siteId);
  const world = testWorld();
  for (let i = 0; i < 400; i++) {
    const params = adjust(site.exampleSearch(world, new Rng(`messages/${siteId}/${i}`)));
    const listing = site.search(world, params).find((l) => pick(l, params));
    if (listing) return { params, listing };
  }
  throw new Error(`${siteId}: no example search has such a listing`);
}
const query = (siteId: string, params: SearchParams) => searchQueryString(siteById(siteId), params);

describe('site messages that say what is true', () => {
  it('the date range message names its first and last day, and the last day is accepted', async () => {
    const q = (date: string) => `/search?origin=LIS&destination=MAD&date=${date}&adults=1&children=0&cabin=economy`;
    const over = await text('skyhop', q('2026-07-31'));
    expect(over.status).toBe(422);
    expect(over.text).toContain('Departure date must be between Monday, June 1, 2026 and Thursday, July 30, 2026');
    expect((await text('skyhop', q('2026-07-30'))).status).toBe(200);
  });

  it('one seat left is "1 seat", not "1 seats"', async () => {
    // On the first page of results, in the site's default order.
    const skyhop = siteById('skyhop');
    const firstPage = (params: SearchParams) => new Set(applySort(skyhop.search(testWorld(), params), skyhop.sorts[0]!).slice(0, skyhop.layout.pageSize).map((l) => l.id));
    const { params } = findListing('skyhop', (l, p) => (l.badges ?? []).includes('Only 1 seat left') && firstPage(p).has(l.id));
    const r = await text('skyhop', `/search?${query('skyhop', params)}`);
    expect(r.text).toContain('Only 1 seat left');
    expect(r.text).not.toMatch(/\b1 seats\b/);
  });

  it('a delivery method that cannot be used says why, not "Sold out"', async () => {
    const { params, listing } = findListing('ticketnest', (l) => daysBetween(WORLD_TODAY, String(l.attrs.date)) < 7 && l.attrs.venueKind !== 'grounds' && !l.soldOut);
    const r = await text('ticketnest', `/listing/${encodeURIComponent(listing.id)}?${query('ticketnest', params)}`);
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/Posted tickets — Not available for events less than 7 days away\. — Not available/);
    expect(r.text).not.toMatch(/Posted tickets[^—]*— [^—]*— Sold out/);
  });

  it('a car the driver is too young for says so, not "may not run on these dates"', async () => {
    const { params, listing } = findListing('wheelo', (l) => l.attrs.minDriverAge === 25, (p) => ({ ...p, driverAge: 30 }));
    const r = await text('wheelo', `/listing/${encodeURIComponent(listing.id)}?${query('wheelo', { ...params, driverAge: 21 })}`);
    expect(r.status).toBe(404);
    expect(r.text).toContain('This car needs a main driver aged 25 or over; the driver in your search is 21.');
  });

  it('the drop-off time follows the pick-up time: in the page until changed, and on the server when left out', async () => {
    const server = getServer();
    const r = await text('wheelo', '/search?pickupLocation=lisbon-airport&pickupDate=2026-06-10&pickupTime=09:00&dropoffDate=2026-06-12&driverAge=30');
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/for 2 days/);
    const browser = await sharedBrowser();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.startUrl('wheelo', server.episodes.create('follows')));
      await page.getByLabel('Pick-up time').selectOption('09:00');
      await expect.poll(() => page.getByLabel('Drop-off time').inputValue()).toBe('09:00');
      await page.getByLabel('Drop-off time').selectOption('11:30');
      await page.getByLabel('Pick-up time').selectOption('08:30');
      expect(await page.getByLabel('Drop-off time').inputValue()).toBe('11:30');
    } finally {
      await context.close();
    }
  });

  it('the calendar marks today, visibly and as aria-current="date"', async () => {
    const server = getServer();
    const browser = await sharedBrowser();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.startUrl('skyhop', server.episodes.create('today')));
      await page.getByRole('button', { name: 'Open calendar for Departure date' }).click();
      const today = page.locator('[aria-current="date"]');
      await expect.poll(() => today.count()).toBe(1);
      expect(await today.getAttribute('aria-label')).toBe('Monday, June 1, 2026 (today)');
      expect(await page.getByText('Today is Monday, June 1, 2026.').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
