import { weekday } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { attractionsDomain, type Attraction } from './domain.js';

/**
 * Places left for each start time of an attraction on a day (or for the day, without times),
 * made on demand with a stream fixed by the world seed, the attraction and the day: popular
 * attractions, weekends and the coming days fill up first.
 */

const MEMO_LIMIT = 8192;
const memo = new WeakMap<World, Map<string, Map<string, number>>>();

export const DAY = 'day';

export function placesLeft(world: World, a: Attraction, date: string): Map<string, number> {
  let m = memo.get(world);
  if (!m) memo.set(world, (m = new Map()));
  const key = `${a.id}/${date}`;
  const hit = m.get(key);
  if (hit) return hit;
  const rng = new Rng(`${world.seed}/tourbase/${a.id}/${date}`);
  const weekend = [0, 6].includes(weekday(date));
  const fill = Math.min(1, a.popularity * 0.7 + (weekend ? 0.2 : 0) + rng.float(-0.1, 0.2));
  const left = new Map<string, number>();
  for (const t of a.times.length > 0 ? a.times : [DAY]) {
    const sold = rng.chance(fill * 0.35) ? a.capacity : Math.round(a.capacity * fill * rng.float(0.5, 1));
    left.set(t, Math.max(0, a.capacity - sold));
  }
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(key, left);
  return left;
}

export const isOpen = (a: Attraction, date: string) => a.closedOn === null || a.closedOn !== weekday(date);

const index = new WeakMap<World, Map<string, Attraction[]>>();

export function attractionsIn(world: World, cityId: string): Attraction[] {
  let m = index.get(world);
  if (!m) {
    m = new Map();
    for (const a of world.all(attractionsDomain)) m.set(a.cityId, [...(m.get(a.cityId) ?? []), a]);
    index.set(world, m);
  }
  return m.get(cityId) ?? [];
}
