import { daysBetween, inHorizon, minutesToTime, weekday, WORLD_TODAY } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { ferryCrossingsDomain, type FerryCrossing, type FerrySlot } from './domain.js';

/**
 * The sailings of one crossing on one date, made on demand: a pure function of the world seed,
 * the crossing and the date, remembered for the most recent days.
 */

export const ACCOMMODATIONS = {
  deck: { noun: 'deck passage', label: 'Deck passage', berths: 0, perPerson: true, seaView: false },
  reclining: { noun: 'reserved reclining seats', label: 'Reserved reclining seat', berths: 0, perPerson: true, seaView: false },
  inside2: { noun: 'an inside cabin with 2 berths', label: 'Inside cabin, 2 berths', berths: 2, perPerson: false, seaView: false },
  inside4: { noun: 'an inside cabin with 4 berths', label: 'Inside cabin, 4 berths', berths: 4, perPerson: false, seaView: false },
  outside2: { noun: 'an outside cabin with a sea view and 2 berths', label: 'Outside cabin with sea view, 2 berths', berths: 2, perPerson: false, seaView: true },
  outside4: { noun: 'an outside cabin with a sea view and 4 berths', label: 'Outside cabin with sea view, 4 berths', berths: 4, perPerson: false, seaView: true },
  suite: { noun: 'a suite with a sea view', label: 'Suite with sea view, 2 berths', berths: 2, perPerson: false, seaView: true },
} as const;
export type AccommodationId = keyof typeof ACCOMMODATIONS;

export type Sailing = {
  /** "fs-dov-cqf-20260612-07": crossing, date and timetable slot. */
  id: string;
  crossing: FerryCrossing;
  slot: FerrySlot;
  date: string;
  departTime: string;
  arriveTime: string;
  arriveNextDay: boolean;
  /** Adult foot-passenger fares of the day. */
  standardFare: number;
  flexiFare: number;
  /** A car's fare on this sailing (other vehicles are priced from it). */
  carFare: number;
  passengerSpace: number;
  /** Vehicle places left on the car deck (0 when full or there is no car deck). */
  vehicleSpace: number;
  /** What each accommodation costs (per person for seats, per cabin for cabins) and how many are left. */
  accommodations: { id: AccommodationId; price: number; left: number }[];
};

const WEEKDAY_FACTOR = [1.15, 0.9, 0.9, 0.95, 1.05, 1.25, 1.1]; // Sunday .. Saturday
const cents = (x: number) => Math.round(x * 100) / 100;

function makeDay(world: World, crossing: FerryCrossing, date: string): Sailing[] {
  const rng = new Rng(`ferryway-day/${world.seed}/${crossing.id}/${date}`);
  const wd = weekday(date);
  const lead = daysBetween(WORLD_TODAY, date);
  const leadFactor = lead < 5 ? 1.25 : lead < 14 ? 1.1 : 1;
  const out: Sailing[] = [];
  for (const slot of crossing.slots) {
    const r = rng.fork(`slot-${slot.n}`);
    if ((slot.days & (1 << wd)) === 0) continue;
    const demand = WEEKDAY_FACTOR[wd]! * leadFactor * r.float(0.8, 1.3);
    const standardFare = cents(Math.max(5, crossing.baseFare * slot.priceLevel * demand));
    const accommodations: Sailing['accommodations'] = [{ id: 'deck', price: 0, left: 999 }];
    if (slot.durationMin >= 120) accommodations.push({ id: 'reclining', price: cents(slot.durationMin >= 480 ? r.float(12, 18) : r.float(5, 9)), left: r.chance(0.1) ? 0 : r.int(4, 60) });
    if (slot.cabins) {
      const night = slot.durationMin >= 480 ? 1.3 : 1;
      const cabin = (id: AccommodationId, lo: number, hi: number, full: number) => accommodations.push({ id, price: Math.round(r.float(lo, hi) * night), left: r.chance(full * demand) ? 0 : r.int(1, 14) });
      cabin('inside2', 55, 85, 0.2);
      cabin('inside4', 75, 110, 0.15);
      cabin('outside2', 85, 125, 0.3);
      cabin('outside4', 105, 150, 0.25);
      if (slot.suites) cabin('suite', 190, 280, 0.35);
    }
    const arrive = slot.departMin + slot.durationMin;
    out.push({
      id: `fs-${crossing.origin.toLowerCase()}-${crossing.destination.toLowerCase()}-${date.replaceAll('-', '')}-${String(slot.n).padStart(2, '0')}`,
      crossing,
      slot,
      date,
      departTime: minutesToTime(slot.departMin),
      arriveTime: minutesToTime(arrive % 1440),
      arriveNextDay: arrive >= 1440,
      standardFare,
      flexiFare: cents(standardFare * r.float(1.3, 1.5) + 4),
      carFare: cents(crossing.carFare * slot.priceLevel * demand),
      passengerSpace: r.chance(demand > 1.35 ? 0.1 : 0.02) ? r.int(0, 3) : r.int(40, 400),
      vehicleSpace: !slot.carriesVehicles ? 0 : r.chance(demand > 1.3 ? 0.25 : 0.08) ? 0 : r.int(2, 120),
      accommodations,
    });
  }
  return out;
}

const DAYS_KEPT = 512;
const byWorld = new WeakMap<World, Map<string, Sailing[]>>();
const crossingIndex = new WeakMap<World, Map<string, FerryCrossing>>();

export function crossingOf(world: World, origin: string, destination: string): FerryCrossing | undefined {
  let index = crossingIndex.get(world);
  if (!index) {
    index = new Map(world.all(ferryCrossingsDomain).map((c) => [`${c.origin}|${c.destination}`, c]));
    crossingIndex.set(world, index);
  }
  return index.get(`${origin}|${destination}`);
}

/** Sailings from `origin` to `destination` (port codes) on `date`, in timetable order; empty when none sails. */
export function sailingsOn(world: World, origin: string, destination: string, date: string): readonly Sailing[] {
  const crossing = crossingOf(world, origin, destination);
  if (!crossing || !inHorizon(date)) return [];
  let days = byWorld.get(world);
  if (!days) byWorld.set(world, (days = new Map()));
  const key = `${crossing.id}|${date}`;
  const hit = days.get(key);
  if (hit) return hit;
  const made = makeDay(world, crossing, date);
  days.set(key, made);
  if (days.size > DAYS_KEPT) days.delete(days.keys().next().value!);
  return made;
}

/** One sailing by id (its id names its crossing and date). */
export function sailingById(world: World, id: string): Sailing | undefined {
  const m = /^fs-([a-z]{3})-([a-z]{3})-(\d{4})(\d{2})(\d{2})-\d{2}$/.exec(id);
  if (!m) return undefined;
  return sailingsOn(world, m[1]!.toUpperCase(), m[2]!.toUpperCase(), `${m[3]}-${m[4]}-${m[5]}`).find((s) => s.id === id);
}
