import { z } from 'zod';
import { horizonDates, minutesToTime, weekday } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import type { PartitionedDomain } from '../../world/partitioned-domain.js';
import { CITIES, distanceKm, type City } from '../../world/geography.js';

/**
 * Flights. A route (an ordered pair of airports with service) is a stored row: its airlines,
 * its fare level, how many options a typical day has and the hubs its connections stop at. A
 * route's flights on one date are made on demand from the world's stream (`flightsDomain`, a
 * partitioned domain): 15-60 options on most routes and days, too many to store for every route
 * and day (about 290,000 rows).
 */

export const CABINS = ['economy', 'premium', 'business'] as const;
export type Cabin = (typeof CABINS)[number];

/** Fictional airlines; the flight number prefix is the initials of the two words. */
export const AIRLINES = [
  'Iberica Air', 'NorthSea Airways', 'Lusa Wings', 'Alpine Jet', 'Baltic Blue', 'Atlas Connect',
  'Meridian Air', 'Aurora Airlines', 'Danube Express', 'Celtic Sky', 'Tramontana Air', 'Helvetic Wings',
] as const;

const Code = z.string().regex(/^[A-Z]{3}$/);

export const FlightRoute = z.strictObject({
  /** "LIS-MAD": origin and destination airport codes. */
  id: z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/),
  origin: Code,
  destination: Code,
  km: z.number().int().positive(),
  airlines: z.array(z.string()).min(2),
  /** Options on an average day; weekdays and chance move it. */
  daily: z.number().int().min(1),
  /** Economy fare per adult of a non-stop flight at an ordinary hour on a weekday, EUR. */
  baseEconomy: z.number().positive(),
  /** Airports a connection may stop at, best detour first. */
  hubs: z.array(Code).min(2),
});
export type FlightRoute = z.infer<typeof FlightRoute>;

export const Flight = z.strictObject({
  /** "fl-LIS-MAD-20260612-07": route, date and place in the day's departure order. */
  id: z.string().regex(/^fl-[A-Z]{3}-[A-Z]{3}-\d{8}-\d{2}$/),
  origin: Code,
  destination: Code,
  date: z.string(),
  airline: z.string(),
  flightNumber: z.string(),
  departTime: z.string(),
  arriveTime: z.string(),
  arriveNextDay: z.boolean(),
  durationMin: z.number().int(),
  stops: z.number().int().min(0).max(2),
  via: z.array(z.string()),
  /** Basic fare per adult, by cabin. */
  prices: z.strictObject({ economy: z.number(), premium: z.number(), business: z.number() }),
  seatsLeft: z.strictObject({ economy: z.number().int(), premium: z.number().int(), business: z.number().int() }),
});
export type Flight = z.infer<typeof Flight>;

function hubsOf(from: City, to: City, km: number): string[] {
  return CITIES.filter((c) => c !== from && c !== to)
    .map((c) => ({ code: c.airport.code, detour: distanceKm(from, c) + distanceKm(c, to) - km }))
    .sort((a, b) => a.detour - b.detour || a.code.localeCompare(b.code))
    .slice(0, 6)
    .map((h) => h.code);
}

function generateRoutes(rng: Rng): FlightRoute[] {
  const rows: FlightRoute[] = [];
  for (const from of CITIES) {
    for (const to of CITIES) {
      if (from === to) continue;
      const km = distanceKm(from, to);
      if (km < 250 || !rng.chance(0.45)) continue;
      // Most routes have a busy schedule with connections; some are thin, some trunk routes.
      const daily = rng.weighted<[number, number]>([[[6, 13], 0.12], [[15, 44], 0.74], [[46, 70], 0.14]]);
      rows.push({
        id: `${from.airport.code}-${to.airport.code}`,
        origin: from.airport.code,
        destination: to.airport.code,
        km,
        airlines: rng.sample(AIRLINES, rng.int(3, 6)),
        daily: rng.int(...daily),
        baseEconomy: Math.round(35 + km * 0.085),
        hubs: hubsOf(from, to, km),
      });
    }
  }
  return rows;
}

