import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, type City } from '../../world/geography.js';

/**
 * TourBase's stored inventory: the attractions of every city (museums, walking tours, cruises,
 * landmarks, day trips, shows, parks) with their ticket prices by type, features, opening days
 * and, for timed entry, their start times. How many places are left on a day is made on demand
 * (`inventory.ts`).
 */

export const CATEGORIES = ['museum', 'tour', 'cruise', 'landmark', 'day-trip', 'show', 'park'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = { museum: 'Museums', tour: 'Walking and bike tours', cruise: 'Cruises', landmark: 'Landmarks', 'day-trip': 'Day trips', show: 'Shows', park: 'Parks and zoos' };

export const FEATURES = ['skip-the-line', 'audio-guide', 'live-guide', 'wheelchair-accessible', 'free-cancellation', 'hotel-pickup', 'food-included'] as const;
export type Feature = (typeof FEATURES)[number];
export const FEATURE_LABELS: Record<Feature, string> = {
  'skip-the-line': 'Skip the line',
  'audio-guide': 'Audio guide',
  'live-guide': 'Live guide',
  'wheelchair-accessible': 'Wheelchair accessible',
  'free-cancellation': 'Free cancellation',
  'hotel-pickup': 'Hotel pick-up',
  'food-included': 'Food included',
};

export const TICKET_TYPES = ['adult', 'child', 'senior', 'family'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const Attraction = z.strictObject({
  id: Slug,
  cityId: Slug,
  name: z.string().min(1),
  category: z.enum(CATEGORIES),
  neighbourhood: z.string().min(1),
  durationMin: z.number().int().positive(),
  rating: z.number().min(1).max(5),
  reviewCount: z.number().int().min(0),
  features: z.array(z.enum(FEATURES)),
  /** Ticket prices in EUR; a family ticket (2 adults and 2 children) where offered. */
  prices: z.strictObject({ adult: z.number().positive(), child: z.number().min(0), senior: z.number().positive(), family: z.number().positive().nullable() }),
  /** Closed on this weekday (Sunday = 0), or open every day. */
  closedOn: z.number().int().min(0).max(6).nullable(),
  /** Start times of a timed entry or a tour; empty for entry at any time. */
  times: z.array(HhMm),
  /** Places per start time (or per day without times). */
  capacity: z.number().int().positive(),
  popularity: z.number().min(0).max(1),
});
export type Attraction = z.infer<typeof Attraction>;

type Template = { category: Category; names: readonly string[]; duration: [number, number]; adult: [number, number]; timed: number; features: readonly Feature[] };

const TEMPLATES: readonly Template[] = [
  { category: 'museum', names: ['National Museum of {city}', '{city} Museum of Modern Art', 'Museum of {city} History', 'Science and Design Museum', 'The Maritime Museum', 'Photography House', 'Museum of Decorative Arts', 'Natural History Museum'], duration: [90, 180], adult: [9, 22], timed: 0.5, features: ['audio-guide', 'skip-the-line', 'wheelchair-accessible'] },
  { category: 'tour', names: ['{city} Old Town Walking Tour', 'Street Food Tour of {city}', '{city} by Bike', 'Hidden {city}: Secret Corners Tour', 'Street Art Walk', '{city} Night Ghost Tour', 'Architecture Walk', 'Markets and Tastings Tour', '{city} Highlights by Tuk-Tuk', 'Free-Spirit Photo Walk'], duration: [90, 240], adult: [15, 55], timed: 1, features: ['live-guide', 'free-cancellation', 'food-included'] },
  { category: 'cruise', names: ['{city} Sunset Cruise', 'Hop-on Hop-off Boat', 'Harbour Lights Dinner Cruise', 'Canal and River Cruise'], duration: [60, 180], adult: [18, 65], timed: 1, features: ['live-guide', 'food-included', 'free-cancellation'] },
  { category: 'landmark', names: ['{city} Cathedral', 'The Royal Palace', '{city} Castle', 'The Old Observatory', 'City Hall Tower', 'The Grand Basilica'], duration: [45, 120], adult: [6, 20], timed: 0.6, features: ['skip-the-line', 'audio-guide', 'wheelchair-accessible'] },
  { category: 'day-trip', names: ['Coast and Villages Day Trip', 'Wine Country Day Trip', 'Mountain Lakes Day Trip', 'Royal Gardens Day Trip', 'Historic Towns Day Tour'], duration: [420, 600], adult: [49, 129], timed: 1, features: ['live-guide', 'hotel-pickup', 'food-included', 'free-cancellation'] },
  { category: 'show', names: ['Flamenco and Folk Night', '{city} Comedy Club', 'Magic and Illusion Show', 'Classical Concert in the Chapel'], duration: [60, 120], adult: [20, 60], timed: 1, features: ['free-cancellation', 'wheelchair-accessible'] },
  { category: 'park', names: ['{city} Zoo', 'Botanical Garden', 'Aquarium of {city}', 'Adventure Park'], duration: [120, 300], adult: [12, 35], timed: 0.2, features: ['wheelchair-accessible', 'skip-the-line', 'free-cancellation'] },
];

const BIG = new Set(['london', 'paris', 'berlin', 'madrid', 'rome', 'barcelona', 'amsterdam', 'lisbon', 'prague', 'vienna']);
const half = (n: number) => Math.round(n * 2) / 2;

function startTimes(rng: Rng, category: Category): string[] {
  if (category === 'day-trip') return rng.sample(['07:30', '08:00', '08:30', '09:00'], rng.int(1, 2)).sort();
  if (category === 'show') return rng.sample(['18:00', '19:30', '20:00', '21:00', '22:00'], rng.int(1, 3)).sort();
  if (category === 'cruise') return rng.sample(['10:00', '11:30', '13:00', '14:30', '16:00', '17:30', '19:00', '20:30'], rng.int(3, 6)).sort();
  const hours = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '13:00', '14:00', '14:30', '15:00', '16:00', '17:00'];
  return rng.sample(hours, rng.int(4, 8)).sort();
}

function attractionsOf(rng: Rng, city: City): Attraction[] {
  const out: Attraction[] = [];
  const scale = BIG.has(city.id) ? 1 : 0.7;
  for (const t of TEMPLATES) {
    const n = Math.max(1, Math.round(t.names.length * scale * rng.float(0.7, 1)));
    for (const pattern of rng.sample(t.names, n)) {
      const name = pattern.replace('{city}', city.name);
      const adult = half(rng.float(t.adult[0], t.adult[1]));
      const features = t.features.filter(() => rng.chance(0.55));
      const timed = rng.chance(t.timed);
      out.push({
        id: `${city.id}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`.replace(/-+/g, '-'),
        cityId: city.id,
        name,
        category: t.category,
        neighbourhood: rng.pick(city.neighbourhoods),
        durationMin: Math.round(rng.int(t.duration[0], t.duration[1]) / 15) * 15,
        rating: rng.float(3.6, 4.9, 1),
        reviewCount: rng.int(12, 9000),
        features,
        prices: {
          adult,
          child: rng.chance(0.15) ? 0 : half(adult * rng.float(0.45, 0.7)),
          senior: half(adult * rng.float(0.7, 0.9)),
          family: rng.chance(0.5) ? half(adult * rng.float(2.6, 3.2)) : null,
        },
        closedOn: t.category === 'museum' || t.category === 'landmark' ? rng.pick([1, 1, 2, null]) : rng.chance(0.15) ? rng.int(0, 6) : null,
        times: timed ? startTimes(rng, t.category) : [],
        capacity: timed ? rng.int(8, 40) : rng.int(150, 900),
        popularity: rng.float(0.1, 0.95),
      });
    }
  }
  return out;
}

function generate(rng: Rng): Attraction[] {
  return CITIES.flatMap((c) => attractionsOf(rng.fork(c.id), c));
}

export const attractionsDomain: DomainModule<Attraction> = { key: 'attractions', schema: Attraction, generate };
