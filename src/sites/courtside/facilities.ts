import { addDays, minutesToTime, timeToMinutes, weekday } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { Attrs } from '../../core/schemas/episode-state.js';
import type { Choice, FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SelectionContext, SortSpec } from '../engine/site-definition.js';
import { ACTIVITIES, ACTIVITY_LABELS, facilitiesDomain, isSport, type Activity, type Facility } from './domain.js';
import { courtStarts, facilitiesFor, isPeak, placesLeft } from './inventory.js';

/** Results and listing pages: the courts of a sport, or the classes of a kind, in a city on a day. */

const activityOf = (params: SearchParams): Activity => ((ACTIVITIES as readonly string[]).includes(String(params.activity)) ? (params.activity as Activity) : 'tennis');

/** An hour of a court at a start: off-peak price, a quarter more at peak. */
export const hourlyAt = (f: Facility, date: string, time: string) => (isPeak(date, time) ? Math.round(f.price * 1.25) : f.price);

const cap = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

function courtListing(world: World, f: Facility, date: string): Listing {
  const free = courtStarts(world, f, date).filter((s) => !s.booked);
  return {
    id: f.id,
    title: `${f.venue} · ${f.name}`,
    subtitle: `${f.neighbourhood} · ${f.indoor ? 'Indoor' : 'Outdoor'} · ${cap(f.surface ?? '')}${f.indoor ? '' : f.lights ? ' · Floodlit' : ' · No lights (daylight only)'}`,
    badges: [...(free.length > 0 && free.length <= 2 ? [`${free.length} start${free.length === 1 ? '' : 's'} left`] : [])],
    facts: [
      { label: 'Free starts', value: free.length ? free.map((s) => s.time).join(' ') : 'None today' },
      { label: 'Venue rating', value: `${f.rating.toFixed(1)} / 5 (${f.reviewCount})` },
    ],
    price: f.price,
    priceUnit: 'per hour off-peak',
    soldOut: free.length === 0,
    attrs: {
      venue: f.venue,
      court: f.name,
      neighbourhood: f.neighbourhood,
      indoor: f.indoor,
      surface: f.surface ?? 'hard',
      lights: f.lights,
      rating: f.rating,
      reviewCount: f.reviewCount,
      hourlyFrom: f.price,
      price: f.price,
      firstFree: free[0]?.time ?? '99:99',
      freeStarts: free.length,
      rank: -Math.round(f.rating * 100) + f.price,
    },
  };
}

function endOf(start: string, minutes: number): string {
  return minutesToTime(timeToMinutes(start) + minutes);
}

function classListing(world: World, f: Facility, date: string): Listing {
  const left = placesLeft(world, f, date);
  return {
    id: f.id,
    title: `${f.name} with ${f.instructor}`,
    subtitle: `${f.venue}, ${f.neighbourhood} · ${cap(f.level ?? '')} · ${f.durationMin} min${f.indoor ? '' : ' · Outdoors'}`,
    badges: [...(left > 0 && left <= 3 ? [`Only ${left} place${left === 1 ? '' : 's'} left`] : [])],
    facts: [
      { label: 'Time', value: `${f.opens}–${endOf(f.opens, f.durationMin)}` },
      { label: 'Places', value: `${left} of ${f.capacity} left` },
      { label: 'Rating', value: `${f.rating.toFixed(1)} / 5 (${f.reviewCount})` },
    ],
    price: f.price,
    priceUnit: 'per person per class',
    soldOut: left === 0,
    attrs: {
      venue: f.venue,
      className: f.name,
      instructor: f.instructor ?? '',
      level: f.level ?? 'all levels',
      neighbourhood: f.neighbourhood,
      indoor: f.indoor,
      time: f.opens,
      durationMin: f.durationMin,
      capacity: f.capacity,
      placesLeft: left,
      rating: f.rating,
      reviewCount: f.reviewCount,
      classPrice: f.price,
      price: f.price,
      firstFree: f.opens,
      rank: timeToMinutes(f.opens),
    },
  };
}

export function search(world: World, params: SearchParams): Listing[] {
  const activity = activityOf(params);
  const date = String(params.date);
  const all = facilitiesFor(world, String(params.city), activity);
  if (isSport(activity)) return all.map((f) => courtListing(world, f, date));
  // A class is listed on the days it runs, full or not.
  return all.filter((f) => f.weekdays.includes(weekday(date))).map((f) => classListing(world, f, date));
}

const WEEKS: [number, string][] = [[1, 'Just this date'], [4, 'Every week for 4 weeks'], [8, 'Every week for 8 weeks']];

function weeksGroup(date: string, what: string): OptionGroup {
  return {
    id: 'weeks',
    label: 'Repeat weekly',
    display: 'list',
    choices: WEEKS.map(([n, label]) => ({ id: `w${n}`, label, description: n === 1 ? undefined : `the same ${what} and time until ${addDays(date, 7 * (n - 1))}`, price: 0, attrs: { weeks: n, lastDate: addDays(date, 7 * (n - 1)) } })),
  };
}

