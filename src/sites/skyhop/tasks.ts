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
  return out;
}

export const skyhopTasks: TaskCatalogue = {
  siteId: 'skyhop',
  intros: ['Book a flight', 'Find and book a flight', 'I need a flight', 'Please book me a flight', 'Get me on a flight'],
  candidates,
  superlatives: [
    {
      id: 'cheapest',
      field: 'farePrice',
      objective: 'min',
      phrases: sentences('cheapest', [
        { id: 'pick', text: 'Pay the lowest fare per adult you can among the flights that fit.' },
        { id: 'lowest', text: 'Of the flights and fares that fit, take the cheapest per adult.' },
      ]),
    },
    { id: 'shortest', field: 'durationMin', objective: 'min', phrases: sentences('shortest', [{ id: 'pick', text: 'Take the shortest flight that fits.' }]) },
    { id: 'earliest', field: 'departTime', objective: 'min', phrases: sentences('earliest', [{ id: 'pick', text: 'Take the earliest departure that fits.' }]) },
    { id: 'latest', field: 'departTime', objective: 'max', phrases: sentences('latest', [{ id: 'pick', text: 'Take the latest departure that fits.' }]) },
  ],
};
