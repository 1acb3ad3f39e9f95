import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { distanceKm } from '../../world/geography.js';
import { COACH_STATIONS, type CoachStation } from './stations.js';

/**
 * Coach inventory, stored: one row per route (an ordered pair of coach stations) with its
 * timetable, the departures it runs each week. What changes by day (fares, seats taken, the
 * Basic quota) is made on demand from the world seed, the route and the date (`departures.ts`),
 * so every route has 15-55 departures a day without storing them all.
 */

export const COACH_OPERATORS = ['Moovia', 'Intercar', 'Vialto', 'RoadStar', 'Eurocoach'] as const;
export type CoachOperator = (typeof COACH_OPERATORS)[number];
export const COACH_AMENITIES = ['wifi', 'power-sockets', 'toilet', 'bike-rack', 'snack-bar'] as const;
export type CoachAmenity = (typeof COACH_AMENITIES)[number];

const LINE_PREFIX: Record<CoachOperator, string> = { Moovia: 'MV', Intercar: 'IC', Vialto: 'VT', RoadStar: 'RS', Eurocoach: 'EC' };
/** Chance that a coach of the operator has each amenity, in COACH_AMENITIES order. */
const AMENITY_ODDS: Record<CoachOperator, readonly number[]> = {
  Moovia: [0.95, 0.9, 0.95, 0.5, 0.1],
  Intercar: [0.6, 0.5, 0.9, 0.2, 0.4],
  Vialto: [0.85, 0.75, 0.9, 0.35, 0.2],
  RoadStar: [0.5, 0.4, 0.8, 0.6, 0.55],
  Eurocoach: [0.9, 0.95, 1, 0.15, 0.65],
};

export const CoachSlot = z.strictObject({
  /** Position in the route's timetable, 1-based (part of each departure's id). */
  n: z.number().int().min(1).max(99),
  line: z.string().regex(/^[A-Z]{2} \d{3,4}$/),
  operator: z.enum(COACH_OPERATORS),
  departMin: z.number().int().min(0).max(1439),
  durationMin: z.number().int().positive(),
  /** Coach stations where the passenger changes coach, in travel order. */
  via: z.array(z.string().regex(/^[A-Z]{3}$/)).max(1),
  amenities: z.array(z.enum(COACH_AMENITIES)),
  doubleDecker: z.boolean(),
  /** Relative price of this departure (fast, direct and daytime ones cost more). */
  priceLevel: z.number().positive(),
  /** Days of the week it runs: bit 0 Sunday .. bit 6 Saturday. */
  days: z.number().int().min(1).max(127),
});
export type CoachSlot = z.infer<typeof CoachSlot>;

export const CoachRoute = z.strictObject({
  id: z.string().regex(/^cr-[a-z]{3}-[a-z]{3}$/),
  origin: z.string().regex(/^[A-Z]{3}$/),
  destination: z.string().regex(/^[A-Z]{3}$/),
  km: z.number().int().positive(),
  /** Base adult fare in EUR before the day's demand. */
  baseFare: z.number().positive(),
  slots: z.array(CoachSlot).min(1),
});
export type CoachRoute = z.infer<typeof CoachRoute>;

/** Longest coach route kept (great-circle km); longer trips are for planes. */
const MAX_KM = 1500;

/** The station to change at for a route: the one with the smallest detour, when it is on the way. */
function changeStation(from: CoachStation, to: CoachStation): CoachStation | undefined {
  const km = distanceKm(from.city, to.city);
  let best: { s: CoachStation; d: number } | undefined;
  for (const s of COACH_STATIONS) {
    if (s === from || s === to) continue;
    const a = distanceKm(from.city, s.city);
    const b = distanceKm(s.city, to.city);
    if (a < 120 || b < 120 || a >= km || b >= km) continue;
    if (!best || a + b < best.d) best = { s, d: a + b };
  }
  return best && best.d <= km * 1.35 ? best.s : undefined;
}

const DAILY = 127;
const WEEKDAYS = 0b0111110;
const WEEKENDS = 0b1000001;

function timetable(rng: Rng, from: CoachStation, to: CoachStation, km: number): CoachSlot[] {
  const via = changeStation(from, to);
  const n = Math.max(17, Math.min(56, Math.round(62 - km / 33) + rng.int(-3, 3)));
  const operators = rng.sample(COACH_OPERATORS, rng.int(3, 5));
  const slots: Omit<CoachSlot, 'n' | 'line'>[] = [];
  for (let i = 0; i < n; i++) {
    const operator = rng.pick(operators);
    // Departures all day, thicker in the morning and the evening; some night coaches.
    const departMin = rng.weighted([
      [rng.int(5 * 60, 9 * 60 + 59), 3],
      [rng.int(10 * 60, 15 * 60 + 59), 3],
      [rng.int(16 * 60, 21 * 60 + 59), 3],
      [rng.int(22 * 60, 23 * 60 + 55), 1.5],
      [rng.int(0, 4 * 60 + 59), 0.5],
    ] as const);
    const roundedDepart = Math.min(1435, Math.round(departMin / 5) * 5);
    const changes = via && rng.chance(km > 700 ? 0.45 : 0.3) ? 1 : 0;
    const roadKm = km * (changes ? 1.38 : 1.25);
    const speed = rng.int(68, 82);
    let durationMin = Math.round((roadKm / speed) * 60 / 5) * 5 + Math.floor(roadKm / 270) * 30;
    if (changes) durationMin += rng.int(4, 16) * 5;
    const amenities = COACH_AMENITIES.filter((_, k) => rng.chance(AMENITY_ODDS[operator][k]!));
    const night = roundedDepart >= 21 * 60 || roundedDepart < 5 * 60;
    const priceLevel = Math.round((changes ? rng.float(0.78, 0.92) : rng.float(0.95, 1.2)) * (night ? 0.9 : 1) * 100) / 100;
    const days = rng.weighted([
      [DAILY, 7],
      [WEEKDAYS, 1.5],
      [WEEKENDS, 1],
      [DAILY & ~(1 << rng.int(0, 6)), 1.5],
    ] as const);
    slots.push({ operator, departMin: roundedDepart, durationMin, via: changes ? [via!.code] : [], amenities, doubleDecker: rng.chance(0.3), priceLevel, days });
  }
  slots.sort((a, b) => a.departMin - b.departMin || a.operator.localeCompare(b.operator));
  const used = new Set<string>();
  return slots.map((s, i) => {
    let line: string;
    do line = `${LINE_PREFIX[s.operator]} ${rng.int(100, 2999)}`;
    while (used.has(line));
    used.add(line);
    return { n: i + 1, line, ...s };
  });
}

function generate(rng: Rng): CoachRoute[] {
  const rows: CoachRoute[] = [];
  for (const from of COACH_STATIONS) {
    for (const to of COACH_STATIONS) {
      if (from === to) continue;
      const km = distanceKm(from.city, to.city);
      if (km > MAX_KM) continue;
      const r = rng.fork(`${from.code}-${to.code}`);
      rows.push({
        id: `cr-${from.code.toLowerCase()}-${to.code.toLowerCase()}`,
        origin: from.code,
        destination: to.code,
        km,
        baseFare: Math.round(Math.max(9, km * r.float(0.055, 0.085, 3) + 6) * 100) / 100,
        slots: timetable(r, from, to, km),
      });
    }
  }
  return rows;
}

export const coachRoutesDomain: DomainModule<CoachRoute> = {
  key: 'coachRoutes',
  schema: CoachRoute,
  generate,
};
