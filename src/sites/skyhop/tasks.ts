import { formatDuration } from '../../core/dates.js';
import { cityOfAirport } from './inventory.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';

const num = (t: Target, k: string) => Number(t.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const from = cityOfAirport(str(t, 'origin'));
  const to = cityOfAirport(str(t, 'destination'));
  out.push({ role: 'key', constraint: { id: 'origin', kind: 'exact', stage: 'search', field: 'origin', value: str(t, 'origin') }, phrases: clauses('origin', [{ id: 'from', text: `from ${from}` }, { id: 'leaving', text: `leaving from ${from}` }]) });
  out.push({ role: 'key', constraint: { id: 'destination', kind: 'exact', stage: 'search', field: 'destination', value: str(t, 'destination') }, phrases: clauses('destination', [{ id: 'to', text: `to ${to}` }, { id: 'bound', text: `bound for ${to}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: str(t, 'date') }, phrases: clauses('date', datePhrases(str(t, 'date'))) });
  const adults = num(t, 'adults');
  const children = num(t, 'children');
  out.push({
    role: 'core',
    constraint: { id: 'adults', kind: 'count', stage: 'search', field: 'adults', value: adults },
    phrases: clauses('adults', [
      { id: 'n', text: `for ${adults} adult${adults > 1 ? 's' : ''}` },
      ...(adults === 1 ? [{ id: 'me', text: 'for me' }] : []),
      ...(adults === 2 ? [{ id: 'partner', text: 'for my partner and me' }] : [{ id: 'word', text: `for ${numberWord(adults)} adult${adults > 1 ? 's' : ''}` }]),
    ]),
  });
  if (children > 0) {
    out.push({
      role: 'core',
      constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: children },
      phrases: clauses('children', [{ id: 'n', text: `with ${children} child${children > 1 ? 'ren' : ''}` }, { id: 'kids', text: children === 1 ? 'with my kid' : `with my ${numberWord(children)} kids` }]),
    });
  } else {
    out.push({ role: 'refine', constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: 0 }, phrases: clauses('children', [{ id: 'none', text: 'with no children' }]) });
  }
  const cabin = str(t, 'cabin');
  out.push({
    role: cabin === 'economy' ? 'refine' : 'core',
    constraint: { id: 'cabin', kind: 'exact', stage: 'search', field: 'cabin', value: cabin },
    phrases: clauses('cabin', [{ id: 'in', text: `in ${cabin === 'premium' ? 'premium economy' : cabin}${cabin === 'economy' ? '' : ' class'}` }, { id: 'fly', text: `flying ${cabin === 'premium' ? 'premium economy' : cabin}` }]),
  });

  // Listing facts.
  const stops = num(t, 'stops');
  out.push({
    role: 'refine',
    constraint: { id: 'stops', kind: 'range', stage: 'selection', field: 'stops', max: stops === 0 ? 0 : Math.max(stops, 1) },
    phrases: stops === 0 ? clauses('stops', [{ id: 'nonstop', text: 'non-stop' }, { id: 'direct', text: 'on a direct flight' }]) : clauses('stops', [{ id: 'max', text: `with at most ${Math.max(stops, 1)} stop${Math.max(stops, 1) > 1 ? 's' : ''}` }]),
    matchesListing: (l) => Number(l.attrs.stops) <= (stops === 0 ? 0 : Math.max(stops, 1)),
  });
  const airline = str(t, 'airline');
  out.push({ role: 'refine', constraint: { id: 'airline', kind: 'exact', stage: 'selection', field: 'airline', value: airline }, phrases: clauses('airline', [{ id: 'with', text: `with ${airline}` }, { id: 'on', text: `on ${airline}` }]), matchesListing: (l) => l.attrs.airline === airline });
  const dep = str(t, 'departTime');
  const depH = Number(dep.slice(0, 2));
  if (depH >= 9) {
    const after = `${String(depH).padStart(2, "0")}:00`;
    out.push({ role: 'refine', constraint: { id: 'depart-after', kind: 'time_window', stage: 'selection', field: 'departTime', after }, phrases: clauses('depart-after', afterPhrases(after, 'departing')), matchesListing: (l) => String(l.attrs.departTime) >= after });
  } else {
    const before = `${String(depH + 1).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'depart-before', kind: 'time_window', stage: 'selection', field: 'departTime', before }, phrases: clauses('depart-before', beforePhrases(before, 'departing')), matchesListing: (l) => String(l.attrs.departTime) <= before });
  }
  // What one adult pays for the fare chosen (before taxes), not the flight's "from" price.
  const maxFare = roundUpNice(num(t, 'farePrice'));
  out.push({
    role: 'refine',
    constraint: { id: 'fare-price-max', kind: 'range', stage: 'selection', field: 'farePrice', max: maxFare },
    phrases: clauses('fare-price-max', [
      { id: 'fare-of', text: `with a fare of at most €${maxFare} per adult before taxes` },
      { id: 'paying', text: `paying no more than €${maxFare} per adult for the fare, taxes aside` },
    ]),
  });
  const maxDuration = Math.ceil(num(t, 'durationMin') / 60) * 60;
  out.push({
    role: 'refine',
    constraint: { id: 'duration-max', kind: 'range', stage: 'selection', field: 'durationMin', max: maxDuration },
    phrases: clauses('duration-max', [{ id: 'under', text: `taking at most ${formatDuration(maxDuration)}` }]),
    matchesListing: (l) => Number(l.attrs.durationMin) <= maxDuration,
  });

  // Choice facts: the fare.
  const fare = str(t, 'fare');
  const fareName = fare === 'basic' ? 'Basic' : fare === 'standard' ? 'Standard' : 'Flex';
  out.push({ role: 'refine', constraint: { id: 'fare', kind: 'exact', stage: 'selection', field: 'fare', value: fare }, phrases: sentences('fare', [{ id: 'pick', text: `Pick the ${fareName} fare.` }, { id: 'want', text: `I want a ${fareName} fare.` }]) });
  if (t.attrs.refundable === true) {
    out.push({ role: 'refine', constraint: { id: 'refundable', kind: 'exact', stage: 'selection', field: 'refundable', value: true }, phrases: sentences('refundable', [{ id: 'must', text: 'The ticket must be refundable.' }]) });
  }
  if (num(t, 'checkedBags') >= 1) {
    out.push({ role: 'refine', constraint: { id: 'bag-included', kind: 'range', stage: 'selection', field: 'checkedBags', min: 1 }, phrases: clauses('bag-included', [{ id: 'with', text: 'with a checked bag included in the fare' }]) });
  }
  out.push(...tripCandidates(t), ...seatCandidates(t, ''));
  return out;
}

/** One way or return; for a return trip, its date and the flight back's facts. */
function tripCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  if (t.attrs.trip !== 'return') {
    out.push({ role: 'refine', constraint: { id: 'trip', kind: 'exact', stage: 'search', field: 'trip', value: 'oneway' }, phrases: [...clauses('trip', [{ id: 'oneway', text: 'one way' }]), ...sentences('trip', [{ id: 'no-return', text: 'Just one way, no flight back.' }])] });
    return out;
  }
  const back = str(t, 'returnDate');
  out.push({ role: 'key', constraint: { id: 'return-date', kind: 'exact', stage: 'search', field: 'returnDate', value: back }, phrases: clauses('return-date', [...datePhrases(back, 'returning on'), ...datePhrases(back, 'coming back on')]) });
  out.push({ role: 'core', constraint: { id: 'trip', kind: 'exact', stage: 'search', field: 'trip', value: 'return' }, phrases: sentences('trip', [{ id: 'return', text: 'Book it as a return trip.' }, { id: 'both', text: 'I need the flight back as well.' }]) });
  const r = t.items.find((x) => x.slot === 'return');
  if (!r) return out;
  const dep = String(r.attrs.departTime);
  const h = Number(dep.slice(0, 2));
  if (h >= 12) {
    const after = `${String(h).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'return-after', kind: 'time_window', stage: 'selection', field: 'return.departTime', after }, phrases: clauses('return-after', afterPhrases(after, 'with the flight back leaving')) });
  } else {
    const before = `${String(h + 1).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'return-before', kind: 'time_window', stage: 'selection', field: 'return.departTime', before }, phrases: clauses('return-before', beforePhrases(before, 'with the flight back leaving')) });
  }
  if (r.attrs.stops === 0) out.push({ role: 'refine', constraint: { id: 'return-stops', kind: 'range', stage: 'selection', field: 'return.stops', max: 0 }, phrases: sentences('return-stops', [{ id: 'nonstop', text: 'The flight back must be non-stop.' }]) });
  const fare = String(r.attrs.fare);
  out.push({ role: 'refine', constraint: { id: 'return-fare', kind: 'exact', stage: 'selection', field: 'return.fare', value: fare }, phrases: sentences('return-fare', [{ id: 'pick', text: `For the flight back, pick the ${fare.charAt(0).toUpperCase()}${fare.slice(1)} fare.` }]) });
  out.push(...seatCandidates(t, 'return.'));
  return out;
}

