import { addDays, inHorizon, minutesToTime, timeToMinutes, weekday } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { practitionersDomain, type Practitioner, type Specialty } from './domain.js';

/**
 * The appointment slots of a practitioner on a day (from their weekly hours) and which are
 * already booked, made on demand with a stream fixed by the world seed, the practitioner and the
 * day, and kept for the recent ones.
 */

export type Slot = { date: string; time: string; booked: boolean };

/** Days the slot grid shows from the searched date. */
export const DAYS_SHOWN = 5;

const MEMO_LIMIT = 8192;
const memo = new WeakMap<World, Map<string, Slot[]>>();

export function slotsOn(world: World, p: Practitioner, date: string): Slot[] {
  let m = memo.get(world);
  if (!m) memo.set(world, (m = new Map()));
  const key = `${p.id}/${date}`;
  const hit = m.get(key);
  if (hit) return hit;
  const rng = new Rng(`${world.seed}/medibook/${p.id}/${date}`);
  const out: Slot[] = [];
  // Sooner days are fuller: most of tomorrow is gone, the weeks ahead are open.
  const soon = Math.max(0, 1 - (Date.parse(date) - Date.parse('2026-06-01')) / (14 * 86_400_000));
  const busy = Math.min(0.95, p.demand + soon * 0.35);
  for (const s of p.week[weekday(date)] ?? []) {
    for (let t = timeToMinutes(s.from); t + p.slotMinutes <= timeToMinutes(s.to); t += p.slotMinutes) out.push({ date, time: minutesToTime(t), booked: rng.chance(busy) });
  }
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(key, out);
  return out;
}

/** The days the grid shows for a search from `date` (within the world's horizon). */
export function daysFrom(date: string): string[] {
  return Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(date, i)).filter(inHorizon);
}

/** Every slot of the days shown, day by day. */
export function windowSlots(world: World, p: Practitioner, date: string): Slot[] {
  return daysFrom(date).flatMap((d) => slotsOn(world, p, d));
}

const index = new WeakMap<World, Map<string, Practitioner[]>>();

/** The practitioners of a specialty in a city, in generation order. */
export function practitionersIn(world: World, cityId: string, specialty: Specialty): Practitioner[] {
  let m = index.get(world);
  if (!m) {
    m = new Map();
    for (const p of world.all(practitionersDomain)) m.set(`${p.cityId}/${p.specialty}`, [...(m.get(`${p.cityId}/${p.specialty}`) ?? []), p]);
    index.set(world, m);
  }
  return m.get(`${cityId}/${specialty}`) ?? [];
}
