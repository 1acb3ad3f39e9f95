import { daysBetween } from '../../core/dates.js';
import type { Listing } from '../engine/site-definition.js';
import { cityById } from '../../world/geography.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { clauses, datePhrases, indefinite, listPhrase, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';

/**
 * Staywell (hotels): where and when (destination, check-in, check-out), who (adults, children,
 * rooms), which hotel (stars, guest rating, price, distance, area, amenities, reviews, check-in
 * and check-out hours) and which room and rate (room type and size, free cancellation,
 * breakfast, what the room costs a night).
 *
 * Listing-level candidates are monotone in the target: when the generator retargets to the best
 * listing of a superlative's scope, the new target's candidate of the same id is at least as
 * strict as the old one, so the scope never widens. Set-valued ones (amenities, areas) name
 * their values in their id, so a retarget that would pick other values keeps the old constraint.
 */

const num = (t: Target, k: string) => Number(t.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Amenities worth asking for, rarest first (breakfast is left to the rate, to avoid confusion). */
const NOTABLE = ['spa', 'pool', 'shuttle', 'pets', 'gym', 'restaurant', 'parking', 'air-conditioning', 'wifi'] as const;
const AMENITY_WORDS: Record<(typeof NOTABLE)[number], string> = {
  spa: 'a spa',
  pool: 'a pool',
  shuttle: 'an airport shuttle',
  pets: 'pets allowed',
  gym: 'a gym',
  restaurant: 'a restaurant',
  parking: 'parking',
  'air-conditioning': 'air conditioning',
  wifi: 'free Wi-Fi',
};

const amenitiesOf = (l: Listing): string[] => (Array.isArray(l.attrs.amenities) ? l.attrs.amenities.map(String) : []);
const REVIEW_STEPS = [2000, 1000, 500, 250, 100];

/** A distance bound just above d: half kilometres up to 2 km, whole ones beyond (monotone). */
export function distanceBound(d: number): number {
  const half = Math.ceil(d * 2 - 1e-9) / 2;
  return half <= 2 ? Math.max(0.5, half) : Math.ceil(d - 1e-9);
}

function checkInPhrases(iso: string): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  for (const p of datePhrases(iso, 'on')) {
    out.push({ id: `arrive-${p.id}`, text: `arriving ${p.text}` });
    if (p.text.startsWith('on ')) out.push({ id: `checkin-${p.id}`, text: `checking in ${p.text}` });
  }
  return out;
}

