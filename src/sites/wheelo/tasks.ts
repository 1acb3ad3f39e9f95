import { daysBetween, longDate, monthName } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import { YOUNG_DRIVER_UNDER } from './rental.js';
import { carLocationById, type CarClass } from './domain.js';
import type { Candidate, Phrase, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';

/**
 * Wheelo (car rental): where and when (pick-up desk, pick-up and drop-off dates) are key, and
 * so is the driver's age under 25 (fewer cars, a young-driver fee). The times are core only
 * when leaving them at the form's 10:00 would change the number of rental days (see
 * timeRoles); an age of 25 or more changes nothing the site shows, so it is a refinement.
 * Listing refinements: class (exact or a fixed pair), gearbox, fuel (exact, hybrid-or-electric,
 * no diesel), supplier and its rating, seats, bags, air conditioning, free cancellation, daily
 * price, deposit. Choice refinements: protection and the excess it leaves, mileage, fuel
 * policy. Superlatives: cheapest per day, best-rated supplier, smallest deposit, most bags,
 * most seats.
 *
 * Bounds are monotone and idempotent functions of the listing's own facts (class pairs, price
 * and deposit grids), so a refinement redrawn on a listing that meets it is the same or
 * tighter. The daily-price bound also holds for the target car whatever times are picked.
 */

const num = (t: Target, k: string) => Number(t.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);

const CLASS_WORDS: Record<CarClass, string> = {
  mini: 'a mini car',
  economy: 'an economy car',
  compact: 'a compact car',
  intermediate: 'an intermediate (estate) car',
  suv: 'an SUV',
  premium: 'a premium car',
  van: 'a van or people carrier',
  electric: 'an electric car',
};
const CLASS_NAMES: Record<CarClass, string> = {
  mini: 'Mini',
  economy: 'Economy',
  compact: 'Compact',
  intermediate: 'Intermediate',
  suv: 'SUV',
  premium: 'Premium',
  van: 'Van',
  electric: 'Electric',
};
/** A fixed partition of the classes into pairs people ask for ("compact or intermediate"). */
const CLASS_PAIRS: readonly { classes: [CarClass, CarClass]; say: { id: string; text: string }[] }[] = [
  { classes: ['mini', 'economy'], say: [{ id: 'small', text: 'A small car is fine: mini or economy.' }, { id: 'want', text: 'I want a mini or economy car.' }] },
  { classes: ['compact', 'intermediate'], say: [{ id: 'want', text: 'I want a compact or intermediate car.' }, { id: 'either', text: 'Either a compact or an intermediate car will do.' }] },
  { classes: ['suv', 'van'], say: [{ id: 'want', text: 'It should be an SUV or a van.' }, { id: 'big', text: 'I need something big: an SUV or a van.' }] },
  { classes: ['premium', 'electric'], say: [{ id: 'want', text: 'I want a premium or an electric car.' }, { id: 'either', text: 'Either a premium or an electric car will do.' }] },
];

/** "10:00" -> "10 am", "09:30" -> "9:30 am", "12:00" -> "noon", "17:30" -> "5:30 pm". */
export function timeText(hhmm: string): string {
  const h = Number(hhmm.slice(0, 2));
  const m = hhmm.slice(3, 5);
  if (h === 12 && m === '00') return 'noon';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m === '00' ? '' : `:${m}`} ${h < 12 ? 'am' : 'pm'}`;
}

/** Smallest step of the roundUpNice grid at or above v: monotone and idempotent, unlike roundUpNice at grid points. */
export function ceilNice(v: number): number {
  const onGrid = roundUpNice(v - 0.001);
  return onGrid >= v ? onGrid : roundUpNice(v);
}

const BASE_DATE_IDS = new Set(['date-md', 'date-dm', 'date-long', 'date-iso']);

/** "picking it up on June 12", "picking it up next Friday". */
function datesWith(iso: string, verb: string): { id: string; text: string }[] {
  return datePhrases(iso, `${verb} on`).map((p) => (BASE_DATE_IDS.has(p.id) ? p : { id: p.id, text: `${verb} ${p.text}` }));
}

const day = (iso: string) => Number(iso.slice(8, 10));
const month = (iso: string) => monthName(Number(iso.slice(5, 7)));
const weekdayDate = (iso: string) => longDate(iso).replace(/, \d{4}$/, '').replace(',', '');

/** One phrase naming both dates: "from June 12 to 15", "picking it up next Friday and bringing it back 3 days later". */
function rangePhrases(pd: string, dd: string): { id: string; text: string }[] {
  const same = month(pd) === month(dd);
  const n = daysBetween(pd, dd);
  const out = [
    { id: 'range-md', text: same ? `from ${month(pd)} ${day(pd)} to ${day(dd)}` : `from ${month(pd)} ${day(pd)} to ${month(dd)} ${day(dd)}` },
    { id: 'range-dm', text: same ? `from ${day(pd)} to ${day(dd)} ${month(pd)}` : `from ${day(pd)} ${month(pd)} to ${day(dd)} ${month(dd)}` },
    { id: 'range-long', text: `from ${weekdayDate(pd)} to ${weekdayDate(dd)}` },
  ];
  const later = n === 1 ? 'the next day' : `${numberWord(n)} days later`;
  for (const p of datePhrases(pd)) if (!BASE_DATE_IDS.has(p.id)) out.push({ id: `range-${p.id}`, text: `picking it up ${p.text} and bringing it back ${later}` });
  return out;
}

function locationPhrases(id: string): { id: string; text: string }[] {
  const loc = carLocationById(id);
  if (!loc) return [{ id: 'raw', text: `at ${id}` }];
  if (loc.type === 'airport') {
    return [
      { id: 'airport', text: `at ${loc.cityName} Airport` },
      { id: 'airport-code', text: `at ${loc.cityName} airport (${loc.code})` },
      { id: 'airport-desk', text: `from the airport desk in ${loc.cityName}` },
    ];
  }
  const hood = loc.name.split(' – ')[1] ?? loc.cityName;
  return [
    { id: 'downtown', text: `in downtown ${loc.cityName}` },
    { id: 'branch', text: `at the ${hood} branch in ${loc.cityName} (not the airport)` },
    { id: 'centre', text: `from the city-centre desk in ${loc.cityName}` },
  ];
}

/**
 * Which times must be stated when a task is stated in full (role core) and which may go unsaid
 * (refine). The times matter only through the day count: drop-off later in the day than pick-up
 * starts one more rental day, which moves every daily price. An unsaid pick-up time stays at the
 * form's 10:00; an unsaid drop-off time follows the pick-up time (the form copies it), so it can
 * go unsaid only when the target adds no day. Time windows only when both may go unsaid.
 */
export function timeRoles(pt: string, dt: string): { pickup: 'core' | 'refine'; dropoff: 'core' | 'refine'; windows: boolean } {
  const extraDay = dt > pt;
  const dropoff = extraDay ? 'core' : 'refine';
  // With the drop-off said, a pick-up left at 10:00 must add a day exactly when the target does.
  const pickup = (dt > '10:00') === extraDay ? 'refine' : 'core';
  return { pickup, dropoff, windows: pickup === 'refine' && dropoff === 'refine' };
}

function searchCandidates(t: Target, rng: Rng): Candidate[] {
  const out: Candidate[] = [];
  const pd = str(t, 'pickupDate');
  const dd = str(t, 'dropoffDate');
  out.push({ role: 'key', constraint: { id: 'pickup-location', kind: 'exact', stage: 'search', field: 'pickupLocation', value: str(t, 'pickupLocation') }, phrases: clauses('pickup-location', locationPhrases(str(t, 'pickupLocation'))) });
  if (rng.chance(0.7)) {
    // Both dates in one phrase: both constraints carry it, the instruction says it once.
    const shared = rng.pick(rangePhrases(pd, dd));
    out.push({ role: 'key', constraint: { id: 'pickup-date', kind: 'exact', stage: 'search', field: 'pickupDate', value: pd }, phrases: clauses('dates', [shared]) });
    out.push({ role: 'key', constraint: { id: 'dropoff-date', kind: 'exact', stage: 'search', field: 'dropoffDate', value: dd }, phrases: clauses('dates', [shared]) });
  } else {
    const n = daysBetween(pd, dd);
    out.push({ role: 'key', constraint: { id: 'pickup-date', kind: 'exact', stage: 'search', field: 'pickupDate', value: pd }, phrases: clauses('pickup-date', datesWith(pd, 'picking it up')) });
    // A sentence of its own, so it always follows the pick-up clause.
    const later = n === 1 ? 'the next day' : `${numberWord(n)} days later`;
    const back = datePhrases(dd).map((p) => ({ id: p.id, text: `I'll return it ${p.text}.` }));
    out.push({
      role: 'key',
      constraint: { id: 'dropoff-date', kind: 'exact', stage: 'search', field: 'dropoffDate', value: dd },
      phrases: sentences('dropoff-date', [...back, { id: 'later', text: `I'll bring it back ${later}.` }, { id: 'drop-off', text: `Drop-off is on ${month(dd)} ${day(dd)}.` }]),
    });
  }

  const pt = str(t, 'pickupTime');
  const dt = str(t, 'dropoffTime');
  const roles = timeRoles(pt, dt);
  const ptHour = Number(pt.slice(0, 2));
  const after = `${String(ptHour).padStart(2, '0')}:00`;
  if (roles.windows && rng.chance(0.5)) {
    out.push({ role: roles.pickup, constraint: { id: 'pickup-time', kind: 'time_window', stage: 'search', field: 'pickupTime', after }, phrases: clauses('pickup-time', afterPhrases(after, 'collecting it')) });
  } else {
    out.push({
      role: roles.pickup,
      constraint: { id: 'pickup-time', kind: 'exact', stage: 'search', field: 'pickupTime', value: pt },
      phrases: [...clauses('pickup-time', [{ id: 'with', text: `with pick-up at ${pt}` }, { id: 'ampm', text: `with pick-up at ${timeText(pt)}` }]), ...sentences('pickup-time', [{ id: 'collect', text: `I'll collect the car at ${pt}.` }])],
    });
  }
  const before = `${String(Number(dt.slice(0, 2)) + (Number(dt.slice(3, 5)) > 0 ? 1 : 0)).padStart(2, '0')}:00`;
  if (roles.windows && rng.chance(0.5)) {
    out.push({
      role: roles.dropoff,
      constraint: { id: 'dropoff-time', kind: 'time_window', stage: 'search', field: 'dropoffTime', before },
      phrases: clauses('dropoff-time', [...beforePhrases(before, 'returning it'), { id: 'by', text: `bringing it back by ${timeText(before)}` }]),
    });
  } else {
    out.push({
      role: roles.dropoff,
      constraint: { id: 'dropoff-time', kind: 'exact', stage: 'search', field: 'dropoffTime', value: dt },
      phrases: [...clauses('dropoff-time', [{ id: 'with', text: `with drop-off at ${dt}` }, { id: 'ampm', text: `with drop-off at ${timeText(dt)}` }]), ...sentences('dropoff-time', [{ id: 'return', text: `I'll bring the car back at ${dt}.` }])],
    });
  }

  const age = num(t, 'driverAge');
  out.push({
    // Under 25 the driver sees fewer cars and pays a fee: a real request always says so. From
    // 25 on the age changes nothing the site shows (same cars, same prices as the default 30).
    role: age < YOUNG_DRIVER_UNDER ? 'key' : 'refine',
    slot: 'who',
    constraint: { id: 'driver-age', kind: 'exact', stage: 'search', field: 'driverAge', value: age },
    phrases: [...clauses('driver-age', [{ id: 'aged', text: `for a driver aged ${age}` }, { id: 'year-old', text: `for a ${age}-year-old driver` }]), ...sentences('driver-age', [{ id: 'main', text: `The main driver is ${age}.` }])],
  });

  const days = num(t, 'days');
  if (days === daysBetween(pd, dd)) {
    // Only when the day count is the plain difference of dates (no extra started day from later drop-off).
    out.push({ role: 'refine', constraint: { id: 'rental-days', kind: 'count', stage: 'selection', field: 'days', value: days }, phrases: clauses('rental-days', [{ id: 'n', text: `${days} rental day${days === 1 ? '' : 's'} in all` }, { id: 'day-rental', text: `a ${days}-day rental` }]) });
  }
  return out;
}

