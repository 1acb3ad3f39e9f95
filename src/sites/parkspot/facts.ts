import type { AttrValue, FactSpec } from '../engine/site-definition.js';
import { parkingLocationById, SECURITY_LABELS, type Security } from './domain.js';
import { NO_LIMIT_CM, SPACE_LABELS, type SpaceType } from './inventory.js';

const security = (v: AttrValue) => (Array.isArray(v) ? (v.length ? v.map((s) => SECURITY_LABELS[s as Security] ?? s).join(', ') : 'None') : String(v));

/** Every fact of a ParkSpot booking a task may check, as the review and confirmation pages show it. */
export const PARKSPOT_FACTS: FactSpec[] = [
  { field: 'location', label: 'Parking at', stage: 'search', kind: 'text', format: (v) => parkingLocationById(String(v))?.name ?? String(v) },
  { field: 'entryDate', label: 'Entry date', stage: 'search', kind: 'date' },
  { field: 'entryTime', label: 'Entry time', stage: 'search', kind: 'time' },
  { field: 'exitDate', label: 'Exit date', stage: 'search', kind: 'date' },
  { field: 'exitTime', label: 'Exit time', stage: 'search', kind: 'time' },
  { field: 'carPark', label: 'Car park', stage: 'selection', kind: 'text' },
  { field: 'operator', label: 'Operator', stage: 'selection', kind: 'text' },
  { field: 'transfer', label: 'To the terminal or centre', stage: 'selection', kind: 'text', format: (v) => (v === 'shuttle' ? 'Shuttle bus' : 'On foot') },
  { field: 'transferMin', label: 'Walk or shuttle time (minutes)', stage: 'selection', kind: 'number' },
  { field: 'covered', label: 'Covered', stage: 'selection', kind: 'flag' },
  { field: 'security', label: 'Security', stage: 'selection', kind: 'list', format: security },
  { field: 'evCharging', label: 'EV charging at the car park', stage: 'selection', kind: 'flag' },
  { field: 'heightLimitCm', label: 'Height limit (cm)', stage: 'selection', kind: 'number', format: (v) => (Number(v) >= NO_LIMIT_CM ? 'No limit' : `${v} cm`) },
  { field: 'rating', label: 'Rating (out of 5)', stage: 'selection', kind: 'number' },
  { field: 'spaceType', label: 'Space type', stage: 'selection', kind: 'text', format: (v) => SPACE_LABELS[v as SpaceType] ?? String(v) },
  { field: 'parkingPrice', label: 'Parking price for the whole stay', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
