import { formatDuration, monthName, timeToMinutes } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { AttrValue } from '../../core/schemas/episode-state.js';
import type { SearchParams } from '../engine/site-definition.js';
import { cityById } from '../../world/geography.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, indefinite, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';

/**
 * TicketNest (event tickets). Every request names the city and the event, in one of three ways
 * (the way depends only on the search, so it survives a superlative's retarget):
 * - performer: "tickets for Midnight Orchard in Lisbon on June 12" (performer + event date);
 * - category + day: "a comedy show in Porto next Friday" (category + event date);
 * - category + period: "a concert in Lisbon between June 5 and June 20" (category + the searched
 *   date range), where superlatives ("the cheapest") pick among several events.
 * Core: the number of tickets. Refinements: genre, venue, area, start time, age policy, parking,
 * duration, starting price (listing facts); section, seating, ticket price, delivery (choices).
 */

const num = (t: Target, k: string) => Number(t.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);

/** The evaluator's text comparison (exact constraints on strings). */
const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const sameText = (v: AttrValue | undefined, want: string) => typeof v === 'string' && norm(v) === norm(want);
/** The evaluator's time-window reading of an "HH:MM" attr. */
const minutesOf = (v: AttrValue | undefined) => (typeof v === 'string' && /^\d{1,2}:\d{2}$/.test(v) ? timeToMinutes(v) : undefined);
const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

export type EventKeyMode = 'performer' | 'category-day' | 'category-period';

/** How the request names the event: a pure function of the search, stable across retargets. */
export function keyMode(params: SearchParams): EventKeyMode {
  const r = new Rng(`ticketnest-key/${params.city}/${params.dateFrom}/${params.dateTo}/${params.searchCategory}/${params.tickets}`).next();
  if (String(params.searchCategory ?? 'any') !== 'any') return r < 0.4 ? 'category-day' : 'category-period';
  return r < 0.4 ? 'performer' : r < 0.65 ? 'category-day' : 'category-period';
}

/** "for a concert", "to see some stand-up comedy": the event named by its category. */
const CATEGORY_PHRASES: Record<string, [string, string]> = {
  concert: ['for a concert', 'to see a gig'],
  theatre: ['for a play', 'to see a theatre show'],
  comedy: ['for a comedy show', 'to see some stand-up comedy'],
  sports: ['for a sports match', 'to watch a live sports game'],
  opera: ['for an opera or ballet performance', 'for a night at the opera or ballet'],
  festival: ['for a festival', 'for a day at a music festival'],
};

/** How people name the event by who is on: per category, since `performer` means different things. */
function performerPhrases(category: string, performer: string, title: string, genre: string): { id: string; text: string }[] {
  switch (category) {
    case 'concert':
      return [{ id: 'see', text: `to see ${performer}` }, { id: 'title', text: `for ${title}` }, { id: 'concert', text: `for the concert by ${performer}` }];
    case 'comedy':
      return [{ id: 'see', text: `to see ${performer}` }, { id: 'title', text: `for ${title}` }, { id: 'standup', text: `for ${performer}'s stand-up show` }];
    case 'theatre':
    case 'opera':
      return [
        { id: 'by', text: `for ${title} by ${performer}` },
        { id: 'staged', text: `for ${performer}'s production of ${title}` },
        { id: 'see', text: `to see ${title} staged by ${performer}` },
      ];
    case 'sports':
      return [{ id: 'title', text: `for ${title}` }, { id: 'home', text: `for a home ${genre === 'football' || genre === 'rugby' ? 'match' : 'game'} of ${performer}` }];
    case 'festival':
      return [{ id: 'headlined', text: `for ${title}, headlined by ${performer}` }, { id: 'headliner', text: `for the festival headlined by ${performer}` }];
    default:
      return [{ id: 'see', text: `to see ${performer}` }];
  }
}

/** "It should be a musical.": genre sentences per category (none for comedy: all stand-up). */
function genrePhrases(category: string, genre: string): { id: string; text: string }[] {
  const g = genre === 'latin' ? 'Latin' : genre;
  switch (category) {
    case 'concert':
      return [{ id: 'gig', text: `I'd like ${indefinite(g)} ${g} gig.` }, { id: 'mood', text: `I'm in the mood for ${g} music.` }];
    case 'theatre': {
      const label = genre === 'classic' ? 'classic play' : genre;
      return [{ id: 'should', text: `It should be ${indefinite(label)} ${label}.` }, { id: 'want', text: `I'd like to see ${indefinite(label)} ${label}.` }];
    }
    case 'sports': {
      const what = genre === 'football' || genre === 'rugby' ? 'match' : 'game';
      return [{ id: 'should', text: `It should be ${indefinite(genre)} ${genre} ${what}.` }, { id: 'watch', text: `I want to watch ${genre}.` }];
    }
    case 'opera':
      return genre === 'ballet'
        ? [{ id: 'should', text: 'It should be a ballet, not an opera.' }, { id: 'want', text: 'I want to see a ballet.' }]
        : [{ id: 'should', text: 'It should be an opera, not a ballet.' }, { id: 'want', text: 'I want to see an opera.' }];
    case 'festival':
      return [{ id: 'should', text: `It should be ${indefinite(g)} ${g} festival.` }];
    default:
      return [];
  }
}

