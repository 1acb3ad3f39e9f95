import { z } from 'zod';
import { addDays, HORIZON_DAYS, weekday, WORLD_TODAY } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, type City } from '../../world/geography.js';

/**
 * Car rental inventory: in every city an airport desk and a downtown branch, each with
 * 8-12 car offers from five fictional suppliers. One row is one offer (a car class at a
 * supplier's desk) with its own daily rate calendar, sold-out days and price list.
 */

export const CAR_CLASSES = ['mini', 'economy', 'compact', 'intermediate', 'suv', 'premium', 'van', 'electric'] as const;
export const CarClass = z.enum(CAR_CLASSES);
export type CarClass = z.infer<typeof CarClass>;

export const Transmission = z.enum(['manual', 'automatic']);
export const Fuel = z.enum(['petrol', 'diesel', 'hybrid', 'electric']);
export const LocationType = z.enum(['airport', 'downtown']);
export type LocationType = z.infer<typeof LocationType>;

const money = z.number().nonnegative().multipleOf(0.01);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CarOffer = z.strictObject({
  /** "car-lisbon-airport-03". */
  id: z.string().regex(/^car-[a-z]+-(airport|downtown)-\d{2}$/),
  cityId: z.string(),
  /** "lisbon-airport": the value of the pickupLocation search field. */
  locationId: z.string().regex(/^[a-z]+-(airport|downtown)$/),
  locationType: LocationType,
  supplier: z.string(),
  /** Customer rating of this supplier's desk, 0-10. */
  supplierRating: z.number().min(0).max(10),
  /** "Fiat 500 or similar". */
  model: z.string(),
  carClass: CarClass,
  seats: z.number().int().min(2).max(9),
  doors: z.number().int().min(2).max(5),
  bags: z.number().int().min(1).max(6),
  transmission: Transmission,
  fuel: Fuel,
  airConditioning: z.boolean(),
  unlimitedMileage: z.boolean(),
  /** Kilometres included per day; 0 when unlimited. */
  mileageLimitKm: z.number().int().nonnegative(),
  /** Charge per km over the limit; 0 when unlimited. */
  extraKmFee: money,
  /** Daily price of the unlimited-mileage upgrade; 0 when mileage is already unlimited. */
  unlimitedUpgradePerDay: money,
  /** Car price (EUR) for a rental day starting on WORLD_TODAY + i, i < HORIZON_DAYS. */
  dailyRates: z.array(money.positive()).length(HORIZON_DAYS),
  /** Days (ISO) on which the car cannot be rented. */
  soldOutDates: z.array(isoDate),
  deposit: z.number().int().positive(),
  /** Damage excess with the included basic protection and with standard protection. */
  excessBasic: z.number().int().positive(),
  excessStandard: z.number().int().positive(),
  standardProtectionPerDay: money.positive(),
  fullProtectionPerDay: money.positive(),
  minDriverAge: z.union([z.literal(21), z.literal(23), z.literal(25)]),
  /** Per day, charged to drivers under 25. */
  youngDriverFeePerDay: money.positive(),
  /** One-off airport surcharge; 0 downtown. */
  locationFee: money,
  /** Price of a pre-paid full tank; 0 for electric cars. */
  prepaidFuelPrice: money,
  prepaidFuelAvailable: z.boolean(),
  freeCancellation: z.boolean(),
  gpsPerDay: money.positive(),
  childSeatPerDay: money.positive(),
  additionalDriverPerDay: money.positive(),
});
export type CarOffer = z.infer<typeof CarOffer>;

// ---------------------------------------------------------------------------------------------
// Locations (static: derived from the shared geography)

export type CarLocation = {
  id: string;
  cityId: string;
  cityName: string;
  country: string;
  type: LocationType;
  /** "Lisbon Airport (LIS)" / "Lisbon Downtown – Baixa". */
  name: string;
  /** Airport code for airport desks. */
  code?: string;
  address: string;
};

function locationsOf(city: City): CarLocation[] {
  const hood = city.neighbourhoods[0] ?? 'Centre';
  return [
    {
      id: `${city.id}-airport`,
      cityId: city.id,
      cityName: city.name,
      country: city.country,
      type: 'airport',
      name: `${city.name} Airport (${city.airport.code})`,
      code: city.airport.code,
      address: `${city.airport.name}, car rental centre, arrivals level`,
    },
    {
      id: `${city.id}-downtown`,
      cityId: city.id,
      cityName: city.name,
      country: city.country,
      type: 'downtown',
      name: `${city.name} Downtown – ${hood}`,
      address: `${hood}, ${city.name}`,
    },
  ];
}

