import { formatDuration, longDate } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import { round2 } from '../engine/common-fields.js';
import type { Choice, Listing, ListingDetail, OptionGroup, SearchParams } from '../engine/site-definition.js';
import { money } from '../engine/views/format.js';
import { VEHICLES, vehicleOf } from './fields.js';
import { portByCode, portsOf } from './ports.js';
import { ACCOMMODATIONS, sailingById, sailingsOn, type Sailing } from './sailings.js';

/** Ferryway's listings (one sailing for one search) and its option groups: the fare, then where to sleep or sit. */

export const CURRENCY = 'EUR';
export const CHILD_SHARE = 0.5;

export type Party = { adults: number; children: number; travellers: number };

const count = (v: string | number | undefined) => {
  const n = Number(v ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

export function partyOf(p: SearchParams): Party {
  const adults = Math.max(1, count(p.adults));
  const children = count(p.children);
  return { adults, children, travellers: adults + children };
}

export const FARES = {
  standard: { label: 'Standard', terms: 'Changes for €25 until 24 hours before sailing; no refund.' },
  flexi: { label: 'Flexi', terms: 'Free changes until 2 hours before sailing; full refund until 24 hours before.' },
} as const;
export type FareId = keyof typeof FARES;

export const portName = (code: string | number | undefined) => portByCode(code)?.name ?? String(code ?? '');

const cheapestFare = (s: Sailing) => s.standardFare;

/** Why a sailing cannot take this search's party: no car deck, a full car deck, too few places. */
function blockedFor(s: Sailing, p: SearchParams): string | undefined {
  const vehicle = vehicleOf(p);
  if (s.passengerSpace < partyOf(p).travellers) return s.passengerSpace === 0 ? 'Fully booked' : `Only ${s.passengerSpace} places left`;
  if (vehicle !== 'none' && vehicle !== 'bicycle' && !s.slot.carriesVehicles) return 'Foot passengers only';
  if (vehicle !== 'none' && vehicle !== 'bicycle' && s.vehicleSpace === 0) return 'Car deck full';
  return undefined;
}

export function listingFor(s: Sailing, p: SearchParams): Listing {
  const blocked = blockedFor(s, p);
  const badges: string[] = [];
  if (s.slot.fast) badges.push('Fast ferry');
  if (blocked) badges.push(blocked);
  else if (vehicleOf(p) !== 'none' && s.vehicleSpace > 0 && s.vehicleSpace <= 6) badges.push(`${s.vehicleSpace} vehicle places left`);
  if (s.slot.cabins) badges.push('Cabins');
  const arrive = `${s.arriveTime}${s.arriveNextDay ? ' (+1 day)' : ''}`;
  return {
    id: s.id,
    title: `${s.departTime} → ${arrive} · ${s.slot.operator}, ${s.slot.vessel}`,
    subtitle: `${portName(s.crossing.origin)} → ${portName(s.crossing.destination)}`,
    badges,
    facts: [
      { label: 'Crossing', value: formatDuration(s.slot.durationMin) },
      { label: 'Ship', value: `${s.slot.fast ? 'Fast ferry' : 'Ferry'}${s.slot.carriesVehicles ? ' with car deck' : ', foot passengers only'}` },
    ],
    price: cheapestFare(s),
    priceUnit: 'per adult',
    soldOut: blocked !== undefined,
    attrs: {
      operator: s.slot.operator,
      vessel: s.slot.vessel,
      departPort: portName(s.crossing.origin),
      arrivePort: portName(s.crossing.destination),
      departTime: s.departTime,
      arriveTime: s.arriveTime,
      arriveNextDay: s.arriveNextDay,
      durationMin: s.slot.durationMin,
      fast: s.slot.fast,
      hasCabins: s.slot.cabins,
      carriesVehicles: s.slot.carriesVehicles,
      minPrice: cheapestFare(s),
      vehicleFare: vehicleOf(p) === 'none' ? 0 : round2(s.carFare * VEHICLES[vehicleOf(p)].factor),
    },
  };
}

/** The sailings between the searched places (each a port or an area of ports), by departure. */
function sailingsFor(world: World, p: SearchParams): Sailing[] {
  const { date } = p;
  if (typeof date !== 'string') return [];
  const out: Sailing[] = [];
  for (const from of portsOf(p.origin)) for (const to of portsOf(p.destination)) out.push(...sailingsOn(world, from, to, date));
  return out.sort((a, b) => a.slot.departMin - b.slot.departMin || a.id.localeCompare(b.id));
}

export function searchFerries(world: World, p: SearchParams): Listing[] {
  return sailingsFor(world, p).map((s) => listingFor(s, p));
}

function fareGroup(s: Sailing): OptionGroup {
  const choices: Choice[] = (['standard', 'flexi'] as const).map((id) => {
    const fare = id === 'standard' ? s.standardFare : s.flexiFare;
    return { id, label: FARES[id].label, description: FARES[id].terms, price: fare, attrs: { fare: id, refundable: id === 'flexi', adultFare: fare } };
  });
  return { id: 'fare', label: 'Fare', display: 'list', choices };
}

function accommodationGroup(s: Sailing, p: SearchParams): OptionGroup {
  const n = partyOf(p).travellers;
  const choices: Choice[] = s.accommodations.map((a) => {
    const spec = ACCOMMODATIONS[a.id];
    const tooSmall = !spec.perPerson && spec.berths < n;
    const unit = spec.perPerson ? (a.price === 0 ? 'included' : `${money(a.price, CURRENCY)} per person`) : `${money(a.price, CURRENCY)} per cabin`;
    return {
      id: a.id,
      label: spec.label,
      description: a.id === 'deck' ? 'A seat in the lounges and on deck, included in the fare' : `${unit}${a.left > 0 && a.left <= 3 ? ` · only ${a.left} left` : ''}`,
      price: a.price,
      soldOut: tooSmall || a.left < (spec.perPerson ? n : 1),
      ...(tooSmall ? { unavailableLabel: 'Too small for your party' } : {}),
      attrs: { accommodation: a.id, cabin: !spec.perPerson, berths: spec.berths, seaView: spec.seaView, accommodationPrice: a.price },
    };
  });
  return { id: 'accommodation', label: 'On board', display: 'cards', choices };
}

/** The sailing's page; undefined when the id is not a sailing of the searched places and date. */
export function ferryDetail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  const s = sailingById(world, id);
  if (!s || !portsOf(p.origin).includes(s.crossing.origin) || !portsOf(p.destination).includes(s.crossing.destination) || s.date !== p.date) return undefined;
  const listing = listingFor(s, p);
  const vehicle = vehicleOf(p);
  return {
    listing,
    description: [
      `${s.slot.operator}'s ${s.slot.vessel} from ${portName(s.crossing.origin)} to ${portName(s.crossing.destination)}${s.slot.fast ? ', a fast ferry' : ''}.`,
      s.slot.carriesVehicles ? `Car fare on this sailing: ${money(s.carFare, CURRENCY)}; vans, motorhomes and motorbikes are priced from it.` : 'This ship carries foot passengers and bicycles only.',
      'Children aged 4 to 15 pay half the adult fare; children under 4 travel free.',
      s.slot.cabins ? 'Cabins are priced per cabin and hold up to their number of berths.' : 'There are no cabins on this crossing.',
    ],
    facts: [
      { label: 'Date', value: longDate(s.date) },
      { label: 'Departs', value: `${s.departTime} ${portName(s.crossing.origin)}` },
      { label: 'Arrives', value: `${s.arriveTime}${s.arriveNextDay ? ' (next day)' : ''} ${portName(s.crossing.destination)}` },
      ...listing.facts,
      ...(vehicle !== 'none' ? [{ label: 'Your vehicle', value: VEHICLES[vehicle].label }] : []),
    ],
    optionGroups: [fareGroup(s), accommodationGroup(s, p)],
  };
}

export { round2 };
