import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, CITY_SCALE, type City } from '../../world/geography.js';

/**
 * ParkSpot's stored inventory: the car parks near each city's airport, main station and centre,
 * with how far they are from the terminal or platform (a walk, or a shuttle bus), whether they
 * are covered, their security, EV chargers, height limit and day rates. Which space types are
 * already full for a stay is made on demand (`inventory.ts`).
 */

export const LOCATION_KINDS = ['airport', 'station', 'centre'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** A place people park near: not stored, it is the shared map's airports, stations and centres. */
export type ParkingLocation = { id: string; cityId: string; kind: LocationKind; name: string; code?: string };

function locationsOf(c: City): ParkingLocation[] {
  return [
    { id: `${c.id}-airport`, cityId: c.id, kind: 'airport', name: `${c.name} ${c.airport.name} (${c.airport.code})`, code: c.airport.code },
    { id: `${c.id}-station`, cityId: c.id, kind: 'station', name: `${c.station.name} station, ${c.name}` },
    { id: `${c.id}-centre`, cityId: c.id, kind: 'centre', name: `${c.name} city centre` },
  ];
}

export const PARKING_LOCATIONS: readonly ParkingLocation[] = CITIES.flatMap(locationsOf);
export const parkingLocationById = (id: string) => PARKING_LOCATIONS.find((l) => l.id === id);

export const SECURITY = ['cctv', 'barrier', 'fenced', 'patrols', 'staffed-24h'] as const;
export type Security = (typeof SECURITY)[number];
export const SECURITY_LABELS: Record<Security, string> = { cctv: 'CCTV', barrier: 'Barrier entry (plate recognition)', fenced: 'Fenced perimeter', patrols: 'Security patrols', 'staffed-24h': 'Staffed 24 hours' };

export const OPERATORS = ['ParkNow', 'Centrum Parking', 'Q-Park Partner', 'AirPark', 'SafeStop', 'CityGarage', 'Indigo Partner', 'EasyPark Lots'] as const;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const CarPark = z.strictObject({
  id: Slug,
  locationId: Slug,
  name: z.string().min(1),
  operator: z.enum(OPERATORS),
  /** How one gets from the car park to the terminal, platform or centre. */
  transfer: z.enum(['walk', 'shuttle']),
  /** Minutes of that walk or shuttle ride. */
  transferMin: z.number().int().min(1).max(40),
  covered: z.boolean(),
  security: z.array(z.enum(SECURITY)),
  evCharging: z.boolean(),
  /** Height limit of a covered car park in cm; open-air car parks have none. */
  heightLimitCm: z.number().int().min(170).max(260).nullable(),
  rating: z.number().min(1).max(5),
  reviewCount: z.number().int().min(0),
  /** Price of a standard space per hour and per day (24 hours), in EUR. */
  hourly: z.number().positive(),
  daily: z.number().positive(),
  /** How quickly it fills (0-1). */
  demand: z.number().min(0).max(1),
  lat: z.number(),
  lon: z.number(),
});
export type CarPark = z.infer<typeof CarPark>;

const NAME_WORDS: Record<LocationKind, readonly string[]> = {
  airport: ['Terminal Parking', 'Long Stay', 'Short Stay', 'Meet & Park', 'Park & Fly', 'Valet Lot', 'Economy Parking', 'Multi-storey P'],
  station: ['Station Car Park', 'Rail Park', 'Platform Garage', 'Commuter Lot', 'Station West', 'Station East'],
  centre: ['Garage', 'Underground Car Park', 'Plaza Parking', 'Market Car Park', 'Riverside Parking', 'Town Hall Garage'],
};
const COUNT: Record<LocationKind, [number, number]> = { airport: [26, 58], station: [16, 34], centre: [20, 46] };

function carParksAt(rng: Rng, loc: ParkingLocation, city: City): CarPark[] {
  const scale = CITY_SCALE[city.id] ?? 0.5;
  const [lo, hi] = COUNT[loc.kind];
  const n = Math.round(lo + (hi - lo) * ((scale - 0.45) / 0.55) + rng.int(-2, 2));
  const out: CarPark[] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const shuttle = loc.kind === 'airport' ? rng.chance(0.55) : loc.kind === 'station' ? rng.chance(0.1) : false;
    const transferMin = shuttle ? rng.int(4, 25) : loc.kind === 'airport' ? rng.int(2, 15) : rng.int(1, 18);
    const covered = rng.chance(shuttle ? 0.25 : 0.6);
    const security = SECURITY.filter((s, k) => rng.chance([0.85, 0.6, 0.5, 0.3, 0.35][k]!) || (s === 'cctv' && covered));
    // Farther and shuttle-served lots are cheaper; covered and secure ones cost more.
    const base = loc.kind === 'airport' ? 14 : loc.kind === 'station' ? 12 : 20;
    const daily = Math.round(base * (shuttle ? 0.7 : 1.15) * (1 - transferMin / 60) * (covered ? 1.15 : 1) * (1 + security.length * 0.04) * rng.float(0.8, 1.3) * (0.7 + scale * 0.5) * 100) / 100;
    const hourly = Math.round(Math.max(1.2, daily / rng.float(5, 9)) * 10) / 10;
    let name: string;
    do name = `${city.name} ${rng.pick(NAME_WORDS[loc.kind])}${rng.chance(0.5) ? ` ${rng.pick(['A', 'B', 'C', 'D', '1', '2', '3', 'Plus'])}` : ''}`;
    while (used.has(name));
    used.add(name);
    const rating = rng.float(3.1, 4.9, 1);
    const bearing = rng.int(0, 359);
    const km = loc.kind === 'airport' ? 14 + rng.float(0, 4) : loc.kind === 'station' ? rng.float(0.5, 2.5) : rng.float(0, 1.5);
    const rad = (bearing * Math.PI) / 180;
    out.push({
      id: `${loc.id}-${i + 1}`,
      locationId: loc.id,
      name,
      operator: rng.pick(OPERATORS),
      transfer: shuttle ? 'shuttle' : 'walk',
      transferMin,
      covered,
      security,
      evCharging: rng.chance(0.4),
      heightLimitCm: covered ? rng.pick([180, 190, 195, 200, 210, 220]) : null,
      rating,
      reviewCount: rng.int(4, 2400),
      hourly,
      daily,
      demand: rng.float(0.1, 0.7),
      lat: Math.round((city.lat + (km * Math.cos(rad)) / 111.2) * 10_000) / 10_000,
      lon: Math.round((city.lon + (km * Math.sin(rad)) / (111.2 * Math.cos((city.lat * Math.PI) / 180))) * 10_000) / 10_000,
    });
  }
  return out;
}

function generate(rng: Rng): CarPark[] {
  const out: CarPark[] = [];
  for (const city of CITIES) for (const loc of locationsOf(city)) out.push(...carParksAt(rng.fork(loc.id), loc, city));
  return out;
}

export const carParksDomain: DomainModule<CarPark> = { key: 'carParks', schema: CarPark, generate };