export const CAR_LOCATIONS: readonly CarLocation[] = CITIES.flatMap(locationsOf);
const LOCATION_BY_ID = new Map(CAR_LOCATIONS.map((l) => [l.id, l]));

export function carLocationById(id: string): CarLocation | undefined {
  return LOCATION_BY_ID.get(id);
}

// ---------------------------------------------------------------------------------------------
// Catalogues

type Supplier = {
  name: string;
  rating: number;
  priceFactor: number;
  depositFactor: number;
  youngFee: number;
  airportFee: number;
  freeCancellation: number;
  limitedMileage: number;
  extrasFactor: number;
};

export const SUPPLIERS: readonly Supplier[] = [
  { name: 'Northway', rating: 8.7, priceFactor: 1.14, depositFactor: 1.0, youngFee: 16, airportFee: 42, freeCancellation: 0.9, limitedMileage: 0.05, extrasFactor: 1.15 },
  { name: 'Veloce Rent', rating: 8.2, priceFactor: 1.02, depositFactor: 1.1, youngFee: 14, airportFee: 36, freeCancellation: 0.75, limitedMileage: 0.15, extrasFactor: 1.0 },
  { name: 'Kestrel Car Hire', rating: 7.9, priceFactor: 0.96, depositFactor: 1.2, youngFee: 13, airportFee: 32, freeCancellation: 0.6, limitedMileage: 0.3, extrasFactor: 0.95 },
  { name: 'Sunroad', rating: 7.3, priceFactor: 0.86, depositFactor: 1.4, youngFee: 17, airportFee: 29, freeCancellation: 0.35, limitedMileage: 0.45, extrasFactor: 1.05 },
  { name: 'Drivana', rating: 6.6, priceFactor: 0.78, depositFactor: 1.6, youngFee: 19, airportFee: 25, freeCancellation: 0.15, limitedMileage: 0.6, extrasFactor: 1.1 },
];
export const SUPPLIER_NAMES: readonly string[] = SUPPLIERS.map((s) => s.name);

type Model = { name: string; seats: number; doors: number; bags: number; fuels: readonly ('petrol' | 'diesel' | 'hybrid' | 'electric')[] };

