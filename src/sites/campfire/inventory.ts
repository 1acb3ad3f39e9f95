import { addDays, longDate } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { Choice, Listing, ListingDetail, OptionGroup, SearchParams } from '../engine/site-definition.js';
import { money } from '../engine/views/format.js';
import { areaByCode } from './areas.js';
import { campsitesDomain, FACILITIES, PITCHES, SETTINGS, type Campsite, type PitchType } from './domain.js';
import { packageFull, packagesOf, stayDays, type CampPackage } from './packages.js';

/**
 * Campfire's two inventories on one site: campsites and their pitches (the main search) and the
 * area's rental and activity packages (the second round, a search made from the main one with
 * `part: "package"`). Every function here answers for either by the search it is given.
 */

export const CURRENCY = 'EUR';
/** The share of the stay paid when booking; the rest is paid at the campsite on arrival. */
export const DEPOSIT_SHARE = 0.3;
export const EXTRA_ADULT_NIGHT = 7;
export const EXTRA_CHILD_NIGHT = 4;
export const PET_NIGHT = 3;

export const VEHICLES = {
  none: { label: 'No vehicle', length: 0 },
  car: { label: 'Car', length: 4.5 },
  van6: { label: 'Campervan up to 6 m', length: 6 },
  van8: { label: 'Campervan up to 8 m', length: 8 },
  caravan: { label: 'Car with caravan (up to 11 m)', length: 11 },
} as const;
export type VehicleId = keyof typeof VEHICLES;

