import type { Attrs } from '../../core/schemas/episode-state.js';
import { longDate } from '../../core/dates.js';
import type { Candidate, Target, TaskCatalogue } from '../kit/task-catalogue.js';
import { clauses, datePhrases, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import { areaName, areaPhrase } from './areas.js';
import { FACILITIES, PITCHES, SETTINGS, type Facility, type PitchType } from './domain.js';
import { VEHICLES, type VehicleId } from './inventory.js';

/**
 * Campfire (campsites): what campers ask. Where and when, for how many nights, who comes (adults,
 * children, pets) and in what vehicle; the campsite (rating, facilities, setting), the pitch
 * (type, size, a price a night) and electricity; and the package chosen with it (`package.*`:
 * a rental or an activity, which one, on which day). Candidates are a pure function of the target.
 */

const spread = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);
const plural = (n: number, one: string, many = `${one}s`) => `${n === 1 ? 'one' : numberWord(n)} ${n === 1 ? one : many}`;
const VEHICLE_SAY: Record<VehicleId, string> = {
  none: 'We arrive without a vehicle.',
  car: 'We come by car.',
  van6: 'We travel in a campervan of 6 m at most.',
  van8: 'We travel in a campervan of up to 8 m.',
  caravan: 'We tow a caravan: car and caravan are 11 m long.',
};

function stayCandidates(t: Target): Candidate[] {
  const a = t.attrs;
  const out: Candidate[] = [];
  out.push({ role: 'key', constraint: { id: 'area', kind: 'exact', stage: 'search', field: 'area', value: String(a.area) }, phrases: clauses('area', [{ id: 'at', text: areaPhrase(a.area as string) }, { id: 'area', text: `in the ${areaName(a.area as string)} area` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: String(a.date) }, phrases: clauses('date', datePhrases(String(a.date), 'arriving on')) });
  const nights = Number(a.nights);
  out.push({ role: 'key', constraint: { id: 'nights', kind: 'exact', stage: 'search', field: 'nights', value: String(nights) }, phrases: clauses('nights', [{ id: 'n', text: `for ${nights} night${nights === 1 ? '' : 's'}` }, { id: 'word', text: `for ${plural(nights, 'night')}` }]) });
  const adults = Number(a.adults ?? 2);
  out.push({ role: 'core', slot: 'who', constraint: { id: 'adults', kind: 'count', stage: 'search', field: 'adults', value: adults }, phrases: clauses('adults', [{ id: 'n', text: `for ${adults} adult${adults === 1 ? '' : 's'}` }, { id: 'word', text: `for ${plural(adults, 'adult')}` }]) });
  const children = Number(a.children ?? 0);
  out.push({
    role: children > 0 ? 'core' : 'refine',
    slot: 'who',
    constraint: { id: 'children', kind: 'count', stage: 'search', field: 'children', value: children },
    phrases: children > 0 ? clauses('children', [{ id: 'n', text: `with ${plural(children, 'child', 'children')}` }]) : clauses('children', [{ id: 'none', text: 'with no children' }]),
  });
  const pets = Number(a.pets ?? 0);
  out.push({
    role: pets > 0 ? 'core' : 'refine',
    slot: 'who',
    constraint: { id: 'pets', kind: 'count', stage: 'search', field: 'pets', value: pets },
    phrases: pets > 0 ? clauses('pets', [{ id: 'dogs', text: pets === 1 ? 'bringing our dog' : `bringing our ${numberWord(pets)} dogs` }, { id: 'pets', text: `with ${plural(pets, 'pet')}` }]) : clauses('pets', [{ id: 'none', text: 'with no pets' }]),
  });
  const vehicle = String(a.vehicle) as VehicleId;
  if (VEHICLES[vehicle]) out.push({ role: 'core', constraint: { id: 'vehicle', kind: 'exact', stage: 'search', field: 'vehicle', value: vehicle }, phrases: sentences('vehicle', [{ id: 'say', text: VEHICLE_SAY[vehicle] }]) });
  return out;
}

function siteCandidates(t: Target): Candidate[] {
  const a = t.attrs;
  const out: Candidate[] = [];
  const rating = Number(a.rating);
  const min = rating >= 4.5 ? 4.5 : rating >= 4 ? 4 : rating >= 3.5 ? 3.5 : 0;
  if (min > 0) out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min }, phrases: clauses('rating-min', [{ id: 'rated', text: `at a campsite rated ${min} or more out of 5` }]), matchesListing: (l) => Number(l.attrs.rating) >= min });
  const facilities = (Array.isArray(a.facilities) ? a.facilities : []) as Facility[];
  const wanted = facilities.filter((f) => f !== 'showers' || spread(t.listing.id) % 3 === 0).slice(0, 2);
  for (const f of wanted) {
    const say = { pool: 'with a swimming pool', shop: 'with a shop on site', showers: 'with hot showers', wifi: 'with Wi-Fi' }[f];
    out.push({ role: 'refine', constraint: { id: f, kind: 'exact', stage: 'selection', field: f, value: true }, phrases: clauses(f, [{ id: 'yes', text: say }, { id: 'has', text: `where the campsite has ${FACILITIES[f].toLowerCase()}` }]), matchesListing: (l) => l.attrs[f] === true });
  }
  const setting = String(a.setting) as keyof typeof SETTINGS;
  if ((setting === 'lakeside' || setting === 'beach' || setting === 'forest') && spread(t.listing.id) % 2 === 1) {
    out.push({ role: 'refine', constraint: { id: 'setting', kind: 'exact', stage: 'selection', field: 'setting', value: setting }, phrases: sentences('setting', [{ id: 'where', text: { lakeside: 'The campsite should be right by the lake.', beach: 'The campsite should be by the beach.', forest: 'We want to camp in the woods.' }[setting] }]), matchesListing: (l) => l.attrs.setting === setting });
  }
  const type = String(a.pitchType) as PitchType;
  if (PITCHES[type]) out.push({ role: 'core', constraint: { id: 'pitch', kind: 'exact', stage: 'selection', field: 'pitchType', value: type }, phrases: sentences('pitch', [{ id: 'book', text: `Book ${PITCHES[type].noun}.` }, { id: 'want', text: `We need ${PITCHES[type].noun}.` }]) });
  const size = Number(a.pitchSizeM2);
  if ((type === 'tent' || type === 'caravan' || type === 'campervan') && size >= 100) out.push({ role: 'refine', constraint: { id: 'size-min', kind: 'range', stage: 'selection', field: 'pitchSizeM2', min: 100 }, phrases: sentences('size-min', [{ id: 'big', text: 'The pitch must be at least 100 m².' }]) });
  out.push({
    role: 'core',
    constraint: { id: 'electricity', kind: 'exact', stage: 'selection', field: 'electricity', value: a.electricity === true },
    phrases: sentences('electricity', a.electricity === true ? [{ id: 'yes', text: 'We need an electric hook-up.' }, { id: 'power', text: 'Add electricity to the pitch.' }] : [{ id: 'no', text: 'No electric hook-up needed.' }]),
  });
  const night = roundUpNice(Number(a.nightPrice));
  out.push({ role: 'refine', constraint: { id: 'price-max', kind: 'range', stage: 'selection', field: 'nightPrice', max: night }, phrases: sentences('price-max', [{ id: 'night', text: `The pitch should cost at most €${night} a night for all of us.` }, { id: 'budget', text: `Our budget is €${night} a night for the pitch.` }]) });
  return out;
}

