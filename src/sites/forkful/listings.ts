import { shortDate, timeToMinutes } from '../../core/dates.js';
import type { RestaurantRow } from './domain.js';
import { cityById } from '../../world/geography.js';
import type { World } from '../../world/world.js';
import type { Choice, FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SortSpec } from '../engine/site-definition.js';
import {
  COUNTER_MAX,
  SMALL_TABLE_MAX,
  daySlots,
  freeSlotsNear,
  isOpenOn,
  restaurantById,
  restaurantsIn,
  type Slot,
} from './inventory.js';
import {
  CUISINE_LABELS,
  DRESS_CODE_LABELS,
  FEATURE_LABELS,
  SEATING_LABELS,
  WEEKDAY_PLURALS,
  count,
  cuisinePhrase,
  options,
  priceSymbols,
} from './labels.js';

/** Results and listing pages: which restaurants can seat the party that day, and their tables. */

type Query = { city: string; date: string; time: string; partySize: number };

function query(params: SearchParams): Query | undefined {
  const { city, date, time, partySize } = params;
  if (typeof city !== 'string' || typeof date !== 'string' || typeof time !== 'string') return undefined;
  const n = Number(partySize ?? 2);
  if (!Number.isInteger(n) || n < 1) return undefined;
  return { city, date, time, partySize: n };
}

/** Listed when open that day and the party fits; sold out when no seating is left for it. */
function bookable(r: RestaurantRow, q: Query): boolean {
  return r.cityId === q.city && q.partySize <= r.maxPartySize && isOpenOn(r, q.date);
}

function freeCancellation(r: RestaurantRow): boolean {
  return r.depositPolicy === 'none' || r.refundHours > 0;
}

function cancellationText(r: RestaurantRow): string {
  if (r.depositPolicy === 'none') return 'Free cancellation; please cancel at least 2 hours ahead';
  return r.refundHours > 0
    ? `Deposit refunded if you cancel at least ${r.refundHours} hours before`
    : 'Deposit is non-refundable';
}

function toListing(r: RestaurantRow, q: Query, slots: Slot[], rank: number): Listing {
  const free = slots.filter((s) => s.state === 'free');
  const near = freeSlotsNear(slots, q.time);
  const soldOut = free.length === 0;
  const depositSlots = near.length > 0 ? near : free.length > 0 ? free : slots;
  const price = depositSlots.length > 0 ? Math.min(...depositSlots.map((s) => s.depositPerGuest)) : 0;
  const badges: string[] = [];
  if (r.rating >= 4.7 && r.reviewCount >= 200) badges.push("Diners' choice");
  if (r.depositPolicy !== 'none') {
    badges.push(r.depositPolicy === 'always' ? `Deposit €${r.depositPerGuest} per guest` : `Weekend dinner deposit €${r.depositPerGuest} per guest`);
  }
  if (!soldOut && free.length <= 3) badges.push(`Only ${free.length} ${free.length === 1 ? 'time' : 'times'} left`);
  const timesFact = soldOut
    ? { label: 'Availability', value: `Fully booked on ${shortDate(q.date)}` }
    : near.length > 0
      ? { label: `Tables near ${q.time}`, value: near.map((s) => s.time).join(', ') }
      : { label: `Tables near ${q.time}`, value: `none (other times from ${free[0]!.time})` };
  return {
    id: r.id,
    title: r.name,
    subtitle: `${CUISINE_LABELS[r.cuisine]} · ${r.neighbourhood} · ${priceSymbols(r.priceLevel)}`,
    badges,
    facts: [
      { label: 'Rating', value: `${r.rating.toFixed(1)} (${count(r.reviewCount)} reviews)` },
      { label: 'Price', value: priceSymbols(r.priceLevel) },
      timesFact,
    ],
    price,
    priceUnit: 'deposit per guest',
    soldOut,
    attrs: {
      restaurant: r.name,
      cuisine: r.cuisine,
      priceLevel: r.priceLevel,
      rating: r.rating,
      reviewCount: r.reviewCount,
      neighbourhood: r.neighbourhood,
      features: [...r.features],
      seatingAreas: [...r.seating],
      freeSlots: near.map((s) => s.time),
      freeSlotCount: free.length,
      depositPerGuest: price,
      depositRequired: r.depositPolicy !== 'none',
      freeCancellation: freeCancellation(r),
      maxPartySize: r.maxPartySize,
      dressCode: r.dressCode,
      lunchService: r.lunch !== null,
      rank,
    },
  };
}

/** Recommended: rating weighted by review volume, nudged up when tables are free near the time. */
function score(r: RestaurantRow, slots: Slot[], time: string): number {
  const near = freeSlotsNear(slots, time).length;
  return r.rating * 2 + Math.log10(r.reviewCount) + (near > 0 ? 1.5 : 0) + near * 0.1;
}

export function search(world: World, params: SearchParams): Listing[] {
  const q = query(params);
  if (!q) return [];
  const found = restaurantsIn(world, q.city)
    .filter((r) => bookable(r, q))
    .map((r) => {
      const slots = daySlots(r, q.date, q.partySize);
      return { r, slots, s: score(r, slots, q.time) };
    })
    .sort((a, b) => b.s - a.s || a.r.id.localeCompare(b.r.id));
  return found.map(({ r, slots }, i) => toListing(r, q, slots, i + 1));
}

function hoursText(r: RestaurantRow): string {
  const dinner = `Dinner ${r.dinner.first}–${r.dinner.last}`;
  return r.lunch ? `Lunch ${r.lunch.first}–${r.lunch.last} · ${dinner}` : `${dinner} (no lunch service)`;
}

