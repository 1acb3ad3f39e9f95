import { addDays } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { Sailing } from './domain.js';

/** The shore excursions offered at each port of call of a sailing, on the day the ship is there. */

export type Level = 'easy' | 'moderate' | 'active';
export type Excursion = { id: string; port: string; day: string; name: string; durationH: number; level: Level; adultPrice: number; childPrice: number; soldOut: boolean };

const KINDS: readonly { name: (p: string) => string; hours: number; level: Level; price: number }[] = [
  { name: (p) => `${p} highlights by coach`, hours: 4, level: 'easy', price: 49 },
  { name: (p) => `Old town walking tour of ${p}`, hours: 3, level: 'moderate', price: 35 },
  { name: (p) => `${p} food and wine tasting`, hours: 4, level: 'easy', price: 69 },
  { name: (p) => `Kayaking along the coast near ${p}`, hours: 3, level: 'active', price: 75 },
  { name: (p) => `Beach afternoon near ${p}`, hours: 5, level: 'easy', price: 39 },
  { name: (p) => `${p} by bike`, hours: 3, level: 'active', price: 55 },
  { name: (p) => `Panoramic boat ride at ${p}`, hours: 2, level: 'easy', price: 45 },
];

const hash = (s: string) => [...s].reduce((h, c) => (h * 33 + c.charCodeAt(0)) >>> 0, 5381);

export function excursionsOf(world: World, s: Sailing): Excursion[] {
  const out: Excursion[] = [];
  for (const call of s.calls) {
    const h = hash(`${world.seed}/${s.id}/${call.port}`);
    const n = 2 + (h % 3);
    for (let k = 0; k < n; k++) {
      const kind = KINDS[(h + k * 3) % KINDS.length]!;
      const adult = Math.round(kind.price * (0.85 + ((h >> (k + 2)) % 30) / 100));
      out.push({
        id: `ex-${s.id.slice(3)}-d${call.day}-${k + 1}`,
        port: call.port,
        day: addDays(s.departDate, call.day - 1),
        name: kind.name(call.port),
        durationH: kind.hours,
        level: kind.level,
        adultPrice: adult,
        childPrice: Math.round(adult * 0.6),
        soldOut: hash(`${world.seed}/${s.id}/${call.port}/${k}`) % 100 < 10,
      });
    }
  }
  return out;
}
