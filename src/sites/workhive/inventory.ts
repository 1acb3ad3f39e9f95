import { minutesToTime, timeToMinutes, weekday } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { KINDS, workspacesDomain, type Kind, type Space } from './domain.js';

/**
 * Which half hours of a space are already booked on a day, made on demand with a stream fixed
 * by the world seed, the space and the day (kept for the recent ones); the start times a
 * booking of some hours can take; and what it costs.
 */

/** Hours a booking may last: 8 is a full day at the day rate. */
export const HOURS = [1, 2, 3, 4, 8] as const;
export const FULL_DAY = 8;

const MEMO_LIMIT = 8192;
const memo = new WeakMap<World, Map<string, Set<number>>>();

export const isOpenOn = (s: Space, date: string) => {
  const d = weekday(date);
  return d === 0 ? s.sunday : d === 6 ? s.saturday : true;
};

/** The booked half hours of a day, as minutes from midnight of their start. */
export function bookedHalfHours(world: World, s: Space, date: string): Set<number> {
  let m = memo.get(world);
  if (!m) memo.set(world, (m = new Map()));
  const key = `${s.id}/${date}`;
  const hit = m.get(key);
  if (hit) return hit;
  const rng = new Rng(`${world.seed}/workhive/${s.id}/${date}`);
  const booked = new Set<number>();
  const d = weekday(date);
  // Midweek is fuller than Mondays, Fridays and weekends.
  const busy = Math.min(0.85, s.demand + (d >= 2 && d <= 4 ? 0.1 : d === 0 || d === 6 ? -0.1 : 0));
  const close = timeToMinutes(s.closes);
  for (let t = timeToMinutes(s.opens); t < close; ) {
    if (rng.chance(busy * 0.55)) {
      const hours = rng.pick([1, 1, 2, 2, 3, 4]);
      for (let x = t; x < Math.min(close, t + hours * 60); x += 30) booked.add(x);
      t += hours * 60;
    } else t += 60;
  }
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(key, booked);
  return booked;
}

export type Start = { time: string; endTime: string; booked: boolean };

/** Every start of a booking of `hours` on a day, each half hour while it ends by closing time; none on a closed day. */
export function startsOn(world: World, s: Space, date: string, hours: number): Start[] {
  if (!isOpenOn(s, date)) return [];
  const booked = bookedHalfHours(world, s, date);
  const out: Start[] = [];
  const len = hours * 60;
  for (let t = timeToMinutes(s.opens); t + len <= timeToMinutes(s.closes); t += 30) {
    let taken = false;
    for (let x = t; x < t + len; x += 30) if (booked.has(x)) taken = true;
    out.push({ time: minutesToTime(t), endTime: minutesToTime(t + len), booked: taken });
  }
  return out;
}

/** What the space costs for the booking: per desk for hot desks; a full day at the day rate. */
export function spacePrice(s: Space, hours: number, attendees: number): number {
  const one = hours >= FULL_DAY ? s.dayPrice : s.hourlyPrice * hours;
  return Math.round(one * (s.kind === 'desk' ? attendees : 1) * 100) / 100;
}

const index = new WeakMap<World, Map<string, Space[]>>();

/** The spaces of a kind in a city, in generation order. */
export function spacesFor(world: World, cityId: string, kind: Kind): Space[] {
  let m = index.get(world);
  if (!m) {
    m = new Map();
    for (const s of world.all(workspacesDomain)) m.set(`${s.cityId}/${s.kind}`, [...(m.get(`${s.cityId}/${s.kind}`) ?? []), s]);
    index.set(world, m);
  }
  return m.get(`${cityId}/${kind}`) ?? [];
}

export const kindOf = (v: unknown): Kind => ((KINDS as readonly string[]).includes(String(v)) ? (v as Kind) : 'meeting');
export const hoursOf = (v: unknown): number => ((HOURS as readonly number[]).includes(Number(v)) ? Number(v) : 2);
