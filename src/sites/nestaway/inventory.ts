import { addDays } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { rentalsDomain, type Rental } from './domain.js';

/**
 * Whether a rental's night is already taken, made on demand with a stream fixed by the world
 * seed, the rental and the night: popular places and weekends go first.
 */
export function nightTaken(world: World, r: Rental, night: string): boolean {
  const rng = new Rng(`${world.seed}/nestaway/${r.id}/${night}`);
  const day = new Date(`${night}T00:00:00Z`).getUTCDay();
  return rng.chance(r.popularity * 0.3 + (day === 5 || day === 6 ? 0.1 : 0));
}

/** Every night of a stay is free. */
export function freeFor(world: World, r: Rental, checkIn: string, nights: number): boolean {
  for (let i = 0; i < nights; i++) if (nightTaken(world, r, addDays(checkIn, i))) return false;
  return true;
}

const index = new WeakMap<World, Map<string, Rental[]>>();

export function rentalsIn(world: World, cityId: string): Rental[] {
  let m = index.get(world);
  if (!m) {
    m = new Map();
    for (const r of world.all(rentalsDomain)) m.set(r.cityId, [...(m.get(r.cityId) ?? []), r]);
    index.set(world, m);
  }
  return m.get(cityId) ?? [];
}