function packageCandidates(k: Attrs): Candidate[] {
  const out: Candidate[] = [];
  const name = String(k.packageName);
  out.push({
    role: 'core',
    constraint: { id: 'package', kind: 'exact', stage: 'selection', field: 'package.packageName', value: name },
    phrases: sentences('package', [{ id: 'add', text: `Add the package "${name}".` }, { id: 'with', text: `Book it with ${name.charAt(0).toLowerCase()}${name.slice(1)}.` }]),
  });
  out.push({ role: 'refine', constraint: { id: 'package-kind', kind: 'exact', stage: 'selection', field: 'package.kind', value: String(k.kind) }, phrases: sentences('package-kind', [{ id: 'kind', text: k.kind === 'rental' ? 'The package should be an equipment rental.' : 'The package should be an activity.' }]) });
  out.push({ role: 'refine', constraint: { id: 'package-provider', kind: 'exact', stage: 'selection', field: 'package.provider', value: String(k.provider) }, phrases: sentences('package-provider', [{ id: 'by', text: `Take it from ${String(k.provider)}.` }]) });
  out.push({ role: 'core', constraint: { id: 'package-day', kind: 'exact', stage: 'selection', field: 'package.packageDay', value: String(k.packageDay) }, phrases: sentences('package-day', [{ id: 'on', text: `${k.kind === 'rental' ? 'Pick up the rental' : 'Book the activity'} for ${longDate(String(k.packageDay)).replace(/, \d{4}$/, '')}.` }]) });
  return out;
}

function candidates(t: Target): Candidate[] {
  const pkg = t.items.find((it) => it.slot === 'package');
  return [...stayCandidates(t), ...siteCandidates(t), ...(pkg ? packageCandidates(pkg.attrs) : [])];
}

export const campfireTasks: TaskCatalogue = {
  siteId: 'campfire',
  intros: ['Book a campsite', 'Book a camping trip', 'Find us a pitch', 'I want to go camping'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'nightPrice', objective: 'min', phrases: sentences('cheapest', [{ id: 'cheap', text: 'Take the cheapest pitch a night that fits.' }, { id: 'lowest', text: 'Pay the lowest price a night among the campsites and pitches that fit.' }]) },
    { id: 'best-rated', field: 'rating', objective: 'max', phrases: sentences('best-rated', [{ id: 'best', text: 'Take the best-rated campsite that fits.' }, { id: 'top', text: 'Choose the campsite with the highest guest rating among those that fit.' }]) },
  ],
};
