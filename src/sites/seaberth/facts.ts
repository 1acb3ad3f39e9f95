import type { AttrValue, FactSpec } from '../engine/site-definition.js';
import { GRADES } from './domain.js';
import { diningLabel } from './inventory.js';
import { portName } from './ports.js';

const gradeName = (v: AttrValue) => GRADES[v as keyof typeof GRADES]?.label ?? String(v);
const list = (v: AttrValue) => (Array.isArray(v) ? v.join(', ') : String(v));

/** Every fact of a Seaberth booking a task may check: the search, the sailing and its cabin, the excursion part (`excursion.`). */
export const SEABERTH_FACTS: FactSpec[] = [
  { field: 'port', label: 'Departure port', stage: 'search', kind: 'text', format: (v) => portName(v as string) },
  { field: 'month', label: 'Month', stage: 'search', kind: 'text' },
  { field: 'adults', label: 'Adults', stage: 'search', kind: 'number' },
  { field: 'children', label: 'Children', stage: 'search', kind: 'number' },
  { field: 'line', label: 'Cruise line', stage: 'selection', kind: 'text' },
  { field: 'ship', label: 'Ship', stage: 'selection', kind: 'text' },
  { field: 'departDate', label: 'Departure date', stage: 'selection', kind: 'date' },
  { field: 'returnDate', label: 'Return date', stage: 'selection', kind: 'date' },
  { field: 'nights', label: 'Nights', stage: 'selection', kind: 'number' },
  { field: 'ports', label: 'Ports of call', stage: 'selection', kind: 'list', format: list },
  { field: 'cabin', label: 'Cabin', stage: 'selection', kind: 'text' },
  { field: 'deck', label: 'Deck', stage: 'selection', kind: 'number' },
  { field: 'grade', label: 'Cabin grade', stage: 'selection', kind: 'text', format: gradeName },
  { field: 'position', label: 'Position', stage: 'selection', kind: 'text' },
  { field: 'accessible', label: 'Accessible cabin', stage: 'selection', kind: 'flag' },
  { field: 'sleeps', label: 'Cabin sleeps', stage: 'selection', kind: 'number' },
  { field: 'fare', label: 'Cabin fare per person', stage: 'selection', kind: 'money' },
  { field: 'farePerNight', label: 'Fare per person a night', stage: 'selection', kind: 'money' },
  { field: 'dining', label: 'Dining', stage: 'selection', kind: 'text', format: (v) => diningLabel(String(v)) },
  { field: 'excursion.excursionName', label: 'Excursion', stage: 'selection', kind: 'text' },
  { field: 'excursion.excursionPort', label: 'Excursion port', stage: 'selection', kind: 'text' },
  { field: 'excursion.excursionDay', label: 'Excursion day', stage: 'selection', kind: 'date' },
  { field: 'excursion.level', label: 'Excursion activity level', stage: 'selection', kind: 'text' },
  { field: 'excursion.adultPrice', label: 'Excursion price per adult', stage: 'selection', kind: 'money' },
  { field: 'excursion.startTime', label: 'Excursion starts at', stage: 'selection', kind: 'time' },
  { field: 'drinksPackage', label: 'Drinks package', stage: 'booking', kind: 'flag' },
  { field: 'cabinWifi', label: 'Cabin Wi-Fi', stage: 'booking', kind: 'flag' },
  { field: 'insurance', label: 'Cruise insurance', stage: 'booking', kind: 'flag' },
  { field: 'nationalities', label: 'Nationalities', stage: 'booking', kind: 'list', format: list },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
