import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES } from '../../world/geography.js';

/**
 * WorkHive's stored inventory: the bookable spaces of the coworking centres of every city
 * (meeting rooms, private offices, hot-desk areas, event rooms), each with its centre,
 * neighbourhood, capacity, amenities, prices, rating and opening hours. Which hours are already
 * booked on a day is made on demand (`inventory.ts`).
 */

export const KINDS = ['meeting', 'office', 'desk', 'event'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  meeting: 'Meeting room',
  office: 'Private office',
  desk: 'Hot desks',
  event: 'Event space',
};

export const AMENITIES = ['projector', 'whiteboard', 'video', 'screen', 'standing', 'kitchen', 'daylight', 'accessible', 'phone-booth', 'sound', 'lockers'] as const;
export type Amenity = (typeof AMENITIES)[number];

export const AMENITY_LABELS: Record<Amenity, string> = {
  projector: 'Projector',
  whiteboard: 'Whiteboard',
  video: 'Video conferencing',
  screen: 'Large TV screen',
  standing: 'Standing desks',
  kitchen: 'Kitchen',
  daylight: 'Natural daylight',
  accessible: 'Step-free access',
  'phone-booth': 'Phone booths',
  sound: 'PA sound system',
  lockers: 'Lockers',
};

/** How likely each kind of space has each amenity. */
const AMENITY_ODDS: Record<Kind, Partial<Record<Amenity, number>>> = {
  meeting: { projector: 0.45, whiteboard: 0.7, video: 0.5, screen: 0.5, kitchen: 0.35, daylight: 0.55, accessible: 0.6, standing: 0.1 },
  office: { whiteboard: 0.6, video: 0.3, screen: 0.35, standing: 0.4, kitchen: 0.6, daylight: 0.7, accessible: 0.55, 'phone-booth': 0.35, lockers: 0.3 },
  desk: { standing: 0.45, kitchen: 0.75, daylight: 0.6, accessible: 0.6, 'phone-booth': 0.5, lockers: 0.55, video: 0.15 },
  event: { projector: 0.7, sound: 0.55, video: 0.35, screen: 0.3, kitchen: 0.5, daylight: 0.4, accessible: 0.7, whiteboard: 0.2 },
};

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const Space = z.strictObject({
  id: Slug,
  cityId: Slug,
  kind: z.enum(KINDS),
  /** The room's own name ("Orion"); hot-desk areas are named after their floor or zone. */
  name: z.string().min(1),
  /** The coworking centre it is in. */
  venue: z.string().min(1),
  neighbourhood: z.string().min(1),
  floor: z.number().int().min(0),
  /** People it seats (desks of a hot-desk area). */
  capacity: z.number().int().min(1),
  amenities: z.array(z.enum(AMENITIES)),
  /** Per hour (per desk and hour for hot desks), EUR. */
  hourlyPrice: z.number().positive(),
  /** A full day of 8 hours (per desk for hot desks), EUR: less than 8 hours at the hourly price. */
  dayPrice: z.number().positive(),
  rating: z.number().min(1).max(5),
  reviewCount: z.number().int().min(0),
  opens: HhMm,
  closes: HhMm,
  /** Open on Saturdays and on Sundays. */
  saturday: z.boolean(),
  sunday: z.boolean(),
  /** How busy: the share of hours already booked on a weekday. */
  demand: z.number().min(0).max(1),
});
export type Space = z.infer<typeof Space>;

