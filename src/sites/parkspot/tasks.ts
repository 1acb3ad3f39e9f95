import { cityById } from '../../world/geography.js';
import type { Listing } from '../engine/site-definition.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { clauses, datePhrases, roundUpNice, sentences } from '../kit/phrasing.js';
import { parkingLocationById, type Security } from './domain.js';
import { NO_LIMIT_CM } from './inventory.js';

/**
 * ParkSpot (parking): where (an airport, a station, a city centre) and the stay (entry and exit
 * date and time), always; then the space (standard, premium, EV bay), the car park (covered, EV
 * charging, on foot or by shuttle, how many minutes from the terminal, security, height limit,
 * rating) and the price for the whole stay; superlatives: the cheapest, the closest, the best rated.
 */

const num = (l: Listing, k: string) => Number(l.attrs[k]);
const hour12 = (t: string) => {
  const h = Number(t.slice(0, 2));
  const m = t.slice(3);
  if (t === '12:00') return 'noon';
  if (t === '00:00') return 'midnight';
  return `${h % 12 === 0 ? 12 : h % 12}${m === '00' ? '' : `:${m}`} ${h < 12 ? 'am' : 'pm'}`;
};

function wherePhrases(id: string): { id: string; text: string }[] {
  const loc = parkingLocationById(id)!;
  const city = cityById(loc.cityId)!;
  if (loc.kind === 'airport') return [{ id: 'airport-city', text: `at ${city.name} airport (${city.airport.code})` }, { id: 'airport-name', text: `at ${city.airport.name} in ${city.name}` }];
  if (loc.kind === 'station') return [{ id: 'station', text: `at ${city.station.name} station` }, { id: 'station-city', text: `near ${city.station.name}, the main station of ${city.name}` }];
  return [{ id: 'centre', text: `in ${city.name} city centre` }, { id: 'central', text: `in central ${city.name}` }];
}

