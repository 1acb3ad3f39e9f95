import { z } from 'zod';
import { HORIZON_DAYS, horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, type City } from '../../world/geography.js';

/**
 * Hotels: about ten properties per city, each with 2-4 room types. Prices are stored as a
 * weekday base per room plus a per-hotel demand calendar over the horizon, so a nightly
 * price is a pure function of the row and the date (see src/sites/staywell/stay.ts).
 */

export const AMENITIES = [
  'wifi', 'pool', 'parking', 'breakfast', 'gym', 'spa', 'pets', 'shuttle', 'air-conditioning', 'restaurant',
] as const;
export const Amenity = z.enum(AMENITIES);
export type Amenity = z.infer<typeof Amenity>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const HhMm = z.string().regex(/^\d{2}:\d{2}$/);
const Money = z.number().nonnegative().multipleOf(0.01);

export const HotelRoom = z.strictObject({
  /** URL-safe, unique within the hotel, e.g. "deluxe-king". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  bed: z.string().min(1),
  sizeM2: z.number().int().min(8).max(120),
  maxAdults: z.number().int().min(1).max(6),
  maxChildren: z.number().int().min(0).max(4),
  /** Flexible-rate price per night on a weekday at demand 1.0, in EUR. */
  basePrice: z.number().int().positive(),
  /** How many rooms of this type can be booked at once. */
  inventory: z.number().int().min(1).max(12),
  /** Nights (ISO date of the night's evening) on which this room type is fully booked. */
  soldOutDates: z.array(IsoDate),
});
export type HotelRoom = z.infer<typeof HotelRoom>;

export const Hotel = z.strictObject({
  id: z.string().regex(/^ht-[a-z]+-\d{2}$/),
  cityId: z.string(),
  name: z.string().min(3),
  stars: z.number().int().min(2).max(5),
  rating: z.number().min(6).max(9.8).multipleOf(0.1),
  reviewCount: z.number().int().min(1),
  neighbourhood: z.string(),
  distanceKm: z.number().min(0).max(30).multipleOf(0.1),
  amenities: z.array(Amenity),
  checkInTime: HhMm,
  checkOutTime: HhMm,
  description: z.string().min(1),
  /** Multiplier for Friday and Saturday nights. */
  weekendFactor: z.number().min(0.8).max(1.5),
  /** One multiplier per horizon day (today + i), events and season included. */
  demand: z.array(z.number().min(0.5).max(2)).length(HORIZON_DAYS),
  /** Non-refundable rate = flexible price x this. */
  nonRefundableFactor: z.number().min(0.7).max(1),
  /** Breakfast rate = flexible price x this (absent when breakfast is not served). */
  breakfastFactor: z.number().min(1).max(1.5).nullable(),
  /** Days before arrival until which flexible rates cancel for free; null = no flexible rates. */
  freeCancellationDays: z.number().int().min(1).max(14).nullable(),
  /** Tourist tax per adult per night, in EUR (0 where the city has none). */
  cityTax: Money,
  parkingPerNight: Money.nullable(),
  extraBedPerNight: Money.nullable(),
  lateCheckoutFee: Money,
  airportTransferFee: Money,
  petFee: Money.nullable(),
  rooms: z.array(HotelRoom).min(2).max(4),
});
export type Hotel = z.infer<typeof Hotel>;

// ---------------------------------------------------------------------------------------------
// Naming

type Lang = 'pt' | 'es' | 'fr' | 'en' | 'nl' | 'de' | 'cs' | 'it' | 'da';

const CITY_LANG: Record<string, Lang> = {
  lisbon: 'pt', porto: 'pt', madrid: 'es', barcelona: 'es', paris: 'fr', lyon: 'fr', brussels: 'fr',
  london: 'en', dublin: 'en', amsterdam: 'nl', berlin: 'de', munich: 'de', zurich: 'de', vienna: 'de',
  prague: 'cs', rome: 'it', milan: 'it', copenhagen: 'da',
};

/** {w} = a local word, {n} = the neighbourhood, {c} = the city; min/max = star range. */
type Template = { t: string; min: number; max: number };

