import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { knowledgeOrigins } from '../../src/knowledge/index.js';
import { sharedBrowser } from '../helpers/browser.js';
import { http, useTestServer } from '../helpers/test-server.js';

/**
 * A person's path through the knowledge web in real Chromium: enter an episode on the search
 * engine, search with the box, open the guide article from the results, read its infobox, follow
 * "Where to book" to the booking site's listing; every page on the way is accessible markup.
 */
const getServer = useTestServer({ browser: true, origins: knowledgeOrigins() });

/** What an accessibility checker would flag first: names, headings, landmarks, ids, language. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (!document.documentElement.lang) problems.push('no lang on <html>');
    if (document.querySelectorAll('h1').length !== 1) problems.push(`${document.querySelectorAll('h1').length} h1 headings`);
    for (const role of ['main', 'banner', 'contentinfo']) {
      const tag = { main: 'main', banner: 'header', contentinfo: 'footer' }[role]!;
      if (!document.querySelector(`${tag}, [role="${role}"]`)) problems.push(`no ${role} landmark`);
    }
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`duplicate id ${id}`);
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input:not([type=hidden]), select, textarea, button')) {
      const named = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent?.trim());
      if (!named) problems.push(`unnamed ${el.tagName.toLowerCase()} ${el.outerHTML.slice(0, 80)}`);
    }
    for (const a of document.querySelectorAll('a[href]')) if (!a.textContent?.trim() && !a.getAttribute('aria-label')) problems.push(`empty link ${a.getAttribute('href')}`);
    for (const nav of document.querySelectorAll('nav')) if (!nav.getAttribute('aria-label') && !nav.getAttribute('aria-labelledby')) problems.push('unlabelled nav');
    return problems;
  });
}

describe('knowledge web in Chromium', () => {
  it('search, open the article, read its facts, follow it to the booking site; every page accessible', async () => {
    const server = getServer();
    const context = await (await sharedBrowser()).newContext();
    try {
      const page = await context.newPage();
      // A loaded machine is slow, not broken: generous ceilings, conditions waited on.
      page.setDefaultTimeout(120_000);
      page.setDefaultNavigationTimeout(120_000);
      // The first query builds the search index of the world (seconds); build it before the walk.
      expect((await http(server, { site: 'search', path: '/search?q=warm' })).status).toBe(200);
      await page.goto(server.startUrl('search', server.episodes.create('kweb-browser')));
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await accessibilityProblems(page)).toEqual([]);

      // The search box, as a person uses it; the query lands in the URL.
      await page.getByRole('searchbox', { name: 'Search the web' }).fill('Kestrel Hotel Lisbon Centre');
      await page.getByRole('searchbox', { name: 'Search the web' }).press('Enter');
      await page.waitForURL(/\/search\?q=Kestrel/, { timeout: 120_000 });
      expect(await page.getByRole('status').first().textContent()).toMatch(/About \d+ results/);
      expect(await accessibilityProblems(page)).toEqual([]);

      await page.getByRole('link', { name: 'Kestrel Hotel Lisbon Centre — Wanderpedia' }).click();
      await page.waitForURL(/guide\.localhost:\d+\/wiki\/hotel\//);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kestrel Hotel Lisbon Centre');
      const infobox = page.getByRole('table', { name: 'Facts about Kestrel Hotel Lisbon Centre' });
      expect(await infobox.getByRole('row', { name: /^Stars \d$/ }).count()).toBe(1);
      expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Hotels' }).count()).toBe(1);
      expect(await accessibilityProblems(page)).toEqual([]);

      // Keyboard: the first Tab reaches the skip link.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');

      // Where to book: the booking site's own listing page for this hotel.
      await page.getByRole('link', { name: 'Book Kestrel Hotel Lisbon Centre on Staywell' }).click();
      await page.waitForURL(/staywell\.localhost:\d+\/listing\/ht-lisbon-01/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Kestrel Hotel Lisbon Centre');

      // A list page and its pager.
      await page.goto(`${server.origin('guide')}/list/restaurant`);
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next' }).click();
      await page.waitForURL(/page=2/);
      expect(await page.getByRole('navigation', { name: 'Pages' }).locator('[aria-current="page"]').textContent()).toBe('2');
      expect(await accessibilityProblems(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);
});
