import type { Amenity } from './domain.js';
import { cityById } from '../../world/geography.js';
import type { FactSpec } from '../engine/site-definition.js';
import { AMENITY_LABELS } from './look.js';
import { RATE_NAMES, type RateId } from './stay.js';

/** Every fact of a Staywell booking a task may check, as the review and confirmation pages show it. */
export const STAYWELL_FACTS: FactSpec[] = [
  { field: 'destination', label: 'Destination', stage: 'search', kind: 'text', format: (v) => cityById(String(v))?.name ?? String(v) },
  { field: 'checkIn', label: 'Check-in date', stage: 'search', kind: 'date' },
  { field: 'checkOut', label: 'Check-out date', stage: 'search', kind: 'date' },
  { field: 'nights', label: 'Nights', stage: 'selection', kind: 'number' },
  { field: 'adults', label: 'Adults', stage: 'search', kind: 'number' },
  { field: 'children', label: 'Children', stage: 'search', kind: 'number' },
  { field: 'rooms', label: 'Rooms', stage: 'search', kind: 'number' },
  { field: 'hotel', label: 'Hotel', stage: 'selection', kind: 'text' },
  { field: 'stars', label: 'Stars', stage: 'selection', kind: 'number' },
  { field: 'rating', label: 'Guest rating (out of 10)', stage: 'selection', kind: 'number' },
  { field: 'reviewCount', label: 'Guest reviews', stage: 'selection', kind: 'number' },
  { field: 'neighbourhood', label: 'Area', stage: 'selection', kind: 'text' },
  { field: 'distanceKm', label: 'Distance from the centre', stage: 'selection', kind: 'number', format: (v) => `${v} km` },
  { field: 'amenities', label: 'Amenities', stage: 'selection', kind: 'list', format: (v) => (Array.isArray(v) ? v.map((a) => AMENITY_LABELS[a as Amenity] ?? a).join(', ') : String(v)) },
  { field: 'checkInTime', label: 'Check-in from', stage: 'selection', kind: 'time' },
  { field: 'checkOutTime', label: 'Check-out until', stage: 'selection', kind: 'time' },
  { field: 'room', label: 'Room', stage: 'selection', kind: 'text' },
  { field: 'roomSizeM2', label: 'Room size', stage: 'selection', kind: 'number', format: (v) => `${v} m²` },
  { field: 'rate', label: 'Rate', stage: 'selection', kind: 'text', format: (v) => RATE_NAMES[v as RateId] ?? String(v) },
  { field: 'freeCancellation', label: 'Free cancellation', stage: 'selection', kind: 'flag' },
  { field: 'breakfast', label: 'Breakfast included', stage: 'selection', kind: 'flag' },
  { field: 'nightlyPrice', label: 'Room price per night, per room (before city tax)', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