/**
 * The target car's daily price for each day count the dates allow (drop-off time not after /
 * after the pick-up time): what a driver who picks other times inside what was asked may see.
 */
function dayCountVariants(t: Target): number[] {
  const base = { ...t.params, pickupTime: '10:00' };
  const out: number[] = [];
  for (const dropoffTime of ['10:00', '10:30']) {
    const l = t.site.search(t.world, { ...base, dropoffTime }).find((x) => x.id === t.listing.id);
    if (l && typeof l.attrs.pricePerDay === 'number') out.push(l.attrs.pricePerDay);
  }
  return out;
}

function listingCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const la = t.listing.attrs;
  const carClass = String(la.carClass) as CarClass;
  out.push({
    role: 'refine',
    constraint: { id: 'car-class', kind: 'exact', stage: 'selection', field: 'carClass', value: carClass },
    phrases: sentences('car-class', [{ id: 'like', text: `I'd like ${CLASS_WORDS[carClass]}.` }, { id: 'should', text: `It should be ${CLASS_WORDS[carClass]}.` }, { id: 'class', text: `Stick to the ${CLASS_NAMES[carClass]} class.` }]),
    matchesListing: (l) => l.attrs.carClass === carClass,
  });
  const pair = CLASS_PAIRS.find((p) => p.classes.includes(carClass));
  if (pair) {
    const values = [...pair.classes];
    out.push({ role: 'refine', constraint: { id: 'car-class-pair', kind: 'set', stage: 'selection', field: 'carClass', mode: 'one_of', values }, phrases: sentences('car-class-pair', pair.say), matchesListing: (l) => values.includes(String(l.attrs.carClass) as CarClass) });
  }

  const gearbox = String(la.transmission);
  out.push({
    role: 'refine',
    constraint: { id: 'transmission', kind: 'exact', stage: 'selection', field: 'transmission', value: gearbox },
    phrases: gearbox === 'automatic'
      ? [...clauses('transmission', [{ id: 'gearbox', text: 'with an automatic gearbox' }, { id: 'auto', text: 'with automatic transmission' }]), ...sentences('transmission', [{ id: 'must', text: 'It has to be an automatic.' }])]
      : [...clauses('transmission', [{ id: 'gearbox', text: 'with a manual gearbox' }, { id: 'stick', text: 'with manual transmission' }]), ...sentences('transmission', [{ id: 'prefer', text: 'I want a manual car.' }])],
    matchesListing: (l) => l.attrs.transmission === gearbox,
  });

  const fuel = String(la.fuel);
  if (fuel !== 'petrol') {
    const say: Record<string, { id: string; text: string }[]> = {
      hybrid: [{ id: 'clause', text: 'with a hybrid engine' }],
      electric: [{ id: 'clause', text: 'that is fully electric' }],
      diesel: [{ id: 'clause', text: 'running on diesel' }],
    };
    out.push({ role: 'refine', constraint: { id: 'fuel', kind: 'exact', stage: 'selection', field: 'fuel', value: fuel }, phrases: clauses('fuel', say[fuel] ?? [{ id: 'clause', text: `running on ${fuel}` }]), matchesListing: (l) => l.attrs.fuel === fuel });
  }
  if (fuel === 'hybrid' || fuel === 'electric') {
    const values = ['hybrid', 'electric'];
    out.push({
      role: 'refine',
      constraint: { id: 'green-fuel', kind: 'set', stage: 'selection', field: 'fuel', mode: 'one_of', values },
      phrases: [...clauses('green-fuel', [{ id: 'clause', text: 'that is hybrid or electric' }]), ...sentences('green-fuel', [{ id: 'want', text: 'I want a hybrid or an electric car.' }])],
      matchesListing: (l) => values.includes(String(l.attrs.fuel)),
    });
  }
  if (fuel !== 'diesel') {
    out.push({
      role: 'refine',
      constraint: { id: 'no-diesel', kind: 'set', stage: 'selection', field: 'fuel', mode: 'excludes', values: ['diesel'] },
      phrases: [...clauses('no-diesel', [{ id: 'not', text: 'not a diesel' }]), ...sentences('no-diesel', [{ id: 'no', text: 'No diesel, please.' }])],
      matchesListing: (l) => l.attrs.fuel !== undefined && l.attrs.fuel !== 'diesel',
    });
  }

  const supplier = String(la.supplier);
  out.push({ role: 'refine', constraint: { id: 'supplier', kind: 'exact', stage: 'selection', field: 'supplier', value: supplier }, phrases: [...clauses('supplier', [{ id: 'from', text: `from ${supplier}` }, { id: 'with', text: `with ${supplier}` }]), ...sentences('supplier', [{ id: 'book', text: `Book with ${supplier}.` }])], matchesListing: (l) => l.attrs.supplier === supplier });

  const ratingMin = Math.floor(Number(la.supplierRating) * 2 + 1e-9) / 2;
  if (ratingMin >= 6) {
    out.push({
      role: 'refine',
      constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'supplierRating', min: ratingMin },
      phrases: [...clauses('rating-min', [{ id: 'rated', text: `from a supplier rated at least ${ratingMin}/10` }]), ...sentences('rating-min', [{ id: 'better', text: `The supplier should be rated ${ratingMin} or better.` }])],
      matchesListing: (l) => typeof l.attrs.supplierRating === 'number' && l.attrs.supplierRating >= ratingMin,
    });
  }

  const seats = Number(la.seats);
  if (seats >= 5) {
    out.push({ role: 'refine', constraint: { id: 'seats-min', kind: 'range', stage: 'selection', field: 'seats', min: seats }, phrases: clauses('seats-min', [{ id: 'least', text: `with at least ${seats} seats` }, { id: 'seating', text: `seating ${numberWord(seats)} or more` }]), matchesListing: (l) => typeof l.attrs.seats === 'number' && l.attrs.seats >= seats });
  }
  const bags = Number(la.bags);
  if (bags >= 2) {
    out.push({ role: 'refine', constraint: { id: 'bags-min', kind: 'range', stage: 'selection', field: 'bags', min: bags }, phrases: clauses('bags-min', [{ id: 'room', text: `with room for at least ${bags} bags` }, { id: 'suitcases', text: `that takes ${numberWord(bags)} suitcases or more` }]), matchesListing: (l) => typeof l.attrs.bags === 'number' && l.attrs.bags >= bags });
  }
  if (la.airConditioning === true) {
    out.push({ role: 'refine', constraint: { id: 'air-conditioning', kind: 'exact', stage: 'selection', field: 'airConditioning', value: true }, phrases: clauses('air-conditioning', [{ id: 'with', text: 'with air conditioning' }, { id: 'ac', text: 'with A/C' }]), matchesListing: (l) => l.attrs.airConditioning === true });
  }
  if (la.freeCancellation === true) {
    out.push({
      role: 'refine',
      constraint: { id: 'free-cancellation', kind: 'exact', stage: 'selection', field: 'freeCancellation', value: true },
      phrases: [...clauses('free-cancellation', [{ id: 'with', text: 'with free cancellation' }]), ...sentences('free-cancellation', [{ id: 'cancel', text: 'I need to be able to cancel for free.' }])],
      matchesListing: (l) => l.attrs.freeCancellation === true,
    });
  }

  // The daily price depends on the day count, which unstated times can move by one (n or n+1
  // days): bound only when the target car stays under it either way.
  const priceMax = ceilNice(Number(la.pricePerDay));
  if (dayCountVariants(t).every((p) => p <= priceMax)) out.push({ role: 'refine', constraint: { id: 'price-max', kind: 'range', stage: 'selection', field: 'pricePerDay', max: priceMax }, phrases: clauses('price-max', [{ id: 'daily-rate', text: `with a daily rate of at most €${priceMax} for the car` }, { id: 'itself', text: `at no more than €${priceMax} a day for the car itself, cover extra` }]), matchesListing: (l) => typeof l.attrs.pricePerDay === 'number' && l.attrs.pricePerDay <= priceMax });
  const depositMax = Math.ceil(Number(la.deposit) / 100) * 100;
  out.push({
    role: 'refine',
    constraint: { id: 'deposit-max', kind: 'range', stage: 'selection', field: 'deposit', max: depositMax },
    phrases: clauses('deposit-max', [{ id: 'most', text: `with a deposit of at most €${depositMax}` }, { id: 'no-higher', text: `with a security deposit no higher than €${depositMax}` }]),
    matchesListing: (l) => typeof l.attrs.deposit === 'number' && l.attrs.deposit <= depositMax,
  });
  return out;
}

