import { addDays, longDate, monthName } from '../../core/dates.js';
import type { Attrs } from '../../core/schemas/episode-state.js';
import type { Candidate, Target, TaskCatalogue } from '../kit/task-catalogue.js';
import { clauses, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import { GRADES, type Grade } from './domain.js';
import { diningLabel } from './inventory.js';
import { portName } from './ports.js';

/**
 * Seaberth (cruises): what cruise passengers ask. From which port and in which month or window
 * of dates, for how many nights, calling at which port, on which line; the cabin (grade, deck,
 * position, accessible, a fare bound) and dining; who sails; and the shore excursion added
 * (`excursion.*`). Candidates are a pure function of the target.
 */

const spread = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);
const plural = (n: number, one: string, many = `${one}s`) => `${n === 1 ? 'one' : numberWord(n)} ${n === 1 ? one : many}`;
const dayText = (iso: string) => longDate(iso).replace(/^[A-Za-z]+, /, '').replace(/, \d{4}$/, '');
const POSITION_SAY = { fore: 'towards the front of the ship (forward)', midship: 'midship', aft: 'at the back of the ship (aft)' } as const;

function voyageCandidates(t: Target): Candidate[] {
  const a = t.attrs;
  const s = spread(t.listing.id);
  const out: Candidate[] = [];
  out.push({ role: 'key', constraint: { id: 'port', kind: 'exact', stage: 'search', field: 'port', value: String(a.port) }, phrases: clauses('port', [{ id: 'from', text: `from ${portName(a.port as string)}` }, { id: 'sailing', text: `sailing from ${portName(a.port as string)}` }]) });
  const [year, month] = String(a.month).split('-').map(Number) as [number, number];
  out.push({ role: 'key', constraint: { id: 'month', kind: 'exact', stage: 'search', field: 'month', value: String(a.month) }, phrases: clauses('month', [{ id: 'in', text: `in ${monthName(month)} ${year}` }, { id: 'leaving', text: `leaving in ${monthName(month)}` }]) });
  const adults = Number(a.adults ?? 2);
  out.push({ role: 'core', slot: 'who', constraint: { id: 'adults', kind: 'count', stage: 'search', field: 'adults', value: adults }, phrases: clauses('adults', [{ id: 'n', text: `for ${adults} adult${adults === 1 ? '' : 's'}` }, { id: 'word', text: `for ${plural(adults, 'adult')}` }]) });
  const children = Number(a.children ?? 0);
  out.push({
    role: children > 0 ? 'core' : 'refine',
    slot: 'who',
    constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: children },
    phrases: children > 0 ? clauses('children', [{ id: 'n', text: `with ${plural(children, 'child', 'children')}` }]) : clauses('children', [{ id: 'none', text: 'with no children' }]),
  });
  // A window of departure dates inside the month, around the sailing's.
  const depart = String(a.departDate);
  const from = addDays(depart, -(s % 4));
  const to = addDays(depart, (s >> 2) % 5);
  const inMonth = (d: string) => d.startsWith(`${String(a.month)}-`);
  const wFrom = inMonth(from) ? from : `${String(a.month)}-01`;
  const wTo = inMonth(to) ? to : depart;
  out.push({ role: 'refine', constraint: { id: 'depart-window', kind: 'date_window', stage: 'selection', field: 'departDate', from: wFrom, to: wTo }, phrases: sentences('depart-window', [{ id: 'between', text: `We want to leave between ${dayText(wFrom)} and ${dayText(wTo)}.` }]), matchesListing: (l) => String(l.attrs.departDate) >= wFrom && String(l.attrs.departDate) <= wTo });
  const nights = Number(a.nights);
  const range = nights <= 5 ? { min: 3, max: 5, text: 'A short cruise of 3 to 5 nights.' } : nights <= 8 ? { min: 6, max: 8, text: 'About a week at sea: 6 to 8 nights.' } : { min: 10, max: 14, text: 'A long cruise: 10 to 14 nights.' };
  out.push({ role: 'refine', constraint: { id: 'nights-range', kind: 'range', stage: 'selection', field: 'nights', min: range.min, max: range.max }, phrases: sentences('nights-range', [{ id: 'range', text: range.text }]), matchesListing: (l) => Number(l.attrs.nights) >= range.min && Number(l.attrs.nights) <= range.max });
  const ports = (Array.isArray(a.ports) ? a.ports : []).map(String);
  if (ports.length > 0) {
    const visit = ports[s % ports.length]!;
    out.push({ role: 'refine', constraint: { id: 'port-visited', kind: 'set', stage: 'selection', field: 'ports', mode: 'includes_all', values: [visit] }, phrases: sentences('port-visited', [{ id: 'call', text: `The ship must call at ${visit}.` }, { id: 'see', text: `I want to visit ${visit} on the way.` }]), matchesListing: (l) => Array.isArray(l.attrs.ports) && l.attrs.ports.includes(visit) });
  }
  if (s % 3 === 0) out.push({ role: 'refine', constraint: { id: 'line', kind: 'exact', stage: 'selection', field: 'line', value: String(a.line) }, phrases: sentences('line', [{ id: 'with', text: `Sail with ${String(a.line)}.` }]), matchesListing: (l) => l.attrs.line === a.line });
  return out;
}