const DELIVERY_PHRASES: Record<string, { id: string; text: string }[]> = {
  eticket: [{ id: 'pdf', text: 'Send them as e-tickets (PDF).' }, { id: 'email', text: 'I want e-tickets by email.' }],
  wallet: [{ id: 'wallet', text: 'Put the tickets in my mobile wallet.' }, { id: 'phone', text: 'Deliver them to my phone wallet.' }],
  boxoffice: [{ id: 'collect', text: "I'll collect the tickets at the box office." }, { id: 'pickup', text: 'Choose box-office pickup.' }],
  post: [{ id: 'post', text: 'Have the tickets posted to me.' }, { id: 'printed', text: 'I want printed tickets by post.' }],
};

function ticketPhrases(n: number): Candidate['phrases'] {
  const c: { id: string; text: string }[] = [{ id: 'n', text: `for ${n} ${n === 1 ? 'person' : 'people'}` }];
  const s: { id: string; text: string }[] = n === 1 ? [] : [{ id: 'need', text: `I need ${n} tickets.` }];
  if (n === 1) {
    c.push({ id: 'me', text: 'just for me' });
    s.push({ id: 'one', text: 'I only need one ticket.' });
  } else if (n === 2) {
    c.push({ id: 'friend', text: 'for a friend and me' });
    s.push({ id: 'pair', text: 'Get a pair of tickets.' });
  } else {
    c.push({ id: 'us', text: `for the ${numberWord(n)} of us` });
    s.push({ id: 'group', text: `There are ${numberWord(n)} of us.` });
  }
  return [...clauses('tickets', c), ...sentences('tickets', s)];
}

const ordinal = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

/** "between June 5 and June 20", "from 5 to 20 June": one wording for both ends of the range. */
function periodPhrase(from: string, to: string, rng: Rng): string {
  const d1 = Number(from.slice(8, 10));
  const d2 = Number(to.slice(8, 10));
  const m1 = monthName(Number(from.slice(5, 7)));
  const m2 = monthName(Number(to.slice(5, 7)));
  const options = [`between ${m1} ${d1} and ${m2} ${d2}`, `any day from ${d1} ${m1} to ${d2} ${m2}`, `some time between ${from} and ${to}`];
  if (m1 === m2) options.push(`between the ${ordinal(d1)} and the ${ordinal(d2)} of ${m1}`);
  return rng.pick(options);
}