const count = (v: string | number | undefined) => {
  const n = Number(v ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
};
export type Party = { adults: number; children: number; pets: number; people: number };
export function partyOf(p: SearchParams): Party {
  const adults = Math.max(1, count(p.adults));
  const children = count(p.children);
  return { adults, children, pets: count(p.pets), people: adults + children };
}
export const nightsOf = (p: SearchParams) => Math.max(1, count(p.nights));
export const departureOf = (p: SearchParams) => addDays(String(p.date), nightsOf(p));
export const vehicleOf = (p: SearchParams): VehicleId => (typeof p.vehicle === 'string' && p.vehicle in VEHICLES ? (p.vehicle as VehicleId) : 'car');
export const isPackageSearch = (p: SearchParams) => p.part === 'package';
export const packageSearch = (main: SearchParams): SearchParams => ({ ...main, part: 'package' });

/** A pitch's price a night for the party: two people are included, more pay each; pets pay. */
export function pitchNight(c: Campsite, type: PitchType, p: SearchParams): number {
  const pitch = c.pitches.find((x) => x.type === type)!;
  const party = partyOf(p);
  const flat = type === 'glamping' || type === 'cabin';
  const extraAdults = flat ? 0 : Math.max(0, party.adults - 2);
  const extraChildren = flat ? 0 : Math.max(0, party.children - Math.max(0, 2 - party.adults));
  return pitch.night + extraAdults * EXTRA_ADULT_NIGHT + extraChildren * EXTRA_CHILD_NIGHT + party.pets * PET_NIGHT;
}

/** What the day does to a campsite's pitches: a few types are fully booked for these dates. */
function pitchesGone(world: World, c: Campsite, p: SearchParams): Set<PitchType> {
  const gone = new Set<PitchType>();
  let x = [...`${world.seed}/${c.id}/${String(p.date)}/${nightsOf(p)}`].reduce((a, ch) => (a * 33 + ch.charCodeAt(0)) >>> 0, 5381);
  for (const pt of c.pitches) {
    x = (x * 1103515245 + 12345) >>> 0;
    if (x % 100 < 14) gone.add(pt.type);
  }
  return gone;
}

/** Why a pitch type cannot be booked for this search, or undefined when it can. */
function pitchProblem(world: World, c: Campsite, type: PitchType, p: SearchParams): string | undefined {
  const party = partyOf(p);
  const vehicle = vehicleOf(p);
  if (PITCHES[type].capacity < party.people) return 'Too small for your party';
  if (type === 'campervan' && vehicle !== 'van6' && vehicle !== 'van8') return 'For campervans only';
  if (type === 'caravan' && vehicle !== 'caravan') return 'For caravans only';
  if (pitchesGone(world, c, p).has(type)) return 'Fully booked';
  return undefined;
}

function siteProblem(c: Campsite, p: SearchParams): string | undefined {
  if (partyOf(p).pets > 0 && !c.petsAllowed) return 'No pets allowed';
  if (VEHICLES[vehicleOf(p)].length > c.maxVehicleM) return `Vehicles up to ${c.maxVehicleM} m only`;
  return undefined;
}

function campsiteListing(world: World, c: Campsite, p: SearchParams): Listing {
  const blocked = siteProblem(c, p);
  const open = c.pitches.filter((x) => pitchProblem(world, c, x.type, p) === undefined);
  const from = open.length ? Math.min(...open.map((x) => pitchNight(c, x.type, p))) : 0;
  const soldOut = blocked !== undefined || open.length === 0;
  const badges: string[] = [];
  if (blocked) badges.push(blocked);
  else if (open.length === 0) badges.push('No pitch free for your party and dates');
  if (c.petsAllowed) badges.push('Pets welcome');
  if (c.rating >= 4.6) badges.push('Guest favourite');
  const fac = c.facilities.map((f) => FACILITIES[f]);
  return {
    id: c.id,
    title: c.name,
    subtitle: `${SETTINGS[c.setting]} · ${c.rating.toFixed(1)}/5 from ${c.reviews} reviews · ${c.distanceKm} km from the centre`,
    badges,
    facts: [
      { label: 'Pitches', value: c.pitches.map((x) => PITCHES[x.type].label.replace(/ \(.*\)$/, '')).join(', ') },
      { label: 'Facilities', value: fac.join(', ') || 'Basic (toilets and water)' },
      { label: 'Electric hook-up', value: c.hookup ? `${money(c.hookupNight, CURRENCY)} a night` : 'Not available' },
      { label: 'Vehicles', value: `Up to ${c.maxVehicleM} m` },
    ],
    price: from,
    priceUnit: 'a night for your party, from',
    soldOut,
    attrs: {
      campsiteName: c.name,
      setting: c.setting,
      rating: c.rating,
      reviews: c.reviews,
      facilities: [...c.facilities],
      pool: c.facilities.includes('pool'),
      shop: c.facilities.includes('shop'),
      showers: c.facilities.includes('showers'),
      wifi: c.facilities.includes('wifi'),
      petsAllowed: c.petsAllowed,
      maxVehicleM: c.maxVehicleM,
      hookup: c.hookup,
      pitchTypes: c.pitches.map((x) => x.type),
      distanceKm: c.distanceKm,
      fromNight: from,
      rank: Math.round(from - c.rating * 12 + c.distanceKm),
    },
    details: [
      { label: 'Setting', value: SETTINGS[c.setting] },
      { label: 'Pets', value: c.petsAllowed ? 'Allowed' : 'Not allowed' },
      { label: 'Pitch sizes', value: c.pitches.map((x) => `${PITCHES[x.type].label.replace(/ \(.*\)$/, '')} ${x.sizeM2} m²`).join(', ') },
    ],
    position: { lat: c.lat, lon: c.lon },
  };
}

const PACKAGE_LABEL = { rental: 'Equipment rental', activity: 'Activity' } as const;

function packageListing(world: World, k: CampPackage, p: SearchParams): Listing {
  const days = stayDays(String(p.date), nightsOf(p));
  const open = days.filter((d) => !packageFull(world, k, d));
  return {
    id: k.id,
    title: k.name,
    subtitle: `${PACKAGE_LABEL[k.kind]} by ${k.provider} · ${k.rating.toFixed(1)}/5`,
    badges: open.length === 0 ? ['Fully booked during your stay'] : open.length < days.length ? [`${open.length} of ${days.length} days free`] : [],
    facts: [
      { label: 'Type', value: PACKAGE_LABEL[k.kind] },
      { label: 'Duration', value: k.duration },
    ],
    price: k.pricePerPerson,
    priceUnit: 'per person',
    soldOut: open.length === 0,
    attrs: { packageName: k.name, category: k.category, kind: k.kind, provider: k.provider, packageRating: k.rating, pricePerPerson: k.pricePerPerson, rank: Math.round(k.pricePerPerson - k.rating * 5) },
  };
}

/** The campsites of the area for a stay, or the area's packages for the package round. */
export function searchCampsites(world: World, p: SearchParams): Listing[] {
  if (typeof p.area !== 'string' || !areaByCode(p.area) || typeof p.date !== 'string') return [];
  if (isPackageSearch(p)) return packagesOf(world, p.area).map((k) => packageListing(world, k, p));
  return world
    .all(campsitesDomain)
    .filter((c) => c.area === p.area)
    .map((c) => campsiteListing(world, c, p));
}

function pitchGroup(world: World, c: Campsite, p: SearchParams): OptionGroup {
  const choices: Choice[] = c.pitches.map((x) => {
    const problem = siteProblem(c, p) ?? pitchProblem(world, c, x.type, p);
    const night = pitchNight(c, x.type, p);
    return {
      id: x.type,
      label: PITCHES[x.type].label,
      description: `${x.sizeM2} m², ${money(night, CURRENCY)} a night for your party`,
      price: night,
      soldOut: problem !== undefined,
      ...(problem ? { unavailableLabel: problem } : {}),
      attrs: { pitchType: x.type, pitchSizeM2: x.sizeM2, nightPrice: night },
    };
  });
  return { id: 'pitch', label: 'Pitch', display: 'cards', choices };
}

function powerGroup(c: Campsite): OptionGroup {
  const choices: Choice[] = [{ id: 'none', label: 'No electric hook-up', price: 0, attrs: { electricity: false, hookupNight: 0 } }];
  if (c.hookup) choices.push({ id: 'hookup', label: 'Electric hook-up (10 A)', description: `${money(c.hookupNight, CURRENCY)} a night`, price: c.hookupNight, attrs: { electricity: true, hookupNight: c.hookupNight } });
  return { id: 'power', label: 'Electricity', display: 'list', choices };
}

function dayGroup(world: World, k: CampPackage, p: SearchParams): OptionGroup {
  const choices: Choice[] = stayDays(String(p.date), nightsOf(p)).map((d) => ({
    id: d,
    label: longDate(d),
    price: k.pricePerPerson,
    soldOut: packageFull(world, k, d),
    unavailableLabel: 'Full',
    attrs: { packageDay: d },
  }));
  return { id: 'day', label: k.kind === 'rental' ? 'Pick-up day' : 'Day', display: 'list', choices };
}

/** A campsite's page (pitch and electricity) or a package's page (its day), for the search it belongs to. */
export function campsiteDetail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  if (typeof p.area !== 'string' || typeof p.date !== 'string') return undefined;
  if (isPackageSearch(p)) {
    const k = packagesOf(world, p.area).find((x) => x.id === id);
    if (!k) return undefined;
    const listing = packageListing(world, k, p);
    return {
      listing,
      description: [`${k.name} by ${k.provider}, booked with your pitch.`, k.kind === 'rental' ? 'Collect it at reception on the day you choose.' : 'Meet your guide at reception on the day you choose.', 'Priced per person, for everyone in your party.'],
      facts: [...listing.facts, { label: 'Provider', value: k.provider }, { label: 'Price per person', value: money(k.pricePerPerson, CURRENCY) }],
      optionGroups: [dayGroup(world, k, p)],
    };
  }
  const c = world.find(campsitesDomain, id);
  if (!c || c.area !== p.area) return undefined;
  const listing = campsiteListing(world, c, p);
  return {
    listing,
    description: [
      `${c.name}: ${SETTINGS[c.setting].toLowerCase()}, ${c.distanceKm} km from the centre of the area.`,
      c.petsAllowed ? `Pets are welcome (${money(PET_NIGHT, CURRENCY)} a night each).` : 'No pets, please.',
      `Pitch prices include two people; each further adult pays ${money(EXTRA_ADULT_NIGHT, CURRENCY)} and each further child ${money(EXTRA_CHILD_NIGHT, CURRENCY)} a night. Glamping tents and cabins are priced per unit.`,
      `You pay a ${Math.round(DEPOSIT_SHARE * 100)}% deposit of the stay now and the rest at the campsite; your package is paid in full now. Choose your package on the next page.`,
    ],
    facts: [
      { label: 'Stay', value: `${longDate(String(p.date))} to ${longDate(departureOf(p))}, ${nightsOf(p)} night${nightsOf(p) === 1 ? '' : 's'}` },
      { label: 'Guest rating', value: `${c.rating.toFixed(1)} out of 5 (${c.reviews} reviews)` },
      ...listing.facts,
      ...listing.details!,
    ],
    optionGroups: [pitchGroup(world, c, p), powerGroup(c)],
  };
}
