import { formatDuration, longDate } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { round2 } from '../engine/common-fields.js';
import type { Choice, FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SortSpec } from '../engine/site-definition.js';
import { areaById, cityOfAirport, transferOffersDomain, VEHICLE_LABELS, VEHICLE_TYPES, type TransferOffer } from './domain.js';

/**
 * Transferly's results and ride pages: every ride of the searched airport's city that fits the
 * party and its bags, priced for the distance to the district (a private vehicle per ride, a
 * shared shuttle per passenger), one way: from the airport, or back to it on the return leg.
 */

export const FARES = {
  standard: { label: 'Standard', terms: 'Free cancellation up to 24 hours before pick-up.', factor: 1 },
  flexible: { label: 'Flexible', terms: 'Free cancellation and changes up to 2 hours before pick-up.', factor: 1.12 },
} as const;
export type FareId = keyof typeof FARES;

export const partyOf = (p: SearchParams) => ({ passengers: Math.max(1, Number(p.passengers ?? 1) || 1), bags: Math.max(0, Number(p.bags ?? 0) || 0) });
const toAirport = (p: SearchParams) => p.direction === 'to-airport';

/** What the ride costs the party, one way, before the fare's terms. */
export function ridePrice(o: TransferOffer, p: SearchParams): number {
  const km = areaById(String(p.area))?.km ?? 20;
  const night = typeof p.time === 'string' && (p.time < '06:00' || p.time >= '22:00') ? 1.2 : 1;
  const each = (o.baseFare + o.perKm * km) * night;
  return round2(o.service === 'shared' ? Math.round(each) * partyOf(p).passengers : Math.round(each));
}

/** Rides already booked at this hour of the day: made on demand, fixed by seed, offer, day and hour. */
function booked(world: World, o: TransferOffer, p: SearchParams): boolean {
  const rng = new Rng(`transferly/${world.seed}/${o.id}/${p.date}/${String(p.time).slice(0, 2)}/${toAirport(p) ? 'to' : 'from'}`);
  return rng.chance(o.demand);
}

const driveMin = (o: TransferOffer, p: SearchParams) => {
  const km = areaById(String(p.area))?.km ?? 20;
  return Math.round((km / (o.service === 'shared' ? 28 : 40)) * 60 / 5) * 5 + (o.service === 'shared' ? 20 : 0);
};

function toListing(world: World, o: TransferOffer, p: SearchParams): Listing {
  const area = areaById(String(p.area));
  const city = cityOfAirport(String(p.airport));
  const price = ridePrice(o, p);
  const from = toAirport(p) ? `${area?.name}` : `${city?.airport.name}`;
  const to = toAirport(p) ? `${city?.airport.name}` : `${area?.name}`;
  const priv = o.service === 'private';
  return {
    id: o.id,
    title: `${VEHICLE_LABELS[o.vehicleType]} · ${o.model.replace(/ or similar$/, '')} · ${o.provider}`,
    subtitle: `${o.model} · ${from} → ${to}`,
    badges: [...(priv ? ['Private'] : ['Shared']), ...(o.meetGreetIncluded ? ['Meet & greet included'] : []), ...(o.freeWaitMin >= 60 ? [`${o.freeWaitMin} min free waiting`] : [])],
    facts: [
      { label: 'Seats', value: `Up to ${o.seats} passengers` },
      { label: 'Luggage', value: `Up to ${o.bags} suitcases` },
      { label: 'Journey', value: `About ${formatDuration(driveMin(o, p))}${priv ? '' : ', with stops at other hotels'}` },
      { label: 'Rating', value: `${o.rating.toFixed(1)} (${o.reviewCount} reviews)` },
    ],
    details: [
      { label: 'Free waiting', value: o.freeWaitMin > 0 ? `${o.freeWaitMin} minutes after landing` : 'The shuttle leaves on time' },
      { label: 'Meet & greet', value: o.meetGreetIncluded ? 'Included: the driver waits in arrivals with your name' : 'Available as an add-on' },
      { label: 'Price', value: priv ? 'Per vehicle, for the whole party' : 'Per passenger, shown for your party' },
    ],
    price,
    priceUnit: 'one way, total',
    soldOut: booked(world, o, p),
    attrs: {
      provider: o.provider,
      vehicleType: o.vehicleType,
      model: o.model,
      service: o.service,
      private: priv,
      seats: o.seats,
      luggage: o.bags,
      meetGreetIncluded: o.meetGreetIncluded,
      freeWaitMin: o.freeWaitMin,
      rating: o.rating,
      durationMin: driveMin(o, p),
      pickupTime: String(p.time),
      price,
      rank: Math.round(price / 5 - o.rating * 10),
    },
  };
}

