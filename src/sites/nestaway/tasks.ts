import { cityName } from '../engine/city-search.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { clauses, datePhrases, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import type { Amenity, PropertyType } from './domain.js';

/**
 * Nestaway (holiday rentals): where, from which night and for how long, for how many guests;
 * then the place (type, bedrooms, amenities, pets, a Superhost, rating, price per night) and
 * the rate (refundable or not).
 */

const num = (t: Target, k: string) => Number(t.attrs[k]);

/** An amenity as the object of "It must have …". */
const AMENITY_NOUNS: Record<Amenity, string> = { wifi: 'Wi-Fi', kitchen: 'a kitchen', washer: 'a washing machine', parking: 'free parking', pool: 'a pool', 'air-con': 'air conditioning', balcony: 'a balcony or terrace', workspace: 'a dedicated workspace', 'hot-tub': 'a hot tub', cot: 'a baby cot' };

/** "an apartment", "a villa". */
const TYPE_NOUNS: Record<PropertyType, string> = { apartment: 'an apartment', house: 'a house', villa: 'a villa', loft: 'a loft', cottage: 'a cottage', studio: 'a studio' };

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const city = String(t.params.city);
  const date = String(t.params.date);
  const nights = Number(t.params.nights);
  const guests = Number(t.params.guests);
  out.push({ role: 'key', constraint: { id: 'city', kind: 'exact', stage: 'search', field: 'city', value: city }, phrases: clauses('city', [{ id: 'in', text: `in ${cityName(city)}` }]) });
  out.push({ role: 'key', constraint: { id: 'check-in', kind: 'exact', stage: 'search', field: 'date', value: date }, phrases: clauses('check-in', datePhrases(date, 'from')) });
  out.push({ role: 'key', constraint: { id: 'nights', kind: 'count', stage: 'search', field: 'nights', value: nights }, phrases: clauses('nights', [{ id: 'for', text: `for ${nights} night${nights > 1 ? 's' : ''}` }, { id: 'words', text: `for ${numberWord(nights)} night${nights > 1 ? 's' : ''}` }]) });
  out.push({ role: 'core', slot: 'who', constraint: { id: 'guests', kind: 'count', stage: 'search', field: 'guests', value: guests }, phrases: clauses('guests', [{ id: 'n', text: `for ${guests} guest${guests > 1 ? 's' : ''}` }, ...(guests === 2 ? [{ id: 'two', text: 'for my partner and me' }] : []), ...(guests > 2 ? [{ id: 'us', text: `for the ${numberWord(guests)} of us` }] : [])]) });

  // The place.
  const type = String(t.attrs.propertyType) as PropertyType;
  out.push({ role: 'refine', constraint: { id: 'type', kind: 'exact', stage: 'selection', field: 'propertyType', value: type }, phrases: clauses('type', [{ id: 'whole', text: `in ${TYPE_NOUNS[type]}` }]), matchesListing: (l) => l.attrs.propertyType === type });
  const bedrooms = num(t, 'bedrooms');
  if (bedrooms >= 2) out.push({ role: 'refine', constraint: { id: 'bedrooms-min', kind: 'range', stage: 'selection', field: 'bedrooms', min: bedrooms }, phrases: sentences('bedrooms-min', [{ id: 'need', text: `We need at least ${numberWord(bedrooms)} bedrooms.` }]), matchesListing: (l) => Number(l.attrs.bedrooms) >= bedrooms });
  const amenities = Array.isArray(t.attrs.amenities) ? t.attrs.amenities.map(String) : [];
  const wanted = amenities.find((a) => a !== 'wifi' && a !== 'kitchen') ?? amenities[0];
  if (wanted) out.push({ role: 'refine', constraint: { id: 'amenity', kind: 'set', stage: 'selection', field: 'amenities', mode: 'includes_all', values: [wanted] }, phrases: sentences('amenity', [{ id: 'must', text: `It must have ${AMENITY_NOUNS[wanted as Amenity]}.` }]), matchesListing: (l) => Array.isArray(l.attrs.amenities) && l.attrs.amenities.includes(wanted) });
  if (t.attrs.petsAllowed === true) out.push({ role: 'refine', constraint: { id: 'pets', kind: 'exact', stage: 'selection', field: 'petsAllowed', value: true }, phrases: sentences('pets', [{ id: 'dog', text: 'We are bringing our dog, so pets must be allowed.' }]), matchesListing: (l) => l.attrs.petsAllowed === true });
  if (t.attrs.superhost === true) out.push({ role: 'refine', constraint: { id: 'superhost', kind: 'exact', stage: 'selection', field: 'superhost', value: true }, phrases: sentences('superhost', [{ id: 'only', text: 'Only book with a Superhost.' }]), matchesListing: (l) => l.attrs.superhost === true });
  const rating = num(t, 'rating');
  if (rating >= 4.5) {
    const min = rating >= 4.8 ? 4.8 : 4.5;
    out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min }, phrases: clauses('rating-min', [{ id: 'rated', text: `rated ${min.toFixed(1)} or more by guests` }]), matchesListing: (l) => Number(l.attrs.rating) >= min });
  }
  const maxNight = roundUpNice(num(t, 'pricePerNight'));
  out.push({ role: 'refine', constraint: { id: 'price-max', kind: 'range', stage: 'selection', field: 'pricePerNight', max: maxNight }, phrases: sentences('price-max', [{ id: 'night', text: `Keep it to €${maxNight} a night or less, before discounts.` }]), matchesListing: (l) => Number(l.attrs.pricePerNight) <= maxNight });

  // The rate.
  const rate = String(t.attrs.rate);
  out.push({ role: 'refine', constraint: { id: 'rate', kind: 'exact', stage: 'selection', field: 'rate', value: rate }, phrases: rate === 'non-refundable' ? sentences('rate', [{ id: 'cheap', text: 'Take the non-refundable rate to save money.' }]) : sentences('rate', [{ id: 'refundable', text: 'Book a refundable rate, not the non-refundable one.' }]) });
  return out;
}

export const nestawayTasks: TaskCatalogue = {
  siteId: 'nestaway',
  intros: ['Book a place to stay', 'Find and book a holiday rental', 'Please book a holiday home', 'Reserve a rental'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'pricePerNight', objective: 'min', phrases: sentences('cheapest', [{ id: 'pick', text: 'Of the places that fit, take the cheapest per night.' }]) },
    { id: 'best-rated', field: 'rating', objective: 'max', phrases: sentences('best-rated', [{ id: 'pick', text: 'Choose the best rated place that fits.' }]) },
  ],
};
