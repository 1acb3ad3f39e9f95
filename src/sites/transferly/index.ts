import { addDays, horizonDates, minutesToTime } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { Attrs } from '../../core/schemas/episode-state.js';
import { CITIES } from '../../world/geography.js';
import type { World } from '../../world/world.js';
import { round2, sumLines } from '../engine/common-fields.js';
import type { Extra, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { steps } from '../engine/steps/index.js';
import { AREAS, transferOffersDomain } from './domain.js';
import { TRANSFERLY_FACTS } from './facts.js';
import { AIRPORT_SOURCE, airportLabel, AREA_SOURCE, areaLabel, CONTACT_FIELDS, SEARCH_FIELDS, suggestAirports, suggestAreas, TRAVELLER_FIELDS, validateTransferSearch } from './fields.js';
import { detail, FARES, filters, search, sorts, whyUnavailable, type FareId } from './inventory.js';
import { layout, theme, wording } from './look.js';
import { transferlyTasks } from './tasks.js';

const CURRENCY = 'EUR';
type Ctx = Omit<SelectionContext, 'extras'>;
const legsOf = (p: SearchParams) => (p.tripType === 'return' ? 2 : 1);

/** The way back: from the district to the airport, on the return date at the return time. */
export function returnLeg(main: SearchParams): SearchParams {
  return { ...main, direction: 'to-airport', date: main.returnDate!, time: main.returnTime! };
}

/** Meet & greet in arrivals (unless the ride includes it) and child seats, fitted on every leg. */
function extras(ctx: Ctx): Extra[] {
  const legs = legsOf(ctx.params);
  const out: Extra[] = [];
  if (ctx.listing.attrs.meetGreetIncluded !== true) out.push({ id: 'meet-greet', label: 'Meet & greet in arrivals', noun: 'meet and greet in arrivals', description: 'Your driver waits in the arrivals hall with your name on a sign', price: 12, per: 'booking', kind: 'checkbox' });
  out.push({ id: 'child-seat', label: 'Child seat', noun: 'a child seat', description: `€6.00 each${legs === 2 ? ', per leg (both legs)' : ''}`, price: 6, per: 'unit', kind: 'stepper', max: 3 });
  out.push({ id: 'extra-stop', label: 'An extra stop on the way', noun: 'an extra stop on the way', description: 'Up to 10 minutes, within the city', price: 10, per: 'booking', kind: 'checkbox' });
  return out;
}

function price(ctx: SelectionContext) {
  const fare = ctx.choices.find((c) => c.attrs.fare !== undefined);
  const way = ctx.params.direction === 'to-airport' ? 'to the airport' : 'from the airport';
  const lines = [{ label: `Transfer ${way} (${FARES[(fare?.attrs.fare as FareId) ?? 'standard'].label})`, amount: Number(fare?.attrs.transferPrice ?? ctx.listing.price) }];
  const legs = legsOf(ctx.params);
  for (const x of extras(ctx)) {
    const q = ctx.extras[x.id] ?? 0;
    if (q > 0) lines.push({ label: x.per === 'unit' ? `${x.label} × ${q}${legs === 2 ? ', both legs' : ''}` : x.label, amount: round2(x.price * q * (x.per === 'unit' ? legs : 1)) });
  }
  return sumLines(CURRENCY, lines);
}

function bookingAttrs(ctx: SelectionContext): Attrs {
  return { childSeats: ctx.extras['child-seat'] ?? 0, meetGreet: ctx.listing.attrs.meetGreetIncluded === true || (ctx.extras['meet-greet'] ?? 0) > 0 };
}

/** A search with enough rides both ways: mostly couples and families with a few bags; some groups. */
function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates().slice(1, -6);
  for (;;) {
    const city = rng.pick(CITIES);
    const area = rng.pick(AREAS.filter((a) => a.cityId === city.id));
    const date = rng.pick(dates);
    const time = minutesToTime(rng.int(12, 45) * 30);
    const passengers = rng.weighted([[1, 3], [2, 5], [3, 2], [4, 2], [5, 1], [6, 1], [9, 0.5]] as const);
    const tripType = rng.chance(0.5) ? 'return' : 'oneway';
    // A return request already says two more things (when back, at what time): its party keeps
    // one of the form's defaults (2 passengers, 2 suitcases), so that it fits in eight facts.
    const bags = tripType === 'return' && passengers !== 2 ? 2 : Math.max(0, passengers + rng.int(-1, 1));
    const params: SearchParams = { tripType, airport: city.airport.code, area: area.id, date, time, passengers, bags };
    if (tripType === 'return') {
      params.returnDate = addDays(date, rng.weighted([[2, 2], [3, 3], [4, 3], [5, 2], [7, 2]] as const));
      params.returnTime = minutesToTime(rng.int(10, 40) * 30);
    }
    if (Object.keys(validateTransferSearch(params)).length > 0) continue;
    const open = (p: SearchParams) => search(world, p).filter((l) => !l.soldOut).length;
    if (open(params) < 5) continue;
    if (tripType === 'return' && open(returnLeg(params)) < 5) continue;
    return params;
  }
}

