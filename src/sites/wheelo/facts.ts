import type { CarClass } from './domain.js';
import type { FactSpec } from '../engine/site-definition.js';
import { CLASS_LABELS } from './inventory.js';
import { locationLabel } from './locations.js';

const cap = (v: unknown) => String(v).charAt(0).toUpperCase() + String(v).slice(1);
const PROTECTION: Record<string, string> = { basic: 'Basic (included)', standard: 'Standard', full: 'Full (zero excess)' };
const FUEL_POLICY: Record<string, string> = { 'full-to-full': 'Full to full', prepaid: 'Pre-paid full tank' };

/** Every fact of a Wheelo rental a task may check, as the review and confirmation pages show it. */
export const WHEELO_FACTS: FactSpec[] = [
  { field: 'pickupLocation', label: 'Pick-up and drop-off desk', stage: 'search', kind: 'text', format: (v) => locationLabel(String(v)) ?? String(v) },
  { field: 'pickupDate', label: 'Pick-up date', stage: 'search', kind: 'date' },
  { field: 'pickupTime', label: 'Pick-up time', stage: 'search', kind: 'time' },
  { field: 'dropoffDate', label: 'Drop-off date', stage: 'search', kind: 'date' },
  { field: 'dropoffTime', label: 'Drop-off time', stage: 'search', kind: 'time' },
  { field: 'days', label: 'Rental days', stage: 'selection', kind: 'number' },
  { field: 'driverAge', label: "Main driver's age", stage: 'search', kind: 'number' },
  { field: 'model', label: 'Car', stage: 'selection', kind: 'text' },
  { field: 'carClass', label: 'Car class', stage: 'selection', kind: 'text', format: (v) => CLASS_LABELS[v as CarClass] ?? String(v) },
  { field: 'supplier', label: 'Supplier', stage: 'selection', kind: 'text' },
  { field: 'supplierRating', label: 'Supplier rating (out of 10)', stage: 'selection', kind: 'number' },
  { field: 'transmission', label: 'Gearbox', stage: 'selection', kind: 'text', format: cap },
  { field: 'fuel', label: 'Fuel', stage: 'selection', kind: 'text', format: cap },
  { field: 'seats', label: 'Seats', stage: 'selection', kind: 'number' },
  { field: 'bags', label: 'Bags', stage: 'selection', kind: 'number' },
  { field: 'airConditioning', label: 'Air conditioning', stage: 'selection', kind: 'flag' },
  { field: 'freeCancellation', label: 'Free cancellation', stage: 'selection', kind: 'flag' },
  { field: 'pricePerDay', label: 'Daily rate for the car (before cover, fees and extras)', stage: 'selection', kind: 'money' },
  { field: 'deposit', label: 'Security deposit', stage: 'selection', kind: 'money' },
  { field: 'protection', label: 'Protection', stage: 'selection', kind: 'text', format: (v) => PROTECTION[String(v)] ?? String(v) },
  { field: 'excess', label: 'Damage excess', stage: 'selection', kind: 'money' },
  { field: 'mileage', label: 'Mileage', stage: 'selection', kind: 'text', format: (v) => (v === 'unlimited' ? 'Unlimited' : 'Limited') },
  { field: 'unlimitedMileage', label: 'Unlimited mileage', stage: 'selection', kind: 'flag' },
  { field: 'mileageLimitKm', label: 'Kilometres included per day (0 = unlimited)', stage: 'selection', kind: 'number' },
  { field: 'fuelPolicy', label: 'Fuel policy', stage: 'selection', kind: 'text', format: (v) => FUEL_POLICY[String(v)] ?? String(v) },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
