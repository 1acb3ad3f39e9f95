import type { World } from '../../world/world.js';
import { CITIES } from '../../world/geography.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { SPECIALTIES, SPECIALTY_LABELS } from '../../sites/medibook/domain.js';
import { Rng } from '../../core/rng.js';
import { searchQueryString } from '../../sites/engine/search-query.js';
import { articlePath, listPath } from '../graph/article-path.js';
import type { KnowledgeGraph } from '../graph/knowledge-graph.js';
import { ENTITY_TYPES, type Entity, type EntityType } from '../graph/schema.js';
import { bookingPages, bookingSitesOf } from '../booking-pages.js';
import { factLabel, factText, TYPE_LABELS } from '../guide/labels.js';
import { articleProse } from '../guide/prose.js';
import { articleTitle } from '../guide/titles.js';
import { GUIDE_NAME } from '../guide/guide-name.js';

/**
 * One page the search engine knows: where it is (site id and path) and what it says. A booking
 * page's path is `null` until a result shows it (`resolvePath`): finding the search under which
 * a site lists an option costs a call of the site's own `detail`, too slow to make for every
 * option while the index is built.
 */
export type WebDocument = { id: number; siteId: string; path: string | null; title: string; body: string; kind: 'article' | 'list' | 'home' | 'listing' | 'search'; entityId?: string };

/** Kinds whose booking pages are indexed one per entity (the listing page that sells it). */
const LISTING_SITE: Partial<Record<EntityType, string>> = { hotel: 'staywell', restaurant: 'forkful', rental: 'nestaway', attraction: 'tourbase', event: 'ticketnest', 'package-hotel': 'packfly' };
const LISTING_KINDS = Object.keys(LISTING_SITE) as EntityType[];
/** Kinds whose booking search pages are indexed (a route's or a place's search). */
const SEARCH_KINDS: readonly EntityType[] = ['city', 'flight-route', 'rail-route', 'coach-route', 'ferry-route', 'holiday-destination'];

const factsText = (e: Entity) =>
  Object.entries(e.facts)
    .map(([k, v]) => `${factLabel(k)}: ${factText(v)}.`)
    .join(' ');

/**
 * The pages of every site the engine indexes: every guide article and list, every booking site's
 * home page, the listing page of each stored option (hotels, tables, rentals, attractions,
 * events, resort hotels: checked to open), and the search pages of every place and route. Bounded
 * by the stored world: the day-by-day flights and trains are reached through their routes'
 * search pages, and practitioners through their city's and specialty's search page.
 */
export function webDocuments(world: World, sites: readonly SiteDefinition[], graph: KnowledgeGraph): WebDocument[] {
  const docs: WebDocument[] = [];
  const add = (d: Omit<WebDocument, 'id'>) => docs.push({ id: docs.length, ...d });
  add({ siteId: 'guide', path: '/', kind: 'home', title: `${GUIDE_NAME}, the free travel encyclopedia`, body: `An article on every city, neighbourhood, hotel, restaurant, venue, event, airline, route and operator: ${graph.size} articles.` });
  for (const type of ENTITY_TYPES) {
    const n = graph.ofType(type).length;
    add({ siteId: 'guide', path: listPath(type), kind: 'list', title: `List of ${TYPE_LABELS[type][1].toLowerCase()} — ${GUIDE_NAME}`, body: `${n} ${TYPE_LABELS[type][1].toLowerCase()} in the guide, in a table with their main facts.` });
  }
  for (const e of graph.entities()) {
    add({ siteId: 'guide', path: articlePath(e.id), kind: 'article', entityId: e.id, title: `${articleTitle(graph, e)} — ${GUIDE_NAME}`, body: `${articleProse(graph, e).join(' ')} ${factsText(e)}` });
  }
  for (const site of sites) {
    add({ siteId: site.id, path: '/', kind: 'home', title: `${site.name} — ${site.tagline}`, body: `${site.name}: book ${site.domain} online. ${site.tagline}.` });
  }
  for (const type of LISTING_KINDS) {
    const site = sites.find((s) => s.id === LISTING_SITE[type]);
    if (!site) continue;
    for (const e of graph.ofType(type)) {
      add({ siteId: site.id, path: null, kind: 'listing', entityId: e.id, title: `${e.name} | ${site.name}`, body: `${e.name}. ${TYPE_LABELS[e.type][0]}. ${factsText(e)}` });
    }
  }
  for (const type of SEARCH_KINDS) {
    for (const e of graph.ofType(type)) {
      for (const b of bookingSitesOf(e)) {
        const site = sites.find((x) => x.id === b.siteId);
        if (!site || b.listing) continue;
        const title = e.type === 'city' ? `${site.name} in ${e.name}` : e.name;
        add({ siteId: site.id, path: null, kind: 'search', entityId: e.id, title: `${title} | ${site.name}`, body: `Search ${site.name} (${site.domain}): ${TYPE_LABELS[e.type][0]} ${e.name}. ${factsText(e)}` });
      }
    }
  }
  const medibook = sites.find((s) => s.id === 'medibook');
  if (medibook) {
    for (const city of CITIES) {
      for (const sp of SPECIALTIES) {
        const params = { ...medibook.exampleSearch(world, new Rng(`${world.seed}/knowledge/medibook/${city.id}/${sp}`)), city: city.id, specialty: sp };
        add({ siteId: 'medibook', path: `/search?${searchQueryString(medibook, params)}`, kind: 'search', title: `${SPECIALTY_LABELS[sp]} in ${city.name} | ${medibook.name}`, body: `Book an appointment with a ${SPECIALTY_LABELS[sp].toLowerCase()} in ${city.name}, ${city.country}. Compare practitioners, languages, fees and ratings.` });
      }
    }
  }
  return docs;
}

/** Where a document's page is: its own path, or for a listing the booking page that sells its entity. */
export function resolvePath(world: World, sites: readonly SiteDefinition[], graph: KnowledgeGraph, doc: WebDocument): string {
  if (doc.path !== null) return doc.path;
  const e = graph.get(doc.entityId!);
  return bookingPages(world, sites, e).find((p) => p.siteId === doc.siteId)?.path ?? '/';
}
