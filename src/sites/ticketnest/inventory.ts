import { daysBetween, isIsoDate } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import { eventsDomain, type EventRow } from './domain.js';
import type { SearchParams } from '../engine/site-definition.js';

/**
 * The search as TicketNest reads it: params are already validated by the engine. The category
 * field is named `searchCategory` because the engine merges params and listing attrs into one
 * record, where `category` is the booked event's own category ("comedy", never "any").
 */
export type EventQuery = { city: string; dateFrom: string; dateTo: string; category: string; tickets: number };

export const MAX_TICKETS = 8;
export const MAX_RANGE_DAYS = 31;

export function readQuery(params: SearchParams): EventQuery {
  const t = Math.trunc(Number(params.tickets));
  return {
    city: String(params.city ?? ''),
    dateFrom: String(params.dateFrom ?? ''),
    dateTo: String(params.dateTo ?? ''),
    category: String(params.searchCategory ?? 'any') || 'any',
    tickets: Number.isFinite(t) ? Math.min(MAX_TICKETS, Math.max(1, t)) : 2,
  };
}

type EventIndex = { byCity: Map<string, EventRow[]> };
const INDEXES = new WeakMap<World, EventIndex>();

/** Events by city in chronological order, built once per world. */
function index(world: World): EventIndex {
  let idx = INDEXES.get(world);
  if (!idx) {
    const byCity = new Map<string, EventRow[]>();
    for (const ev of world.all(eventsDomain)) {
      let list = byCity.get(ev.city);
      if (!list) byCity.set(ev.city, (list = []));
      list.push(ev);
    }
    for (const list of byCity.values()) list.sort(compareEvents);
    idx = { byCity };
    INDEXES.set(world, idx);
  }
  return idx;
}

function compareEvents(a: EventRow, b: EventRow): number {
  const ka = `${a.date}T${a.time}`;
  const kb = `${b.date}T${b.time}`;
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function citiesWithEvents(world: World): string[] {
  return [...index(world).byCity.keys()];
}

export function findEvent(world: World, id: string): EventRow | undefined {
  return world.find(eventsDomain, id);
}

/** Does the event fall under the query (city, date range, category)? */
export function matches(ev: EventRow, q: EventQuery): boolean {
  if (ev.city !== q.city) return false;
  if (isIsoDate(q.dateFrom) && ev.date < q.dateFrom) return false;
  if (isIsoDate(q.dateTo) && ev.date > q.dateTo) return false;
  return q.category === 'any' || ev.category === q.category;
}

/** Matching events, chronological. */
export function findEvents(world: World, q: EventQuery): EventRow[] {
  const list = index(world).byCity.get(q.city) ?? [];
  return list.filter((ev) => matches(ev, q));
}

/** Days from the world's today to the event (0 = today). */
export function daysUntil(world: World, ev: EventRow): number {
  return daysBetween(world.today, ev.date);
}