const LOCAL: Record<Lang, { words: string[]; templates: Template[] }> = {
  pt: {
    words: ['Rio', 'Tejo', 'Azulejo', 'Fado', 'Alecrim', 'Gaivota', 'Laranjeira', 'Miradouro', 'Castelo', 'Douro', 'Lírio', 'Marés', 'Oliveira', 'Estrela'],
    templates: [
      { t: 'Casa {w} Boutique Hotel', min: 3, max: 4 }, { t: 'Hotel {w}', min: 2, max: 4 }, { t: 'Pensão {w}', min: 2, max: 2 },
      { t: 'Solar {w}', min: 3, max: 4 }, { t: 'Palácio {w}', min: 5, max: 5 }, { t: '{n} {w} Guesthouse', min: 2, max: 3 },
    ],
  },
  es: {
    words: ['Sol', 'Alameda', 'Azahar', 'Olivo', 'Mirador', 'Candela', 'Brisa', 'Luna', 'Granada', 'Cibeles', 'Mar', 'Jardín', 'Aurora', 'Roble'],
    templates: [
      { t: 'Hotel {w}', min: 2, max: 4 }, { t: 'Hostal {w}', min: 2, max: 2 }, { t: 'Casa {w} Boutique', min: 3, max: 4 },
      { t: 'Gran Hotel {w}', min: 4, max: 5 }, { t: 'Palacio {w}', min: 5, max: 5 }, { t: '{w} Suites {n}', min: 3, max: 4 },
    ],
  },
  fr: {
    words: ['Lumière', 'Belle Époque', 'Jardin', 'Rivoli', 'Tilleul', 'Cerisier', 'Lys', 'Mistral', 'Verlaine', 'Colombe', 'Opale', 'Soleil', 'Bellevue', 'Renard'],
    templates: [
      { t: 'Hôtel {w}', min: 2, max: 4 }, { t: 'Hôtel {w} {n}', min: 2, max: 3 }, { t: 'Maison {w}', min: 3, max: 4 },
      { t: 'Le Grand {w}', min: 5, max: 5 }, { t: 'Les Suites {w}', min: 4, max: 5 }, { t: 'Hôtel Particulier {w}', min: 4, max: 5 },
    ],
  },
  en: {
    words: ['Kingsley', 'Ashworth', 'Fairmount', 'Harrowgate', 'Lindley', 'Whitcombe', 'Rowan', 'Bellamy', 'Carrick', 'Thornbury', 'Aldwych', 'Mercer', 'Halcyon', 'Wexley'],
    templates: [
      { t: 'The {w}', min: 3, max: 5 }, { t: 'The {w} Hotel', min: 3, max: 4 }, { t: '{w} House', min: 3, max: 4 },
      { t: '{w} Rooms', min: 2, max: 2 }, { t: 'The {w} {n}', min: 4, max: 5 }, { t: '{n} Lodge', min: 2, max: 3 },
    ],
  },
  nl: {
    words: ['Grachtenhuis', 'Tulp', 'Molen', 'Amstel', 'Linde', 'Zeilschip', 'Kade', 'Pakhuis', 'Brug', 'Vondel', 'Ooievaar', 'Haring', 'Zonnehof', 'Lantaarn'],
    templates: [
      { t: 'Hotel De {w}', min: 2, max: 4 }, { t: "'t {w} Hotel", min: 2, max: 3 }, { t: 'Het {w}', min: 3, max: 4 },
      { t: 'Grand Hotel {w}', min: 5, max: 5 }, { t: '{w} Canal House', min: 3, max: 4 }, { t: '{n} Suites', min: 4, max: 5 },
    ],
  },
  de: {
    words: ['Linde', 'Adler', 'Lindenhof', 'Sonne', 'Hirsch', 'Kastanie', 'Tannenhof', 'Falke', 'Schwan', 'Edelweiss', 'Rosengarten', 'Brunnen', 'Eiche', 'Morgenstern'],
    templates: [
      { t: 'Hotel {w}', min: 2, max: 4 }, { t: 'Gasthof {w}', min: 2, max: 3 }, { t: 'Pension {w}', min: 2, max: 2 },
      { t: 'Grandhotel {w}', min: 5, max: 5 }, { t: '{w} Palais', min: 5, max: 5 }, { t: 'Hotel {w} {n}', min: 3, max: 4 },
      { t: 'Stadthotel {w}', min: 3, max: 4 }, { t: 'Boutiquehotel {w}', min: 4, max: 4 },
    ],
  },
  cs: {
    words: ['U Zlatého Lva', 'U Tří Růží', 'Vltava', 'Lípa', 'Karlův Most', 'Kampa', 'Orloj', 'Zlatá Hvězda', 'Modrá Růže', 'Petřín', 'Bílý Koníček', 'Stříbrný Měsíc'],
    templates: [
      { t: 'Hotel {w}', min: 2, max: 4 }, { t: 'Pension {w}', min: 2, max: 2 }, { t: 'Residence {w}', min: 3, max: 4 },
      { t: 'Grand Hotel {w}', min: 5, max: 5 }, { t: 'Boutique Hotel {w}', min: 4, max: 5 }, { t: 'Design Hotel {w}', min: 4, max: 4 },
    ],
  },
  it: {
    words: ['Fontana', 'Aurelia', 'Giglio', 'Cipresso', 'Colonna', 'Navona', 'Ulivo', 'Stella', 'Vittoria', 'Girasole', 'Portico', 'Corte', 'Duomo', 'Limone'],
    templates: [
      { t: 'Albergo {w}', min: 2, max: 3 }, { t: 'Hotel {w}', min: 2, max: 4 }, { t: 'Palazzo {w}', min: 4, max: 5 },
      { t: 'Residenza {w}', min: 3, max: 4 }, { t: 'Locanda {w}', min: 2, max: 3 }, { t: 'Grand Hotel {w}', min: 5, max: 5 },
    ],
  },
  da: {
    words: ['Nyhavn', 'Fyrtårn', 'Havfrue', 'Lindegården', 'Ankeret', 'Mågen', 'Kastanjen', 'Bølgen', 'Svanen', 'Rosenhave', 'Løvtag', 'Kronen'],
    templates: [
      { t: 'Hotel {w}', min: 2, max: 4 }, { t: '{w} Hotel & Bar', min: 3, max: 4 }, { t: 'Kro {w}', min: 2, max: 3 },
      { t: 'Grand Hotel {w}', min: 5, max: 5 }, { t: '{w} Suites {n}', min: 4, max: 5 }, { t: 'Hotel {w} {n}', min: 3, max: 4 },
    ],
  },
};

