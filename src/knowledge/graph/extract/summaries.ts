import type { GraphBuilder } from '../graph-builder.js';
import type { Entity, EntityType } from '../schema.js';

/** What a place's article counts: how many of each kind of listing it holds. */
const COUNTED: readonly [EntityType, string][] = [
  ['hotel', 'hotels'], ['rental', 'holidayRentals'], ['restaurant', 'restaurants'], ['attraction', 'attractions'],
  ['venue', 'venues'], ['event', 'events'], ['cinema', 'cinemas'], ['clinic', 'clinics'], ['practitioner', 'practitioners'],
];

/** Counts on cities, neighbourhoods and countries, read from the links the other extractors made. */
export function summarizePlaces(b: GraphBuilder, all: readonly Entity[]): void {
  const counts = new Map<string, Map<string, number>>();
  const bump = (to: string, key: string) => {
    let m = counts.get(to);
    if (!m) counts.set(to, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  for (const e of all) {
    const key = COUNTED.find(([t]) => t === e.type)?.[1];
    if (!key) continue;
    for (const l of e.links) if (l.rel === 'in-city' || l.rel === 'in-neighbourhood') bump(l.to, key);
  }
  for (const e of all) {
    if (e.type !== 'city' && e.type !== 'neighbourhood') continue;
    const m = counts.get(e.id);
    b.setFacts(e.id, Object.fromEntries(COUNTED.filter(([t]) => e.type === 'city' || t !== 'event').map(([, k]) => [k, m?.get(k) ?? 0])));
  }
  const citiesOf = new Map<string, string[]>();
  for (const e of all) if (e.type === 'city') for (const l of e.links) if (l.rel === 'in-country') citiesOf.set(l.to, [...(citiesOf.get(l.to) ?? []), e.name]);
  for (const e of all) if (e.type === 'country') b.setFacts(e.id, { cities: citiesOf.get(e.id) ?? [], cityCount: (citiesOf.get(e.id) ?? []).length });
}
