import { addDays, formatDuration, horizonDates } from '../../core/dates.js';
import { confirmationStep, detailsStep, listingStep, resultsStep, reviewStep, roundStep, searchStep } from '../engine/steps/index.js';
import { seatGroup } from './seats.js';
import type { Rng } from '../../core/rng.js';
import { CABINS, flightsDomain, type Cabin, type Flight } from './domain.js';
import type { World } from '../../world/world.js';
import type { Choice, Listing, ListingDetail, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { birthDateField, emailField, nameField, phoneField, round2, sumLines } from '../engine/common-fields.js';
import { AIRPORTS, airportLabel, flightsOn, suggestAirports } from './inventory.js';
import { SKYHOP_FACTS } from './facts.js';
import { layout, theme, wording } from './look.js';
import { skyhopTasks } from './tasks.js';

const CHILD_FACTOR = 0.75;
const TAX_PER_PASSENGER = 18;

const FARES = [
  { id: 'basic', label: 'Basic', add: 0, description: 'Cabin bag only · no changes · non-refundable', checkedBags: 0, refundable: false, changeable: false },
  { id: 'standard', label: 'Standard', add: 28, description: '1 checked bag · changes for a fee', checkedBags: 1, refundable: false, changeable: true },
  { id: 'flex', label: 'Flex', add: 75, description: '1 checked bag · free changes · fully refundable', checkedBags: 1, refundable: true, changeable: true },
] as const;

const cabinOf = (p: SearchParams) => String(p.cabin ?? 'economy') as Cabin;
const passengers = (p: SearchParams) => Number(p.adults ?? 1) + Number(p.children ?? 0);

function toListing(f: Flight, p: SearchParams): Listing {
  const cabin = cabinOf(p);
  // The "from" price is the cheapest fare that can still be bought, never a sold-out one.
  const price = fareChoices(f, p).find((c) => !c.soldOut)?.price ?? f.prices[cabin];
  const stopsText = f.stops === 0 ? 'Non-stop' : `${f.stops} stop${f.stops > 1 ? 's' : ''} (${f.via.join(', ')})`;
  return {
    id: f.id,
    title: `${f.airline} ${f.flightNumber}`,
    subtitle: `${f.departTime} ${f.origin} → ${f.arriveTime}${f.arriveNextDay ? ' (+1)' : ''} ${f.destination}`,
    badges: f.seatsLeft[cabin] > 0 && f.seatsLeft[cabin] <= 3 ? [`Only ${f.seatsLeft[cabin]} seat${f.seatsLeft[cabin] === 1 ? '' : 's'} left`] : [],
    facts: [
      { label: 'Duration', value: formatDuration(f.durationMin) },
      { label: 'Stops', value: stopsText },
    ],
    price,
    priceUnit: 'per adult',
    soldOut: f.seatsLeft[cabin] < passengers(p),
    attrs: {
      airline: f.airline,
      flightNumber: f.flightNumber,
      departTime: f.departTime,
      arriveTime: f.arriveTime,
      durationMin: f.durationMin,
      stops: f.stops,
      price,
      seatsLeft: f.seatsLeft[cabin],
      // "Recommended": cheap, short and few stops, blended.
      score: Math.round(price + f.durationMin * 0.4 + f.stops * 60),
    },
  };
}

function fareChoices(f: Flight, p: SearchParams): Choice[] {
  const base = f.prices[cabinOf(p)];
  return FARES.map((fare) => ({
    id: fare.id,
    label: fare.label,
    description: fare.description,
    price: base + fare.add,
    // Basic fares sell out first on busy flights.
    soldOut: fare.id === 'basic' && f.seatsLeft[cabinOf(p)] <= 3,
    attrs: { fare: fare.id, checkedBags: fare.checkedBags, refundable: fare.refundable, changeable: fare.changeable, farePrice: base + fare.add },
  }));
}

function detail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  const f = world.find(flightsDomain, id);
  if (!f || f.origin !== p.origin || f.destination !== p.destination || f.date !== p.date) return undefined;
  const listing = toListing(f, p);
  return {
    listing,
    description: [`Operated by ${f.airline}. Cabin: ${cabinOf(p)}.`],
    facts: [
      { label: 'Departs', value: `${f.date} ${f.departTime} from ${airportLabel(f.origin)}` },
      { label: 'Arrives', value: `${f.arriveTime}${f.arriveNextDay ? ' next day' : ''} at ${airportLabel(f.destination)}` },
      ...listing.facts,
    ],
    optionGroups: [{ id: 'fare', label: 'Fare', display: 'cards', choices: fareChoices(f, p) }, seatGroup(f, cabinOf(p))],
  };
}

