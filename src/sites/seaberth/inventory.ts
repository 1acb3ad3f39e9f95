import { longDate, shortDate } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { Choice, Listing, ListingDetail, OptionGroup, SearchParams } from '../engine/site-definition.js';
import { money } from '../engine/views/format.js';
import { cabinsOf, type Cabin } from './cabins.js';
import { GRADES, sailingsDomain, type Grade, type Sailing } from './domain.js';
import { excursionsOf, type Excursion } from './excursions.js';
import { portName } from './ports.js';

/**
 * Seaberth's two inventories on one site: sailings and their cabins (the main search) and the
 * shore excursions of the sailing chosen (the second round, a search made from the main one and
 * the sailing with `part: "excursions"`).
 */

export const CURRENCY = 'EUR';
/** The third and fourth guests of a cabin pay this share of the fare. */
export const EXTRA_GUEST_SHARE = 0.5;
export const PORT_FEES_NIGHT = 14;

const count = (v: string | number | undefined) => {
  const n = Number(v ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
};
export type Party = { adults: number; children: number; guests: number };
export function partyOf(p: SearchParams): Party {
  const adults = Math.max(1, count(p.adults));
  const children = count(p.children);
  return { adults, children, guests: adults + children };
}
export const isExcursionSearch = (p: SearchParams) => p.part === 'excursions';
export const excursionSearch = (main: SearchParams, sailingId?: string): SearchParams => ({ ...main, part: 'excursions', sailing: sailingId ?? '' });

const GRADE_ORDER: Grade[] = ['inside', 'oceanview', 'balcony', 'suite'];
const POSITION_LABEL = { fore: 'forward', midship: 'midship', aft: 'aft' } as const;

/** A cabin's label: where it is and what it is, as the deck plan names it. */
export const cabinLabel = (c: Cabin) => `Deck ${c.deck} cabin ${c.number}, ${GRADES[c.grade].label.toLowerCase()}, ${POSITION_LABEL[c.position]}${c.accessible ? ', accessible' : ''}, sleeps ${c.sleeps}`;

const cabinOpen = (c: Cabin, p: SearchParams) => !c.taken && c.sleeps >= partyOf(p).guests;

function sailingListing(world: World, s: Sailing, p: SearchParams): Listing {
  const cabins = cabinsOf(world, s).filter((c) => cabinOpen(c, p));
  const from = cabins.length ? Math.min(...cabins.map((c) => c.fare)) : 0;
  const grades = GRADE_ORDER.filter((g) => cabins.some((c) => c.grade === g));
  const ports = s.calls.map((c) => c.port);
  const fromGrade = (g: Grade) => {
    const fares = cabins.filter((c) => c.grade === g).map((c) => c.fare);
    return fares.length ? money(Math.min(...fares), CURRENCY) : 'Sold out';
  };
  return {
    id: s.id,
    title: `${s.nights} nights: ${ports.slice(0, 3).join(', ')}${ports.length > 3 ? ` and ${ports.length - 3} more` : ''}`,
    subtitle: `${s.ship}, ${s.line} · leaves ${shortDate(s.departDate)}`,
    badges: [...(cabins.length === 0 ? ['No cabin free for your party'] : cabins.length <= 6 ? [`Only ${cabins.length} cabins left`] : []), ...(s.nights - s.calls.length >= 3 ? ['Relaxing sea days'] : [])],
    facts: [
      { label: 'Dates', value: `${shortDate(s.departDate)} – ${shortDate(s.returnDate)}` },
      { label: 'Ports', value: `${ports.length} ports, ${s.nights - ports.length} sea days` },
    ],
    details: [
      { label: 'Itinerary', value: [portName(s.homePort), ...ports, portName(s.homePort)].join(' → ') },
      { label: 'Cabins from', value: GRADE_ORDER.map((g) => `${GRADES[g].label} ${fromGrade(g)}`).join(' · ') },
    ],
    price: from,
    priceUnit: 'per person, from',
    soldOut: cabins.length === 0,
    attrs: {
      line: s.line,
      ship: s.ship,
      nights: s.nights,
      departDate: s.departDate,
      returnDate: s.returnDate,
      ports,
      portCount: ports.length,
      grades,
      fromFare: from,
      fromPerNight: Math.round((from / s.nights) * 100) / 100,
      rank: Math.round(from / s.nights - ports.length * 6),
    },
  };
}

function excursionListing(x: Excursion): Listing {
  return {
    id: x.id,
    title: x.name,
    subtitle: `${x.port}, ${longDate(x.day)}`,
    badges: x.soldOut ? ['Fully booked'] : x.level === 'active' ? ['Active'] : [],
    facts: [
      { label: 'Port', value: x.port },
      { label: 'Duration', value: `${x.durationH} hours` },
      { label: 'Activity level', value: x.level },
    ],
    price: x.adultPrice,
    priceUnit: 'per adult',
    soldOut: x.soldOut,
    attrs: { excursionName: x.name, excursionPort: x.port, excursionDay: x.day, durationH: x.durationH, level: x.level, adultPrice: x.adultPrice, childPrice: x.childPrice, rank: Number(x.day.replaceAll('-', '')) * 1000 + x.adultPrice },
  };
}

const sailingOf = (world: World, id: string | number | undefined) => (typeof id === 'string' ? world.find(sailingsDomain, id) : undefined);

/** Sailings from the home port in the month, or the chosen sailing's excursions for the excursions round. */
export function searchCruises(world: World, p: SearchParams): Listing[] {
  if (isExcursionSearch(p)) {
    const s = sailingOf(world, p.sailing);
    return s && s.homePort === p.port ? excursionsOf(world, s).map(excursionListing) : [];
  }
  if (typeof p.port !== 'string' || typeof p.month !== 'string') return [];
  return world
    .all(sailingsDomain)
    .filter((s) => s.homePort === p.port && s.departDate.startsWith(`${p.month}-`))
    .map((s) => sailingListing(world, s, p));
}

function cabinGroup(world: World, s: Sailing, p: SearchParams): OptionGroup {
  const choices: Choice[] = cabinsOf(world, s).map((c) => ({
    id: c.id,
    label: cabinLabel(c),
    price: c.fare,
    soldOut: !cabinOpen(c, p),
    unavailableLabel: c.taken ? 'Taken' : `Sleeps ${c.sleeps}`,
    attrs: { row: c.deck, letter: c.number, rowLabel: `Deck ${c.deck}`, deck: c.deck, cabin: c.number, grade: c.grade, position: c.position, accessible: c.accessible, sleeps: c.sleeps, fare: c.fare, farePerNight: Math.round((c.fare / s.nights) * 100) / 100 },
  }));
  return { id: 'cabin', label: 'Cabin', display: 'seatmap', pick: 'one', choices };
}

const DINING = {
  early: { label: 'Early seating (18:00)' },
  late: { label: 'Late seating (20:30)' },
  anytime: { label: 'Anytime dining' },
} as const;
export const diningLabel = (id: string) => DINING[id as keyof typeof DINING]?.label ?? id;

function diningGroup(): OptionGroup {
  return { id: 'dining', label: 'Dining', display: 'list', choices: (Object.keys(DINING) as (keyof typeof DINING)[]).map((id) => ({ id, label: DINING[id].label, price: 0, attrs: { dining: id } })) };
}

/** The tour's start times that day (the ship's time in port allows two); one may be full. */
function startGroup(x: Excursion): OptionGroup {
  const full = Number(x.id.slice(-1)) % 3 === 0 ? (x.day.endsWith('1') ? '08:30' : '13:30') : undefined;
  return {
    id: 'start',
    label: 'Start time',
    display: 'list',
    choices: ['08:30', '13:30'].map((t) => ({ id: t.replace(':', ''), label: `Starts at ${t}`, price: x.adultPrice, soldOut: x.soldOut || t === full, unavailableLabel: 'Full', attrs: { startTime: t } })),
  };
}

/** A sailing's page (its deck plan and dining) or an excursion's page (its tickets). */
export function cruiseDetail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  if (isExcursionSearch(p)) {
    const s = sailingOf(world, p.sailing);
    const x = s && s.homePort === p.port ? excursionsOf(world, s).find((e) => e.id === id) : undefined;
    if (!x) return undefined;
    const listing = excursionListing(x);
    return {
      listing,
      description: [`${x.name}: ${x.durationH} hours ashore at ${x.port} on ${longDate(x.day)}, while your ship is in port.`, `Adults ${money(x.adultPrice, CURRENCY)}, children under 12 ${money(x.childPrice, CURRENCY)}; every guest of your cabin goes.`],
      facts: listing.facts,
      optionGroups: [startGroup(x)],
    };
  }
  const s = sailingOf(world, id);
  if (!s || s.homePort !== p.port || typeof p.month !== 'string' || !s.departDate.startsWith(`${p.month}-`)) return undefined;
  const listing = sailingListing(world, s, p);
  return {
    listing,
    description: [
      `${s.ship} of ${s.line}: ${s.nights} nights from ${portName(s.homePort)}, ${s.calls.length} ports of call and ${s.nights - s.calls.length} days at sea.`,
      `Choose your cabin on the deck plan: decks from 4 (lowest) to 10, forward, midship or aft. Fares are per person; the third and fourth guests in a cabin pay ${Math.round(EXTRA_GUEST_SHARE * 100)}%. Port taxes and fees are ${money(PORT_FEES_NIGHT, CURRENCY)} per guest a night.`,
      'Shore excursions at the ports are chosen on the next page.',
    ],
    facts: [{ label: 'Departs', value: `${longDate(s.departDate)}, back ${longDate(s.returnDate)}` }, ...listing.facts, ...listing.details!, { label: 'Ports of call', value: s.calls.map((c) => `day ${c.day}: ${c.port}`).join('; ') }],
    optionGroups: [cabinGroup(world, s, p), diningGroup()],
  };
}