function courtGroups(world: World, f: Facility, date: string): OptionGroup[] {
  const starts: Choice[] = courtStarts(world, f, date).map((s) => ({
    id: `t${s.time.replace(':', '')}`,
    label: `${f.name} at ${s.time}`,
    price: hourlyAt(f, date, s.time),
    soldOut: s.booked,
    unavailableLabel: 'Booked',
    attrs: { lane: f.name, time: s.time, hourlyPrice: hourlyAt(f, date, s.time), peak: isPeak(date, s.time) },
  }));
  const players = f.activity === 'squash' ? [2] : f.activity === 'padel' ? [4, 2] : [2, 4];
  return [
    { id: 'start', label: 'Start time', display: 'timeline', choices: starts },
    { id: 'length', label: 'How long', display: 'list', choices: [60, 90, 120].map((m) => ({ id: `m${m}`, label: m === 60 ? '1 hour' : m === 90 ? '1 hour 30 minutes' : '2 hours', price: 0, attrs: { durationMin: m } })) },
    { id: 'players', label: 'Players', display: 'list', choices: players.map((n) => ({ id: `p${n}`, label: n === 2 ? '2 players (singles)' : '4 players (doubles)', price: 0, attrs: { players: n } })) },
    weeksGroup(date, 'court'),
  ];
}

function classGroups(world: World, f: Facility, date: string): OptionGroup[] {
  const left = placesLeft(world, f, date);
  return [
    { id: 'players', label: 'Places', display: 'list', choices: [1, 2, 3].map((n) => ({ id: `p${n}`, label: n === 1 ? '1 place' : `${n} places`, price: f.price * n, soldOut: n > left, unavailableLabel: 'Not enough places', attrs: { players: n } })) },
    weeksGroup(date, 'class'),
  ];
}

export function detail(world: World, params: SearchParams, id: string): ListingDetail | undefined {
  const f = world.find(facilitiesDomain, id);
  const date = String(params.date);
  if (!f || f.cityId !== params.city || f.activity !== activityOf(params)) return undefined;
  if (f.kind === 'court') {
    const listing = courtListing(world, f, date);
    return {
      listing,
      description: [`${f.name} at ${f.venue} (${f.neighbourhood}): ${f.indoor ? 'indoor' : 'outdoor'}, ${f.surface}${f.indoor ? '' : f.lights ? ', floodlit' : ', daylight only'}. Off-peak €${f.price} an hour; from 17:00 and at weekends €${Math.round(f.price * 1.25)}.`, 'Repeat the booking weekly to keep the same court and time for several weeks; each week is charged.'],
      facts: [{ label: ACTIVITY_LABELS[f.activity], value: `${f.indoor ? 'Indoor' : 'Outdoor'}, ${f.surface}` }, { label: 'Lights', value: f.lights ? 'Yes' : 'No' }, ...listing.facts],
      optionGroups: courtGroups(world, f, date),
    };
  }
  if (!f.weekdays.includes(weekday(date))) return undefined;
  const listing = classListing(world, f, date);
  return {
    listing,
    description: [`${f.name} (${f.level}) with ${f.instructor} at ${f.venue}, ${f.neighbourhood}: ${f.opens}–${endOf(f.opens, f.durationMin)}, up to ${f.capacity} people.`, 'Book a place for a friend too, or the same class every week.'],
    facts: [{ label: 'Instructor', value: f.instructor ?? '' }, { label: 'Level', value: cap(f.level ?? '') }, ...listing.facts],
    optionGroups: classGroups(world, f, date),
  };
}

/** The price of one session (an hour rate times the length, or a place times the places) and of all the weeks. */
export function unitPrices(ctx: Omit<SelectionContext, 'extras'>): Attrs {
  const a: Attrs = Object.assign({}, ...ctx.choices.map((c) => c.attrs));
  const weeks = Number(a.weeks ?? 1);
  if (a.hourlyPrice !== undefined) {
    const session = Math.round(Number(a.hourlyPrice) * (Number(a.durationMin ?? 60) / 60) * 100) / 100;
    return { sessionPrice: session, sessionsTotal: Math.round(session * weeks * 100) / 100 };
  }
  if (ctx.listing.attrs.classPrice !== undefined) {
    const session = Number(ctx.listing.attrs.classPrice) * Number(a.players ?? 1);
    return { sessionPrice: session, sessionsTotal: session * weeks };
  }
  return {};
}

export function whyUnavailable(world: World, params: SearchParams, id: string): string | undefined {
  const f = world.find(facilitiesDomain, id);
  if (!f) return 'We could not find this court or class. Go back to the results.';
  if (f.kind === 'class' && f.cityId === params.city) return `${f.name} does not run on this day. Go back to the results for the classes of the day.`;
  return 'This does not match your search. Go back to the results.';
}

export const filters: FilterSpec[] = [
  { id: 'indoor', kind: 'flag', attr: 'indoor', label: 'Indoor' },
  { id: 'lights', kind: 'flag', attr: 'lights', label: 'Floodlit' },
  { id: 'surface', kind: 'multi', attr: 'surface', label: 'Surface', mode: 'any' },
  { id: 'level', kind: 'multi', attr: 'level', label: 'Class level', mode: 'any' },
  { id: 'area', kind: 'multi', attr: 'neighbourhood', label: 'Neighbourhood', mode: 'any' },
  { id: 'price', kind: 'max', attr: 'price', label: 'Price', options: [10, 15, 20, 30].map((n) => ({ value: String(n), label: `Up to €${n}` })) },
];

export const sorts: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Cheapest', attr: 'price', dir: 'asc' },
  { id: 'time', label: 'Earliest', attr: 'firstFree', dir: 'asc' },
  { id: 'rating', label: 'Best rated', attr: 'rating', dir: 'desc' },
];
