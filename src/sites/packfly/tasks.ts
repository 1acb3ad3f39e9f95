import { timeToMinutes } from '../../core/dates.js';
import type { Attrs } from '../../core/schemas/episode-state.js';
import type { Listing } from '../engine/site-definition.js';
import type { Candidate, Target, TaskCatalogue } from '../kit/task-catalogue.js';
import { clauses, datePhrases, numberWord, sentences } from '../kit/phrasing.js';
import { BOARDS, ROOMS } from './domain.js';
import { destinationName, originName } from './places.js';

/**
 * Packfly (flight + hotel packages): what people ask of a package holiday. Where from and to,
 * when and for how many nights, who goes (keys and the party); the hotel (stars, rating, the
 * beach, a pool or kids club, the board, the room) and the flights chosen with it (`flights.*`:
 * airline, direct, time of the outbound flight, a checked bag). Candidates are a pure function
 * of the target.
 */

const spread = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);
const plural = (n: number, one: string, many = `${one}s`) => `${n === 1 ? 'one' : numberWord(n)} ${n === 1 ? one : many}`;

function tripCandidates(t: Target): Candidate[] {
  const a = t.attrs;
  const out: Candidate[] = [];
  out.push({ role: 'key', constraint: { id: 'destination', kind: 'exact', stage: 'search', field: 'destination', value: String(a.destination) }, phrases: clauses('destination', [{ id: 'to', text: `to ${destinationName(a.destination as string)}` }, { id: 'in', text: `in ${destinationName(a.destination as string)}` }]) });
  out.push({ role: 'key', constraint: { id: 'origin', kind: 'exact', stage: 'search', field: 'origin', value: String(a.origin) }, phrases: clauses('origin', [{ id: 'from', text: `flying from ${originName(a.origin as string)}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: String(a.date) }, phrases: clauses('date', datePhrases(String(a.date), 'leaving on')) });
  const nights = Number(a.nights);
  out.push({ role: 'key', constraint: { id: 'nights', kind: 'exact', stage: 'search', field: 'nights', value: String(nights) }, phrases: clauses('nights', [{ id: 'n', text: `for ${nights} nights` }, { id: 'word', text: `for ${numberWord(nights)} nights` }]) });
  const adults = Number(a.adults ?? 2);
  out.push({ role: 'core', slot: 'who', constraint: { id: 'adults', kind: 'count', stage: 'search', field: 'adults', value: adults }, phrases: clauses('adults', [{ id: 'n', text: `for ${adults} adult${adults === 1 ? '' : 's'}` }, { id: 'word', text: `for ${plural(adults, 'adult')}` }]) });
  const children = Number(a.children ?? 0);
  out.push({
    role: children > 0 ? 'core' : 'refine',
    slot: 'who',
    constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: children },
    phrases: children > 0 ? clauses('children', [{ id: 'n', text: `with ${plural(children, 'child', 'children')} aged 2 to 11` }]) : clauses('children', [{ id: 'none', text: 'with no children' }]),
  });
  return out;
}

function hotelCandidates(t: Target): Candidate[] {
  const a = t.attrs;
  const out: Candidate[] = [];
  const stars = Number(a.stars);
  if (stars >= 3) out.push({ role: 'refine', constraint: { id: 'stars-min', kind: 'range', stage: 'selection', field: 'stars', min: stars }, phrases: clauses('stars-min', [{ id: 'at-least', text: `at a hotel of ${stars} stars or more` }]), matchesListing: (l) => Number(l.attrs.stars) >= stars });
  const rating = Math.floor(Number(a.rating));
  if (rating >= 7) out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min: rating }, phrases: clauses('rating-min', [{ id: 'rated', text: `at a hotel rated ${rating} or more` }]), matchesListing: (l) => Number(l.attrs.rating) >= rating });
  const beach = Number(a.beachDistanceM);
  if (beach <= 500) {
    const max = beach <= 100 ? 100 : 500;
    out.push({ role: 'refine', constraint: { id: 'beach-max', kind: 'range', stage: 'selection', field: 'beachDistanceM', max }, phrases: clauses('beach-max', [{ id: 'within', text: max === 100 ? 'on the beach (100 m at most)' : 'within 500 m of the beach' }]), matchesListing: (l) => Number(l.attrs.beachDistanceM) <= max });
  }
  for (const [field, say] of [['pool', 'with a pool'], ['kidsClub', 'with a kids club'], ['adultsOnly', 'at an adults-only hotel']] as const) {
    if (a[field] === true) out.push({ role: 'refine', constraint: { id: field, kind: 'exact', stage: 'selection', field, value: true }, phrases: clauses(field, [{ id: 'yes', text: say }]), matchesListing: (l) => l.attrs[field] === true });
  }
  const board = String(a.board) as keyof typeof BOARDS;
  if (BOARDS[board]) out.push({ role: 'core', constraint: { id: 'board', kind: 'exact', stage: 'selection', field: 'board', value: board }, phrases: sentences('board', [{ id: 'board', text: `We want ${BOARDS[board].noun}.` }, { id: 'take', text: `Choose ${BOARDS[board].noun} as the board.` }]) });
  const room = String(a.room) as keyof typeof ROOMS;
  if (a.seaView === true && spread(t.listing.id) % 2 === 0) out.push({ role: 'refine', constraint: { id: 'sea-view', kind: 'exact', stage: 'selection', field: 'seaView', value: true }, phrases: sentences('sea-view', [{ id: 'view', text: 'The room must have a sea view.' }]) });
  else if (ROOMS[room]) out.push({ role: 'refine', constraint: { id: 'room', kind: 'exact', stage: 'selection', field: 'room', value: room }, phrases: sentences('room', [{ id: 'room', text: `Book the ${ROOMS[room].label.replace(/ \(.*\)$/, '').toLowerCase()}.` }]) });
  return out;
}

function flightCandidates(t: Target, f: Attrs): Candidate[] {
  const out: Candidate[] = [];
  const airline = String(f.airline);
  out.push({ role: 'refine', constraint: { id: 'airline', kind: 'exact', stage: 'selection', field: 'flights.airline', value: airline }, phrases: sentences('airline', [{ id: 'fly', text: `Fly with ${airline}.` }]) });
  if (Number(f.stops) === 0) out.push({ role: 'refine', constraint: { id: 'direct', kind: 'range', stage: 'selection', field: 'flights.stops', max: 0 }, phrases: sentences('direct', [{ id: 'direct', text: 'Both flights must be direct.' }]) });
  const m = timeToMinutes(String(f.departTime));
  const period = m < 12 * 60 ? { after: '00:00', before: '11:59', text: 'The outbound flight should leave before noon.' } : { after: '12:00', before: '23:59', text: 'The outbound flight should leave at noon or later.' };
  // When to fly is what package requests say most about the flights.
  out.push({ role: 'core', constraint: { id: 'out-period', kind: 'time_window', stage: 'selection', field: 'flights.departTime', after: period.after, before: period.before }, phrases: sentences('out-period', [{ id: 'when', text: period.text }]) });
  out.push({
    role: 'core',
    constraint: { id: 'luggage', kind: 'exact', stage: 'selection', field: 'flights.luggage', value: String(f.luggage) },
    phrases: sentences('luggage', f.luggage === 'hold' ? [{ id: 'hold', text: 'Add a checked bag of 23 kg for each of us.' }] : [{ id: 'cabin', text: 'Cabin bags only, no checked luggage.' }]),
  });
  return out;
}

function candidates(t: Target): Candidate[] {
  const flights = t.items.find((it) => it.slot === 'flights');
  return [...tripCandidates(t), ...hotelCandidates(t), ...(flights ? flightCandidates(t, flights.attrs) : [])];
}

export const packflyTasks: TaskCatalogue = {
  siteId: 'packfly',
  intros: ['Book a holiday', 'Book a package holiday', 'Find and book a flight and hotel package', 'I need a holiday'],
  candidates,
  superlatives: [
    { id: 'best-rated', field: 'rating', objective: 'max', phrases: sentences('best-rated', [{ id: 'best', text: 'Take the best-rated hotel that fits.' }]) },
    { id: 'nearest-beach', field: 'beachDistanceM', objective: 'min', phrases: sentences('nearest-beach', [{ id: 'beach', text: 'Take the hotel closest to the beach among those that fit.' }]) },
    { id: 'cheapest-room', field: 'roomNight', objective: 'min', phrases: sentences('cheapest-room', [{ id: 'room', text: 'Pay the lowest room price a night among the hotels and rooms that fit.' }]) },
  ],
};

export type { Listing };
