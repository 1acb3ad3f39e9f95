import { z } from 'zod';
import { addDays, HORIZON_DAYS, weekday, WORLD_TODAY } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, type City } from '../../world/geography.js';

/**
 * Live events (concerts, theatre, comedy, sports, opera, festivals) in every city: one row per
 * performance, each with its venue and the seat sections still on sale. Prices are in EUR.
 */

export const EVENT_CATEGORIES = ['concert', 'theatre', 'comedy', 'sports', 'opera', 'festival'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const VENUE_KINDS = ['hall', 'arena', 'club', 'stadium', 'grounds'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

export const AGE_RESTRICTIONS = ['none', '16+', '18+'] as const;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const Money = z.number().positive().refine((n) => Math.round(n * 100) === n * 100, 'at most 2 decimals');

export const EventSectionSchema = z.strictObject({
  /** Unique within the event, URL-safe ("stalls", "lower-tier"). */
  id: Slug,
  name: z.string().min(1),
  seated: z.boolean(),
  /** Face value of one ticket, EUR. */
  price: Money,
  /** Tickets still on sale in this section (0 = sold out). */
  seatsLeft: z.number().int().min(0),
});
export type EventSection = z.infer<typeof EventSectionSchema>;

export const EventRowSchema = z.strictObject({
  id: Slug,
  city: Slug,
  title: z.string().min(1),
  category: z.enum(EVENT_CATEGORIES),
  /** Finer kind: "jazz", "musical", "basketball", "ballet" ... */
  genre: z.string().min(1),
  performer: z.string().min(1),
  venueId: Slug,
  venue: z.string().min(1),
  venueKind: z.enum(VENUE_KINDS),
  venueCapacity: z.number().int().positive(),
  neighbourhood: z.string().min(1),
  date: IsoDate,
  time: HhMm,
  /** Minutes before the start the doors open. */
  doorsBeforeMin: z.number().int().min(0),
  durationMin: z.number().int().positive(),
  ageRestriction: z.enum(AGE_RESTRICTIONS),
  /** 1..100, drives demand: prices, sell-outs, "most popular" sort. */
  popularity: z.number().int().min(1).max(100),
  /** Price of a parking pass, or null when the venue has no parking. */
  parkingPrice: Money.nullable(),
  programmePrice: Money,
  blurb: z.string().min(1),
  sections: z.array(EventSectionSchema).min(3).max(5),
});
export type EventRow = z.infer<typeof EventRowSchema>;

// ---------------------------------------------------------------------------------------------
// Name pools (fictional performers, venues and brands; real cities; public-domain operas).

const CONCERT_ACTS: readonly (readonly [string, string])[] = [
  ['Midnight Orchard', 'indie'], ['The Paper Lanterns', 'indie'], ['Velvet Harbour', 'pop'],
  ['Lena Marlowe', 'pop'], ['Kasimir & the Tides', 'rock'], ['Golden Static', 'rock'],
  ['Neon Fjord', 'electronic'], ['Ruby Atlas', 'pop'], ['The Quiet Comets', 'indie'],
  ['Solenne', 'pop'], ['Marco Vela Quartet', 'jazz'], ['Bright Young Ghosts', 'rock'],
  ['Iris Calloway', 'soul'], ['DJ Koro', 'electronic'], ['The Salt Roads', 'folk'],
  ['Aurelia Strings', 'classical'], ['Cosmo Delgado', 'latin'], ['Wild Honey Brass Band', 'jazz'],
  ['Lumen Collective', 'electronic'], ['Echo Valley', 'rock'], ['Tarek Amari', 'soul'],
  ['Saffron Skies', 'folk'], ['Northbound Choir', 'classical'], ['Hanna Lindqvist Trio', 'jazz'],
];
const TOURS = [
  'Glass Houses Tour', 'Live in Concert', 'Summer Nights Tour', 'Greatest Hits Live', 'Afterglow World Tour',
  'Unplugged', 'Homecoming Tour', 'New Album Live', 'Electric Dreams Tour', '20th Anniversary Tour',
] as const;
const CLASSICAL_PROGRAMMES = ['Vivaldi by Candlelight', 'Film Scores in Concert', 'Beethoven Seven', 'A Night of Film Classics'] as const;

const THEATRE_SHOWS: readonly (readonly [string, string])[] = [
  ['The Lighthouse Keeper', 'drama'], ['Paper Crowns: The Musical', 'musical'], ['A Winter in Verona', 'drama'],
  ["The Clockmaker's Daughter", 'drama'], ['Salt & Silver', 'musical'], ['The Last Tram Home', 'comedy play'],
  ['Kingdom of Glass', 'musical'], ['Dear Mr. Pemberton', 'comedy play'], ['Starlight Avenue: The Musical', 'musical'],
  ['Hamlet', 'classic'], ["A Midsummer Night's Dream", 'classic'], ['The Importance of Being Earnest', 'classic'],
  ['Cabaret Noir', 'musical'], ['The Velveteen Heist', 'comedy play'], ['Letters from the Harbour', 'drama'],
];
const THEATRE_COMPANIES = [
  'Northlight Theatre Company', 'The Lantern Players', 'Meridian Stage', 'Oldgate Repertory',
  'Blue Door Productions', 'Crescent Theatre Co.',
] as const;

const COMEDIANS = [
  'Nadia Fenwick', 'Tom Ashgrove', 'Priya Banerjee-Holt', 'Mateo Quiroga', "Grace O'Dwyer", 'Felix Brandt',
  'Jules Okafor', 'Sanne de Wit', 'Ollie Hargreaves', 'Marisol Peña', 'Anton Weiss', 'Chloé Marchetti',
] as const;
const COMEDY_SHOWS = [
  'Overthinking It', 'No Notes', 'Work in Progress', 'Mostly Harmless', 'Bad Influence', 'Late Bloomer',
  'The Honest Hour', 'Small Talk', 'Plan B', 'Mild Panic',
] as const;

const OPERAS: readonly (readonly [string, string])[] = [
  ['La Traviata', 'opera'], ['Carmen', 'opera'], ['The Magic Flute', 'opera'], ['Tosca', 'opera'],
  ['La Bohème', 'opera'], ['Don Giovanni', 'opera'], ['Madama Butterfly', 'opera'], ['The Barber of Seville', 'opera'],
  ['Rigoletto', 'opera'], ['Swan Lake', 'ballet'], ['The Nutcracker', 'ballet'], ['Giselle', 'ballet'],
];
const OPERA_COMPANIES = ['Aurora Opera Company', 'Teatro Nuovo Ensemble', 'Crescent Ballet', 'Vox Lyrica Opera', 'Northern Lights Ballet'] as const;

const FESTIVALS: readonly (readonly [string, string])[] = [
  ['Sunwave Festival', 'pop'], ['Harbour Lights Jazz Festival', 'jazz'], ['Neon Nights Weekender', 'electronic'],
  ['Folk on the Green', 'folk'], ['Street Food & Soul Fest', 'soul'], ['Open Skies Festival', 'indie'],
  ['Riverbeat', 'electronic'], ['Lanterns Indie Day', 'indie'],
];

const MASCOTS = ['Mariners', 'Harriers', 'Falcons', 'Lions', 'Wolves', 'Comets', 'Rovers', 'Titans', 'Ravens', 'Stags', 'Dragons', 'Hornets', 'Pilots'] as const;
const ARENA_SPORTS = ['basketball', 'handball', 'ice hockey', 'volleyball'] as const;
const STADIUM_SPORTS = ['football', 'rugby'] as const;
const ALL_SPORTS = [...STADIUM_SPORTS, ...ARENA_SPORTS] as const;

const VENUE_NAMES: Record<VenueKind, readonly string[]> = {
  hall: ['Teatro Meridiana', 'The Lyric Rose Theatre', 'Grand Orpheum', 'Royal Lantern Playhouse', 'Palais Aurore', 'The Old Exchange Theatre', 'Civic Opera House', 'Sala Harmonia', 'Kingsgate Concert Hall'],
  arena: ['Voltra Arena', 'NovaDome', 'Skyline Arena', 'Pulse Arena', 'Helix Arena', 'Meridian Dome'],
  club: ['The Velvet Room', 'Basement 27', 'Neon Cellar', 'The Blue Lantern', 'Club Halcyon', 'The Copper Fox'],
  stadium: ['Parkside Stadium', 'Riverside Stadium', 'Crown Park Stadium', 'Northfield Stadium'],
  grounds: ['Riverside Fields', 'Harbour Green', 'Old Docks Open-Air', 'Lakeside Meadow'],
};
const CAPACITY: Record<VenueKind, readonly [number, number]> = {
  hall: [900, 2400], arena: [8000, 18000], club: [250, 800], stadium: [25000, 60000], grounds: [10000, 40000],
};
const DOORS_BEFORE: Record<VenueKind, number> = { hall: 30, arena: 60, club: 30, stadium: 90, grounds: 60 };
const HOSTS: Record<VenueKind, readonly EventCategory[]> = {
  hall: ['theatre', 'opera', 'comedy', 'concert'],
  arena: ['concert', 'sports', 'comedy', 'festival'],
  club: ['concert', 'comedy'],
  stadium: ['sports', 'concert', 'festival'],
  grounds: ['festival', 'concert'],
};

/** Seat maps: [name, seated, price multiplier]; the first section is always on sale. */
type SectionTemplate = readonly (readonly [string, boolean, number])[];
const HALL_SECTIONS: SectionTemplate = [
  ['Stalls', true, 1], ['Dress Circle', true, 0.85], ['Upper Circle', true, 0.6], ['Balcony', true, 0.45], ['Private box', true, 1.9],
];
const ARENA_SHOW_SECTIONS: SectionTemplate = [
  ['Floor standing', false, 1], ['Golden circle', false, 1.5], ['Lower tier', true, 1.15], ['Upper tier', true, 0.7], ['VIP box', true, 2.6],
];
const ARENA_SPORT_SECTIONS: SectionTemplate = [
  ['Lower tier', true, 1], ['Courtside', true, 2.8], ['Upper tier', true, 0.6], ['Family zone', true, 0.75], ['Hospitality suite', true, 3.4],
];
const CLUB_SECTIONS: SectionTemplate = [
  ['General admission', false, 1], ['Mezzanine', true, 1.3], ['Cabaret table', true, 1.6], ['VIP booth', true, 2.4],
];
const STADIUM_SPORT_SECTIONS: SectionTemplate = [
  ['Main stand', true, 1.3], ['Lower tier', true, 1], ['Upper tier', true, 0.7], ['Behind the goal', false, 0.55], ['Hospitality box', true, 3.2],
];
const STADIUM_SHOW_SECTIONS: SectionTemplate = [
  ['Pitch standing', false, 1], ['Front of stage', false, 1.6], ['Lower tier', true, 1.1], ['Upper tier', true, 0.75], ['Hospitality box', true, 2.8],
];
const GROUNDS_SECTIONS: SectionTemplate = [
  ['General admission', false, 1], ['Early entry', false, 1.25], ['Grandstand', true, 1.4], ['VIP area', false, 2.2],
];

function sectionTemplate(kind: VenueKind, category: EventCategory): SectionTemplate {
  switch (kind) {
    case 'hall': return HALL_SECTIONS;
    case 'arena': return category === 'sports' ? ARENA_SPORT_SECTIONS : ARENA_SHOW_SECTIONS;
    case 'club': return CLUB_SECTIONS;
    case 'stadium': return category === 'sports' ? STADIUM_SPORT_SECTIONS : STADIUM_SHOW_SECTIONS;
    case 'grounds': return GROUNDS_SECTIONS;
  }
}

/** Base face value range of the main section, EUR, before city and demand. */
const BASE_PRICE: Record<EventCategory, readonly [number, number]> = {
  concert: [32, 85], theatre: [28, 70], comedy: [16, 38], sports: [22, 60], opera: [45, 110], festival: [55, 105],
};
const CITY_PRICE: Record<string, number> = {
  lisbon: 0.85, porto: 0.8, madrid: 0.95, barcelona: 1, paris: 1.15, lyon: 0.95, london: 1.25, amsterdam: 1.1,
  brussels: 1, berlin: 0.95, munich: 1.05, zurich: 1.35, vienna: 1, prague: 0.7, rome: 0.95, milan: 1.05,
  copenhagen: 1.2, dublin: 1.1,
};
const CATEGORY_WEIGHTS: readonly (readonly [EventCategory, number])[] = [
  ['concert', 30], ['theatre', 22], ['comedy', 14], ['sports', 14], ['opera', 10], ['festival', 10],
];

// ---------------------------------------------------------------------------------------------

type Venue = { id: string; name: string; kind: VenueKind; capacity: number; neighbourhood: string; parkingPrice: number | null };

const roundHalf = (n: number): number => Math.round(n * 2) / 2;

function slugify(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function makeVenues(rng: Rng, city: City): Venue[] {
  const kinds: VenueKind[] = ['hall', 'arena'];
  for (const [kind, p] of rng.shuffle([['club', 0.6], ['stadium', 0.5], ['grounds', 0.4]] as const)) {
    if (kinds.length < 4 && rng.chance(p)) kinds.push(kind);
  }
  const hoods = rng.shuffle(city.neighbourhoods);
  return kinds.map((kind, i) => {
    const base = rng.pick(VENUE_NAMES[kind]);
    const name = kind === 'arena' || kind === 'stadium' ? `${base} ${city.name}` : base;
    const [lo, hi] = CAPACITY[kind];
    const capacity = Math.round(rng.int(lo, hi) / 50) * 50;
    const hasParking = kind === 'arena' || kind === 'stadium' || kind === 'grounds' || rng.chance(0.4);
    const parkingPrice = hasParking ? roundHalf(rng.float(8, 22) * (CITY_PRICE[city.id] ?? 1)) : null;
    return { id: `vn-${city.id}-${i + 1}`, name, kind, capacity, neighbourhood: hoods[i % hoods.length]!, parkingPrice };
  });
}

/** A team name that is the same whenever a city fields a team in a sport. */
function teamName(cityIndex: number, sport: string): string {
  const sportIndex = ALL_SPORTS.indexOf(sport as (typeof ALL_SPORTS)[number]);
  return `${CITIES[cityIndex]!.name} ${MASCOTS[(cityIndex * 5 + sportIndex * 3) % MASCOTS.length]}`;
}

type Act = { title: string; performer: string; genre: string; blurb: string; ageRestriction: EventRow['ageRestriction'] };

function makeAct(rng: Rng, category: EventCategory, venue: Venue, cityIndex: number, sport: string | undefined): Act {
  const city = CITIES[cityIndex]!;
  switch (category) {
    case 'concert': {
      const [performer, genre] = rng.pick(CONCERT_ACTS);
      const show = genre === 'classical' ? rng.pick(CLASSICAL_PROGRAMMES) : rng.pick(TOURS);
      const age = venue.kind === 'club' && rng.chance(0.5) ? '18+' : rng.chance(0.08) ? '16+' : 'none';
      return { title: `${performer}: ${show}`, performer, genre, ageRestriction: age,
        blurb: `One night only: catch ${performer} live at ${venue.name}${show === 'Live in Concert' ? '' : ` on the ${show}`}.` };
    }
    case 'theatre': {
      const [title, genre] = rng.pick(THEATRE_SHOWS);
      const performer = rng.pick(THEATRE_COMPANIES);
      return { title, performer, genre, ageRestriction: rng.chance(0.1) ? '16+' : 'none',
        blurb: `${title}, staged by ${performer}: the ${genre} critics are calling the season's must-see.` };
    }
    case 'comedy': {
      const performer = rng.pick(COMEDIANS);
      const show = rng.pick(COMEDY_SHOWS);
      const age = rng.weighted([['none', 2], ['16+', 3], ['18+', 3]] as const);
      return { title: `${performer}: ${show}`, performer, genre: 'stand-up', ageRestriction: age,
        blurb: `Stand-up comedian ${performer} is on tour with the brand-new hour "${show}".${age === 'none' ? ' Suitable for all ages.' : ' Contains strong language.'}` };
    }
    case 'sports': {
      const s = sport ?? 'basketball';
      let away = rng.int(0, CITIES.length - 2);
      if (away >= cityIndex) away += 1;
      const home = teamName(cityIndex, s);
      const title = `${home} vs ${teamName(away, s)}`;
      return { title, performer: home, genre: s, ageRestriction: 'none',
        blurb: `League ${s} in ${city.name}: ${title}. Home fans get behind the ${home.split(' ').pop()} at ${venue.name}.` };
    }
    case 'opera': {
      const [title, genre] = rng.pick(OPERAS);
      const performer = rng.pick(OPERA_COMPANIES);
      return { title, performer, genre, ageRestriction: 'none',
        blurb: genre === 'ballet'
          ? `${performer} dance ${title} with full orchestra, a new staging in its ${city.name} premiere season.`
          : `${performer} perform ${title}, sung in the original language with English surtitles.` };
    }
    case 'festival': {
      const [title, genre] = rng.pick(FESTIVALS);
      const [headliner] = rng.pick(CONCERT_ACTS);
      return { title: `${title} ${city.name}`, performer: headliner, genre, ageRestriction: rng.chance(0.35) ? '16+' : 'none',
        blurb: `A full day of live music on several stages, headlined by ${headliner}. Food stalls and bars on site; re-entry not permitted.` };
    }
  }
}

const START_TIMES: Record<EventCategory, readonly (readonly [string, number])[]> = {
  concert: [['19:30', 3], ['20:00', 4], ['20:30', 2], ['21:00', 2], ['16:00', 1]],
  theatre: [['19:00', 3], ['19:30', 4], ['20:00', 2], ['14:30', 2], ['15:00', 1]],
  comedy: [['19:00', 2], ['20:00', 4], ['21:30', 2], ['22:00', 1]],
  sports: [['13:00', 1], ['15:30', 2], ['18:00', 2], ['19:00', 2], ['20:45', 2]],
  opera: [['19:00', 3], ['19:30', 3], ['15:00', 2]],
  festival: [['12:00', 2], ['13:00', 2], ['14:00', 2], ['16:00', 1]],
};
const DURATION: Record<EventCategory, readonly [number, number]> = {
  concert: [100, 170], theatre: [110, 170], comedy: [70, 110], sports: [105, 150], opera: [140, 210], festival: [360, 600],
};

/** Day offsets weighted towards weekends (Fri/Sat 3, Thu/Sun 2, other days 1). */
const DAY_WEIGHTS: readonly (readonly [number, number])[] = Array.from({ length: HORIZON_DAYS }, (_, i) => {
  const wd = weekday(addDays(WORLD_TODAY, i));
  return [i, wd === 5 || wd === 6 ? 3 : wd === 4 || wd === 0 ? 2 : 1] as const;
});

function makeSections(rng: Rng, template: SectionTemplate, basePrice: number, popularity: number, allSoldOut: boolean): EventSection[] {
  const [first, ...rest] = template;
  const extra = rng.sample(rest, rng.int(2, Math.min(4, rest.length)));
  const chosen = template.filter((t) => t === first || extra.includes(t));
  const pSold = 0.04 + (popularity / 100) * 0.14;
  return chosen.map(([name, seated, mult]) => {
    const band = allSoldOut
      ? 'sold'
      : rng.weighted([
          ['sold', pSold],
          ['few', 0.14],
          ['some', 0.12],
          ['many', 1 - pSold - 0.26],
        ] as const);
    const left = band === 'sold' ? 0 : band === 'few' ? rng.int(1, 3) : band === 'some' ? rng.int(4, 9) : rng.int(10, 320);
    return { id: slugify(name), name, seated, price: Math.max(8, roundHalf(basePrice * mult)), seatsLeft: left };
  });
}

function generateCity(rng: Rng, cityIndex: number): EventRow[] {
  const city = CITIES[cityIndex]!;
  const venues = makeVenues(rng, city);
  const target = rng.int(25, 35);
  const used = new Set<string>(); // venueId/date
  const usedTitles = new Set<string>();
  const usedPerformers = new Set<string>();
  const drafts: Omit<EventRow, 'id'>[] = [];
  let attempts = 0;
  while (drafts.length < target && attempts < 200) {
    attempts++;
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const hosts = venues.filter((v) => HOSTS[v.kind].includes(category));
    // Festivals prefer open-air grounds, sports prefer the stadium.
    const venue = rng.weighted(hosts.map((v) => [v, (v.kind === 'grounds' && category === 'festival') || (v.kind === 'stadium' && category === 'sports') ? 4 : 1] as const));
    const sport = category !== 'sports' ? undefined : venue.kind === 'stadium' ? rng.pick(STADIUM_SPORTS) : rng.pick(ARENA_SPORTS);
    const act = makeAct(rng, category, venue, cityIndex, sport);
    // One production per title and one tour per act in a city.
    if (usedTitles.has(act.title) || (category !== 'sports' && usedPerformers.has(act.performer))) continue;
    usedTitles.add(act.title);
    usedPerformers.add(act.performer);
    const popularity = Math.min(100, Math.max(1, Math.round(rng.float(0, 1) ** 0.7 * 99) + 1));
    const [lo, hi] = BASE_PRICE[category];
    const base = rng.int(lo, hi) * (CITY_PRICE[city.id] ?? 1) * (0.85 + (popularity / 100) * 0.4);
    const [dLo, dHi] = DURATION[category];
    const durationMin = Math.round(rng.int(dLo, dHi) / 5) * 5;
    const runLength = category === 'theatre' || category === 'opera' ? rng.weighted([[1, 5], [2, 3], [3, 2]] as const) : 1;
    const programmePrice = roundHalf(rng.float(5, 12));
    let day = rng.weighted(DAY_WEIGHTS);
    for (let perf = 0; perf < runLength && drafts.length < target && day < HORIZON_DAYS; perf++) {
      const date = addDays(WORLD_TODAY, day);
      const wd = weekday(date);
      const weekend = wd === 5 || wd === 6;
      let time = rng.weighted(START_TIMES[category]);
      // Matinees only at weekends.
      if (time < '17:00' && category !== 'sports' && category !== 'festival' && !(wd === 0 || wd === 6)) time = '19:30';
      const key = `${venue.id}/${date}`;
      const allSoldOut = popularity >= 92 && rng.chance(0.4);
      const sections = makeSections(rng, sectionTemplate(venue.kind, category), base * (weekend ? 1.1 : 1), popularity, allSoldOut);
      day += rng.int(1, 3);
      if (used.has(key)) continue;
      used.add(key);
      drafts.push({
        city: city.id, title: act.title, category, genre: act.genre, performer: act.performer,
        venueId: venue.id, venue: venue.name, venueKind: venue.kind, venueCapacity: venue.capacity, neighbourhood: venue.neighbourhood,
        date, time, doorsBeforeMin: DOORS_BEFORE[venue.kind], durationMin, ageRestriction: act.ageRestriction, popularity,
        parkingPrice: venue.parkingPrice, programmePrice, blurb: act.blurb, sections,
      });
    }
  }
  drafts.sort((a, b) => (a.date + a.time + a.title + a.venueId < b.date + b.time + b.title + b.venueId ? -1 : 1));
  return drafts.map((d, i) => ({ id: `ev-${city.id}-${String(i + 1).padStart(2, '0')}`, ...d }));
}

export function generateEvents(rng: Rng): EventRow[] {
  return CITIES.flatMap((city, i) => generateCity(rng.fork(city.id), i));
}

export const eventsDomain: DomainModule<EventRow> = {
  key: 'events',
  schema: EventRowSchema,
  generate: generateEvents,
};
