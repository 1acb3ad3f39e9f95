import { addDays } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { areaByCode, type AreaKind } from './areas.js';

/**
 * The equipment-rental and activity packages sold with a pitch, by the providers of each area:
 * made on demand from the world seed per area, and free or full per day of the stay.
 */

export type PackageKind = 'rental' | 'activity';
export type CampPackage = { id: string; area: string; name: string; category: string; kind: PackageKind; provider: string; pricePerPerson: number; rating: number; duration: string };

type Offer = { category: string; name: string; kind: PackageKind; price: [number, number]; duration: string; kinds: AreaKind[] };
const OFFERS: readonly Offer[] = [
  { category: 'bikes', name: 'Bike hire for the stay', kind: 'rental', price: [25, 45], duration: 'Whole stay', kinds: ['lake', 'coast', 'mountain', 'city'] },
  { category: 'ebikes', name: 'E-bike hire for the stay', kind: 'rental', price: [45, 80], duration: 'Whole stay', kinds: ['lake', 'mountain', 'city'] },
  { category: 'kayak', name: 'Kayak hire', kind: 'rental', price: [20, 35], duration: 'One day', kinds: ['lake', 'coast'] },
  { category: 'sup', name: 'Stand-up paddleboard hire', kind: 'rental', price: [18, 30], duration: 'One day', kinds: ['lake', 'coast'] },
  { category: 'gear', name: 'Camping gear set (tent, mats, stove)', kind: 'rental', price: [30, 55], duration: 'Whole stay', kinds: ['lake', 'coast', 'mountain', 'city'] },
  { category: 'bedding', name: 'Sleeping bag and pillow rental', kind: 'rental', price: [9, 16], duration: 'Whole stay', kinds: ['lake', 'coast', 'mountain', 'city'] },
  { category: 'bbq', name: 'Barbecue kit with charcoal', kind: 'rental', price: [8, 14], duration: 'Whole stay', kinds: ['lake', 'coast', 'mountain'] },
  { category: 'hike', name: 'Guided hike', kind: 'activity', price: [15, 35], duration: 'Half day', kinds: ['lake', 'mountain', 'coast'] },
  { category: 'surf', name: 'Surf lesson', kind: 'activity', price: [35, 55], duration: 'Half day', kinds: ['coast'] },
  { category: 'ferrata', name: 'Via ferrata with a guide', kind: 'activity', price: [60, 95], duration: 'Full day', kinds: ['mountain'] },
  { category: 'sailing', name: 'Sailing taster', kind: 'activity', price: [40, 70], duration: 'Half day', kinds: ['lake', 'coast'] },
  { category: 'canyoning', name: 'Canyoning trip', kind: 'activity', price: [55, 85], duration: 'Full day', kinds: ['mountain'] },
  { category: 'citytour', name: 'Guided city bike tour', kind: 'activity', price: [25, 40], duration: 'Half day', kinds: ['city'] },
  { category: 'boat', name: 'Boat trip', kind: 'activity', price: [18, 35], duration: 'Half day', kinds: ['lake', 'coast', 'city'] },
  { category: 'wine', name: 'Wine tasting tour', kind: 'activity', price: [30, 60], duration: 'Half day', kinds: ['lake', 'coast', 'mountain'] },
  { category: 'kids', name: 'Kids adventure club', kind: 'activity', price: [15, 25], duration: 'Half day', kinds: ['lake', 'coast', 'mountain', 'city'] },
  { category: 'yoga', name: 'Sunrise yoga class', kind: 'activity', price: [10, 18], duration: '90 minutes', kinds: ['lake', 'coast', 'mountain'] },
];
const PROVIDERS = ['Outdoor Base', 'Trail & Tide', 'WildSide', 'Camp Services', 'Blue Paddle', 'Peak Guides', 'Rent-a-Ride', 'Green Loop', 'Sunny Days Tours'];

export function packagesOf(world: World, area: string): CampPackage[] {
  const a = areaByCode(area);
  if (!a) return [];
  const r = new Rng(`campfire-packages/${world.seed}/${area}`);
  const out: CampPackage[] = [];
  let i = 0;
  for (const o of OFFERS.filter((x) => x.kinds.includes(a.kind))) {
    // Most offers have one provider, some two.
    const providers = r.chance(0.35) ? r.sample(PROVIDERS, 2) : [r.pick(PROVIDERS)];
    for (const provider of providers) {
      i++;
      out.push({
        id: `cp-${area.toLowerCase()}-${String(i).padStart(2, '0')}`,
        area,
        name: o.name,
        category: o.category,
        kind: o.kind,
        provider,
        pricePerPerson: r.int(o.price[0], o.price[1]),
        rating: Math.round(r.float(3.4, 4.9) * 10) / 10,
        duration: o.duration,
      });
    }
  }
  return out;
}

/** Whether a package is full on a day (activities fill up; rentals rarely run out). */
export function packageFull(world: World, p: CampPackage, day: string): boolean {
  const x = [...`${world.seed}/${p.id}/${day}`].reduce((h, c) => (h * 33 + c.charCodeAt(0)) >>> 0, 5381);
  return x % 100 < (p.kind === 'activity' ? 25 : 6);
}

/** The days of a stay a package can start on: arrival to the last night, at most seven. */
export function stayDays(date: string, nights: number): string[] {
  return Array.from({ length: Math.min(7, Math.max(1, nights)) }, (_, k) => addDays(date, k));
}