/** The search of a return trip's flight back: the places swapped, on the return date, one way. */
function returnSearch(m: SearchParams): SearchParams {
  const { returnDate, ...rest } = m;
  return { ...rest, origin: m.destination!, destination: m.origin!, trip: 'oneway', date: returnDate ?? m.date! };
}

function price(ctx: SelectionContext) {
  const p = ctx.params;
  const fare = ctx.choices.find((c) => c.attrs.fare !== undefined);
  const seats = ctx.choices.filter((c) => c.attrs.seat !== undefined);
  const unit = fare?.price ?? ctx.listing.price;
  const adults = Number(p.adults);
  const children = Number(p.children);
  const lines = [{ label: `${fare?.label ?? 'Fare'} fare × ${adults} adult${adults > 1 ? 's' : ''}`, amount: round2(unit * adults) }];
  if (children > 0) lines.push({ label: `${fare?.label ?? 'Fare'} fare × ${children} child${children > 1 ? 'ren' : ''}`, amount: round2(unit * CHILD_FACTOR * children) });
  lines.push({ label: 'Taxes and airport fees', amount: TAX_PER_PASSENGER * (adults + children) });
  const seatFees = round2(seats.reduce((n, c) => n + c.price, 0));
  if (seats.length > 0 && seatFees > 0) lines.push({ label: `Seats (${seats.map((c) => c.attrs.seat).join(', ')})`, amount: seatFees });
  for (const x of skyhop.extras(ctx)) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty > 0) lines.push({ label: qty > 1 ? `${x.label} × ${qty}` : x.label, amount: round2(x.price * qty * (x.per === 'traveller' ? adults + children : 1)) });
  }
  return sumLines('EUR', lines);
}

