import { z } from 'zod';
import { horizonDates, minutesToTime, timeToMinutes, weekday } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, GIVEN_NAMES, SURNAMES, type City } from '../../world/geography.js';

/**
 * Restaurants (Forkful): about ten per city, each with opening hours cut into 30-minute
 * seatings, a party-size limit, a deposit policy and, for every date of the horizon, the
 * seatings already fully booked (busier on Friday/Saturday evenings and around 20:00).
 */

export const CUISINES = [
  'italian', 'japanese', 'portuguese', 'french', 'indian', 'mexican', 'vegetarian', 'seafood',
  'steakhouse', 'thai', 'spanish', 'nordic', 'european', 'korean', 'lebanese',
] as const;
export type Cuisine = (typeof CUISINES)[number];

export const FEATURES = ['terrace', 'vegan-options', 'kid-friendly', 'wheelchair-accessible', 'live-music', 'private-dining'] as const;
export type Feature = (typeof FEATURES)[number];

export const SEATING_AREAS = ['indoor', 'terrace', 'bar', 'counter'] as const;
export type SeatingArea = (typeof SEATING_AREAS)[number];

export const DRESS_CODES = ['casual', 'smart-casual', 'elegant'] as const;

const HHMM = z.string().regex(/^\d{2}:\d{2}$/);
const ISO = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const Service = z.strictObject({ first: HHMM, last: HHMM });

export const RestaurantRow = z.strictObject({
  id: z.string().regex(/^rs-[a-z]+-\d{2}$/),
  cityId: z.string(),
  name: z.string().min(2),
  cuisine: z.enum(CUISINES),
  priceLevel: z.number().int().min(1).max(4),
  rating: z.number().min(3).max(5),
  reviewCount: z.number().int().min(1),
  neighbourhood: z.string(),
  features: z.array(z.enum(FEATURES)),
  seating: z.array(z.enum(SEATING_AREAS)).min(1),
  /** First and last seating of lunch service; null when closed for lunch. */
  lunch: Service.nullable(),
  dinner: Service,
  /** 0 = Sunday ... 6 = Saturday; null when open every day. */
  closedWeekday: z.number().int().min(0).max(6).nullable(),
  /** One-off closures (private events, holidays) inside the horizon. */
  closedDates: z.array(ISO),
  maxPartySize: z.number().int().min(2).max(12),
  /** 'always': every seating; 'weekend-dinner': Friday and Saturday dinner only. */
  depositPolicy: z.enum(['none', 'always', 'weekend-dinner']),
  depositPerGuest: z.number().int().min(0),
  /** Hours before the booking until which the deposit is refunded; 0 = non-refundable. */
  refundHours: z.number().int().min(0),
  dressCode: z.enum(DRESS_CODES),
  chef: z.string(),
  signature: z.string(),
  /** Dates (ISO) -> seatings ("HH:MM") with no table left. */
  booked: z.record(ISO, z.array(HHMM)),
  /** Dates -> seatings where only tables for up to 4 guests remain. */
  smallTablesOnly: z.record(ISO, z.array(HHMM)),
  /** Dates on which the terrace is fully booked. */
  terraceFull: z.array(ISO),
});
export type RestaurantRow = z.infer<typeof RestaurantRow>;

/** Country -> the local cuisine the city has most of. */
const LOCAL_CUISINE: Record<string, Cuisine> = {
  Portugal: 'portuguese', Spain: 'spanish', France: 'french', Italy: 'italian', Denmark: 'nordic',
};

