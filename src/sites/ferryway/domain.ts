import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { PORTS } from './ports.js';

/**
 * Ferry inventory, stored: one row per crossing (an ordered pair of ports on a real ferry lane)
 * with its timetable. What changes by day (fares, cabins and vehicle deck space left) is made on
 * demand from the world seed, the crossing and the date (`sailings.ts`).
 */

export const FERRY_OPERATORS = ['Brittany Ferries', 'P&O Ferries', 'DFDS', 'Irish Ferries', 'Baleària', 'Trasmed', 'FRS', 'Moby', 'Grimaldi', 'Corsica Ferries', 'Blue Star', 'Seajets', 'Hellenic Seaways', 'Tallink', 'Viking Line', 'Scandlines', 'ForSea'] as const;
export type FerryOperator = (typeof FERRY_OPERATORS)[number];

/** A lane: two ports, the usual crossing time in minutes, and who sails it. Both directions exist. */
const LANES: readonly [string, string, number, readonly FerryOperator[]][] = [
  ['DOV', 'CQF', 90, ['P&O Ferries', 'DFDS']],
  ['DOV', 'DKK', 120, ['DFDS']],
  ['PME', 'CEN', 360, ['Brittany Ferries']],
  ['PME', 'CER', 180, ['Brittany Ferries']],
  ['PME', 'SDR', 1440, ['Brittany Ferries']],
  ['PLY', 'RSC', 360, ['Brittany Ferries']],
  ['PLY', 'SDR', 1200, ['Brittany Ferries']],
  ['HHD', 'DUB', 195, ['Irish Ferries', 'P&O Ferries']],
  ['ALG', 'TNG', 90, ['Baleària', 'FRS', 'Trasmed']],
  ['ALG', 'CEU', 60, ['Baleària', 'FRS', 'Trasmed']],
  ['TAR', 'TGV', 60, ['FRS', 'Baleària']],
  ['BCN', 'PMI', 450, ['Baleària', 'Trasmed']],
  ['BCN', 'IBZ', 540, ['Baleària', 'Trasmed']],
  ['BCN', 'MAH', 480, ['Baleària']],
  ['DEN', 'IBZ', 140, ['Baleària']],
  ['DEN', 'PMI', 330, ['Baleària']],
  ['PMI', 'IBZ', 150, ['Baleària', 'Trasmed']],
  ['BCN', 'PTO', 720, ['Grimaldi']],
  ['GOA', 'OLB', 600, ['Moby', 'Grimaldi']],
  ['GOA', 'PTO', 660, ['Grimaldi', 'Moby']],
  ['LVN', 'OLB', 420, ['Moby', 'Grimaldi']],
  ['LVN', 'BIA', 240, ['Moby', 'Corsica Ferries']],
  ['CIV', 'OLB', 330, ['Grimaldi', 'Moby']],
  ['PIR', 'AEG', 50, ['Hellenic Seaways', 'Seajets']],
  ['PIR', 'POR', 75, ['Hellenic Seaways']],
  ['AEG', 'POR', 60, ['Hellenic Seaways']],
  ['PIR', 'JMK', 300, ['Blue Star', 'Seajets']],
  ['PIR', 'JTR', 480, ['Blue Star', 'Seajets']],
  ['PIR', 'PAS', 240, ['Blue Star', 'Seajets']],
  ['PIR', 'JNX', 300, ['Blue Star', 'Seajets']],
  ['PIR', 'HER', 540, ['Blue Star']],
  ['RAF', 'JMK', 180, ['Seajets', 'Blue Star']],
  ['RAF', 'PAS', 210, ['Seajets']],
  ['PAS', 'JNX', 45, ['Blue Star', 'Seajets']],
  ['JMK', 'PAS', 60, ['Seajets', 'Blue Star']],
  ['JMK', 'JNX', 60, ['Seajets', 'Blue Star']],
  ['JNX', 'JTR', 120, ['Blue Star', 'Seajets']],
  ['JTR', 'HER', 120, ['Seajets']],
  ['HEL', 'TLL', 120, ['Tallink', 'Viking Line']],
  ['HEL', 'STO', 960, ['Tallink', 'Viking Line']],
  ['TLL', 'STO', 960, ['Tallink']],
  ['HSR', 'HBG', 20, ['ForSea', 'Scandlines']],
  ['PUT', 'RDB', 45, ['Scandlines']],
];

const VESSEL_WORDS = ['Aurora', 'Mistral', 'Poseidon', 'Stella', 'Horizon', 'Nordic', 'Atlantic', 'Galicia', 'Aegean', 'Baltic', 'Libertas', 'Spirit', 'Express', 'Pride', 'Queen', 'Star', 'Jet', 'Champion', 'Princess', 'Voyager'];

