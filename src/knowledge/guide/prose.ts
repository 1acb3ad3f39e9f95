import type { KnowledgeGraph } from '../graph/knowledge-graph.js';
import type { Entity, EntityType, FactValue } from '../graph/schema.js';
import { factText, TYPE_LABELS } from './labels.js';

/**
 * An article's paragraphs, written from the entity's facts and links only, so the same world
 * always reads the same; every figure they state is also in the infobox.
 */
export function articleProse(graph: KnowledgeGraph, e: Entity): string[] {
  const f = e.facts;
  const t = (k: string) => (f[k] === undefined ? '' : factText(f[k] as FactValue));
  const list = (k: string) => (Array.isArray(f[k]) ? listText(f[k] as string[]) : t(k));
  const a = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
  const where = f.neighbourhood ? `in ${t('neighbourhood')}, ${t('city')}` : f.city ? `in ${t('city')}` : '';
  const writers: Partial<Record<EntityType, () => string[]>> = {
    country: () => [`${e.name} is a country whose ${t('cityCount')} guide cities are ${list('cities')}.`],
    city: () => [
      `${e.name} is a city in ${t('country')}, at latitude ${t('latitude')} and longitude ${t('longitude')}. Prices there are in ${t('currency')}.`,
      `Flights arrive at ${t('airport')} (${t('airportCode')}) and trains at ${t('mainStation')}. The guide lists ${t('hotels')} hotels, ${t('holidayRentals')} holiday rentals, ${t('restaurants')} restaurants, ${t('attractions')} attractions, ${t('venues')} venues with ${t('events')} events, ${t('cinemas')} cinemas, ${t('clinics')} clinics and ${t('practitioners')} practitioners there.`,
    ],
    neighbourhood: () => [`${e.name} is a neighbourhood of ${t('city')}, ${t('country')}, with ${t('hotels')} hotels, ${t('holidayRentals')} holiday rentals, ${t('restaurants')} restaurants and ${t('attractions')} attractions in the guide.`],
    airport: () => [`${e.name} (${t('code')}) is the airport of ${t('city')}${f.country ? `, ${t('country')}` : ''}.${f.packageHolidayDepartures ? ' Package holidays depart from it.' : ''}`],
    station: () => [`${e.name} (${t('code')}) is the ${t('kind')} of ${t('city')}, ${t('country')}.`],
    'coach-station': () => [`${e.name} (${t('code')}) is the long-distance coach station of ${t('city')}, ${t('country')}.`],
    port: () => [`${e.name} (${t('code')}) is a ferry port in ${t('country')}${f.seaArea ? `, in the ${t('seaArea')} area` : ''}.`],
    airline: () => [`${e.name} is an airline flying ${t('routeCount')} routes between ${t('citiesServed')} cities. Its shortest route is ${t('shortestRouteKm')} km and its longest ${t('longestRouteKm')} km.`],
    'flight-route': () => [
      `Flights between ${t('originCity')} (${t('originAirport')}) and ${t('destinationCity')} (${t('destinationAirport')}) cover ${t('distanceKm')} km. ${t('airlineCount')} airlines fly it: ${list('airlines')}.`,
      `A typical day has ${t('typicalDailyOptions')} flight options; economy fares start around ${t('baseEconomyFareEur')} EUR before demand. Connecting flights may stop at ${list('connectionHubs')}.`,
    ],
    'rail-route': () => [
      `Trains run from ${t('originStation')} in ${t('originCity')} to ${t('destinationStation')} in ${t('destinationCity')}, ${t('distanceKm')} km, operated by ${list('operators')}.`,
      `On a weekday there are ${t('weekdayTrains')} trains, ${t('directTrains')} of them direct; the fastest takes ${t('fastestMinutes')} minutes. The first leaves at ${t('firstDeparture')} and the last at ${t('lastDeparture')}.${f.nightTrain ? ' A night train runs on the route.' : ''}`,
    ],
    'coach-route': () => [`Coaches link ${t('originStation')} (${t('originCity')}) and ${t('destinationStation')} (${t('destinationCity')}), ${t('distanceKm')} km, with ${t('departuresPerWeek')} departures a week by ${list('operators')}. The fastest takes ${t('fastestMinutes')} minutes.`],
    'ferry-route': () => [`Ferries sail from ${t('originPort')} to ${t('destinationPort')} ${t('sailingsPerWeek')} times a week, operated by ${list('operators')}. The fastest crossing takes ${t('fastestMinutes')} minutes.${f.carriesVehicles ? ' Cars are carried.' : ''}`],
    'train-operator': () => [`${e.name} is a train operator running services on ${t('routeCount')} routes.`],
    'coach-operator': () => [`${e.name} is a coach operator serving ${t('routeCount')} routes.`],
    'ferry-operator': () => [`${e.name} is a ferry operator sailing ${t('routeCount')} routes between ${list('portsServed')}. Its fleet: ${list('fleet')}.`],
    'hotel-chain': () => [`${e.name} is a hotel chain with ${t('hotelCount')} hotels in ${t('cityCount')} cities: ${list('cities')}. Guests rate its hotels ${t('averageGuestRating')} on average.`],
    hotel: () => [
      `${e.name} is a ${t('stars')}-star hotel ${where}, ${t('distanceToCentreKm')} km from the centre. Guests rate it ${t('guestRating')} out of 10 in ${t('reviewCount')} reviews.`,
      `${t('description')} Check-in is from ${t('checkInFrom')} and check-out until ${t('checkOutUntil')}. Room types: ${list('roomTypes')}.`,
    ],
    rental: () => [`${e.name} is ${a(t('propertyType').toLowerCase())} ${where} with ${t('bedrooms')} bedrooms that sleeps ${t('sleeps')}, hosted by ${t('host')}${f.superhost ? ', a superhost' : ''}. Guests rate it ${t('guestRating')} out of 5 in ${t('reviewCount')} reviews; it costs ${t('pricePerNightEur')} EUR a night.`],
    'holiday-destination': () => [`${e.name} is a holiday destination in ${t('country')}, reached through ${t('arrivalAirport')} airport. Its resorts: ${list('resorts')}. The guide lists ${t('packageHotelCount')} resort hotels there, ${t('fiveStarHotels')} of them five-star.`],
    'package-hotel': () => [`${e.name} is a ${t('stars')}-star resort hotel in ${t('resort')}, ${t('destination')}, ${t('beachDistanceM')} m from the beach, rated ${t('guestRating')} out of 10. Board: ${list('boardBasis')}.`],
    'restaurant-group': () => [`${e.name} is a restaurant name found in ${t('cityCount')} cities (${list('cities')}), ${t('restaurantCount')} restaurants in all.`],
    chef: () => [`${e.name} is the chef of ${t('restaurantCount')} restaurants in ${list('cities')}, known for ${list('signatureDishes')}.`],
    restaurant: () => [`${e.name} is ${a(t('cuisine'))} restaurant ${where}, price level ${t('priceLevel')}, rated ${t('rating')} out of 5 in ${t('reviewCount')} reviews. Chef ${t('chef')}'s signature dish is ${t('signatureDish')}.`, `Lunch: ${t('lunch')}. Dinner: ${t('dinner')}. Closed: ${t('closedOn')}. Dress code: ${t('dressCode')}.`],
    venue: () => [`${e.name} is ${a(t('kind'))} ${where} with room for ${t('capacity')} people. It hosts ${t('eventCount')} events in the guide (${list('categories')}).`],
    performer: () => [`${e.name} (${t('genre')}) gives ${t('performances')} performances in ${list('cities')}, from ${t('firstShow')} to ${t('lastShow')}.`],
    'event-series': () => [`${e.name} is ${a(t('genre'))} ${t('category')} by ${t('performer')} in ${t('city')}, with ${t('performances')} performances from ${t('openingDate')} to ${t('closingDate')} at ${list('venues')}. Tickets from ${t('ticketsFromEur')} EUR.`],
    event: () => [`${e.name} is ${a(t('genre'))} ${t('category')} at ${t('venue')}, ${t('city')}, on ${t('weekday')} ${t('date')} at ${t('time')}. It lasts ${t('durationMin')} minutes; tickets from ${t('ticketsFromEur')} EUR.`, t('description')],
    'cinema-chain': () => [`${e.name} is a cinema chain with ${t('cinemaCount')} cinemas in ${list('cities')}.`],
    cinema: () => [`${e.name} is a ${t('chain')} cinema ${where} with ${t('screens')} screens and ${t('seats')} seats. A standard evening ticket costs ${t('standardTicketEur')} EUR.`],
    film: () => [`${e.name} is a ${t('genre')} film rated ${t('ageRating')}, ${t('runtimeMin')} minutes long, with an audience score of ${t('audienceScore')} out of 10.`],
    attraction: () => [`${e.name} (${t('category')}) is ${where}. A visit takes about ${t('durationMin')} minutes; it is rated ${t('rating')} out of 5 in ${t('reviewCount')} reviews. Adult tickets cost ${t('adultTicketEur')} EUR. Closed: ${t('closedOn')}.`],
    clinic: () => [`${e.name} is a clinic in ${t('city')} with ${t('practitioners')} practitioners. Specialties: ${list('specialties')}.`],
    practitioner: () => [`${e.name} is a ${t('specialty').toLowerCase()} at ${t('clinic')} ${where}, with ${t('yearsExperience')} years of experience, rated ${t('rating')} out of 5 in ${t('reviewCount')} reviews. Languages: ${list('languages')}. A standard appointment costs ${t('standardFeeEur')} EUR.`],
    'car-supplier': () => [`${e.name} is a car rental company with ${t('carsListed')} cars at ${t('rentalDesks')} desks in ${t('cityCount')} cities, rated ${t('averageSupplierRating')} out of 10 on average.`],
  };
  const write = writers[e.type];
  const paragraphs = write ? write() : [`${e.name} is ${a(TYPE_LABELS[e.type][0].toLowerCase())}${where ? ` ${where}` : ''}.`];
  return paragraphs.filter((p) => p.trim() !== '');
}

/** "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
