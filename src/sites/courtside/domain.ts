import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, GIVEN_NAMES, SURNAMES } from '../../world/geography.js';

/**
 * Courtside's stored inventory: the courts (tennis, padel, squash, badminton) of the sports
 * venues of every city, each indoor or outdoor with its surface, lights and hourly price; and
 * the weekly fitness classes (yoga, spin, HIIT, pilates) of their studios, with instructor,
 * level, capacity and the weekdays they run. Which starts and places are taken on a day is made
 * on demand (`inventory.ts`).
 */

export const SPORTS = ['tennis', 'padel', 'squash', 'badminton'] as const;
export const CLASSES = ['yoga', 'spin', 'hiit', 'pilates'] as const;
export const ACTIVITIES = [...SPORTS, ...CLASSES] as const;
export type Sport = (typeof SPORTS)[number];
export type ClassType = (typeof CLASSES)[number];
export type Activity = (typeof ACTIVITIES)[number];

export const ACTIVITY_LABELS: Record<Activity, string> = {
  tennis: 'Tennis court',
  padel: 'Padel court',
  squash: 'Squash court',
  badminton: 'Badminton court',
  yoga: 'Yoga class',
  spin: 'Spin class',
  hiit: 'HIIT class',
  pilates: 'Pilates class',
};

export const isSport = (a: string): a is Sport => (SPORTS as readonly string[]).includes(a);

export const SURFACES = ['clay', 'hard', 'grass', 'artificial grass', 'glass-walled', 'wooden', 'sprung floor'] as const;
export const LEVELS = ['beginner', 'all levels', 'intermediate', 'advanced'] as const;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const Facility = z.strictObject({
  id: Slug,
  cityId: Slug,
  kind: z.enum(['court', 'class']),
  activity: z.enum(ACTIVITIES),
  /** "Court 3" or the class's name ("Vinyasa Flow"). */
  name: z.string().min(1),
  venue: z.string().min(1),
  neighbourhood: z.string().min(1),
  indoor: z.boolean(),
  surface: z.enum(SURFACES).nullable(),
  lights: z.boolean(),
  rating: z.number().min(1).max(5),
  reviewCount: z.number().int().min(0),
  /** Courts: off-peak price of an hour (EUR); classes: the price of one class. */
  price: z.number().positive(),
  /** Courts: first and last start of the day; classes: the start time. */
  opens: HhMm,
  closes: HhMm,
  instructor: z.string().nullable(),
  level: z.enum(LEVELS).nullable(),
  capacity: z.number().int().min(1),
  durationMin: z.number().int().positive(),
  /** Classes: the weekdays it runs (Sunday 0); courts: every day. */
  weekdays: z.array(z.number().int().min(0).max(6)),
  demand: z.number().min(0).max(1),
});
export type Facility = z.infer<typeof Facility>;

const VENUE_NAMES = ['Riverside', 'Parkside', 'Olympia', 'Northside', 'Harbour', 'Greenway', 'Summit', 'Central', 'Lakeside', 'Victoria', 'Arena', 'Eastgate'] as const;
const VENUE_WORDS = ['Racquet Club', 'Sports Centre', 'Tennis & Padel Club', 'Leisure Centre', 'Athletic Club', 'Fitness Hub'] as const;
const CLASS_NAMES: Record<ClassType, readonly string[]> = {
  yoga: ['Vinyasa Flow', 'Hatha Yoga', 'Yin Yoga', 'Power Yoga', 'Sunrise Yoga', 'Ashtanga'],
  spin: ['Rhythm Ride', 'Spin Express', 'Hill Climb', 'Endurance Ride', 'Spin & Core'],
  hiit: ['HIIT Blast', 'Tabata', 'Bootcamp', 'Metcon', 'HIIT & Abs'],
  pilates: ['Mat Pilates', 'Reformer Pilates', 'Pilates Core', 'Barre Pilates'],
};
const SURFACE_OF: Record<Sport, readonly (readonly [(typeof SURFACES)[number], number])[]> = {
  tennis: [['clay', 3], ['hard', 4], ['grass', 1], ['artificial grass', 2]],
  padel: [['glass-walled', 1]],
  squash: [['wooden', 1]],
  badminton: [['sprung floor', 2], ['wooden', 1]],
};
const COURT_PRICE: Record<Sport, [number, number]> = { tennis: [14, 32], padel: [20, 40], squash: [10, 22], badminton: [9, 18] };
const CLASS_PRICE: Record<ClassType, [number, number]> = { yoga: [10, 20], spin: [9, 18], hiit: [8, 16], pilates: [12, 26] };
const BIG = new Set(['london', 'paris', 'berlin', 'madrid', 'rome', 'barcelona', 'milan']);

