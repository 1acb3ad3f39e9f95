import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { bookingPages } from '../../knowledge/index.js';
import type { World } from '../../world/world.js';
import type { BookingPageOf } from './cross-site-questions.js';

/**
 * The listing page of an entity on the booking site its listing facts come from (the page the
 * guide's "Book … on …" link and the search engine's result open), checked to open by the site's
 * own `detail`; undefined when the site lists it under no search.
 */
export function bookingPageOf(world: World, sites: readonly SiteDefinition[]): BookingPageOf {
  return (e) => {
    const site = e.listing?.site;
    const page = site ? bookingPages(world, sites, e).find((p) => p.siteId === site && p.kind === 'listing') : undefined;
    return page ? { site: page.siteId, path: page.path } : undefined;
  };
}
