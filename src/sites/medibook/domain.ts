import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, GIVEN_NAMES, SURNAMES } from '../../world/geography.js';

/** More names than the shared pools: a city has hundreds of practitioners. */
const FIRST = [...GIVEN_NAMES, 'Beatriz', 'Karim', 'Lotte', 'Matteo', 'Zofia', 'Henrik', 'Amélie', 'Rafael', 'Nadia', 'Oskar', 'Irene', 'Samuel', 'Leonie', 'Diego', 'Yasmin', 'Paul', 'Vera', 'Anton', 'Chiara', 'Erik'] as const;
const LAST = [...SURNAMES, 'Almeida', 'Bauer', 'Conti', 'De Vries', 'Eriksen', 'Fernández', 'Girard', 'Hartmann', 'Ivanova', 'Janssen', 'Kowalski', 'Lindqvist', 'Marino', 'Nowak', 'O’Brien', 'Pereira', 'Quinn', 'Richter', 'Santos', 'Weber'] as const;

/**
 * MediBook's stored inventory: the practitioners of every city by specialty, with their clinic,
 * languages, fees, the kinds of appointment they offer and their weekly hours. Which slots are
 * already booked on a day is made on demand (`inventory.ts`).
 */

export const SPECIALTIES = ['gp', 'dentist', 'dermatology', 'paediatrics', 'physiotherapy', 'gynaecology', 'ophthalmology', 'cardiology', 'psychology', 'ent'] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const SPECIALTY_LABELS: Record<Specialty, string> = {
  gp: 'General practitioner (GP)',
  dentist: 'Dentist',
  dermatology: 'Dermatologist',
  paediatrics: 'Paediatrician',
  physiotherapy: 'Physiotherapist',
  gynaecology: 'Gynaecologist',
  ophthalmology: 'Eye doctor (ophthalmologist)',
  cardiology: 'Cardiologist',
  psychology: 'Psychologist',
  ent: 'Ear, nose and throat (ENT)',
};

/** The kinds of appointment each specialty offers, with their length and a fee factor. */
export const VISIT_KINDS: Record<Specialty, readonly (readonly [id: string, label: string, factor: number])[]> = {
  gp: [['consultation', 'General consultation', 1], ['prescription', 'Prescription renewal', 0.6], ['vaccination', 'Vaccination', 0.8]],
  dentist: [['check-up', 'Check-up and cleaning', 1], ['toothache', 'Toothache (urgent)', 1.3], ['whitening', 'Whitening consultation', 0.7]],
  dermatology: [['consultation', 'Skin consultation', 1], ['mole-check', 'Mole check', 1.2], ['follow-up', 'Follow-up', 0.7]],
  paediatrics: [['check-up', 'Child check-up', 1], ['illness', 'Sick child visit', 1.1], ['vaccination', 'Vaccination', 0.8]],
  physiotherapy: [['assessment', 'First assessment', 1.2], ['session', 'Treatment session', 1], ['sports', 'Sports injury', 1.3]],
  gynaecology: [['consultation', 'Consultation', 1], ['check-up', 'Annual check-up', 1.2], ['follow-up', 'Follow-up', 0.7]],
  ophthalmology: [['eye-test', 'Eye test', 0.8], ['consultation', 'Consultation', 1], ['follow-up', 'Follow-up', 0.7]],
  cardiology: [['consultation', 'Consultation', 1], ['ecg', 'Consultation with ECG', 1.4], ['follow-up', 'Follow-up', 0.7]],
  psychology: [['first', 'First session', 1.1], ['session', 'Therapy session', 1], ['couples', 'Couples session', 1.4]],
  ent: [['consultation', 'Consultation', 1], ['hearing', 'Hearing test', 1.1], ['follow-up', 'Follow-up', 0.7]],
};

export const LANGUAGES = ['English', 'Spanish', 'French', 'German', 'Portuguese', 'Italian', 'Dutch', 'Polish', 'Arabic'] as const;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Opening hours of one weekday: one or two sessions, or none (a day off). */
const Session = z.strictObject({ from: HhMm, to: HhMm });

export const Practitioner = z.strictObject({
  id: Slug,
  cityId: Slug,
  name: z.string().min(1),
  specialty: z.enum(SPECIALTIES),
  clinic: z.string().min(1),
  neighbourhood: z.string().min(1),
  gender: z.enum(['female', 'male']),
  languages: z.array(z.enum(LANGUAGES)).min(1),
  yearsExperience: z.number().int().min(1),
  rating: z.number().min(1).max(5),
  reviewCount: z.number().int().min(0),
  acceptsNewPatients: z.boolean(),
  videoVisits: z.boolean(),
  wheelchairAccess: z.boolean(),
  /** The fee of a standard appointment, in EUR (each kind is a factor of it). */
  fee: z.number().positive(),
  slotMinutes: z.union([z.literal(15), z.literal(20), z.literal(30)]),
  /** Sessions by weekday, Sunday first. */
  week: z.array(z.array(Session).max(2)).length(7),
  /** How busy: the share of slots already booked. */
  demand: z.number().min(0).max(1),
});
export type Practitioner = z.infer<typeof Practitioner>;

