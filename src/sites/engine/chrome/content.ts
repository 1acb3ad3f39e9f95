import { isIsoDate, monthName, shortDate } from '../../../core/dates.js';
import { Rng } from '../../../core/rng.js';
import type { SiteEpisodeState } from '../../../core/schemas/episode-state.js';
import { CITIES } from '../../../world/geography.js';
import type { World } from '../../../world/world.js';
import { searchQueryString } from '../search-query.js';
import type { Listing, SearchParams, SiteDefinition } from '../site-definition.js';
import { money } from '../views/format.js';
import { chromeTexts, type ChromeTexts, type FaqEntry } from './texts.js';

/**
 * What the content around the task holds on one page, as plain data the views render. It is a
 * pure function of the world, the site, the kind of page and the search the page is for (plus,
 * for "recently viewed", the episode's own viewed listing): no clock, no request order. Every
 * listing it names is a real listing of that search with its true price, and every link leads to
 * a page of the site.
 */
export type ChromeKind = 'home' | 'results' | 'listing' | 'details' | 'review' | 'confirmation' | 'other';

/** A link with the words it shows (its accessible name). */
export type ChromeLink = { href: string; text: string };
export type Review = { text: string; author: string; when: string };

export type ChromeContent = {
  kind: ChromeKind;
  texts: ChromeTexts;
  /** Searches of the site with their true lowest price ("deals"), each linking to its results. */
  deals: ChromeLink[];
  /** Other listings of the page's search, each linking to its listing page with that search. */
  recommended: ChromeLink[];
  recommendedHeading: string;
  /** The listing this episode viewed last, when it is not the page's own. */
  recent: ChromeLink[];
  reviews: Review[];
  faq: FaqEntry[];
  trust: string[];
  /** The footer's column of popular searches. */
  popular: ChromeLink[];
};

export type ChromeRequest = {
  site: SiteDefinition;
  world: World;
  kind: ChromeKind;
  /** The search the page is for (results and listing pages), already validated. */
  params?: SearchParams;
  /** The listing page's own listing. */
  listingId?: string;
  state?: SiteEpisodeState;
};

/** Which sections each kind of page carries; checkout pages stay lean, as real ones do. */
export const SECTIONS: Record<ChromeKind, readonly ('deals' | 'recommended' | 'recent' | 'reviews' | 'faq' | 'trust')[]> = {
  home: ['deals', 'recent', 'reviews', 'faq'],
  results: ['recommended', 'recent', 'deals', 'reviews', 'faq'],
  listing: ['recommended', 'recent', 'reviews', 'faq'],
  details: ['trust', 'faq'],
  review: ['trust', 'faq'],
  confirmation: ['deals', 'faq'],
  other: ['recent'],
};

const COUNTS: Record<ChromeKind, { deals: number; recommended: number; reviews: number }> = {
  home: { deals: 4, recommended: 0, reviews: 3 },
  results: { deals: 2, recommended: 3, reviews: 2 },
  listing: { deals: 0, recommended: 3, reviews: 3 },
  details: { deals: 0, recommended: 0, reviews: 0 },
  review: { deals: 0, recommended: 0, reviews: 0 },
  confirmation: { deals: 2, recommended: 0, reviews: 0 },
  other: { deals: 0, recommended: 0, reviews: 0 },
};

const POPULAR = 5;
const FIRST_NAMES = ['Ana', 'Tomás', 'Léa', 'Jonas', 'Marta', 'Pieter', 'Sofia', 'Luca', 'Emma', 'Jakub', 'Ines', 'Oliver', 'Freya', 'Mateo', 'Clara', 'Niamh'];

/** "Lisbon (LIS) to Madrid (MAD), Tue 9 Jun": where and when, from the search form's own labels. */
export function searchLabel(site: SiteDefinition, world: World, params: SearchParams): string {
  const places = site.searchFields.flatMap((f) => (f.kind === 'autocomplete' && params[f.name] !== undefined ? [site.labelFor(world, f.source, String(params[f.name])) ?? String(params[f.name])] : []));
  const dates = site.searchFields.flatMap((f) => (f.kind === 'date' && isIsoDate(String(params[f.name] ?? '')) ? [shortDate(String(params[f.name]))] : []));
  return [places.join(' to '), dates.join(' – ')].filter(Boolean).join(', ');
}

/** What a listing costs as its results card says it, or undefined when it cannot be booked. */
function priceText(site: SiteDefinition, l: Listing): string | undefined {
  if (l.soldOut) return undefined;
  return l.price === 0 ? 'no charge' : `${money(l.price, site.currency)} ${l.priceUnit}`;
}

/**
 * A listing's link text outside the results list: title, subtitle and price. It never equals the
 * results card's own links ("Title", "Select: Title — subtitle"), so an agent finding a listing
 * by name finds the one the flow uses.
 */
export function listingLinkText(site: SiteDefinition, l: Listing): string {
  return `${l.title}${l.subtitle ? ` (${l.subtitle})` : ''}, ${priceText(site, l) ?? 'sold out'}`;
}

function listingLink(site: SiteDefinition, l: Listing, params: SearchParams): ChromeLink {
  return { href: `/listing/${encodeURIComponent(l.id)}?${searchQueryString(site, params)}`, text: listingLinkText(site, l) };
}

