import { minutesToTime, timeToMinutes, weekday } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { facilitiesDomain, type Activity, type Facility } from './domain.js';

/**
 * What is taken on a day, made on demand with a stream fixed by the world seed, the court or
 * class and the day: a court's hourly starts (evenings and weekends fill first), and the places
 * left in a class.
 */

export type Start = { time: string; booked: boolean };

const MEMO_LIMIT = 8192;
const memo = new WeakMap<World, Map<string, Start[]>>();

/** A court's starts on a day, every hour from opening to the last start. */
export function courtStarts(world: World, f: Facility, date: string): Start[] {
  let m = memo.get(world);
  if (!m) memo.set(world, (m = new Map()));
  const key = `${f.id}/${date}`;
  const hit = m.get(key);
  if (hit) return hit;
  const rng = new Rng(`${world.seed}/courtside/${f.id}/${date}`);
  const weekend = weekday(date) === 0 || weekday(date) === 6;
  const out: Start[] = [];
  for (let t = timeToMinutes(f.opens); t <= timeToMinutes(f.closes); t += 60) {
    const peak = t >= 17 * 60 || weekend;
    out.push({ time: minutesToTime(t), booked: rng.chance(Math.min(0.9, f.demand + (peak ? 0.25 : 0))) });
  }
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(key, out);
  return out;
}

/** Peak hours (from 17:00, and all weekend) cost a quarter more. */
export function isPeak(date: string, time: string): boolean {
  return timeToMinutes(time) >= 17 * 60 || weekday(date) === 0 || weekday(date) === 6;
}

/** Places left in a class on a day (none on a day it does not run). */
export function placesLeft(world: World, f: Facility, date: string): number {
  if (!f.weekdays.includes(weekday(date))) return 0;
  const rng = new Rng(`${world.seed}/courtside/${f.id}/${date}`);
  const taken = Math.round(f.capacity * Math.min(1, f.demand + rng.float(-0.3, 0.3)));
  return Math.max(0, f.capacity - taken);
}

const index = new WeakMap<World, Map<string, Facility[]>>();

/** The courts or classes of an activity in a city, in generation order. */
export function facilitiesFor(world: World, cityId: string, activity: Activity): Facility[] {
  let m = index.get(world);
  if (!m) {
    m = new Map();
    for (const f of world.all(facilitiesDomain)) m.set(`${f.cityId}/${f.activity}`, [...(m.get(`${f.cityId}/${f.activity}`) ?? []), f]);
    index.set(world, m);
  }
  return m.get(`${cityId}/${activity}`) ?? [];
}
