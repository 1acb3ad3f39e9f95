import type { AnswerSpec, ProofPage } from '../../core/schemas/answer.js';
import type { Entity } from '../../knowledge/index.js';
import { FILTER_PREFIX } from '../../sites/engine/results.js';
import { searchQueryString } from '../../sites/engine/search-query.js';
import type { Listing, SearchParams, SiteDefinition } from '../../sites/engine/site-definition.js';
import type { World } from '../../world/world.js';

/**
 * What a booking site's results page lists for a route on a day (flights on SkyHop), as the page
 * shows them for one adult in economy: the world makes a route's flights on demand per day, so no
 * graph holds them and a question about them derives its answer again from the inventory.
 */
export type DayResults = (site: string, route: Entity, date: string) => readonly Listing[] | undefined;

/** The search a person makes for a route on a day: one adult, one way, economy. */
export function routeSearch(site: string, route: Entity, date: string): SearchParams | undefined {
  if (site === 'skyhop' && route.type === 'flight-route') {
    return { origin: String(route.facts.originAirport), destination: String(route.facts.destinationAirport), trip: 'oneway', date, adults: 1, children: 0, cabin: 'economy' };
  }
  return undefined;
}

/** The results of the site's own search (the listings its results page shows, before filters and sorts). */
export function dayResultsOf(world: World, sites: readonly SiteDefinition[]): DayResults {
  return (siteId, route, date) => {
    const site = sites.find((s) => s.id === siteId);
    const params = routeSearch(siteId, route, date);
    return site && params ? site.search(world, params) : undefined;
  };
}

/**
 * What a question may ask of a day's results, with how it reads and the results page that shows it
 * (its filter and sort, so that what is asked is at the top, every row of it shown):
 * - `nonstop-airlines`: every airline with a non-stop flight that day (the "Non-stop only" filter);
 * - `nonstop-count`: how many non-stop flights (the filtered page's heading says it);
 * - `cheapest-fare` / `cheapest-airline`: the lowest "from" price per adult, and whose flight it is ("Cheapest first");
 * - `earliest-airline`: the airline of the first departure of the day ("Earliest departure").
 */
export const RESULTS_KEYS = ['nonstop-airlines', 'nonstop-count', 'cheapest-fare', 'cheapest-airline', 'earliest-airline'] as const;
export type ResultsKey = (typeof RESULTS_KEYS)[number];

const airline = (l: Listing) => String(l.attrs.airline);
const stops = (l: Listing) => Number(l.attrs.stops);
const departs = (l: Listing) => String(l.attrs.departTime);

/**
 * The answer a day's results give to `key`, or why they give none a careful reader would agree
 * on: a tie for the cheapest or the earliest between two flights, an earliest flight that is sold
 * out (the site sinks it to the bottom of the list), no non-stop flight, or more non-stop airlines
 * than a list answer should hold. A sold-out row shows no fare: the cheapest is among the others.
 */
export function answerOfResults(key: string, rows: readonly Listing[]): AnswerSpec | { problem: string } {
  if (rows.length === 0) return { problem: 'the results page lists no flight that day' };
  const nonstop = rows.filter((l) => stops(l) === 0);
  switch (key) {
    case 'nonstop-airlines': {
      const names = [...new Set(nonstop.map(airline))].sort();
      if (names.length === 0) return { problem: 'no flight flies non-stop that day' };
      if (names.length > 4) return { problem: `${names.length} airlines fly non-stop that day: too long a list` };
      return { type: 'set', members: names.map((value) => ({ value })) };
    }
    case 'nonstop-count':
      return nonstop.length === 0 ? { problem: 'no flight flies non-stop that day' } : { type: 'number', value: nonstop.length };
    case 'cheapest-fare':
    case 'cheapest-airline': {
      // A sold-out row shows "Sold out" and no fare: the cheapest fare is among the others.
      const open = rows.filter((l) => !l.soldOut);
      if (open.length === 0) return { problem: 'every flight is sold out that day' };
      const min = Math.min(...open.map((l) => l.price));
      const at = open.filter((l) => l.price === min);
      if (key === 'cheapest-fare') return { type: 'number', value: min, unit: 'EUR' };
      return at.length === 1 ? { type: 'string', value: airline(at[0]!) } : { problem: `${at.length} flights share the lowest fare` };
    }
    case 'earliest-airline': {
      const first = [...rows.map(departs)].sort()[0]!;
      const at = rows.filter((l) => departs(l) === first);
      if (at.some((l) => l.soldOut)) return { problem: 'the earliest flight is sold out' };
      return at.length === 1 ? { type: 'string', value: airline(at[0]!) } : { problem: `${at.length} flights leave first, at ${first}` };
    }
  }
  return { problem: `unknown results fact "${key}"` };
}

/** What a results fact is, in words ("cheapest one-way economy fare per adult"): the answer constraint's phrase, said as is by the question. */
export function resultsKeyWords(key: string): string {
  const words: Record<ResultsKey, string> = {
    'nonstop-airlines': 'airlines flying non-stop',
    'nonstop-count': 'number of non-stop flights',
    'cheapest-fare': 'cheapest one-way economy fare per adult',
    'cheapest-airline': 'airline of the flight with the cheapest one-way economy fare per adult',
    'earliest-airline': 'airline of the first flight of the day',
  };
  return words[key as ResultsKey] ?? key;
}

/** The results page that shows a results fact at its top: the route's search on the day, filtered and sorted for it, every matching row shown. */
export function resultsProof(site: SiteDefinition, route: Entity, date: string, key: ResultsKey, rows: readonly Listing[]): ProofPage | undefined {
  const params = routeSearch(site.id, route, date);
  if (!params) return undefined;
  const q = new URLSearchParams(searchQueryString(site, params));
  if (key === 'nonstop-airlines' || key === 'nonstop-count') q.set(`${FILTER_PREFIX}stops`, '0');
  if (key === 'cheapest-fare' || key === 'cheapest-airline') q.set('sort', 'price');
  if (key === 'earliest-airline') q.set('sort', 'departure');
  // A list needs every row on the page: infinite scroll reveals `shown` rows at once.
  const n = key === 'nonstop-airlines' ? rows.filter((l) => stops(l) === 0).length : 0;
  if (n > site.layout.pageSize) q.set('shown', String(n));
  return { site: site.id, path: `/search?${q.toString()}` };
}

/** A day's results and the page that shows a fact of them: what the cross method needs to ask about flights. */
export type ResultsPages = {
  results: DayResults;
  proofOf: (route: Entity, date: string, key: ResultsKey, rows: readonly Listing[]) => ProofPage | undefined;
};

/** The results pages of the world's booking sites (SkyHop's flights). */
export function resultsPages(world: World, sites: readonly SiteDefinition[]): ResultsPages {
  const skyhop = sites.find((s) => s.id === 'skyhop');
  return {
    results: dayResultsOf(world, sites),
    proofOf: (route, date, key, rows) => (skyhop ? resultsProof(skyhop, route, date, key, rows) : undefined),
  };
}
