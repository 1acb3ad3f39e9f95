import { longDate, weekdayName } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { Choice, FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SortSpec } from '../engine/site-definition.js';
import { CATEGORIES, CATEGORY_LABELS, LEVEL_FACTOR, LEVEL_LABELS, SERVICES, salonStaffDomain, type Category, type StaffMember } from './domain.js';
import { daysFrom, staffFor, windowSlots } from './inventory.js';

/** Results and listing pages: the staff of a city who do a category, their services and their free slots. */

/** A service's price at a staff member's level, to the euro. */
export const servicePrice = (s: StaffMember, base: number) => Math.round(base * LEVEL_FACTOR[s.level]);

const ROLE: Record<Category, string> = { hair: 'Stylist', colour: 'Colourist', massage: 'Massage therapist', facial: 'Beauty therapist', nails: 'Nail technician' };
export const roleOf = (s: StaffMember) => `${LEVEL_LABELS[s.level]} ${ROLE[s.skills[0]!].toLowerCase()}`;

const dayLabel = (iso: string) => `${weekdayName(iso)} ${longDate(iso).replace(/^\w+, /, '').replace(/, \d{4}$/, '')}`;

const categoryOf = (params: SearchParams): Category => (CATEGORIES as readonly string[]).includes(String(params.category)) ? (params.category as Category) : 'hair';

function toListing(world: World, s: StaffMember, params: SearchParams): Listing {
  const category = categoryOf(params);
  const free = windowSlots(world, s, String(params.date)).filter((x) => !x.booked);
  const first = free[0];
  const from = Math.min(...SERVICES[category].map(([, , , base]) => servicePrice(s, base)));
  return {
    id: s.id,
    title: s.name,
    subtitle: `${roleOf(s)} at ${s.salon}, ${s.neighbourhood}`,
    badges: [...(s.level === 'master' ? ['Master'] : []), ...(free.length > 0 && free.length <= 3 ? [`${free.length} time${free.length === 1 ? '' : 's'} left`] : [])],
    facts: [
      { label: 'Rating', value: `★ ${s.rating.toFixed(1)} · ${s.reviewCount} reviews` },
      { label: 'Also does', value: s.skills.filter((k) => k !== category).map((k) => CATEGORY_LABELS[k]).join(', ') || '—' },
      { label: 'Speaks', value: s.languages.join(', ') },
      { label: 'First free', value: first ? `${dayLabel(first.date)}, ${first.time}` : 'Fully booked these days' },
    ],
    price: from,
    priceUnit: 'from, paid at the salon',
    soldOut: free.length === 0,
    attrs: {
      staff: s.name,
      salon: s.salon,
      neighbourhood: s.neighbourhood,
      level: s.level,
      gender: s.gender,
      languages: [...s.languages],
      rating: s.rating,
      reviewCount: s.reviewCount,
      yearsExperience: s.yearsExperience,
      fromPrice: from,
      price: from,
      firstFree: first ? `${first.date} ${first.time}` : '9999-12-31 23:59',
      freeSlots: free.length,
      rank: -Math.round(s.rating * 100) - (s.level === 'master' ? 30 : 0),
    },
  };
}

function serviceGroup(s: StaffMember, category: Category): OptionGroup {
  return {
    id: 'service',
    label: 'Service',
    display: 'cards',
    choices: SERVICES[category].map(([id, label, minutes, base]) => ({
      id,
      label,
      description: `${minutes} min`,
      price: servicePrice(s, base),
      attrs: { serviceId: id, service: label, durationMin: minutes, servicePrice: servicePrice(s, base) },
    })),
  };
}

function slotGroup(world: World, s: StaffMember, date: string): OptionGroup {
  const choices: Choice[] = windowSlots(world, s, date).map((x) => ({
    id: `${x.date}T${x.time}`,
    label: `${dayLabel(x.date)} at ${x.time}`,
    price: 0,
    soldOut: x.booked,
    unavailableLabel: 'Taken',
    // The appointment's day is the booking's date (the search only says from when to show times).
    attrs: { day: x.date, date: x.date, time: x.time, appointmentDay: weekdayName(x.date) },
  }));
  return { id: 'slot', label: 'Day and time', display: 'slots', choices };
}

export function search(world: World, params: SearchParams): Listing[] {
  return staffFor(world, String(params.city), categoryOf(params)).map((s) => toListing(world, s, params));
}

export function detail(world: World, params: SearchParams, id: string): ListingDetail | undefined {
  const s = world.find(salonStaffDomain, id);
  const category = categoryOf(params);
  if (!s || s.cityId !== params.city || !s.skills.includes(category)) return undefined;
  const listing = toListing(world, s, params);
  const days = daysFrom(String(params.date));
  return {
    listing,
    description: [
      `${s.name} has ${s.yearsExperience} year${s.yearsExperience === 1 ? '' : 's'} of experience at ${s.salon} in ${s.neighbourhood}. Prices are those of a ${s.level} ${ROLE[s.skills[0]!].toLowerCase()}.`,
      `Free times from ${dayLabel(days[0]!)} to ${dayLabel(days[days.length - 1]!)}. You pay at the salon after your appointment; cancel for free until 24 hours before.`,
    ],
    facts: [
      { label: 'Salon', value: `${s.salon}, ${s.neighbourhood}` },
      { label: 'Level', value: LEVEL_LABELS[s.level] },
      { label: 'Skills', value: s.skills.map((k) => CATEGORY_LABELS[k]).join(', ') },
      ...listing.facts,
    ],
    optionGroups: [serviceGroup(s, category), slotGroup(world, s, String(params.date))],
  };
}

export function whyUnavailable(world: World, params: SearchParams, id: string): string | undefined {
  const s = world.find(salonStaffDomain, id);
  if (!s) return 'We could not find this person. Go back to the results to choose someone else.';
  if (!s.skills.includes(categoryOf(params))) return `${s.name} does not do ${CATEGORY_LABELS[categoryOf(params)].toLowerCase()}. Go back to the results.`;
  return 'This person does not match your search. Go back to the results.';
}

export const filters: FilterSpec[] = [
  { id: 'level', kind: 'multi', attr: 'level', label: 'Level', mode: 'any', options: [{ value: 'junior', label: 'Junior' }, { value: 'senior', label: 'Senior' }, { value: 'master', label: 'Master' }] },
  { id: 'rating', kind: 'min', attr: 'rating', label: 'Rating', options: [{ value: '4', label: '★ 4.0+' }, { value: '4.5', label: '★ 4.5+' }] },
  { id: 'price', kind: 'max', attr: 'fromPrice', label: 'Prices from', options: [25, 40, 60, 90].map((n) => ({ value: String(n), label: `Up to €${n}` })) },
  { id: 'lang', kind: 'multi', attr: 'languages', label: 'Speaks', mode: 'any' },
  { id: 'gender', kind: 'multi', attr: 'gender', label: 'Staff member', mode: 'any', options: [{ value: 'female', label: 'Woman' }, { value: 'male', label: 'Man' }] },
  { id: 'area', kind: 'multi', attr: 'neighbourhood', label: 'Neighbourhood', mode: 'any' },
];

export const sorts: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'soonest', label: 'First available', attr: 'firstFree', dir: 'asc' },
  { id: 'rating', label: 'Top rated', attr: 'rating', dir: 'desc' },
  { id: 'price', label: 'Lowest price', attr: 'fromPrice', dir: 'asc' },
];
