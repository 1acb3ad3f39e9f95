import { HORIZON_DAYS, WORLD_TODAY, addDays } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import { CITIES } from '../../world/geography.js';
import type { World } from '../../world/world.js';
import type { SearchParams } from '../engine/site-definition.js';
import { detail, search } from './listings.js';

/** A search with at least 3 restaurants, one of which has a free time and seating for the party. */
function usable(world: World, params: SearchParams): boolean {
  const listings = search(world, params);
  if (listings.length < 3) return false;
  return listings.some((l) => {
    if (l.soldOut) return false;
    const d = detail(world, params, l.id);
    return d !== undefined && d.optionGroups.every((g) => g.choices.some((c) => !c.soldOut));
  });
}

const TIMES: (readonly [string, number])[] = [
  ['12:30', 1], ['13:00', 1], ['19:00', 2], ['19:30', 3], ['20:00', 3], ['20:30', 2], ['21:00', 1],
];
const PARTY: (readonly [number, number])[] = [[1, 1], [2, 6], [3, 2], [4, 3], [5, 1], [6, 1], [8, 0.5]];

export function exampleSearch(world: World, rng: Rng): SearchParams {
  for (let attempt = 0; attempt < 25; attempt++) {
    const params: SearchParams = {
      city: rng.pick(CITIES).id,
      date: addDays(WORLD_TODAY, rng.int(1, HORIZON_DAYS - 1)),
      time: rng.weighted(TIMES),
      partySize: rng.weighted(PARTY),
    };
    if (usable(world, params)) return params;
  }
  // Deterministic fallback: the first city and date that work for two at 19:30.
  for (let day = 1; day < HORIZON_DAYS; day++) {
    for (const c of CITIES) {
      const params: SearchParams = { city: c.id, date: addDays(WORLD_TODAY, day), time: '19:30', partySize: 2 };
      if (usable(world, params)) return params;
    }
  }
  throw new Error('forkful: no bookable restaurant search in this world');
}
