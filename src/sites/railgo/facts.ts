import type { FactSpec } from '../engine/site-definition.js';
import { AMENITY_LABEL, CLASS_LABEL, FARE_LABEL, RAILCARDS } from './inventory.js';
import { stationName } from './stations.js';

/** Every fact of a RailGo booking a task may check, as the review and confirmation pages show it. */
export const RAILGO_FACTS: FactSpec[] = [
  { field: 'origin', label: 'From', stage: 'search', kind: 'text', format: (v) => stationName(String(v)) },
  { field: 'destination', label: 'To', stage: 'search', kind: 'text', format: (v) => stationName(String(v)) },
  { field: 'date', label: 'Travel date', stage: 'search', kind: 'date' },
  { field: 'adults', label: 'Adults', stage: 'search', kind: 'number' },
  { field: 'children', label: 'Children (4-11)', stage: 'search', kind: 'number' },
  { field: 'railcard', label: 'Railcard', stage: 'search', kind: 'text', format: (v) => RAILCARDS[v as keyof typeof RAILCARDS]?.label ?? String(v) },
  { field: 'operator', label: 'Operator', stage: 'selection', kind: 'text' },
  { field: 'trainNumber', label: 'Train', stage: 'selection', kind: 'text' },
  { field: 'departTime', label: 'Departs at', stage: 'selection', kind: 'time' },
  { field: 'arriveTime', label: 'Arrives at', stage: 'selection', kind: 'time' },
  { field: 'arriveNextDay', label: 'Arrives the next day', stage: 'selection', kind: 'flag' },
  { field: 'durationMin', label: 'Journey time', stage: 'selection', kind: 'duration' },
  { field: 'changes', label: 'Changes', stage: 'selection', kind: 'number' },
  { field: 'changeStations', label: 'Change at', stage: 'selection', kind: 'list' },
  { field: 'nightTrain', label: 'Night train', stage: 'selection', kind: 'flag' },
  { field: 'amenities', label: 'On board', stage: 'selection', kind: 'list', format: (v) => (Array.isArray(v) ? (v.length ? v.map((a) => AMENITY_LABEL[a] ?? a).join(', ') : 'None') : String(v)) },
  { field: 'travelClass', label: 'Class', stage: 'selection', kind: 'text', format: (v) => CLASS_LABEL[v as keyof typeof CLASS_LABEL] ?? String(v) },
  { field: 'fare', label: 'Fare', stage: 'selection', kind: 'text', format: (v) => FARE_LABEL[v as keyof typeof FARE_LABEL] ?? String(v) },
  { field: 'refundable', label: 'Refundable', stage: 'selection', kind: 'flag' },
  { field: 'fullyRefundable', label: 'Fully refundable', stage: 'selection', kind: 'flag' },
  { field: 'adultFare', label: 'Fare per adult (railcard applied)', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