function cabinCandidates(t: Target): Candidate[] {
  const a = t.attrs;
  const out: Candidate[] = [];
  const grade = String(a.grade) as Grade;
  if (GRADES[grade]) out.push({ role: 'core', constraint: { id: 'grade', kind: 'exact', stage: 'selection', field: 'grade', value: grade }, phrases: sentences('grade', [{ id: 'book', text: `Book ${grade === 'inside' ? 'an inside' : grade === 'oceanview' ? 'an ocean-view' : grade === 'balcony' ? 'a balcony' : 'a suite'} cabin.`.replace('a suite cabin', 'a suite') }]) });
  const deck = Number(a.deck);
  if (deck >= 7) out.push({ role: 'refine', constraint: { id: 'deck-min', kind: 'range', stage: 'selection', field: 'deck', min: deck }, phrases: sentences('deck-min', [{ id: 'high', text: `The cabin should be on deck ${deck} or higher.` }]) });
  const position = String(a.position) as keyof typeof POSITION_SAY;
  if (POSITION_SAY[position]) out.push({ role: 'refine', constraint: { id: 'position', kind: 'exact', stage: 'selection', field: 'position', value: position }, phrases: sentences('position', [{ id: 'where', text: `The cabin should be ${POSITION_SAY[position]}.` }]) });
  if (a.accessible === true) out.push({ role: 'refine', constraint: { id: 'accessible', kind: 'exact', stage: 'selection', field: 'accessible', value: true }, phrases: sentences('accessible', [{ id: 'need', text: 'We need an accessible cabin.' }]) });
  const fare = roundUpNice(Number(a.fare));
  out.push({ role: 'refine', constraint: { id: 'fare-max', kind: 'range', stage: 'selection', field: 'fare', max: fare }, phrases: sentences('fare-max', [{ id: 'pp', text: `The cabin fare should be at most €${fare} per person.` }, { id: 'budget', text: `Our budget is €${fare} per person for the cabin.` }]) });
  out.push({ role: 'refine', constraint: { id: 'dining', kind: 'exact', stage: 'selection', field: 'dining', value: String(a.dining) }, phrases: sentences('dining', [{ id: 'take', text: `For dinner, choose ${diningLabel(String(a.dining)).toLowerCase()}.` }]) });
  return out;
}

function excursionCandidates(x: Attrs): Candidate[] {
  const out: Candidate[] = [];
  const name = String(x.excursionName);
  out.push({ role: 'core', constraint: { id: 'excursion', kind: 'exact', stage: 'selection', field: 'excursion.excursionName', value: name }, phrases: sentences('excursion', [{ id: 'add', text: `Add the excursion "${name}".` }, { id: 'book', text: `Also book the shore excursion "${name}".` }]) });
  out.push({ role: 'refine', constraint: { id: 'excursion-port', kind: 'exact', stage: 'selection', field: 'excursion.excursionPort', value: String(x.excursionPort) }, phrases: sentences('excursion-port', [{ id: 'at', text: `The excursion should be at ${String(x.excursionPort)}.` }]) });
  const start = String(x.startTime);
  out.push({ role: 'refine', constraint: { id: 'excursion-start', kind: 'exact', stage: 'selection', field: 'excursion.startTime', value: start }, phrases: sentences('excursion-start', [{ id: 'time', text: start < '12:00' ? `Take the morning tour at ${start}.` : `Take the afternoon tour at ${start}.` }]) });
  return out;
}

function candidates(t: Target): Candidate[] {
  const x = t.items.find((it) => it.slot === 'excursion');
  return [...voyageCandidates(t), ...cabinCandidates(t), ...(x ? excursionCandidates(x.attrs) : [])];
}

export const seaberthTasks: TaskCatalogue = {
  siteId: 'seaberth',
  intros: ['Book a cruise', 'Find and book a cruise', 'I would like to go on a cruise', 'Book us a cabin on a cruise'],
  candidates,
  superlatives: [
    { id: 'cheapest-night', field: 'farePerNight', objective: 'min', phrases: sentences('cheapest-night', [{ id: 'night', text: 'Take the cabin with the lowest fare per night that fits.' }]) },
    { id: 'cheapest', field: 'fare', objective: 'min', phrases: sentences('cheapest', [{ id: 'fare', text: 'Pay the lowest cabin fare per person among the cruises and cabins that fit.' }]) },
  ],
};