/** Fictional chains that appear in every city. */
const CHAINS: Template[] = [
  { t: 'Cobalt Inn {c} {n}', min: 2, max: 3 },
  { t: 'Citybed {c} Central', min: 2, max: 2 },
  { t: 'Urbano Stay {n}', min: 3, max: 3 },
  { t: 'Meridia {c}', min: 4, max: 4 },
  { t: 'Nordlys Hotel {c}', min: 3, max: 4 },
  { t: 'Harbourlight Suites {c}', min: 4, max: 5 },
  { t: 'Kestrel Hotel {c} Centre', min: 3, max: 4 },
  { t: 'Ivory & Oak {c}', min: 5, max: 5 },
  { t: 'Mosaic Rooms {n}', min: 2, max: 2 },
];

// ---------------------------------------------------------------------------------------------
// Rooms

type RoomType = { id: string; name: string; bed: string; size: [number, number]; maxAdults: number; maxChildren: number; mult: number };

const ROOM_TYPES: Record<string, RoomType> = {
  single: { id: 'single', name: 'Single Room', bed: '1 single bed', size: [10, 14], maxAdults: 1, maxChildren: 0, mult: 0.72 },
  'standard-double': { id: 'standard-double', name: 'Standard Double', bed: '1 double bed', size: [15, 20], maxAdults: 2, maxChildren: 1, mult: 1 },
  twin: { id: 'twin', name: 'Twin Room', bed: '2 single beds', size: [16, 21], maxAdults: 2, maxChildren: 0, mult: 1.02 },
  triple: { id: 'triple', name: 'Triple Room', bed: '1 double bed and 1 single bed', size: [20, 26], maxAdults: 3, maxChildren: 1, mult: 1.35 },
  'superior-double': { id: 'superior-double', name: 'Superior Double', bed: '1 queen bed', size: [20, 26], maxAdults: 2, maxChildren: 1, mult: 1.2 },
  'superior-twin': { id: 'superior-twin', name: 'Superior Twin', bed: '2 single beds', size: [21, 27], maxAdults: 2, maxChildren: 1, mult: 1.22 },
  'family-room': { id: 'family-room', name: 'Family Room', bed: '1 double bed and 2 single beds', size: [28, 36], maxAdults: 3, maxChildren: 2, mult: 1.6 },
  'deluxe-king': { id: 'deluxe-king', name: 'Deluxe King', bed: '1 king bed', size: [26, 34], maxAdults: 2, maxChildren: 1, mult: 1.45 },
  'junior-suite': { id: 'junior-suite', name: 'Junior Suite', bed: '1 king bed and 1 sofa bed', size: [34, 44], maxAdults: 2, maxChildren: 2, mult: 1.85 },
  'family-suite': { id: 'family-suite', name: 'Family Suite', bed: '1 king bed and 2 single beds', size: [40, 55], maxAdults: 4, maxChildren: 3, mult: 2.2 },
  'executive-suite': { id: 'executive-suite', name: 'Executive Suite', bed: '1 king bed', size: [45, 65], maxAdults: 2, maxChildren: 2, mult: 2.7 },
  studio: { id: 'studio', name: 'Studio with Kitchenette', bed: '1 double bed and 1 sofa bed', size: [24, 32], maxAdults: 3, maxChildren: 1, mult: 1.3 },
};