export const FerrySlot = z.strictObject({
  /** Position in the crossing's timetable, 1-based (part of each sailing's id). */
  n: z.number().int().min(1).max(99),
  operator: z.enum(FERRY_OPERATORS),
  vessel: z.string().min(3),
  departMin: z.number().int().min(0).max(1439),
  durationMin: z.number().int().positive(),
  /** A fast craft (catamaran, hydrofoil): quicker, dearer, no cabins. */
  fast: z.boolean(),
  /** Whether the ship has a car deck. */
  carriesVehicles: z.boolean(),
  /** Cabins on board (long crossings on conventional ships). */
  cabins: z.boolean(),
  /** Suites on board (the larger ships). */
  suites: z.boolean(),
  priceLevel: z.number().positive(),
  /** Days of the week it sails: bit 0 Sunday .. bit 6 Saturday. */
  days: z.number().int().min(1).max(127),
});
export type FerrySlot = z.infer<typeof FerrySlot>;

export const FerryCrossing = z.strictObject({
  id: z.string().regex(/^fc-[a-z]{3}-[a-z]{3}$/),
  origin: z.string().regex(/^[A-Z]{3}$/),
  destination: z.string().regex(/^[A-Z]{3}$/),
  /** Base adult foot-passenger fare in EUR before the day's demand. */
  baseFare: z.number().positive(),
  /** Base fare of a car in EUR. */
  carFare: z.number().positive(),
  slots: z.array(FerrySlot).min(1),
});
export type FerryCrossing = z.infer<typeof FerryCrossing>;

const DAILY = 127;

/** Sailings a day: a shuttle every half hour on the short hops, one or two overnight ships on the long ones. */
function sailingsPerDay(rng: Rng, minutes: number): number {
  if (minutes <= 60) return rng.int(24, 48);
  if (minutes <= 150) return rng.int(15, 28);
  if (minutes <= 360) return rng.int(5, 12);
  if (minutes <= 720) return rng.int(2, 5);
  return rng.int(1, 2);
}

function timetable(rng: Rng, minutes: number, operators: readonly FerryOperator[]): FerrySlot[] {
  const n = sailingsPerDay(rng, minutes);
  const long = minutes >= 300;
  const vessels = new Map<FerryOperator, string[]>();
  for (const op of operators) vessels.set(op, rng.sample(VESSEL_WORDS, 3).map((w) => `${op.split(/[ &]/)[0]} ${w}`));
  const slots: Omit<FerrySlot, 'n'>[] = [];
  for (let i = 0; i < n; i++) {
    const operator = rng.pick(operators);
    // Short hops sail all day; long crossings leave in the evening more often than not.
    const departMin = long && rng.chance(0.6) ? rng.int(17 * 60, 23 * 60 + 30) : n >= 15 ? Math.round(((5 * 60 + (i * 18 * 60) / n + rng.int(-10, 10)) % 1440 + 1440) % 1440) : rng.int(6 * 60, 22 * 60);
    const fast = minutes >= 45 && minutes <= 540 && rng.chance(long ? 0.25 : 0.35);
    const durationMin = Math.max(15, Math.round((minutes * (fast ? rng.float(0.55, 0.7) : rng.float(0.95, 1.15))) / 5) * 5);
    const carriesVehicles = fast ? rng.chance(0.5) : rng.chance(0.95);
    const cabins = !fast && durationMin >= 300;
    slots.push({
      operator,
      vessel: rng.pick(vessels.get(operator)!),
      departMin: Math.min(1435, Math.round(departMin / 5) * 5),
      durationMin,
      fast,
      carriesVehicles,
      cabins,
      suites: cabins && rng.chance(0.5),
      priceLevel: Math.round((fast ? rng.float(1.2, 1.45) : rng.float(0.85, 1.1)) * 100) / 100,
      days: rng.weighted([[DAILY, 8], [DAILY & ~(1 << rng.int(0, 6)), 2], [0b0111110, 1]] as const),
    });
  }
  slots.sort((a, b) => a.departMin - b.departMin || a.operator.localeCompare(b.operator));
  return slots.map((s, i) => ({ n: i + 1, ...s }));
}

function generate(rng: Rng): FerryCrossing[] {
  const known = new Set(PORTS.map((p) => p.code));
  const rows: FerryCrossing[] = [];
  for (const [a, b, minutes, operators] of LANES) {
    if (!known.has(a) || !known.has(b)) throw new Error(`ferry lane ${a}-${b} names an unknown port`);
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const r = rng.fork(`${from}-${to}`);
      rows.push({
        id: `fc-${from.toLowerCase()}-${to.toLowerCase()}`,
        origin: from,
        destination: to,
        baseFare: Math.round((12 + minutes * r.float(0.1, 0.14)) * 100) / 100,
        carFare: Math.round((35 + minutes * r.float(0.22, 0.3)) * 100) / 100,
        slots: timetable(r, minutes, operators),
      });
    }
  }
  return rows;
}

export const ferryCrossingsDomain: DomainModule<FerryCrossing> = {
  key: 'ferryCrossings',
  schema: FerryCrossing,
  generate,
};
