import { addDays, daysBetween, horizonDates, minutesToTime, timeToMinutes, WORLD_TODAY } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { Booking } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import { round2, sumLines } from '../engine/common-fields.js';
import type { Extra, ManagePolicy, PolicyOutcome, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { steps } from '../engine/steps/index.js';
import { carParksDomain, PARKING_LOCATIONS, parkingLocationById } from './domain.js';
import { PARKSPOT_FACTS } from './facts.js';
import { CONTACT_FIELDS, LOCATION_SOURCE, locationOption, SEARCH_FIELDS, suggestLocations, validateParkingSearch, VEHICLE_AND_DRIVER } from './fields.js';
import { detail, filters, search, sorts, SPACE_LABELS, stayText, whyUnavailable, type SpaceType } from './inventory.js';
import { layout, theme, wording } from './look.js';
import { parkspotTasks } from './tasks.js';

const CURRENCY = 'EUR';

function extras(): Extra[] {
  return [
    { id: 'wash', label: 'Exterior car wash while you are away', noun: 'an exterior car wash', price: 15, per: 'booking', kind: 'checkbox' },
    { id: 'valet', label: 'Interior valet clean', noun: 'an interior valet clean', price: 32, per: 'booking', kind: 'checkbox' },
    { id: 'checks', label: 'Tyre pressure and oil check', noun: 'a tyre and oil check', price: 9, per: 'booking', kind: 'checkbox' },
  ];
}

function price(ctx: SelectionContext) {
  const space = ctx.choices.find((c) => c.attrs.spaceType !== undefined);
  const lines = [{ label: `${SPACE_LABELS[(space?.attrs.spaceType as SpaceType) ?? 'standard']}, ${stayText(ctx.params)}`, amount: Number(space?.attrs.parkingPrice ?? ctx.listing.price) }];
  for (const x of extras()) if ((ctx.extras[x.id] ?? 0) > 0) lines.push({ label: x.label, amount: round2(x.price) });
  return sumLines(CURRENCY, lines);
}

/** Hours from the world's "now" (noon on its today) to the entry. */
function hoursUntilEntry(b: Booking): number {
  const date = String(b.attrs.entryDate ?? WORLD_TODAY);
  const time = String(b.attrs.entryTime ?? '12:00');
  return daysBetween(WORLD_TODAY, date) * 24 + (timeToMinutes(time) - 12 * 60) / 60;
}

/** Extend, shorten or move the stay for free before arriving (at the new stay's price); cancel free up to 24 hours before entry. */
export const parkspotPolicy: ManagePolicy = {
  dateFields: ['entryDate', 'exitDate'],
  travellers: true,
  dateChange(b): PolicyOutcome {
    if (hoursUntilEntry(b) <= 0) return { allowed: false, fee: 0, reason: 'Your stay has begun: to stay longer, pay the extra time at the exit.' };
    return { allowed: true, fee: 0, reason: 'Free changes before you arrive: the new stay is charged at its own price.' };
  },
  cancellation(b): PolicyOutcome {
    const h = hoursUntilEntry(b);
    if (h <= 0) return { allowed: false, fee: 0, reason: 'Your stay has already begun.' };
    if (h < 24) return { allowed: true, fee: b.price.total, reason: 'Less than 24 hours before entry, the booking is non-refundable.' };
    return { allowed: true, fee: 0, reason: 'Free cancellation up to 24 hours before entry.' };
  },
};

/** Airports: stays of days; stations and centres: a day's parking or a short trip. */
function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates().slice(1, -16);
  for (;;) {
    const loc = rng.pick(PARKING_LOCATIONS);
    const entryDate = rng.pick(dates);
    const entryTime = minutesToTime(rng.int(10, 44) * 30);
    const days = loc.kind === 'airport' ? rng.weighted([[1, 1], [2, 2], [3, 3], [4, 2], [5, 2], [7, 3], [10, 1], [14, 1]] as const) : rng.weighted([[0, 5], [1, 2], [2, 1], [3, 1]] as const);
    const exitDate = addDays(entryDate, days);
    const exitTime = days === 0 ? minutesToTime(Math.min(47, timeToMinutes(entryTime) / 30 + rng.int(4, 20)) * 30) : minutesToTime(rng.int(10, 46) * 30);
    const params: SearchParams = { location: loc.id, entryDate, entryTime, exitDate, exitTime };
    if (Object.keys(validateParkingSearch(params)).length > 0) continue;
    if (search(world, params).filter((l) => !l.soldOut).length >= 5) return params;
  }
}

/** ParkSpot: car parks at airports, stations and city centres, priced for the stay by space type; a vehicle-and-driver wizard, card payment, and stays changed or cancelled under its policy. */
export const parkspot: SiteDefinition = {
  id: 'parkspot',
  name: 'ParkSpot',
  domain: 'parking',
  tagline: 'Pre-book airport, station and city parking',
  currency: CURRENCY,
  theme,
  layout,
  wording,
  searchFields: SEARCH_FIELDS,
  suggest: (_w, source, q) => (source === LOCATION_SOURCE ? suggestLocations(q) : []),
  labelFor: (_w, source, v) => {
    const l = source === LOCATION_SOURCE ? parkingLocationById(v) : undefined;
    return l ? locationOption(l).label : undefined;
  },
  validateSearch: validateParkingSearch,
  exampleSearch,
  search,
  filters,
  sorts,
  detail,
  whyUnavailable,
  travellerCount: () => 1,
  travellerFields: VEHICLE_AND_DRIVER,
  contactFields: CONTACT_FIELDS,
  extras,
  units: () => 1,
  price,
  facts: PARKSPOT_FACTS,
  domains: [carParksDomain],
  tasks: parkspotTasks,
  chrome: {
    items: 'parking spaces',
    faq: [
      { question: 'What if my flight is delayed?', answer: 'Change your exit time under My bookings before you arrive; after that, pay the extra time at the exit.' },
      { question: 'Can I cancel?', answer: 'Yes: free of charge up to 24 hours before your entry time. Later than that the booking is non-refundable.' },
      { question: 'How do I get in?', answer: 'Barrier car parks read your number plate; at the others, show your booking reference at the entrance.' },
    ],
    reviews: ['The shuttle was waiting when we landed.', 'Booking a charging bay for the week was easy.', 'Changed my exit time in a minute when the flight moved.', 'Covered parking right next to the platforms.'],
  },
  // Vehicle and driver, then contact, then add-ons, page by page; then payment by card.
  flow: [steps.search(), steps.results(), steps.listing(), steps.details({ wizard: true, labels: { travellers: 'Vehicle and driver' } }), steps.review(), steps.payment(), steps.confirmation()],
  manage: parkspotPolicy,
};