/** Per star level: the room every hotel has, then the others it may have. */
const ROOM_POOLS: Record<number, { core: string[]; more: string[] }> = {
  2: { core: ['standard-double'], more: ['single', 'twin', 'triple', 'family-room'] },
  3: { core: ['standard-double'], more: ['twin', 'superior-double', 'triple', 'family-room', 'studio'] },
  4: { core: ['superior-double'], more: ['twin', 'deluxe-king', 'superior-twin', 'junior-suite', 'family-suite', 'family-room'] },
  5: { core: ['deluxe-king'], more: ['superior-twin', 'junior-suite', 'family-suite', 'executive-suite'] },
};

const STAR_BASE: Record<number, number> = { 2: 62, 3: 92, 4: 142, 5: 255 };

/** Price level of each city relative to an average European city. */
const CITY_LEVEL: Record<string, number> = {
  lisbon: 0.92, porto: 0.82, madrid: 0.95, barcelona: 1.05, paris: 1.35, lyon: 0.88, london: 1.45, amsterdam: 1.3,
  brussels: 0.95, berlin: 0.95, munich: 1.1, zurich: 1.5, vienna: 1.0, prague: 0.72, rome: 1.15, milan: 1.15,
  copenhagen: 1.3, dublin: 1.25,
};

/** Tourist tax per adult per night for a 3-star hotel, in EUR; scaled by stars. */
const CITY_TAX: Record<string, number> = {
  lisbon: 4, porto: 3, madrid: 0, barcelona: 3.5, paris: 2.6, lyon: 1.65, london: 0, amsterdam: 7.5,
  brussels: 4.24, berlin: 4.5, munich: 3.5, zurich: 2.5, vienna: 3.2, prague: 2, rome: 6, milan: 5,
  copenhagen: 0, dublin: 0,
};

/** Cities warm enough that pools and air conditioning are common. */
const WARM = new Set(['lisbon', 'porto', 'madrid', 'barcelona', 'rome', 'milan', 'lyon']);

const HOTELS_PER_CITY: [number, number] = [9, 12];

const round2 = (n: number) => Math.round(n * 100) / 100;
const round1 = (n: number) => Math.round(n * 10) / 10;

function fill(t: string, w: string, n: string, c: string): string {
  return t.replace('{w}', w).replace('{n}', n).replace('{c}', c);
}

function pickStars(rng: Rng): number {
  return rng.weighted([[2, 0.16], [3, 0.36], [4, 0.34], [5, 0.14]] as const);
}