function generate(rng: Rng): Facility[] {
  const out: Facility[] = [];
  for (const city of CITIES) {
    const venues = rng.sample(VENUE_NAMES, 10).map((n) => ({ name: `${n} ${rng.pick(VENUE_WORDS)}`, neighbourhood: rng.pick(city.neighbourhoods), rating: rng.float(3.6, 4.9, 1), reviews: rng.int(20, 1500) }));
    const scale = BIG.has(city.id) ? 1.2 : 0.9;
    for (const sport of SPORTS) {
      const n = Math.round(rng.int(18, 40) * scale);
      const numbers = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const v = rng.pick(venues);
        const k = (numbers.get(v.name) ?? 0) + 1;
        numbers.set(v.name, k);
        const indoor = sport === 'squash' || sport === 'badminton' ? true : rng.chance(sport === 'padel' ? 0.45 : 0.3);
        const [lo, hi] = COURT_PRICE[sport];
        const lights = indoor || rng.chance(0.6);
        out.push({
          id: `${city.id}-${sport}-${i + 1}`,
          cityId: city.id,
          kind: 'court',
          activity: sport,
          name: `${sport[0]!.toUpperCase()}${sport.slice(1)} court ${k}`,
          venue: v.name,
          neighbourhood: v.neighbourhood,
          indoor,
          surface: rng.weighted(SURFACE_OF[sport]),
          lights,
          rating: v.rating,
          reviewCount: v.reviews,
          price: Math.round(rng.int(lo, hi) * (indoor ? 1.15 : 1)),
          opens: rng.pick(['07:00', '08:00', '09:00']),
          closes: lights ? rng.pick(['21:00', '22:00']) : '19:00',
          instructor: null,
          level: null,
          capacity: sport === 'squash' ? 2 : 4,
          durationMin: 60,
          weekdays: [0, 1, 2, 3, 4, 5, 6],
          demand: rng.float(0.2, 0.6),
        });
      }
    }
    for (const type of CLASSES) {
      const n = Math.round(rng.int(36, 56) * scale);
      for (let i = 0; i < n; i++) {
        const v = rng.pick(venues);
        const [lo, hi] = CLASS_PRICE[type];
        const h = rng.pick([6, 7, 8, 9, 10, 12, 13, 17, 18, 19, 20]);
        out.push({
          id: `${city.id}-${type}-${i + 1}`,
          cityId: city.id,
          kind: 'class',
          activity: type,
          name: rng.pick(CLASS_NAMES[type]),
          venue: v.name,
          neighbourhood: v.neighbourhood,
          indoor: type === 'yoga' ? rng.chance(0.85) : true,
          surface: null,
          lights: true,
          rating: rng.float(3.8, 5, 1),
          reviewCount: rng.int(5, 600),
          price: rng.int(lo, hi),
          opens: `${String(h).padStart(2, '0')}:${rng.pick(['00', '15', '30'])}`,
          closes: '23:00',
          instructor: `${rng.pick(GIVEN_NAMES)} ${rng.pick(SURNAMES)}`,
          level: rng.weighted([['beginner', 2], ['all levels', 4], ['intermediate', 2], ['advanced', 1]] as const),
          capacity: rng.pick(type === 'spin' ? [16, 20, 24] : [10, 12, 15, 20]),
          durationMin: rng.pick(type === 'hiit' ? [30, 45] : [45, 60, 75]),
          weekdays: rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(3, 4)).sort(),
          demand: rng.float(0.3, 0.8),
        });
      }
    }
  }
  return out;
}

export const facilitiesDomain: DomainModule<Facility> = { key: 'sport-facilities', schema: Facility, generate };