export const flightRoutesDomain: DomainModule<FlightRoute> = { key: 'flightRoutes', schema: FlightRoute, generate: generateRoutes };

/** More flights on Fridays and Sundays, fewer on Saturdays and midweek (Sunday .. Saturday). */
const WEEKDAY_FLIGHTS = [1.1, 1.0, 0.9, 0.9, 1.0, 1.12, 0.85];

/** One route's flights on one date, in departure order. */
function generateFlights(route: FlightRoute, date: string, rng: Rng): Flight[] {
  const wd = weekday(date);
  const n = Math.max(3, Math.round(route.daily * WEEKDAY_FLIGHTS[wd]! * rng.float(0.85, 1.15)));
  const weekend = [0, 5, 6].includes(wd);
  const long = route.km > 900;
  const usedNumbers = new Set<string>();
  const drafts = Array.from({ length: n }, () => {
    const dep = Math.round(rng.int(5 * 60 + 30, 22 * 60 + 45) / 5) * 5;
    const stops = rng.weighted<number>(long ? [[0, 3], [1, 5], [2, 2]] : [[0, 5], [1, 4], [2, 1]]);
    const via = rng.sample(route.hubs, stops);
    const duration = Math.round((45 + route.km / 12.5 + stops * rng.int(70, 210)) / 5) * 5;
    const timeFactor = dep < 8 * 60 || dep > 21 * 60 ? 0.85 : dep >= 17 * 60 && dep <= 19 * 60 ? 1.15 : 1;
    const economy = Math.round(route.baseEconomy * (weekend ? 1.18 : 1) * timeFactor * (1 - 0.16 * stops) * rng.float(0.8, 1.35));
    const seat = (p: number) => (rng.chance(p) ? 0 : rng.int(1, 9) <= 3 ? rng.int(1, 3) : rng.int(4, 40));
    const airline = rng.pick(route.airlines);
    const prefix = `${airline.slice(0, 1)}${airline.split(' ')[1]!.slice(0, 1)}`;
    let flightNumber: string;
    do flightNumber = `${prefix} ${rng.int(100, 9899)}`;
    while (usedNumbers.has(flightNumber));
    usedNumbers.add(flightNumber);
    return { dep, stops, via, duration, economy, airline, flightNumber, seatsLeft: { economy: seat(0.07), premium: seat(0.15), business: seat(0.2) } };
  });
  drafts.sort((a, b) => a.dep - b.dep || a.flightNumber.localeCompare(b.flightNumber));
  const compact = date.replaceAll('-', '');
  return drafts.map((d, i) => {
    const arrive = d.dep + d.duration;
    return {
      id: `fl-${route.id}-${compact}-${String(i + 1).padStart(2, '0')}`,
      origin: route.origin,
      destination: route.destination,
      date,
      airline: d.airline,
      flightNumber: d.flightNumber,
      departTime: minutesToTime(d.dep),
      arriveTime: minutesToTime(arrive),
      arriveNextDay: arrive >= 1440,
      durationMin: d.duration,
      stops: d.stops,
      via: d.via,
      prices: { economy: d.economy, premium: Math.round(d.economy * 1.85), business: Math.round(d.economy * 3.3) },
      seatsLeft: d.seatsLeft,
    };
  });
}

const FLIGHT_ID = /^fl-([A-Z]{3}-[A-Z]{3})-(\d{4})(\d{2})(\d{2})-\d{2}$/;
const HORIZON = horizonDates();

/** Flights, one partition per route and date. */
export const flightsDomain: PartitionedDomain<FlightRoute, Flight> = {
  key: 'flights',
  parent: flightRoutesDomain,
  schema: Flight,
  keysOf: () => HORIZON,
  generate: generateFlights,
  locate(id) {
    const m = FLIGHT_ID.exec(id);
    return m ? { parentId: m[1]!, key: `${m[2]}-${m[3]}-${m[4]}` } : undefined;
  },
};