function checkOutPhrases(iso: string, nights: number): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [
    { id: 'nights-n', text: `for ${nights} ${plural(nights, 'night')}` },
    { id: 'nights-word', text: `for ${numberWord(nights)} ${plural(nights, 'night')}` },
  ];
  if (nights === 7) out.push({ id: 'nights-week', text: 'for a week' });
  out.push({ id: 'nights-stay', text: `staying ${numberWord(nights)} ${plural(nights, 'night')}` });
  for (const p of datePhrases(iso, 'on')) {
    out.push({ id: `checkout-${p.id}`, text: `checking out ${p.text}` });
  }
  return out;
}

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const cityId = str(t, 'destination');
  const city = cityById(cityId);
  const cityName = city?.name ?? str(t, 'city');
  const checkIn = str(t, 'checkIn');
  const checkOut = str(t, 'checkOut');
  const nights = daysBetween(checkIn, checkOut);

  // Where and when.
  out.push({
    role: 'key',
    constraint: { id: 'destination', kind: 'exact', stage: 'search', field: 'destination', value: cityId },
    phrases: clauses('destination', [
      { id: 'in', text: `in ${cityName}` },
      ...(city ? [{ id: 'country', text: `in ${cityName}, ${city.country}` }] : []),
    ]),
  });
  out.push({ role: 'key', constraint: { id: 'checkIn', kind: 'exact', stage: 'search', field: 'checkIn', value: checkIn }, phrases: clauses('checkIn', checkInPhrases(checkIn)) });
  out.push({ role: 'key', constraint: { id: 'checkOut', kind: 'exact', stage: 'search', field: 'checkOut', value: checkOut }, phrases: clauses('checkOut', checkOutPhrases(checkOut, nights)) });

  // Who, and how many rooms. The party sets which rooms fit, what they cost and which hotels
  // have space, so a party that differs from the search form's default (2 adults, no children,
  // 1 room) is always stated: an agent that keeps an unstated default then sees the target's
  // own results. The default party is often, not always, named.
  const adults = num(t, 'adults');
  const children = num(t, 'children');
  const rooms = num(t, 'rooms');
  out.push({
    role: adults === 2 ? 'core' : 'key',
    constraint: { id: 'adults', kind: 'count', stage: 'search', field: 'adults', value: adults },
    phrases: clauses('adults', [
      { id: 'n', text: `for ${adults} ${plural(adults, 'adult')}` },
      { id: 'word', text: `for ${numberWord(adults)} ${plural(adults, 'adult')}` },
      ...(adults === 1 && children === 0 ? [{ id: 'me', text: 'just for me' }] : []),
      ...(adults === 2 && children === 0 ? [{ id: 'partner', text: 'for my partner and me' }] : []),
      ...(adults >= 3 ? [{ id: 'group', text: `for a group of ${numberWord(adults)} adults` }] : []),
    ]),
  });
  if (children > 0) {
    out.push({
      role: 'key',
      constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: children },
      phrases: clauses('children', [
        { id: 'n', text: `with ${children} ${plural(children, 'child', 'children')}` },
        { id: 'kids', text: children === 1 ? 'with my kid' : `with my ${numberWord(children)} kids` },
        { id: 'travelling', text: `travelling with ${numberWord(children)} ${plural(children, 'child', 'children')}` },
      ]),
    });
  } else {
    out.push({ role: 'refine', constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: 0 }, phrases: clauses('children', [{ id: 'none', text: 'with no children' }, { id: 'no-kids', text: 'no kids' }]) });
  }
  if (rooms > 1) {
    out.push({
      role: 'key',
      constraint: { id: 'rooms', kind: 'count', stage: 'search', field: 'rooms', value: rooms },
      phrases: [
        ...clauses('rooms', [
          { id: 'n', text: `in ${rooms} rooms` },
          { id: 'word', text: `in ${numberWord(rooms)} separate rooms` },
        ]),
        ...sentences('rooms', [{ id: 'need', text: `We need ${numberWord(rooms)} rooms.` }]),
      ],
    });
  } else {
    out.push({
      role: 'refine',
      constraint: { id: 'rooms', kind: 'count', stage: 'search', field: 'rooms', value: 1 },
      phrases: clauses('rooms', [{ id: 'one', text: 'in one room' }, ...(adults + children > 1 ? [{ id: 'share', text: `all ${numberWord(adults + children)} of us sharing one room` }] : [])]),
    });
  }

  // Listing facts (each with matchesListing, which scopes superlatives).
  const stars = num(t, 'stars');
  if (stars >= 3) {
    out.push({
      role: 'refine',
      constraint: { id: 'stars-min', kind: 'range', stage: 'selection', field: 'stars', min: stars },
      phrases:
        stars === 5
          ? clauses('stars-min', [{ id: 'five', text: 'at a 5-star hotel' }, { id: 'with', text: 'with 5 stars' }])
          : clauses('stars-min', [
              { id: 'at-least', text: `with at least ${stars} stars` },
              { id: 'or-more', text: `at a hotel with ${stars} or more stars` },
              { id: 'or-better', text: `at a ${stars}-star hotel or better` },
            ]),
      matchesListing: (l) => typeof l.attrs.stars === 'number' && l.attrs.stars >= stars,
    });
  } else {
    out.push({
      role: 'refine',
      constraint: { id: 'stars', kind: 'exact', stage: 'selection', field: 'stars', value: stars },
      phrases: clauses('stars', [{ id: 'at', text: `at a simple ${stars}-star hotel` }, { id: 'with', text: `with ${stars} stars` }]),
      matchesListing: (l) => l.attrs.stars === stars,
    });
  }

  const rating = num(t, 'rating');
  if (rating >= 7) {
    const min = Math.floor(rating + 1e-9);
    const word = min >= 9 ? 'Superb' : min >= 8 ? 'Very good' : 'Good';
    out.push({
      role: 'refine',
      constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min },
      phrases: clauses('rating-min', [
        { id: 'rated', text: `rated ${min} or higher by guests` },
        { id: 'score', text: `with a guest rating of at least ${min}` },
        { id: 'word', text: `rated ${word} (${min}+) by guests` },
      ]),
      matchesListing: (l) => typeof l.attrs.rating === 'number' && l.attrs.rating >= min,
    });
  }

  const perNight = rooms > 1 ? 'per room per night' : 'a night';

  const distance = num(t, 'distanceKm');
  const maxKm = distanceBound(distance);
  out.push({
    role: 'refine',
    constraint: { id: 'distance-max', kind: 'range', stage: 'selection', field: 'distanceKm', max: maxKm },
    phrases: clauses('distance-max', [
      { id: 'within', text: `within ${maxKm} km of the centre` },
      { id: 'no-more', text: `no more than ${maxKm} km from the city centre` },
    ]),
    matchesListing: (l) => typeof l.attrs.distanceKm === 'number' && l.attrs.distanceKm <= maxKm,
  });

  const area = str(t, 'neighbourhood');
  out.push({
    role: 'refine',
    constraint: { id: 'neighbourhood', kind: 'exact', stage: 'selection', field: 'neighbourhood', value: area },
    phrases: clauses('neighbourhood', [
      { id: 'in', text: `in ${area}` },
      { id: 'area', text: `in the ${area} area` },
      { id: 'located', text: `located in ${area}` },
    ]),
    matchesListing: (l) => l.attrs.neighbourhood === area,
  });
  // Either this area or another one of the city (the next one in the city's own order).
  const areas = city?.neighbourhoods ?? [];
  const i = areas.indexOf(area);
  if (i >= 0 && areas.length > 1) {
    const other = areas[(i + 1) % areas.length]!;
    const pair = [area, other].sort((a, b) => a.localeCompare(b));
    out.push({
      role: 'refine',
      constraint: { id: `neighbourhood-${pair.map(slug).join('-or-')}`, kind: 'set', stage: 'selection', field: 'neighbourhood', mode: 'one_of', values: pair },
      phrases: clauses('neighbourhood-one-of', [
        { id: 'either', text: `in either ${pair[0]} or ${pair[1]}` },
        { id: 'or', text: `in ${pair[0]} or ${pair[1]}` },
      ]),
      matchesListing: (l) => pair.includes(String(l.attrs.neighbourhood)),
    });
  }

  const has = amenitiesOf(t.listing);
  const notable = NOTABLE.filter((a) => has.includes(a));
  if (notable.length > 0) {
    const want = notable.slice(0, 2);
    const words = listPhrase(want.map((a) => AMENITY_WORDS[a]));
    out.push({
      role: 'refine',
      constraint: { id: `amenities-${want.join('-')}`, kind: 'set', stage: 'selection', field: 'amenities', mode: 'includes_all', values: [...want] },
      phrases: [
        ...clauses('amenities', [
          { id: 'with', text: `with ${words}` },
          { id: 'has', text: `that has ${words}` },
        ]),
        ...sentences('amenities', [{ id: 'must', text: `The hotel must have ${words}.` }]),
      ],
      matchesListing: (l) => want.every((a) => amenitiesOf(l).includes(a)),
    });
  }

  const reviews = num(t, 'reviewCount');
  const minReviews = REVIEW_STEPS.find((s) => s <= reviews);
  if (minReviews !== undefined) {
    const n = minReviews.toLocaleString('en-GB');
    out.push({
      role: 'refine',
      constraint: { id: 'reviews-min', kind: 'range', stage: 'selection', field: 'reviewCount', min: minReviews },
      phrases: clauses('reviews-min', [
        { id: 'at-least', text: `with at least ${n} guest reviews` },
        { id: 'plus', text: `that has ${n}+ reviews` },
      ]),
      matchesListing: (l) => typeof l.attrs.reviewCount === 'number' && l.attrs.reviewCount >= minReviews,
    });
  }

  const checkInTime = str(t, 'checkInTime');
  if (checkInTime <= '15:00') {
    out.push({
      role: 'refine',
      constraint: { id: 'checkin-by', kind: 'time_window', stage: 'selection', field: 'checkInTime', before: checkInTime },
      phrases: [
        ...clauses('checkin-by', [
          { id: 'by', text: `where I can check in by ${checkInTime}` },
          { id: 'from', text: `with check-in from ${checkInTime} or earlier` },
        ]),
        ...sentences('checkin-by', [{ id: 'early', text: `I arrive early, so check-in must open by ${checkInTime}.` }]),
      ],
      matchesListing: (l) => typeof l.attrs.checkInTime === 'string' && l.attrs.checkInTime <= checkInTime,
    });
  }
  const checkOutTime = str(t, 'checkOutTime');
  if (checkOutTime >= '11:00') {
    out.push({
      role: 'refine',
      constraint: { id: 'checkout-after', kind: 'time_window', stage: 'selection', field: 'checkOutTime', after: checkOutTime },
      phrases: [
        ...clauses('checkout-after', [
          { id: 'until', text: `where I can stay until ${checkOutTime} on the last day` },
          { id: 'at', text: `with check-out at ${checkOutTime} or later` },
        ]),
        ...sentences('checkout-after', [{ id: 'sleep-in', text: `I like to sleep in: check-out should be no earlier than ${checkOutTime}.` }]),
      ],
      matchesListing: (l) => typeof l.attrs.checkOutTime === 'string' && l.attrs.checkOutTime >= checkOutTime,
    });
  }

  // Choice facts: the room and the rate.
  const room = str(t, 'room');
  out.push({
    role: 'refine',
    constraint: { id: 'room', kind: 'exact', stage: 'selection', field: 'room', value: room },
    phrases: [
      ...clauses('room', [{ id: 'in', text: `in ${indefinite(room)} ${room}` }]),
      ...sentences('room', [
        { id: 'book', text: `Book the ${room}.` },
        { id: 'want', text: /\broom\b/i.test(room) ? `I'd like the ${room}.` : `I'd like the ${room} room.` },
      ]),
    ],
  });
  const size = num(t, 'roomSizeM2');
  if (size >= 15) {
    const minSize = Math.floor(size / 5) * 5;
    out.push({
      role: 'refine',
      constraint: { id: 'room-size-min', kind: 'range', stage: 'selection', field: 'roomSizeM2', min: minSize },
      phrases: [
        ...clauses('room-size-min', [{ id: 'at-least', text: `in a room of at least ${minSize} m²` }]),
        ...sentences('room-size-min', [{ id: 'big', text: `The room should be at least ${minSize} m².` }]),
      ],
    });
  }
  const rate = str(t, 'rate');
  out.push({
    role: 'refine',
    constraint: { id: 'rate', kind: 'exact', stage: 'selection', field: 'rate', value: rate },
    phrases:
      rate === 'nonref'
        ? sentences('rate', [
            { id: 'nonref', text: 'Take the non-refundable rate.' },
            { id: 'nonref-fine', text: "I won't cancel, so book the cheaper non-refundable rate." },
          ])
        : rate === 'flex'
          ? sentences('rate', [
              { id: 'flex', text: 'Pick the Free cancellation rate, room only.' },
              { id: 'flex-no-breakfast', text: 'Choose the rate with free cancellation but without breakfast.' },
            ])
          : sentences('rate', [
              { id: 'breakfast', text: 'Choose the rate with breakfast included.' },
              { id: 'breakfast-name', text: 'Pick the "Breakfast included + free cancellation" rate.' },
            ]),
  });
  if (t.attrs.freeCancellation === true) {
    out.push({
      role: 'refine',
      constraint: { id: 'free-cancellation', kind: 'exact', stage: 'selection', field: 'freeCancellation', value: true },
      phrases: [
        ...clauses('free-cancellation', [{ id: 'with', text: 'with free cancellation' }]),
        ...sentences('free-cancellation', [{ id: 'must', text: 'I need to be able to cancel for free.' }]),
      ],
    });
  }
  if (t.attrs.breakfast === true) {
    out.push({
      role: 'refine',
      constraint: { id: 'breakfast', kind: 'exact', stage: 'selection', field: 'breakfast', value: true },
      phrases: [
        ...clauses('breakfast', [{ id: 'with', text: 'with breakfast included' }]),
        ...sentences('breakfast', [{ id: 'must', text: 'Breakfast must be included.' }]),
      ],
    });
  }
  // What the room and rate chosen cost a night (before city tax and extras): what is paid, not the hotel's "from" price.
  const nightly = typeof t.attrs.nightlyPrice === 'number' ? t.attrs.nightlyPrice : undefined;
  if (nightly !== undefined) {
    const maxNightly = roundUpNice(nightly);
    out.push({
      role: 'refine',
      constraint: { id: 'nightly-max', kind: 'range', stage: 'selection', field: 'nightlyPrice', max: maxNightly },
      phrases: [
        ...clauses('nightly-max', [
          { id: 'up-to', text: `paying up to €${maxNightly} ${perNight} for the room, before city tax` },
          { id: 'at-most', text: `paying at most €${maxNightly} ${perNight} for the room (city tax aside)` },
        ]),
        ...sentences('nightly-max', [{ id: 'keep', text: `Keep the room at or under €${maxNightly} ${perNight}, before city tax.` }]),
      ],
    });
  }
  return out;
}

