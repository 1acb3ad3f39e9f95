import type { AttrValue, FactSpec } from '../engine/site-definition.js';
import { areaName } from './areas.js';
import { FACILITIES, PITCHES, SETTINGS } from './domain.js';
import { VEHICLES } from './inventory.js';

const pitchName = (v: AttrValue) => PITCHES[v as keyof typeof PITCHES]?.label ?? String(v);
const facilityList = (v: AttrValue) => (Array.isArray(v) ? v.map((f) => FACILITIES[f as keyof typeof FACILITIES] ?? f).join(', ') || 'None' : String(v));

/** Every fact of a Campfire booking a task may check: the search, the pitch, the package part (`package.`), the deposit. */
export const CAMPFIRE_FACTS: FactSpec[] = [
  { field: 'area', label: 'Area', stage: 'search', kind: 'text', format: (v) => areaName(v as string) },
  { field: 'date', label: 'Arrival', stage: 'search', kind: 'date' },
  { field: 'nights', label: 'Nights', stage: 'search', kind: 'text' },
  { field: 'adults', label: 'Adults', stage: 'search', kind: 'number' },
  { field: 'children', label: 'Children', stage: 'search', kind: 'number' },
  { field: 'pets', label: 'Pets', stage: 'search', kind: 'number' },
  { field: 'vehicle', label: 'Vehicle', stage: 'search', kind: 'text', format: (v) => VEHICLES[v as keyof typeof VEHICLES]?.label ?? String(v) },
  { field: 'campsiteName', label: 'Campsite', stage: 'selection', kind: 'text' },
  { field: 'setting', label: 'Setting', stage: 'selection', kind: 'text', format: (v) => SETTINGS[v as keyof typeof SETTINGS] ?? String(v) },
  { field: 'rating', label: 'Guest rating (out of 5)', stage: 'selection', kind: 'number' },
  { field: 'facilities', label: 'Facilities', stage: 'selection', kind: 'list', format: facilityList },
  { field: 'pool', label: 'Pool', stage: 'selection', kind: 'flag' },
  { field: 'shop', label: 'Shop', stage: 'selection', kind: 'flag' },
  { field: 'showers', label: 'Hot showers', stage: 'selection', kind: 'flag' },
  { field: 'wifi', label: 'Wi-Fi', stage: 'selection', kind: 'flag' },
  { field: 'petsAllowed', label: 'Pets allowed', stage: 'selection', kind: 'flag' },
  { field: 'maxVehicleM', label: 'Longest vehicle (m)', stage: 'selection', kind: 'number' },
  { field: 'pitchType', label: 'Pitch', stage: 'selection', kind: 'text', format: pitchName },
  { field: 'pitchSizeM2', label: 'Pitch size (m²)', stage: 'selection', kind: 'number' },
  { field: 'nightPrice', label: 'Pitch price a night for the party', stage: 'selection', kind: 'money' },
  { field: 'electricity', label: 'Electric hook-up', stage: 'selection', kind: 'flag' },
  { field: 'hookupNight', label: 'Hook-up price a night', stage: 'selection', kind: 'money' },
  { field: 'package.packageName', label: 'Package', stage: 'selection', kind: 'text' },
  { field: 'package.kind', label: 'Package type', stage: 'selection', kind: 'text', format: (v) => (v === 'rental' ? 'Equipment rental' : 'Activity') },
  { field: 'package.category', label: 'Package category', stage: 'selection', kind: 'text' },
  { field: 'package.provider', label: 'Package provider', stage: 'selection', kind: 'text' },
  { field: 'package.pricePerPerson', label: 'Package price per person', stage: 'selection', kind: 'money' },
  { field: 'package.packageDay', label: 'Package day', stage: 'selection', kind: 'date' },
  { field: 'firewood', label: 'Firewood bundle', stage: 'booking', kind: 'flag' },
  { field: 'lateCheckout', label: 'Late check-out', stage: 'booking', kind: 'flag' },
  { field: 'cancellationCover', label: 'Cancellation cover', stage: 'booking', kind: 'flag' },
  { field: 'stayPrice', label: 'Price of the stay', stage: 'booking', kind: 'money' },
  { field: 'deposit', label: 'Deposit paid now', stage: 'booking', kind: 'money' },
  { field: 'balanceOnArrival', label: 'To pay on arrival', stage: 'booking', kind: 'money' },
  { field: 'totalPrice', label: 'Paid now', stage: 'booking', kind: 'money' },
];
