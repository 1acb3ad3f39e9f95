import { beforeAll, describe, expect, it } from 'vitest';
import { emptySiteState, SiteEpisodeState } from '../../src/core/schemas/episode-state.js';
import type { BookingTask } from '../../src/core/schemas/task.js';
import { chromeContent, listingLinkText, type ChromeKind } from '../../src/sites/engine/chrome/content.js';
import { chromeTexts } from '../../src/sites/engine/chrome/texts.js';
import { parseSearch } from '../../src/sites/engine/search-query.js';
import type { SiteDefinition } from '../../src/sites/engine/site-definition.js';
import { money } from '../../src/sites/engine/views/format.js';
import { SITES, buildArenaWorld } from '../../src/sites/registry.js';
import { loadBookingTasks } from '../../src/tasks/task-file.js';
import { SiteDriver, pageText } from '../../src/validity/site-driver.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The content around the task (src/sites/engine/chrome/, views/chrome/), read from the pages the
 * server renders for a real booking on every site: what each page type carries, that it is the
 * same for the same seed and page, that every listing and price it names is true, that every
 * control is named and no name repeats a control of the booking flow, and that every link leads
 * somewhere.
 */
const getServer = useTestServer();
const world = testWorld();
const suite = loadBookingTasks('bookingarena-v0', { world });
// The sites of bookingarena-v0 (the chrome is one component library: the newer sites carry the same).
const SUITE_SITES = SITES.filter((s) => suite.some((t) => t.site === s.id));
const FLOW_PAGES = ['home', 'results', 'listing', 'details', 'review', 'confirmation'] as const;
type FlowPage = (typeof FLOW_PAGES)[number];
type Pages = Record<FlowPage, string>;

const taskOf = (site: SiteDefinition): BookingTask => suite.find((t) => t.site === site.id)!;

/** The six page types of one booking, as an episode's browser receives them. */
async function book(site: SiteDefinition): Promise<{ pages: Pages; driver: SiteDriver }> {
  const t = taskOf(site).target;
  const d = await SiteDriver.start(getServer());
  const body = async (r: Promise<{ status: number; body: string }>) => {
    const x = await r;
    expect(x.status, site.id).toBeLessThan(400);
    return x.body;
  };
  const home = await body(d.request(site.id, 'GET', '/'));
  const results = await body(d.search(site.id, t.params));
  const qs = new URLSearchParams(Object.entries(t.params).map(([k, v]) => [k, String(v)]));
  const listing = await body(d.request(site.id, 'GET', `/listing/${encodeURIComponent(t.listingId)}?${qs}`));
  const details = await body(d.choose(site.id, t.listingId, t.choices, undefined, t));
  const review = await body(d.details(site.id, t.travellers, t.contact, t.extras));
  const confirmation = await body(d.book(site.id));
  return { pages: { home, results, listing, details, review, confirmation }, driver: d };
}

/** A page's parts: the flow's own (main, the header's brand and account link, the banners) and the chrome around it. */
function split(html: string): { main: string; chrome: string; overlays: string } {
  const main = /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1];
  const start = html.indexOf('<div class="wfc-extras">');
  const end = html.indexOf('</dialog>');
  const help = /<a href="\/help">Help<\/a>/.exec(html)?.[0];
  const chat = /<form class="wfc-chat-open"[\s\S]*?<\/form>/.exec(html)?.[0];
  if (main === undefined || start < 0 || end < 0 || !help || !chat) throw new Error('page without the expected parts');
  return { main, chrome: `${help}${chat}${html.slice(start, end + '</dialog>'.length)}`, overlays: html.slice(end) };
}

/**
 * Accessible names of the controls and named containers in a piece of our own markup: links,
 * buttons, disclosure summaries, labels, legends, options and aria-labels. An over-approximation
 * for the flow's side (more names make the check stricter).
 */
function names(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(a|button|summary|label|legend|option)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const aria = /aria-label="([^"]*)"/.exec(m[2]!);
    out.push(pageText(aria ? aria[1]! : m[3]!));
  }
  for (const m of html.matchAll(/aria-label="([^"]*)"/g)) out.push(pageText(m[1]!));
  return out.filter(Boolean);
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => pageText(m[1]!));

const booked = new Map<string, Pages>();
const again = new Map<string, Pages>();
beforeAll(async () => {
  for (const site of SUITE_SITES) {
    booked.set(site.id, (await book(site)).pages);
    again.set(site.id, (await book(site)).pages);
  }
}, 300_000);

