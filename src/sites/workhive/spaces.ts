import { longDate, weekdayName } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { Choice, FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SortSpec } from '../engine/site-definition.js';
import { AMENITIES, AMENITY_LABELS, KIND_LABELS, workspacesDomain, type Kind, type Space } from './domain.js';
import { FULL_DAY, hoursOf, isOpenOn, kindOf, spacePrice, spacesFor, startsOn } from './inventory.js';

/** Results and listing pages: the spaces of a kind in a city that seat the party and are open that day, and their free start times. */

export const spaceTitle = (s: Space) => `${s.name} at ${s.venue}`;
export const hoursText = (h: number) => (h >= FULL_DAY ? 'a full day (8 hours)' : `${h} hour${h === 1 ? '' : 's'}`);
const floorText = (f: number) => (f === 0 ? 'Ground floor' : `Floor ${f}`);
const attendeesOf = (p: SearchParams) => Math.max(1, Number(p.attendees) || 1);

/** Room layouts a meeting or event room is set up in. */
export const SETUPS: Record<string, string> = {
  boardroom: 'Boardroom (one table)',
  'u-shape': 'U-shape',
  classroom: 'Classroom (rows of tables)',
  theatre: 'Theatre (rows of chairs)',
  cabaret: 'Cabaret (round tables)',
};
function setupsOf(s: Space): string[] {
  if (s.kind === 'event') return ['theatre', 'classroom', 'cabaret'];
  if (s.kind === 'meeting') return s.capacity >= 8 ? ['boardroom', 'u-shape', 'theatre'] : ['boardroom'];
  return [];
}

function toListing(world: World, s: Space, params: SearchParams): Listing {
  const hours = hoursOf(params.hours);
  const starts = startsOn(world, s, String(params.date), hours).filter((x) => !x.booked);
  const first = starts[0];
  const price = spacePrice(s, hours, attendeesOf(params));
  return {
    id: s.id,
    title: spaceTitle(s),
    subtitle: `${s.neighbourhood} · ${floorText(s.floor)}`,
    badges: [...(s.rating >= 4.7 ? ['Top rated'] : []), ...(starts.length > 0 && starts.length <= 2 ? [`Only ${starts.length} start${starts.length === 1 ? '' : 's'} left`] : [])],
    facts: [
      { label: s.kind === 'desk' ? 'Desks' : 'Seats', value: String(s.capacity) },
      { label: 'Amenities', value: s.amenities.map((a) => AMENITY_LABELS[a]).join(', ') || 'None listed' },
      { label: 'Rating', value: `${s.rating.toFixed(1)} / 5 (${s.reviewCount})` },
      { label: 'Open', value: `${s.opens}–${s.closes}` },
      { label: 'First free start', value: first ? first.time : 'Fully booked' },
    ],
    details: [
      { label: 'Centre', value: `${s.venue}, ${s.neighbourhood}` },
      { label: 'Hourly rate', value: `€${s.hourlyPrice.toFixed(2)}${s.kind === 'desk' ? ' per desk' : ''}` },
      { label: 'Day rate', value: `€${s.dayPrice.toFixed(2)}${s.kind === 'desk' ? ' per desk' : ''}` },
      { label: 'Weekends', value: s.saturday && s.sunday ? 'Open Saturday and Sunday' : s.saturday ? 'Open Saturday, closed Sunday' : 'Closed at weekends' },
      { label: 'Free starts', value: starts.length > 0 ? starts.map((x) => x.time).join(', ') : 'none' },
    ],
    price,
    priceUnit: `for ${hoursText(hours)}${s.kind === 'desk' && attendeesOf(params) > 1 ? `, ${attendeesOf(params)} desks` : ''}`,
    soldOut: starts.length === 0,
    attrs: {
      space: spaceTitle(s),
      room: s.name,
      venue: s.venue,
      neighbourhood: s.neighbourhood,
      floor: s.floor,
      capacity: s.capacity,
      amenities: [...s.amenities],
      rating: s.rating,
      reviewCount: s.reviewCount,
      hourlyPrice: s.hourlyPrice,
      dayPrice: s.dayPrice,
      spacePrice: price,
      price,
      opens: s.opens,
      closes: s.closes,
      firstFree: first ? first.time : '99:99',
      freeStarts: starts.length,
      rank: -Math.round(s.rating * 100) + Math.round(price / 20),
    },
  };
}

function startGroup(world: World, s: Space, params: SearchParams): OptionGroup {
  const date = String(params.date);
  const choices: Choice[] = startsOn(world, s, date, hoursOf(params.hours)).map((x) => ({
    // By its time alone: a booking moved to another day keeps its start (see `workhivePolicy`).
    id: x.time,
    label: `${x.time} to ${x.endTime}`,
    price: 0,
    soldOut: x.booked,
    unavailableLabel: 'Booked',
    attrs: { day: date, date, time: x.time, endTime: x.endTime },
  }));
  return { id: 'start', label: `Start time on ${longDate(date)}`, display: 'slots', choices };
}