/** The options picked on the car's page: protection, mileage, fuel policy. */
function choiceCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const protection = str(t, 'protection');
  const protectionSay: Record<string, { id: string; text: string }[]> = {
    basic: [{ id: 'enough', text: 'Basic protection is enough; no extra cover.' }, { id: 'keep', text: 'Keep the included basic protection.' }],
    standard: [{ id: 'add', text: 'Add standard protection.' }, { id: 'take', text: 'Take the standard protection cover.' }],
    full: [{ id: 'zero', text: 'Get full protection with zero excess.' }, { id: 'take', text: 'Take the full protection.' }],
  };
  const say = protectionSay[protection];
  if (say) out.push({ role: 'refine', constraint: { id: 'protection', kind: 'exact', stage: 'selection', field: 'protection', value: protection }, phrases: sentences('protection', say) });
  const excess = num(t, 'excess');
  if (protection === 'full' && excess === 0) {
    out.push({ role: 'refine', constraint: { id: 'excess-max', kind: 'range', stage: 'selection', field: 'excess', max: 0 }, phrases: [...clauses('excess-max', [{ id: 'none', text: 'with no damage excess' }]), ...sentences('excess-max', [{ id: 'zero', text: "I don't want to pay anything if the car is damaged." }])] });
  } else if (protection === 'standard' && excess > 0) {
    const max = Math.ceil(excess / 100) * 100;
    out.push({ role: 'refine', constraint: { id: 'excess-max', kind: 'range', stage: 'selection', field: 'excess', max }, phrases: clauses('excess-max', [{ id: 'most', text: `with a damage excess of at most €${max}` }]) });
  }

  if (t.attrs.unlimitedMileage === true) {
    out.push({ role: 'refine', constraint: { id: 'unlimited-mileage', kind: 'exact', stage: 'selection', field: 'unlimitedMileage', value: true }, phrases: [...clauses('unlimited-mileage', [{ id: 'with', text: 'with unlimited mileage' }]), ...sentences('unlimited-mileage', [{ id: 'far', text: 'I need unlimited mileage.' }])] });
  } else if (t.attrs.mileage === 'limited') {
    const km = num(t, 'mileageLimitKm');
    out.push({ role: 'refine', constraint: { id: 'mileage', kind: 'exact', stage: 'selection', field: 'mileage', value: 'limited' }, phrases: sentences('mileage', [{ id: 'enough', text: `The included ${km} km a day is enough; no mileage upgrade.` }]) });
  }

  const hasFuelGroup = t.detail.optionGroups.some((g) => g.id === 'fuel');
  const policy = t.attrs.fuelPolicy;
  if (hasFuelGroup && policy === 'prepaid') {
    out.push({ role: 'refine', constraint: { id: 'fuel-policy', kind: 'exact', stage: 'selection', field: 'fuelPolicy', value: 'prepaid' }, phrases: sentences('fuel-policy', [{ id: 'prepay', text: 'Pre-pay a full tank of fuel.' }, { id: 'add', text: 'Take the pre-paid fuel option.' }]) });
  } else if (hasFuelGroup && policy === 'full-to-full') {
    out.push({ role: 'refine', constraint: { id: 'fuel-policy', kind: 'exact', stage: 'selection', field: 'fuelPolicy', value: 'full-to-full' }, phrases: sentences('fuel-policy', [{ id: 'full', text: "Keep the full-to-full fuel policy; I'll return it full." }, { id: 'no-prepaid', text: 'No pre-paid fuel.' }]) });
  }
  return out;
}

