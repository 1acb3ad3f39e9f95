import { CITIES, CITY_SCALE, type City } from '../../../world/geography.js';
import { COACH_STATIONS } from '../../../sites/coachly/stations.js';
import { PORTS, AREAS } from '../../../sites/ferryway/ports.js';
import { AIRPORTS as PACKAGE_AIRPORTS } from '../../../sites/packfly/places.js';
import { RAIL_CITIES } from '../../../sites/railgo/domain.js';
import type { GraphBuilder } from '../graph-builder.js';
import { entityId, slug } from '../schema.js';

/** The id of a country, added on first mention. */
export function country(b: GraphBuilder, name: string): string {
  return b.ensure('country', slug(name), name, {});
}

export const cityIdOf = (cityId: string) => entityId('city', cityId);

/** The id of a neighbourhood of a city, added (with its city link) on first mention. */
export function neighbourhood(b: GraphBuilder, cityId: string, name: string): string {
  const city = CITIES.find((c) => c.id === cityId)!;
  const id = b.ensure('neighbourhood', `${cityId}-${slug(name)}`, name, { city: city.name, country: city.country });
  b.link(id, 'in-city', cityIdOf(cityId));
  return id;
}

/** Countries, cities with their neighbourhoods, airports, rail and coach stations, ports. */
export function extractPlaces(b: GraphBuilder): void {
  for (const c of CITIES) addCity(b, c);
  for (const c of CITIES) {
    const id = b.add('airport', c.airport.code, c.airport.name, { code: c.airport.code, city: c.name, country: c.country });
    b.link(id, 'serves-city', cityIdOf(c.id));
  }
  for (const a of PACKAGE_AIRPORTS) {
    const city = CITIES.find((c) => c.name === a.city);
    const id = b.ensure('airport', a.code, city && city.airport.code === a.code ? city.airport.name : a.name, { code: a.code, city: a.city });
    b.setFacts(id, { packageHolidayDepartures: true });
    if (city) {
      b.setFacts(id, { country: city.country });
      b.link(id, 'serves-city', cityIdOf(city.id));
    }
  }
  for (const c of RAIL_CITIES) {
    const id = b.add('station', c.station.code, c.station.name, { code: c.station.code, city: c.name, country: c.country, kind: 'main rail station' });
    b.link(id, 'serves-city', cityIdOf(c.id));
  }
  for (const s of COACH_STATIONS) {
    const id = b.add('coach-station', s.code, s.name, { code: s.code, city: s.city.name, country: s.city.country });
    b.link(id, 'serves-city', cityIdOf(s.city.id));
  }
  for (const p of PORTS) {
    const area = AREAS.find((a) => a.ports.includes(p.code));
    const id = b.add('port', p.code, p.name, { code: p.code, country: p.country, ...(area ? { seaArea: area.name } : {}) });
    b.link(id, 'in-country', country(b, p.country));
    const city = CITIES.find((c) => c.name === p.name);
    if (city) b.link(id, 'serves-city', cityIdOf(city.id));
  }
}

function addCity(b: GraphBuilder, c: City): void {
  const id = b.add('city', c.id, c.name, {
    country: c.country,
    currency: c.currency,
    latitude: c.lat,
    longitude: c.lon,
    airportCode: c.airport.code,
    airport: c.airport.name,
    mainStation: c.station.name,
    // Scaled to a 1-100 index: how much the sites list there.
    visitorMarketIndex: Math.round((CITY_SCALE[c.id] ?? 0.5) * 100),
  });
  b.link(id, 'in-country', country(b, c.country));
  for (const n of c.neighbourhoods) neighbourhood(b, c.id, n);
}
