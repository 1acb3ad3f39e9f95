import { addDays, daysBetween, HORIZON_DAYS, inHorizon, timeToMinutes, weekday, WORLD_TODAY } from '../../core/dates.js';
import type { SearchParams } from '../engine/site-definition.js';

/** The search, read into typed form. */
export type Rental = {
  locationId: string;
  pickupDate: string;
  pickupTime: string;
  dropoffDate: string;
  dropoffTime: string;
  driverAge: number;
  /** Rental days: started 24-hour blocks from pick-up to drop-off. */
  days: number;
};

export const MAX_RENTAL_DAYS = 30;
export const YOUNG_DRIVER_UNDER = 25;

/** Started 24-hour blocks between pick-up and drop-off; 0 or less when drop-off is not after pick-up. */
export function rentalDays(pickupDate: string, pickupTime: string, dropoffDate: string, dropoffTime: string): number {
  const minutes = daysBetween(pickupDate, dropoffDate) * 1440 + timeToMinutes(dropoffTime) - timeToMinutes(pickupTime);
  return minutes <= 0 ? 0 : Math.ceil(minutes / 1440);
}

const TIME = /^\d{2}:\d{2}$/;

/** The rental the params describe, or undefined when they are incomplete or inconsistent. */
export function readRental(params: SearchParams): Rental | undefined {
  const { pickupLocation, pickupDate, pickupTime, dropoffDate, dropoffTime } = params;
  const driverAge = Number(params.driverAge ?? 30);
  if (typeof pickupLocation !== 'string' || typeof pickupDate !== 'string' || typeof dropoffDate !== 'string') return undefined;
  if (typeof pickupTime !== 'string' || typeof dropoffTime !== 'string' || !TIME.test(pickupTime) || !TIME.test(dropoffTime)) return undefined;
  if (!inHorizon(pickupDate) || !inHorizon(dropoffDate) || !Number.isInteger(driverAge)) return undefined;
  const days = rentalDays(pickupDate, pickupTime, dropoffDate, dropoffTime);
  if (days < 1 || days > MAX_RENTAL_DAYS) return undefined;
  return { locationId: pickupLocation, pickupDate, pickupTime, dropoffDate, dropoffTime, driverAge, days };
}

/** Index of a date in the rate calendar (0 = world today). */
export function dayIndex(iso: string): number {
  return Math.min(HORIZON_DAYS - 1, Math.max(0, daysBetween(WORLD_TODAY, iso)));
}

/** Every calendar date the car is away, pick-up day to drop-off day inclusive. */
export function rentalDates(r: Rental): string[] {
  const n = daysBetween(r.pickupDate, r.dropoffDate);
  return Array.from({ length: n + 1 }, (_, i) => addDays(r.pickupDate, i));
}

export function isSunday(iso: string): boolean {
  return weekday(iso) === 0;
}
