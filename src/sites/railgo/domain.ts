import { z } from 'zod';
import { addDays, daysBetween, horizonDates, minutesToTime, weekday, WORLD_TODAY } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, distanceKm, type City } from '../../world/geography.js';

/**
 * Rail inventory: one row per scheduled train on one date between two main stations.
 * Each route has a fixed timetable (5-9 trains, some with changes at a junction); prices,
 * seats left and saver-fare availability vary by day, time of day and demand.
 */

export const TRAIN_OPERATORS = ['Velora', 'TransEuropa', 'Alpina Rail', 'Nordwave'] as const;
export type TrainOperator = (typeof TRAIN_OPERATORS)[number];
export const TRAIN_AMENITIES = ['wifi', 'bistro', 'quiet-coach', 'power-sockets', 'bike-spaces'] as const;
export const TRAVEL_CLASSES = ['standard', 'first'] as const;
export type TravelClass = (typeof TRAVEL_CLASSES)[number];
export const FARE_TYPES = ['saver', 'semi-flex', 'flex'] as const;
export type FareType = (typeof FARE_TYPES)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const Money = z.number().positive().multipleOf(0.01);
const ClassFares = z.strictObject({ saver: Money, semiFlex: Money, flex: Money });

export const TrainRow = z.strictObject({
  /** e.g. "tr-lso-opc-20260601-03": route, date and timetable slot. */
  id: z.string().regex(/^tr-[a-z]{3}-[a-z]{3}-\d{8}-\d{2}$/),
  /** Station codes (geography's city.station.code). */
  origin: z.string().regex(/^[A-Z]{3}$/),
  destination: z.string().regex(/^[A-Z]{3}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  operator: z.enum(TRAIN_OPERATORS),
  trainNumber: z.string().regex(/^[A-Z]{2} \d{3,4}$/),
  departTime: z.string().regex(HHMM),
  arriveTime: z.string().regex(HHMM),
  arriveNextDay: z.boolean(),
  durationMin: z.number().int().positive(),
  distanceKm: z.number().int().positive(),
  changes: z.number().int().min(0).max(2),
  /** Stations where the traveller changes trains, in travel order (length = changes). */
  changeStations: z.array(z.string()),
  nightTrain: z.boolean(),
  amenities: z.array(z.enum(TRAIN_AMENITIES)),
  /** Per-adult fares by class, in EUR. */
  fares: z.strictObject({ standard: ClassFares, first: ClassFares }),
  seatsLeft: z.strictObject({ standard: z.number().int().min(0), first: z.number().int().min(0) }),
  /** Saver fares are quota-limited: false when the quota is gone on this train. */
  saverAvailable: z.boolean(),
});
export type TrainRow = z.infer<typeof TrainRow>;

type Point = { lat: number; lon: number };

/** Junctions where journeys with changes connect (real stations, approximate coordinates). */
const JUNCTIONS: readonly ({ name: string } & Point)[] = [
  { name: 'Coimbra-B', lat: 40.22, lon: -8.44 },
  { name: 'Entroncamento', lat: 39.46, lon: -8.47 },
  { name: 'Badajoz', lat: 38.88, lon: -6.97 },
  { name: 'Valladolid Campo Grande', lat: 41.65, lon: -4.73 },
  { name: 'Zaragoza Delicias', lat: 41.66, lon: -0.91 },
  { name: 'Girona', lat: 41.98, lon: 2.82 },
  { name: 'Perpignan', lat: 42.7, lon: 2.88 },
  { name: 'Montpellier Saint-Roch', lat: 43.6, lon: 3.88 },
  { name: 'Valence TGV', lat: 44.99, lon: 4.98 },
  { name: 'Dijon-Ville', lat: 47.32, lon: 5.03 },
  { name: 'Lille Europe', lat: 50.64, lon: 3.08 },
  { name: 'Strasbourg', lat: 48.58, lon: 7.73 },
  { name: 'Genève Cornavin', lat: 46.21, lon: 6.14 },
  { name: 'Chambéry', lat: 45.57, lon: 5.92 },
  { name: 'Basel SBB', lat: 47.55, lon: 7.59 },
  { name: 'Bellinzona', lat: 46.19, lon: 9.02 },
  { name: 'Lindau-Reutin', lat: 47.55, lon: 9.7 },
  { name: 'Antwerpen-Centraal', lat: 51.22, lon: 4.42 },
  { name: 'Rotterdam Centraal', lat: 51.92, lon: 4.47 },
  { name: 'Köln Hbf', lat: 50.94, lon: 6.96 },
  { name: 'Frankfurt (Main) Hbf', lat: 50.11, lon: 8.66 },
  { name: 'Stuttgart Hbf', lat: 48.78, lon: 9.18 },
  { name: 'Hannover Hbf', lat: 52.38, lon: 9.74 },
  { name: 'Hamburg Hbf', lat: 53.55, lon: 10.01 },
  { name: 'Nürnberg Hbf', lat: 49.45, lon: 11.08 },
  { name: 'Leipzig Hbf', lat: 51.35, lon: 12.38 },
  { name: 'Dresden Hbf', lat: 51.04, lon: 13.73 },
  { name: 'Odense', lat: 55.4, lon: 10.39 },
  { name: 'Salzburg Hbf', lat: 47.81, lon: 13.05 },
  { name: 'Linz Hbf', lat: 48.29, lon: 14.29 },
  { name: 'Innsbruck Hbf', lat: 47.26, lon: 11.4 },
  { name: 'Brno hl.n.', lat: 49.19, lon: 16.61 },
  { name: 'Plzeň hl.n.', lat: 49.74, lon: 13.39 },
  { name: 'Regensburg Hbf', lat: 49.01, lon: 12.1 },
  { name: 'Verona Porta Nuova', lat: 45.43, lon: 10.98 },
  { name: 'Torino Porta Nuova', lat: 45.06, lon: 7.68 },
  { name: 'Bologna Centrale', lat: 44.51, lon: 11.34 },
  { name: 'Firenze S.M.N.', lat: 43.78, lon: 11.25 },
];

/** Longest direct rail link kept in the network; a few long classics are added by hand. */
const MAX_LINK_KM = 600;
const EXTRA_LINKS: readonly (readonly [string, string])[] = [['barcelona', 'paris']];
/** Dublin has no rail link to the continent; London only through the Channel Tunnel. */
const CHANNEL_TUNNEL = new Set(['paris', 'brussels', 'amsterdam']);

function linked(a: City, b: City): boolean {
  if (a.id === 'dublin' || b.id === 'dublin') return false;
  if (EXTRA_LINKS.some(([x, y]) => (x === a.id && y === b.id) || (x === b.id && y === a.id))) return true;
  if (a.id === 'london' && !CHANNEL_TUNNEL.has(b.id)) return false;
  if (b.id === 'london' && !CHANNEL_TUNNEL.has(a.id)) return false;
  return distanceKm(a, b) <= MAX_LINK_KM;
}

export type RailRoute = { from: City; to: City; km: number };

/** Every ordered pair of linked cities, in a fixed order. */
export const RAIL_ROUTES: readonly RailRoute[] = CITIES.flatMap((from) =>
  CITIES.filter((to) => to !== from && linked(from, to)).map((to) => ({ from, to, km: distanceKm(from, to) })),
);

/** Cities whose station has at least one route. */
export const RAIL_CITIES: readonly City[] = CITIES.filter((c) => RAIL_ROUTES.some((r) => r.from === c));

export function cityByStation(code: string): City | undefined {
  return CITIES.find((c) => c.station.code === code);
}

type Region = 'iberia' | 'france' | 'benelux' | 'central' | 'alpine' | 'nordic';
const REGION: Record<string, Region> = {
  lisbon: 'iberia', porto: 'iberia', madrid: 'iberia', barcelona: 'iberia',
  paris: 'france', lyon: 'france',
  london: 'benelux', amsterdam: 'benelux', brussels: 'benelux',
  berlin: 'central', prague: 'central', vienna: 'central',
  munich: 'alpine', zurich: 'alpine', milan: 'alpine', rome: 'alpine',
  copenhagen: 'nordic', dublin: 'benelux',
};
const OPERATOR_REGIONS: Record<TrainOperator, readonly Region[]> = {
  Velora: ['iberia', 'france', 'benelux', 'alpine'],
  TransEuropa: ['iberia', 'france', 'central', 'alpine', 'benelux'],
  'Alpina Rail': ['alpine', 'central', 'france'],
  Nordwave: ['nordic', 'benelux', 'central'],
};
const OPERATOR_PREFIX: Record<TrainOperator, string> = { Velora: 'VL', TransEuropa: 'TE', 'Alpina Rail': 'AR', Nordwave: 'NW' };
/** Chance that a train of the operator offers each amenity, in TRAIN_AMENITIES order. */
const AMENITY_ODDS: Record<TrainOperator, readonly number[]> = {
  Velora: [0.95, 0.85, 0.6, 0.9, 0.15],
  TransEuropa: [0.6, 0.7, 0.3, 0.6, 0.5],
  'Alpina Rail': [0.8, 0.5, 0.55, 0.7, 0.7],
  Nordwave: [0.9, 0.35, 0.7, 0.8, 0.6],
};

type Slot = {
  operator: TrainOperator;
  trainNumber: string;
  departMin: number;
  durationMin: number;
  changes: number;
  changeStations: string[];
  nightTrain: boolean;
  amenities: (typeof TRAIN_AMENITIES)[number][];
  /** Relative price level of this train (fast trains cost more). */
  priceLevel: number;
};

/** Great-circle km between any two points (geography's distanceKm takes cities). */
function kmTo(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}

/** The best junctions to change at for 1 and 2 changes (smallest detour). */
export function viaStations(route: RailRoute): { one: string; two: [string, string] | undefined } {
  const { from, to, km } = route;
  // A junction must be on the way: both legs shorter than the whole trip.
  const on = JUNCTIONS.map((j) => ({ j, a: kmTo(from, j), b: kmTo(j, to) })).filter((x) => x.a > 50 && x.b > 50);
  const forward = on.filter((x) => x.a < km && x.b < km);
  const legs = forward.length > 0 ? forward : on;
  let one = legs[0]!;
  for (const x of legs) if (x.a + x.b < one.a + one.b) one = x;
  let best: [string, string] | undefined;
  let bestKm = Infinity;
  for (const x of legs) {
    for (const y of legs) {
      if (x === y || x.a >= y.a || x.b <= y.b) continue;
      const total = x.a + kmTo(x.j, y.j) + y.b;
      if (total < bestKm) {
        bestKm = total;
        best = [x.j.name, y.j.name];
      }
    }
  }
  return { one: one.j.name, two: best };
}

function timetable(rng: Rng, route: RailRoute): Slot[] {
  const { from, to, km } = route;
  const regions = new Set([REGION[from.id], REGION[to.id]]);
  let operators = TRAIN_OPERATORS.filter((op) => OPERATOR_REGIONS[op].some((r) => regions.has(r)));
  if (operators.length < 2) operators = [...operators, 'TransEuropa'];
  const via = viaStations(route);
  const directShare = km < 400 ? 0.85 : km < 520 ? 0.6 : 0.4;
  const n = rng.int(5, 9);
  const night = km >= 480 && rng.chance(0.55);
  const dayTrains = night ? n - 1 : n;
  const slots: Slot[] = [];
  const first = 5 * 60 + rng.int(15, 75);
  const last = Math.max(first + 8 * 60, 20 * 60 + rng.int(0, 60) - (km > 500 ? 90 : 0));
  const usedNumbers = new Set<string>();
  for (let i = 0; i < n; i++) {
    const isNight = night && i === n - 1;
    const operator: TrainOperator = isNight ? (operators.includes('Nordwave') ? 'Nordwave' : 'TransEuropa') : rng.pick(operators);
    let trainNumber: string;
    do trainNumber = `${OPERATOR_PREFIX[operator]} ${rng.int(isNight ? 400 : 1000, isNight ? 499 : 9899)}`;
    while (usedNumbers.has(trainNumber));
    usedNumbers.add(trainNumber);
    let departMin: number;
    let durationMin: number;
    let changes = 0;
    if (isNight) {
      departMin = 21 * 60 + rng.int(0, 110);
      durationMin = Math.max(8 * 60 + rng.int(0, 60), Math.round((km * 1.25) / 62 * 60));
    } else {
      const step = dayTrains > 1 ? (last - first) / (dayTrains - 1) : 0;
      departMin = Math.round(first + i * step + rng.int(-25, 25));
      changes = rng.chance(directShare) ? 0 : km > 450 && rng.chance(0.35) ? 2 : 1;
      const speed = changes === 0 ? rng.int(135, 215) : rng.int(95, 150);
      durationMin = Math.round((km * 1.2) / speed * 60) + 10;
      for (let c = 0; c < changes; c++) durationMin += rng.int(14, 55);
      // Day trains arrive by about half past midnight; late long trips leave earlier.
      const latest = 24 * 60 + 30 - durationMin;
      if (departMin > latest) departMin = latest - rng.int(0, 40);
    }
    const amenities = TRAIN_AMENITIES.filter((_, k) => rng.chance(AMENITY_ODDS[operator][k]! * (isNight && k === 2 ? 0 : 1)));
    if (changes === 2 && !via.two) changes = 1;
    const changeStations = changes === 0 ? [] : changes === 1 || !via.two ? [via.one] : [...via.two];
    // Faster trains cost more per km; night trains are priced like a seat plus a bed.
    const priceLevel = isNight ? 1.25 : changes === 0 ? rng.float(1.0, 1.2) : rng.float(0.8, 0.95);
    slots.push({ operator, trainNumber, departMin, durationMin, changes, changeStations, nightTrain: isNight, amenities, priceLevel });
  }
  slots.sort((a, b) => a.departMin - b.departMin);
  return slots;
}

function fareAmount(x: number): number {
  // Rail fares end in .90 (19.90, 64.90); never below 9.90.
  return Math.max(9.9, Math.round(x) - 0.1);
}

function hourFactor(departMin: number): number {
  const h = Math.floor(departMin / 60);
  if (h >= 6 && h < 9) return 1.3;
  if (h >= 16 && h < 19) return 1.25;
  if (h >= 9 && h < 16) return 1.0;
  return 0.82;
}

const WEEKDAY_FACTOR = [1.15, 1.05, 0.95, 0.95, 1.0, 1.2, 0.9]; // Sunday .. Saturday

function generate(rng: Rng): TrainRow[] {
  const rows: TrainRow[] = [];
  const days = horizonDates().map((date) => {
    const lead = daysBetween(WORLD_TODAY, date);
    return { date, compact: date.replaceAll('-', ''), wd: weekday(date), leadFactor: lead < 7 ? 1.25 : lead < 21 ? 1.1 : 1.0 };
  });
  for (const route of RAIL_ROUTES) {
    const r = rng.fork(`${route.from.station.code}-${route.to.station.code}`);
    const slots = timetable(r, route);
    const baseRate = r.float(0.085, 0.13, 3);
    const base = Math.max(18, route.km * baseRate + 8);
    const firstRatio = r.float(1.45, 1.8);
    const o = route.from.station.code;
    const d = route.to.station.code;
    const dayIdx = slots.flatMap((s, i) => (s.nightTrain ? [] : [i]));
    for (const { date, compact, wd, leadFactor } of days) {
      // Weekends run a thinner timetable: one train (not the night train) is cancelled.
      const skip = (wd === 0 || wd === 6) && slots.length > 6 ? r.pick(dayIdx) : -1;
      slots.forEach((slot, i) => {
        if (i === skip) return;
        const demand = r.float(0.85, 1.2);
        const busy = hourFactor(slot.departMin) * WEEKDAY_FACTOR[wd]! * leadFactor * demand;
        const saver = fareAmount(base * slot.priceLevel * busy);
        const semiFlex = fareAmount(saver * r.float(1.3, 1.5));
        const flex = fareAmount(Math.max(semiFlex + 8, base * slot.priceLevel * 1.9 * Math.sqrt(busy)));
        const fares = {
          standard: { saver, semiFlex, flex },
          first: { saver: fareAmount(saver * firstRatio), semiFlex: fareAmount(semiFlex * firstRatio), flex: fareAmount(flex * firstRatio) },
        };
        const crowded = busy > 1.3;
        const standardSeats = r.weighted<[number, number]>([
          [[0, 0], crowded ? 0.1 : 0.04],
          [[1, 5], crowded ? 0.25 : 0.12],
          [[6, 60], crowded ? 0.65 : 0.84],
        ]);
        const firstSeats = r.weighted<[number, number]>([
          [[0, 0], crowded ? 0.18 : 0.08],
          [[1, 3], 0.2],
          [[4, 24], crowded ? 0.62 : 0.72],
        ]);
        const arriveAbs = slot.departMin + slot.durationMin;
        rows.push({
          id: `tr-${o.toLowerCase()}-${d.toLowerCase()}-${compact}-${String(i + 1).padStart(2, '0')}`,
          origin: o,
          destination: d,
          date,
          operator: slot.operator,
          trainNumber: slot.trainNumber,
          departTime: minutesToTime(slot.departMin),
          arriveTime: minutesToTime(arriveAbs),
          arriveNextDay: arriveAbs >= 1440,
          durationMin: slot.durationMin,
          distanceKm: route.km,
          changes: slot.changes,
          changeStations: slot.changeStations,
          nightTrain: slot.nightTrain,
          amenities: slot.amenities,
          fares,
          seatsLeft: { standard: r.int(...standardSeats), first: r.int(...firstSeats) },
          saverAvailable: r.chance(crowded ? 0.55 : 0.85),
        });
      });
    }
  }
  return rows;
}

export const trainsDomain: DomainModule<TrainRow> = {
  key: 'trains',
  schema: TrainRow,
  generate,
};

/** The date a train arrives (its departure date, or the next day). */
export function arrivalDate(row: TrainRow): string {
  return row.arriveNextDay ? addDays(row.date, 1) : row.date;
}