function candidates(t: Target, rng: Rng): Candidate[] {
  return [...searchCandidates(t, rng), ...listingCandidates(t), ...choiceCandidates(t)];
}

const sup = (id: string, list: { id: string; text: string }[]): Phrase[] => sentences(id, list);

export const wheeloTasks: TaskCatalogue = {
  siteId: 'wheelo',
  intros: ['Rent a car', 'Book a rental car', 'I need a rental car', 'Find me a hire car', 'Please book me a car', 'Reserve a car for me'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'pricePerDay', objective: 'min', phrases: sup('cheapest', [{ id: 'pick', text: 'Choose the cheapest car that fits.' }, { id: 'lowest', text: 'Go for the lowest daily price among the matching cars.' }]) },
    { id: 'best-rated', field: 'supplierRating', objective: 'max', phrases: sup('best-rated', [{ id: 'pick', text: 'Pick the car from the best-rated supplier that fits.' }, { id: 'top', text: 'Among the matching cars, take the one whose supplier has the highest rating.' }]) },
    { id: 'lowest-deposit', field: 'deposit', objective: 'min', phrases: sup('lowest-deposit', [{ id: 'pick', text: 'Of the matching cars, take the one with the smallest deposit.' }]) },
    { id: 'most-bags', field: 'bags', objective: 'max', phrases: sup('most-bags', [{ id: 'pick', text: 'Of the matching cars, take the one with the most luggage space.' }]) },
    { id: 'most-seats', field: 'seats', objective: 'max', phrases: sup('most-seats', [{ id: 'pick', text: 'Choose the matching car with the most seats.' }]) },
  ],
};