function candidates(t: Target, rng: Rng): Candidate[] {
  const out: Candidate[] = [];
  const mode = keyMode(t.params);
  const cityName = cityById(str(t, 'city'))?.name ?? str(t, 'city');
  const category = str(t, 'category');
  const genre = str(t, 'genre');
  const performer = str(t, 'performer');
  const date = str(t, 'date');

  // Key: where, what and when. Keys on listing facts carry matchesListing too, so a generator
  // can scope superlatives by them ("the cheapest concert", not the cheapest event).
  out.push({
    role: 'key',
    constraint: { id: 'city', kind: 'exact', stage: 'search', field: 'city', value: str(t, 'city') },
    phrases: clauses('city', [{ id: 'in', text: `in ${cityName}` }, { id: 'here-in', text: `here in ${cityName}` }]),
  });
  if (mode === 'performer') {
    out.push({ role: 'key', constraint: { id: 'performer', kind: 'exact', stage: 'selection', field: 'performer', value: performer }, phrases: clauses('performer', performerPhrases(category, performer, t.listing.title, genre)), matchesListing: (l) => sameText(l.attrs.performer, performer) });
  } else {
    const [a, b] = CATEGORY_PHRASES[category] ?? [`for a ${category} event`, `to see a ${category} event`];
    out.push({
      role: 'key',
      constraint: { id: 'category', kind: 'exact', stage: 'selection', field: 'category', value: category },
      phrases: clauses('category', [{ id: 'plain', text: a }, { id: 'casual', text: b }]),
      matchesListing: (l) => sameText(l.attrs.category, category),
    });
  }
  if (mode === 'category-period') {
    const from = str(t, 'dateFrom');
    const to = str(t, 'dateTo');
    // The window is a wish about the performance's date: any search that finds one inside it will do.
    const text = periodPhrase(from, to, rng);
    out.push({
      role: 'key',
      constraint: { id: 'date-window', kind: 'date_window', stage: 'selection', field: 'date', from, to },
      phrases: clauses('period', [{ id: 'range', text }]),
      matchesListing: (l) => typeof l.attrs.date === 'string' && l.attrs.date >= from && l.attrs.date <= to,
    });
  } else {
    out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'selection', field: 'date', value: date }, phrases: clauses('date', datePhrases(date)), matchesListing: (l) => sameText(l.attrs.date, date) });
  }

  // Core: how many tickets.
  const tickets = num(t, 'tickets');
  out.push({ role: 'core', constraint: { id: 'tickets', kind: 'count', stage: 'search', field: 'tickets', value: tickets }, phrases: ticketPhrases(tickets) });

  // Listing facts.
  if (mode !== 'performer') {
    const gp = genrePhrases(category, genre);
    if (gp.length > 0) {
      out.push({ role: 'refine', constraint: { id: 'genre', kind: 'exact', stage: 'selection', field: 'genre', value: genre }, phrases: sentences('genre', gp), matchesListing: (l) => sameText(l.attrs.genre, genre) });
    }
  }
  const venue = str(t, 'venue');
  out.push({
    role: 'refine',
    constraint: { id: 'venue', kind: 'exact', stage: 'selection', field: 'venue', value: venue },
    phrases: [...clauses('venue', [{ id: 'at', text: `at ${venue}` }]), ...sentences('venue', [{ id: 'should', text: `The venue should be ${venue}.` }])],
    matchesListing: (l) => sameText(l.attrs.venue, venue),
  });
  const hood = str(t, 'neighbourhood');
  out.push({
    role: 'refine',
    constraint: { id: 'neighbourhood', kind: 'exact', stage: 'selection', field: 'neighbourhood', value: hood },
    phrases: [...clauses('neighbourhood', [{ id: 'venue-in', text: `at a venue in ${hood}` }]), ...sentences('neighbourhood', [{ id: 'near', text: `I want something in ${hood}, close to where I'm staying.` }])],
    matchesListing: (l) => sameText(l.attrs.neighbourhood, hood),
  });
  const start = minutesOf(t.attrs.time);
  if (start !== undefined) {
    if (start >= 17 * 60) {
      // A bound strictly before the start, on the hour: 19:30 -> after 19:00, 20:00 -> after 19:00.
      const after = hhmm(Math.floor((start - 1) / 60) * 60);
      const afterMin = timeToMinutes(after);
      out.push({
        role: 'refine',
        constraint: { id: 'starts-after', kind: 'time_window', stage: 'selection', field: 'time', after },
        phrases: clauses('starts-after', [...afterPhrases(after, 'starting'), ...(afterMin >= 18 * 60 ? [{ id: 'evening', text: `in the evening (starting at ${after} or later)` }] : [])]),
        matchesListing: (l) => {
          const m = minutesOf(l.attrs.time);
          return m !== undefined && m >= afterMin;
        },
      });
    } else {
      const before = hhmm(Math.min(23 * 60, Math.ceil((start + 1) / 60) * 60));
      const beforeMin = timeToMinutes(before);
      out.push({
        role: 'refine',
        constraint: { id: 'starts-before', kind: 'time_window', stage: 'selection', field: 'time', before },
        phrases: clauses('starts-before', [...beforePhrases(before, 'starting'), ...(beforeMin <= 17 * 60 ? [{ id: 'daytime', text: `during the day (starting at ${before} at the latest)` }] : [])]),
        matchesListing: (l) => {
          const m = minutesOf(l.attrs.time);
          return m !== undefined && m <= beforeMin;
        },
      });
    }
  }
  if (t.attrs.ageRestriction === 'none') {
    out.push({
      role: 'refine',
      constraint: { id: 'all-ages', kind: 'exact', stage: 'selection', field: 'ageRestriction', value: 'none' },
      phrases: [...clauses('all-ages', [{ id: 'open', text: 'open to all ages' }, { id: 'no-limit', text: 'with no age restriction' }]), ...sentences('all-ages', [{ id: 'family', text: 'It must have no age restriction.' }])],
      matchesListing: (l) => sameText(l.attrs.ageRestriction, 'none'),
    });
  }
  if (t.attrs.parkingAvailable === true) {
    out.push({
      role: 'refine',
      constraint: { id: 'parking', kind: 'exact', stage: 'selection', field: 'parkingAvailable', value: true },
      phrases: [...clauses('parking', [{ id: 'venue', text: 'at a venue with parking' }]), ...sentences('parking', [{ id: 'drive', text: "We're driving, so the venue needs parking." }])],
      matchesListing: (l) => l.attrs.parkingAvailable === true,
    });
  }
  if (category !== 'festival') {
    const d = num(t, 'durationMin');
    const maxDuration = Math.ceil((d + 0.0001) / 30) * 30;
    out.push({
      role: 'refine',
      constraint: { id: 'duration-max', kind: 'range', stage: 'selection', field: 'durationMin', max: maxDuration },
      phrases: clauses('duration-max', [{ id: 'lasting', text: `lasting at most ${formatDuration(maxDuration)}` }, { id: 'longer', text: `no longer than ${formatDuration(maxDuration)}` }]),
      matchesListing: (l) => typeof l.attrs.durationMin === 'number' && l.attrs.durationMin <= maxDuration,
    });
  }
  // Choice facts: the section and the delivery.
  const section = str(t, 'section');
  out.push({
    role: 'refine',
    constraint: { id: 'section', kind: 'exact', stage: 'selection', field: 'section', value: section },
    phrases: sentences('section', [{ id: 'want', text: `I want tickets in the ${section} section.` }, { id: 'pick', text: `Pick the ${section} section.` }]),
  });
  const seated = t.attrs.seated === true;
  out.push({
    role: 'refine',
    constraint: { id: 'seated', kind: 'exact', stage: 'selection', field: 'seated', value: seated },
    phrases: seated
      ? [...clauses('seated', [{ id: 'seats', text: 'with allocated seats' }]), ...sentences('seated', [{ id: 'sit', text: 'We want to sit, not stand.' }])]
      : [...clauses('standing', [{ id: 'standing', text: 'in a standing area' }]), ...sentences('standing', [{ id: 'stand', text: 'I want standing tickets, not seats.' }])],
  });
  const ticketMax = roundUpNice(num(t, 'ticketPrice'));
  out.push({
    role: 'refine',
    constraint: { id: 'ticket-price-max', kind: 'range', stage: 'selection', field: 'ticketPrice', max: ticketMax },
    phrases: [
      ...clauses('ticket-price-max', [{ id: 'face-value', text: `with a face value of at most €${ticketMax} a ticket` }, { id: 'before-fees', text: `at no more than €${ticketMax} per ticket before fees` }]),
      ...sentences('ticket-price-max', [{ id: 'face', text: `The face value must be at most €${ticketMax} a ticket.` }]),
    ],
  });
  const delivery = str(t, 'delivery');
  const dp = DELIVERY_PHRASES[delivery];
  if (dp) out.push({ role: 'refine', constraint: { id: 'delivery', kind: 'exact', stage: 'selection', field: 'delivery', value: delivery }, phrases: sentences('delivery', dp) });
  if (num(t, 'deliveryFee') === 0) {
    out.push({ role: 'refine', constraint: { id: 'free-delivery', kind: 'range', stage: 'selection', field: 'deliveryFee', max: 0 }, phrases: [...clauses('free-delivery', [{ id: 'with', text: 'with free delivery' }]), ...sentences('free-delivery', [{ id: 'no-fee', text: "Don't pay a delivery fee." }])] });
  }
  return out;
}