const MODELS: Record<CarClass, readonly Model[]> = {
  mini: [
    { name: 'Fiat 500', seats: 4, doors: 3, bags: 1, fuels: ['petrol', 'hybrid'] },
    { name: 'Toyota Aygo X', seats: 4, doors: 5, bags: 1, fuels: ['petrol'] },
    { name: 'Kia Picanto', seats: 4, doors: 5, bags: 1, fuels: ['petrol'] },
    { name: 'Hyundai i10', seats: 4, doors: 5, bags: 1, fuels: ['petrol'] },
  ],
  economy: [
    { name: 'Renault Clio', seats: 5, doors: 5, bags: 2, fuels: ['petrol', 'diesel', 'hybrid'] },
    { name: 'Peugeot 208', seats: 5, doors: 5, bags: 2, fuels: ['petrol', 'diesel'] },
    { name: 'Volkswagen Polo', seats: 5, doors: 5, bags: 2, fuels: ['petrol'] },
    { name: 'Opel Corsa', seats: 5, doors: 5, bags: 2, fuels: ['petrol', 'diesel'] },
    { name: 'Seat Ibiza', seats: 5, doors: 5, bags: 2, fuels: ['petrol'] },
  ],
  compact: [
    { name: 'Volkswagen Golf', seats: 5, doors: 5, bags: 3, fuels: ['petrol', 'diesel'] },
    { name: 'Ford Focus', seats: 5, doors: 5, bags: 3, fuels: ['petrol', 'diesel'] },
    { name: 'Peugeot 308', seats: 5, doors: 5, bags: 3, fuels: ['petrol', 'diesel', 'hybrid'] },
    { name: 'Toyota Corolla', seats: 5, doors: 5, bags: 3, fuels: ['hybrid'] },
    { name: 'Seat Leon', seats: 5, doors: 5, bags: 3, fuels: ['petrol', 'diesel'] },
  ],
  intermediate: [
    { name: 'Skoda Octavia Estate', seats: 5, doors: 5, bags: 4, fuels: ['diesel', 'petrol'] },
    { name: 'Toyota Corolla Touring Sports', seats: 5, doors: 5, bags: 4, fuels: ['hybrid'] },
    { name: 'Volkswagen Passat Variant', seats: 5, doors: 5, bags: 5, fuels: ['diesel'] },
    { name: 'Kia Ceed Sportswagon', seats: 5, doors: 5, bags: 4, fuels: ['petrol', 'diesel'] },
  ],
  suv: [
    { name: 'Nissan Qashqai', seats: 5, doors: 5, bags: 3, fuels: ['petrol', 'hybrid'] },
    { name: 'Peugeot 3008', seats: 5, doors: 5, bags: 4, fuels: ['diesel', 'petrol'] },
    { name: 'Hyundai Tucson', seats: 5, doors: 5, bags: 4, fuels: ['hybrid', 'diesel'] },
    { name: 'Dacia Duster', seats: 5, doors: 5, bags: 3, fuels: ['petrol', 'diesel'] },
    { name: 'Skoda Kodiaq', seats: 7, doors: 5, bags: 4, fuels: ['diesel', 'petrol'] },
  ],
  premium: [
    { name: 'BMW 3 Series', seats: 5, doors: 4, bags: 3, fuels: ['diesel', 'petrol'] },
    { name: 'Mercedes-Benz C-Class', seats: 5, doors: 4, bags: 3, fuels: ['diesel', 'hybrid'] },
    { name: 'Audi A4', seats: 5, doors: 4, bags: 3, fuels: ['diesel', 'petrol'] },
    { name: 'Volvo XC60', seats: 5, doors: 5, bags: 4, fuels: ['hybrid', 'diesel'] },
  ],
  van: [
    { name: 'Ford Transit Custom', seats: 9, doors: 4, bags: 6, fuels: ['diesel'] },
    { name: 'Volkswagen Multivan', seats: 7, doors: 5, bags: 5, fuels: ['diesel', 'hybrid'] },
    { name: 'Renault Trafic Passenger', seats: 9, doors: 4, bags: 6, fuels: ['diesel'] },
    { name: 'Mercedes-Benz Vito Tourer', seats: 8, doors: 4, bags: 5, fuels: ['diesel'] },
  ],
  electric: [
    { name: 'Tesla Model 3', seats: 5, doors: 4, bags: 3, fuels: ['electric'] },
    { name: 'Renault Megane E-Tech', seats: 5, doors: 5, bags: 2, fuels: ['electric'] },
    { name: 'Volkswagen ID.3', seats: 5, doors: 5, bags: 2, fuels: ['electric'] },
    { name: 'Kia EV6', seats: 5, doors: 5, bags: 3, fuels: ['electric'] },
    { name: 'Fiat 500e', seats: 4, doors: 3, bags: 1, fuels: ['electric'] },
  ],
};

type ClassProfile = {
  base: number;
  autoShare: number;
  deposit: number;
  excess: number;
  standard: number;
  full: number;
  minAge: 21 | 23 | 25;
  tankLitres: number;
  weight: number;
};

const CLASS_PROFILE: Record<CarClass, ClassProfile> = {
  mini: { base: 24, autoShare: 0.1, deposit: 300, excess: 950, standard: 8, full: 15, minAge: 21, tankLitres: 35, weight: 4 },
  economy: { base: 29, autoShare: 0.2, deposit: 350, excess: 1100, standard: 9, full: 17, minAge: 21, tankLitres: 42, weight: 5 },
  compact: { base: 37, autoShare: 0.35, deposit: 450, excess: 1300, standard: 10, full: 19, minAge: 21, tankLitres: 48, weight: 5 },
  intermediate: { base: 46, autoShare: 0.5, deposit: 550, excess: 1500, standard: 12, full: 22, minAge: 23, tankLitres: 52, weight: 3 },
  suv: { base: 58, autoShare: 0.6, deposit: 700, excess: 1800, standard: 13, full: 25, minAge: 23, tankLitres: 55, weight: 4 },
  premium: { base: 84, autoShare: 1, deposit: 1200, excess: 2600, standard: 17, full: 32, minAge: 25, tankLitres: 60, weight: 2 },
  van: { base: 92, autoShare: 0.45, deposit: 900, excess: 2200, standard: 15, full: 29, minAge: 25, tankLitres: 70, weight: 2 },
  electric: { base: 55, autoShare: 1, deposit: 800, excess: 1900, standard: 13, full: 24, minAge: 23, tankLitres: 0, weight: 3 },
};