const fits = (o: TransferOffer, p: SearchParams) => {
  const { passengers, bags } = partyOf(p);
  return o.seats >= passengers && o.bags >= bags;
};

function offersOf(world: World, p: SearchParams): TransferOffer[] {
  const city = cityOfAirport(String(p.airport));
  const area = areaById(String(p.area));
  if (!city || !area || area.cityId !== city.id) return [];
  return world.all(transferOffersDomain).filter((o) => o.cityId === city.id);
}

export function search(world: World, p: SearchParams): Listing[] {
  return offersOf(world, p).filter((o) => fits(o, p)).map((o) => toListing(world, o, p));
}

function fareGroup(o: TransferOffer, p: SearchParams): OptionGroup {
  const base = ridePrice(o, p);
  const choices: Choice[] = (Object.keys(FARES) as FareId[]).map((id) => {
    const amount = round2(Math.round(base * FARES[id].factor));
    return { id, label: FARES[id].label, description: FARES[id].terms, price: amount, attrs: { fare: id, transferPrice: amount } };
  });
  return { id: 'fare', label: 'Fare', display: 'list', choices };
}

export function detail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  const o = world.find(transferOffersDomain, id);
  if (!o || !offersOf(world, p).includes(o) || !fits(o, p)) return undefined;
  const listing = toListing(world, o, p);
  const city = cityOfAirport(String(p.airport))!;
  const area = areaById(String(p.area))!;
  return {
    listing,
    description: [
      toAirport(p)
        ? `Pick-up at your hotel or address in ${area.name} on ${longDate(String(p.date))} at ${p.time}, to ${city.airport.name} (${city.airport.code}).`
        : `Pick-up at ${city.airport.name} (${city.airport.code}) on ${longDate(String(p.date))} at ${p.time}, to your hotel or address in ${area.name}. Give your flight number: the driver follows your flight and waits if it is late.`,
      o.service === 'private' ? `A private ${VEHICLE_LABELS[o.vehicleType].toLowerCase()} (${o.model}) for your party alone.` : 'A shared shuttle bus: it stops at other hotels on the way. Priced per passenger.',
      o.meetGreetIncluded ? 'Meet & greet is included: your driver waits in arrivals with a sign bearing your name.' : 'Meet & greet in arrivals can be added with your details.',
    ],
    facts: [...listing.facts, { label: 'Company', value: o.provider }, { label: 'Free waiting', value: o.freeWaitMin > 0 ? `${o.freeWaitMin} min` : 'None' }],
    optionGroups: [fareGroup(o, p)],
  };
}

export function whyUnavailable(world: World, p: SearchParams, id: string): string | undefined {
  const o = world.find(transferOffersDomain, id);
  if (!o) return 'We could not find this ride. Go back to the results to choose another.';
  if (!fits(o, p)) return 'This vehicle is too small for your party or your luggage. Choose a larger one.';
  return 'This ride does not serve the airport you searched. Go back to the results.';
}

export const filters: FilterSpec[] = [
  { id: 'vehicle', kind: 'multi', attr: 'vehicleType', label: 'Vehicle', mode: 'any', options: VEHICLE_TYPES.map((v) => ({ value: v, label: VEHICLE_LABELS[v] })) },
  { id: 'private', kind: 'flag', attr: 'private', label: 'Private transfers only' },
  { id: 'meet', kind: 'flag', attr: 'meetGreetIncluded', label: 'Meet & greet included' },
  { id: 'price', kind: 'max', attr: 'price', label: 'Price up to', options: [30, 50, 75, 100, 150, 250].map((n) => ({ value: String(n), label: `€${n}` })) },
  { id: 'rating', kind: 'min', attr: 'rating', label: 'Rating', options: [{ value: '4', label: '4.0 or more' }, { value: '4.5', label: '4.5 or more' }] },
];

export const sorts: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Lowest price', attr: 'price', dir: 'asc' },
  { id: 'rating', label: 'Best rated', attr: 'rating', dir: 'desc' },
  { id: 'fastest', label: 'Fastest', attr: 'durationMin', dir: 'asc' },
];
