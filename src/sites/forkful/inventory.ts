import { timeToMinutes, weekday } from '../../core/dates.js';
import { restaurantsDomain, serviceSlots, type RestaurantRow } from './domain.js';
import type { World } from '../../world/world.js';

/**
 * Queries over the restaurants collection: by-city index, opening days and the state of each
 * seating for a date and party size. Pure functions of the world rows.
 */

const byCity = new WeakMap<World, Map<string, RestaurantRow[]>>();

export function restaurantsIn(world: World, cityId: string): readonly RestaurantRow[] {
  let index = byCity.get(world);
  if (!index) {
    index = new Map();
    for (const r of world.all(restaurantsDomain)) {
      const list = index.get(r.cityId);
      if (list) list.push(r);
      else index.set(r.cityId, [r]);
    }
    byCity.set(world, index);
  }
  return index.get(cityId) ?? [];
}

export function restaurantById(world: World, id: string): RestaurantRow | undefined {
  return world.find(restaurantsDomain, id);
}

/** Parties above this size cannot sit where only small tables are left, nor at the bar. */
export const SMALL_TABLE_MAX = 4;
/** Counter seats are for couples and solo diners. */
export const COUNTER_MAX = 2;

export function isOpenOn(r: RestaurantRow, date: string): boolean {
  return r.closedWeekday !== weekday(date) && !r.closedDates.includes(date);
}

export type SlotState = 'free' | 'booked' | 'small-only';

export type Slot = { time: string; meal: 'lunch' | 'dinner'; state: SlotState; depositPerGuest: number };

export function depositFor(r: RestaurantRow, date: string, time: string): number {
  if (r.depositPolicy === 'always') return r.depositPerGuest;
  if (r.depositPolicy === 'weekend-dinner') {
    const wd = weekday(date);
    return (wd === 5 || wd === 6) && timeToMinutes(time) >= 17 * 60 ? r.depositPerGuest : 0;
  }
  return 0;
}

/** Every seating of the day with its state for this party (booked, small tables only, free). */
export function daySlots(r: RestaurantRow, date: string, partySize: number): Slot[] {
  const booked = r.booked[date] ?? [];
  const small = r.smallTablesOnly[date] ?? [];
  const make = (time: string, meal: 'lunch' | 'dinner'): Slot => ({
    time,
    meal,
    state: booked.includes(time) ? 'booked' : small.includes(time) && partySize > SMALL_TABLE_MAX ? 'small-only' : 'free',
    depositPerGuest: depositFor(r, date, time),
  });
  return [...serviceSlots(r.lunch).map((t) => make(t, 'lunch')), ...serviceSlots(r.dinner).map((t) => make(t, 'dinner'))];
}

/** Up to `max` free seatings within two hours of the requested time, closest first, then in time order. */
export function freeSlotsNear(slots: readonly Slot[], time: string, max = 5): Slot[] {
  const want = timeToMinutes(time);
  return slots
    .filter((s) => s.state === 'free' && Math.abs(timeToMinutes(s.time) - want) <= 120)
    .map((s) => ({ s, d: Math.abs(timeToMinutes(s.time) - want) }))
    .sort((a, b) => a.d - b.d || a.s.time.localeCompare(b.s.time))
    .slice(0, max)
    .map((x) => x.s)
    .sort((a, b) => a.time.localeCompare(b.time));
}
