import type { EntityType, FactValue, Relation } from '../graph/schema.js';

/** How the guide names each kind of entity: one, many. */
export const TYPE_LABELS: Record<EntityType, [string, string]> = {
  country: ['Country', 'Countries'],
  city: ['City', 'Cities'],
  neighbourhood: ['Neighbourhood', 'Neighbourhoods'],
  airport: ['Airport', 'Airports'],
  station: ['Railway station', 'Railway stations'],
  'coach-station': ['Coach station', 'Coach stations'],
  port: ['Ferry port', 'Ferry ports'],
  airline: ['Airline', 'Airlines'],
  'flight-route': ['Air route', 'Air routes'],
  'train-operator': ['Train operator', 'Train operators'],
  'rail-route': ['Rail route', 'Rail routes'],
  'coach-operator': ['Coach operator', 'Coach operators'],
  'coach-route': ['Coach route', 'Coach routes'],
  'ferry-operator': ['Ferry operator', 'Ferry operators'],
  'ferry-route': ['Ferry route', 'Ferry routes'],
  'hotel-chain': ['Hotel chain', 'Hotel chains'],
  hotel: ['Hotel', 'Hotels'],
  rental: ['Holiday rental', 'Holiday rentals'],
  'holiday-destination': ['Holiday destination', 'Holiday destinations'],
  'package-hotel': ['Resort hotel', 'Resort hotels'],
  'restaurant-group': ['Restaurant group', 'Restaurant groups'],
  chef: ['Chef', 'Chefs'],
  restaurant: ['Restaurant', 'Restaurants'],
  venue: ['Venue', 'Venues'],
  performer: ['Performer', 'Performers'],
  'event-series': ['Event series', 'Event series'],
  event: ['Event', 'Events'],
  'cinema-chain': ['Cinema chain', 'Cinema chains'],
  cinema: ['Cinema', 'Cinemas'],
  film: ['Film', 'Films'],
  attraction: ['Attraction', 'Attractions'],
  clinic: ['Clinic', 'Clinics'],
  practitioner: ['Practitioner', 'Practitioners'],
  'car-supplier': ['Car rental company', 'Car rental companies'],
};

/** The guide's sections on its home page: kinds grouped as a reader looks for them. */
export const PORTALS: { heading: string; types: EntityType[] }[] = [
  { heading: 'Places', types: ['country', 'city', 'neighbourhood', 'holiday-destination'] },
  { heading: 'Getting there', types: ['airport', 'airline', 'flight-route', 'station', 'train-operator', 'rail-route', 'coach-station', 'coach-operator', 'coach-route', 'port', 'ferry-operator', 'ferry-route', 'car-supplier'] },
  { heading: 'Where to stay', types: ['hotel-chain', 'hotel', 'rental', 'package-hotel'] },
  { heading: 'Food and drink', types: ['restaurant-group', 'chef', 'restaurant'] },
  { heading: 'Culture and going out', types: ['venue', 'performer', 'event-series', 'event', 'cinema-chain', 'cinema', 'film', 'attraction'] },
  { heading: 'Health', types: ['clinic', 'practitioner'] },
];

/** How a link reads under its source's article ("Operated by") and under its target's ("Routes operated"). */
export const RELATION_HEADINGS: Record<Relation, string> = {
  'in-country': 'Country',
  'in-city': 'City',
  'in-neighbourhood': 'Neighbourhood',
  'serves-city': 'Serves',
  from: 'From',
  to: 'To',
  'operated-by': 'Operated by',
  'connects-via': 'Connections via',
  'member-of': 'Part of',
  'led-by': 'Chef',
  'at-venue': 'Venue',
  'part-of': 'Series',
  'performed-by': 'Performer',
  'at-clinic': 'Clinic',
  'operates-in': 'Present in',
};

const FACT_LABELS: Record<string, string> = {
  latitude: 'Latitude',
  longitude: 'Longitude',
  guestRating: 'Guest rating',
  distanceToCentreKm: 'Distance to the centre (km)',
  largestRoomM2: 'Largest room (m²)',
  beachDistanceM: 'Distance to the beach (m)',
  in3dOrImax: 'Shown in 3D or IMAX',
  typicalDailyOptions: 'Flight options on a typical day',
  visitorMarketIndex: 'Visitor market index (1-100)',
  doorsOpenMinutesBefore: 'Doors open (minutes before)',
  maxAdultsInOneRoom: 'Most adults in one room',
  freeCancellationDaysBefore: 'Free cancellation until (days before)',
};

/** "guestRating" -> "Guest rating"; units from the key's suffix. */
export function factLabel(key: string): string {
  const known = FACT_LABELS[key];
  if (known) return known;
  const unit = /Eur$/.test(key) ? ' (EUR)' : /Km$/.test(key) ? ' (km)' : /(Min|Minutes)$/.test(key) ? ' (minutes)' : '';
  const base = key.replace(/(Eur|Km|Min|Minutes)$/, '');
  const words = base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${unit}`;
}

/** A fact as the page writes it: numbers exactly as stored, yes/no, lists joined. */
export function factText(value: FactValue): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return String(value);
}