const NAME_PARTS: Record<Cuisine, { patterns: string[]; words: string[] }> = {
  italian: { patterns: ['Trattoria {w}', 'Osteria {w}', '{w} Cucina', 'Da {w}'], words: ['Nonna Rita', 'Lucciola', 'Il Forno', 'Girasole', 'Ponte Vecchio', 'Carbone', 'Limonaia', 'Basilico'] },
  japanese: { patterns: ['Sushi {w}', 'Izakaya {w}', '{w} Ramen', 'Kappo {w}'], words: ['Hoshi', 'Kaito', 'Umi', 'Sakura', 'Tsuki', 'Kumo', 'Hanabi', 'Yuzu'] },
  portuguese: { patterns: ['Tasca do {w}', 'Casa {w}', 'O {w}', 'Taberna {w}'], words: ['Zé', 'Bacalhau', 'Marinheiro', 'Azulejo', 'Sardinha', 'Fado', 'Galo', 'Canela'] },
  french: { patterns: ['Bistrot {w}', 'Le Petit {w}', 'Chez {w}', 'Brasserie {w}'], words: ['Marcel', 'Lumière', 'Colette', 'Olivier', 'Papillon', 'Margaux', 'Jardin', 'Moulin'] },
  indian: { patterns: ['{w} Tandoor', '{w} Masala House', 'Spice of {w}', '{w} Kitchen'], words: ['Jaipur', 'Kerala', 'Saffron', 'Chutney', 'Mumbai', 'Rasa', 'Tamarind', 'Lotus'] },
  mexican: { patterns: ['Cantina {w}', 'Taquería {w}', '{w} Mezcalería', 'La {w}'], words: ['Luna', 'Maíz', 'Agave', 'Chula', 'Nopal', 'Frida', 'Calavera', 'Tlaloc'] },
  vegetarian: { patterns: ['Green {w}', '{w} Garden', 'Root & {w}', 'The {w} Table'], words: ['Fern', 'Sprout', 'Clover', 'Harvest', 'Juniper', 'Beet', 'Sorrel', 'Meadow'] },
  seafood: { patterns: ['{w} Oyster Bar', 'The {w} Fish House', '{w} & Brine', 'Marisqueira {w}'], words: ['Anchor', 'Tide', 'Pearl', 'Lighthouse', 'Harbour', 'Coral', 'Driftwood', 'Saltwater'] },
  steakhouse: { patterns: ['{w} Grill', '{w} Steak Co.', 'Asador {w}', 'The {w} Chophouse'], words: ['Ember', 'Iron & Oak', 'Black Angus', 'Pampa', 'Fuego', 'Cedar', 'Butcher Block', 'Smokehouse'] },
  thai: { patterns: ['Baan {w}', '{w} Thai', 'Krua {w}', '{w} Street Kitchen'], words: ['Siam', 'Lamai', 'Khao', 'Mali', 'Chiang', 'Tuk Tuk', 'Lemongrass', 'Kaffir'] },
  spanish: { patterns: ['Bodega {w}', 'Casa {w}', 'Taberna {w}', '{w} Tapas'], words: ['Lola', 'El Toro', 'Manchego', 'Azahar', 'La Parra', 'Romero', 'Sol y Sombra', 'Pimentón'] },
  nordic: { patterns: ['{w}', 'Restaurant {w}', '{w} Køkken', 'Hos {w}'], words: ['Høst', 'Rug', 'Fyr', 'Tang', 'Lyng', 'Skov', 'Birk', 'Kul'] },
  european: { patterns: ['The {w}', '{w} Dining Room', 'Brasserie {w}', '{w} & Co.'], words: ['Copper Pot', 'Linden', 'Hearth', 'Saltcellar', 'Larder', 'Orchard', 'Gaslight', 'Quarry'] },
  korean: { patterns: ['{w} BBQ', 'Seoul {w}', '{w} Pocha', 'Hanok {w}'], words: ['Bibim', 'Kimchi', 'Gangnam', 'Hodu', 'Namu', 'Bom', 'Dal', 'Maru'] },
  lebanese: { patterns: ['{w} Mezze', 'Beit {w}', '{w} Grill House', 'Al {w}'], words: ['Cedar', 'Byblos', 'Zaatar', 'Jasmine', 'Fairuz', 'Sumac', 'Baalbek', 'Tabbouleh'] },
};

const SIGNATURES: Record<Cuisine, string[]> = {
  italian: ['hand-rolled pici cacio e pepe', 'slow-cooked ossobuco', 'wood-fired Neapolitan pizza', 'truffle tagliolini'],
  japanese: ['omakase nigiri', 'tonkotsu ramen', 'charcoal yakitori', 'black cod miso'],
  portuguese: ['bacalhau à Brás', 'grilled sardines', 'arroz de marisco', 'pastéis de nata'],
  french: ['steak frites', 'duck confit', 'bouillabaisse', 'tarte tatin'],
  indian: ['butter chicken', 'lamb rogan josh', 'Keralan fish curry', 'tandoori platter'],
  mexican: ['tacos al pastor', 'mole poblano', 'ceviche verde', 'birria tacos'],
  vegetarian: ['celeriac steak', 'seasonal tasting plates', 'beetroot tartare', 'wild mushroom risotto'],
  seafood: ['oysters on ice', 'whole grilled sea bass', 'lobster linguine', 'seafood platter'],
  steakhouse: ['dry-aged rib-eye', 'T-bone for two', 'picanha', 'wagyu burger'],
  thai: ['green curry', 'pad thai', 'som tam', 'massaman beef'],
  spanish: ['jamón ibérico', 'paella valenciana', 'pulpo a la gallega', 'croquetas'],
  nordic: ['smørrebrød', 'cured salmon', 'new Nordic tasting menu', 'fermented rye porridge'],
  european: ['seasonal tasting menu', 'roast lamb rump', 'pork belly with apple', 'beef tartare'],
  korean: ['bibimbap', 'galbi short ribs', 'Korean fried chicken', 'kimchi jjigae'],
  lebanese: ['mixed mezze', 'lamb shawarma', 'fattoush', 'grilled halloumi'],
};

