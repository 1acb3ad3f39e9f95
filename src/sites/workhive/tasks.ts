import { cityName } from '../engine/city-search.js';
import type { Listing } from '../engine/site-definition.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import type { Amenity, Kind } from './domain.js';

/**
 * WorkHive (coworking): what kind of space, where, on which day, for how long and for how many,
 * always; then the start time and the room layout; then which space (by name, centre or
 * neighbourhood), what it must have (video conferencing, a projector, step-free access...),
 * how many it seats, its rating, opening hours, when the booking starts or ends and what it
 * costs (in all, or per hour); superlatives: the cheapest, the best rated, the largest, the
 * earliest start. Catering, parking and an AV technician come from the site's extras.
 */

const num = (l: Listing | Target, k: string) => Number(l.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);

function kindPhrases(kind: Kind, attendees: number): { id: string; text: string }[] {
  switch (kind) {
    case 'meeting':
      return [{ id: 'meeting-room', text: 'a meeting room' }, { id: 'meeting', text: 'a room for a meeting' }];
    case 'office':
      return [{ id: 'office', text: 'a private office' }, { id: 'office-day', text: 'a private office to work from' }];
    case 'desk':
      return attendees === 1 ? [{ id: 'desk', text: 'a hot desk' }, { id: 'desk-cowork', text: 'a desk in a coworking space' }] : [{ id: 'desks', text: 'hot desks' }, { id: 'desks-cowork', text: 'desks in a coworking space' }];
    case 'event':
      return [{ id: 'event', text: 'an event space' }, { id: 'event-room', text: 'a room for an event' }];
  }
}

function hoursPhrases(hours: number): { id: string; text: string }[] {
  if (hours === 8) return [{ id: 'day', text: 'for a full day (8 hours)' }, { id: 'whole-day', text: 'for the whole day, 8 hours' }];
  if (hours === 1) return [{ id: 'one', text: 'for 1 hour' }, { id: 'an-hour', text: 'for an hour' }];
  return [{ id: 'n', text: `for ${hours} hours` }, { id: 'word', text: `for ${numberWord(hours)} hours` }];
}

function peoplePhrases(kind: Kind, n: number): { id: string; text: string }[] {
  if (n === 1) return [{ id: 'me', text: 'just for me' }, { id: 'one', text: 'for one person' }];
  const out = [{ id: 'people', text: `for ${n} people` }, { id: 'group', text: `for a group of ${numberWord(n)}` }];
  out.push(kind === 'desk' ? { id: 'desks', text: `${numberWord(n)} desks, one for each of us` } : { id: 'attendees', text: `with ${n} attendees` });
  return out;
}

/** How a request names an amenity, and which are rarer (asked for first). */
const AMENITY_SAY: Record<Amenity, string> = {
  projector: 'a projector',
  whiteboard: 'a whiteboard',
  video: 'video conferencing',
  screen: 'a large TV screen',
  standing: 'standing desks',
  kitchen: 'a kitchen',
  daylight: 'natural daylight',
  accessible: 'step-free access',
  'phone-booth': 'phone booths',
  sound: 'a PA sound system',
  lockers: 'lockers',
};
const AMENITY_RARITY: Amenity[] = ['sound', 'standing', 'phone-booth', 'video', 'lockers', 'projector', 'screen', 'kitchen', 'daylight', 'accessible', 'whiteboard'];

