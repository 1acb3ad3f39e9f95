import type { Attrs } from '../../core/schemas/episode-state.js';
import { CITIES } from '../../world/geography.js';
import type { Listing } from '../engine/site-definition.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { clauses, datePhrases, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import { areaById, cityOfAirport, type VehicleType } from './domain.js';
import { FARES, type FareId } from './inventory.js';

/**
 * Transferly (airport transfers): from which airport to which district, when the flight lands,
 * how many people with how many suitcases, one way or back again (the return date and pick-up
 * time); then the vehicle (type, private or shared, meet & greet), the fare, the price and the
 * rating, and for a return the vehicle and price of the way back (`return.*`); the flight number
 * and the hotel go with the details.
 */

const hour12 = (t: string) => {
  const h = Number(t.slice(0, 2));
  const m = t.slice(3);
  if (t === '12:00') return 'noon';
  if (t === '00:00') return 'midnight';
  return `${h % 12 === 0 ? 12 : h % 12}${m === '00' ? '' : `:${m}`} ${h < 12 ? 'am' : 'pm'}`;
};
const VEHICLE_SAY: Record<VehicleType, string> = { sedan: 'in a sedan', minivan: 'in a minivan', minibus: 'in a minibus', luxury: 'in a luxury car', shuttle: 'on the shared shuttle bus' };

function tripCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const p = t.params;
  const isReturn = p.tripType === 'return';
  const city = cityOfAirport(String(p.airport))!;
  const area = areaById(String(p.area))!;
  // A return is said by its return date and time (a one-way search has none): a request has at
  // most eight facts, and the way back already takes two.
  if (!isReturn) out.push({ role: 'key', constraint: { id: 'trip', kind: 'exact', stage: 'search', field: 'tripType', value: String(p.tripType) }, phrases: clauses('trip', [{ id: 'oneway', text: 'a one-way airport transfer' }, { id: 'single', text: 'an airport transfer (one way)' }]) });

  out.push({ role: 'key', constraint: { id: 'airport', kind: 'exact', stage: 'search', field: 'airport', value: String(p.airport) }, phrases: clauses('airport', [{ id: 'code', text: `${isReturn ? 'a transfer ' : ''}from ${city.name} airport (${city.airport.code})` }, { id: 'name', text: `${isReturn ? 'a transfer ' : ''}from ${city.airport.name} in ${city.name}` }]) });
  out.push({ role: 'key', constraint: { id: 'area', kind: 'exact', stage: 'search', field: 'area', value: String(p.area) }, phrases: clauses('area', [{ id: 'hotel', text: `to my hotel in ${area.name}` }, { id: 'district', text: `to an address in ${area.name}, ${CITIES.find((c) => c.id === area.cityId)!.name}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: String(p.date) }, phrases: clauses('date', datePhrases(String(p.date))) });
  const time = String(p.time);
  out.push({ role: 'key', constraint: { id: 'time', kind: 'exact', stage: 'search', field: 'time', value: time }, phrases: clauses('time', [{ id: 'landing', text: `landing at ${time}` }, { id: 'landing-12h', text: `landing at ${hour12(time)}` }]) });
  if (isReturn) {
    out.push({ role: 'key', constraint: { id: 'return-date', kind: 'exact', stage: 'search', field: 'returnDate', value: String(p.returnDate) }, phrases: clauses('return-date', datePhrases(String(p.returnDate), 'returning to the airport on').filter((x) => x.text.startsWith('returning'))) });
    const back = String(p.returnTime);
    out.push({ role: 'key', constraint: { id: 'return-time', kind: 'exact', stage: 'search', field: 'returnTime', value: back }, phrases: clauses('return-time', [{ id: 'collected', text: `being collected at ${back} for the way back` }, { id: 'pickup-12h', text: `with the pick-up for the way back at ${hour12(back)}` }]) });
  }
  const n = Number(p.passengers);
  out.push({ role: 'core', slot: 'who', constraint: { id: 'passengers', kind: 'count', stage: 'search', field: 'passengers', value: n }, phrases: clauses('passengers', [{ id: 'n', text: `for ${n} passenger${n === 1 ? '' : 's'}` }, { id: 'word', text: n === 1 ? 'just for me' : `for ${numberWord(n)} of us` }]) });
  const bags = Number(p.bags);
  out.push({ role: 'core', slot: 'who', constraint: { id: 'bags', kind: 'count', stage: 'search', field: 'bags', value: bags }, phrases: clauses('bags', bags === 0 ? [{ id: 'none', text: 'with no suitcases' }] : [{ id: 'n', text: `with ${bags} suitcase${bags === 1 ? '' : 's'}` }, { id: 'word', text: `with ${numberWord(bags)} suitcase${bags === 1 ? '' : 's'} in all` }]) });
  return out;
}

function legCandidates(a: Attrs, leg: 'out' | 'back'): Candidate[] {
  const out: Candidate[] = [];
  const pre = leg === 'back' ? 'return.' : '';
  const id = (s: string) => (leg === 'back' ? `return-${s}` : s);
  const way = leg === 'back' ? 'for the way back' : 'from the airport';
  const listingLevel = leg === 'out';
  const match = (c: Candidate, m: (l: Listing) => boolean): Candidate => (listingLevel ? { ...c, matchesListing: m } : c);
  const vehicle = String(a.vehicleType) as VehicleType;
  out.push(match({ role: 'refine', constraint: { id: id('vehicle'), kind: 'exact', stage: 'selection', field: `${pre}vehicleType`, value: vehicle }, phrases: clauses(id('vehicle'), [{ id: 'in', text: `${VEHICLE_SAY[vehicle]} ${way}` }]) }, (l) => l.attrs.vehicleType === vehicle));
  const priv = a.private === true;
  out.push(
    match(
      { role: 'refine', constraint: { id: id('private'), kind: 'exact', stage: 'selection', field: `${pre}private`, value: priv }, phrases: priv ? clauses(id('private'), [{ id: 'private', text: `private, not shared, ${way}` }]) : sentences(id('private'), [{ id: 'shared', text: `A shared ride is what I want ${way}.` }]) },
      (l) => l.attrs.private === priv,
    ),
  );
  if (leg === 'out' && a.meetGreetIncluded === true) {
    out.push({ role: 'refine', constraint: { id: 'meet-greet-included', kind: 'exact', stage: 'selection', field: 'meetGreetIncluded', value: true }, phrases: clauses('meet-greet-included', [{ id: 'included', text: 'with meet & greet included in the price' }]), matchesListing: (l) => l.attrs.meetGreetIncluded === true });
  }
  const fare = String(a.fare) as FareId;
  out.push({ role: 'refine', constraint: { id: id('fare'), kind: 'exact', stage: 'selection', field: `${pre}fare`, value: fare }, phrases: sentences(id('fare'), [{ id: 'take', text: `Take the ${FARES[fare].label} fare ${way}.` }]) });
  const max = roundUpNice(Number(a.transferPrice));
  out.push({ role: 'refine', constraint: { id: id('price-max'), kind: 'range', stage: 'selection', field: `${pre}transferPrice`, max }, phrases: clauses(id('price-max'), [{ id: 'at-most', text: `paying at most €${max} for the ride ${way}` }]) });
  const rating = Number(a.rating);
  if (leg === 'out' && rating >= 4) {
    const min = rating >= 4.5 ? 4.5 : 4;
    out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min }, phrases: clauses('rating-min', [{ id: 'rated', text: `with a company rated ${min.toFixed(1)} or more` }]), matchesListing: (l) => Number(l.attrs.rating) >= min });
  }
  return out;
}

function detailsCandidates(t: Target): Candidate[] {
  const lead = t.travellers[0] ?? {};
  const out: Candidate[] = [];
  if (lead.flightNumber) out.push({ role: 'details', constraint: { id: 'flight-number', kind: 'details', stage: 'details', field: 'flightNumber', traveller: 1, value: lead.flightNumber }, phrases: sentences('flight-number', [{ id: 'mine', text: `My flight is ${lead.flightNumber}.` }, { id: 'give', text: `Give the driver my flight number, ${lead.flightNumber}.` }]) });
  if (lead.address) out.push({ role: 'details', constraint: { id: 'address', kind: 'details', stage: 'details', field: 'address', traveller: 1, value: lead.address }, phrases: sentences('address', [{ id: 'staying', text: `We are staying at ${lead.address}.` }]) });
  return out;
}

function candidates(t: Target): Candidate[] {
  const back = t.items.find((it) => it.slot === 'return');
  return [...tripCandidates(t), ...legCandidates(t.attrs, 'out'), ...(back ? legCandidates(back.attrs, 'back') : []), ...detailsCandidates(t)];
}

/**
 * Whether a superlative still fits in a request of eight facts: the facts every request states
 * (where, when, the way back, a party other than the form's two passengers with two suitcases),
 * the superlative and the booking.
 */
const roomForBest = (t: Target) => (t.params.tripType === 'return' ? 6 : 5) + (Number(t.params.passengers) !== 2 ? 1 : 0) + (Number(t.params.bags) !== 2 ? 1 : 0) <= 6;

export const transferlyTasks: TaskCatalogue = {
  siteId: 'transferly',
  intros: ['Book', 'Please book', 'Arrange', 'I need', 'Get me'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'transferPrice', objective: 'min', when: roomForBest, phrases: sentences('cheapest', [{ id: 'lowest', text: 'For the ride from the airport, take the cheapest that fits.' }, { id: 'least', text: 'Of the rides that fit, pay as little as possible for the one from the airport.' }]) },
    { id: 'best-rated', field: 'rating', objective: 'max', when: roomForBest, phrases: sentences('best-rated', [{ id: 'best', text: 'From the airport, go with the best rated company that fits.' }]) },
    { id: 'fastest', field: 'durationMin', objective: 'min', when: roomForBest, phrases: sentences('fastest', [{ id: 'quickest', text: 'From the airport, take the quickest ride that fits.' }]) },
  ],
};
