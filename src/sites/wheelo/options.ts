import type { World } from '../../world/world.js';
import { carLocationById, carsDomain, type CarOffer } from './domain.js';
import type { ListingDetail, OptionGroup, SearchParams } from '../engine/site-definition.js';
import { CLASS_LABELS, searchCars } from './inventory.js';
import { eur, eurWhole } from './money.js';
import { readRental } from './rental.js';

/** Choice ids whose price is per rental day; every other priced choice is charged once. */
export const PER_DAY_CHOICES: ReadonlySet<string> = new Set(['standard', 'full', 'unlimited']);

/** How a priced choice reads as a line of the price breakdown. */
export const CHOICE_LINE: Readonly<Record<string, string>> = {
  standard: 'Standard protection',
  full: 'Full protection',
  unlimited: 'Unlimited mileage',
  prepaid: 'Pre-paid full tank',
};

function protectionGroup(row: CarOffer): OptionGroup {
  return {
    id: 'protection',
    label: 'Protection',
    display: 'list',
    choices: [
      {
        id: 'basic',
        label: 'Basic protection, included',
        description: `Collision damage waiver and theft protection; you pay up to ${eurWhole(row.excessBasic)} of any damage (excess).`,
        price: 0,
        attrs: { protection: 'basic', excess: row.excessBasic, zeroExcess: false },
      },
      {
        id: 'standard',
        label: 'Standard protection, per day',
        description: `Excess reduced to ${eurWhole(row.excessStandard)}; windscreen and tyres covered.`,
        price: row.standardProtectionPerDay,
        attrs: { protection: 'standard', excess: row.excessStandard, zeroExcess: false },
      },
      {
        id: 'full',
        label: 'Full protection (zero excess), per day',
        description: 'Nothing to pay for damage or theft; glass, tyres and roadside assistance included.',
        price: row.fullProtectionPerDay,
        attrs: { protection: 'full', excess: 0, zeroExcess: true },
      },
    ],
  };
}

function mileageGroup(row: CarOffer): OptionGroup {
  return {
    id: 'mileage',
    label: 'Mileage',
    display: 'list',
    choices: [
      {
        id: 'limited',
        label: `${row.mileageLimitKm} km per day, included`,
        description: `Each extra km costs ${eur(row.extraKmFee)}, charged at drop-off.`,
        price: 0,
        attrs: { mileage: 'limited', unlimitedMileage: false, mileageLimitKm: row.mileageLimitKm },
      },
      {
        id: 'unlimited',
        label: 'Unlimited mileage, per day',
        description: 'Drive as far as you like, no extra km charges.',
        price: row.unlimitedUpgradePerDay,
        attrs: { mileage: 'unlimited', unlimitedMileage: true, mileageLimitKm: 0 },
      },
    ],
  };
}

function fuelGroup(row: CarOffer): OptionGroup {
  return {
    id: 'fuel',
    label: 'Fuel policy',
    display: 'list',
    choices: [
      {
        id: 'full-to-full',
        label: 'Full to full, included',
        description: 'Pick the car up with a full tank and return it full. A refuelling charge applies otherwise.',
        price: 0,
        attrs: { fuelPolicy: 'full-to-full' },
      },
      {
        id: 'prepaid',
        label: 'Pre-paid full tank, once',
        description: row.prepaidFuelAvailable
          ? 'Return the car at any fuel level; unused fuel is not refunded.'
          : 'Not offered at this desk.',
        price: row.prepaidFuelPrice,
        soldOut: !row.prepaidFuelAvailable,
        attrs: { fuelPolicy: 'prepaid' },
      },
    ],
  };
}

/** Why a car has no page for this search: the desk, the driver's age or the dates. */
export function carUnavailable(world: World, params: SearchParams, listingId: string): string | undefined {
  const r = readRental(params);
  const row = world.find(carsDomain, listingId);
  if (!row) return undefined;
  if (!r) return 'Your search is incomplete: choose a pick-up desk, dates and times to see this car.';
  if (row.locationId !== r.locationId) return `This car is rented from another desk (${carLocationById(row.locationId)?.name ?? row.locationId}), not from the one in your search.`;
  if (r.driverAge < row.minDriverAge) return `This car needs a main driver aged ${row.minDriverAge} or over; the driver in your search is ${r.driverAge}.`;
  return undefined;
}

export function carDetail(world: World, params: SearchParams, listingId: string): ListingDetail | undefined {
  const r = readRental(params);
  const row = world.find(carsDomain, listingId);
  if (!r || !row || row.locationId !== r.locationId) return undefined;
  const listing = searchCars(world, params).find((l) => l.id === listingId);
  if (!listing) return undefined;
  const loc = carLocationById(row.locationId);

  const description = [
    `${row.model} (${CLASS_LABELS[row.carClass].toLowerCase()} class) from ${row.supplier}, rated ${row.supplierRating.toFixed(1)}/10 by renters at this desk. The exact model is not guaranteed; you get this car or a similar one of the same class.`,
    `Pick-up at ${loc?.name ?? row.locationId} (${loc?.address ?? ''}) on ${r.pickupDate} at ${r.pickupTime}; drop-off at the same desk on ${r.dropoffDate} at ${r.dropoffTime}: ${r.days} rental day${r.days === 1 ? '' : 's'} (every started 24 hours counts as a day).`,
    `A deposit of ${eurWhole(row.deposit)} is blocked on the main driver's credit card at pick-up. The main driver must be at least ${row.minDriverAge} and have held a licence for a year; drivers under 25 pay a young driver fee.`,
    row.freeCancellation
      ? 'Free cancellation up to 48 hours before pick-up.'
      : 'Non-refundable: this rate cannot be cancelled or changed once booked.',
  ];
  if (row.locationFee > 0) description.push(`An airport surcharge of ${eur(row.locationFee)} is added to every rental from this desk.`);

  const facts = [
    { label: 'Car', value: `${row.seats} seats, ${row.doors} doors, ${row.bags} bag${row.bags === 1 ? '' : 's'}` },
    { label: 'Gearbox', value: row.transmission === 'automatic' ? 'Automatic' : 'Manual' },
    { label: 'Fuel', value: row.fuel.charAt(0).toUpperCase() + row.fuel.slice(1) },
    { label: 'Air conditioning', value: row.airConditioning ? 'Yes' : 'No' },
    { label: 'Mileage', value: row.unlimitedMileage ? 'Unlimited' : `${row.mileageLimitKm} km/day, then ${eur(row.extraKmFee)}/km` },
    { label: 'Deposit', value: eurWhole(row.deposit) },
    { label: 'Damage excess', value: eurWhole(row.excessBasic) },
    { label: 'Minimum driver age', value: String(row.minDriverAge) },
    { label: 'Cancellation', value: row.freeCancellation ? 'Free up to 48 h before pick-up' : 'Non-refundable' },
  ];

  const optionGroups = [protectionGroup(row)];
  if (!row.unlimitedMileage) optionGroups.push(mileageGroup(row));
  if (row.fuel !== 'electric') optionGroups.push(fuelGroup(row));
  return { listing, description, facts, optionGroups };
}
