import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, type City } from '../../world/geography.js';

/**
 * Nestaway's stored inventory: holiday rentals in every city (apartments, houses, villas,
 * cabins, lofts) with their size, amenities, house rules, host and prices. Which nights are
 * already taken is made on demand (`inventory.ts`).
 */

export const PROPERTY_TYPES = ['apartment', 'house', 'villa', 'loft', 'cottage', 'studio'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];
export const TYPE_LABELS: Record<PropertyType, string> = { apartment: 'Apartment', house: 'House', villa: 'Villa', loft: 'Loft', cottage: 'Cottage', studio: 'Studio' };

export const AMENITIES = ['wifi', 'kitchen', 'washer', 'parking', 'pool', 'air-con', 'balcony', 'workspace', 'hot-tub', 'cot'] as const;
export type Amenity = (typeof AMENITIES)[number];
export const AMENITY_LABELS: Record<Amenity, string> = {
  wifi: 'Wi-Fi',
  kitchen: 'Kitchen',
  washer: 'Washing machine',
  parking: 'Free parking',
  pool: 'Pool',
  'air-con': 'Air conditioning',
  balcony: 'Balcony or terrace',
  workspace: 'Dedicated workspace',
  'hot-tub': 'Hot tub',
  cot: 'Baby cot',
};

export const CANCELLATION = ['flexible', 'moderate', 'strict'] as const;
export type Cancellation = (typeof CANCELLATION)[number];

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const Rental = z.strictObject({
  id: Slug,
  cityId: Slug,
  title: z.string().min(1),
  type: z.enum(PROPERTY_TYPES),
  neighbourhood: z.string().min(1),
  bedrooms: z.number().int().min(0),
  bathrooms: z.number().int().min(1),
  maxGuests: z.number().int().min(1),
  pricePerNight: z.number().positive(),
  cleaningFee: z.number().min(0),
  rating: z.number().min(1).max(5),
  reviewCount: z.number().int().min(0),
  amenities: z.array(z.enum(AMENITIES)),
  rules: z.strictObject({ checkIn: HhMm, checkOut: HhMm, pets: z.boolean(), smoking: z.boolean(), parties: z.boolean() }),
  host: z.strictObject({ name: z.string().min(1), superhost: z.boolean(), responseHours: z.number().int().positive() }),
  cancellation: z.enum(CANCELLATION),
  minNights: z.number().int().min(1),
  popularity: z.number().min(0).max(1),
});
export type Rental = z.infer<typeof Rental>;

const ADJECTIVES = ['Sunny', 'Cosy', 'Bright', 'Quiet', 'Charming', 'Stylish', 'Spacious', 'Rustic', 'Modern', 'Hidden', 'Elegant', 'Airy'];
const NOUNS: Record<PropertyType, readonly string[]> = {
  apartment: ['flat', 'apartment', 'home'],
  house: ['townhouse', 'family house', 'house'],
  villa: ['villa', 'garden villa'],
  loft: ['loft', 'artist loft'],
  cottage: ['cottage', 'garden cottage'],
  studio: ['studio', 'micro-studio'],
};
const HOSTS = ['Marta', 'Jonas', 'Ines', 'Pieter', 'Chiara', 'Tomasz', 'Lea', 'Hugo', 'Sofia', 'Niamh', 'Karim', 'Elena', 'Bram', 'Zofia', 'Luca', 'Anouk'];
const BIG = new Set(['london', 'paris', 'berlin', 'madrid', 'rome', 'barcelona', 'amsterdam', 'lisbon', 'prague', 'vienna']);

function rentalsOf(rng: Rng, city: City): Rental[] {
  const n = BIG.has(city.id) ? rng.int(34, 46) : rng.int(20, 30);
  const out: Rental[] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const type = rng.weighted<PropertyType>([['apartment', 5], ['studio', 2], ['loft', 1], ['house', 2], ['cottage', 1], ['villa', 1]]);
    const bedrooms = type === 'studio' ? 0 : type === 'villa' ? rng.int(3, 5) : type === 'house' ? rng.int(2, 4) : rng.int(1, 3);
    const maxGuests = Math.max(2, bedrooms * 2 + rng.int(0, 2));
    const neighbourhood = rng.pick(city.neighbourhoods);
    let title = `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS[type])} in ${neighbourhood}`;
    while (used.has(title)) title = `${rng.pick(ADJECTIVES)} ${title}`;
    used.add(title);
    const base = { apartment: 70, studio: 50, loft: 95, house: 120, cottage: 90, villa: 220 }[type] * (BIG.has(city.id) ? 1.25 : 1);
    const amenities = AMENITIES.filter((a) => rng.chance(a === 'wifi' ? 0.95 : a === 'kitchen' ? 0.85 : a === 'pool' || a === 'hot-tub' ? (type === 'villa' ? 0.7 : 0.08) : 0.45));
    out.push({
      id: `${city.id}-r${String(i + 1).padStart(2, '0')}`,
      cityId: city.id,
      title,
      type,
      neighbourhood,
      bedrooms,
      bathrooms: Math.max(1, Math.ceil(bedrooms / 2)),
      maxGuests,
      pricePerNight: Math.round(base * rng.float(0.7, 1.6) + bedrooms * 15),
      cleaningFee: rng.pick([0, 20, 30, 40, 50, 60]),
      rating: rng.float(3.9, 5, 2),
      reviewCount: rng.int(0, 400),
      amenities,
      rules: { checkIn: rng.pick(['14:00', '15:00', '16:00']), checkOut: rng.pick(['10:00', '11:00', '12:00']), pets: rng.chance(0.3), smoking: rng.chance(0.05), parties: false },
      host: { name: rng.pick(HOSTS), superhost: rng.chance(0.35), responseHours: rng.pick([1, 2, 6, 12, 24]) },
      cancellation: rng.pick(CANCELLATION),
      minNights: rng.weighted([[1, 5], [2, 4], [3, 2]]),
      popularity: rng.float(0.1, 0.9),
    });
  }
  return out;
}

function generate(rng: Rng): Rental[] {
  return CITIES.flatMap((c) => rentalsOf(rng.fork(c.id), c));
}

export const rentalsDomain: DomainModule<Rental> = { key: 'rentals', schema: Rental, generate };