function setupGroup(s: Space): OptionGroup | undefined {
  const ids = setupsOf(s);
  if (ids.length === 0) return undefined;
  return { id: 'setup', label: 'Room layout', display: 'cards', choices: ids.map((id) => ({ id, label: SETUPS[id]!, price: 0, attrs: { setup: id } })) };
}

export function search(world: World, params: SearchParams): Listing[] {
  const date = String(params.date);
  const attendees = attendeesOf(params);
  return spacesFor(world, String(params.city), kindOf(params.kind))
    .filter((s) => s.capacity >= attendees && isOpenOn(s, date))
    .map((s) => toListing(world, s, params));
}

export function detail(world: World, params: SearchParams, id: string): ListingDetail | undefined {
  const s = world.find(workspacesDomain, id);
  if (!s || s.cityId !== params.city || s.kind !== kindOf(params.kind) || s.capacity < attendeesOf(params) || !isOpenOn(s, String(params.date))) return undefined;
  const listing = toListing(world, s, params);
  const hours = hoursOf(params.hours);
  const setup = setupGroup(s);
  return {
    listing,
    description: [
      `${KIND_LABELS[s.kind]} for up to ${s.capacity} ${s.capacity === 1 ? 'person' : 'people'} on the ${floorText(s.floor).toLowerCase()} of ${s.venue} in ${s.neighbourhood}, open ${s.opens} to ${s.closes}.`,
      `Booked for ${hoursText(hours)} on ${weekdayName(String(params.date))}: choose a start time below. ${hours >= FULL_DAY ? 'A full day is charged at the day rate.' : 'Charged by the hour.'} Cancel for free until 48 hours before the start.`,
    ],
    facts: [
      { label: 'Centre', value: s.venue },
      { label: 'Neighbourhood', value: s.neighbourhood },
      { label: 'Floor', value: floorText(s.floor) },
      { label: 'Hourly rate', value: `€${s.hourlyPrice.toFixed(2)}${s.kind === 'desk' ? ' per desk' : ''}` },
      { label: 'Day rate (8 hours)', value: `€${s.dayPrice.toFixed(2)}${s.kind === 'desk' ? ' per desk' : ''}` },
      ...listing.facts,
    ],
    optionGroups: [startGroup(world, s, params), ...(setup ? [setup] : [])],
  };
}

export function whyUnavailable(world: World, params: SearchParams, id: string): string | undefined {
  const s = world.find(workspacesDomain, id);
  if (!s) return 'We could not find this space. Go back to the results to choose another.';
  if (s.capacity < attendeesOf(params)) return `${spaceTitle(s)} seats ${s.capacity}: too few for your party. Go back to the results.`;
  if (!isOpenOn(s, String(params.date))) return `${s.venue} is closed on ${weekdayName(String(params.date))}s. Go back to the results.`;
  return 'This space does not match your search. Go back to the results.';
}

export const filters: FilterSpec[] = [
  { id: 'amenities', kind: 'multi', attr: 'amenities', label: 'Must have', mode: 'all', options: AMENITIES.map((a) => ({ value: a, label: AMENITY_LABELS[a] })) },
  { id: 'capacity', kind: 'min', attr: 'capacity', label: 'Seats at least', options: [4, 8, 12, 20, 50, 100].map((n) => ({ value: String(n), label: `${n}+` })) },
  { id: 'price', kind: 'max', attr: 'spacePrice', label: 'Price for your booking', options: [25, 50, 100, 200, 400, 800].map((n) => ({ value: String(n), label: `Up to €${n}` })) },
  { id: 'rating', kind: 'min', attr: 'rating', label: 'Rating', options: [{ value: '4', label: '4.0+' }, { value: '4.5', label: '4.5+' }] },
  { id: 'area', kind: 'multi', attr: 'neighbourhood', label: 'Neighbourhood', mode: 'any' },
  { id: 'venue', kind: 'multi', attr: 'venue', label: 'Centre', mode: 'any' },
];

export const sorts: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Price: low to high', attr: 'spacePrice', dir: 'asc' },
  { id: 'rating', label: 'Highest rated', attr: 'rating', dir: 'desc' },
  { id: 'capacity', label: 'Largest first', attr: 'capacity', dir: 'desc' },
  { id: 'soonest', label: 'Earliest free start', attr: 'firstFree', dir: 'asc' },
];

export const kindLabel = (k: Kind) => KIND_LABELS[k];
