import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { EpisodeState } from '../../src/core/schemas/episode-state.js';
import { optionInputName } from '../../src/sites/engine/flow.js';
import { applySort } from '../../src/sites/engine/results.js';
import { searchQueryString } from '../../src/sites/engine/search-query.js';
import type { Listing, SearchParams, SiteDefinition } from '../../src/sites/engine/site-definition.js';
import { markerName } from '../../src/sites/engine/views/results/map-view.js';
import { selectLinkName } from '../../src/sites/engine/views/results-page.js';
import { siteById } from '../../src/sites/registry.js';
import { sharedBrowser } from '../helpers/browser.js';
import { stateOf, testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * Results at scale (issue 15), in real Chromium: every presentation variant reaches a listing that
 * the first page of results does not show, through the variant itself, and the episode state
 * records what the page revealed.
 */
const getServer = useTestServer({ browser: true });
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(site: SiteDefinition, episode: string, path: string, opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const browser = await sharedBrowser();
  context = await browser.newContext({ javaScriptEnabled: opts.javaScriptEnabled ?? true });
  // Consent and promo already dismissed: this file is about the results.
  const origin = getServer().origin(site.id);
  await context.addCookies([{ name: 'wf_consent', value: '1', url: origin }, { name: 'wf_promo', value: '1', url: origin }]);
  const page = await context.newPage();
  const server = getServer();
  await page.goto(server.startUrl(site.id, server.episodes.create(episode)));
  await page.goto(`${origin}${path}`);
  return page;
}

/** A search of the site whose default order puts a bookable listing with a unique name at `index` or later. */
function searchWithDeepListing(site: SiteDefinition, index: number, pick: (l: Listing, i: number) => boolean = () => true): { params: SearchParams; sorted: Listing[]; target: Listing; at: number } {
  const world = testWorld();
  for (let i = 0; i < 200; i++) {
    const params = site.exampleSearch(world, new Rng(`deep/${site.id}/${i}`));
    const sorted = applySort(site.search(world, params), site.sorts[0]!);
    const at = sorted.findIndex((l, k) => k >= index && !l.soldOut && pick(l, k) && sorted.filter((x) => selectLinkName(site, x) === selectLinkName(site, l)).length === 1);
    if (at >= 0) return { params, sorted, target: sorted[at]!, at };
  }
  throw new Error(`${site.id}: no search with a listing at position ${index}`);
}

async function searchState(site: SiteDefinition, episode: string) {
  return EpisodeState.parse(await stateOf(getServer(), episode)).sites[site.id]!.search!;
}

describe('results at scale in Chromium', () => {
  it('pagination (wheelo): the listing on page 3 is reached through the page links', async () => {
    const site = siteById('wheelo');
    expect(site.layout.paging ?? 'pages').toBe('pages');
    const { params, target, at } = searchWithDeepListing(site, 2 * site.layout.pageSize);
    const page = await open(site, 'scale-pages', `/search?${searchQueryString(site, params)}`);
    const link = page.getByRole('link', { name: selectLinkName(site, target), exact: true });
    expect(await link.count()).toBe(0);
    const want = Math.floor(at / site.layout.pageSize) + 1;
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: `Page ${want}`, exact: true }).click();
    await page.waitForURL(new RegExp(`[?&]page=${want}`));
    await link.click();
    await page.waitForURL(new RegExp(`/listing/${encodeURIComponent(target.id)}\\?`));
    await page.goBack();
    const s = await searchState(site, 'scale-pages');
    expect(s.page).toBe(want);
    expect(s.revealed).toBeLessThanOrEqual(site.layout.pageSize);
  });

  for (const id of ['staywell', 'nestaway']) {
    it(`load more (${id}): each click appends the next batch in place, records it, and a listing of the third batch is opened`, async () => {
    const site = siteById(id);
    expect(site.layout.paging).toBe('loadMore');
    const size = site.layout.pageSize;
    const { params, target, at } = searchWithDeepListing(site, 2 * size, (_, k) => k < 3 * size);
    const page = await open(site, `scale-more-${id}`, `/search?${searchQueryString(site, params)}`);
    const cards = page.locator('li.listing');
    expect(await cards.count()).toBe(size);
    const first = page.url();
    await page.getByRole('link', { name: 'Load more results', exact: true }).click();
    await expect.poll(() => cards.count()).toBe(2 * size);
    // Appended without leaving the page; the address now says how many are shown; focus moved to the new batch.
    expect(page.url()).toContain(`shown=${2 * size}`);
    expect(new URL(page.url()).pathname).toBe(new URL(first).pathname);
    expect(await page.evaluate(() => document.activeElement?.closest('li.listing')?.getAttribute('data-index'))).toBe(String(size));
    expect((await searchState(site, `scale-more-${id}`)).revealed).toBe(2 * size);
    await page.getByRole('link', { name: 'Load more results', exact: true }).click();
    await expect.poll(() => cards.count()).toBeGreaterThan(at);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(new RegExp(`^Showing (${3 * size}|all)`));
    expect((await searchState(site, `scale-more-${id}`)).revealed).toBe(await cards.count());
    await page.getByRole('link', { name: selectLinkName(site, target), exact: true }).click();
    await page.waitForURL(new RegExp(`/listing/${encodeURIComponent(target.id)}\\?`));
  });
  }

  it('load more without a script: the link is a page with one more batch', async () => {
    const site = siteById('staywell');
    const { params } = searchWithDeepListing(site, 2 * site.layout.pageSize);
    const page = await open(site, 'scale-more-nojs', `/search?${searchQueryString(site, params)}`, { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'Load more results', exact: true }).click();
    await page.waitForURL(/shown=16/);
    expect(await page.locator('li.listing').count()).toBe(2 * site.layout.pageSize);
    expect((await searchState(site, 'scale-more-nojs')).revealed).toBe(2 * site.layout.pageSize);
  });

  it('infinite scroll (skyhop): scrolling to the end of the list reveals more, until the deep listing is there', async () => {
    const site = siteById('skyhop');
    expect(site.layout.paging).toBe('infinite');
    const size = site.layout.pageSize;
    const { params, target, at } = searchWithDeepListing(site, 2 * size);
    const page = await open(site, 'scale-infinite', `/search?${searchQueryString(site, params)}`);
    await page.setViewportSize({ width: 1280, height: 720 });
    const cards = page.locator('li.listing');
    expect(await cards.count()).toBe(size);
    const link = page.getByRole('link', { name: selectLinkName(site, target), exact: true });
    // Scroll only (no click): each time the "Show more results" link comes into view a batch is added.
    for (let i = 0; i < 40 && (await link.count()) === 0; i++) {
      const before = await cards.count();
      await page.mouse.wheel(0, 2000);
      await expect.poll(async () => (await cards.count()) > before || (await page.getByRole('link', { name: 'Show more results' }).count()) === 0 || (await link.count()) > 0).toBe(true);
    }
    expect(await cards.count()).toBeGreaterThan(at);
    const revealed = (await searchState(site, 'scale-infinite')).revealed!;
    expect(revealed).toBeGreaterThan(at);
    expect(revealed).toBe(await cards.count());
    await link.click();
    await page.waitForURL(new RegExp(`/listing/${encodeURIComponent(target.id)}\\?`));
  });

  it('infinite scroll: the "Show more results" link reveals the next batch when clicked, for agents that do not scroll', async () => {
    const site = siteById('skyhop');
    const { params } = searchWithDeepListing(site, 2 * site.layout.pageSize);
    const page = await open(site, 'scale-show-more', `/search?${searchQueryString(site, params)}`);
    await page.setViewportSize({ width: 1280, height: 720 });
    const cards = page.locator('li.listing');
    await page.getByRole('link', { name: 'Show more results', exact: true }).click();
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(2 * site.layout.pageSize);
    expect(page.url()).toMatch(/shown=\d+/);
  });

  it('a later round of choosing (skyhop\'s return flight) reveals its results the same way, from its own address', async () => {
    const site = siteById('skyhop');
    const world = testWorld();
    const size = site.layout.pageSize;
    let found: { params: SearchParams; outbound: Listing; back: Listing[] } | undefined;
    for (let i = 0; !found && i < 400; i++) {
      const params = site.exampleSearch(world, new Rng(`round/${i}`));
      if (params.trip !== 'return') continue;
      const back = applySort(site.search(world, { ...params, origin: params.destination!, destination: params.origin!, trip: 'oneway', date: params.returnDate! }), site.sorts[0]!);
      const outbound = site.search(world, params).find((l) => !l.soldOut);
      if (outbound && back.length > 2 * size) found = { params, outbound, back };
    }
    const { params, outbound, back } = found!;
    const page = await open(site, 'scale-round', `/search?${searchQueryString(site, params)}`);
    // Choose the outbound flight (a fare and a seat per traveller) as its form would.
    const detail = site.detail(world, params, outbound.id)!;
    const form = new URLSearchParams();
    for (const g of detail.optionGroups) {
      const open = g.choices.filter((c) => !c.soldOut);
      for (const c of g.pick === 'per-traveller' ? open.slice(0, site.travellerCount(params)) : open.slice(0, 1)) form.append(optionInputName(g.id), c.id);
    }
    const origin = getServer().origin(site.id);
    const action = `/listing/${encodeURIComponent(outbound.id)}?${searchQueryString(site, params)}`;
    // Posted from the page (its episode cookie); the flow goes on to the return flight's results.
    const landed = await page.evaluate(async ([url, body]) => (await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).url, [action, form.toString()]);
    expect(new URL(landed).pathname).toBe('/round/return');
    const batches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/more?')) batches.push(new URL(r.url()).pathname);
    });
    await page.goto(`${origin}/round/return`);
    await page.setViewportSize({ width: 1280, height: 720 });
    const cards = page.locator('li.listing');
    expect(await cards.count()).toBe(size);
    await page.getByRole('link', { name: 'Show more results', exact: true }).click();
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(2 * size);
    expect(batches[0]).toBe('/round/return/more');
    expect(page.url()).toMatch(/\/round\/return\?.*shown=\d+/);
    const deep = back[size]!;
    const href = await cards.nth(size).getByRole('link', { name: selectLinkName(site, deep), exact: true }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/round/return/listing/${encodeURIComponent(deep.id)}\\?`));
  });

  for (const id of ['staywell', 'forkful', 'nestaway']) {
    it(`map/list toggle (${id}): the map lists every result as a named marker; a marker opens a listing the first page does not show`, async () => {
      const site = siteById(id);
      expect(site.layout.mapView).toBe(true);
      const { params, sorted, target } = searchWithDeepListing(site, 2 * site.layout.pageSize);
      const page = await open(site, `scale-map-${id}`, `/search?${searchQueryString(site, params)}`);
      const toggle = page.getByRole('navigation', { name: 'Results view' });
      expect(await toggle.getByRole('link', { name: 'List view' }).getAttribute('aria-current')).toBe('true');
      await toggle.getByRole('link', { name: 'Map view' }).click();
      await page.waitForURL(/view=map/);
      const markers = page.getByRole('list', { name: 'Map markers' }).getByRole('link');
      expect(await markers.count()).toBe(sorted.length);
      expect((await searchState(site, `scale-map-${id}`)).view).toBe('map');
      expect((await searchState(site, `scale-map-${id}`)).revealed).toBe(sorted.length);
      // Markers sit inside the map, where their positions put them.
      const box = (await page.getByRole('list', { name: 'Map markers' }).boundingBox())!;
      const mark = (await page.getByRole('link', { name: markerName(site, target), exact: true }).boundingBox())!;
      expect(mark.x).toBeGreaterThanOrEqual(box.x - mark.width);
      expect(mark.x + mark.width).toBeLessThanOrEqual(box.x + box.width + mark.width);
      await page.getByRole('link', { name: markerName(site, target), exact: true }).click();
      await page.waitForURL(new RegExp(`/listing/${encodeURIComponent(target.id)}\\?`));
    });
  }

  it('sort tabs (skyhop): a tablist whose tabs reorder the results; the cheapest flight, deep in the recommended order, is first under "Cheapest first"', async () => {
    const site = siteById('skyhop');
    const price = site.sorts.find((s) => s.id === 'price')!;
    let found: { params: SearchParams; cheapest: Listing } | undefined;
    for (let i = 0; !found && i < 200; i++) {
      const params = site.exampleSearch(testWorld(), new Rng(`tabs/${i}`));
      const sorted = applySort(site.search(testWorld(), params), site.sorts[0]!);
      const cheapest = applySort(sorted, price)[0]!;
      if (sorted.indexOf(cheapest) >= site.layout.pageSize) found = { params, cheapest };
    }
    const { params, cheapest } = found!;
    const page = await open(site, 'scale-tabs', `/search?${searchQueryString(site, params)}`);
    const tablist = page.getByRole('tablist', { name: 'Sort results' });
    const tabs = tablist.getByRole('tab');
    expect(await tabs.count()).toBe(site.sorts.length);
    expect(await tablist.getByRole('tab', { selected: true }).textContent()).toBe(site.sorts[0]!.label);
    expect(await page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(`tab-${site.sorts[0]!.id}`);
    // Arrow keys move between tabs (roving tabindex); Enter opens one.
    await tablist.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(site.sorts[1]!.label);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`sort=${site.sorts[1]!.id}`));
    await page.getByRole('tab', { name: price.label }).click();
    await page.waitForURL(/sort=price/);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe(price.label);
    expect((await searchState(site, 'scale-tabs')).sort).toBe('price');
    await page.getByRole('link', { name: selectLinkName(site, cheapest), exact: true }).first().click();
    await page.waitForURL(new RegExp(`/listing/${encodeURIComponent(cheapest.id)}\\?`));
  });

  it('filter tabs (ticketnest): one tab per category narrows the results to it', async () => {
    const site = siteById('ticketnest');
    const { params, sorted } = searchWithDeepListing(site, site.layout.pageSize, (l) => l.attrs.category === 'comedy');
    const comedies = sorted.filter((l) => l.attrs.category === 'comedy');
    const page = await open(site, 'scale-filter-tabs', `/search?${searchQueryString(site, params)}`);
    const tablist = page.getByRole('tablist', { name: 'Category' });
    expect(await tablist.getByRole('tab', { selected: true }).textContent()).toBe('All events');
    await tablist.getByRole('tab', { name: 'Comedy' }).click();
    await page.waitForURL(/f_category=comedy/);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Comedy');
    expect(await page.locator('li.listing').count()).toBe(Math.min(comedies.length, site.layout.pageSize));
    expect((await searchState(site, 'scale-filter-tabs')).filters).toEqual({ category: ['comedy'] });
    expect((await searchState(site, 'scale-filter-tabs')).resultCount).toBe(comedies.length);
  });

  for (const id of ['wheelo', 'railgo']) {
    it(`accordions (${id}): each result's details are behind a button with aria-expanded`, async () => {
      const site = siteById(id);
      const { params, sorted } = searchWithDeepListing(site, 0);
      const page = await open(site, `scale-accordion-${id}`, `/search?${searchQueryString(site, params)}`);
      const l = sorted[0]!;
      const button = page.getByRole('button', { name: `Details of ${l.title}${l.subtitle ? ` — ${l.subtitle}` : ''}`, exact: true });
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      const region = page.locator(`#${await button.getAttribute('aria-controls')}`);
      expect(await region.isVisible()).toBe(false);
      await button.click();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(await region.isVisible()).toBe(true);
      expect(await page.getByRole('region', { name: `Details of ${l.title}${l.subtitle ? ` — ${l.subtitle}` : ''}`, exact: true }).textContent()).toContain(l.details![0]!.value);
      await button.click();
      expect(await region.isVisible()).toBe(false);
    });
  }

  it('filters dialog (staywell): "Filters" opens a modal dialog; nothing applies before "Apply"; then a listing from deep in the results comes first', async () => {
    const site = siteById('staywell');
    const size = site.layout.pageSize;
    const { params, sorted, target } = searchWithDeepListing(site, 2 * size, (l) => l.attrs.stars === 5);
    const fives = sorted.filter((l) => l.attrs.stars === 5);
    const page = await open(site, 'scale-dialog', `/search?${searchQueryString(site, params)}`);
    const opener = page.getByRole('button', { name: 'Filters', exact: true });
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Filters' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'))).toBe(true);
    // Escape closes it and undoes what was not applied.
    await dialog.getByRole('checkbox', { name: '5 stars' }).check();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await opener.click();
    expect(await dialog.getByRole('checkbox', { name: '5 stars' }).isChecked()).toBe(false);
    const url = page.url();
    await dialog.getByRole('checkbox', { name: '5 stars' }).check();
    expect(page.url()).toBe(url);
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.waitForURL(/f_stars=5/);
    expect(await page.getByRole('button', { name: 'Filters (1)', exact: true }).isVisible()).toBe(true);
    expect((await searchState(site, 'scale-dialog')).filters).toEqual({ stars: ['5'] });
    expect((await searchState(site, 'scale-dialog')).resultCount).toBe(fives.length);
    expect(fives.indexOf(target)).toBeLessThan(size);
    await page.getByRole('link', { name: selectLinkName(site, target), exact: true }).click();
    await page.waitForURL(new RegExp(`/listing/${encodeURIComponent(target.id)}\\?`));
  });

  it('filters dialog without a script: the button is a link to the page with the dialog open', async () => {
    const site = siteById('ticketnest');
    const { params } = searchWithDeepListing(site, 0);
    const page = await open(site, 'scale-dialog-nojs', `/search?${searchQueryString(site, params)}`, { javaScriptEnabled: false });
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await page.waitForURL(/panel=filters/);
    const dialog = page.getByRole('dialog', { name: 'Filters' });
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Seated tickets only' }).check();
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.waitForURL(/f_seated=1/);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('filters that apply on change (forkful): changing one reloads the results at once, no button needed', async () => {
    const site = siteById('forkful');
    expect(site.layout.filters).not.toBe('dialog');
    const { params } = searchWithDeepListing(site, 0);
    const page = await open(site, 'scale-onchange', `/search?${searchQueryString(site, params)}`);
    const form = page.getByRole('form', { name: 'Filter and sort results' });
    await form.getByLabel('Sort by').selectOption({ index: 1 });
    await page.waitForURL(new RegExp(`sort=${site.sorts[1]!.id}`));
    expect((await searchState(site, 'scale-onchange')).sort).toBe(site.sorts[1]!.id);
  });
});
