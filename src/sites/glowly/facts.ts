import type { FactSpec } from '../engine/site-definition.js';
import { cityLabel } from '../engine/city-search.js';
import { CATEGORY_LABELS, LEVEL_LABELS, type Category, type Level } from './domain.js';

/** Every fact of a Glowly appointment a task may check, as the review and confirmation pages show it. */
export const GLOWLY_FACTS: FactSpec[] = [
  { field: 'category', label: 'Treatment type', stage: 'search', kind: 'text', format: (v) => CATEGORY_LABELS[v as Category] ?? String(v) },
  { field: 'city', label: 'City', stage: 'search', kind: 'text', format: (v) => cityLabel(String(v)) ?? String(v) },
  { field: 'service', label: 'Service', stage: 'selection', kind: 'text' },
  { field: 'durationMin', label: 'Length (minutes)', stage: 'selection', kind: 'number' },
  { field: 'servicePrice', label: 'Service price (paid at the salon)', stage: 'selection', kind: 'money' },
  { field: 'staff', label: 'With', stage: 'selection', kind: 'text' },
  { field: 'level', label: 'Level', stage: 'selection', kind: 'text', format: (v) => LEVEL_LABELS[v as Level] ?? String(v) },
  { field: 'salon', label: 'Salon', stage: 'selection', kind: 'text' },
  { field: 'neighbourhood', label: 'Neighbourhood', stage: 'selection', kind: 'text' },
  { field: 'gender', label: 'Staff member', stage: 'selection', kind: 'text', format: (v) => (v === 'female' ? 'Woman' : 'Man') },
  { field: 'languages', label: 'Speaks', stage: 'selection', kind: 'list' },
  { field: 'rating', label: 'Rating (out of 5)', stage: 'selection', kind: 'number' },
  { field: 'date', label: 'Appointment day', stage: 'selection', kind: 'date' },
  { field: 'time', label: 'Appointment time', stage: 'selection', kind: 'time' },
  { field: 'totalPrice', label: 'Total to pay at the salon', stage: 'booking', kind: 'money' },
];
