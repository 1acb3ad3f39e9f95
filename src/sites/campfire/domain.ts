import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { AREAS } from './areas.js';

/**
 * Campsites, stored: each with its setting, guest rating, facilities, pet policy, the longest
 * vehicle its roads and pitches take, the pitch types it has (each with its size and price a
 * night for two) and whether it has electric hook-ups. The day's sold-out pitches and the
 * packages its providers sell are made on demand per search.
 */

export const PITCHES = {
  tent: { label: 'Tent pitch', noun: 'a tent pitch', capacity: 6, vehicle: false },
  caravan: { label: 'Caravan pitch', noun: 'a caravan pitch', capacity: 6, vehicle: true },
  campervan: { label: 'Campervan pitch', noun: 'a campervan pitch', capacity: 6, vehicle: true },
  glamping: { label: 'Glamping tent (up to 4)', noun: 'a glamping tent', capacity: 4, vehicle: false },
  cabin: { label: 'Cabin (up to 5)', noun: 'a cabin', capacity: 5, vehicle: false },
} as const;
export type PitchType = keyof typeof PITCHES;
export const PITCH_TYPES = Object.keys(PITCHES) as PitchType[];

export const FACILITIES = { pool: 'Pool', shop: 'Shop', showers: 'Hot showers', wifi: 'Wi-Fi' } as const;
export type Facility = keyof typeof FACILITIES;

export const SETTINGS = { lakeside: 'By the lake', beach: 'By the beach', forest: 'In the woods', meadow: 'In open meadows', valley: 'In the valley', 'city-edge': 'On the edge of town' } as const;
export type Setting = keyof typeof SETTINGS;

const SETTINGS_BY_KIND = { lake: ['lakeside', 'forest', 'meadow'], coast: ['beach', 'forest', 'meadow'], mountain: ['valley', 'forest', 'meadow'], city: ['city-edge', 'forest', 'meadow'] } as const;

export const Pitch = z.strictObject({ type: z.enum(['tent', 'caravan', 'campervan', 'glamping', 'cabin']), sizeM2: z.number().int().positive(), night: z.number().positive() });

export const Campsite = z.strictObject({
  id: z.string().regex(/^cs-[a-z]+-\d{2}$/),
  area: z.string(),
  name: z.string().min(3),
  setting: z.enum(['lakeside', 'beach', 'forest', 'meadow', 'valley', 'city-edge']),
  /** Guest rating out of 5. */
  rating: z.number().min(2.5).max(5),
  reviews: z.number().int().min(0),
  facilities: z.array(z.enum(['pool', 'shop', 'showers', 'wifi'])),
  petsAllowed: z.boolean(),
  /** The longest vehicle (with what it tows) the site takes, in metres. */
  maxVehicleM: z.number().positive(),
  hookup: z.boolean(),
  /** An electric hook-up a night, in EUR. */
  hookupNight: z.number().nonnegative(),
  pitches: z.array(Pitch).min(1),
  distanceKm: z.number().min(0),
  lat: z.number(),
  lon: z.number(),
});
export type Campsite = z.infer<typeof Campsite>;

const FIRST = ['Camping', 'Camp', 'Holiday Park', 'Campsite', 'Glamping', 'Eco Camp'];
const SECOND = ['Bella Vista', 'Les Pins', 'Seeblick', 'Alpenrose', 'Oasis', 'Sunny Meadow', 'Riverside', 'Pine Cove', 'Blue Lagoon', 'Green Valley', 'Fox Hollow', 'Eagle Rock', 'Lakeshore', 'Dunes', 'Old Mill', 'Lavender Field', 'Birch Grove', 'Starlight', 'Horizon', 'Harbour View', 'Wildflower', 'Maple Hill'];
const BASE = { tent: 18, caravan: 26, campervan: 28, glamping: 74, cabin: 96 } as const;

function generate(rng: Rng): Campsite[] {
  const rows: Campsite[] = [];
  for (const a of AREAS) {
    const r = rng.fork(a.code);
    const n = r.int(26, 46);
    const used = new Set<string>();
    for (let i = 1; i <= n; i++) {
      let name: string;
      do name = `${r.pick(FIRST)} ${r.pick(SECOND)}`;
      while (used.has(name));
      used.add(name);
      const rating = Math.round(r.float(3, 4.95) * 10) / 10;
      const lux = rating >= 4.3 ? 1.25 : rating >= 3.7 ? 1.1 : 1;
      const types = PITCH_TYPES.filter((t) => (t === 'tent' ? r.chance(0.8) : t === 'glamping' || t === 'cabin' ? r.chance(0.45) : r.chance(0.7)));
      if (types.length === 0) types.push('tent', 'campervan');
      const pitches = types.map((type) => ({
        type,
        sizeM2: type === 'glamping' ? r.pick([20, 25, 30]) : type === 'cabin' ? r.pick([24, 32, 40]) : type === 'tent' ? r.pick([60, 80, 100, 120]) : r.pick([80, 100, 120, 150]),
        night: Math.round(BASE[type] * lux * r.float(0.8, 1.35)),
      }));
      const hookup = r.chance(0.75);
      const facilities = (['pool', 'shop', 'showers', 'wifi'] as const).filter((f) => r.chance(f === 'showers' ? 0.9 : f === 'pool' ? (a.kind === 'coast' ? 0.55 : 0.35) : 0.65));
      rows.push({
        id: `cs-${a.code.toLowerCase()}-${String(i).padStart(2, '0')}`,
        area: a.code,
        name,
        setting: r.pick(SETTINGS_BY_KIND[a.kind]),
        rating,
        reviews: r.int(4, 900),
        facilities,
        petsAllowed: r.chance(0.6),
        maxVehicleM: r.pick([6, 7.5, 8, 10, 12]),
        hookup,
        hookupNight: hookup ? r.pick([3, 4, 4.5, 5, 6]) : 0,
        pitches,
        distanceKm: Math.round(r.float(0.2, 25) * 10) / 10,
        lat: Math.round((a.lat + r.float(-0.25, 0.25, 4)) * 10000) / 10000,
        lon: Math.round((a.lon + r.float(-0.35, 0.35, 4)) * 10000) / 10000,
      });
    }
  }
  return rows;
}

export const campsitesDomain: DomainModule<Campsite> = {
  key: 'campsites',
  schema: Campsite,
  generate,
};