function cuisineWeights(city: City): (readonly [Cuisine, number])[] {
  const local = LOCAL_CUISINE[city.country] ?? 'european';
  return CUISINES.map((c) => [c, c === local ? 6 : c === 'italian' || c === 'japanese' ? 2 : 1] as const);
}

/** Seatings every 30 minutes from `first` to `last`, inclusive. */
export function serviceSlots(s: { first: string; last: string } | null): string[] {
  if (!s) return [];
  const out: string[] = [];
  for (let m = timeToMinutes(s.first); m <= timeToMinutes(s.last); m += 30) out.push(minutesToTime(m));
  return out;
}

function genRestaurant(rng: Rng, city: City, index: number, usedNames: Set<string>, dates: string[]): RestaurantRow {
  const cuisine = rng.weighted(cuisineWeights(city));
  const parts = NAME_PARTS[cuisine];
  // One name word per city at most, so a city never has "Casa Sardinha" next to "O Sardinha".
  const fresh = parts.words.filter((w) => !usedNames.has(w));
  const word = rng.pick(fresh.length ? fresh : parts.words);
  let name = rng.pick(parts.patterns).replace('{w}', word);
  if (usedNames.has(name)) name = `${name} ${city.neighbourhoods[index % city.neighbourhoods.length]}`;
  usedNames.add(word);
  usedNames.add(name);

  const priceLevel = rng.weighted([[1, 2], [2, 4], [3, 3], [4, 1.5]] as const);
  const rating = Math.min(5, Math.max(3, Math.round((3.4 + rng.next() * 1.2 + (priceLevel >= 3 ? 0.25 : 0) + rng.float(-0.2, 0.3, 2)) * 10) / 10));
  const reviewCount = Math.round(20 + Math.exp(rng.float(3, 8.3, 3)) * (rating >= 4.5 ? 1.5 : 1));
  const neighbourhood = rng.pick(city.neighbourhoods);

  const features: Feature[] = [];
  const hasTerrace = rng.chance(0.4);
  if (hasTerrace) features.push('terrace');
  if (cuisine === 'vegetarian' || rng.chance(0.45)) features.push('vegan-options');
  if (priceLevel <= 2 ? rng.chance(0.6) : rng.chance(0.2)) features.push('kid-friendly');
  if (rng.chance(0.55)) features.push('wheelchair-accessible');
  if (rng.chance(0.15)) features.push('live-music');
  if (priceLevel >= 3 ? rng.chance(0.5) : rng.chance(0.12)) features.push('private-dining');

  const seating: SeatingArea[] = ['indoor'];
  if (hasTerrace) seating.push('terrace');
  if (rng.chance(0.4)) seating.push('bar');
  if (rng.chance(cuisine === 'japanese' || cuisine === 'nordic' ? 0.7 : 0.15)) seating.push('counter');

  const spanish = city.country === 'Spain';
  const lunch = rng.chance(0.3)
    ? null
    : spanish
      ? { first: '13:00', last: rng.pick(['15:00', '15:30']) }
      : { first: rng.pick(['12:00', '12:00', '12:30']), last: rng.pick(['14:00', '14:30', '14:30', '15:00']) };
  const dinner = spanish
    ? { first: rng.pick(['19:30', '20:00', '20:30']), last: rng.pick(['22:30', '23:00']) }
    : { first: rng.pick(['18:00', '18:30', '18:30', '19:00']), last: rng.pick(['21:30', '22:00', '22:00', '22:30']) };
  const closedWeekday = rng.chance(0.45) ? rng.pick([0, 1, 1, 2]) : null;

  const maxPartySize = priceLevel === 4 ? rng.pick([6, 8]) : rng.weighted([[6, 2], [8, 3], [10, 2], [12, 2]] as const);
  const depositPolicy =
    priceLevel === 4 ? rng.weighted([['always', 3], ['weekend-dinner', 1], ['none', 1]] as const)
      : priceLevel === 3 ? rng.weighted([['none', 3], ['weekend-dinner', 1]] as const)
        : 'none';
  const depositPerGuest = depositPolicy === 'none' ? 0 : depositPolicy === 'always' ? rng.pick([35, 40, 50, 60, 75]) : rng.pick([15, 20, 25]);
  const refundHours = depositPolicy === 'none' ? 2 : rng.pick([0, 24, 48, 48]);
  const dressCode = priceLevel === 4 ? rng.pick(['smart-casual', 'elegant'] as const) : priceLevel === 3 ? rng.pick(['casual', 'smart-casual'] as const) : 'casual';
  const chef = `${rng.pick(GIVEN_NAMES)} ${rng.pick(SURNAMES)}`;
  const signature = rng.pick(SIGNATURES[cuisine]);

  // Availability: popularity from rating and reviews; Friday/Saturday dinners and 20:00 fill first.
  const popularity = Math.min(0.3, Math.max(0.02, (rating - 3.7) * 0.15 + Math.log10(reviewCount) * 0.02 + rng.float(-0.05, 0.05)));
  const closedDates = rng.chance(0.15) ? [rng.pick(dates)] : [];
  const booked: Record<string, string[]> = {};
  const smallTablesOnly: Record<string, string[]> = {};
  const terraceFull: string[] = [];
  const slots = [...serviceSlots(lunch), ...serviceSlots(dinner)].map((slot) => ({ slot, m: timeToMinutes(slot) }));
  const dinnerFirst = timeToMinutes(dinner.first);
  const dinnerLast = timeToMinutes(dinner.last);
  dates.forEach((date, day) => {
    const wd = weekday(date);
    const weekend = wd === 5 || wd === 6;
    const soon = day < 7 ? 0.12 : day < 14 ? 0.05 : 0;
    const wholeDayGone = weekend ? popularity > 0.12 && rng.chance(0.35) : popularity > 0.18 && rng.chance(0.05);
    const full: string[] = [];
    const small: string[] = [];
    for (const { slot, m } of slots) {
      const isDinner = m >= 17 * 60;
      const peak = spanish ? m >= 21 * 60 && m <= 22 * 60 : m >= 19 * 60 + 30 && m <= 20 * 60 + 30;
      let p = popularity + soon;
      if (weekend && isDinner) p += 0.25;
      if (wd === 0 && !isDinner) p += 0.2;
      if (peak) p += 0.2;
      if (m === dinnerFirst || m === dinnerLast) p -= 0.1;
      p = Math.min(0.95, Math.max(0, p));
      if (wholeDayGone || rng.chance(p)) full.push(slot);
      else if (rng.chance(0.15 + p / 3)) small.push(slot);
    }
    if (full.length) booked[date] = full;
    if (small.length) smallTablesOnly[date] = small;
    if (hasTerrace && rng.chance(weekend ? 0.3 : 0.08)) terraceFull.push(date);
  });

  return {
    id: `rs-${city.id}-${String(index + 1).padStart(2, '0')}`,
    cityId: city.id,
    name,
    cuisine,
    priceLevel,
    rating,
    reviewCount,
    neighbourhood,
    features,
    seating,
    lunch,
    dinner,
    closedWeekday,
    closedDates,
    maxPartySize,
    depositPolicy,
    depositPerGuest,
    refundHours,
    dressCode,
    chef,
    signature,
    booked,
    smallTablesOnly,
    terraceFull,
  };
}

export const restaurantsDomain: DomainModule<RestaurantRow> = {
  key: 'restaurants',
  schema: RestaurantRow,
  generate(rng: Rng): RestaurantRow[] {
    const dates = horizonDates();
    const rows: RestaurantRow[] = [];
    for (const city of CITIES) {
      const cityRng = rng.fork(city.id);
      const count = cityRng.int(9, 12);
      const used = new Set<string>();
      for (let i = 0; i < count; i++) rows.push(genRestaurant(cityRng, city, i, used, dates));
    }
    return rows;
  },
};
