import { describe, expect, it } from 'vitest';
import { pageText } from '../../src/validity/site-driver.js';
import { sharedBrowser } from '../helpers/browser.js';
import { http, useTestServer } from '../helpers/test-server.js';

/** What the sites say is true: a careful person acting on the words never gets misled. */
const getServer = useTestServer({ browser: true });
const text = async (site: string, path: string) => {
  const r = await http(getServer(), { site, path });
  return { status: r.status, text: pageText(r.body) };
};

describe('site messages that say what is true', () => {
  it('the date range message names its first and last day, and the last day is accepted', async () => {
    const q = (date: string) => `/search?origin=LIS&destination=MAD&date=${date}&adults=1&children=0&cabin=economy`;
    const over = await text('skyhop', q('2026-07-31'));
    expect(over.status).toBe(422);
    expect(over.text).toContain('Departure date must be between Monday, June 1, 2026 and Thursday, July 30, 2026');
    expect((await text('skyhop', q('2026-07-30'))).status).toBe(200);
  });

  it('one seat left is "1 seat", not "1 seats"', async () => {
    const r = await text('skyhop', '/search?origin=LIS&destination=BCN&date=2026-06-02&adults=1&children=0&cabin=economy');
    expect(r.text).toContain('Only 1 seat left');
    expect(r.text).not.toMatch(/\b1 seats\b/);
  });

  it('a delivery method that cannot be used says why, not "Sold out"', async () => {
    const r = await text('ticketnest', '/listing/ev-lisbon-01?city=lisbon&dateFrom=2026-06-01&dateTo=2026-06-10&searchCategory=any&tickets=1');
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/Posted tickets — Not available for events less than 7 days away\. — Not available/);
    expect(r.text).not.toMatch(/Posted tickets[^—]*— [^—]*— Sold out/);
  });

  it('a car the driver is too young for says so, not "may not run on these dates"', async () => {
    const r = await text('wheelo', '/listing/car-lisbon-airport-01?pickupLocation=lisbon-airport&pickupDate=2026-06-10&pickupTime=10:00&dropoffDate=2026-06-12&dropoffTime=10:00&driverAge=21');
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
