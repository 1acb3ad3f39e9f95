import { formatDuration, timeToMinutes } from '../../core/dates.js';
import { AMENITY_LABEL, FARE_LABEL } from './inventory.js';
import { railCity } from './stations.js';
import type { Listing } from '../engine/site-definition.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, indefinite, listPhrase, maxPricePhrases, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';

/**
 * RailGo (trains): what people ask of a rail booking. Search facts (stations, date, departure
 * time, passengers, railcard), train facts (changes, duration, operator, on-board services,
 * night train, departure and arrival times, fares from) and ticket facts (class, fare type,
 * refund terms, price paid per adult).
 *
 * Candidates are a pure function of the target (no randomness), so the constraint a task keeps
 * is the one its superlative was scoped with whenever the target stays the same.
 */

const num = (t: Target, k: string) => Number(t.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);
/** The evaluator's string comparison: case- and space-insensitive. */
const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
/** A stable small number from an id: picks between equivalent ways to ask without randomness. */
const spread = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);
const cityName = (code: string) => railCity(code)?.name ?? code;
const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;
/** Minutes of an "HH:MM" attr, as the evaluator reads it (undefined when not a time). */
const minutesOf = (v: unknown) => (typeof v === 'string' && /^\d{1,2}:\d{2}$/.test(v) ? timeToMinutes(v) : undefined);

/** How people name the services on board. */
const AMENITY_SAY: Record<string, string> = {
  wifi: 'Wi-Fi',
  bistro: 'a bistro car',
  'quiet-coach': 'a quiet coach',
  'power-sockets': 'power sockets',
  'bike-spaces': 'space for bikes',
};
const amenityWords = (a: string) => AMENITY_SAY[a] ?? (AMENITY_LABEL[a] ?? a).toLowerCase();

/** Services from the rarest to the most common across the network. */
const AMENITY_RARITY = ['bike-spaces', 'quiet-coach', 'bistro', 'power-sockets', 'wifi'];
const amenitiesOf = (l: Listing): string[] => (Array.isArray(l.attrs.amenities) ? l.attrs.amenities.map(String) : []);

function searchCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const from = cityName(str(t, 'origin'));
  const to = cityName(str(t, 'destination'));
  out.push({
    role: 'key',
    constraint: { id: 'origin', kind: 'exact', stage: 'search', field: 'origin', value: str(t, 'origin') },
    phrases: clauses('origin', [
      { id: 'from', text: `from ${from}` },
      { id: 'leaving', text: `leaving from ${from}` },
      { id: 'out-of', text: `out of ${from}` },
    ]),
  });
  out.push({
    role: 'key',
    constraint: { id: 'destination', kind: 'exact', stage: 'search', field: 'destination', value: str(t, 'destination') },
    phrases: clauses('destination', [
      { id: 'to', text: `to ${to}` },
      { id: 'heading', text: `heading to ${to}` },
      { id: 'into', text: `into ${to}` },
    ]),
  });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: str(t, 'date') }, phrases: clauses('date', datePhrases(str(t, 'date'))) });

  const adults = num(t, 'adults');
  const children = num(t, 'children');
  const adultsText = (w: string) => `${w} adult${adults > 1 ? 's' : ''}`;
  out.push({
    role: 'core',
    constraint: { id: 'adults', kind: 'count', stage: 'search', field: 'adults', value: adults },
    phrases: clauses('adults', [
      { id: 'n', text: `for ${adultsText(String(adults))}` },
      ...(adults === 1 ? [{ id: 'me', text: children > 0 ? 'for me' : 'just for me' }] : []),
      ...(adults === 2 ? [{ id: 'partner', text: 'for my partner and me' }] : []),
      ...(adults >= 2 ? [{ id: 'word', text: `for ${adultsText(numberWord(adults))}` }] : []),
      ...(adults >= 3 ? [{ id: 'group', text: `for a group of ${numberWord(adults)} adults` }] : []),
    ]),
  });
  if (children > 0) {
    const kids = children === 1 ? 'kid' : `${numberWord(children)} kids`;
    out.push({
      role: 'core',
      constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: children },
      phrases: clauses('children', [
        { id: 'n', text: `with ${children} child${children > 1 ? 'ren' : ''} aged 4 to 11` },
        { id: 'kids', text: `with my ${kids}` },
        { id: 'travelling', text: `travelling with ${children === 1 ? 'one child' : `${numberWord(children)} children`}` },
      ]),
    });
  } else {
    out.push({
      role: 'refine',
      constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: 0 },
      phrases: clauses('children', [{ id: 'none', text: 'with no children' }, { id: 'no-kids', text: 'no kids travelling' }]),
    });
  }

  const railcard = str(t, 'railcard');
  if (railcard === 'youth' || railcard === 'senior') {
    const name = railcard === 'youth' ? 'Youth Railcard' : 'Senior Railcard';
    const who = adults === 1 ? 'I have' : children > 0 ? 'the adults each have' : 'we each have';
    out.push({
      role: 'core',
      slot: 'who',
      constraint: { id: 'railcard', kind: 'exact', stage: 'search', field: 'railcard', value: railcard },
      phrases: [
        ...clauses('railcard', [{ id: 'with', text: `with a ${name} discount` }, { id: 'using', text: `using ${adults > 1 ? 'our' : 'my'} ${name}${adults > 1 ? 's' : ''}` }]),
        ...sentences('railcard', [{ id: 'have', text: `${who.charAt(0).toUpperCase()}${who.slice(1)} a ${name}, so apply the discount.` }]),
      ],
    });
  } else {
    out.push({
      role: 'refine',
      slot: 'who',
      constraint: { id: 'railcard', kind: 'exact', stage: 'search', field: 'railcard', value: 'none' },
      phrases: sentences('railcard', [{ id: 'none', text: "I don't have a railcard." }, { id: 'no-discount', text: 'No railcard discount applies.' }]),
    });
  }

  // The "depart after" of the search, when it differs from the site's default (06:00): it
  // decides which trains the search returns (and so which is the earliest or cheapest).
  const departAfter = str(t, 'departAfter');
  if (/^\d{2}:\d{2}$/.test(departAfter) && departAfter > '06:00') {
    out.push({
      role: 'core',
      constraint: { id: 'depart-after', kind: 'time_window', stage: 'selection', field: 'departTime', after: departAfter },
      phrases: clauses('depart-after', [...afterPhrases(departAfter, 'leaving'), ...afterPhrases(departAfter, 'departing').map((p) => ({ id: `departing-${p.id}`, text: p.text }))]),
      matchesListing: (l) => (minutesOf(l.attrs.departTime) ?? -1) >= timeToMinutes(departAfter),
    });
  } else if (/^\d{2}:\d{2}$/.test(departAfter) && departAfter < '06:00') {
    // Earlier than the default: the search must be widened to see the first trains.
    out.push({
      role: 'core',
      constraint: { id: 'depart-after', kind: 'time_window', stage: 'selection', field: 'departTime', after: departAfter },
      phrases: clauses('depart-after', [{ id: 'any-time', text: 'at any time of day, the earliest trains included' }]),
      matchesListing: (l) => (minutesOf(l.attrs.departTime) ?? -1) >= timeToMinutes(departAfter),
    });
  }
  return out;
}

function trainCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const results = t.results;

  // Changes.
  const changes = num(t, 'changes');
  if (changes <= 1) {
    out.push({
      role: 'refine',
      constraint: { id: 'changes', kind: 'range', stage: 'selection', field: 'changes', max: changes },
      phrases:
        changes === 0
          ? clauses('changes', [{ id: 'direct', text: 'on a direct train' }, { id: 'no-changes', text: 'with no changes' }])
          : clauses('changes', [{ id: 'max-one', text: 'with at most one change' }, { id: 'no-more', text: 'changing trains no more than once' }]),
      matchesListing: (l) => typeof l.attrs.changes === 'number' && l.attrs.changes <= changes,
    });
  }
  const via = t.attrs.changeStations;
  if (changes >= 1 && Array.isArray(via) && via.length > 0) {
    const station = String(via[0]);
    out.push({
      role: 'refine',
      constraint: { id: 'via', kind: 'set', stage: 'selection', field: 'changeStations', mode: 'includes_all', values: [station] },
      phrases: clauses('via', [{ id: 'changing-at', text: `changing at ${station}` }, { id: 'via', text: `via ${station}` }]),
      matchesListing: (l) => Array.isArray(l.attrs.changeStations) && l.attrs.changeStations.some((s) => norm(String(s)) === norm(station)),
    });
  }

  // Journey time, rounded up to the half hour.
  const maxDuration = Math.ceil(num(t, 'durationMin') / 30) * 30;
  out.push({
    role: 'refine',
    constraint: { id: 'duration-max', kind: 'range', stage: 'selection', field: 'durationMin', max: maxDuration },
    phrases: clauses('duration-max', [
      { id: 'at-most', text: `taking at most ${formatDuration(maxDuration)}` },
      { id: 'no-longer', text: `with a journey of no more than ${formatDuration(maxDuration)}` },
    ]),
    matchesListing: (l) => typeof l.attrs.durationMin === 'number' && l.attrs.durationMin <= maxDuration,
  });

  // Operator: the target's, or one the traveller avoids (never both: "with A, not with B").
  const operator = str(t, 'operator');
  const others = [...new Set(results.map((l) => String(l.attrs.operator)))].filter((o) => o !== operator).sort();
  const avoid = others.length > 0 && spread(t.listing.id) % 2 === 1 ? others[spread(t.listing.id) % others.length] : undefined;
  if (!avoid) out.push({
    role: 'refine',
    constraint: { id: 'operator', kind: 'exact', stage: 'selection', field: 'operator', value: operator },
    phrases: clauses('operator', [{ id: 'with', text: `with ${operator}` }, { id: 'train', text: `on ${indefinite(operator)} ${operator} train` }]),
    matchesListing: (l) => typeof l.attrs.operator === 'string' && norm(l.attrs.operator) === norm(operator),
  });
  if (avoid) {
    out.push({
      role: 'refine',
      constraint: { id: 'avoid-operator', kind: 'set', stage: 'selection', field: 'operator', mode: 'excludes', values: [avoid] },
      phrases: [
        ...clauses('avoid-operator', [{ id: 'not', text: `not with ${avoid}` }]),
        ...sentences('avoid-operator', [{ id: 'rather-not', text: `I'd rather not travel with ${avoid}.` }]),
      ],
      matchesListing: (l) => l.attrs.operator !== undefined && norm(String(l.attrs.operator)) !== norm(avoid),
    });
  }

  // On board: the target's two rarest services, in a fixed order (stable across targets).
  const mine = amenitiesOf(t.listing);
  if (mine.length > 0) {
    const wanted = AMENITY_RARITY.filter((a) => mine.includes(a)).slice(0, 2);
    const said = listPhrase(wanted.map(amenityWords));
    out.push({
      role: 'refine',
      constraint: { id: 'amenities', kind: 'set', stage: 'selection', field: 'amenities', mode: 'includes_all', values: wanted },
      phrases: clauses('amenities', [{ id: 'with', text: `with ${said} on board` }, { id: 'train-with', text: `on a train that has ${said}` }]),
      matchesListing: (l) => {
        const have = amenitiesOf(l).map(norm);
        return wanted.every((w) => have.includes(norm(w)));
      },
    });
  }

  // Night train, or not (said only when the search has both kinds).
  const night = t.attrs.nightTrain === true;
  if (night) {
    out.push({
      role: 'refine',
      constraint: { id: 'night-train', kind: 'exact', stage: 'selection', field: 'nightTrain', value: true },
      phrases: clauses('night-train', [{ id: 'on', text: 'on the night train' }, { id: 'sleep', text: 'on an overnight train so I can sleep on the way' }]),
      matchesListing: (l) => l.attrs.nightTrain === true,
    });
  } else if (results.some((l) => l.attrs.nightTrain === true)) {
    out.push({
      role: 'refine',
      constraint: { id: 'night-train', kind: 'exact', stage: 'selection', field: 'nightTrain', value: false },
      phrases: [...clauses('night-train', [{ id: 'not', text: 'not on a night train' }]), ...sentences('night-train', [{ id: 'regular', text: 'I want a regular train, not the night train.' }])],
      matchesListing: (l) => l.attrs.nightTrain === false,
    });
  }

  // Time of day of the departure, in the site's own windows.
  const dep = str(t, 'departTime');
  const depMin = timeToMinutes(dep);
  const period =
    depMin < 12 * 60
      ? { before: '11:59', phrases: [{ id: 'morning', text: 'in the morning (before noon)' }, { id: 'before-noon', text: 'on a train that leaves before noon (11:59 at the latest)' }] }
      : depMin < 18 * 60
        ? { after: '12:00', before: '17:59', phrases: [{ id: 'afternoon', text: 'in the afternoon (leaving 12:00 to 17:59)' }, { id: 'between', text: 'on a train leaving between 12:00 and 17:59' }] }
        : { after: '18:00', phrases: [{ id: 'evening', text: 'in the evening (leaving at 18:00 or later)' }, { id: 'evening-train', text: 'on an evening train, at 18:00 or later' }] };
  const lo = period.after === undefined ? undefined : timeToMinutes(period.after);
  const hi = period.before === undefined ? undefined : timeToMinutes(period.before);
  out.push({
    role: 'refine',
    constraint: { id: 'depart-period', kind: 'time_window', stage: 'selection', field: 'departTime', ...(period.after ? { after: period.after } : {}), ...(period.before ? { before: period.before } : {}) },
    phrases: clauses('depart-period', period.phrases),
    matchesListing: (l) => {
      const m = minutesOf(l.attrs.departTime);
      return m !== undefined && (lo === undefined || m >= lo) && (hi === undefined || m <= hi);
    },
  });

  // Arrival: "arriving before 3 pm", only when no next-day arrival could pass the clock check.
  const arrH = Number(str(t, 'arriveTime').slice(0, 2));
  if (t.attrs.arriveNextDay !== true && arrH < 23) {
    const before = hour(arrH + 1);
    const limit = timeToMinutes(before);
    const fooled = results.some((l) => l.attrs.arriveNextDay === true && (minutesOf(l.attrs.arriveTime) ?? Infinity) <= limit);
    if (!fooled) {
      out.push({
        role: 'refine',
        constraint: { id: 'arrive-before', kind: 'time_window', stage: 'selection', field: 'arriveTime', before },
        phrases: clauses('arrive-before', [...beforePhrases(before, 'arriving'), { id: 'there-by', text: `getting there by ${before}` }]),
        matchesListing: (l) => {
          const m = minutesOf(l.attrs.arriveTime);
          return m !== undefined && m <= limit;
        },
      });
    }
  }

  return out;
}

function ticketCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const cls = str(t, 'travelClass');
  out.push({
    role: 'refine',
    constraint: { id: 'class', kind: 'exact', stage: 'selection', field: 'travelClass', value: cls },
    phrases:
      cls === 'first'
        ? clauses('class', [{ id: 'in', text: 'in first class' }, { id: 'travel', text: 'travelling first class' }])
        : clauses('class', [{ id: 'in', text: 'in standard class' }, { id: 'travel', text: 'travelling standard class' }]),
  });
  const fare = str(t, 'fare');
  const fareName = FARE_LABEL[fare as keyof typeof FARE_LABEL] ?? fare;
  out.push({
    role: 'refine',
    constraint: { id: 'fare', kind: 'exact', stage: 'selection', field: 'fare', value: fare },
    phrases: sentences('fare', [
      { id: 'pick', text: `Pick the ${fareName} fare.` },
      { id: 'want', text: `I want a ${fareName} ticket.` },
    ]),
  });
  if (t.attrs.fullyRefundable === true) {
    out.push({
      role: 'refine',
      constraint: { id: 'fully-refundable', kind: 'exact', stage: 'selection', field: 'fullyRefundable', value: true },
      phrases: sentences('fully-refundable', [{ id: 'need', text: 'I need a fully refundable ticket.' }, { id: 'money-back', text: 'Make sure I can get all my money back if I cancel.' }]),
    });
  } else if (t.attrs.refundable === true) {
    out.push({
      role: 'refine',
      constraint: { id: 'refundable', kind: 'exact', stage: 'selection', field: 'refundable', value: true },
      phrases: sentences('refundable', [{ id: 'must', text: 'The ticket must be refundable.' }, { id: 'not-saver', text: 'I need a ticket I can get a refund on.' }]),
    });
  }
  // What one adult pays for the chosen class and fare (railcard applied): a fact of the booking.
  const paid = t.attrs.adultFare;
  if (typeof paid === 'number') {
    const max = roundUpNice(paid);
    out.push({
      role: 'refine',
      constraint: { id: 'fare-price-max', kind: 'range', stage: 'selection', field: 'adultFare', max },
      phrases: clauses('fare-price-max', [{ id: 'paying', text: `paying no more than €${max} per adult ticket` }, ...maxPricePhrases(max, 'per adult ticket').slice(1)]),
    });
  }
  return out;
}

