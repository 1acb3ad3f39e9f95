import type { AnswerSpec } from '../../core/schemas/answer.js';
import { LISTING_ROOM_PREFIX, type Entity, type EntityType, type FactValue, type KnowledgeGraph } from '../../knowledge/index.js';

/** What a type is called in a question. */
export const NOUNS: Record<EntityType, string> = {
  country: 'country', city: 'city', neighbourhood: 'neighbourhood', airport: 'airport', station: 'rail station', 'coach-station': 'coach station', port: 'port',
  airline: 'airline', 'flight-route': 'flight route', 'train-operator': 'train operator', 'rail-route': 'rail route', 'coach-operator': 'coach operator',
  'coach-route': 'coach route', 'ferry-operator': 'ferry operator', 'ferry-route': 'ferry route', 'hotel-chain': 'hotel chain', hotel: 'hotel',
  rental: 'holiday rental', 'holiday-destination': 'holiday destination', 'package-hotel': 'package-holiday hotel', 'restaurant-group': 'restaurant group',
  chef: 'chef', restaurant: 'restaurant', venue: 'venue', performer: 'performer', 'event-series': 'show run', event: 'event', 'cinema-chain': 'cinema chain',
  cinema: 'cinema', film: 'film', attraction: 'attraction', clinic: 'clinic', practitioner: 'practitioner', 'car-supplier': 'car rental supplier',
};

/** Facts that are never clues or answers: coordinates, prose, internal indices. */
const SKIP = new Set(['latitude', 'longitude', 'description', 'visitorMarketIndex']);

/** The unit a fact's key names (its suffix), as answers give it. */
export function unitOfKey(key: string): string | undefined {
  if (/Km$/.test(key)) return 'km';
  if (/Eur$/.test(key)) return 'EUR';
  if (/(Min|Minutes)$/.test(key)) return 'min';
  if (/[a-z]M$/.test(key)) return 'm';
  return undefined;
}

const WORDS: Record<string, string> = {
  guestRating: 'guest rating', reviewCount: 'number of reviews', routeCount: 'number of routes', citiesServed: 'number of cities served',
  distanceToCentreKm: 'distance to the centre', ticketsFromEur: 'lowest ticket price', durationMin: 'duration', runtimeMin: 'running time',
  openingDate: 'opening date', closingDate: 'closing date', firstShow: 'date of the first show', lastShow: 'date of the last show',
  fastestMinutes: 'fastest journey time', distanceKm: 'distance', baseEconomyFareEur: 'base economy fare', baseSaverFareEur: 'base saver fare',
  baseFareEur: 'base fare', baseFootFareEur: 'base foot-passenger fare', baseCarFareEur: 'base fare with a car', pricePerNightEur: 'price per night',
  cleaningFeeEur: 'cleaning fee', standardTicketEur: 'standard ticket price', adultTicketEur: 'adult ticket price', childTicketEur: 'child ticket price',
  standardFeeEur: 'standard consultation fee', beachDistanceM: 'distance to the beach', largestRoomM2: 'size of the largest room in square metres', stars: 'star rating', closedOn: 'closing day', sleeps: 'sleeping capacity', host: 'host\'s name',
  shortestRouteKm: 'shortest route', longestRouteKm: 'longest route', yearsExperience: 'years of experience', cityCount: 'number of cities',
  hotelCount: 'number of hotels', restaurantCount: 'number of restaurants', cinemaCount: 'number of cinemas', sailingsPerWeek: 'number of sailings a week',
  departuresPerWeek: 'number of departures a week', weekdayTrains: 'number of trains on a weekday', directTrains: 'number of direct trains',
  typicalDailyOptions: 'typical number of options a day', airlineCount: 'number of airlines', eventCount: 'number of events', performances: 'number of performances',
};

/** A fact key in words: "guestRating" -> "guest rating". */
export function keyWords(key: string, value?: FactValue): string {
  if (WORDS[key]) return WORDS[key];
  const words = key.replace(/(Eur|Km|Min|M2)$/, '').replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
  // A count named by what it counts ("restaurants: 44", "carsListed: 169") is a number of them.
  return typeof value === 'number' && /(s|s listed|s served)$/.test(words) && !/(ss|us|is)$/.test(words) ? `number of ${words}` : words;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{1,2}:\d{2}/;

/** The names of the entities an entity links to: a fact that repeats one is a link in disguise. */
function linkedNames(g: KnowledgeGraph, e: Entity): Set<string> {
  return new Set(e.links.map((l) => g.find(l.to)?.name).filter((n): n is string => n !== undefined));
}

export type FactClueSource = { key: string; value: FactValue };

/**
 * Facts of an entity that may serve as clues: numbers, dates, short words and list members; never
 * the name of something it links to (that clue is a link, which a question names or describes).
 */
export function clueFacts(g: KnowledgeGraph, e: Entity): FactClueSource[] {
  const linked = linkedNames(g, e);
  return Object.entries(e.facts)
    .filter(([k, v]) => !SKIP.has(k) && typeof v !== 'boolean')
    .filter(([, v]) => (typeof v === 'string' ? v.length <= 40 && !linked.has(v) && !TIME.test(v) : Array.isArray(v) ? v.length > 0 && v.every((x) => !linked.has(x)) : true))
    .map(([key, value]) => ({ key, value }));
}

/** The answer a fact gives, when it is one a person can read off a page and give back exactly. */
export function answerOfFact(key: string, v: FactValue): AnswerSpec | undefined {
  if (SKIP.has(key) || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') {
    const unit = unitOfKey(key);
    // A page may round a decimal to one place: half a unit of that place is still the same answer.
    return { type: 'number', value: v, ...(Number.isInteger(v) ? {} : { tolerance: 0.05 }), ...(unit ? { unit } : {}) };
  }
  if (typeof v === 'string') {
    if (ISO.test(v)) return { type: 'date', value: v };
    if (v.length > 40 || TIME.test(v) || /^[€$£]+$/.test(v)) return undefined;
    return { type: 'string', value: v };
  }
  if (v.length < 2 || v.length > 6) return undefined;
  const distinct = new Set(v.map((x) => x.toLowerCase()));
  return distinct.size === v.length ? { type: 'set', members: v.map((value) => ({ value })) } : undefined;
}

/** The entity's name as an answer, with the other names a reader may give it (an airport's code). */
export function answerOfName(e: Entity): AnswerSpec {
  const code = typeof e.facts.code === 'string' ? [e.facts.code] : [];
  return { type: 'string', value: e.name, ...(code.length ? { aliases: code } : {}) };
}

/** A room's name as a sentence says it: "the Twin Room", "the Deluxe King room". */
const roomText = (name: string) => `the ${name}${/\b(Room|Suite|Kitchenette)$/.test(name) ? '' : ' room'}`;

/** A listing fact's key in words (see the graph's `listing.facts`): "city tax per adult per night", "size in square metres of the Twin Room". */
export function listingKeyWords(key: string): string {
  if (key.startsWith(LISTING_ROOM_PREFIX)) return `size in square metres of ${roomText(key.slice(LISTING_ROOM_PREFIX.length))}`;
  if (key === 'cityTaxEur') return 'city tax per adult per night';
  return keyWords(key);
}

/** The answer a listing fact gives: euros to the cent as the page prints them, a room's size in whole square metres. */
export function answerOfListingFact(key: string, v: FactValue): AnswerSpec | undefined {
  if (typeof v !== 'number') return undefined;
  const unit = unitOfKey(key);
  return { type: 'number', value: v, ...(Number.isInteger(v) ? {} : { tolerance: 0.005 }), ...(unit ? { unit } : {}) };
}
