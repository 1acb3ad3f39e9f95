import { Rng } from '../core/rng.js';
import type { World } from '../world/world.js';
import { CITIES } from '../world/geography.js';
import type { SearchParams, SiteDefinition } from '../sites/engine/site-definition.js';
import { searchQueryString } from '../sites/engine/search-query.js';
import { practitionersDomain } from '../sites/medibook/domain.js';
import { eventsDomain } from '../sites/ticketnest/domain.js';
import { rentalsDomain } from '../sites/nestaway/domain.js';
import { packageHotelsDomain } from '../sites/packfly/domain.js';
import type { Entity } from './graph/schema.js';

/** A booking site's page where an entity is sold or searched for: a path on that site's origin. */
export type BookingPage = { siteId: string; siteName: string; kind: 'listing' | 'search'; path: string; label: string };

type Plan = { siteId: string; listingId?: string; params: (world: World) => SearchParams | undefined };

const cityOf = (e: Entity) => (e.type === 'city' ? CITIES.find((c) => c.id === key(e)) : CITIES.find((c) => c.name === e.facts.city));
const key = (e: Entity) => e.id.slice(e.id.indexOf(':') + 1);
const code = (id: string) => id.slice(id.indexOf(':') + 1);

/** Which booking sites sell an entity, and the search that finds it there. */
function plans(e: Entity): Plan[] {
  const city = cityOf(e);
  const byCity = (siteId: string, field: string, listing = true): Plan | undefined =>
    city ? { siteId, ...(listing ? { listingId: key(e) } : {}), params: () => ({ [field]: city.id }) } : undefined;
  const plansOf: Record<string, () => (Plan | undefined)[]> = {
    hotel: () => [byCity('staywell', 'destination')],
    restaurant: () => [byCity('forkful', 'city')],
    rental: () => [
      city && {
        siteId: 'nestaway',
        listingId: key(e),
        params: (w: World) => {
          const row = w.find(rentalsDomain, key(e));
          return row ? { city: row.cityId, guests: Math.min(2, row.maxGuests), nights: Math.max(3, row.minNights) } : undefined;
        },
      },
    ],
    attraction: () => [byCity('tourbase', 'city')],
    cinema: () => [byCity('screenly', 'city', false)],
    practitioner: () => [
      city && {
        siteId: 'medibook',
        listingId: key(e),
        params: (w: World) => {
          const row = w.find(practitionersDomain, key(e));
          return row ? { city: row.cityId, specialty: row.specialty, visit: 'in-person' } : undefined;
        },
      },
    ],
    event: () => [
      {
        siteId: 'ticketnest',
        listingId: key(e),
        params: (w: World) => {
          const row = w.find(eventsDomain, key(e));
          return row ? { city: row.city, dateFrom: row.date, dateTo: row.date, searchCategory: 'any' } : undefined;
        },
      },
    ],
    'event-series': () => [byCity('ticketnest', 'city', false)],
    venue: () => [byCity('ticketnest', 'city', false)],
    'package-hotel': () => [
      {
        siteId: 'packfly',
        listingId: key(e),
        params: (w: World) => {
          const row = w.find(packageHotelsDomain, key(e));
          return row ? { destination: row.destination } : undefined;
        },
      },
    ],
    'holiday-destination': () => [{ siteId: 'packfly', params: () => ({ destination: key(e) }) }],
    city: () =>
      city
        ? [
            { siteId: 'staywell', params: () => ({ destination: city.id }) },
            { siteId: 'nestaway', params: () => ({ city: city.id }) },
            { siteId: 'forkful', params: () => ({ city: city.id }) },
            { siteId: 'tourbase', params: () => ({ city: city.id }) },
            { siteId: 'ticketnest', params: () => ({ city: city.id }) },
            { siteId: 'screenly', params: () => ({ city: city.id }) },
            { siteId: 'wheelo', params: () => ({ pickupLocation: `${city.id}-airport` }) },
          ]
        : [],
    neighbourhood: () => [byCity('staywell', 'destination', false)],
    'flight-route': () => [{ siteId: 'skyhop', params: () => ({ origin: String(e.facts.originAirport), destination: String(e.facts.destinationAirport) }) }],
    'rail-route': () => {
      const [o, d] = key(e).split('-');
      return [{ siteId: 'railgo', params: () => ({ origin: o!, destination: d! }) }];
    },
    'coach-route': () => {
      const [o, d] = key(e).split('-');
      return [{ siteId: 'coachly', params: () => ({ origin: o!.toUpperCase(), destination: d!.toUpperCase() }) }];
    },
    'ferry-route': () => {
      const [o, d] = key(e).split('-');
      return [{ siteId: 'ferryway', params: () => ({ origin: o!.toUpperCase(), destination: d!.toUpperCase() }) }];
    },
    'car-supplier': () => [{ siteId: 'wheelo', params: () => ({}) }],
    airport: () => [{ siteId: 'skyhop', params: () => ({ origin: code(e.id) }) }],
  };
  return (plansOf[e.type]?.() ?? []).filter((p): p is Plan => p !== undefined);
}

/** The booking sites that sell or search an entity, without finding the page (cheap). */
export function bookingSitesOf(e: Entity): { siteId: string; listing: boolean }[] {
  return plans(e).map((p) => ({ siteId: p.siteId, listing: p.listingId !== undefined }));
}

const memo = new WeakMap<World, Map<string, BookingPage[]>>();

/**
 * The booking pages of an entity: the listing page under a search that finds it (checked: the
 * site's own `detail` answers for it), else the search page. A pure function of the world and the
 * entity, kept per world.
 */
export function bookingPages(world: World, sites: readonly SiteDefinition[], e: Entity): BookingPage[] {
  let m = memo.get(world);
  if (!m) memo.set(world, (m = new Map()));
  const hit = m.get(e.id);
  if (hit) return hit;
  const out: BookingPage[] = [];
  for (const plan of plans(e)) {
    const site = sites.find((s) => s.id === plan.siteId);
    if (!site) continue;
    const own = plan.params(world);
    if (!own) continue;
    let found: BookingPage | undefined;
    let fallback: string | undefined;
    // A few of the site's own example searches, with the entity's place put in: the first that finds it.
    for (let i = 0; i < 4 && !found; i++) {
      const params = { ...site.exampleSearch(world, new Rng(`${world.seed}/knowledge/booking/${e.id}/${i}`)), ...own };
      const qs = searchQueryString(site, params);
      fallback ??= `/search?${qs}`;
      if (plan.listingId === undefined) break;
      if (site.detail(world, params, plan.listingId)) {
        found = { siteId: site.id, siteName: site.name, kind: 'listing', path: `/listing/${encodeURIComponent(plan.listingId)}?${qs}`, label: `Book ${e.name} on ${site.name}` };
      }
    }
    out.push(found ?? { siteId: site.id, siteName: site.name, kind: 'search', path: fallback!, label: `Search ${site.name}${cityOf(e) ? ` in ${cityOf(e)!.name}` : ''}` });
  }
  if (m.size > 50_000) m.clear();
  m.set(e.id, out);
  return out;
}
