import { daysBetween, minutesToTime, weekday, WORLD_TODAY, inHorizon } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { coachRoutesDomain, type CoachRoute, type CoachSlot } from './domain.js';

/**
 * The departures of one route on one date, made on demand: a pure function of the world seed,
 * the route and the date (never of what was asked before), remembered for the most recent days.
 */

export type Seat = { id: string; row: number; letter: string; position: 'window' | 'aisle'; kind: 'panorama' | 'legroom' | 'standard'; taken: boolean };

export type Departure = {
  /** "co-pfl-bzo-20260612-07": route, date and timetable slot. */
  id: string;
  route: CoachRoute;
  slot: CoachSlot;
  date: string;
  departTime: string;
  arriveTime: string;
  arriveNextDay: boolean;
  /** Adult fares of the day. */
  basicFare: number;
  flexFare: number;
  /** The Basic quota is gone on this departure. */
  basicSoldOut: boolean;
  seats: Seat[];
};

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
export const SEAT_PRICE = { panorama: 4.9, legroom: 2.9, standard: 0 } as const;

const WEEKDAY_FACTOR = [1.2, 0.95, 0.9, 0.95, 1.05, 1.25, 1.0]; // Sunday .. Saturday

/** Coach fares end in .99 and never go below 4.99. */
const fareAmount = (x: number) => Math.max(4.99, Math.round(x) - 0.01);

function seatMap(rng: Rng, slot: CoachSlot, occupancy: number): Seat[] {
  const rows = slot.doubleDecker ? 16 : 13;
  const legroomRow = slot.doubleDecker ? 9 : 7;
  const seats: Seat[] = [];
  for (let row = 1; row <= rows; row++) {
    for (const letter of LETTERS) {
      const kind = row === 1 ? 'panorama' : row === legroomRow ? 'legroom' : 'standard';
      // Front and legroom seats go first; the back fills last.
      const pull = kind === 'standard' ? 1 - (row / rows) * 0.35 : 1.25;
      seats.push({ id: `${row}${letter}`, row, letter, position: letter === 'A' || letter === 'D' ? 'window' : 'aisle', kind, taken: rng.chance(Math.min(1, occupancy * pull)) });
    }
  }
  return seats;
}

function makeDay(world: World, route: CoachRoute, date: string): Departure[] {
  const rng = new Rng(`coachly-day/${world.seed}/${route.id}/${date}`);
  const wd = weekday(date);
  const lead = daysBetween(WORLD_TODAY, date);
  const leadFactor = lead < 5 ? 1.3 : lead < 14 ? 1.12 : 1;
  const out: Departure[] = [];
  for (const slot of route.slots) {
    const r = rng.fork(`slot-${slot.n}`);
    if ((slot.days & (1 << wd)) === 0) continue;
    const demand = WEEKDAY_FACTOR[wd]! * leadFactor * r.float(0.75, 1.3);
    const basicFare = fareAmount(route.baseFare * slot.priceLevel * demand);
    const flexFare = fareAmount(basicFare * r.float(1.22, 1.4) + 3);
    // A few departures are full on busy days.
    const occupancy = r.chance(demand > 1.35 ? 0.12 : 0.03) ? 1 : Math.min(0.92, Math.max(0.05, (demand - 0.55) * r.float(0.6, 1.0)));
    const arrive = slot.departMin + slot.durationMin;
    out.push({
      id: `co-${route.origin.toLowerCase()}-${route.destination.toLowerCase()}-${date.replaceAll('-', '')}-${String(slot.n).padStart(2, '0')}`,
      route,
      slot,
      date,
      departTime: minutesToTime(slot.departMin),
      arriveTime: minutesToTime(arrive),
      arriveNextDay: arrive >= 1440,
      basicFare,
      flexFare,
      basicSoldOut: r.chance(demand > 1.2 ? 0.45 : 0.12),
      seats: seatMap(r, slot, occupancy),
    });
  }
  return out;
}

const DAYS_KEPT = 512;
const byWorld = new WeakMap<World, Map<string, Departure[]>>();
const routeIndex = new WeakMap<World, Map<string, CoachRoute>>();

export function routeOf(world: World, origin: string, destination: string): CoachRoute | undefined {
  let index = routeIndex.get(world);
  if (!index) {
    index = new Map(world.all(coachRoutesDomain).map((r) => [`${r.origin}|${r.destination}`, r]));
    routeIndex.set(world, index);
  }
  return index.get(`${origin}|${destination}`);
}

/** Departures from `origin` to `destination` on `date`, in timetable order; empty when no coach runs. */
export function departuresOn(world: World, origin: string, destination: string, date: string): readonly Departure[] {
  const route = routeOf(world, origin, destination);
  if (!route || !inHorizon(date)) return [];
  let days = byWorld.get(world);
  if (!days) byWorld.set(world, (days = new Map()));
  const key = `${route.id}|${date}`;
  const hit = days.get(key);
  if (hit) return hit;
  const made = makeDay(world, route, date);
  days.set(key, made);
  if (days.size > DAYS_KEPT) days.delete(days.keys().next().value!);
  return made;
}

/** One departure by id (its id names its route and date). */
export function departureById(world: World, id: string): Departure | undefined {
  const m = /^co-([a-z]{3})-([a-z]{3})-(\d{4})(\d{2})(\d{2})-\d{2}$/.exec(id);
  if (!m) return undefined;
  return departuresOn(world, m[1]!.toUpperCase(), m[2]!.toUpperCase(), `${m[3]}-${m[4]}-${m[5]}`).find((d) => d.id === id);
}