export const ticketnestTasks: TaskCatalogue = {
  siteId: 'ticketnest',
  intros: ['Book tickets', 'Get me tickets', "I'd like to book tickets", 'Find and book tickets', 'Please buy tickets', 'Grab us tickets'],
  candidates,
  superlatives: [
    {
      id: 'cheapest',
      field: 'ticketPrice',
      objective: 'min',
      phrases: sentences('cheapest', [{ id: 'pick', text: 'Buy the cheapest tickets that fit.' }, { id: 'lowest', text: 'Pay the lowest price per ticket you can for an event that fits.' }]),
    },
    {
      id: 'soonest',
      field: 'startsAt',
      objective: 'min',
      phrases: sentences('soonest', [{ id: 'pick', text: 'Take the soonest one that fits.' }, { id: 'first', text: 'Pick the first one coming up that fits.' }]),
    },
    {
      id: 'most-popular',
      field: 'popularity',
      objective: 'max',
      phrases: sentences('most-popular', [{ id: 'pick', text: 'Go for the most popular one that fits.' }, { id: 'demand', text: 'Pick the most popular of the matching events.' }]),
    },
    {
      id: 'shortest',
      field: 'durationMin',
      objective: 'min',
      phrases: sentences('shortest', [{ id: 'pick', text: 'Pick the shortest show that fits.' }]),
    },
  ],
};
