import { cityName } from '../engine/city-search.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, roundUpNice, sentences } from '../kit/phrasing.js';
import { SPECIALTY_LABELS, type Specialty } from './domain.js';

/**
 * MediBook (medical appointments): what kind of practitioner, where, on which day (the day of the
 * appointment booked, not the day the search starts from), in person or by video; then who (a
 * named practitioner, a language, a gender, a rating, new patients, wheelchair access), the kind
 * of appointment, the time of day and the fee.
 */

const num = (t: Target, k: string) => Number(t.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);

/** "a dermatologist", "a GP", "an eye doctor". */
const SPECIALTY_NOUNS: Record<Specialty, string> = {
  gp: 'a GP',
  dentist: 'a dentist',
  dermatology: 'a dermatologist',
  paediatrics: 'a paediatrician',
  physiotherapy: 'a physiotherapist',
  gynaecology: 'a gynaecologist',
  ophthalmology: 'an eye doctor',
  cardiology: 'a cardiologist',
  psychology: 'a psychologist',
  ent: 'an ENT specialist',
};

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const specialty = str(t, 'specialty') as Specialty;
  const city = str(t, 'city');
  const day = str(t, 'appointmentDate');
  out.push({ role: 'key', constraint: { id: 'specialty', kind: 'exact', stage: 'search', field: 'specialty', value: specialty }, phrases: clauses('specialty', [{ id: 'with', text: `with ${SPECIALTY_NOUNS[specialty]}` }, { id: 'see', text: `to see ${SPECIALTY_NOUNS[specialty]}` }]) });
  out.push({ role: 'key', constraint: { id: 'city', kind: 'exact', stage: 'search', field: 'city', value: city }, phrases: clauses('city', [{ id: 'in', text: `in ${cityName(city)}` }]) });
  out.push({ role: 'key', constraint: { id: 'appointment-date', kind: 'exact', stage: 'selection', field: 'appointmentDate', value: day }, phrases: clauses('appointment-date', datePhrases(day)) });
  const visit = str(t, 'visit');
  out.push({ role: 'core', constraint: { id: 'visit', kind: 'exact', stage: 'search', field: 'visit', value: visit }, phrases: visit === 'video' ? clauses('visit', [{ id: 'video', text: 'as a video consultation' }, { id: 'online', text: 'by video call' }]) : clauses('visit', [{ id: 'in-person', text: 'in person' }, { id: 'at-clinic', text: 'at the clinic (not by video)' }]) });

  // Who.
  const name = str(t, 'practitioner');
  out.push({ role: 'refine', constraint: { id: 'practitioner', kind: 'exact', stage: 'selection', field: 'practitioner', value: name }, phrases: sentences('practitioner', [{ id: 'want', text: `I want to see ${name}.` }, { id: 'book', text: `Book it with ${name}.` }]), matchesListing: (l) => l.attrs.practitioner === name });
  const languages = Array.isArray(t.attrs.languages) ? t.attrs.languages.map(String) : [];
  const foreign = languages.filter((l) => l !== 'English');
  const lang = foreign.length > 0 ? foreign[foreign.length - 1]! : 'English';
  out.push({ role: 'refine', constraint: { id: 'language', kind: 'set', stage: 'selection', field: 'languages', mode: 'includes_all', values: [lang] }, phrases: clauses('language', [{ id: 'speaks', text: `who speaks ${lang}` }]), matchesListing: (l) => Array.isArray(l.attrs.languages) && l.attrs.languages.includes(lang) });
  const gender = str(t, 'gender');
  out.push({ role: 'refine', constraint: { id: 'gender', kind: 'exact', stage: 'selection', field: 'gender', value: gender }, phrases: sentences('gender', [{ id: 'prefer', text: `I'd like a ${gender} practitioner.` }]), matchesListing: (l) => l.attrs.gender === gender });
  const rating = num(t, 'rating');
  if (rating >= 4) {
    const min = rating >= 4.5 ? 4.5 : 4;
    out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min }, phrases: clauses('rating-min', [{ id: 'rated', text: `rated ${min.toFixed(1)} or better by patients` }]), matchesListing: (l) => Number(l.attrs.rating) >= min });
  }
  if (t.attrs.newPatients === true) out.push({ role: 'refine', constraint: { id: 'new-patients', kind: 'exact', stage: 'selection', field: 'newPatients', value: true }, phrases: sentences('new-patients', [{ id: 'new', text: "I'm a new patient, so they must accept new patients." }]), matchesListing: (l) => l.attrs.newPatients === true });
  if (t.attrs.wheelchairAccess === true && visit !== 'video') out.push({ role: 'refine', constraint: { id: 'wheelchair', kind: 'exact', stage: 'selection', field: 'wheelchairAccess', value: true }, phrases: sentences('wheelchair', [{ id: 'need', text: 'I use a wheelchair, so the clinic needs wheelchair access.' }]), matchesListing: (l) => l.attrs.wheelchairAccess === true });

  // The appointment.
  const kind = str(t, 'appointmentKind');
  out.push({ role: 'refine', constraint: { id: 'kind', kind: 'exact', stage: 'selection', field: 'appointmentKind', value: kind }, phrases: clauses('kind', [{ id: 'for', text: `for a ${kind.toLowerCase()}` }]) });
  const time = str(t, 'appointmentTime');
  const h = Number(time.slice(0, 2));
  if (h < 12) {
    const before = `${String(h + 1).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'time-before', kind: 'time_window', stage: 'selection', field: 'appointmentTime', before }, phrases: clauses('time-before', beforePhrases(before, 'starting')) });
  } else {
    const after = `${String(h).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'time-after', kind: 'time_window', stage: 'selection', field: 'appointmentTime', after }, phrases: clauses('time-after', afterPhrases(after, 'starting')) });
  }
  out.push({ role: 'refine', constraint: { id: 'time', kind: 'exact', stage: 'selection', field: 'appointmentTime', value: time }, phrases: clauses('time', [{ id: 'at', text: `at ${time}` }]) });
  const fee = roundUpNice(num(t, 'visitFee'));
  out.push({ role: 'refine', constraint: { id: 'fee-max', kind: 'range', stage: 'selection', field: 'visitFee', max: fee }, phrases: sentences('fee-max', [{ id: 'pay', text: `The appointment should cost no more than €${fee}.` }, { id: 'fee', text: `Keep the fee at €${fee} or less.` }]) });
  return out;
}

export const medibookTasks: TaskCatalogue = {
  siteId: 'medibook',
  intros: ['Book an appointment', 'Make me an appointment', 'Please book a visit', 'I need an appointment'],
  candidates,
  superlatives: [
    { id: 'earliest', field: 'appointmentTime', objective: 'min', phrases: sentences('earliest', [{ id: 'pick', text: 'Take the earliest free time that fits.' }]) },
    { id: 'latest', field: 'appointmentTime', objective: 'max', phrases: sentences('latest', [{ id: 'pick', text: 'Take the latest free time that day among those that fit.' }]) },
    { id: 'best-rated', field: 'rating', objective: 'max', phrases: sentences('best-rated', [{ id: 'pick', text: 'Of the practitioners that fit, pick the best rated.' }]) },
    { id: 'cheapest', field: 'visitFee', objective: 'min', phrases: sentences('cheapest', [{ id: 'pick', text: 'Pay the lowest fee you can among the appointments that fit.' }]) },
  ],
};