/** Where the party sits (on the outbound, or with `prefix` on the flight back), as the seat map shows it. */
function seatCandidates(t: Target, prefix: '' | 'return.'): Candidate[] {
  const a = prefix ? (t.items.find((x) => x.slot === 'return')?.attrs ?? {}) : t.attrs;
  const n = t.travellers.length;
  const leg = prefix ? ' on the flight back' : '';
  const id = (s: string) => `${prefix ? 'return-' : ''}${s}`;
  const out: Candidate[] = [];
  if (n >= 2 && a.seatsTogether === true) {
    out.push({ role: 'refine', constraint: { id: id('seats-together'), kind: 'exact', stage: 'selection', field: `${prefix}seatsTogether`, value: true }, phrases: sentences(id('seats-together'), [{ id: 'seat', text: `Seat us side by side${leg}.` }, { id: 'together', text: `We want to sit together${leg}, in one row.` }]) });
  }
  if (n === 1 && a.windowSeats === 1) out.push({ role: 'refine', constraint: { id: id('window'), kind: 'range', stage: 'selection', field: `${prefix}windowSeats`, min: 1 }, phrases: sentences(id('window'), [{ id: 'want', text: `I'd like a window seat${leg}.` }]) });
  if (n === 1 && a.aisleSeats === 1) out.push({ role: 'refine', constraint: { id: id('aisle'), kind: 'range', stage: 'selection', field: `${prefix}aisleSeats`, min: 1 }, phrases: sentences(id('aisle'), [{ id: 'want', text: `Give me an aisle seat${leg}.` }]) });
  if (typeof a.legroomSeats === 'number' && a.legroomSeats === n && n > 0) {
    out.push({ role: 'refine', constraint: { id: id('legroom'), kind: 'range', stage: 'selection', field: `${prefix}legroomSeats`, min: n }, phrases: sentences(id('legroom'), [{ id: 'all', text: n === 1 ? `I need an extra-legroom seat${leg}.` : `Everyone needs an extra-legroom seat${leg}.` }]) });
  }
  if (typeof a.seatFees === 'number' && a.seatFees > 0) {
    const max = roundUpNice(a.seatFees);
    out.push({ role: 'refine', constraint: { id: id('seat-fees-max'), kind: 'range', stage: 'selection', field: `${prefix}seatFees`, max }, phrases: sentences(id('seat-fees-max'), [{ id: 'spend', text: `Spend at most €${max} on seats${leg}, in all.` }]) });
  }
  return out;
}

