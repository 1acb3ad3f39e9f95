import { formatDuration } from '../../core/dates.js';
import { dayPeriodOf, inDayPeriod, type DayPeriodId } from '../kit/day-periods.js';
import type { Attrs } from '../../core/schemas/episode-state.js';
import type { Listing } from '../engine/site-definition.js';
import type { Candidate, Target } from '../kit/task-catalogue.js';
import type { TaskCatalogue } from '../kit/task-catalogue.js';
import { clauses, datePhrases, listPhrase, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import { FARES } from './inventory.js';
import { cityOf } from './stations.js';

/**
 * Coachly (coaches): what people ask of a coach booking. The trip (one way or return, places,
 * dates, who travels by type), the coach there (time of day, transfers, travel time, company,
 * what is on board), the fare and the seats (by the window, the seats themselves, no paid seats),
 * and for a return trip the same of the coach back (`return.*`). Candidates are a pure function
 * of the target.
 */

const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const spread = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);
const plural = (n: number, one: string, many = `${one}s`) => `${n === 1 ? 'one' : numberWord(n)} ${n === 1 ? one : many}`;

const AMENITY_SAY: Record<string, string> = { wifi: 'Wi-Fi', 'power-sockets': 'power sockets', toilet: 'a toilet', 'bike-rack': 'a bike rack', 'snack-bar': 'snacks on board' };
const AMENITY_RARITY = ['snack-bar', 'bike-rack', 'power-sockets', 'wifi', 'toilet'];
const amenitiesOf = (l: Listing) => (Array.isArray(l.attrs.amenities) ? l.attrs.amenities.map(String) : []);

/** How a coach request names each part of the day (the windows are the kit's: sites/kit/day-periods.ts). */
const PERIOD_WORDS: Record<DayPeriodId, string[]> = {
  night: ['overnight, leaving before 6 am (05:59 at the latest)', 'on a night coach that leaves by 05:59'],
  morning: ['in the morning (leaving 06:00 to 11:59)', 'on a coach leaving between 06:00 and 11:59'],
  afternoon: ['in the afternoon (leaving 12:00 to 17:59)', 'on a coach leaving between 12:00 and 17:59'],
  evening: ['in the evening (leaving at 18:00 or later)', 'on a coach that leaves at 18:00 or later'],
};
const periodOf = (hhmm: string) => {
  const p = dayPeriodOf(hhmm);
  return { ...p, words: PERIOD_WORDS[p.id] };
};


function tripCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const a = t.attrs;
  const isReturn = a.tripType === 'return';
  out.push({
    role: 'key',
    constraint: { id: 'trip', kind: 'exact', stage: 'search', field: 'tripType', value: String(a.tripType) },
    phrases: isReturn
      ? clauses('trip', [{ id: 'return', text: 'return coach tickets' }, { id: 'there-back', text: 'coach tickets there and back' }])
      : clauses('trip', [{ id: 'oneway', text: 'one-way coach tickets' }, { id: 'single', text: 'single coach tickets' }]),
  });
  const from = cityOf(a.origin as string);
  const to = cityOf(a.destination as string);
  out.push({ role: 'key', constraint: { id: 'origin', kind: 'exact', stage: 'search', field: 'origin', value: String(a.origin) }, phrases: clauses('origin', [{ id: 'from', text: `from ${from}` }, { id: 'leaving', text: `leaving from ${from}` }]) });
  out.push({ role: 'key', constraint: { id: 'destination', kind: 'exact', stage: 'search', field: 'destination', value: String(a.destination) }, phrases: clauses('destination', [{ id: 'to', text: `to ${to}` }, { id: 'heading', text: `heading to ${to}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: String(a.date) }, phrases: clauses('date', datePhrases(String(a.date))) });
  if (isReturn && typeof a.returnDate === 'string') {
    const back = datePhrases(a.returnDate, 'coming back on').filter((p) => p.text.startsWith('coming back on'));
    out.push({ role: 'key', constraint: { id: 'return-date', kind: 'exact', stage: 'search', field: 'returnDate', value: a.returnDate }, phrases: clauses('return-date', back) });
  }

  const who: [string, string, string][] = [
    ['adults', 'adult', 'adults'],
    ['seniors', 'senior (60+)', 'seniors (60+)'],
    ['children', 'child aged 2 to 14', 'children aged 2 to 14'],
  ];
  for (const [field, one, many] of who) {
    const n = Number(a[field] ?? 0);
    if (n > 0) {
      out.push({
        role: 'core',
        slot: 'who',
        constraint: { id: field, kind: 'count', stage: 'search', field, value: n },
        phrases: clauses(field, [
          { id: 'n', text: `for ${n} ${n === 1 ? one : many}` },
          { id: 'word', text: `for ${plural(n, one, many)}` },
        ]),
      });
    } else if (field !== 'adults') {
      out.push({
        role: 'refine',
        slot: 'who',
        constraint: { id: field, kind: 'count', stage: 'search', field, value: 0 },
        phrases: clauses(field, [{ id: 'none', text: `with no ${many.split(' ')[0]}` }]),
      });
    }
  }
  return out;
}

/** What a request says about one leg's coach: the outbound (listing-level) or the return (its item). */
function legCandidates(t: Target, attrs: Attrs, leg: 'out' | 'back', results: readonly Listing[]): Candidate[] {
  const out: Candidate[] = [];
  const pre = leg === 'back' ? 'return.' : '';
  const id = (s: string) => (leg === 'back' ? `return-${s}` : s);
  const there = leg === 'back' ? 'coming back' : 'going out';
  const listingLevel = leg === 'out';
  const match = <T extends Candidate>(c: T, m: (l: Listing) => boolean): T => (listingLevel ? { ...c, matchesListing: m } : c);

  const period = periodOf(String(attrs.departTime));
  out.push(
    match(
      {
        // When to come back is what a return request usually says; the way there is a refinement.
        role: leg === 'back' ? 'core' : 'refine',
        constraint: { id: id('depart-period'), kind: 'time_window', stage: 'selection', field: `${pre}departTime`, ...(period.after ? { after: period.after } : {}), ...(period.before ? { before: period.before } : {}) },
        phrases: clauses(id('depart-period'), period.words.map((w, i) => ({ id: `${period.id}-${i}`, text: `${there} ${w}` }))),
      },
      (l) => inDayPeriod(period, l.attrs.departTime),
    ),
  );

  const changes = Number(attrs.changes);
  if (changes === 0) {
    out.push(
      match(
        { role: 'refine', constraint: { id: id('direct'), kind: 'range', stage: 'selection', field: `${pre}changes`, max: 0 }, phrases: clauses(id('direct'), [{ id: 'direct', text: `on a direct coach ${there}` }, { id: 'no-change', text: `with no transfer ${there}` }]) },
        (l) => typeof l.attrs.changes === 'number' && l.attrs.changes <= 0,
      ),
    );
  }

  if (leg === 'out') {
    const max = Math.ceil(Number(attrs.durationMin) / 60) * 60;
    out.push({
      role: 'refine',
      constraint: { id: 'duration-max', kind: 'range', stage: 'selection', field: 'durationMin', max },
      phrases: clauses('duration-max', [{ id: 'at-most', text: `taking at most ${formatDuration(max)} on the way there` }]),
      matchesListing: (l) => typeof l.attrs.durationMin === 'number' && l.attrs.durationMin <= max,
    });
    const mine = amenitiesOf(t.listing);
    const wanted = AMENITY_RARITY.filter((x) => mine.includes(x)).slice(0, 2);
    if (wanted.length > 0) {
      const said = listPhrase(wanted.map((x) => AMENITY_SAY[x] ?? x));
      out.push({
        role: 'refine',
        constraint: { id: 'amenities', kind: 'set', stage: 'selection', field: 'amenities', mode: 'includes_all', values: wanted },
        phrases: clauses('amenities', [{ id: 'with', text: `on a coach with ${said}` }]),
        matchesListing: (l) => wanted.every((w) => amenitiesOf(l).map(norm).includes(norm(w))),
      });
    }
  }

  const operator = String(attrs.operator);
  const others = [...new Set(results.map((l) => String(l.attrs.operator)))].filter((o) => o !== operator).sort();
  const avoid = others.length > 0 && spread(`${leg}${t.listing.id}`) % 3 === 1 ? others[spread(t.listing.id) % others.length] : undefined;
  if (avoid) {
    out.push(
      match(
        { role: 'refine', constraint: { id: id('avoid-operator'), kind: 'set', stage: 'selection', field: `${pre}operator`, mode: 'excludes', values: [avoid] }, phrases: clauses(id('avoid-operator'), [{ id: 'not', text: `not with ${avoid} ${there}` }]) },
        (l) => l.attrs.operator !== undefined && norm(String(l.attrs.operator)) !== norm(avoid),
      ),
    );
  } else {
    out.push(
      match(
        { role: 'refine', constraint: { id: id('operator'), kind: 'exact', stage: 'selection', field: `${pre}operator`, value: operator }, phrases: clauses(id('operator'), [{ id: 'with', text: `with ${operator} ${there}` }]) },
        (l) => typeof l.attrs.operator === 'string' && norm(l.attrs.operator) === norm(operator),
      ),
    );
  }

  // The fare and its terms.
  const fare = String(attrs.fare);
  const fareName = FARES[fare as keyof typeof FARES]?.label ?? fare;
  const way = leg === 'back' ? 'the return coach' : 'the outbound coach';
  out.push({
    role: 'refine',
    constraint: { id: id('fare'), kind: 'exact', stage: 'selection', field: `${pre}fare`, value: fare },
    phrases: sentences(id('fare'), [
      { id: 'pick', text: `Take the ${fareName} fare on ${way}.` },
      { id: 'want', text: `I want a ${fareName} ticket for ${way}.` },
    ]),
  });
  if (leg === 'out' && attrs.refundable === true) {
    out.push({ role: 'refine', constraint: { id: 'refundable', kind: 'exact', stage: 'selection', field: 'refundable', value: true }, phrases: sentences('refundable', [{ id: 'need', text: 'The outbound ticket must be refundable.' }]) });
  }
  const paid = attrs.adultFare;
  if (leg === 'out' && typeof paid === 'number' && Number(t.attrs.adults ?? 0) > 0) {
    const max = roundUpNice(paid);
    out.push({ role: 'refine', constraint: { id: 'fare-price-max', kind: 'range', stage: 'selection', field: 'adultFare', max }, phrases: clauses('fare-price-max', [{ id: 'paying', text: `paying no more than €${max} per adult on the way there` }]) });
  }

  // Seats: by the window, the seats themselves, nothing that costs extra.
  const n = Number(attrs.seatCount ?? 0);
  const windows = Number(attrs.windowSeats ?? 0);
  const where = leg === 'back' ? 'on the way back' : 'on the way there';
  if (windows > 0) {
    const all = windows === n;
    out.push({
      // Where to sit is what most coach requests say.
      role: leg === 'out' ? 'core' : 'refine',
      constraint: { id: id('window-seats'), kind: 'range', stage: 'selection', field: `${pre}windowSeats`, min: windows },
      phrases: sentences(id('window-seats'), [
        all && n === 1 ? { id: 'one', text: `I want a window seat ${where}.` } : all ? { id: 'all', text: `We all want window seats ${where}.` } : { id: 'some', text: `At least ${plural(windows, 'of us')} should sit by the window ${where}.` },
      ]),
    });
  } else {
    out.push({
      role: leg === 'out' ? 'core' : 'refine',
      constraint: { id: id('window-seats'), kind: 'range', stage: 'selection', field: `${pre}windowSeats`, max: 0 },
      phrases: sentences(id('window-seats'), [{ id: 'aisle', text: `${n === 1 ? 'I want an aisle seat' : 'We all want aisle seats'} ${where}, not by the window.` }]),
    });
  }
  const seats = Array.isArray(attrs.seats) ? attrs.seats.map(String) : [];
  if (seats.length > 0) {
    out.push({
      role: 'refine',
      constraint: { id: id('seats'), kind: 'set', stage: 'selection', field: `${pre}seats`, mode: 'includes_all', values: seats },
      phrases: sentences(id('seats'), [{ id: 'these', text: `${seats.length === 1 ? 'Reserve seat' : 'Reserve seats'} ${listPhrase(seats)} ${where}.` }]),
    });
  }
  const kinds = Array.isArray(attrs.seatKinds) ? attrs.seatKinds.map(String) : [];
  if (kinds.length === 1 && kinds[0] === 'standard') {
    out.push({
      role: 'refine',
      constraint: { id: id('seat-kinds'), kind: 'set', stage: 'selection', field: `${pre}seatKinds`, mode: 'excludes', values: ['panorama', 'legroom'] },
      phrases: sentences(id('seat-kinds'), [{ id: 'free', text: `Only seats included in the fare ${where}: no panorama or extra-legroom seats.` }]),
    });
  } else if (kinds.includes('panorama')) {
    out.push({
      role: 'refine',
      constraint: { id: id('seat-kinds'), kind: 'set', stage: 'selection', field: `${pre}seatKinds`, mode: 'includes_all', values: ['panorama'] },
      phrases: sentences(id('seat-kinds'), [{ id: 'panorama', text: `At least one of the seats ${where} should be in the panorama front row.` }]),
    });
  }
  return out;
}

function candidates(t: Target): Candidate[] {
  const back = t.items.find((it) => it.slot === 'return');
  return [
    ...tripCandidates(t),
    ...legCandidates(t, t.attrs, 'out', t.results),
    ...(back ? legCandidates(t, back.attrs, 'back', []) : []),
  ];
}

export const coachlyTasks: TaskCatalogue = {
  siteId: 'coachly',
  // The trip clause names the tickets: "Book return coach tickets from ...".
  intros: ['Book', 'Please book', 'Get me', 'I need', 'Find and book'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'adultFare', objective: 'min', phrases: sentences('cheapest', [{ id: 'lowest', text: 'For the way there, pay the lowest fare per adult among the coaches and fares that fit.' }]) },
    { id: 'earliest', field: 'departTime', objective: 'min', phrases: sentences('earliest', [{ id: 'first', text: 'For the way there, take the earliest coach that fits.' }]) },
    { id: 'latest', field: 'departTime', objective: 'max', phrases: sentences('latest', [{ id: 'last', text: 'For the way there, take the latest coach that fits.' }]) },
    { id: 'fastest', field: 'durationMin', objective: 'min', phrases: sentences('fastest', [{ id: 'quickest', text: 'For the way there, take the fastest coach that fits.' }]) },
  ],
};
