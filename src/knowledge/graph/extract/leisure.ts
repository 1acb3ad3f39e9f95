import type { World } from '../../../world/world.js';
import { CITIES } from '../../../world/geography.js';
import { cinemasDomain, filmsDomain } from '../../../sites/screenly/domain.js';
import { attractionsDomain, CATEGORY_LABELS, FEATURE_LABELS } from '../../../sites/tourbase/domain.js';
import { practitionersDomain, SPECIALTY_LABELS } from '../../../sites/medibook/domain.js';
import { carsDomain, carLocationById } from '../../../sites/wheelo/domain.js';
import { distinct, mean, type GraphBuilder } from '../graph-builder.js';
import { slug } from '../schema.js';
import { cityIdOf, neighbourhood } from './places.js';
import { WEEKDAYS } from './dining-events.js';

const cityName = (id: string) => CITIES.find((c) => c.id === id)!.name;

export function extractCinemas(b: GraphBuilder, world: World): void {
  const chains = new Map<string, string[]>();
  for (const c of world.all(cinemasDomain)) {
    const id = b.add('cinema', c.id, c.name, {
      city: cityName(c.cityId),
      neighbourhood: c.neighbourhood,
      chain: c.chain,
      screens: c.screens.length,
      formats: distinct(c.screens.map((s) => s.format)),
      seats: c.screens.reduce((n, s) => n + s.rows * s.seatsPerRow, 0),
      wheelchairSpaces: c.screens.reduce((n, s) => n + s.wheelchairSpaces, 0),
      standardTicketEur: c.basePrice,
      parking: c.parking,
      bar: c.bar,
    });
    b.link(id, 'in-city', cityIdOf(c.cityId));
    b.link(id, 'in-neighbourhood', neighbourhood(b, c.cityId, c.neighbourhood));
    const chainId = b.ensure('cinema-chain', slug(c.chain), c.chain, {});
    b.link(id, 'member-of', chainId);
    chains.set(chainId, [...(chains.get(chainId) ?? []), c.cityId]);
  }
  for (const [id, cities] of chains) {
    b.setFacts(id, { cinemaCount: cities.length, cities: distinct(cities).map(cityName) });
    for (const c of distinct(cities)) b.link(id, 'operates-in', cityIdOf(c));
  }
  for (const f of world.all(filmsDomain)) {
    b.add('film', f.id.replace(/^film-/, ''), f.title, { genre: f.genre, ageRating: f.ageRating, runtimeMin: f.runtimeMin, audienceScore: f.score, in3dOrImax: f.bigScreen });
  }
}

export function extractAttractions(b: GraphBuilder, world: World): void {
  for (const a of world.all(attractionsDomain)) {
    const id = b.add('attraction', a.id, a.name, {
      city: cityName(a.cityId),
      neighbourhood: a.neighbourhood,
      category: CATEGORY_LABELS[a.category],
      durationMin: a.durationMin,
      rating: a.rating,
      reviewCount: a.reviewCount,
      features: a.features.map((f) => FEATURE_LABELS[f]),
      adultTicketEur: a.prices.adult,
      childTicketEur: a.prices.child,
      seniorTicketEur: a.prices.senior,
      ...(a.prices.family !== null ? { familyTicketEur: a.prices.family } : {}),
      closedOn: a.closedOn === null ? 'open every day' : WEEKDAYS[a.closedOn]!,
      timedEntry: a.times.length > 0,
      ...(a.times.length > 0 ? { firstStart: a.times[0]!, startsPerDay: a.times.length } : {}),
    });
    b.link(id, 'in-city', cityIdOf(a.cityId));
    b.link(id, 'in-neighbourhood', neighbourhood(b, a.cityId, a.neighbourhood));
  }
}

export function extractClinics(b: GraphBuilder, world: World): void {
  const clinics = new Map<string, { specialties: string[]; languages: string[]; n: number }>();
  for (const p of world.all(practitionersDomain)) {
    const cid = b.ensure('clinic', `${p.cityId}-${slug(p.clinic)}`, p.clinic, { city: cityName(p.cityId) });
    b.link(cid, 'in-city', cityIdOf(p.cityId));
    const acc = clinics.get(cid) ?? { specialties: [], languages: [], n: 0 };
    acc.specialties.push(SPECIALTY_LABELS[p.specialty]);
    acc.languages.push(...p.languages);
    acc.n += 1;
    clinics.set(cid, acc);
    const open = p.week.map((s, d) => (s.length > 0 ? WEEKDAYS[d]! : undefined)).filter((d): d is (typeof WEEKDAYS)[number] => d !== undefined);
    const id = b.add('practitioner', p.id, p.name, {
      city: cityName(p.cityId),
      specialty: SPECIALTY_LABELS[p.specialty],
      clinic: p.clinic,
      neighbourhood: p.neighbourhood,
      languages: [...p.languages],
      yearsExperience: p.yearsExperience,
      rating: p.rating,
      reviewCount: p.reviewCount,
      acceptsNewPatients: p.acceptsNewPatients,
      videoVisits: p.videoVisits,
      wheelchairAccess: p.wheelchairAccess,
      standardFeeEur: p.fee,
      appointmentMinutes: p.slotMinutes,
      openDays: open,
    });
    b.link(id, 'in-city', cityIdOf(p.cityId));
    b.link(id, 'in-neighbourhood', neighbourhood(b, p.cityId, p.neighbourhood));
    b.link(id, 'at-clinic', cid);
  }
  for (const [id, acc] of clinics) b.setFacts(id, { practitioners: acc.n, specialties: distinct(acc.specialties).sort(), languages: distinct(acc.languages).sort() });
}

export function extractCarSuppliers(b: GraphBuilder, world: World): void {
  const suppliers = new Map<string, { cars: number; classes: string[]; desks: string[]; cities: string[]; ratings: number[] }>();
  for (const c of world.all(carsDomain)) {
    const id = b.ensure('car-supplier', slug(c.supplier), c.supplier, {});
    const acc = suppliers.get(id) ?? { cars: 0, classes: [], desks: [], cities: [], ratings: [] };
    acc.cars += 1;
    acc.classes.push(c.carClass);
    acc.desks.push(carLocationById(c.locationId)?.name ?? c.locationId);
    acc.cities.push(c.cityId);
    acc.ratings.push(c.supplierRating);
    suppliers.set(id, acc);
  }
  for (const [id, acc] of suppliers) {
    const cities = distinct(acc.cities);
    b.setFacts(id, { carsListed: acc.cars, carClasses: distinct(acc.classes).sort(), rentalDesks: distinct(acc.desks).length, cityCount: cities.length, averageSupplierRating: Math.round(mean(acc.ratings) * 10) / 10 });
    for (const c of cities) b.link(id, 'operates-in', cityIdOf(c));
  }
}
