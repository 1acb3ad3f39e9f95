import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES } from '../../world/geography.js';

/**
 * Screenly's stored inventory: the cinemas of every city with their screens (size, format,
 * premium rows, wheelchair spaces) and the films on release. What each screen shows on each day
 * and which seats are taken is made from these on demand (`inventory.ts`): the world stays small.
 */

export const FORMATS = ['standard', '3d', 'imax', 'dolby'] as const;
export type ScreenFormat = (typeof FORMATS)[number];

export const GENRES = ['action', 'animation', 'comedy', 'drama', 'horror', 'sci-fi', 'thriller', 'documentary', 'romance', 'family'] as const;
export const AGE_RATINGS = ['U', 'PG', '12A', '15', '18'] as const;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const Screen = z.strictObject({
  number: z.number().int().min(1),
  format: z.enum(FORMATS),
  /** Rows from the screen (A) to the back. */
  rows: z.number().int().min(4).max(10),
  seatsPerRow: z.number().int().min(6).max(12),
  /** The last rows are premium recliners. */
  premiumRows: z.number().int().min(0).max(3),
  /** Wheelchair spaces at the end of the front row. */
  wheelchairSpaces: z.number().int().min(1).max(3),
});
export type Screen = z.infer<typeof Screen>;

export const Cinema = z.strictObject({
  id: Slug,
  cityId: Slug,
  name: z.string().min(1),
  chain: z.string().min(1),
  neighbourhood: z.string().min(1),
  /** A standard seat at an evening 2D show, in EUR. */
  basePrice: z.number().positive(),
  parking: z.boolean(),
  bar: z.boolean(),
  screens: z.array(Screen).min(2).max(6),
});
export type Cinema = z.infer<typeof Cinema>;

export const Film = z.strictObject({
  id: Slug,
  title: z.string().min(1),
  genre: z.enum(GENRES),
  ageRating: z.enum(AGE_RATINGS),
  runtimeMin: z.number().int().min(70).max(200),
  /** Audience score out of 10. */
  score: z.number().min(1).max(10),
  /** Shown in 3D or IMAX when the screen is. */
  bigScreen: z.boolean(),
  /** How many shows a day it gets, relative to others. */
  demand: z.number().min(0.2).max(3),
});
export type Film = z.infer<typeof Film>;

const CHAINS = ['Lumière', 'Odeon Park', 'Cine Nova', 'Starlight', 'Picturehouse Royal', 'Kino Palast', 'Reel Garden'] as const;
const PLACES = ['Riverside', 'Central', 'Plaza', 'Gallery', 'Old Town', 'Harbour', 'North', 'Station'] as const;

const TITLES: readonly (readonly [string, (typeof GENRES)[number], (typeof AGE_RATINGS)[number], boolean])[] = [
  ['The Last Lighthouse', 'drama', '12A', false],
  ['Orbit of Ashes', 'sci-fi', '12A', true],
  ['Paper Dragons', 'animation', 'U', true],
  ['Midnight Courier', 'thriller', '15', false],
  ['The Glass Orchard', 'romance', 'PG', false],
  ['Iron Tide', 'action', '12A', true],
  ['Whispers Under Salt', 'horror', '18', false],
  ['Grandma Goes Electric', 'comedy', 'PG', false],
  ['Atlas of Small Things', 'documentary', 'U', false],
  ['Northern Fire', 'action', '15', true],
  ['A Summer in Porto', 'romance', '12A', false],
  ['The Clockmaker’s Cat', 'family', 'U', true],
  ['Signal Lost', 'sci-fi', '15', true],
  ['Hollow Hill', 'horror', '15', false],
  ['The Heist at Harbour Nine', 'thriller', '12A', false],
  ['Little Giants', 'animation', 'U', true],
  ['Bread and Roses', 'drama', '15', false],
  ['Wedding Season', 'comedy', '12A', false],
  ['Deep Blue Wild', 'documentary', 'U', true],
  ['Starfall Academy', 'family', 'PG', true],
  ['The Quiet Partner', 'drama', '12A', false],
  ['Velocity Zero', 'action', '12A', true],
];

function films(rng: Rng): Film[] {
  return TITLES.map(([title, genre, ageRating, bigScreen], i) => ({
    id: `film-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
    title,
    genre,
    ageRating,
    runtimeMin: genre === 'animation' || genre === 'family' ? rng.int(82, 105) : rng.int(90, 165),
    score: rng.float(4.8, 9.3, 1),
    bigScreen,
    demand: i < 6 ? rng.float(1.5, 2.8) : rng.float(0.4, 1.4),
  }));
}

function cinemas(rng: Rng): Cinema[] {
  const out: Cinema[] = [];
  for (const city of CITIES) {
    // Big cities have more cinemas: some searches find many shows, some few.
    const n = ['london', 'paris', 'berlin', 'madrid', 'rome'].includes(city.id) ? rng.int(4, 5) : rng.int(2, 4);
    const places = rng.sample(PLACES, n);
    for (let i = 0; i < n; i++) {
      const chain = rng.pick(CHAINS);
      const screens = Array.from({ length: rng.int(2, 5) }, (_, k) => {
        const format = k === 0 && rng.chance(0.5) ? rng.pick(['imax', 'dolby'] as const) : rng.chance(0.25) ? ('3d' as const) : ('standard' as const);
        return { number: k + 1, format, rows: rng.int(5, 9), seatsPerRow: rng.int(8, 12), premiumRows: rng.int(0, 2), wheelchairSpaces: rng.int(1, 2) };
      });
      out.push({
        id: `${city.id}-${chain.toLowerCase().replace(/[^a-z]+/g, '-')}-${places[i]!.toLowerCase().replace(/[^a-z]+/g, '-')}`,
        cityId: city.id,
        name: `${chain} ${places[i]}`,
        chain,
        neighbourhood: rng.pick(city.neighbourhoods),
        basePrice: rng.float(8.5, 13.5, 1),
        parking: rng.chance(0.4),
        bar: rng.chance(0.5),
        screens,
      });
    }
  }
  return out;
}

export const cinemasDomain: DomainModule<Cinema> = { key: 'cinemas', schema: Cinema, generate: cinemas };
export const filmsDomain: DomainModule<Film> = { key: 'films', schema: Film, generate: films };
