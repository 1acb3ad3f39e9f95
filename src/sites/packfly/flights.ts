import { daysBetween, minutesToTime, WORLD_TODAY } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';

/**
 * A package's flights: the ways there and back offered together for one origin, destination and
 * pair of dates, made on demand from the world seed (a pure function of them).
 */

export const PACKAGE_AIRLINES = ['TAP Air Portugal', 'easyJet', 'Ryanair', 'Jet2', 'TUIfly', 'Iberia', 'Vueling', 'Lufthansa', 'Aer Lingus', 'KLM', 'Transavia'] as const;
const HUBS = ['Madrid', 'Lisbon', 'Frankfurt', 'Amsterdam', 'Barcelona'];

export type FlightLeg = { departMin: number; durationMin: number; stops: number; via?: string };
export type FlightPair = {
  /** "pf-lis-fao-20260612-20260619-03". */
  id: string;
  origin: string;
  destination: string;
  date: string;
  returnDate: string;
  airline: string;
  out: FlightLeg;
  back: FlightLeg;
  /** Adult fare for both flights, with a cabin bag. */
  fare: number;
  /** A checked bag of 23 kg per person, both ways. */
  bagPrice: number;
  seatsLeft: number;
};

const day = (iso: string) => iso.replaceAll('-', '');

export function flightPairs(world: World, origin: string, destination: string, date: string, returnDate: string): FlightPair[] {
  const rng = new Rng(`packfly-flights/${world.seed}/${origin}/${destination}/${date}/${returnDate}`);
  const base = new Rng(`packfly-route/${world.seed}/${origin}/${destination}`);
  const flyMin = base.int(110, 290);
  const baseFare = 60 + flyMin * base.float(0.45, 0.7);
  const lead = daysBetween(WORLD_TODAY, date);
  const n = rng.int(6, 14);
  const out: FlightPair[] = [];
  for (let i = 1; i <= n; i++) {
    const r = rng.fork(`f${i}`);
    const airline = r.pick(PACKAGE_AIRLINES);
    const leg = (): FlightLeg => {
      const stops = r.chance(0.25) ? 1 : 0;
      return { departMin: Math.round(r.int(6 * 60, 22 * 60) / 5) * 5, durationMin: flyMin + (stops ? r.int(70, 200) : r.int(-10, 15)), stops, ...(stops ? { via: r.pick(HUBS) } : {}) };
    };
    const o = leg();
    const b = leg();
    const direct = o.stops + b.stops === 0;
    out.push({
      id: `pf-${origin.toLowerCase()}-${destination.toLowerCase()}-${day(date)}-${day(returnDate)}-${String(i).padStart(2, '0')}`,
      origin,
      destination,
      date,
      returnDate,
      airline,
      out: o,
      back: b,
      fare: Math.round(baseFare * (direct ? r.float(0.95, 1.35) : r.float(0.7, 0.95)) * (lead < 10 ? 1.2 : 1)),
      bagPrice: r.pick([30, 40, 50, 60]),
      seatsLeft: r.chance(0.12) ? r.int(0, 3) : r.int(9, 60),
    });
  }
  return out.sort((a, b) => a.out.departMin - b.out.departMin || a.id.localeCompare(b.id));
}

export function flightPairById(world: World, id: string): FlightPair | undefined {
  const m = /^pf-([a-z]{3})-([a-z]{3})-(\d{4})(\d{2})(\d{2})-(\d{4})(\d{2})(\d{2})-\d{2}$/.exec(id);
  if (!m) return undefined;
  return flightPairs(world, m[1]!.toUpperCase(), m[2]!.toUpperCase(), `${m[3]}-${m[4]}-${m[5]}`, `${m[6]}-${m[7]}-${m[8]}`).find((f) => f.id === id);
}

export const timeOf = (min: number) => minutesToTime(min % 1440);
