import { formatDuration } from '../../core/dates.js';
import { dayPeriodOf, inDayPeriod, type DayPeriodId } from '../kit/day-periods.js';
import type { Attrs } from '../../core/schemas/episode-state.js';
import type { Listing } from '../engine/site-definition.js';
import type { Candidate, Target, TaskCatalogue } from '../kit/task-catalogue.js';
import { clauses, datePhrases, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import { VEHICLES } from './fields.js';
import { FARES } from './inventory.js';
import { placeName } from './ports.js';
import { ACCOMMODATIONS } from './sailings.js';

/**
 * Ferryway (ferries): what people ask of a ferry booking. The journey (one way or return, ports
 * or an area, dates, who sails, the vehicle taken on board), the sailing there (time of day,
 * company, a fast ferry, crossing time), the fare and where to sit or sleep (deck, a reclining
 * seat, a cabin with a sea view), and for a return journey the same of the sailing back
 * (`return.*`). Candidates are a pure function of the target.
 */

const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const spread = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);
const plural = (n: number, one: string, many = `${one}s`) => `${n === 1 ? 'one' : numberWord(n)} ${n === 1 ? one : many}`;

/** How a ferry request names each part of the day (the windows are the kit's: sites/kit/day-periods.ts). */
const PERIOD_WORDS: Record<DayPeriodId, string[]> = {
  night: ['on a night sailing that leaves by 05:59'],
  morning: ['in the morning (sailing 06:00 to 11:59)', 'on a sailing that leaves between 06:00 and 11:59'],
  afternoon: ['in the afternoon (sailing 12:00 to 17:59)', 'on a sailing that leaves between 12:00 and 17:59'],
  evening: ['in the evening (sailing at 18:00 or later)', 'on a sailing that leaves at 18:00 or later'],
};
const periodOf = (hhmm: string) => {
  const p = dayPeriodOf(hhmm);
  return { ...p, words: PERIOD_WORDS[p.id] };
};


function journeyCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const a = t.attrs;
  const isReturn = a.tripType === 'return';
  out.push({
    role: 'key',
    constraint: { id: 'trip', kind: 'exact', stage: 'search', field: 'tripType', value: String(a.tripType) },
    phrases: isReturn
      ? clauses('trip', [{ id: 'return', text: 'a return ferry crossing' }, { id: 'there-back', text: 'ferry tickets there and back' }])
      : clauses('trip', [{ id: 'oneway', text: 'a one-way ferry crossing' }, { id: 'single', text: 'a single ferry ticket' }]),
  });
  const from = placeName(a.origin as string);
  const to = placeName(a.destination as string);
  out.push({ role: 'key', constraint: { id: 'origin', kind: 'exact', stage: 'search', field: 'origin', value: String(a.origin) }, phrases: clauses('origin', [{ id: 'from', text: `from ${from}` }, { id: 'sailing', text: `sailing from ${from}` }]) });
  out.push({ role: 'key', constraint: { id: 'destination', kind: 'exact', stage: 'search', field: 'destination', value: String(a.destination) }, phrases: clauses('destination', [{ id: 'to', text: `to ${to}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: String(a.date) }, phrases: clauses('date', datePhrases(String(a.date))) });
  if (isReturn && typeof a.returnDate === 'string') {
    const back = datePhrases(a.returnDate, 'coming back on').filter((p) => p.text.startsWith('coming back on'));
    out.push({ role: 'key', constraint: { id: 'return-date', kind: 'exact', stage: 'search', field: 'returnDate', value: a.returnDate }, phrases: clauses('return-date', back) });
  }
  const adults = Number(a.adults ?? 1);
  out.push({
    role: 'core',
    slot: 'who',
    constraint: { id: 'adults', kind: 'count', stage: 'search', field: 'adults', value: adults },
    phrases: clauses('adults', [
      { id: 'n', text: `for ${adults} adult${adults === 1 ? '' : 's'}` },
      { id: 'word', text: `for ${plural(adults, 'adult')}` },
    ]),
  });
  const children = Number(a.children ?? 0);
  out.push({
    role: children > 0 ? 'core' : 'refine',
    slot: 'who',
    constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: children },
    phrases: children > 0 ? clauses('children', [{ id: 'n', text: `with ${plural(children, 'child', 'children')} aged 4 to 15` }]) : clauses('children', [{ id: 'none', text: 'with no children' }]),
  });
  const vehicle = String(a.vehicle ?? 'none') as keyof typeof VEHICLES;
  out.push({
    role: 'core',
    slot: 'who',
    constraint: { id: 'vehicle', kind: 'exact', stage: 'search', field: 'vehicle', value: vehicle },
    phrases: vehicle === 'none' ? clauses('vehicle', [{ id: 'foot', text: 'as foot passengers with no vehicle' }]) : clauses('vehicle', [{ id: 'taking', text: `taking ${VEHICLES[vehicle].noun} on board` }, { id: 'with', text: `with ${VEHICLES[vehicle].noun}` }]),
  });
  return out;
}

/** What a request says about one leg's sailing: the outbound (listing-level) or the return (its item). */
function legCandidates(t: Target, attrs: Attrs, leg: 'out' | 'back', results: readonly Listing[]): Candidate[] {
  const out: Candidate[] = [];
  const pre = leg === 'back' ? 'return.' : '';
  const id = (s: string) => (leg === 'back' ? `return-${s}` : s);
  const there = leg === 'back' ? 'coming back' : 'going out';
  const where = leg === 'back' ? 'on the way back' : 'on the way out';
  const listingLevel = leg === 'out';
  const match = <T extends Candidate>(c: T, m: (l: Listing) => boolean): T => (listingLevel ? { ...c, matchesListing: m } : c);

  const period = periodOf(String(attrs.departTime));
  out.push(
    match(
      {
        role: leg === 'back' ? 'core' : 'refine',
        constraint: { id: id('depart-period'), kind: 'time_window', stage: 'selection', field: `${pre}departTime`, ...(period.after ? { after: period.after } : {}), ...(period.before ? { before: period.before } : {}) },
        phrases: clauses(id('depart-period'), period.words.map((w, i) => ({ id: `${period.id}-${i}`, text: `${there} ${w}` }))),
      },
      (l) => inDayPeriod(period, l.attrs.departTime),
    ),
  );

  if (attrs.fast === true) {
    out.push(match({ role: 'refine', constraint: { id: id('fast'), kind: 'exact', stage: 'selection', field: `${pre}fast`, value: true }, phrases: clauses(id('fast'), [{ id: 'fast', text: `on a fast ferry ${there}` }]) }, (l) => l.attrs.fast === true));
  } else if (leg === 'out') {
    const max = Math.ceil(Number(attrs.durationMin) / 60) * 60;
    out.push({
      role: 'refine',
      constraint: { id: 'duration-max', kind: 'range', stage: 'selection', field: 'durationMin', max },
      phrases: clauses('duration-max', [{ id: 'at-most', text: `with a crossing of at most ${formatDuration(max)} on the way out` }]),
      matchesListing: (l) => typeof l.attrs.durationMin === 'number' && l.attrs.durationMin <= max,
    });
  }

  const operator = String(attrs.operator);
  const others = [...new Set(results.map((l) => String(l.attrs.operator)))].filter((o) => o !== operator).sort();
  const avoid = others.length > 0 && spread(`${leg}${t.listing.id}`) % 3 === 1 ? others[spread(t.listing.id) % others.length] : undefined;
  if (avoid) {
    out.push(match({ role: 'refine', constraint: { id: id('avoid-operator'), kind: 'set', stage: 'selection', field: `${pre}operator`, mode: 'excludes', values: [avoid] }, phrases: clauses(id('avoid-operator'), [{ id: 'not', text: `not with ${avoid} ${there}` }]) }, (l) => l.attrs.operator !== undefined && norm(String(l.attrs.operator)) !== norm(avoid)));
  } else {
    out.push(match({ role: 'refine', constraint: { id: id('operator'), kind: 'exact', stage: 'selection', field: `${pre}operator`, value: operator }, phrases: clauses(id('operator'), [{ id: 'with', text: `with ${operator} ${there}` }]) }, (l) => typeof l.attrs.operator === 'string' && norm(l.attrs.operator) === norm(operator)));
  }

  const fare = String(attrs.fare);
  const fareName = FARES[fare as keyof typeof FARES]?.label ?? fare;
  const way = leg === 'back' ? 'the return sailing' : 'the outbound sailing';
  out.push({ role: 'refine', constraint: { id: id('fare'), kind: 'exact', stage: 'selection', field: `${pre}fare`, value: fare }, phrases: sentences(id('fare'), [{ id: 'pick', text: `Take the ${fareName} fare on ${way}.` }]) });
  if (leg === 'out' && attrs.refundable === true) {
    out.push({ role: 'refine', constraint: { id: 'refundable', kind: 'exact', stage: 'selection', field: 'refundable', value: true }, phrases: sentences('refundable', [{ id: 'need', text: 'The outbound ticket must be refundable.' }]) });
  }
  const paid = attrs.adultFare;
  if (leg === 'out' && typeof paid === 'number') {
    const max = roundUpNice(paid);
    out.push({ role: 'refine', constraint: { id: 'fare-price-max', kind: 'range', stage: 'selection', field: 'adultFare', max }, phrases: clauses('fare-price-max', [{ id: 'paying', text: `paying no more than €${max} per adult on the way out` }]) });
  }

  // Where to sit or sleep: the accommodation itself, or a cabin with a sea view, or no cabin at all.
  const acc = String(attrs.accommodation) as keyof typeof ACCOMMODATIONS;
  const spec = ACCOMMODATIONS[acc];
  if (spec) {
    const role = leg === 'out' ? 'core' : 'refine';
    if (attrs.cabin === true && attrs.seaView === true && spread(`${leg}${t.listing.id}acc`) % 2 === 0) {
      out.push({ role, constraint: { id: id('sea-view'), kind: 'exact', stage: 'selection', field: `${pre}seaView`, value: true }, phrases: sentences(id('sea-view'), [{ id: 'window', text: `We want a cabin with a sea view ${where}.` }]) });
    } else if (attrs.cabin === true) {
      out.push({ role, constraint: { id: id('accommodation'), kind: 'exact', stage: 'selection', field: `${pre}accommodation`, value: acc }, phrases: sentences(id('accommodation'), [{ id: 'cabin', text: `Book ${spec.noun} ${where}.` }]) });
    } else if (acc === 'reclining') {
      out.push({ role, constraint: { id: id('accommodation'), kind: 'exact', stage: 'selection', field: `${pre}accommodation`, value: acc }, phrases: sentences(id('accommodation'), [{ id: 'seat', text: `Reserve reclining seats ${where}.` }]) });
    } else {
      out.push({ role, constraint: { id: id('cabin'), kind: 'exact', stage: 'selection', field: `${pre}cabin`, value: false }, phrases: sentences(id('cabin'), [{ id: 'no-cabin', text: `No cabin ${where}.` }]) });
    }
  }
  return out;
}

function candidates(t: Target): Candidate[] {
  const back = t.items.find((it) => it.slot === 'return');
  return [...journeyCandidates(t), ...legCandidates(t, t.attrs, 'out', t.results), ...(back ? legCandidates(t, back.attrs, 'back', []) : [])];
}

export const ferrywayTasks: TaskCatalogue = {
  siteId: 'ferryway',
  intros: ['Book', 'Please book', 'I need', 'Find and book'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'adultFare', objective: 'min', phrases: sentences('cheapest', [{ id: 'lowest', text: 'On the way out, pay the lowest fare per adult among the sailings and fares that fit.' }]) },
    { id: 'earliest', field: 'departTime', objective: 'min', phrases: sentences('earliest', [{ id: 'first', text: 'On the way out, take the earliest sailing that fits.' }]) },
    { id: 'latest', field: 'departTime', objective: 'max', phrases: sentences('latest', [{ id: 'last', text: 'On the way out, take the latest sailing that fits.' }]) },
    { id: 'fastest', field: 'durationMin', objective: 'min', phrases: sentences('fastest', [{ id: 'quickest', text: 'On the way out, take the quickest crossing that fits.' }]) },
  ],
};
