import type { World } from '../../../world/world.js';
import { CITIES } from '../../../world/geography.js';
import { flightRoutesDomain } from '../../../sites/skyhop/domain.js';
import { railRoutesDomain, cityByStation } from '../../../sites/railgo/domain.js';
import { coachRoutesDomain } from '../../../sites/coachly/domain.js';
import { stationByCode } from '../../../sites/coachly/stations.js';
import { ferryCrossingsDomain } from '../../../sites/ferryway/domain.js';
import { portByCode } from '../../../sites/ferryway/ports.js';
import { distinct, maxOf, minOf, type GraphBuilder } from '../graph-builder.js';
import { entityId, slug } from '../schema.js';
import { cityIdOf } from './places.js';

const hhmm = (min: number) => `${String(Math.floor(min / 60) % 24).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
/** Days a week a slot runs, from its bit mask (bit 0 Sunday). */
const daysPerWeek = (mask: number) => [0, 1, 2, 3, 4, 5, 6].filter((d) => mask & (1 << d)).length;

/** Airlines and their routes: who flies where comes from the route table, not from the day's flights. */
export function extractFlights(b: GraphBuilder, world: World): void {
  const airlineRoutes = new Map<string, { routes: string[]; cities: Set<string>; km: number[] }>();
  for (const r of world.all(flightRoutesDomain)) {
    const from = CITIES.find((c) => c.airport.code === r.origin)!;
    const to = CITIES.find((c) => c.airport.code === r.destination)!;
    const id = b.add('flight-route', r.id, `${from.name} – ${to.name} flights`, {
      originAirport: r.origin,
      destinationAirport: r.destination,
      originCity: from.name,
      destinationCity: to.name,
      distanceKm: r.km,
      airlines: [...r.airlines],
      airlineCount: r.airlines.length,
      typicalDailyOptions: r.daily,
      baseEconomyFareEur: r.baseEconomy,
      connectionHubs: [...r.hubs],
    });
    b.link(id, 'from', entityId('airport', r.origin));
    b.link(id, 'to', entityId('airport', r.destination));
    for (const a of r.airlines) {
      const aid = b.ensure('airline', slug(a), a, {});
      b.link(id, 'operated-by', aid);
      let acc = airlineRoutes.get(aid);
      if (!acc) airlineRoutes.set(aid, (acc = { routes: [], cities: new Set(), km: [] }));
      acc.routes.push(r.id);
      acc.cities.add(from.id).add(to.id);
      acc.km.push(r.km);
    }
    for (const h of r.hubs) if (b.has(entityId('airport', h))) b.link(id, 'connects-via', entityId('airport', h));
  }
  for (const [aid, acc] of airlineRoutes) {
    b.setFacts(aid, { routeCount: acc.routes.length, citiesServed: acc.cities.size, shortestRouteKm: minOf(acc.km), longestRouteKm: maxOf(acc.km) });
    for (const c of [...acc.cities].sort()) b.link(aid, 'serves-city', cityIdOf(c));
  }
}

/** Rail routes, with their operators from the weekday timetable. */
export function extractRail(b: GraphBuilder, world: World): void {
  const opRoutes = new Map<string, number>();
  for (const r of world.all(railRoutesDomain)) {
    const from = cityByStation(r.origin)!;
    const to = cityByStation(r.destination)!;
    const ops = distinct(r.services.map((s) => s.operator));
    const direct = r.services.filter((s) => s.changes === 0);
    const id = b.add('rail-route', r.id, `${from.name} – ${to.name} trains`, {
      originStation: from.station.name,
      destinationStation: to.station.name,
      originCity: from.name,
      destinationCity: to.name,
      distanceKm: r.km,
      operators: ops,
      weekdayTrains: r.services.length,
      directTrains: direct.length,
      fastestMinutes: minOf(r.services.map((s) => s.durationMin)),
      firstDeparture: hhmm(minOf(r.services.map((s) => s.departMin))),
      lastDeparture: hhmm(maxOf(r.services.map((s) => s.departMin))),
      nightTrain: r.services.some((s) => s.nightTrain),
      baseSaverFareEur: r.base,
    });
    b.link(id, 'from', entityId('station', r.origin));
    b.link(id, 'to', entityId('station', r.destination));
    for (const o of ops) {
      const oid = b.ensure('train-operator', slug(o), o, {});
      b.link(id, 'operated-by', oid);
      opRoutes.set(oid, (opRoutes.get(oid) ?? 0) + 1);
    }
  }
  for (const [oid, n] of opRoutes) b.setFacts(oid, { routeCount: n });
}

/** Coach routes and operators, from each route's weekly timetable. */
export function extractCoaches(b: GraphBuilder, world: World): void {
  const opRoutes = new Map<string, number>();
  for (const r of world.all(coachRoutesDomain)) {
    const from = stationByCode(r.origin)!;
    const to = stationByCode(r.destination)!;
    const ops = distinct(r.slots.map((s) => s.operator));
    const id = b.add('coach-route', r.id.replace(/^cr-/, ''), `${from.city.name} – ${to.city.name} coaches`, {
      originStation: from.name,
      destinationStation: to.name,
      originCity: from.city.name,
      destinationCity: to.city.name,
      distanceKm: r.km,
      operators: ops,
      departuresPerWeek: r.slots.reduce((n, s) => n + daysPerWeek(s.days), 0),
      fastestMinutes: minOf(r.slots.map((s) => s.durationMin)),
      directDepartures: r.slots.some((s) => s.via.length === 0),
      doubleDeckers: r.slots.some((s) => s.doubleDecker),
      baseFareEur: r.baseFare,
    });
    b.link(id, 'from', entityId('coach-station', r.origin));
    b.link(id, 'to', entityId('coach-station', r.destination));
    for (const o of ops) {
      const oid = b.ensure('coach-operator', slug(o), o, {});
      b.link(id, 'operated-by', oid);
      opRoutes.set(oid, (opRoutes.get(oid) ?? 0) + 1);
    }
  }
  for (const [oid, n] of opRoutes) b.setFacts(oid, { routeCount: n });
}

/** Ferry crossings, operators and their vessels. */
export function extractFerries(b: GraphBuilder, world: World): void {
  const ops = new Map<string, { routes: number; vessels: Set<string>; ports: Set<string> }>();
  for (const r of world.all(ferryCrossingsDomain)) {
    const from = portByCode(r.origin)!;
    const to = portByCode(r.destination)!;
    const names = distinct(r.slots.map((s) => s.operator));
    const id = b.add('ferry-route', r.id.replace(/^fc-/, ''), `${from.name} – ${to.name} ferries`, {
      originPort: from.name,
      destinationPort: to.name,
      operators: names,
      vessels: distinct(r.slots.map((s) => s.vessel)).sort(),
      sailingsPerWeek: r.slots.reduce((n, s) => n + daysPerWeek(s.days), 0),
      fastestMinutes: minOf(r.slots.map((s) => s.durationMin)),
      fastCraft: r.slots.some((s) => s.fast),
      carriesVehicles: r.slots.some((s) => s.carriesVehicles),
      cabins: r.slots.some((s) => s.cabins),
      baseFootFareEur: r.baseFare,
      baseCarFareEur: r.carFare,
    });
    b.link(id, 'from', entityId('port', r.origin));
    b.link(id, 'to', entityId('port', r.destination));
    for (const o of names) {
      const oid = b.ensure('ferry-operator', slug(o), o, {});
      b.link(id, 'operated-by', oid);
      let acc = ops.get(oid);
      if (!acc) ops.set(oid, (acc = { routes: 0, vessels: new Set(), ports: new Set() }));
      acc.routes += 1;
      for (const s of r.slots) if (s.operator === o) acc.vessels.add(s.vessel);
      acc.ports.add(from.name).add(to.name);
    }
  }
  for (const [oid, acc] of ops) b.setFacts(oid, { routeCount: acc.routes, fleet: [...acc.vessels].sort(), portsServed: [...acc.ports].sort() });
}