export const skyhop: SiteDefinition = {
  id: 'skyhop',
  name: 'SkyHop',
  domain: 'flights',
  tagline: 'Cheap flights across Europe',
  currency: 'EUR',
  theme,
  layout,
  wording,

  searchFields: [
    { kind: 'autocomplete', name: 'origin', label: 'From', source: 'airports', placeholder: 'City or airport' },
    { kind: 'autocomplete', name: 'destination', label: 'To', source: 'airports', placeholder: 'City or airport' },
    { kind: 'radio', name: 'trip', label: 'Trip', options: [{ value: 'oneway', label: 'One way' }, { value: 'return', label: 'Return' }], default: 'oneway' },
    { kind: 'date', name: 'date', label: 'Departure date' },
    { kind: 'date', name: 'returnDate', label: 'Return date', required: false, userFact: true },
    { kind: 'stepper', name: 'adults', label: 'Adults', userFact: true, min: 1, max: 6, default: 1 },
    { kind: 'stepper', name: 'children', label: 'Children (2-11)', userFact: true, min: 0, max: 4, default: 0 },
    { kind: 'select', name: 'cabin', label: 'Cabin', options: CABINS.map((c) => ({ value: c, label: c === 'premium' ? 'Premium economy' : c[0]!.toUpperCase() + c.slice(1) })), default: 'economy' },
  ],
  suggest: (_w, _source, q) => suggestAirports(q),
  labelFor: (_w, _source, value) => airportLabel(value),
  validateSearch: (p): Record<string, string> => {
    if (p.origin === p.destination) return { destination: 'Choose a destination different from the origin' };
    if (p.trip === 'return' && p.returnDate === undefined) return { returnDate: 'Enter a return date for a return trip' };
    if (p.trip === 'return' && String(p.returnDate) < String(p.date)) return { returnDate: 'The return date must be on or after the departure date' };
    if (p.trip !== 'return' && p.returnDate !== undefined) return { returnDate: 'A one-way trip has no return date: choose Return, or clear the return date' };
    return {};
  },

  exampleSearch(world: World, rng: Rng): SearchParams {
    const dates = horizonDates().slice(1);
    for (;;) {
      const from = rng.pick(AIRPORTS).value;
      const to = rng.pick(AIRPORTS).value;
      const date = rng.pick(dates);
      const back = rng.chance(0.4) ? dates.find((d) => d === addDays(date, rng.int(2, 10))) : undefined;
      const params: SearchParams = { origin: from, destination: to, trip: back ? 'return' : 'oneway', date, ...(back ? { returnDate: back } : {}), adults: rng.int(1, 2), children: rng.chance(0.3) ? 1 : 0, cabin: 'economy' };
      const bookable = (o: string, d: string, day: string) => flightsOn(world, o, d, day).map((f) => toListing(f, params)).filter((l) => !l.soldOut);
      const found = flightsOn(world, from, to, date).map((f) => toListing(f, params));
      if (found.length >= 2 && found.some((l) => !l.soldOut && fareChoices(world.find(flightsDomain, l.id)!, params).some((c) => !c.soldOut)) && (!back || bookable(to, from, back).length > 0)) return params;
    }
  },
  search: (world, p) => flightsOn(world, String(p.origin), String(p.destination), String(p.date)).map((f) => toListing(f, p)),
  filters: [
    { id: 'stops', kind: 'max', attr: 'stops', label: 'Stops', options: [{ value: '0', label: 'Non-stop only' }, { value: '1', label: '1 stop at most' }] },
    { id: 'airline', kind: 'multi', attr: 'airline', label: 'Airlines', mode: 'any' },
    {
      id: 'depart',
      kind: 'timeWindow',
      attr: 'departTime',
      label: 'Departure time',
      windows: [
        { value: 'morning', label: 'Morning (05:00-11:59)', from: '05:00', to: '11:59' },
        { value: 'afternoon', label: 'Afternoon (12:00-17:59)', from: '12:00', to: '17:59' },
        { value: 'evening', label: 'Evening (18:00-23:59)', from: '18:00', to: '23:59' },
      ],
    },
    { id: 'price', kind: 'max', attr: 'price', label: 'Max price per adult', options: [100, 150, 200, 300, 500].map((n) => ({ value: String(n), label: `€${n}` })) },
  ],
  sorts: [
    { id: 'recommended', label: 'Recommended', attr: 'score', dir: 'asc' },
    { id: 'price', label: 'Cheapest first', attr: 'price', dir: 'asc' },
    { id: 'duration', label: 'Shortest first', attr: 'durationMin', dir: 'asc' },
    { id: 'departure', label: 'Earliest departure', attr: 'departTime', dir: 'asc' },
  ],
  detail,

  travellerCount: passengers,
  travellerFields: [
    nameField('firstName', 'First name', 'Ana'),
    nameField('lastName', 'Last name', 'Silva'),
    // Adults come first on the form; the children (2-11) are born in 2018.
    { ...birthDateField(), exampleFor: (params, index) => (index > Number(params.adults ?? 1) ? '2018-09-14' : '1990-04-21') },
  ],
  contactFields: [emailField(), phoneField()],
  extras: () => [
    { id: 'bag', label: 'Extra checked bag (23 kg)', noun: 'an extra checked bag', price: 35, per: 'booking', kind: 'stepper', max: 6 },
    { id: 'insurance', label: 'Travel insurance', noun: 'travel insurance', description: 'Cancellation and medical cover; per passenger', price: 19, per: 'traveller', kind: 'checkbox' },
    { id: 'priority', label: 'Priority boarding', noun: 'priority boarding', price: 9, per: 'traveller', kind: 'checkbox' },
  ],
  units: (ctx) => passengers(ctx.params),
  price,
  bookingAttrs: (ctx) => ({
    adults: Number(ctx.params.adults),
    children: Number(ctx.params.children),
    passengers: passengers(ctx.params),
  }),
  facts: SKYHOP_FACTS,
  // A return trip chooses its flight back in a second round: the same party and cabin, the places swapped.
  flow: [
    searchStep(),
    resultsStep(),
    listingStep(),
    roundStep({ slot: 'return', label: 'Return flight', when: (m) => m.trip === 'return', params: returnSearch }),
    detailsStep(),
    reviewStep(),
    confirmationStep(),
  ],
  domains: [flightsDomain],
  tasks: skyhopTasks,
};