/** Price level of car rental per city (EUR base). */
const CITY_FACTOR: Record<string, number> = {
  lisbon: 0.9, porto: 0.85, madrid: 0.95, barcelona: 1.0, paris: 1.15, lyon: 0.98, london: 1.22,
  amsterdam: 1.15, brussels: 1.02, berlin: 1.0, munich: 1.06, zurich: 1.38, vienna: 1.02,
  prague: 0.76, rome: 0.97, milan: 1.02, copenhagen: 1.24, dublin: 1.12,
};

const AGE_STEPS = [21, 23, 25] as const;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const roundTo = (x: number, step: number): number => Math.round(x / step) * step;

// ---------------------------------------------------------------------------------------------
// Generation

/** Peak periods of a city (local events): day indexes with higher prices and more sold-out cars. */
function peakDays(rng: Rng): Set<number> {
  const out = new Set<number>();
  const n = rng.int(1, 2);
  for (let k = 0; k < n; k++) {
    const start = rng.int(3, HORIZON_DAYS - 6);
    const len = rng.int(3, 5);
    for (let i = start; i < start + len && i < HORIZON_DAYS; i++) out.add(i);
  }
  return out;
}

function dateFactor(i: number, type: LocationType, peaks: Set<number>): number {
  const wd = weekday(addDays(WORLD_TODAY, i));
  // Summer: prices climb steadily from early June into late July.
  let f = 1 + 0.18 * (i / (HORIZON_DAYS - 1));
  if (type === 'downtown' ? wd === 5 || wd === 6 || wd === 0 : wd === 5 || wd === 6) f *= type === 'downtown' ? 1.1 : 1.06;
  if (peaks.has(i)) f *= 1.28;
  return f;
}

function pickClass(rng: Rng): CarClass {
  return rng.weighted(CAR_CLASSES.map((c) => [c, CLASS_PROFILE[c].weight] as const));
}