/** Transferly: rides from the airport into the city by vehicle type, shared or private, an optional way back chosen on its own results, a required account and card payment. */
export const transferly: SiteDefinition = {
  id: 'transferly',
  name: 'Transferly',
  domain: 'airport transfers',
  tagline: 'Airport transfers at a fixed price, booked in a minute',
  currency: CURRENCY,
  theme,
  layout,
  wording,
  searchFields: SEARCH_FIELDS,
  suggest: (_w, source, q) => (source === AIRPORT_SOURCE ? suggestAirports(q) : source === AREA_SOURCE ? suggestAreas(q) : []),
  labelFor: (_w, source, v) => (source === AIRPORT_SOURCE ? airportLabel(v) : source === AREA_SOURCE ? areaLabel(v) : undefined),
  validateSearch: validateTransferSearch,
  exampleSearch,
  search,
  filters,
  sorts,
  detail,
  whyUnavailable,
  travellerCount: () => 1,
  travellerFields: TRAVELLER_FIELDS,
  contactFields: CONTACT_FIELDS,
  extras,
  includedExtras: (ctx) => (ctx.listing.attrs.meetGreetIncluded === true ? [{ id: 'meet-greet', label: 'Meet & greet in arrivals' }] : []),
  units: (ctx) => legsOf(ctx.params),
  price,
  bookingAttrs,
  facts: TRANSFERLY_FACTS,
  domains: [transferOffersDomain],
  tasks: transferlyTasks,
  chrome: {
    items: 'airport transfers',
    faq: [
      { question: 'What if my flight is late?', answer: 'Give your flight number with your details: the driver follows the flight, and the free waiting time starts when you land.' },
      { question: 'Shared or private?', answer: 'A private transfer is a vehicle for your party alone, priced per vehicle. A shared shuttle stops at other hotels and is priced per passenger.' },
      { question: 'Do I need an account?', answer: 'Yes: transfers are kept in your Transferly account, so the driver can reach you. Create one at checkout.' },
    ],
    reviews: ['The driver was waiting in arrivals with my name.', 'Booked the way back to the airport on the same order.', 'A minivan for the five of us and all the bags.', 'The child seats were already fitted.'],
  },
  // The ride from the airport, then (for a return) the ride back on its own results, a required account, the lead passenger, review and payment.
  flow: [
    steps.search(),
    steps.results(),
    steps.listing(),
    steps.round({ slot: 'return', label: 'Return transfer', params: returnLeg, when: (p) => p.tripType === 'return' && typeof p.returnDate === 'string' && typeof p.returnTime === 'string' }),
    steps.account({ guest: false }),
    steps.details(),
    steps.review(),
    steps.payment(),
    steps.confirmation(),
  ],
};
