import { addDays } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import { cityById, offsetFrom } from '../../world/geography.js';
import type { World } from '../../world/world.js';
import type { FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SortSpec } from '../engine/site-definition.js';
import { AMENITIES, AMENITY_LABELS, PROPERTY_TYPES, rentalsDomain, TYPE_LABELS, type Rental } from './domain.js';
import { freeFor, rentalsIn } from './inventory.js';

/** Results and listing pages: the rentals of a city free for every night of a stay and big enough for the party. */

export const NON_REFUNDABLE_DISCOUNT = 0.1;

const nightsOf = (p: SearchParams) => Number(p.nights);
const guestsOf = (p: SearchParams) => Number(p.guests);

function matches(world: World, r: Rental, p: SearchParams): boolean {
  return r.cityId === p.city && r.maxGuests >= guestsOf(p) && r.minNights <= nightsOf(p) && freeFor(world, r, String(p.date), nightsOf(p));
}

const CANCELLATION_TEXT = { flexible: 'Free cancellation until 1 day before check-in', moderate: 'Free cancellation until 5 days before check-in', strict: 'Free cancellation until 14 days before check-in, then 50% back' };

/**
 * Where a rental sits on the map: its neighbourhood's side of the city centre, a short walk from
 * its neighbours (the stored inventory has no coordinates; this is drawn from the rental's id, so
 * the map is the same on every visit and the world is unchanged).
 */
function positionOf(r: Rental): { lat: number; lon: number } | undefined {
  const city = cityById(r.cityId);
  if (!city) return undefined;
  const side = Math.max(0, city.neighbourhoods.indexOf(r.neighbourhood));
  const rng = new Rng(`nestaway-map/${r.id}`);
  const bearing = (360 / Math.max(1, city.neighbourhoods.length)) * side + rng.int(-25, 25);
  return offsetFrom(city, 0.8 + side * 0.6 + rng.int(0, 60) / 100, bearing);
}

function toListing(r: Rental, p: SearchParams): Listing {
  const nights = nightsOf(p);
  const position = positionOf(r);
  return {
    ...(position ? { position } : {}),
    id: r.id,
    title: r.title,
    subtitle: `${TYPE_LABELS[r.type]} · ${r.bedrooms === 0 ? 'Studio' : `${r.bedrooms} bedroom${r.bedrooms > 1 ? 's' : ''}`} · up to ${r.maxGuests} guests`,
    badges: [...(r.host.superhost ? ['Superhost'] : []), ...(r.rules.pets ? ['Pets allowed'] : []), ...(r.reviewCount === 0 ? ['New'] : [])],
    facts: [
      { label: 'Rating', value: r.reviewCount === 0 ? 'No reviews yet' : `${r.rating.toFixed(2)} (${r.reviewCount} reviews)` },
      { label: 'Total', value: `€${r.pricePerNight * nights + r.cleaningFee} for ${nights} night${nights > 1 ? 's' : ''}` },
    ],
    price: r.pricePerNight,
    priceUnit: 'per night',
    soldOut: false,
    attrs: {
      rental: r.title,
      propertyType: r.type,
      neighbourhood: r.neighbourhood,
      bedrooms: r.bedrooms,
      maxGuests: r.maxGuests,
      pricePerNight: r.pricePerNight,
      cleaningFee: r.cleaningFee,
      rating: r.rating,
      reviewCount: r.reviewCount,
      amenities: [...r.amenities],
      petsAllowed: r.rules.pets,
      superhost: r.host.superhost,
      host: r.host.name,
      cancellation: r.cancellation,
      checkOutDate: addDays(String(p.date), nights),
      price: r.pricePerNight,
      rank: -Math.round(r.rating * 100 + Math.log10(r.reviewCount + 1) * 30 + (r.host.superhost ? 20 : 0)),
    },
  };
}

/** The rate: flexible (the host's cancellation policy) or non-refundable, 10% less. */
function rateGroup(r: Rental): OptionGroup {
  const cheaper = Math.round(r.pricePerNight * (1 - NON_REFUNDABLE_DISCOUNT));
  return {
    id: 'rate',
    label: 'Rate',
    display: 'list',
    choices: [
      { id: 'flexible', label: 'Standard rate', description: CANCELLATION_TEXT[r.cancellation], price: r.pricePerNight, attrs: { rate: 'standard', refundable: true, nightlyRate: r.pricePerNight } },
      { id: 'non-refundable', label: 'Non-refundable rate', description: `10% off: €${cheaper} a night; no refund if you cancel`, price: cheaper, attrs: { rate: 'non-refundable', refundable: false, nightlyRate: cheaper } },
    ],
  };
}