/** Bounded memo per world: the same page asks for the same searches on every visit. */
const memos = new WeakMap<World, Map<string, unknown>>();
const MEMO_LIMIT = 500;
function memo<T>(world: World, key: string, make: () => T): T {
  let m = memos.get(world);
  if (!m) memos.set(world, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = make();
  if (m.size >= MEMO_LIMIT) m.delete(m.keys().next().value!);
  m.set(key, v);
  return v;
}

type Deal = { qs: string; label: string; link: ChromeLink };

/** A pool of searches that have bookable results, drawn from the site's own example searches, with their lowest price. */
function dealPool(site: SiteDefinition, world: World, texts: ChromeTexts): Deal[] {
  return memo(world, `deals/${site.id}/${texts.items}`, () => {
    const rng = new Rng(`${world.seed}/chrome/${site.id}/deals`);
    const out: Deal[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 20 && out.length < 10; i++) {
      const params = site.exampleSearch(world, rng.fork(`search/${i}`));
      const qs = searchQueryString(site, params);
      const label = searchLabel(site, world, params);
      if (seen.has(qs) || seen.has(label)) continue;
      seen.add(qs).add(label);
      const open = site.search(world, params).filter((l) => !l.soldOut);
      if (open.length === 0) continue;
      const cheapest = open.reduce((a, b) => (b.price < a.price ? b : a));
      const price = cheapest.price === 0 ? `${texts.items} with no charge to book` : `${texts.items} from ${money(cheapest.price, site.currency)} ${cheapest.priceUnit}`;
      out.push({ qs, label, link: { href: `/search?${qs}`, text: `${label}: ${price}` } });
    }
    return out;
  });
}

/** Up to `n` bookable listings of the search other than `exclude`, drawn per site, page kind and search. */
function recommendations(req: ChromeRequest, n: number, exclude: ReadonlySet<string>): ChromeLink[] {
  const { site, world, params } = req;
  if (!params || n === 0) return [];
  const qs = searchQueryString(site, params);
  const picked = memo(world, `rec/${site.id}/${req.kind}/${qs}`, () => {
    const open = site.search(world, params).filter((l) => !l.soldOut);
    return new Rng(`${world.seed}/chrome/${site.id}/${req.kind}`).fork(qs).shuffle(open);
  });
  return picked.filter((l) => !exclude.has(l.id)).slice(0, n).map((l) => listingLink(site, l, params));
}

/** The listing this episode viewed last, under the search it was viewed with, if it still exists. */
function recentlyViewed(req: ChromeRequest): { id: string; link: ChromeLink } | undefined {
  const { site, world, state } = req;
  const id = state?.viewedListingId;
  if (!id || id === req.listingId) return undefined;
  const params = state.selection?.listingId === id ? state.selection.params : state.search?.params;
  if (!params) return undefined;
  const detail = site.detail(world, params, id);
  return detail ? { id, link: listingLink(site, detail.listing, params) } : undefined;
}

function reviews(req: ChromeRequest, texts: ChromeTexts, n: number): Review[] {
  const { site, world } = req;
  const rng = new Rng(`${world.seed}/chrome/${site.id}/${req.kind}/reviews`);
  const month = Number(world.today.slice(5, 7));
  const year = Number(world.today.slice(0, 4));
  return rng.sample(texts.reviews, n).map((text) => {
    // The last three months before the world's today.
    const back = rng.int(1, 3);
    const m = ((month - 1 - back + 12) % 12) + 1;
    const y = month - back < 1 ? year - 1 : year;
    return { text, author: `${rng.pick(FIRST_NAMES)}, ${rng.pick(CITIES).name}`, when: `${monthName(m)} ${y}` };
  });
}

/** Everything the page's surrounding content shows. */
export function chromeContent(req: ChromeRequest): ChromeContent {
  const { site, world, kind } = req;
  const texts = chromeTexts(site);
  const sections = SECTIONS[kind];
  const counts = COUNTS[kind];
  const pool = dealPool(site, world, texts);
  const own = req.params ? searchQueryString(site, req.params) : undefined;
  const rng = new Rng(`${world.seed}/chrome/${site.id}/${kind}`);
  const deals = sections.includes('deals') ? rng.shuffle(pool.filter((d) => d.qs !== own)).slice(0, counts.deals) : [];
  const recent = sections.includes('recent') ? recentlyViewed(req) : undefined;
  const exclude = new Set([req.listingId, recent?.id].filter((x): x is string => x !== undefined));
  const faq = kind === 'details' || kind === 'review' ? texts.checkoutFaq : sections.includes('faq') ? texts.faq : [];
  return {
    kind,
    texts,
    deals: deals.map((d) => d.link),
    recommended: sections.includes('recommended') ? recommendations(req, counts.recommended, exclude) : [],
    recommendedHeading: kind === 'listing' ? 'Similar options for your search' : 'Recommended for your search',
    recent: recent ? [recent.link] : [],
    reviews: sections.includes('reviews') ? reviews(req, texts, counts.reviews) : [],
    faq,
    trust: sections.includes('trust') ? texts.trust : [],
    // Where to and when only: a deal on the same page already says the price.
    popular: pool
      .filter((d) => !deals.includes(d))
      .slice(0, POPULAR)
      .map((d) => ({ href: d.link.href, text: d.label })),
  };
}