function makeName(rng: Rng, city: City, stars: number, neighbourhood: string, used: Set<string>): string {
  const local = LOCAL[CITY_LANG[city.id] ?? 'en'];
  const fits = (t: Template) => stars >= t.min && stars <= t.max;
  for (let attempt = 0; attempt < 12; attempt++) {
    const useChain = rng.chance(0.3);
    const pool = (useChain ? CHAINS : local.templates).filter(fits);
    if (pool.length === 0) continue;
    const name = fill(rng.pick(pool).t, rng.pick(local.words), neighbourhood, city.name);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  // Every retry collided: number it, as chains do with their second property.
  let i = 2;
  const base = fill(rng.pick(local.templates.filter(fits).length ? local.templates.filter(fits) : local.templates).t, rng.pick(local.words), neighbourhood, city.name);
  while (used.has(`${base} ${i}`)) i++;
  used.add(`${base} ${i}`);
  return `${base} ${i}`;
}

function makeAmenities(rng: Rng, city: City, stars: number, distanceKm: number): Amenity[] {
  const warm = WARM.has(city.id);
  const p: Record<Amenity, number> = {
    wifi: 0.96,
    pool: (warm ? 0.12 : 0.04) * (stars - 1) + (stars === 5 ? 0.15 : 0),
    parking: 0.25 + Math.min(0.5, distanceKm / 8),
    breakfast: stars === 2 ? 0.55 : 0.9,
    gym: [0, 0, 0.08, 0.35, 0.75, 0.95][stars]!,
    spa: [0, 0, 0, 0.06, 0.3, 0.75][stars]!,
    pets: 0.28,
    shuttle: distanceKm > 3 ? 0.4 : 0.1,
    'air-conditioning': (warm ? 0.55 : 0.25) + stars * 0.1,
    restaurant: [0, 0, 0.1, 0.4, 0.75, 0.97][stars]!,
  };
  return AMENITIES.filter((a) => rng.chance(p[a]));
}

function makeDescription(rng: Rng, city: City, name: string, stars: number, neighbourhood: string, amenities: Amenity[]): string {
  const vibe = rng.pick([
    `${name} sits on a quiet street in ${neighbourhood}, a short walk from cafés, shops and public transport.`,
    `Set in a restored 19th-century building in ${neighbourhood}, ${name} mixes original details with bright, modern rooms.`,
    `${name} is a friendly base in ${neighbourhood} for exploring ${city.name} on foot.`,
    `In the heart of ${neighbourhood}, ${name} offers calm, well-kept rooms after a day in ${city.name}.`,
    `${name} welcomes guests to ${neighbourhood} with attentive service and a relaxed atmosphere.`,
  ]);
  const extra = amenities.includes('spa')
    ? 'Unwind in the spa, with sauna and treatment rooms.'
    : amenities.includes('pool')
      ? 'The outdoor pool and sun terrace are open from May to September.'
      : amenities.includes('restaurant')
        ? 'The on-site restaurant serves local dishes and a seasonal menu.'
        : stars <= 2
          ? 'Rooms are simple and compact, with everything you need for a short stay.'
          : 'The 24-hour front desk can help with tickets, tours and taxis.';
  return `${vibe} ${extra}`;
}

/** 1-2 events per city (fairs, concerts, holidays): higher prices, fuller hotels. */
function cityEvents(rng: Rng): number[] {
  const days = new Set<number>();
  const n = rng.int(1, 2);
  for (let e = 0; e < n; e++) {
    const start = rng.int(3, HORIZON_DAYS - 6);
    const len = rng.int(2, 4);
    for (let d = 0; d < len; d++) days.add(start + d);
  }
  return [...days].sort((a, b) => a - b);
}

function makeRooms(rng: Rng, city: City, stars: number, quality: number, dates: string[], eventDays: number[], eventSoldOut: boolean): HotelRoom[] {
  const pool = ROOM_POOLS[stars]!;
  const count = rng.int(2, 4);
  const ids = [...pool.core, ...rng.sample(pool.more, count - pool.core.length)];
  const types = ids.map((id) => ROOM_TYPES[id]!).sort((a, b) => a.mult - b.mult);
  const level = CITY_LEVEL[city.id] ?? 1;
  return types.map((rt) => {
    const soldOut = new Set<number>();
    // A few scattered nights, sometimes a booked-out stretch (a group, a conference).
    for (let k = rng.int(0, 6); k > 0; k--) soldOut.add(rng.int(0, HORIZON_DAYS - 1));
    if (rng.chance(0.3)) {
      const start = rng.int(0, HORIZON_DAYS - 4);
      for (let d = rng.int(2, 5); d > 0; d--) soldOut.add(Math.min(HORIZON_DAYS - 1, start + d));
    }
    if (eventSoldOut || rng.chance(0.35)) for (const d of eventDays) soldOut.add(d);
    return {
      id: rt.id,
      name: rt.name,
      bed: rt.bed,
      sizeM2: rng.int(rt.size[0], rt.size[1]),
      maxAdults: rt.maxAdults,
      maxChildren: rt.maxChildren,
      basePrice: Math.round(STAR_BASE[stars]! * level * rt.mult * quality * rng.float(0.95, 1.05)),
      inventory: rng.weighted([[1, 0.12], [2, 0.18], [3, 0.2], [4, 0.15], [6, 0.15], [8, 0.12], [12, 0.08]] as const),
      soldOutDates: [...soldOut].sort((a, b) => a - b).map((i) => dates[i]!),
    };
  });
}

function generateCity(rng: Rng, city: City, dates: string[]): Hotel[] {
  const events = cityEvents(rng);
  const eventSet = new Set(events);
  const count = rng.int(HOTELS_PER_CITY[0], HOTELS_PER_CITY[1]);
  const used = new Set<string>();
  const hotels: Hotel[] = [];
  for (let i = 1; i <= count; i++) {
    const stars = pickStars(rng);
    const nIndex = rng.int(0, city.neighbourhoods.length - 1);
    const neighbourhood = city.neighbourhoods[nIndex]!;
    // The first neighbourhood of each city is its centre.
    const distanceKm = round1(nIndex === 0 ? rng.float(0.1, 1.2) : rng.float(0.8, 3.8) + (rng.chance(0.1) ? rng.float(1.5, 4) : 0));
    const name = makeName(rng, city, stars, neighbourhood, used);
    const amenities = makeAmenities(rng, city, stars, distanceKm);
    const quality = rng.float(0.9, 1.15);
    const rating = Math.min(9.8, Math.max(6, round1(5.6 + stars * 0.55 + (quality - 1) * 4 + rng.float(-0.8, 1.2))));
    const reviewCount = Math.round(10 ** rng.float(1.5, 3.6));
    const weekendFactor = rng.chance(0.2) ? rng.float(0.88, 0.97) : rng.float(1.05, 1.3);
    const eventBoost = rng.float(1.2, 1.45);
    const demand = dates.map((_, i) => {
      const season = 1 + 0.12 * (i / (HORIZON_DAYS - 1));
      return round2(season * (eventSet.has(i) ? eventBoost : 1) * rng.float(0.94, 1.06));
    });
    const serveBreakfast = amenities.includes('breakfast');
    const hasFlex = !(stars === 2 ? rng.chance(0.45) : rng.chance(0.1));
    const taxBase = CITY_TAX[city.id] ?? 0;
    hotels.push({
      id: `ht-${city.id}-${String(i).padStart(2, '0')}`,
      cityId: city.id,
      name,
      stars,
      rating,
      reviewCount,
      neighbourhood,
      distanceKm,
      amenities,
      checkInTime: rng.pick(['14:00', '15:00', '15:00', '16:00']),
      checkOutTime: rng.pick(['10:00', '11:00', '11:00', '12:00']),
      description: makeDescription(rng, city, name, stars, neighbourhood, amenities),
      weekendFactor,
      demand,
      nonRefundableFactor: rng.float(0.82, 0.92),
      breakfastFactor: serveBreakfast ? rng.float(1.1, 1.22) : null,
      freeCancellationDays: hasFlex ? rng.pick([1, 1, 2, 2, 3, 7]) : null,
      cityTax: round2(taxBase * (0.6 + 0.15 * stars)),
      parkingPerNight: amenities.includes('parking') ? rng.int(8, 38) : null,
      extraBedPerNight: stars >= 3 && rng.chance(0.7) ? rng.int(18, 45) : null,
      lateCheckoutFee: rng.pick([15, 20, 25, 30, 40, 50]),
      airportTransferFee: rng.int(28, 85),
      petFee: amenities.includes('pets') ? rng.pick([10, 15, 20, 25, 30]) : null,
      rooms: makeRooms(rng, city, stars, quality, dates, events, rng.chance(0.3)),
    });
  }
  return hotels;
}

export const hotelsDomain: DomainModule<Hotel> = {
  key: 'hotels',
  schema: Hotel,
  generate(rng: Rng): Hotel[] {
    const dates = horizonDates();
    return CITIES.flatMap((city) => generateCity(rng.fork(city.id), city, dates));
  },
};