export function search(world: World, p: SearchParams): Listing[] {
  return rentalsIn(world, String(p.city))
    .filter((r) => matches(world, r, p))
    .map((r) => toListing(r, p));
}

export function detail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  const r = world.find(rentalsDomain, id);
  if (!r || !matches(world, r, p)) return undefined;
  const listing = toListing(r, p);
  return {
    listing,
    description: [
      `${r.title}: a ${TYPE_LABELS[r.type].toLowerCase()} for up to ${r.maxGuests} guests, ${r.bedrooms === 0 ? 'one open room' : `${r.bedrooms} bedroom${r.bedrooms > 1 ? 's' : ''}`} and ${r.bathrooms} bathroom${r.bathrooms > 1 ? 's' : ''}.`,
      `House rules: check-in from ${r.rules.checkIn}, check-out by ${r.rules.checkOut}. ${r.rules.pets ? 'Pets are welcome.' : 'No pets.'} ${r.rules.smoking ? 'Smoking on the balcony only.' : 'No smoking.'} No parties or events.`,
      `Your host ${r.host.name}${r.host.superhost ? ' is a Superhost and' : ''} usually answers within ${r.host.responseHours} hour${r.host.responseHours > 1 ? 's' : ''}. Send a message with your booking.`,
      `Minimum stay: ${r.minNights} night${r.minNights > 1 ? 's' : ''}. Cleaning fee: €${r.cleaningFee}.`,
    ],
    facts: [
      { label: 'Type', value: TYPE_LABELS[r.type] },
      { label: 'Where', value: r.neighbourhood },
      ...listing.facts,
      { label: 'Amenities', value: r.amenities.map((a) => AMENITY_LABELS[a]).join(', ') || 'None listed' },
      { label: 'Cancellation', value: CANCELLATION_TEXT[r.cancellation] },
    ],
    optionGroups: [rateGroup(r)],
  };
}

export function whyUnavailable(world: World, p: SearchParams, id: string): string | undefined {
  const r = world.find(rentalsDomain, id);
  if (!r) return 'We could not find this place. Go back to the results to choose another.';
  if (r.maxGuests < guestsOf(p)) return `${r.title} sleeps at most ${r.maxGuests} guests.`;
  if (r.minNights > nightsOf(p)) return `${r.title} needs a stay of at least ${r.minNights} nights.`;
  return `${r.title} is already booked on some of those nights. Try other dates.`;
}

export const filters: FilterSpec[] = [
  { id: 'type', kind: 'multi', attr: 'propertyType', label: 'Type of place', mode: 'any', options: PROPERTY_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] })) },
  { id: 'bedrooms', kind: 'min', attr: 'bedrooms', label: 'Bedrooms', options: [1, 2, 3, 4].map((n) => ({ value: String(n), label: `${n}+` })) },
  { id: 'price', kind: 'max', attr: 'pricePerNight', label: 'Price per night up to', options: [60, 90, 120, 180, 250, 400].map((n) => ({ value: String(n), label: `€${n}` })) },
  { id: 'amenities', kind: 'multi', attr: 'amenities', label: 'Amenities', mode: 'all', options: AMENITIES.map((a) => ({ value: a, label: AMENITY_LABELS[a] })) },
  { id: 'pets', kind: 'flag', attr: 'petsAllowed', label: 'Pets allowed' },
  { id: 'superhost', kind: 'flag', attr: 'superhost', label: 'Superhost' },
  { id: 'rating', kind: 'min', attr: 'rating', label: 'Guest rating', options: [{ value: '4.5', label: '4.5+' }, { value: '4.8', label: '4.8+' }] },
];

export const sorts: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Price per night (lowest first)', attr: 'pricePerNight', dir: 'asc' },
  { id: 'rating', label: 'Guest rating', attr: 'rating', dir: 'desc' },
  { id: 'bedrooms', label: 'Most bedrooms', attr: 'bedrooms', dir: 'desc' },
];
