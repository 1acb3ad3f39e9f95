import type { FactSpec } from '../engine/site-definition.js';
import { cityLabel } from '../engine/city-search.js';
import { SPECIALTY_LABELS, type Specialty } from './domain.js';

/** Every fact of a MediBook appointment a task may check, as the review and confirmation pages show it. */
export const MEDIBOOK_FACTS: FactSpec[] = [
  { field: 'specialty', label: 'Specialty', stage: 'search', kind: 'text', format: (v) => SPECIALTY_LABELS[v as Specialty] ?? String(v) },
  { field: 'city', label: 'City', stage: 'search', kind: 'text', format: (v) => cityLabel(String(v)) ?? String(v) },
  { field: 'visit', label: 'Consultation', stage: 'search', kind: 'text', format: (v) => (v === 'video' ? 'Video call' : 'In person') },
  { field: 'practitioner', label: 'Practitioner', stage: 'selection', kind: 'text' },
  { field: 'clinic', label: 'Clinic', stage: 'selection', kind: 'text' },
  { field: 'neighbourhood', label: 'Neighbourhood', stage: 'selection', kind: 'text' },
  { field: 'gender', label: 'Practitioner’s gender', stage: 'selection', kind: 'text', format: (v) => (v === 'female' ? 'Female' : 'Male') },
  { field: 'languages', label: 'Speaks', stage: 'selection', kind: 'list' },
  { field: 'rating', label: 'Patient rating (out of 5)', stage: 'selection', kind: 'number' },
  { field: 'newPatients', label: 'Accepts new patients', stage: 'selection', kind: 'flag' },
  { field: 'wheelchairAccess', label: 'Wheelchair access', stage: 'selection', kind: 'flag' },
  { field: 'appointmentKind', label: 'Type of appointment', stage: 'selection', kind: 'text' },
  { field: 'appointmentDate', label: 'Appointment date', stage: 'selection', kind: 'date' },
  { field: 'appointmentTime', label: 'Appointment time', stage: 'selection', kind: 'time' },
  { field: 'visitFee', label: 'Fee for this appointment (paid at the clinic)', stage: 'selection', kind: 'money' },
  { field: 'totalPrice', label: 'Total to pay at the clinic', stage: 'booking', kind: 'money' },
];
