import { daysBetween, formatDuration, longDate, timeToMinutes, WORLD_TODAY } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { round2 } from '../engine/common-fields.js';
import type { Choice, FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SortSpec } from '../engine/site-definition.js';
import { carParksDomain, parkingLocationById, SECURITY, SECURITY_LABELS, type CarPark } from './domain.js';

/**
 * ParkSpot's results and car park pages: every car park of the searched place, priced for the
 * stay (by the hour up to a day, by the day beyond, cheaper per day for long stays), with the
 * space types still free for that stay (standard, premium near the entrance, EV charging bay).
 */

export const SPACE_TYPES = ['standard', 'premium', 'ev'] as const;
export type SpaceType = (typeof SPACE_TYPES)[number];
export const SPACE_LABELS: Record<SpaceType, string> = { standard: 'Standard space', premium: 'Premium space near the entrance', ev: 'EV charging bay' };
const SPACE_FACTOR: Record<SpaceType, number> = { standard: 1, premium: 1.35, ev: 1.25 };
/** No height limit: open-air car parks (shown as "No limit"). */
export const NO_LIMIT_CM = 400;
export const MAX_STAY_DAYS = 30;

/** Minutes from entry to exit (negative when the exit is first). */
export function stayMinutes(p: SearchParams): number {
  const { entryDate, entryTime, exitDate, exitTime } = p;
  if (typeof entryDate !== 'string' || typeof exitDate !== 'string' || typeof entryTime !== 'string' || typeof exitTime !== 'string') return 0;
  if (!/^\d{2}:\d{2}$/.test(entryTime) || !/^\d{2}:\d{2}$/.test(exitTime)) return 0;
  return daysBetween(entryDate, exitDate) * 1440 + timeToMinutes(exitTime) - timeToMinutes(entryTime);
}

/** How the stay is billed: hours up to a day, whole days beyond. */
export function stayUnits(p: SearchParams): { hours: number; days: number } {
  const hours = Math.max(1, Math.ceil(stayMinutes(p) / 60));
  return { hours, days: hours <= 24 ? 1 : Math.ceil(hours / 24) };
}

export function stayText(p: SearchParams): string {
  const { hours, days } = stayUnits(p);
  return hours <= 24 ? `${hours} hour${hours === 1 ? '' : 's'}` : `${days} days`;
}

/** What a standard space costs for the stay. */
export function standardPrice(cp: CarPark, p: SearchParams): number {
  const { hours, days } = stayUnits(p);
  if (hours <= 24) return round2(Math.min(cp.daily, hours * cp.hourly));
  const discount = days >= 14 ? 0.75 : days >= 7 ? 0.85 : 1;
  return round2(cp.daily * days * discount);
}

export const spacePrice = (cp: CarPark, p: SearchParams, type: SpaceType) => round2(standardPrice(cp, p) * SPACE_FACTOR[type]);

/** The space types already full for a stay starting on `entryDate`: made on demand, fixed by seed, car park and day. */
export function fullSpaces(world: World, cp: CarPark, entryDate: string): Set<SpaceType> {
  const rng = new Rng(`parkspot/${world.seed}/${cp.id}/${entryDate}`);
  const soon = Math.max(0, 1 - daysBetween(WORLD_TODAY, entryDate) / 10);
  const busy = Math.min(0.95, cp.demand + soon * 0.25);
  const full = new Set<SpaceType>();
  if (rng.chance(busy * 0.3)) full.add('standard');
  if (rng.chance(busy * 0.5)) full.add('premium');
  if (!cp.evCharging || rng.chance(busy * 0.45)) full.add('ev');
  return full;
}

const index = new WeakMap<World, Map<string, CarPark[]>>();

export function carParksAt(world: World, locationId: string): CarPark[] {
  let m = index.get(world);
  if (!m) {
    m = new Map();
    for (const cp of world.all(carParksDomain)) m.set(cp.locationId, [...(m.get(cp.locationId) ?? []), cp]);
    index.set(world, m);
  }
  return m.get(locationId) ?? [];
}

function transferText(cp: CarPark, kind: string): string {
  const to = kind === 'airport' ? 'the terminal' : kind === 'station' ? 'the platforms' : 'the centre';
  return cp.transfer === 'shuttle' ? `${cp.transferMin} min by free shuttle to ${to}` : `${cp.transferMin} min walk to ${to}`;
}

function toListing(world: World, cp: CarPark, p: SearchParams): Listing {
  const loc = parkingLocationById(cp.locationId)!;
  const full = fullSpaces(world, cp, String(p.entryDate));
  const open = SPACE_TYPES.filter((t) => !full.has(t));
  const from = open.length > 0 ? Math.min(...open.map((t) => spacePrice(cp, p, t))) : spacePrice(cp, p, 'standard');
  const height = cp.heightLimitCm ?? NO_LIMIT_CM;
  return {
    id: cp.id,
    title: cp.name,
    subtitle: `${cp.operator} · ${transferText(cp, loc.kind)}`,
    badges: [...(cp.covered ? ['Covered'] : ['Open air']), ...(cp.evCharging ? ['EV charging'] : []), ...(cp.transfer === 'shuttle' ? ['Free shuttle'] : []), ...(open.length === 1 ? ['Last spaces'] : [])],
    facts: [
      { label: 'To the ' + (loc.kind === 'airport' ? 'terminal' : loc.kind === 'station' ? 'station' : 'centre'), value: transferText(cp, loc.kind) },
      { label: 'Security', value: cp.security.map((s) => SECURITY_LABELS[s]).join(', ') || 'None' },
      { label: 'Height limit', value: cp.heightLimitCm ? `${(cp.heightLimitCm / 100).toFixed(2)} m` : 'No limit' },
      { label: 'Rating', value: `${cp.rating.toFixed(1)} (${cp.reviewCount} reviews)` },
    ],
    details: [
      { label: 'Operator', value: cp.operator },
      { label: 'Covered', value: cp.covered ? 'Yes' : 'No, open air' },
      { label: 'EV charging', value: cp.evCharging ? 'Yes, bookable EV bays' : 'No' },
      { label: 'Stay', value: stayText(p) },
    ],
    price: from,
    priceUnit: `for ${stayText(p)}`,
    soldOut: open.length === 0,
    position: { lat: cp.lat, lon: cp.lon },
    attrs: {
      carPark: cp.name,
      operator: cp.operator,
      locationKind: loc.kind,
      transfer: cp.transfer,
      transferMin: cp.transferMin,
      covered: cp.covered,
      security: [...cp.security],
      evCharging: cp.evCharging,
      heightLimitCm: height,
      rating: cp.rating,
      price: from,
      rank: Math.round(cp.transferMin * 3 - cp.rating * 10 + from / 10),
    },
  };
}

