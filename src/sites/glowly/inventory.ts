import { addDays, inHorizon, minutesToTime, timeToMinutes, weekday } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { salonStaffDomain, type Category, type StaffMember } from './domain.js';

/**
 * The appointment starts of a staff member on a day (every half hour of their working hours, the
 * last an hour before they stop) and which are already taken, made on demand with a stream fixed
 * by the world seed, the staff member and the day, and kept for the recent ones.
 */

export type Slot = { date: string; time: string; booked: boolean };

/** Days the slot grid shows from the searched date. */
export const DAYS_SHOWN = 4;

const MEMO_LIMIT = 8192;
const memo = new WeakMap<World, Map<string, Slot[]>>();

export function slotsOn(world: World, s: StaffMember, date: string): Slot[] {
  let m = memo.get(world);
  if (!m) memo.set(world, (m = new Map()));
  const key = `${s.id}/${date}`;
  const hit = m.get(key);
  if (hit) return hit;
  const rng = new Rng(`${world.seed}/glowly/${s.id}/${date}`);
  const out: Slot[] = [];
  // Saturdays and the next few days are fuller.
  const soon = Math.max(0, 1 - (Date.parse(date) - Date.parse('2026-06-01')) / (10 * 86_400_000));
  const busy = Math.min(0.92, s.demand + soon * 0.3 + (weekday(date) === 6 ? 0.15 : 0));
  for (const session of s.week[weekday(date)] ?? []) {
    for (let t = timeToMinutes(session.from); t + 60 <= timeToMinutes(session.to); t += 30) out.push({ date, time: minutesToTime(t), booked: rng.chance(busy) });
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
export function windowSlots(world: World, s: StaffMember, date: string): Slot[] {
  return daysFrom(date).flatMap((d) => slotsOn(world, s, d));
}

const index = new WeakMap<World, Map<string, StaffMember[]>>();

/** The staff of a city who do a category, in generation order. */
export function staffFor(world: World, cityId: string, category: Category): StaffMember[] {
  let m = index.get(world);
  if (!m) {
    m = new Map();
    for (const s of world.all(salonStaffDomain)) for (const k of s.skills) m.set(`${s.cityId}/${k}`, [...(m.get(`${s.cityId}/${k}`) ?? []), s]);
    index.set(world, m);
  }
  return m.get(`${cityId}/${category}`) ?? [];
}
