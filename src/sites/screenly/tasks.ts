import { cityName } from '../engine/city-search.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, listPhrase, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import { FORMAT_LABELS } from './showings.js';

/**
 * Screenly (cinema): which film, where and when (city, day, the show's start), how many tickets;
 * then the show (cinema, format, start-time bounds, price of a standard seat) and the seats
 * themselves (row, side by side, premium recliners, a wheelchair space, named seats, the most
 * paid for one seat).
 */

const num = (t: Target, k: string) => Number(t.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);

function ticketPhrases(n: number): { id: string; text: string }[] {
  const out = [{ id: 'n', text: `for ${n} ${n === 1 ? 'person' : 'people'}` }];
  if (n === 1) out.push({ id: 'me', text: 'just for me' });
  if (n === 2) out.push({ id: 'partner', text: 'for my partner and me' });
  if (n >= 3) out.push({ id: 'us', text: `for the ${numberWord(n)} of us` });
  return out;
}

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const film = str(t, 'film');
  const city = str(t, 'city');
  const date = str(t, 'date');
  const n = num(t, 'tickets');

  out.push({ role: 'key', constraint: { id: 'film', kind: 'exact', stage: 'selection', field: 'film', value: film }, phrases: clauses('film', [{ id: 'for', text: `for ${film}` }, { id: 'to-see', text: `to see ${film}` }]) });
  out.push({ role: 'key', constraint: { id: 'city', kind: 'exact', stage: 'search', field: 'city', value: city }, phrases: clauses('city', [{ id: 'in', text: `in ${cityName(city)}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: date }, phrases: clauses('date', datePhrases(date)) });
  out.push({ role: 'core', slot: 'who', constraint: { id: 'tickets', kind: 'count', stage: 'search', field: 'tickets', value: n }, phrases: clauses('tickets', ticketPhrases(n)) });

  // The show.
  const cinema = str(t, 'cinema');
  out.push({ role: 'refine', constraint: { id: 'cinema', kind: 'exact', stage: 'selection', field: 'cinema', value: cinema }, phrases: clauses('cinema', [{ id: 'at', text: `at ${cinema}` }, { id: 'showing', text: `showing at ${cinema}` }]), matchesListing: (l) => l.attrs.cinema === cinema });
  const start = str(t, 'startTime');
  const h = Number(start.slice(0, 2));
  if (h >= 14) {
    const after = `${String(h).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'start-after', kind: 'time_window', stage: 'selection', field: 'startTime', after }, phrases: clauses('start-after', afterPhrases(after, 'starting')), matchesListing: (l) => String(l.attrs.startTime) >= after });
  } else {
    const before = `${String(h + 1).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'start-before', kind: 'time_window', stage: 'selection', field: 'startTime', before }, phrases: clauses('start-before', beforePhrases(before, 'starting')), matchesListing: (l) => String(l.attrs.startTime) <= before });
  }
  out.push({ role: 'refine', constraint: { id: 'start-time', kind: 'exact', stage: 'selection', field: 'startTime', value: start }, phrases: sentences('start-time', [{ id: 'the', text: `Take the ${start} show.` }, { id: 'starts', text: `It should be the showing that starts at ${start}.` }]), matchesListing: (l) => l.attrs.startTime === start });
  const format = str(t, 'format');
  if (format !== 'standard') {
    out.push({ role: 'refine', constraint: { id: 'format', kind: 'exact', stage: 'selection', field: 'format', value: format }, phrases: clauses('format', [{ id: 'in', text: `in ${FORMAT_LABELS[format]}` }]), matchesListing: (l) => l.attrs.format === format });
  }
  const maxStandard = roundUpNice(num(t, 'standardPrice'));
  out.push({
    role: 'refine',
    constraint: { id: 'standard-price-max', kind: 'range', stage: 'selection', field: 'standardPrice', max: maxStandard },
    phrases: clauses('standard-price-max', [{ id: 'standard', text: `where a standard seat costs at most €${maxStandard}` }]),
    matchesListing: (l) => Number(l.attrs.standardPrice) <= maxStandard,
  });

  // The seats.
  const seats = Array.isArray(t.attrs.seats) ? t.attrs.seats.map(String) : [];
  if (seats.length > 0 && seats.length <= 3) {
    out.push({ role: 'refine', constraint: { id: 'seats', kind: 'set', stage: 'selection', field: 'seats', mode: 'includes_all', values: seats }, phrases: sentences('seats', [{ id: 'want', text: `I want seat${seats.length > 1 ? 's' : ''} ${listPhrase(seats)}.` }, { id: 'book', text: `Book seat${seats.length > 1 ? 's' : ''} ${listPhrase(seats)}.` }]) });
  }
  const row = str(t, 'seatRow');
  if (row.length === 1) out.push({ role: 'refine', constraint: { id: 'row', kind: 'exact', stage: 'selection', field: 'seatRow', value: row }, phrases: sentences('row', [{ id: 'sit', text: n > 1 ? `We all want to sit in row ${row}.` : `I want to sit in row ${row}.` }, { id: 'in', text: `Put ${n > 1 ? 'every seat' : 'the seat'} in row ${row}.` }]) });
  if (n > 1 && t.attrs.seatsTogether === true) out.push({ role: 'refine', constraint: { id: 'together', kind: 'exact', stage: 'selection', field: 'seatsTogether', value: true }, phrases: sentences('together', [{ id: 'side', text: 'The seats must be side by side.' }, { id: 'together', text: 'We want to sit together, next to each other.' }]) });
  const seatClass = str(t, 'seatClass');
  if (seatClass === 'premium') out.push({ role: 'refine', constraint: { id: 'seat-class', kind: 'exact', stage: 'selection', field: 'seatClass', value: 'premium' }, phrases: sentences('seat-class', [{ id: 'recliners', text: n > 1 ? 'Every seat should be a premium recliner.' : 'I want a premium recliner.' }]) });
  if (seatClass === 'standard') out.push({ role: 'refine', constraint: { id: 'premium-none', kind: 'count', stage: 'selection', field: 'premiumSeats', value: 0 }, phrases: sentences('premium-none', [{ id: 'no', text: 'No premium recliners; standard seats are fine.' }]) });
  const wheelchair = num(t, 'wheelchairSpaces');
  if (wheelchair > 0) out.push({ role: 'refine', constraint: { id: 'wheelchair', kind: 'count', stage: 'selection', field: 'wheelchairSpaces', value: wheelchair }, phrases: sentences('wheelchair', [{ id: 'need', text: wheelchair === 1 ? 'One of us uses a wheelchair: book exactly one wheelchair space.' : `Book exactly ${numberWord(wheelchair)} wheelchair spaces.` }]) });
  const maxSeat = roundUpNice(num(t, 'ticketPrice'));
  out.push({ role: 'refine', constraint: { id: 'seat-price-max', kind: 'range', stage: 'selection', field: 'ticketPrice', max: maxSeat }, phrases: sentences('seat-price-max', [{ id: 'each', text: `Pay no more than €${maxSeat} for any one seat.` }]) });
  return out;
}

export const screenlyTasks: TaskCatalogue = {
  siteId: 'screenly',
  intros: ['Book cinema tickets', 'Get me cinema tickets', 'Please book movie tickets', 'Reserve seats at the cinema'],
  candidates,
  superlatives: [
    { id: 'earliest', field: 'startTime', objective: 'min', phrases: sentences('earliest', [{ id: 'pick', text: 'Of the showings that fit, take the earliest.' }]) },
    { id: 'latest', field: 'startTime', objective: 'max', phrases: sentences('latest', [{ id: 'pick', text: 'Take the latest showing that fits.' }]) },
    { id: 'cheapest', field: 'standardPrice', objective: 'min', phrases: sentences('cheapest', [{ id: 'pick', text: 'Among the showings that fit, choose the one with the cheapest standard seats.' }]) },
  ],
};
