import { z } from 'zod';
import { horizonDates, minutesToTime, weekday } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, distanceKm } from '../../world/geography.js';

export const CABINS = ['economy', 'premium', 'business'] as const;
export type Cabin = (typeof CABINS)[number];

export const AIRLINES = ['Iberica Air', 'NorthSea Airways', 'Lusa Wings', 'Alpine Jet', 'Baltic Blue', 'Atlas Connect'] as const;

export const Flight = z.strictObject({
  id: z.string(),
  origin: z.string(), // airport code
  destination: z.string(),
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

const DEPARTURE_SLOTS = [6 * 60 + 5, 7 * 60 + 40, 9 * 60 + 15, 11 * 60 + 30, 13 * 60 + 50, 15 * 60 + 20, 17 * 60 + 45, 19 * 60 + 10, 20 * 60 + 55, 22 * 60 + 30];

function generate(rng: Rng): Flight[] {
  const rows: Flight[] = [];
  const dates = horizonDates();
  for (const from of CITIES) {
    for (const to of CITIES) {
      if (from === to) continue;
      const km = distanceKm(from, to);
      if (km < 250 || !rng.chance(0.45)) continue;
      const airlines = rng.sample(AIRLINES, rng.int(2, 3));
      const baseEconomy = 35 + km * 0.085;
      const routeCode = `${from.airport.code}-${to.airport.code}`;
      for (const date of dates) {
        const n = rng.int(2, 4);
        const slots = rng.sample(DEPARTURE_SLOTS, n).sort((a, b) => a - b);
        const weekend = [0, 5, 6].includes(weekday(date));
        slots.forEach((dep, i) => {
          const stops = rng.weighted<number>([[0, 6], [1, 3], [2, 1]]);
          const via = rng.sample(CITIES.filter((c) => c !== from && c !== to), stops).map((c) => c.airport.code);
          const duration = Math.round((45 + km / 12.5 + stops * rng.int(70, 150)) / 5) * 5;
          const arrive = dep + duration;
          const timeFactor = dep < 8 * 60 || dep > 21 * 60 ? 0.85 : dep >= 17 * 60 && dep <= 19 * 60 ? 1.15 : 1;
          const economy = Math.round(baseEconomy * (weekend ? 1.18 : 1) * timeFactor * (1 - 0.16 * stops) * rng.float(0.8, 1.35));
          const seat = (p: number) => (rng.chance(p) ? 0 : rng.int(1, 9) <= 3 ? rng.int(1, 3) : rng.int(4, 40));
          const airline = airlines[i % airlines.length]!;
          rows.push({
            id: `fl-${routeCode}-${date.slice(5).replace('-', '')}-${i + 1}`,
            origin: from.airport.code,
            destination: to.airport.code,
            date,
            airline,
            flightNumber: `${airline.slice(0, 1)}${airline.split(' ')[1]!.slice(0, 1)} ${rng.int(100, 9899)}`,
            departTime: minutesToTime(dep),
            arriveTime: minutesToTime(arrive),
            arriveNextDay: arrive >= 1440,
            durationMin: duration,
            stops,
            via,
            prices: { economy, premium: Math.round(economy * 1.85), business: Math.round(economy * 3.3) },
            seatsLeft: { economy: seat(0.07), premium: seat(0.15), business: seat(0.2) },
          });
        });
      }
    }
  }
  return rows;
}

export const flightsDomain: DomainModule<Flight> = { key: 'flights', schema: Flight, generate };
