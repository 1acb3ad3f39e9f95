import { formatDuration, longDate } from '../../core/dates.js';
import { trainsDomain, type FareType, type TrainRow, type TravelClass } from './domain.js';
import type { World } from '../../world/world.js';
import type { Choice, Listing, ListingDetail, OptionGroup, SearchParams } from '../engine/site-definition.js';
import { round2 } from '../engine/common-fields.js';
import { money } from '../engine/views/format.js';
import { railCity } from './stations.js';

/**
 * Queries over the trains collection and the listing / option views of one train for one
 * search (party size and railcard change what is bookable and what it costs).
 */

export const CURRENCY = 'EUR';

const byRouteDate = new WeakMap<World, Map<string, TrainRow[]>>();

/** Trains of one route on one date, in departure order. */
export function trainsOn(world: World, origin: string, destination: string, date: string): readonly TrainRow[] {
  let index = byRouteDate.get(world);
  if (!index) {
    index = new Map();
    for (const row of world.all(trainsDomain)) {
      const key = `${row.origin}|${row.destination}|${row.date}`;
      const list = index.get(key);
      if (list) list.push(row);
      else index.set(key, [row]);
    }
    byRouteDate.set(world, index);
  }
  return index.get(`${origin}|${destination}|${date}`) ?? [];
}

export const RAILCARDS = {
  none: { label: 'No railcard', discount: 0 },
  youth: { label: 'Youth Railcard (16-25), 25% off', discount: 0.25 },
  senior: { label: 'Senior Railcard (60+), 30% off', discount: 0.3 },
} as const;
export type Railcard = keyof typeof RAILCARDS;

export function railcardOf(params: SearchParams): Railcard {
  const v = params.railcard;
  return v === 'youth' || v === 'senior' ? v : 'none';
}

function count(v: string | number | undefined, fallback: number): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export type Party = { adults: number; children: number; travellers: number; railcard: Railcard; discount: number };

export function partyOf(params: SearchParams): Party {
  const adults = Math.max(1, count(params.adults, 1));
  const children = count(params.children, 0);
  const railcard = railcardOf(params);
  return { adults, children, travellers: adults + children, railcard, discount: RAILCARDS[railcard].discount };
}

export { round2 };

export const CLASS_LABEL: Record<TravelClass, string> = { standard: 'Standard', first: 'First' };
export const FARE_LABEL: Record<FareType, string> = { saver: 'Saver', 'semi-flex': 'Semi-flex', flex: 'Flex' };
/** Key of a fare in a class's fare table and in the Class choice's attrs. */
export const FARE_KEY = { saver: 'saver', 'semi-flex': 'semiFlex', flex: 'flex' } as const satisfies Record<FareType, string>;
export const FARE_ATTR = { saver: 'saverFare', 'semi-flex': 'semiFlexFare', flex: 'flexFare' } as const satisfies Record<FareType, string>;

const FARE_TERMS: Record<FareType, string> = {
  saver: 'Non-refundable. No changes. Valid only on this train.',
  'semi-flex': 'Changes before departure for a €10 fee. Refund minus 25% until 24 hours before departure.',
  flex: 'Fully refundable until departure. Free changes to any train on this route the same day.',
};

export const AMENITY_LABEL: Record<string, string> = {
  wifi: 'Wi-Fi',
  bistro: 'Bistro car',
  'quiet-coach': 'Quiet coach',
  'power-sockets': 'Power sockets',
  'bike-spaces': 'Bike spaces',
};

const CLASSES: readonly TravelClass[] = ['standard', 'first'];

function fareAvailable(row: TrainRow, fare: FareType): boolean {
  return fare !== 'saver' || row.saverAvailable;
}

/** The fare one adult pays, railcard applied. */
export function adultFare(row: TrainRow, cls: TravelClass, fare: FareType, discount: number): number {
  return round2(row.fares[cls][FARE_KEY[fare]] * (1 - discount));
}

function classOpen(row: TrainRow, cls: TravelClass, party: Party): boolean {
  return row.seatsLeft[cls] >= party.travellers;
}

/** Cheapest bookable fare per adult in a class (or in any class when none is open). */
function cheapest(row: TrainRow, classes: readonly TravelClass[], party: Party): number {
  let best = Infinity;
  for (const cls of classes) {
    for (const fare of ['saver', 'semi-flex', 'flex'] as const) {
      if (fareAvailable(row, fare)) best = Math.min(best, adultFare(row, cls, fare, party.discount));
    }
  }
  return best;
}

function changesText(row: TrainRow): string {
  if (row.changes === 0) return 'Direct';
  return `${row.changes} change${row.changes > 1 ? 's' : ''} (${row.changeStations.join(', ')})`;
}