describe('the content around the task', () => {
  it('every page type of every site carries what real booking pages do around the task', () => {
    const expected: Record<FlowPage, string[]> = {
      home: ['Lowest prices right now', 'What customers say about', 'Frequently asked questions'],
      results: ['Recommended for your search', 'Lowest prices right now', 'What customers say about', 'Frequently asked questions'],
      listing: ['Similar options for your search', 'What customers say about', 'Frequently asked questions'],
      details: ['Why book with', 'Frequently asked questions'],
      review: ['Why book with', 'Frequently asked questions'],
      confirmation: ['Lowest prices right now', 'Frequently asked questions'],
    };
    for (const site of SUITE_SITES) {
      for (const page of FLOW_PAGES) {
        const { chrome } = split(booked.get(site.id)![page]);
        const text = pageText(chrome);
        for (const heading of [...expected[page], 'Get our newsletter', 'Popular searches', 'Terms and conditions', 'Chat with us', `Chat with ${site.name} support`]) {
          expect(text, `${site.id} ${page}`).toContain(heading);
        }
        // At least the footer's static pages and popular searches, and the page's own shelves.
        expect(hrefs(chrome).length, `${site.id} ${page}`).toBeGreaterThanOrEqual(page === 'details' || page === 'review' ? 14 : 16);
      }
    }
  });

  it('is the same for the same seed and page, whichever episode asks and in whatever order', () => {
    for (const site of SUITE_SITES) {
      for (const page of FLOW_PAGES) {
        const a = split(booked.get(site.id)![page]).chrome;
        const b = split(again.get(site.id)![page]).chrome;
        expect(b, `${site.id} ${page}`).toBe(a);
      }
      // Asking for other pages in between changes nothing; another world seed does.
      const params = taskOf(site).target.params;
      const first = chromeContent({ site, world, kind: 'results', params });
      for (const kind of ['home', 'listing', 'confirmation'] as ChromeKind[]) chromeContent({ site, world, kind, params });
      expect(chromeContent({ site, world, kind: 'results', params })).toEqual(first);
    }
  });

  it('another world seed draws other deals', () => {
    const other = buildArenaWorld(2);
    const differs = SITES.filter((site) => JSON.stringify(chromeContent({ site, world: other, kind: 'home' }).deals) !== JSON.stringify(chromeContent({ site, world, kind: 'home' }).deals));
    expect(differs.length).toBeGreaterThanOrEqual(5);
  });

  it('names only real listings and searches of the site, at their true prices', () => {
    for (const site of SUITE_SITES) {
      const t = taskOf(site).target;
      const listings = site.search(world, t.params);
      for (const kind of ['results', 'listing'] as const) {
        const c = chromeContent({ site, world, kind, params: t.params, ...(kind === 'listing' ? { listingId: t.listingId } : {}) });
        expect(c.recommended.length, `${site.id} ${kind}`).toBeGreaterThan(0);
        for (const link of c.recommended) {
          const url = new URL(link.href, 'http://x');
          const id = decodeURIComponent(url.pathname.slice('/listing/'.length));
          const l = listings.find((x) => x.id === id);
          expect(l, `${site.id}: ${link.href} is a listing of the search`).toBeDefined();
          expect(l!.soldOut).toBe(false);
          expect(link.text).toBe(listingLinkText(site, l!));
          expect(link.text).toContain(l!.price === 0 ? 'no charge' : money(l!.price, site.currency));
          if (kind === 'listing') expect(id).not.toBe(t.listingId);
          expect(Object.fromEntries(url.searchParams)).toEqual(Object.fromEntries(Object.entries(t.params).map(([k, v]) => [k, String(v)])));
        }
      }
      for (const deal of chromeContent({ site, world, kind: 'home' }).deals) {
        const parsed = parseSearch(site, world, new URL(deal.href, 'http://x').searchParams);
        expect(parsed.errors, deal.href).toEqual({});
        const open = site.search(world, parsed.params).filter((l) => !l.soldOut);
        const cheapest = Math.min(...open.map((l) => l.price));
        expect(deal.text, `${site.id}: ${deal.text}`).toMatch(cheapest === 0 ? /with no charge to book$/ : new RegExp(`from ${money(cheapest, site.currency).replace(/[.$]/g, '\\$&')} `));
      }
    }
  });

  it('"recently viewed" is the episode\'s own last viewed listing, never the page\'s own', () => {
    const site = SITES[0]!;
    const t = taskOf(site).target;
    const state = SiteEpisodeState.parse({
      ...emptySiteState(site.id),
      search: { params: t.params, filters: {}, sort: site.sorts[0]!.id, page: 1, resultCount: 1, seq: 1 },
      viewedListingId: t.listingId,
      requests: 3,
    });
    const onResults = chromeContent({ site, world, kind: 'results', params: t.params, state });
    expect(onResults.recent).toHaveLength(1);
    expect(onResults.recent[0]!.href).toContain(`/listing/${encodeURIComponent(t.listingId)}?`);
    expect(onResults.recommended.some((l) => l.href === onResults.recent[0]!.href)).toBe(false);
    expect(chromeContent({ site, world, kind: 'listing', params: t.params, listingId: t.listingId, state }).recent).toEqual([]);
    expect(chromeContent({ site, world, kind: 'results', params: t.params }).recent).toEqual([]);
  });

  it('names every control and landmark, and no name repeats a control of the booking flow on any page', () => {
    for (const site of SUITE_SITES) {
      const pages = FLOW_PAGES.map((p) => split(booked.get(site.id)![p]));
      const flow = new Set([site.name, 'My bookings', 'Go to the home page', ...pages.flatMap((p) => [...names(p.main), ...names(p.overlays)])]);
      for (const [i, p] of pages.entries()) {
        const chrome = names(p.chrome);
        // Every link and button the chrome renders was read, with a name.
        const links = [...p.chrome.matchAll(/<a\b/g)].length + [...p.chrome.matchAll(/<button\b/g)].length;
        expect(chrome.length, `${site.id} ${FLOW_PAGES[i]}`).toBeGreaterThanOrEqual(links);
        for (const n of chrome) {
          expect(n.trim().length).toBeGreaterThan(0);
          expect(flow.has(n), `${site.id} ${FLOW_PAGES[i]}: "${n}" is also a control of the flow`).toBe(false);
          expect(n.startsWith(`${site.wording.selectButton}: `), n).toBe(false);
        }
        // Every landmark of the chrome is named by a heading that exists.
        for (const m of p.chrome.matchAll(/<(aside|section|dialog)\b[^>]*aria-labelledby="([^"]+)"/g)) expect(p.chrome, m[2]).toContain(`id="${m[2]}"`);
        expect([...p.chrome.matchAll(/<aside\b(?![^>]*aria-labelledby)/g)]).toEqual([]);
        // The newsletter's field is labelled.
        expect(p.chrome).toMatch(/<label for="wfc-newsletter-email">[^<]+<\/label>/);
      }
    }
  });

  it('every link of the chrome leads to a page that answers 200', async () => {
    const server = getServer();
    for (const site of SUITE_SITES) {
      const d = await SiteDriver.start(server);
      const links = new Set(FLOW_PAGES.flatMap((p) => hrefs(split(booked.get(site.id)![p]).chrome)));
      links.add('/help#chat');
      for (const href of links) {
        const r = await d.request(site.id, 'GET', href.replace(/#.*$/, ''));
        expect(r.status, `${site.id} ${href}`).toBe(200);
        if (href === '/help#chat') expect(r.body).toContain('id="chat"');
      }
    }
  });

  it('the newsletter answers "subscribed" for an email address and says what is wrong otherwise', async () => {
    const server = getServer();
    for (const site of SUITE_SITES) {
      const d = await SiteDriver.start(server);
      await d.request(site.id, 'GET', '/');
      const ok = await d.request(site.id, 'POST', '/newsletter', { newsletter_email: 'ana.silva@example.com' });
      expect(ok.status).toBe(200);
      expect(pageText(ok.body)).toContain(`You are subscribed ana.silva@example.com will get the ${site.name} newsletter.`);
      const bad = await d.request(site.id, 'POST', '/newsletter', { newsletter_email: 'ana.silva' });
      expect(bad.status).toBe(422);
      expect(pageText(bad.body)).toContain('Enter an email address like name@example.com');
      expect(bad.body).toContain('aria-invalid="true"');
    }
  });

  it('a site may override any text; the rest comes from its domain', () => {
    const site = SITES[1]!;
    const faq = [{ question: 'Can I bring my dog?', answer: 'Each hotel says whether pets are allowed.' }];
    const texts = chromeTexts({ ...site, chrome: { faq } });
    expect(texts.faq).toEqual(faq);
    expect(texts.reviews).toEqual(chromeTexts(site).reviews);
    expect(chromeContent({ site: { ...site, chrome: { faq } }, world, kind: 'home' }).faq).toEqual(faq);
  });
});