function candidates(t: Target): Candidate[] {
  return [...searchCandidates(t), ...trainCandidates(t), ...ticketCandidates(t)];
}

export const railgoTasks: TaskCatalogue = {
  siteId: 'railgo',
  intros: ['Book a train', 'Book me a train', 'Find and book train tickets', 'I need train tickets', 'Get me on a train', 'Please book a rail journey'],
  candidates,
  superlatives: [
    {
      id: 'cheapest',
      field: 'adultFare',
      objective: 'min',
      // What one adult pays for the class and fare chosen: the cheapest ticket, not the train's "from" price.
      phrases: sentences('cheapest', [
        { id: 'lowest', text: 'Pay the lowest fare per adult you can among the trains and tickets that fit.' },
        { id: 'cheapest-ticket', text: 'Of the trains and tickets that fit, take the cheapest per adult.' },
      ]),
    },
    {
      id: 'fastest',
      field: 'durationMin',
      objective: 'min',
      phrases: sentences('fastest', [{ id: 'pick', text: 'Take the fastest train that fits.' }, { id: 'shortest', text: 'Of the trains that fit, pick the one with the shortest journey time.' }]),
    },
    {
      id: 'earliest',
      field: 'departTime',
      objective: 'min',
      phrases: sentences('earliest', [{ id: 'pick', text: 'Take the earliest departure that fits.' }, { id: 'first', text: 'I want the first train that matches.' }]),
    },
    {
      id: 'latest',
      field: 'departTime',
      objective: 'max',
      phrases: sentences('latest', [{ id: 'pick', text: 'Take the latest departure that fits.' }, { id: 'last', text: 'I want the last train that matches.' }]),
    },
  ],
};