export function listingFor(row: TrainRow, params: SearchParams): Listing {
  const party = partyOf(params);
  const open = CLASSES.filter((c) => classOpen(row, c, party));
  const soldOut = open.length === 0;
  const minPrice = cheapest(row, soldOut ? CLASSES : open, party);
  const from = railCity(row.origin);
  const to = railCity(row.destination);
  const badges: string[] = [];
  if (row.changes === 0) badges.push('Direct');
  if (row.nightTrain) badges.push('Night train');
  if (soldOut) badges.push('Sold out');
  else {
    const fewest = Math.min(...open.map((c) => row.seatsLeft[c]));
    if (fewest <= 5) badges.push(`Only ${fewest} seat${fewest === 1 ? '' : 's'} left`);
    if (!row.saverAvailable) badges.push('Saver fares sold out');
  }
  const arrive = `${row.arriveTime}${row.arriveNextDay ? ' (+1 day)' : ''}`;
  return {
    id: row.id,
    title: `${row.departTime} → ${arrive} · ${row.trainNumber}`,
    subtitle: `${row.operator} · ${from?.station.name ?? row.origin} → ${to?.station.name ?? row.destination}`,
    badges,
    facts: [
      { label: 'Duration', value: formatDuration(row.durationMin) },
      { label: 'Changes', value: changesText(row) },
    ],
    price: minPrice,
    priceUnit: 'per adult',
    soldOut,
    attrs: {
      operator: row.operator,
      trainNumber: row.trainNumber,
      originCity: from?.name ?? row.origin,
      destinationCity: to?.name ?? row.destination,
      departTime: row.departTime,
      arriveTime: row.arriveTime,
      arriveNextDay: row.arriveNextDay,
      durationMin: row.durationMin,
      changes: row.changes,
      changeStations: row.changeStations,
      nightTrain: row.nightTrain,
      amenities: row.amenities,
      minPrice,
    },
  };
}

/** Trains of the search's route and date leaving at or after `departAfter`, earliest first. */
export function searchTrains(world: World, params: SearchParams): Listing[] {
  const { origin, destination, date } = params;
  if (typeof origin !== 'string' || typeof destination !== 'string' || typeof date !== 'string') return [];
  const after = typeof params.departAfter === 'string' ? params.departAfter : '00:00';
  return trainsOn(world, origin, destination, date)
    .filter((r) => r.departTime >= after)
    .map((r) => listingFor(r, params));
}

function classGroup(row: TrainRow, party: Party): OptionGroup {
  const choices: Choice[] = CLASSES.map((cls) => {
    const seats = row.seatsLeft[cls];
    const soldOut = seats < party.travellers;
    const perks = cls === 'first' ? 'Wider seats, seat reservation and a drink included' : 'Comfortable seating';
    const seatsLeft = `${seats} seat${seats === 1 ? '' : 's'} left`;
    const seatText = seats === 0 ? 'Sold out' : soldOut ? `Only ${seatsLeft}: not enough for ${party.travellers} passengers` : seatsLeft;
    return {
      id: cls,
      label: CLASS_LABEL[cls],
      description: `${perks}. ${seatText}`,
      price: cheapest(row, [cls], party),
      soldOut,
      attrs: {
        travelClass: cls,
        seatsLeft: seats,
        saverFare: row.fares[cls].saver,
        semiFlexFare: row.fares[cls].semiFlex,
        flexFare: row.fares[cls].flex,
      },
    };
  });
  return { id: 'class', label: 'Class', display: 'cards', choices };
}

function fareGroup(row: TrainRow, party: Party): OptionGroup {
  const shown: TravelClass = classOpen(row, 'standard', party) || !classOpen(row, 'first', party) ? 'standard' : 'first';
  const choices: Choice[] = (['saver', 'semi-flex', 'flex'] as const).map((fare) => {
    const prices = CLASSES.map((c) => `${CLASS_LABEL[c]} ${money(adultFare(row, c, fare, party.discount), CURRENCY)}`).join(', ');
    return {
      id: fare,
      label: FARE_LABEL[fare],
      description: `${FARE_TERMS[fare]} Per adult: ${prices}.`,
      price: adultFare(row, shown, fare, party.discount),
      soldOut: !fareAvailable(row, fare),
      attrs: {
        fare,
        refundable: fare !== 'saver',
        fullyRefundable: fare === 'flex',
        exchangeable: fare !== 'saver',
      },
    };
  });
  return { id: 'fare', label: 'Fare', display: 'list', choices };
}

/** The train page; undefined when the id is not a train of the searched route and date. */
export function trainDetail(world: World, params: SearchParams, listingId: string): ListingDetail | undefined {
  const row = world.find(trainsDomain, listingId);
  if (!row || row.origin !== params.origin || row.destination !== params.destination || row.date !== params.date) return undefined;
  const party = partyOf(params);
  const listing = listingFor(row, params);
  const from = railCity(row.origin);
  const to = railCity(row.destination);
  const description = [
    `${row.operator} ${row.trainNumber} from ${from?.station.name ?? row.origin} to ${to?.station.name ?? row.destination} (${row.distanceKm} km).`,
    row.changes === 0
      ? 'A direct train: stay on board all the way.'
      : `This journey has ${row.changes} change${row.changes > 1 ? 's' : ''}: at ${row.changeStations.join(' and then at ')}. Connections are guaranteed on one ticket.`,
    row.nightTrain ? 'Night train: Standard is a reclining seat in a couchette car, First a bed in a two-berth sleeper.' : '',
    'Children (4-11) pay 50% of the adult fare. Railcard discounts apply to adult fares only; carry your railcard on board.',
  ].filter(Boolean);
  return {
    listing,
    description,
    facts: [
      { label: 'Date', value: longDate(row.date) },
      { label: 'Departs', value: `${row.departTime} ${from?.station.name ?? row.origin}` },
      { label: 'Arrives', value: `${row.arriveTime}${row.arriveNextDay ? ' (next day)' : ''} ${to?.station.name ?? row.destination}` },
      { label: 'Duration', value: formatDuration(row.durationMin) },
      { label: 'Changes', value: changesText(row) },
      { label: 'On board', value: row.amenities.length ? row.amenities.map((a) => AMENITY_LABEL[a] ?? a).join(', ') : 'No on-board services' },
    ],
    optionGroups: [classGroup(row, party), fareGroup(row, party)],
  };
}