const CLINIC_WORDS = ['Health Centre', 'Medical Clinic', 'Family Practice', 'Care Clinic', 'Polyclinic', 'Medical Group'] as const;
const CLINIC_NAMES = ['Riverside', 'St. Anne', 'Parkview', 'Central', 'Harbour', 'Linden', 'Oakwood', 'Meridian', 'Northgate', 'Sunrise'] as const;
const BASE_FEE: Record<Specialty, number> = { gp: 45, dentist: 60, dermatology: 85, paediatrics: 60, physiotherapy: 50, gynaecology: 80, ophthalmology: 75, cardiology: 110, psychology: 70, ent: 80 };
/** Practitioners per city of each specialty, before the city's size. */
const DENSITY: Record<Specialty, [number, number]> = { gp: [30, 60], dentist: [26, 50], dermatology: [14, 36], paediatrics: [14, 34], physiotherapy: [20, 44], gynaecology: [12, 32], ophthalmology: [10, 28], cardiology: [4, 20], psychology: [16, 40], ent: [6, 22] };
const BIG = new Set(['london', 'paris', 'berlin', 'madrid', 'rome', 'barcelona', 'milan']);

function week(rng: Rng): { from: string; to: string }[][] {
  const morning = { from: rng.pick(['08:00', '08:30', '09:00']), to: rng.pick(['12:00', '12:30', '13:00']) };
  const afternoon = { from: rng.pick(['13:30', '14:00', '15:00']), to: rng.pick(['17:00', '18:00', '19:00']) };
  const days: { from: string; to: string }[][] = [[]];
  for (let d = 1; d <= 5; d++) {
    const k = rng.weighted<number>([[0, 1], [1, 3], [2, 3], [3, 2]]);
    days.push(k === 0 ? [] : k === 1 ? [morning] : k === 2 ? [afternoon] : [morning, afternoon]);
  }
  days.push(rng.chance(0.25) ? [morning] : []);
  return days;
}

function generate(rng: Rng): Practitioner[] {
  const out: Practitioner[] = [];
  for (const city of CITIES) {
    const clinics = rng.sample(CLINIC_NAMES, 6).map((n) => `${n} ${rng.pick(CLINIC_WORDS)}`);
    for (const specialty of SPECIALTIES) {
      const [lo, hi] = DENSITY[specialty];
      const n = Math.round(rng.int(lo, hi) * (BIG.has(city.id) ? 1.2 : 0.85));
      for (let i = 0; i < n; i++) {
        const gender = rng.chance(0.55) ? ('female' as const) : ('male' as const);
        const first = rng.pick(FIRST);
        const last = rng.pick(LAST);
        const local = { Portugal: 'Portuguese', Spain: 'Spanish', France: 'French', Germany: 'German', Austria: 'German', Switzerland: 'German', Italy: 'Italian', Netherlands: 'Dutch', Belgium: 'French' }[city.country] as (typeof LANGUAGES)[number] | undefined;
        const languages = [...new Set([...(local ? [local] : []), 'English' as const, ...rng.sample(LANGUAGES, rng.int(0, 2))])];
        const rating = rng.float(3.4, 5, 1);
        out.push({
          id: `${city.id}-${specialty}-${i + 1}`,
          cityId: city.id,
          name: specialty === 'physiotherapy' || specialty === 'psychology' ? `${first} ${last}` : `Dr ${first} ${last}`,
          specialty,
          clinic: rng.pick(clinics),
          neighbourhood: rng.pick(city.neighbourhoods),
          gender,
          languages,
          yearsExperience: rng.int(2, 35),
          rating,
          reviewCount: rng.int(3, 900),
          acceptsNewPatients: rng.chance(0.8),
          videoVisits: specialty === 'psychology' || specialty === 'gp' || specialty === 'dermatology' ? rng.chance(0.7) : rng.chance(0.2),
          wheelchairAccess: rng.chance(0.7),
          fee: Math.round(BASE_FEE[specialty] * rng.float(0.75, 1.5) / 5) * 5,
          slotMinutes: rng.pick([15, 20, 30] as const),
          week: week(rng),
          demand: Math.min(0.9, rng.float(0.15, 0.6) + (rating - 3.4) * 0.15),
        });
      }
    }
  }
  return out;
}

export const practitionersDomain: DomainModule<Practitioner> = { key: 'practitioners', schema: Practitioner, generate };
