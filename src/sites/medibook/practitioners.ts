import { longDate, weekdayName } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { Choice, FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SortSpec } from '../engine/site-definition.js';
import { practitionersDomain, SPECIALTY_LABELS, VISIT_KINDS, type Practitioner, type Specialty } from './domain.js';
import { daysFrom, practitionersIn, windowSlots } from './inventory.js';

/** Results and listing pages: the practitioners of a specialty in a city, and their free slots. */

export const visitFee = (p: Practitioner, factor: number) => Math.round((p.fee * factor) / 5) * 5;

const dayLabel = (iso: string) => `${weekdayName(iso)} ${longDate(iso).replace(/^\w+, /, '').replace(/, \d{4}$/, '')}`;

function toListing(world: World, p: Practitioner, params: SearchParams): Listing {
  const free = windowSlots(world, p, String(params.date)).filter((s) => !s.booked);
  const first = free[0];
  return {
    id: p.id,
    title: p.name,
    subtitle: `${SPECIALTY_LABELS[p.specialty]} · ${p.clinic}, ${p.neighbourhood}`,
    badges: [
      ...(p.acceptsNewPatients ? [] : ['Existing patients only']),
      ...(p.videoVisits ? ['Video consultations'] : []),
      ...(free.length > 0 && free.length <= 3 ? [`Only ${free.length} slot${free.length === 1 ? '' : 's'} left this week`] : []),
    ],
    facts: [
      { label: 'Rating', value: `${p.rating.toFixed(1)} (${p.reviewCount} reviews)` },
      { label: 'Speaks', value: p.languages.join(', ') },
      { label: 'Next free', value: first ? `${dayLabel(first.date)}, ${first.time}` : 'No free slots in these days' },
    ],
    price: p.fee,
    priceUnit: 'per consultation, paid at the clinic',
    soldOut: free.length === 0,
    attrs: {
      practitioner: p.name,
      specialty: p.specialty,
      clinic: p.clinic,
      neighbourhood: p.neighbourhood,
      gender: p.gender,
      languages: [...p.languages],
      rating: p.rating,
      reviewCount: p.reviewCount,
      yearsExperience: p.yearsExperience,
      newPatients: p.acceptsNewPatients,
      videoVisits: p.videoVisits,
      wheelchairAccess: p.wheelchairAccess,
      fee: p.fee,
      price: p.fee,
      firstFree: first ? `${first.date} ${first.time}` : '9999-12-31 23:59',
      freeSlots: free.length,
      rank: -Math.round(p.rating * 100) + (p.acceptsNewPatients ? 0 : 200),
    },
  };
}

function kindGroup(p: Practitioner): OptionGroup {
  return {
    id: 'kind',
    label: 'Type of appointment',
    display: 'list',
    choices: VISIT_KINDS[p.specialty].map(([id, label, factor]) => ({ id, label, price: visitFee(p, factor), attrs: { appointmentType: id, appointmentKind: label, visitFee: visitFee(p, factor) } })),
  };
}

function slotGroup(world: World, p: Practitioner, date: string): OptionGroup {
  const choices: Choice[] = windowSlots(world, p, date).map((s) => ({
    id: `${s.date}T${s.time}`,
    label: `${dayLabel(s.date)} at ${s.time}`,
    price: 0,
    soldOut: s.booked,
    unavailableLabel: 'Booked',
    attrs: { day: s.date, time: s.time, appointmentDate: s.date, appointmentTime: s.time, appointmentDay: weekdayName(s.date) },
  }));
  return { id: 'slot', label: 'Appointment time', display: 'slots', choices };
}

function matches(p: Practitioner, params: SearchParams): boolean {
  return params.visit !== 'video' || p.videoVisits;
}

export function search(world: World, params: SearchParams): Listing[] {
  return practitionersIn(world, String(params.city), String(params.specialty) as Specialty)
    .filter((p) => matches(p, params))
    .map((p) => toListing(world, p, params));
}

export function detail(world: World, params: SearchParams, id: string): ListingDetail | undefined {
  const p = world.find(practitionersDomain, id);
  if (!p || p.cityId !== params.city || p.specialty !== params.specialty || !matches(p, params)) return undefined;
  const listing = toListing(world, p, params);
  const days = daysFrom(String(params.date));
  return {
    listing,
    description: [
      `${p.name} has ${p.yearsExperience} years of experience and ${p.acceptsNewPatients ? 'accepts new patients' : 'sees existing patients only'}. ${params.visit === 'video' ? 'This is a video consultation: you get a link by email.' : `Consultations at ${p.clinic}, ${p.neighbourhood}.`}`,
      `Free slots from ${dayLabel(days[0]!)} to ${dayLabel(days[days.length - 1]!)}. Fees are paid at the clinic; nothing is charged online.`,
    ],
    facts: [
      { label: 'Specialty', value: SPECIALTY_LABELS[p.specialty] },
      { label: 'Clinic', value: `${p.clinic}, ${p.neighbourhood}` },
      { label: 'Gender', value: p.gender === 'female' ? 'Female' : 'Male' },
      { label: 'Wheelchair access', value: p.wheelchairAccess ? 'Yes' : 'No' },
      ...listing.facts,
    ],
    optionGroups: [kindGroup(p), slotGroup(world, p, String(params.date))],
  };
}

export function whyUnavailable(world: World, params: SearchParams, id: string): string | undefined {
  const p = world.find(practitionersDomain, id);
  if (!p) return 'We could not find this practitioner. Go back to the results to choose another.';
  if (params.visit === 'video' && !p.videoVisits) return `${p.name} does not offer video consultations. Search for in-person visits or choose another practitioner.`;
  return 'This practitioner does not match your search. Go back to the results.';
}

export const filters: FilterSpec[] = [
  { id: 'new', kind: 'flag', attr: 'newPatients', label: 'Accepts new patients' },
  { id: 'lang', kind: 'multi', attr: 'languages', label: 'Speaks', mode: 'any' },
  { id: 'gender', kind: 'multi', attr: 'gender', label: 'Gender', mode: 'any', options: [{ value: 'female', label: 'Female' }, { value: 'male', label: 'Male' }] },
  { id: 'rating', kind: 'min', attr: 'rating', label: 'Rating', options: [{ value: '4', label: '4.0 or more' }, { value: '4.5', label: '4.5 or more' }] },
  { id: 'fee', kind: 'max', attr: 'fee', label: 'Standard fee', options: [50, 75, 100, 150].map((n) => ({ value: String(n), label: `Up to €${n}` })) },
  { id: 'access', kind: 'flag', attr: 'wheelchairAccess', label: 'Wheelchair access' },
  { id: 'area', kind: 'multi', attr: 'neighbourhood', label: 'Neighbourhood', mode: 'any' },
];

export const sorts: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'soonest', label: 'Soonest available', attr: 'firstFree', dir: 'asc' },
  { id: 'rating', label: 'Best rated', attr: 'rating', dir: 'desc' },
  { id: 'fee', label: 'Lowest fee', attr: 'fee', dir: 'asc' },
];