const SETUP_SAY: Record<string, { id: string; text: string }[]> = {
  boardroom: [{ id: 'boardroom', text: 'Set the room up boardroom style, around one table.' }, { id: 'one-table', text: 'We want to sit around one table (boardroom layout).' }],
  'u-shape': [{ id: 'u-shape', text: 'Set the room up in a U-shape.' }, { id: 'u', text: 'We need the tables in a U-shape.' }],
  theatre: [{ id: 'theatre', text: 'Set the room up theatre style, with rows of chairs.' }, { id: 'rows', text: 'Rows of chairs facing the front (theatre layout), please.' }],
  classroom: [{ id: 'classroom', text: 'Set the room up classroom style, with rows of tables.' }, { id: 'tables', text: 'We need rows of tables facing the front (classroom layout).' }],
  cabaret: [{ id: 'cabaret', text: 'Set the room up cabaret style, at round tables.' }, { id: 'rounds', text: 'Round tables, please (cabaret layout).' }],
};

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const kind = String(t.params.kind) as Kind;
  const city = String(t.params.city);
  const date = String(t.params.date);
  const hours = Number(t.params.hours);
  const attendees = Number(t.params.attendees);
  out.push({ role: 'key', constraint: { id: 'kind', kind: 'exact', stage: 'search', field: 'kind', value: kind }, phrases: clauses('kind', kindPhrases(kind, attendees)) });
  out.push({ role: 'key', constraint: { id: 'city', kind: 'exact', stage: 'search', field: 'city', value: city }, phrases: clauses('city', [{ id: 'in', text: `in ${cityName(city)}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: date }, phrases: clauses('date', datePhrases(date)) });
  out.push({ role: 'key', constraint: { id: 'hours', kind: 'exact', stage: 'search', field: 'hours', value: String(t.params.hours) }, phrases: clauses('hours', hoursPhrases(hours)) });
  out.push({ role: 'key', slot: 'who', constraint: { id: 'attendees', kind: 'count', stage: 'search', field: 'attendees', value: attendees }, phrases: clauses('attendees', peoplePhrases(kind, attendees)) });

  // When it starts, and how the room is laid out.
  const time = str(t, 'time');
  out.push({ role: 'core', constraint: { id: 'time', kind: 'exact', stage: 'selection', field: 'time', value: time }, phrases: clauses('time', [{ id: 'from', text: `from ${time}` }, { id: 'starting', text: `starting at ${time}` }]) });
  if (t.attrs.setup !== undefined) {
    const setup = str(t, 'setup');
    out.push({ role: 'core', constraint: { id: 'setup', kind: 'exact', stage: 'selection', field: 'setup', value: setup }, phrases: sentences('setup', SETUP_SAY[setup] ?? []) });
  }
  const h = Number(time.slice(0, 2));
  if (h < 12) {
    const before = `${String(h + 1).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'time-before', kind: 'time_window', stage: 'selection', field: 'time', before }, phrases: clauses('time-before', beforePhrases(before, 'starting')) });
  } else {
    const after = `${String(h).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'time-after', kind: 'time_window', stage: 'selection', field: 'time', after }, phrases: clauses('time-after', afterPhrases(after, 'starting')) });
  }
  const end = str(t, 'endTime');
  const endBy = `${String(Number(end.slice(0, 2)) + (end.endsWith(':00') ? 0 : 1)).padStart(2, '0')}:00`;
  out.push({ role: 'refine', constraint: { id: 'end-by', kind: 'time_window', stage: 'selection', field: 'endTime', before: endBy }, phrases: clauses('end-by', [...beforePhrases(endBy, 'finishing'), { id: 'out-by', text: `out of the room by ${endBy}` }]) });

  // Which space.
  const space = str(t, 'space');
  out.push({ role: 'refine', constraint: { id: 'space', kind: 'exact', stage: 'selection', field: 'space', value: space }, phrases: sentences('space', [{ id: 'want', text: `I want ${space}.` }, { id: 'again', text: `We used ${space} last time, so book that one.` }]), matchesListing: (l) => l.attrs.space === space });
  const venue = str(t, 'venue');
  out.push({ role: 'refine', constraint: { id: 'venue', kind: 'exact', stage: 'selection', field: 'venue', value: venue }, phrases: clauses('venue', [{ id: 'at', text: `at ${venue}` }, { id: 'centre', text: `at the ${venue.replace(/^The /, '')} centre` }]), matchesListing: (l) => l.attrs.venue === venue });
  const area = str(t, 'neighbourhood');
  out.push({ role: 'refine', constraint: { id: 'neighbourhood', kind: 'exact', stage: 'selection', field: 'neighbourhood', value: area }, phrases: sentences('neighbourhood', [{ id: 'in', text: `The centre should be in ${area}.` }, { id: 'near', text: `Most of us are near ${area}, so somewhere there, please.` }]), matchesListing: (l) => l.attrs.neighbourhood === area });
  if (num(t, 'floor') === 0) {
    out.push({ role: 'refine', constraint: { id: 'ground-floor', kind: 'exact', stage: 'selection', field: 'floor', value: 0 }, phrases: clauses('ground-floor', [{ id: 'ground', text: 'on the ground floor' }, { id: 'no-stairs', text: 'on the ground floor, no lifts or stairs' }]), matchesListing: (l) => num(l, 'floor') === 0 });
  }

  // What it has and how big it is.
  const amenities = (Array.isArray(t.attrs.amenities) ? t.attrs.amenities.map(String) : []) as Amenity[];
  const wanted = AMENITY_RARITY.filter((a) => amenities.includes(a)).slice(0, 2);
  if (wanted.length > 0) {
    const one = wanted[0]!;
    out.push({ role: 'refine', constraint: { id: 'amenity', kind: 'set', stage: 'selection', field: 'amenities', mode: 'includes_all', values: [one] }, phrases: clauses('amenity', [{ id: 'with', text: `with ${AMENITY_SAY[one]}` }, { id: 'has', text: `somewhere that has ${AMENITY_SAY[one]}` }]), matchesListing: (l) => Array.isArray(l.attrs.amenities) && l.attrs.amenities.includes(one) });
  }
  if (wanted.length > 1) {
    const [a, b] = wanted as [Amenity, Amenity];
    out.push({ role: 'refine', constraint: { id: 'amenities-two', kind: 'set', stage: 'selection', field: 'amenities', mode: 'includes_all', values: [a, b] }, phrases: sentences('amenities-two', [{ id: 'both', text: `It must have both ${AMENITY_SAY[a]} and ${AMENITY_SAY[b]}.` }, { id: 'need', text: `We need ${AMENITY_SAY[a]} as well as ${AMENITY_SAY[b]}.` }]), matchesListing: (l) => Array.isArray(l.attrs.amenities) && l.attrs.amenities.includes(a) && l.attrs.amenities.includes(b) });
  }
  const capacity = num(t, 'capacity');
  if (capacity >= attendees + 2) {
    const min = capacity >= 30 ? Math.floor(capacity / 10) * 10 : capacity;
    out.push({ role: 'refine', constraint: { id: 'capacity-min', kind: 'range', stage: 'selection', field: 'capacity', min }, phrases: sentences('capacity-min', kind === 'desk' ? [{ id: 'desks', text: `The area should have at least ${min} desks in all.` }] : [{ id: 'seats', text: `It should seat at least ${min}, in case more people come.` }, { id: 'room', text: `Make sure there is room for ${min} or more.` }]), matchesListing: (l) => num(l, 'capacity') >= min });
  }
  const rating = num(t, 'rating');
  if (rating >= 4) {
    const min = rating >= 4.5 ? 4.5 : 4;
    out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min }, phrases: clauses('rating-min', [{ id: 'rated', text: `rated ${min.toFixed(1)} or more` }, { id: 'reviews', text: `with reviews of at least ${min.toFixed(1)} out of 5` }]), matchesListing: (l) => num(l, 'rating') >= min });
  }
  const opens = str(t, 'opens');
  if (opens <= '08:00') {
    out.push({ role: 'refine', constraint: { id: 'opens-by', kind: 'time_window', stage: 'selection', field: 'opens', before: '08:00' }, phrases: sentences('opens-by', [{ id: 'early', text: 'The centre must open at 08:00 or earlier: some of us start early.' }, { id: 'eight', text: 'Pick a centre that opens no later than 8 am.' }]), matchesListing: (l) => String(l.attrs.opens) <= '08:00' });
  }
  const closes = str(t, 'closes');
  if (closes >= '20:00') {
    out.push({ role: 'refine', constraint: { id: 'closes-after', kind: 'time_window', stage: 'selection', field: 'closes', after: '20:00' }, phrases: sentences('closes-after', [{ id: 'late', text: 'The centre must stay open until 20:00 or later.' }, { id: 'evening', text: 'We may stay on, so choose a centre open until at least 8 pm.' }]), matchesListing: (l) => String(l.attrs.closes) >= '20:00' });
  }

  // What it costs.
  const price = num(t, 'spacePrice');
  const cap = roundUpNice(price);
  out.push({ role: 'refine', constraint: { id: 'price-max', kind: 'range', stage: 'selection', field: 'spacePrice', max: cap }, phrases: clauses('price-max', [{ id: 'spend', text: `paying no more than €${cap} for the space` }, { id: 'budget', text: `for €${cap} or less for the space${kind === 'desk' && attendees > 1 ? ' (all desks together)' : ''}` }]), matchesListing: (l) => num(l, 'spacePrice') <= cap });
  const hourly = num(t, 'hourlyPrice');
  if (hours < 8) {
    const per = roundUpNice(hourly);
    out.push({ role: 'refine', constraint: { id: 'hourly-max', kind: 'range', stage: 'selection', field: 'hourlyPrice', max: per }, phrases: sentences('hourly-max', [{ id: 'hour', text: `The rate must be €${per} an hour${kind === 'desk' ? ' per desk' : ''} or less.` }]), matchesListing: (l) => num(l, 'hourlyPrice') <= per });
  }
  return out;
}

export const workhiveTasks: TaskCatalogue = {
  siteId: 'workhive',
  intros: ['Book', 'Please book', 'Reserve', 'Can you book'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'spacePrice', objective: 'min', phrases: sentences('cheapest', [{ id: 'lowest', text: 'Of the spaces that fit, take the cheapest.' }, { id: 'least', text: 'Pay as little as possible for the space among those that fit.' }]) },
    { id: 'best-rated', field: 'rating', objective: 'max', phrases: sentences('best-rated', [{ id: 'best', text: 'Choose the best rated space among those that fit.' }, { id: 'top', text: 'Of the options that match, go for the highest rating.' }]) },
    { id: 'largest', field: 'capacity', objective: 'max', phrases: sentences('largest', [{ id: 'biggest', text: 'Of the spaces that fit, take the largest (the most seats).' }, { id: 'most', text: 'Pick the one that seats the most people among those that fit.' }]) },
    { id: 'earliest', field: 'time', objective: 'min', phrases: sentences('earliest', [{ id: 'first', text: 'Take the earliest start time that fits.' }, { id: 'early', text: 'Start as early in the day as possible, among the times that fit.' }]) },
  ],
};
