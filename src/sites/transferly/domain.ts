import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, CITY_SCALE, type City } from '../../world/geography.js';

/**
 * Transferly's stored inventory: the transfer companies of each city and what they run between
 * the airport and the city (private cars by vehicle type, and shared shuttle buses), with seats,
 * luggage space, waiting time, what is included, and their fares. Which rides are already booked
 * on a day is made on demand (`inventory.ts`).
 */

export const VEHICLE_TYPES = ['sedan', 'minivan', 'minibus', 'luxury', 'shuttle'] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];
export const VEHICLE_LABELS: Record<VehicleType, string> = { sedan: 'Sedan', minivan: 'Minivan', minibus: 'Minibus', luxury: 'Luxury car', shuttle: 'Shared shuttle bus' };
const MODELS: Record<VehicleType, readonly string[]> = {
  sedan: ['Toyota Corolla or similar', 'Skoda Octavia or similar', 'VW Passat or similar', 'Peugeot 508 or similar'],
  minivan: ['Mercedes Vito or similar', 'VW Caravelle or similar', 'Ford Tourneo or similar'],
  minibus: ['Mercedes Sprinter or similar', 'Iveco Daily Minibus or similar'],
  luxury: ['Mercedes E-Class or similar', 'BMW 5 Series or similar', 'Mercedes S-Class or similar'],
  shuttle: ['Shared shuttle (stops at several hotels)'],
};
/** Seats and suitcases each vehicle takes. */
export const CAPACITY: Record<VehicleType, [seats: number, bags: number]> = { sedan: [3, 3], minivan: [7, 7], minibus: [16, 16], luxury: [3, 3], shuttle: [8, 8] };

export const PROVIDERS = ['CityRide', 'AirLink Transfers', 'Welcome Pickups', 'BlueLine Cars', 'Terminal Taxi Co.', 'GoShuttle', 'Premier Chauffeurs', 'HopOn Transfers', 'EuroDrive', 'QuickMeet'] as const;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const TransferOffer = z.strictObject({
  id: Slug,
  cityId: Slug,
  provider: z.enum(PROVIDERS),
  vehicleType: z.enum(VEHICLE_TYPES),
  model: z.string().min(1),
  /** Private: the vehicle for the party alone; shared: seats on a shuttle that stops at other hotels. */
  service: z.enum(['private', 'shared']),
  seats: z.number().int().min(1),
  bags: z.number().int().min(0),
  meetGreetIncluded: z.boolean(),
  /** Minutes the driver waits after landing (or after the pick-up time) at no charge. */
  freeWaitMin: z.number().int().min(0),
  rating: z.number().min(1).max(5),
  reviewCount: z.number().int().min(0),
  /** Private: the fare of the vehicle; shared: per passenger. EUR, before the distance. */
  baseFare: z.number().positive(),
  perKm: z.number().min(0),
  demand: z.number().min(0).max(1),
});
export type TransferOffer = z.infer<typeof TransferOffer>;

function offersIn(rng: Rng, city: City): TransferOffer[] {
  const scale = CITY_SCALE[city.id] ?? 0.5;
  const providers = rng.sample(PROVIDERS, Math.round(5 + scale * 4));
  const out: TransferOffer[] = [];
  for (const provider of providers) {
    const kinds = VEHICLE_TYPES.filter((v) => rng.chance(v === 'sedan' || v === 'minivan' ? 0.95 : v === 'shuttle' ? 0.5 : 0.6));
    const quality = rng.float(0.85, 1.25);
    for (const vehicleType of kinds) {
      // A company may run two models of a type (a newer, dearer one), never the same model twice.
      const models = rng.sample(MODELS[vehicleType], vehicleType === 'shuttle' ? 1 : rng.int(1, 2));
      for (const [k, model] of models.entries()) {
        const [seats, bags] = CAPACITY[vehicleType];
        const shared = vehicleType === 'shuttle';
        const base = shared ? 9 : vehicleType === 'sedan' ? 22 : vehicleType === 'minivan' ? 34 : vehicleType === 'minibus' ? 62 : 55;
        const perKm = shared ? 0.12 : vehicleType === 'sedan' ? 1.05 : vehicleType === 'minivan' ? 1.4 : vehicleType === 'minibus' ? 2.1 : 2.0;
        out.push({
          id: `${city.id}-${out.length + 1}`,
          cityId: city.id,
          provider,
          vehicleType,
          model,
          service: shared ? 'shared' : 'private',
          seats: vehicleType === 'minivan' ? rng.pick([6, 7, 8]) : seats,
          bags: vehicleType === 'sedan' ? rng.pick([2, 3, 4]) : vehicleType === 'minivan' ? rng.pick([5, 6, 8]) : bags,
          meetGreetIncluded: vehicleType === 'luxury' || (!shared && rng.chance(0.25)),
          freeWaitMin: shared ? 0 : rng.pick([30, 45, 60, 90]),
          rating: rng.float(3.3, 4.9, 1),
          reviewCount: rng.int(5, 3200),
          baseFare: Math.round(base * quality * (k === 1 ? 1.15 : 1) * (0.8 + scale * 0.35) * 100) / 100,
          perKm: Math.round(perKm * quality * 100) / 100,
          demand: rng.float(0.05, 0.45),
        });
      }
    }
  }
  return out;
}

function generate(rng: Rng): TransferOffer[] {
  return CITIES.flatMap((c) => offersIn(rng.fork(c.id), c));
}

export const transferOffersDomain: DomainModule<TransferOffer> = { key: 'transferOffers', schema: TransferOffer, generate };

/** The places in a city a transfer goes to: its districts (a hotel or address in one). */
export type Area = { id: string; cityId: string; name: string; km: number };
const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const spread = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);
export const AREAS: readonly Area[] = CITIES.flatMap((c) => c.neighbourhoods.map((n) => ({ id: `${c.id}-${slug(n)}`, cityId: c.id, name: n, km: 12 + (spread(`${c.id}/${n}`) % 30) })));
export const areaById = (id: string) => AREAS.find((a) => a.id === id);
export const cityOfAirport = (code: string) => CITIES.find((c) => c.airport.code === code);
