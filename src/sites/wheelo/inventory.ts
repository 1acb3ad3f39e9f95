import type { World } from '../../world/world.js';
import { carLocationById, carsDomain, type CarClass, type CarOffer } from './domain.js';
import type { Listing, SearchParams } from '../engine/site-definition.js';
import { eur, fromCents, toCents } from './money.js';
import { dayIndex, readRental, rentalDates, YOUNG_DRIVER_UNDER, type Rental } from './rental.js';

export const CLASS_LABELS: Record<CarClass, string> = {
  mini: 'Mini',
  economy: 'Economy',
  compact: 'Compact',
  intermediate: 'Intermediate / estate',
  suv: 'SUV',
  premium: 'Premium',
  van: 'Van / people carrier',
  electric: 'Electric',
};

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Offers by pick-up location, built once per world. */
const byLocation = new WeakMap<World, Map<string, CarOffer[]>>();

export function offersAt(world: World, locationId: string): readonly CarOffer[] {
  let index = byLocation.get(world);
  if (!index) {
    index = new Map();
    for (const row of world.all(carsDomain)) {
      const list = index.get(row.locationId);
      if (list) list.push(row);
      else index.set(row.locationId, [row]);
    }
    byLocation.set(world, index);
  }
  return index.get(locationId) ?? [];
}

/** Sum of the car's daily rates over the rental, in cents. */
function rentalCents(row: CarOffer, r: Rental): number {
  const start = dayIndex(r.pickupDate);
  let cents = 0;
  for (let i = 0; i < r.days; i++) cents += toCents(row.dailyRates[Math.min(row.dailyRates.length - 1, start + i)]!);
  return cents;
}

function available(row: CarOffer, r: Rental): boolean {
  if (row.soldOutDates.length === 0) return true;
  const out = new Set(row.soldOutDates);
  return !rentalDates(r).some((d) => out.has(d));
}

function toListing(row: CarOffer, r: Rental): Listing {
  const carCents = rentalCents(row, r);
  const young = r.driverAge < YOUNG_DRIVER_UNDER;
  const youngFeeCents = young ? toCents(row.youngDriverFeePerDay) * r.days : 0;
  const totalCents = carCents + youngFeeCents + toCents(row.locationFee);
  const pricePerDay = Math.round(carCents / r.days) / 100;
  const totalPrice = fromCents(totalCents);
  const soldOut = !available(row, r);
  const loc = carLocationById(row.locationId);
  const mileage = row.unlimitedMileage ? 'Unlimited' : `${row.mileageLimitKm} km/day`;

  const badges: string[] = [];
  if (row.freeCancellation) badges.push('Free cancellation');
  if (row.unlimitedMileage) badges.push('Unlimited mileage');
  if (row.fuel === 'electric') badges.push('Electric');
  else if (row.fuel === 'hybrid') badges.push('Hybrid');
  if (young) badges.push('Young driver fee applies');
  if (soldOut) badges.push('Sold out for these dates');

  return {
    id: row.id,
    title: row.model,
    subtitle: `${CLASS_LABELS[row.carClass]} · ${row.supplier} (${row.supplierRating.toFixed(1)}/10)`,
    badges,
    facts: [
      { label: 'Car', value: `${row.seats} seats · ${row.bags} bag${row.bags === 1 ? '' : 's'} · ${cap(row.transmission)} · ${cap(row.fuel)}` },
      { label: 'Mileage', value: mileage },
      { label: 'Total', value: `${eur(totalPrice)} for ${r.days} day${r.days === 1 ? '' : 's'}` },
    ],
    price: pricePerDay,
    priceUnit: 'per day',
    soldOut,
    attrs: {
      carClass: row.carClass,
      model: row.model,
      supplier: row.supplier,
      supplierRating: row.supplierRating,
      transmission: row.transmission,
      fuel: row.fuel,
      seats: row.seats,
      doors: row.doors,
      bags: row.bags,
      airConditioning: row.airConditioning,
      unlimitedMileage: row.unlimitedMileage,
      mileageLimitKm: row.mileageLimitKm,
      pricePerDay,
      days: r.days,
      rentalPrice: fromCents(carCents),
      youngDriverFee: young ? row.youngDriverFeePerDay : 0,
      airportSurcharge: row.locationFee,
      totalPrice,
      deposit: row.deposit,
      excess: row.excessBasic,
      minDriverAge: row.minDriverAge,
      freeCancellation: row.freeCancellation,
      fuelPolicy: 'full-to-full',
      city: row.cityId,
      locationType: row.locationType,
      locationName: loc?.name ?? row.locationId,
      gpsPerDay: row.gpsPerDay,
      childSeatPerDay: row.childSeatPerDay,
      additionalDriverPerDay: row.additionalDriverPerDay,
      recommendedRank: 0,
    },
  };
}

/** "Recommended": bookable first, then value for money (price weighed against the desk's rating). */
function recommendScore(l: Listing): number {
  const rating = Number(l.attrs.supplierRating);
  const cancel = l.attrs.freeCancellation === true ? 0.95 : 1;
  return (l.price / Math.max(1, rating - 4)) * cancel;
}

/** Every car at the pick-up desk the driver is old enough for, recommended order. */
export function searchCars(world: World, params: SearchParams): Listing[] {
  const r = readRental(params);
  if (!r) return [];
  const listings = offersAt(world, r.locationId)
    .filter((row) => r.driverAge >= row.minDriverAge)
    .map((row) => toListing(row, r));
  listings.sort((a, b) => Number(a.soldOut) - Number(b.soldOut) || recommendScore(a) - recommendScore(b) || a.id.localeCompare(b.id));
  listings.forEach((l, i) => {
    l.attrs.recommendedRank = i + 1;
  });
  return listings;
}