const BRANDS = ['The Hive', 'Nest', 'Foundry', 'Commons', 'Workloft', 'Kettle', 'Lighthouse', 'Canopy', 'Harbour', 'Atrium', 'Beacon', 'Orchard', 'Mill', 'Quarter', 'Tandem'] as const;
const BRAND_WORDS = ['Works', 'Coworking', 'Studios', 'House', 'Exchange', 'Campus', 'Hub'] as const;
const ROOM_NAMES = ['Orion', 'Cedar', 'Atlas', 'Juniper', 'Nova', 'Maple', 'Vega', 'Willow', 'Lyra', 'Aspen', 'Falcon', 'Hazel', 'Indigo', 'Kestrel', 'Linden', 'Mercury', 'Oak', 'Pine', 'Quartz', 'Rowan', 'Saffron', 'Topaz', 'Umber', 'Violet', 'Wren', 'Birch', 'Cobalt', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Jade', 'Lagoon', 'Meadow'] as const;
const ZONES = ['Garden Floor', 'Loft', 'Mezzanine', 'Quiet Zone', 'Open Floor', 'Library', 'Terrace Level', 'Studio Floor'] as const;
const BIG = new Set(['london', 'paris', 'berlin', 'madrid', 'rome', 'barcelona', 'milan']);

/** Per kind: how many per city, capacities, and the hourly price of a space of capacity c. */
const SHAPES: Record<Kind, { count: [number, number]; capacity: (rng: Rng) => number; hourly: (c: number, rng: Rng) => number }> = {
  meeting: { count: [30, 40], capacity: (rng) => rng.pick([4, 4, 6, 6, 6, 8, 8, 10, 12, 14, 16, 20]), hourly: (c, rng) => Math.round(12 + c * rng.float(2.2, 3.4)) },
  office: { count: [22, 32], capacity: (rng) => rng.pick([2, 2, 3, 4, 4, 5, 6, 8, 10, 12]), hourly: (c, rng) => Math.round(10 + c * rng.float(2.5, 4)) },
  desk: { count: [20, 30], capacity: (rng) => rng.int(6, 40), hourly: (_c, rng) => rng.pick([3, 3.5, 4, 4.5, 5, 6]) },
  event: { count: [18, 26], capacity: (rng) => rng.pick([30, 40, 50, 60, 80, 100, 120, 150, 200]), hourly: (c, rng) => Math.round(40 + c * rng.float(0.8, 1.4)) },
};

function generate(rng: Rng): Space[] {
  const out: Space[] = [];
  for (const city of CITIES) {
    const venues = rng.sample(BRANDS, 9).map((b) => ({
      name: `${b} ${rng.pick(BRAND_WORDS)}`,
      neighbourhood: rng.pick(city.neighbourhoods),
      opens: rng.pick(['07:00', '08:00', '08:00', '09:00']),
      closes: rng.pick(['18:00', '19:00', '20:00', '20:00', '22:00']),
      saturday: rng.chance(0.75),
      sunday: rng.chance(0.45),
      floors: rng.int(1, 6),
      quality: rng.float(-0.4, 0.4),
    }));
    for (const kind of KINDS) {
      const shape = SHAPES[kind];
      const n = Math.round(rng.int(shape.count[0], shape.count[1]) * (BIG.has(city.id) ? 1.2 : 1));
      const used = new Set<string>();
      for (let i = 0; i < n; i++) {
        const venue = rng.pick(venues);
        const capacity = shape.capacity(rng);
        let name = kind === 'desk' ? rng.pick(ZONES) : kind === 'office' ? `Office ${rng.int(1, venue.floors)}${String(rng.int(1, 20)).padStart(2, '0')}` : rng.pick(ROOM_NAMES);
        if (kind === 'event') name = `${name} Hall`;
        // A centre has each name once.
        for (let k = 2; used.has(`${venue.name}/${name}`); k++) name = `${name.replace(/ \d+$/, '')} ${k}`;
        used.add(`${venue.name}/${name}`);
        const amenities = AMENITIES.filter((a) => rng.chance(AMENITY_ODDS[kind][a] ?? 0));
        const hourly = shape.hourly(capacity, rng);
        const rating = Math.min(5, Math.max(3.2, Math.round((rng.float(3.6, 4.9, 2) + venue.quality * 0.5) * 10) / 10));
        out.push({
          id: `${city.id}-${kind}-${i + 1}`,
          cityId: city.id,
          kind,
          name,
          venue: venue.name,
          neighbourhood: venue.neighbourhood,
          floor: rng.int(0, venue.floors),
          capacity,
          amenities,
          hourlyPrice: hourly,
          dayPrice: Math.round(hourly * rng.float(5.5, 7) * 2) / 2,
          rating,
          reviewCount: rng.int(0, 420),
          opens: kind === 'event' ? rng.pick(['08:00', '09:00', '10:00']) : venue.opens,
          closes: kind === 'event' ? rng.pick(['22:00', '23:00']) : venue.closes,
          saturday: venue.saturday,
          sunday: venue.sunday,
          demand: Math.min(0.7, rng.float(0.1, 0.45) + (rating - 4) * 0.1),
        });
      }
    }
  }
  return out;
}

export const workspacesDomain: DomainModule<Space> = { key: 'workspaces', schema: Space, generate };
