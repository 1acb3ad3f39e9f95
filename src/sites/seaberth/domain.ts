import { z } from 'zod';
import { addDays, horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { HOME_PORTS } from './ports.js';

/**
 * Cruise sailings, stored: each a departure of an itinerary (line, ship, home port, nights, the
 * ports it calls at on which day) on a date of the season, with its inside-cabin fare. The deck
 * plan's cabins and which are taken, and the excursions at each port, are made on demand.
 */

export const GRADES = {
  inside: { label: 'Inside', factor: 1 },
  oceanview: { label: 'Ocean view', factor: 1.3 },
  balcony: { label: 'Balcony', factor: 1.7 },
  suite: { label: 'Suite', factor: 2.8 },
} as const;
export type Grade = keyof typeof GRADES;

export const LINES = {
  'Aurora Cruises': ['Aurora Star', 'Aurora Breeze', 'Aurora Grace'],
  'Meridian Line': ['Meridian Spirit', 'Meridian Pearl'],
  'Costa Azul': ['Azul Serena', 'Azul Fortuna'],
  'Nordic Voyages': ['Nordic Light', 'Fjord Queen'],
  'Sunward': ['Sunward Jewel', 'Sunward Horizon'],
} as const;
export type LineName = keyof typeof LINES;

export const Call = z.strictObject({ port: z.string(), day: z.number().int().min(1) });
export const Sailing = z.strictObject({
  id: z.string().regex(/^sb-[a-z]{3}-\d{2}-\d{8}$/),
  homePort: z.string(),
  line: z.string(),
  ship: z.string(),
  nights: z.number().int().min(2),
  departDate: z.string(),
  returnDate: z.string(),
  calls: z.array(Call).min(1),
  /** An inside cabin's fare per person, in EUR. */
  baseFare: z.number().positive(),
});
export type Sailing = z.infer<typeof Sailing>;

function generate(rng: Rng): Sailing[] {
  const rows: Sailing[] = [];
  const season = horizonDates();
  const lines = Object.keys(LINES) as LineName[];
  for (const home of HOME_PORTS) {
    const r = rng.fork(home.code);
    const itineraries = r.int(7, 10);
    for (let k = 1; k <= itineraries; k++) {
      const line = r.pick(lines);
      const ship = r.pick(LINES[line]);
      const nights = r.weighted([[3, 2], [4, 2], [5, 2], [7, 6], [10, 2], [12, 1], [14, 1]] as const);
      const stops = Math.max(1, Math.min(home.calls.length, nights - r.int(1, Math.max(1, Math.floor(nights / 3)))));
      const ports = r.sample(home.calls, stops);
      // Port days spread over the voyage, in order; the rest are days at sea.
      const days = r.sample(Array.from({ length: nights - 1 }, (_, i) => i + 2), Math.min(stops, nights - 1)).sort((a, b) => a - b);
      const calls = days.map((day, i) => ({ port: ports[i]!, day }));
      const perNight = r.float(60, 120) * (line === 'Sunward' ? 0.8 : line === 'Nordic Voyages' ? 1.25 : 1);
      const every = nights <= 7 ? 7 : 14;
      const first = r.int(0, every - 1);
      for (let d = first; d < season.length; d += every) {
        const departDate = season[d]!;
        rows.push({
          id: `sb-${home.code.toLowerCase()}-${String(k).padStart(2, '0')}-${departDate.replaceAll('-', '')}`,
          homePort: home.code,
          line,
          ship,
          nights,
          departDate,
          returnDate: addDays(departDate, nights),
          calls,
          baseFare: Math.round(perNight * nights * r.float(0.9, 1.15)),
        });
      }
    }
  }
  return rows;
}

export const sailingsDomain: DomainModule<Sailing> = {
  key: 'cruiseSailings',
  schema: Sailing,
  generate,
};
