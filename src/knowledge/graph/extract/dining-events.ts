import type { World } from '../../../world/world.js';
import { CITIES } from '../../../world/geography.js';
import { restaurantsDomain } from '../../../sites/forkful/domain.js';
import { eventsDomain, type EventRow } from '../../../sites/ticketnest/domain.js';
import { distinct, minOf, type GraphBuilder } from '../graph-builder.js';
import { slug } from '../schema.js';
import { cityIdOf, neighbourhood } from './places.js';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const cityName = (id: string) => CITIES.find((c) => c.id === id)!.name;

/** Restaurants, their chefs, and restaurant groups: the same name trading in two cities or more. */
export function extractRestaurants(b: GraphBuilder, world: World): void {
  const rows = world.all(restaurantsDomain);
  const citiesOfName = new Map<string, Set<string>>();
  for (const r of rows) {
    let s = citiesOfName.get(r.name);
    if (!s) citiesOfName.set(r.name, (s = new Set()));
    s.add(r.cityId);
  }
  const chefs = new Map<string, typeof rows[number][]>();
  const groups = new Map<string, typeof rows[number][]>();
  for (const r of rows) {
    const id = b.add('restaurant', r.id, r.name, {
      city: cityName(r.cityId),
      neighbourhood: r.neighbourhood,
      cuisine: r.cuisine,
      priceLevel: '€'.repeat(r.priceLevel),
      rating: r.rating,
      reviewCount: r.reviewCount,
      features: [...r.features],
      seating: [...r.seating],
      lunch: r.lunch ? `${r.lunch.first}–${r.lunch.last}` : 'not served',
      dinner: r.dinner ? `${r.dinner.first}–${r.dinner.last}` : 'not served',
      closedOn: r.closedWeekday === null ? 'open every day' : WEEKDAYS[r.closedWeekday]!,
      maxPartySize: r.maxPartySize,
      dressCode: r.dressCode,
      chef: r.chef,
      signatureDish: r.signature,
      deposit: r.depositPolicy,
    });
    b.link(id, 'in-city', cityIdOf(r.cityId));
    b.link(id, 'in-neighbourhood', neighbourhood(b, r.cityId, r.neighbourhood));
    const chefId = b.ensure('chef', slug(r.chef), r.chef, {});
    b.link(id, 'led-by', chefId);
    chefs.set(chefId, [...(chefs.get(chefId) ?? []), r]);
    if ((citiesOfName.get(r.name)?.size ?? 0) >= 2) {
      const gid = b.ensure('restaurant-group', slug(r.name), r.name, {});
      b.link(id, 'member-of', gid);
      groups.set(gid, [...(groups.get(gid) ?? []), r]);
    }
  }
  for (const [id, rs] of chefs) {
    b.setFacts(id, { restaurantCount: rs.length, cities: distinct(rs.map((r) => cityName(r.cityId))), cuisines: distinct(rs.map((r) => r.cuisine)), signatureDishes: distinct(rs.map((r) => r.signature)) });
  }
  for (const [id, rs] of groups) {
    const cities = distinct(rs.map((r) => r.cityId));
    b.setFacts(id, { restaurantCount: rs.length, cityCount: cities.length, cities: cities.map(cityName), cuisines: distinct(rs.map((r) => r.cuisine)) });
    for (const c of cities) b.link(id, 'operates-in', cityIdOf(c));
  }
}

const datesOf = (list: readonly EventRow[]) => list.map((e) => e.date).sort();
const priceFrom = (e: EventRow) => minOf(e.sections.map((s) => s.price));

/** Venues, performers, event series (a title's performances in one city) and each performance. */
export function extractEvents(b: GraphBuilder, world: World): void {
  const events = world.all(eventsDomain);
  const series = new Map<string, EventRow[]>();
  for (const e of events) {
    const key = `${e.city}-${slug(e.title)}`;
    series.set(key, [...(series.get(key) ?? []), e]);
  }
  const venues = new Map<string, EventRow[]>();
  const performers = new Map<string, EventRow[]>();
  for (const e of events) {
    const vid = b.ensure('venue', e.venueId, e.venue, { city: cityName(e.city), neighbourhood: e.neighbourhood, kind: e.venueKind, capacity: e.venueCapacity });
    b.link(vid, 'in-city', cityIdOf(e.city));
    b.link(vid, 'in-neighbourhood', neighbourhood(b, e.city, e.neighbourhood));
    venues.set(vid, [...(venues.get(vid) ?? []), e]);
    const pid = b.ensure('performer', slug(e.performer), e.performer, {});
    performers.set(pid, [...(performers.get(pid) ?? []), e]);
  }
  for (const [key, list] of series) {
    const first = list[0]!;
    const sid = list.length >= 2 || first.category === 'festival' ? b.add('event-series', key, first.title, {
      city: cityName(first.city),
      category: first.category,
      genre: first.genre,
      performer: first.performer,
      venues: distinct(list.map((e) => e.venue)),
      performances: list.length,
      openingDate: datesOf(list)[0]!,
      closingDate: datesOf(list).at(-1)!,
      ticketsFromEur: minOf(list.map(priceFrom)),
    }) : undefined;
    if (sid) {
      b.link(sid, 'in-city', cityIdOf(first.city));
      for (const v of distinct(list.map((e) => e.venueId))) b.link(sid, 'at-venue', `venue:${v}`);
      b.link(sid, 'performed-by', `performer:${slug(first.performer)}`);
    }
    for (const e of list) {
      const id = b.add('event', e.id, e.title, {
        city: cityName(e.city),
        date: e.date,
        weekday: WEEKDAYS[new Date(`${e.date}T12:00:00Z`).getUTCDay()]!,
        time: e.time,
        category: e.category,
        genre: e.genre,
        performer: e.performer,
        venue: e.venue,
        neighbourhood: e.neighbourhood,
        durationMin: e.durationMin,
        doorsOpenMinutesBefore: e.doorsBeforeMin,
        ageRestriction: e.ageRestriction,
        ticketsFromEur: priceFrom(e),
        sections: e.sections.map((s) => s.name),
        parking: e.parkingPrice !== null,
        description: e.blurb,
      });
      b.link(id, 'in-city', cityIdOf(e.city));
      b.link(id, 'at-venue', `venue:${e.venueId}`);
      b.link(id, 'performed-by', `performer:${slug(e.performer)}`);
      if (sid) b.link(id, 'part-of', sid);
    }
  }
  for (const [vid, list] of venues) {
    b.setFacts(vid, { eventCount: list.length, categories: distinct(list.map((e) => e.category)).sort() });
  }
  for (const [pid, list] of performers) {
    const cities = distinct(list.map((e) => e.city));
    b.setFacts(pid, { category: list[0]!.category, genre: list[0]!.genre, performances: list.length, cities: cities.map(cityName), firstShow: datesOf(list)[0]!, lastShow: datesOf(list).at(-1)! });
    for (const c of cities) b.link(pid, 'operates-in', cityIdOf(c));
  }
}
