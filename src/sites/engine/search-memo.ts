import type { World } from '../../world/world.js';
import type { Listing, SearchParams } from './site-definition.js';

type Search = (world: World, params: SearchParams) => Listing[];

/**
 * A site's search that remembers its latest results per world. A listing page needs the listing
 * as its search shows it (its rank, its "from" price), and the task generator opens every
 * listing of every search it proves a superlative over: without this, each of the 15-60
 * listings of a search would run the whole search again. Results are frozen, since callers share
 * them; callers filter, sort and page them into new arrays.
 */
export function memoSearch(search: Search, size = 32): Search {
  const byWorld = new WeakMap<World, Map<string, Listing[]>>();
  return (world, params) => {
    let memo = byWorld.get(world);
    if (!memo) byWorld.set(world, (memo = new Map()));
    const key = JSON.stringify(params);
    const hit = memo.get(key);
    if (hit) return hit;
    const found = search(world, params);
    for (const l of found) {
      Object.freeze(l.attrs);
      Object.freeze(l);
    }
    Object.freeze(found);
    memo.set(key, found);
    if (memo.size > size) memo.delete(memo.keys().next().value!);
    return found;
  };
}