const SECURITY_SAY: Record<Security, string> = { cctv: 'CCTV', barrier: 'barrier entry', fenced: 'a fenced perimeter', patrols: 'security patrols', 'staffed-24h': 'staff on site 24 hours' };
const SECURITY_RARITY: Security[] = ['patrols', 'staffed-24h', 'fenced', 'barrier', 'cctv'];

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const a = t.attrs;
  const p = t.params;
  const entryTime = String(p.entryTime);
  const exitTime = String(p.exitTime);
  out.push({ role: 'key', constraint: { id: 'location', kind: 'exact', stage: 'search', field: 'location', value: String(p.location) }, phrases: clauses('location', wherePhrases(String(p.location))) });
  out.push({ role: 'key', constraint: { id: 'entry-date', kind: 'exact', stage: 'search', field: 'entryDate', value: String(p.entryDate) }, phrases: clauses('entry-date', datePhrases(String(p.entryDate), 'from')) });
  out.push({ role: 'key', constraint: { id: 'entry-time', kind: 'exact', stage: 'search', field: 'entryTime', value: entryTime }, phrases: clauses('entry-time', [{ id: 'arriving', text: `arriving at ${entryTime}` }, { id: 'arriving-12h', text: `arriving at ${hour12(entryTime)}` }, { id: 'dropping', text: `dropping the car off at ${entryTime}` }]) });
  out.push({ role: 'key', constraint: { id: 'exit-date', kind: 'exact', stage: 'search', field: 'exitDate', value: String(p.exitDate) }, phrases: clauses('exit-date', datePhrases(String(p.exitDate), 'until').filter((x) => x.text.startsWith('until'))) });
  out.push({ role: 'key', constraint: { id: 'exit-time', kind: 'exact', stage: 'search', field: 'exitTime', value: exitTime }, phrases: clauses('exit-time', [{ id: 'collecting', text: `collecting the car at ${exitTime}` }, { id: 'picking-12h', text: `picking the car up at ${hour12(exitTime)}` }]) });

  const space = String(a.spaceType);
  out.push({
    role: space === 'standard' ? 'refine' : 'core',
    constraint: { id: 'space-type', kind: 'exact', stage: 'selection', field: 'spaceType', value: space },
    phrases: sentences(
      'space-type',
      space === 'ev'
        ? [{ id: 'ev', text: 'My car is electric: book an EV charging bay.' }, { id: 'ev-need', text: 'I need a space with a charger (an EV bay).' }]
        : space === 'premium'
          ? [{ id: 'premium', text: 'Book a premium space near the entrance.' }, { id: 'premium-want', text: 'I want one of the premium spaces by the entrance.' }]
          : [{ id: 'standard', text: 'A standard space is all I need.' }, { id: 'standard-only', text: 'Book a standard space, not premium or EV.' }],
    ),
  });
  if (a.covered === true) {
    out.push({ role: 'refine', constraint: { id: 'covered', kind: 'exact', stage: 'selection', field: 'covered', value: true }, phrases: clauses('covered', [{ id: 'covered', text: 'in a covered car park' }, { id: 'indoor', text: 'indoors, not in an open-air lot' }]), matchesListing: (l) => l.attrs.covered === true });
  }
  if (a.evCharging === true && space !== 'ev') {
    out.push({ role: 'refine', constraint: { id: 'ev-charging', kind: 'exact', stage: 'selection', field: 'evCharging', value: true }, phrases: clauses('ev-charging', [{ id: 'with', text: 'at a car park with EV charging' }]), matchesListing: (l) => l.attrs.evCharging === true });
  }
  const transfer = String(a.transfer);
  out.push({
    role: 'refine',
    constraint: { id: 'transfer', kind: 'exact', stage: 'selection', field: 'transfer', value: transfer },
    phrases: transfer === 'shuttle' ? clauses('transfer', [{ id: 'shuttle', text: 'with a free shuttle bus' }, { id: 'shuttle-ok', text: 'served by a shuttle bus' }]) : clauses('transfer', [{ id: 'walk', text: 'within walking distance, no shuttle' }, { id: 'on-foot', text: 'close enough to walk' }]),
    matchesListing: (l) => l.attrs.transfer === transfer,
  });
  const minutes = Number(a.transferMin);
  const maxMin = Math.ceil((minutes + 0.5) / 5) * 5;
  out.push({
    role: 'refine',
    constraint: { id: 'transfer-max', kind: 'range', stage: 'selection', field: 'transferMin', max: maxMin },
    phrases: transfer === 'shuttle'
      ? clauses('transfer-max', [{ id: 'shuttle', text: `with a shuttle ride of at most ${maxMin} minutes` }, { id: 'any', text: `at most ${maxMin} minutes away on foot or by shuttle` }])
      : clauses('transfer-max', [{ id: 'walk', text: `at most a ${maxMin}-minute walk away` }, { id: 'any', text: `at most ${maxMin} minutes away on foot or by shuttle` }]),
    matchesListing: (l) => num(l, 'transferMin') <= maxMin,
  });
  const security = Array.isArray(a.security) ? a.security.map(String) : [];
  const rare = SECURITY_RARITY.find((s) => security.includes(s));
  if (rare) {
    out.push({ role: 'refine', constraint: { id: 'security', kind: 'set', stage: 'selection', field: 'security', mode: 'includes_all', values: [rare] }, phrases: clauses('security', [{ id: 'with', text: `with ${SECURITY_SAY[rare]}` }, { id: 'has', text: `at a car park that has ${SECURITY_SAY[rare]}` }]), matchesListing: (l) => Array.isArray(l.attrs.security) && l.attrs.security.includes(rare) });
  }
  const height = Math.min(Number(a.heightLimitCm), 230);
  if (height >= 190) {
    const min = Math.floor(height / 10) * 10;
    out.push({ role: 'refine', constraint: { id: 'height-min', kind: 'range', stage: 'selection', field: 'heightLimitCm', min }, phrases: sentences('height-min', [{ id: 'van', text: `My van is ${(min / 100).toFixed(2)} m tall, so the height limit must be at least that (or none).` }]), matchesListing: (l) => num(l, 'heightLimitCm') >= min });
  }
  if (Number(a.heightLimitCm) >= NO_LIMIT_CM) {
    out.push({ role: 'refine', constraint: { id: 'no-height-limit', kind: 'range', stage: 'selection', field: 'heightLimitCm', min: NO_LIMIT_CM }, phrases: sentences('no-height-limit', [{ id: 'roofbox', text: 'With the roof box on, I need a car park with no height limit.' }]), matchesListing: (l) => num(l, 'heightLimitCm') >= NO_LIMIT_CM });
  }
  const rating = Number(a.rating);
  if (rating >= 4) {
    const min = rating >= 4.5 ? 4.5 : 4;
    out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min }, phrases: clauses('rating-min', [{ id: 'rated', text: `rated ${min.toFixed(1)} or more` }]), matchesListing: (l) => num(l, 'rating') >= min });
  }
  const price = Number(a.parkingPrice);
  const maxPrice = roundUpNice(price);
  out.push({ role: 'refine', constraint: { id: 'price-max', kind: 'range', stage: 'selection', field: 'parkingPrice', max: maxPrice }, phrases: clauses('price-max', [{ id: 'stay', text: `paying no more than €${maxPrice} for the whole stay` }, { id: 'budget', text: `for €${maxPrice} or less in all for the parking` }]) });
  return out;
}

export const parkspotTasks: TaskCatalogue = {
  siteId: 'parkspot',
  intros: ['Book parking', 'Reserve a parking space', 'Please book me a parking space', 'Find and book parking'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'parkingPrice', objective: 'min', phrases: sentences('cheapest', [{ id: 'lowest', text: 'Of the spaces that fit, take the cheapest for the whole stay.' }, { id: 'least', text: 'Of the car parks that fit, pay as little as possible for the stay.' }]) },
    { id: 'closest', field: 'transferMin', objective: 'min', phrases: sentences('closest', [{ id: 'nearest', text: 'Take the car park with the shortest walk or shuttle ride of those that fit.' }, { id: 'least-time', text: 'Of those that fit, choose the car park closest in minutes, on foot or by shuttle.' }]) },
    { id: 'best-rated', field: 'rating', objective: 'max', phrases: sentences('best-rated', [{ id: 'best', text: 'Choose the best rated car park among those that fit.' }]) },
  ],
};