function timeGroup(slots: Slot[]): OptionGroup {
  return {
    id: 'time',
    label: 'Time',
    display: 'grid',
    choices: slots.map((s): Choice => {
      const choice: Choice = {
        id: s.time.replace(':', ''),
        label: s.time,
        price: s.depositPerGuest,
        // Not `time`: that is the search's requested time, which the selection keeps.
        attrs: { bookedTime: s.time, meal: s.meal, depositPerGuest: s.depositPerGuest },
      };
      if (s.state === 'booked') {
        choice.soldOut = true;
      } else if (s.state === 'small-only') {
        choice.soldOut = true;
        choice.description = `Only tables for up to ${SMALL_TABLE_MAX} left`;
      } else if (s.depositPerGuest > 0) {
        choice.description = 'Deposit per guest';
      }
      return choice;
    }),
  };
}

function seatingGroup(r: RestaurantRow, date: string, partySize: number): OptionGroup {
  return {
    id: 'seating',
    label: 'Seating',
    display: 'list',
    choices: r.seating.map((area): Choice => {
      const choice: Choice = { id: area, label: SEATING_LABELS[area], price: 0, attrs: { seating: area } };
      if (area === 'terrace') {
        if (r.terraceFull.includes(date)) {
          choice.soldOut = true;
          choice.description = 'Terrace fully booked on this date';
        } else {
          choice.description = 'Outdoors, weather permitting; moved inside if it rains';
        }
      } else if (area === 'bar') {
        if (partySize > SMALL_TABLE_MAX) {
          choice.soldOut = true;
          choice.description = `High tables seat up to ${SMALL_TABLE_MAX}`;
        } else {
          choice.description = 'High tables by the bar';
        }
      } else if (area === 'counter') {
        if (partySize > COUNTER_MAX) {
          choice.soldOut = true;
          choice.description = `Counter seats for up to ${COUNTER_MAX} guests`;
        } else {
          choice.description = 'Watch the kitchen at work';
        }
      }
      return choice;
    }),
  };
}

export function detail(world: World, params: SearchParams, listingId: string): ListingDetail | undefined {
  const q = query(params);
  const r = restaurantById(world, listingId);
  if (!q || !r || !bookable(r, q)) return undefined;
  const slots = daySlots(r, q.date, q.partySize);
  const listing = toListing(r, q, slots, 0);
  const rank = search(world, params).find((l) => l.id === r.id)?.attrs.rank;
  if (typeof rank === 'number') listing.attrs.rank = rank;
  const city = cityById(r.cityId);
  const facts = [
    { label: 'Cuisine', value: CUISINE_LABELS[r.cuisine] },
    { label: 'Price range', value: priceSymbols(r.priceLevel) },
    { label: 'Rating', value: `${r.rating.toFixed(1)} / 5 (${count(r.reviewCount)} reviews)` },
    { label: 'Neighbourhood', value: r.neighbourhood },
    { label: 'Opening hours', value: hoursText(r) },
    { label: 'Closed', value: r.closedWeekday === null ? 'Open every day' : WEEKDAY_PLURALS[r.closedWeekday]! },
    { label: 'Largest party', value: `${r.maxPartySize} guests` },
    { label: 'Seating', value: r.seating.map((a) => SEATING_LABELS[a]).join(', ') },
    { label: 'Features', value: r.features.length ? r.features.map((f) => FEATURE_LABELS[f]).join(', ') : 'None listed' },
    {
      label: 'Deposit',
      value: r.depositPolicy === 'none'
        ? 'No deposit'
        : r.depositPolicy === 'always'
          ? `€${r.depositPerGuest} per guest, deducted from the bill`
          : `€${r.depositPerGuest} per guest for Friday and Saturday dinner`,
    },
    { label: 'Cancellation', value: cancellationText(r) },
    { label: 'Dress code', value: DRESS_CODE_LABELS[r.dressCode] ?? r.dressCode },
  ];
  const description = [
    `${r.name} is ${cuisinePhrase(r.cuisine)} in ${r.neighbourhood}, ${city?.name ?? r.cityId}, led by chef ${r.chef}. Regulars come back for the ${r.signature}.`,
    `Tables are held for 15 minutes after the booking time. Seatings last about ${timeToMinutes(r.dinner.first) >= 19 * 60 + 30 ? '2 hours' : '1 hour 45 minutes'}.`,
  ];
  if (r.depositPolicy !== 'none') {
    description.push(`A deposit is taken when you book and deducted from the bill. ${cancellationText(r)}.`);
  }
  return {
    listing,
    description,
    facts,
    optionGroups: [timeGroup(slots), seatingGroup(r, q.date, q.partySize)],
  };
}

export const filters: FilterSpec[] = [
  { id: 'cuisine', kind: 'multi', attr: 'cuisine', label: 'Cuisine', mode: 'any', options: options(CUISINE_LABELS) },
  {
    id: 'price',
    kind: 'multi',
    attr: 'priceLevel',
    label: 'Price',
    mode: 'any',
    options: [1, 2, 3, 4].map((n) => ({ value: String(n), label: priceSymbols(n) })),
  },
  { id: 'rating', kind: 'min', attr: 'rating', label: 'Rating', options: [{ value: '4', label: '4.0+' }, { value: '4.5', label: '4.5+' }] },
  { id: 'features', kind: 'multi', attr: 'features', label: 'Features', mode: 'all', options: options(FEATURE_LABELS) },
  { id: 'neighbourhood', kind: 'multi', attr: 'neighbourhood', label: 'Neighbourhood', mode: 'any' },
];

export const sorts: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'rating', label: 'Highest rated', attr: 'rating', dir: 'desc' },
  { id: 'price', label: 'Price: low to high', attr: 'priceLevel', dir: 'asc' },
  { id: 'reviews', label: 'Most reviewed', attr: 'reviewCount', dir: 'desc' },
];