export const skyhopTasks: TaskCatalogue = {
  siteId: 'skyhop',
  intros: ['Book a flight', 'Find and book a flight', 'I need a flight', 'Please book me a flight', 'Get me on a flight'],
  candidates,
  // On a return trip "the shortest flight" could mean either leg: the words name the outbound one.
  superlatives: [false, true].flatMap((twoLegs) => {
    const when = (t: Target) => (t.attrs.trip === 'return') === twoLegs;
    const leg = twoLegs ? 'outbound ' : '';
    const sfx = twoLegs ? '-outbound' : '';
    return [
      {
        id: `cheapest${sfx}`,
        field: 'farePrice',
        objective: 'min' as const,
        when,
        phrases: sentences(`cheapest${sfx}`, [
          { id: 'pick', text: `Pay the lowest fare per adult you can among the ${leg}flights that fit.` },
          { id: 'lowest', text: `Of the ${leg}flights and fares that fit, take the cheapest per adult.` },
        ]),
      },
      { id: `shortest${sfx}`, field: 'durationMin', objective: 'min' as const, when, phrases: sentences(`shortest${sfx}`, [{ id: 'pick', text: `Take the shortest ${leg}flight that fits.` }]) },
      { id: `earliest${sfx}`, field: 'departTime', objective: 'min' as const, when, phrases: sentences(`earliest${sfx}`, [{ id: 'pick', text: `Take the earliest ${twoLegs ? 'outbound ' : ''}departure that fits.` }]) },
      { id: `latest${sfx}`, field: 'departTime', objective: 'max' as const, when, phrases: sentences(`latest${sfx}`, [{ id: 'pick', text: `Take the latest ${twoLegs ? 'outbound ' : ''}departure that fits.` }]) },
    ];
  }),
};