function genOffer(
  rng: Rng,
  city: City,
  loc: CarLocation,
  index: number,
  carClass: CarClass,
  supplier: Supplier,
  rating: number,
  peaks: Set<number>,
): CarOffer {
  const prof = CLASS_PROFILE[carClass];
  const model = rng.pick(MODELS[carClass]);
  const fuel = rng.pick(model.fuels);
  const automatic = fuel === 'hybrid' || fuel === 'electric' || rng.chance(prof.autoShare);
  const cityF = CITY_FACTOR[city.id] ?? 1;

  const base =
    prof.base * cityF * supplier.priceFactor * (loc.type === 'airport' ? 1.06 : 1) * (automatic && prof.autoShare < 1 ? 1.08 : 1) *
    rng.float(0.92, 1.08, 3);
  const dailyRates: number[] = [];
  for (let i = 0; i < HORIZON_DAYS; i++) {
    dailyRates.push(round2(Math.max(9, base * dateFactor(i, loc.type, peaks) * rng.float(0.97, 1.03, 3))));
  }

  // Sold-out days: most cars are free, some miss a few days, some are booked out for a stretch.
  const soldOut = new Set<number>();
  const r = rng.next();
  if (r < 0.3) {
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) soldOut.add(rng.int(0, HORIZON_DAYS - 1));
  } else if (r < 0.45) {
    const start = rng.int(0, HORIZON_DAYS - 4);
    const len = rng.int(3, 8);
    for (let i = start; i < start + len && i < HORIZON_DAYS; i++) soldOut.add(i);
  }
  if (rng.chance(carClass === 'mini' || carClass === 'economy' ? 0.4 : 0.2)) for (const i of peaks) soldOut.add(i);
  const soldOutDates = [...soldOut].sort((a, b) => a - b).map((i) => addDays(WORLD_TODAY, i));

  const limited = carClass !== 'premium' && rng.chance(supplier.limitedMileage);
  const mileageLimitKm = limited ? rng.pick([150, 200, 250, 300]) : 0;
  const extraKmFee = limited ? rng.pick([0.19, 0.22, 0.25, 0.29, 0.35]) : 0;
  const unlimitedUpgradePerDay = limited ? round2(rng.int(6, 13) + 0.5 * rng.int(0, 1)) : 0;

  let minAgeIdx = AGE_STEPS.indexOf(prof.minAge);
  if (rng.chance(0.25)) minAgeIdx = Math.min(2, minAgeIdx + 1);
  const minDriverAge = AGE_STEPS[minAgeIdx]!;

  const excessBasic = roundTo(prof.excess * supplier.depositFactor * rng.float(0.9, 1.1, 3), 50);
  const excessStandard = Math.max(100, roundTo(excessBasic * rng.float(0.25, 0.35, 3), 50));
  const ef = supplier.extrasFactor * (0.85 + 0.15 * cityF);
  const tankPrice = fuel === 'electric' ? 0 : round2(prof.tankLitres * (fuel === 'diesel' ? 1.72 : 1.86) * cityF + 15);

  // Rows are checked against CarOffer in the domain test; parsing 360 rows here would only cost time.
  return {
    id: `car-${city.id}-${loc.type}-${String(index + 1).padStart(2, '0')}`,
    cityId: city.id,
    locationId: loc.id,
    locationType: loc.type,
    supplier: supplier.name,
    supplierRating: rating,
    model: `${model.name} or similar`,
    carClass,
    seats: model.seats,
    doors: model.doors,
    bags: model.bags,
    transmission: automatic ? 'automatic' : 'manual',
    fuel,
    airConditioning: !(carClass === 'mini' && rng.chance(0.3)),
    unlimitedMileage: !limited,
    mileageLimitKm,
    extraKmFee,
    unlimitedUpgradePerDay,
    dailyRates,
    soldOutDates,
    deposit: roundTo(prof.deposit * supplier.depositFactor * cityF, 50),
    excessBasic,
    excessStandard,
    standardProtectionPerDay: round2(prof.standard * cityF * rng.float(0.9, 1.1, 2)),
    fullProtectionPerDay: round2(prof.full * cityF * rng.float(0.9, 1.1, 2)),
    minDriverAge,
    youngDriverFeePerDay: round2(supplier.youngFee * cityF + (carClass === 'premium' || carClass === 'van' ? 5 : 0)),
    locationFee: loc.type === 'airport' ? Math.round(supplier.airportFee * cityF) : 0,
    prepaidFuelPrice: tankPrice,
    prepaidFuelAvailable: fuel !== 'electric' && rng.chance(loc.type === 'airport' ? 0.85 : 0.6),
    freeCancellation: rng.chance(supplier.freeCancellation),
    gpsPerDay: round2(roundTo(9 * ef, 0.5)),
    childSeatPerDay: round2(roundTo(8 * ef, 0.5)),
    additionalDriverPerDay: round2(roundTo(11 * ef, 0.5)),
  };
}

function generate(rng: Rng): CarOffer[] {
  const rows: CarOffer[] = [];
  for (const city of CITIES) {
    const crng = rng.fork(city.id);
    const peaks = peakDays(crng);
    for (const loc of locationsOf(city)) {
      const lrng = crng.fork(loc.type);
      const present = loc.type === 'airport' ? lrng.shuffle(SUPPLIERS) : lrng.sample(SUPPLIERS, lrng.int(3, 4));
      // Desk ratings vary a little around the supplier's reputation.
      const ratings = new Map(present.map((s) => [s.name, Math.min(9.8, Math.max(5, Math.round((s.rating + lrng.float(-0.4, 0.4, 2)) * 10) / 10))]));
      const n = lrng.int(8, 12);
      // Every desk has the everyday classes; the rest is drawn by popularity.
      const drawn: CarClass[] = ['economy', 'compact', 'suv', 'mini'];
      while (drawn.length < n) drawn.push(pickClass(lrng));
      const classes = lrng.shuffle(drawn);
      for (let i = 0; i < n; i++) {
        const supplier = i < present.length ? present[i]! : lrng.pick(present);
        rows.push(genOffer(lrng, city, loc, i, classes[i]!, supplier, ratings.get(supplier.name)!, peaks));
      }
    }
  }
  return rows;
}

export const carsDomain: DomainModule<CarOffer> = {
  key: 'cars',
  schema: CarOffer,
  generate,
};
