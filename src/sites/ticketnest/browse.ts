import { addDays, HORIZON_DAYS } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { EVENT_CATEGORIES } from './domain.js';
import type { FilterSpec, Listing, ListingDetail, SearchParams, SortSpec } from '../engine/site-definition.js';
import { citiesWithEvents, findEvent, findEvents, matches, readQuery } from './inventory.js';
import { toDetail, toListing } from './listing.js';
import { CATEGORY_LABELS } from './wording.js';

export const filters: FilterSpec[] = [
  { id: 'category', kind: 'multi', attr: 'category', label: 'Category', mode: 'any', options: EVENT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })) },
  { id: 'venue', kind: 'multi', attr: 'venue', label: 'Venue', mode: 'any' },
  {
    id: 'maxPrice',
    kind: 'max',
    attr: 'minPrice',
    label: 'Max price per ticket',
    options: [25, 50, 75, 100, 150].map((n) => ({ value: String(n), label: `Up to €${n}` })),
  },
  {
    id: 'timeOfDay',
    kind: 'timeWindow',
    attr: 'time',
    label: 'Time of day',
    windows: [
      { value: 'matinee', label: 'Matinee (before 17:00)', from: '00:00', to: '16:59' },
      { value: 'evening', label: 'Evening (from 17:00)', from: '17:00', to: '23:59' },
    ],
  },
  { id: 'seated', kind: 'flag', attr: 'seatedAvailable', label: 'Seated tickets only' },
];

export const sorts: SortSpec[] = [
  { id: 'date', label: 'Date: soonest first', attr: 'startsAt', dir: 'asc' },
  { id: 'price', label: 'Price: low to high', attr: 'minPrice', dir: 'asc' },
  { id: 'popular', label: 'Most popular', attr: 'popularity', dir: 'desc' },
];

/** Recommended order: what can still be booked first, each part chronological. */
export function search(world: World, params: SearchParams): Listing[] {
  const q = readQuery(params);
  const listings = findEvents(world, q).map((ev) => toListing(ev, q));
  return [...listings.filter((l) => !l.soldOut), ...listings.filter((l) => l.soldOut)];
}

export function detail(world: World, params: SearchParams, listingId: string): ListingDetail | undefined {
  const q = readQuery(params);
  const ev = findEvent(world, listingId);
  if (!ev || !matches(ev, q)) return undefined;
  return toDetail(world, ev, q);
}

function bookable(world: World, params: SearchParams): boolean {
  const results = search(world, params);
  if (results.length < 3) return false;
  return results.some((l) => {
    if (l.soldOut) return false;
    const d = detail(world, params, l.id);
    return d !== undefined && d.optionGroups.every((g) => g.choices.some((c) => !c.soldOut));
  });
}

export function exampleSearch(world: World, rng: Rng): SearchParams {
  const cities = citiesWithEvents(world);
  for (let attempt = 0; attempt < 40; attempt++) {
    const city = rng.pick(cities);
    const start = rng.int(0, HORIZON_DAYS - 15);
    const span = rng.int(6, 20);
    const params: SearchParams = {
      city,
      dateFrom: addDays(world.today, start),
      dateTo: addDays(world.today, Math.min(start + span, HORIZON_DAYS - 1)),
      searchCategory: rng.chance(0.2) ? rng.pick(EVENT_CATEGORIES) : 'any',
      tickets: rng.weighted([[1, 2], [2, 5], [3, 1], [4, 2]] as const),
    };
    if (bookable(world, params)) return params;
  }
  // Unreachable with a normal world: a month in any city has plenty on.
  for (const city of cities) {
    const params: SearchParams = { city, dateFrom: world.today, dateTo: addDays(world.today, 30), searchCategory: 'any', tickets: 1 };
    if (bookable(world, params)) return params;
  }
  throw new Error('ticketnest: the world has no bookable events');
}
