import type { Listing, SiteDefinition } from '../../site-definition.js';
import { money } from '../format.js';
import { listingHref } from './result-card.js';

/** Accessible name of a marker: what it is, where, and what it costs. */
export function markerName(site: SiteDefinition, l: Listing): string {
  const price = l.soldOut ? 'sold out' : l.price === 0 ? 'no charge' : `${money(l.price, site.currency)} ${l.priceUnit}`;
  return `${l.title}${l.subtitle ? ` — ${l.subtitle}` : ''}: ${price}`;
}

/**
 * Every result on a map: the markers are a list of links, each placed at its listing's position
 * (projected into the box that holds them all) and named by what it is and costs, so the map is
 * as usable with a screen reader or an agent as by sight.
 */
export function MapView({ site, items, queryString, listings }: { site: SiteDefinition; items: Listing[]; queryString: string; listings?: string }) {
  const placed = items.filter((l) => l.position);
  if (placed.length === 0) return <p>{site.wording.emptyResults}</p>;
  const lats = placed.map((l) => l.position!.lat);
  const lons = placed.map((l) => l.position!.lon);
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  // 5% margin on each side; a single result sits in the middle.
  const x = (lon: number) => (east === west ? 50 : 5 + ((lon - west) / (east - west)) * 90);
  const y = (lat: number) => (north === south ? 50 : 5 + ((north - lat) / (north - south)) * 90);
  return (
    <section class="map" aria-label="Map of results">
      <ul class="map-markers" aria-label="Map markers">
        {placed.map((l) => (
          <li class={`marker${l.soldOut ? ' sold-out' : ''}`} style={`left:${x(l.position!.lon).toFixed(2)}%;top:${y(l.position!.lat).toFixed(2)}%`}>
            <a href={listingHref(l, queryString, listings)} aria-label={markerName(site, l)}>
              {l.soldOut ? '—' : l.price === 0 ? 'Free' : money(l.price, site.currency)}
            </a>
          </li>
        ))}
      </ul>
      {placed.length < items.length ? <p class="muted">{`${items.length - placed.length} results have no location and are not on the map.`}</p> : null}
    </section>
  );
}

/** The list/map toggle: two links, the current view marked. */
export function ViewToggle({ view, listHref, mapHref }: { view: 'list' | 'map'; listHref: string; mapHref: string }) {
  return (
    <nav class="view-toggle" aria-label="Results view">
      <a href={listHref} aria-current={view === 'list' ? 'true' : undefined} class={view === 'list' ? 'current' : ''}>
        List view
      </a>
      <a href={mapHref} aria-current={view === 'map' ? 'true' : undefined} class={view === 'map' ? 'current' : ''}>
        Map view
      </a>
    </nav>
  );
}