function matches(cp: CarPark, p: SearchParams): boolean {
  return cp.locationId === p.location && stayMinutes(p) > 0;
}

export function search(world: World, p: SearchParams): Listing[] {
  if (typeof p.location !== 'string' || stayMinutes(p) <= 0) return [];
  return carParksAt(world, p.location).filter((cp) => matches(cp, p)).map((cp) => toListing(world, cp, p));
}

function spaceGroup(world: World, cp: CarPark, p: SearchParams): OptionGroup {
  const full = fullSpaces(world, cp, String(p.entryDate));
  const choices: Choice[] = SPACE_TYPES.filter((t) => t !== 'ev' || cp.evCharging).map((t) => ({
    id: t,
    label: SPACE_LABELS[t],
    description: t === 'standard' ? 'Any free space' : t === 'premium' ? 'Reserved bay by the entrance and the pay machines' : 'Reserved bay with a 22 kW charger; charging included',
    price: spacePrice(cp, p, t),
    soldOut: full.has(t),
    unavailableLabel: 'Full',
    attrs: { spaceType: t, parkingPrice: spacePrice(cp, p, t) },
  }));
  return { id: 'space', label: 'Space type', display: 'cards', choices };
}

const carParkOf = (world: World, p: SearchParams, id: string) => {
  const cp = world.find(carParksDomain, id);
  return cp && matches(cp, p) ? cp : undefined;
};

export function detail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  const cp = carParkOf(world, p, id);
  if (!cp) return undefined;
  const listing = toListing(world, cp, p);
  const loc = parkingLocationById(cp.locationId)!;
  return {
    listing,
    description: [
      `${cp.name}, run by ${cp.operator}: ${transferText(cp, loc.kind)}.${cp.transfer === 'shuttle' ? ' Shuttles run every 10 minutes, day and night.' : ''}`,
      cp.covered ? `A covered car park; vehicles up to ${((cp.heightLimitCm ?? NO_LIMIT_CM) / 100).toFixed(2)} m high.` : 'An open-air car park with no height limit.',
      `Your stay: ${longDate(String(p.entryDate))} ${p.entryTime} to ${longDate(String(p.exitDate))} ${p.exitTime} (${stayText(p)}). Up to a day is billed by the hour (€${cp.hourly.toFixed(2)} an hour, at most €${cp.daily.toFixed(2)}); longer stays by the day, 15% off from 7 days and 25% off from 14.`,
      'Free changes to your entry and exit times before you arrive; free cancellation up to 24 hours before entry.',
    ],
    facts: [
      ...listing.facts,
      { label: 'Covered', value: cp.covered ? 'Yes' : 'No, open air' },
      { label: 'EV charging', value: cp.evCharging ? 'Yes' : 'No' },
    ],
    optionGroups: [spaceGroup(world, cp, p)],
  };
}

export function whyUnavailable(world: World, p: SearchParams, id: string): string | undefined {
  const cp = world.find(carParksDomain, id);
  if (!cp) return 'We could not find this car park. Go back to the results to choose another.';
  return 'This car park is not near the place you searched. Go back to the results.';
}

export const filters: FilterSpec[] = [
  { id: 'transfer', kind: 'multi', attr: 'transfer', label: 'Getting there', mode: 'any', options: [{ value: 'walk', label: 'Walking distance' }, { value: 'shuttle', label: 'Shuttle bus' }] },
  { id: 'covered', kind: 'flag', attr: 'covered', label: 'Covered (indoor) only' },
  { id: 'ev', kind: 'flag', attr: 'evCharging', label: 'EV charging' },
  { id: 'transferMin', kind: 'max', attr: 'transferMin', label: 'Walk or shuttle time', options: [5, 10, 15, 20].map((n) => ({ value: String(n), label: `Up to ${n} min` })) },
  { id: 'security', kind: 'multi', attr: 'security', label: 'Security', mode: 'all', options: SECURITY.map((s) => ({ value: s, label: SECURITY_LABELS[s] })) },
  { id: 'price', kind: 'max', attr: 'price', label: 'Price for your stay', options: [10, 20, 40, 60, 100, 150, 250].map((n) => ({ value: String(n), label: `Up to €${n}` })) },
  { id: 'height', kind: 'min', attr: 'heightLimitCm', label: 'Vehicle height', options: [190, 200, 210].map((n) => ({ value: String(n), label: `${(n / 100).toFixed(2)} m or more` })) },
];

export const sorts: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Cheapest', attr: 'price', dir: 'asc' },
  { id: 'closest', label: 'Closest', attr: 'transferMin', dir: 'asc' },
  { id: 'rating', label: 'Best rated', attr: 'rating', dir: 'desc' },
];

