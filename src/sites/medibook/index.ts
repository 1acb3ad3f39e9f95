import { daysBetween, horizonDates, timeToMinutes, WORLD_TODAY } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { Booking } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import { CITY_OPTIONS, cityLabel, suggestCities } from '../engine/city-search.js';
import { birthDateField, emailField, nameField, phoneField, sumLines } from '../engine/common-fields.js';
import type { ManagePolicy, PolicyOutcome, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { steps } from '../engine/steps/index.js';
import { practitionersDomain, SPECIALTIES, SPECIALTY_LABELS } from './domain.js';
import { MEDIBOOK_FACTS } from './facts.js';
import { layout, theme, wording } from './look.js';
import { detail, filters, search, sorts, whyUnavailable } from './practitioners.js';
import { medibookTasks } from './tasks.js';

const LATE_CANCELLATION_FEE = 20;

function price(ctx: SelectionContext) {
  const kind = ctx.choices.find((c) => c.attrs.visitFee !== undefined);
  const lines = [{ label: `${kind?.label ?? 'Consultation'} (paid at the clinic)`, amount: Number(kind?.attrs.visitFee ?? ctx.listing.price) }];
  if ((ctx.extras.report ?? 0) > 0) lines.push({ label: 'Written report (paid at the clinic)', amount: 15 });
  return sumLines('EUR', lines);
}

/** Hours from the world's "now" (noon on its today) to the appointment. */
function hoursUntil(b: Booking): number {
  const date = String(b.attrs.appointmentDate ?? WORLD_TODAY);
  const time = String(b.attrs.appointmentTime ?? '12:00');
  return daysBetween(WORLD_TODAY, date) * 24 + (timeToMinutes(time) - 12 * 60) / 60;
}

/** Free cancellation until 24 hours before; a late-cancellation fee after that; none once it has begun. */
export const medibookPolicy: ManagePolicy = {
  dateFields: [],
  travellers: true,
  dateChange: (): PolicyOutcome => ({ allowed: false, fee: 0, reason: 'To move an appointment, cancel it and book a new time.' }),
  cancellation(b): PolicyOutcome {
    const h = hoursUntil(b);
    if (h <= 0) return { allowed: false, fee: 0, reason: 'This appointment has already taken place.' };
    if (h < 24) return { allowed: true, fee: LATE_CANCELLATION_FEE, reason: `Cancelling less than 24 hours before the appointment costs €${LATE_CANCELLATION_FEE}.` };
    return { allowed: true, fee: 0, reason: 'Free cancellation until 24 hours before the appointment.' };
  },
};

function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates().slice(1, -5);
  for (;;) {
    const params: SearchParams = { specialty: rng.pick(SPECIALTIES), city: rng.pick(CITY_OPTIONS).value, date: rng.pick(dates), visit: rng.chance(0.15) ? 'video' : 'in-person' };
    if (search(world, params).filter((l) => !l.soldOut).length >= 3) return params;
  }
}

/** MediBook: practitioners by specialty and city, a slot grid per practitioner, an intake wizard, no payment, free cancellation until 24 hours before. */
export const medibook: SiteDefinition = {
  id: 'medibook',
  name: 'MediBook',
  domain: 'medical appointments',
  tagline: 'See a doctor this week',
  currency: 'EUR',
  theme,
  layout,
  wording,
  searchFields: [
    { kind: 'select', name: 'specialty', label: 'Specialty', options: SPECIALTIES.map((s) => ({ value: s, label: SPECIALTY_LABELS[s] })), default: 'gp' },
    { kind: 'autocomplete', name: 'city', label: 'City', source: 'cities', placeholder: 'City' },
    { kind: 'date', name: 'date', label: 'Free times from' },
    { kind: 'radio', name: 'visit', label: 'Consultation', options: [{ value: 'in-person', label: 'In person' }, { value: 'video', label: 'Video call' }], default: 'in-person' },
  ],
  suggest: (_w, _s, q) => suggestCities(q),
  labelFor: (_w, _s, v) => cityLabel(v),
  exampleSearch,
  search,
  filters,
  sorts,
  detail,
  whyUnavailable,
  travellerCount: () => 1,
  travellerFields: [
    nameField('firstName', 'First name', 'Ana'),
    nameField('lastName', 'Last name', 'Silva'),
    // A paediatrician's patient is a child.
    { ...birthDateField(), exampleFor: (params) => (params.specialty === 'paediatrics' ? '2019-03-11' : '1986-10-02') },
  ],
  contactFields: [
    emailField(),
    phoneField(),
    { name: 'insurance', label: 'How will you pay?', kind: 'select', required: true, options: [{ value: 'self', label: 'I pay myself' }, { value: 'public', label: 'Public health insurance' }, { value: 'private', label: 'Private health insurance' }], example: 'self' },
    { name: 'notes', label: 'Reason for the visit (optional)', kind: 'textarea', required: false, example: '' },
  ],
  extras: () => [
    { id: 'reminder', label: 'Text me a reminder the day before', noun: 'a text reminder the day before', price: 0, per: 'booking', kind: 'checkbox' },
    { id: 'report', label: 'Written report of the visit', noun: 'a written report of the visit', description: 'Paid at the clinic', price: 15, per: 'booking', kind: 'checkbox' },
  ],
  units: () => 1,
  price,
  facts: MEDIBOOK_FACTS,
  domains: [practitionersDomain],
  tasks: medibookTasks,
  flow: [steps.search(), steps.results(), steps.listing(), steps.details({ wizard: true }), steps.review(), steps.confirmation()],
  manage: medibookPolicy,
};