export const staywellTasks: TaskCatalogue = {
  siteId: 'staywell',
  intros: ['Book a hotel', 'Find and book a hotel', 'I need a hotel', 'Please book me a place to stay', 'Reserve a hotel', 'Book me a hotel'],
  candidates,
  superlatives: [
    {
      id: 'cheapest',
      field: 'nightlyPrice',
      objective: 'min',
      phrases: sentences('cheapest', [
        { id: 'pick', text: 'Of the rooms that fit, book the one with the lowest price per night.' },
        { id: 'lowest', text: 'Pay as little per night as you can for a room that matches.' },
      ]),
    },
    {
      id: 'top-rated',
      field: 'rating',
      objective: 'max',
      phrases: sentences('top-rated', [
        { id: 'pick', text: 'Choose the hotel with the best guest rating among those that fit.' },
        { id: 'best', text: 'Go for the highest-rated hotel that matches.' },
      ]),
    },
    {
      id: 'closest',
      field: 'distanceKm',
      objective: 'min',
      phrases: sentences('closest', [
        { id: 'pick', text: 'Pick the matching hotel closest to the city centre.' },
        { id: 'central', text: 'Of the hotels that fit, take the most central one.' },
      ]),
    },
    {
      id: 'most-reviewed',
      field: 'reviewCount',
      objective: 'max',
      phrases: sentences('most-reviewed', [{ id: 'pick', text: 'Choose the hotel with the most guest reviews among those that fit.' }]),
    },
  ],
};
