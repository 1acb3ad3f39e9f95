import { minutesToTime, timeToMinutes, weekday } from '../../core/dates.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { cinemasDomain, filmsDomain, type Cinema, type Film, type Screen, type ScreenFormat } from './domain.js';

/**
 * What each cinema shows on each day and which seats are taken, made on demand from the stored
 * cinemas and films with a stream fixed by the world seed, the cinema and the day (the same
 * programme every time it is asked for), and kept for the recent ones.
 */

export type Screening = {
  id: string;
  cinema: Cinema;
  screen: Screen;
  film: Film;
  date: string;
  time: string;
  endTime: string;
  format: ScreenFormat;
  /** A standard seat, in EUR. */
  standardPrice: number;
};

export type Seat = { id: string; row: number; rowName: string; number: number; seatClass: 'standard' | 'premium' | 'wheelchair'; taken: boolean };

const MEMO_LIMIT = 4096;
const programmes = new WeakMap<World, Map<string, Screening[]>>();
const seatMaps = new WeakMap<World, Map<string, Seat[]>>();

function remember<T>(cache: WeakMap<World, Map<string, T>>, world: World, key: string, make: () => T): T {
  let m = cache.get(world);
  if (!m) cache.set(world, (m = new Map()));
  let v = m.get(key);
  if (v === undefined) {
    if (m.size >= MEMO_LIMIT) m.clear();
    v = make();
    m.set(key, v);
  }
  return v;
}

const half = (n: number) => Math.round(n * 2) / 2;

/** The price of a standard seat: the cinema's, the format's supplement, matinees and Cheap Tuesdays. */
function standardPrice(cinema: Cinema, format: ScreenFormat, date: string, start: number): number {
  const supplement = { standard: 0, '3d': 2.5, imax: 5, dolby: 3.5 }[format];
  let p = cinema.basePrice + supplement - (start < 17 * 60 ? 2 : 0);
  if (weekday(date) === 2) p *= 0.75;
  return half(p);
}

function formatOf(screen: Screen, film: Film): ScreenFormat {
  if (screen.format === 'dolby') return 'dolby';
  return screen.format !== 'standard' && film.bigScreen ? screen.format : 'standard';
}

/** Every screening of a cinema on a day, by screen then time. */
export function programme(world: World, cinema: Cinema, date: string): Screening[] {
  return remember(programmes, world, `${cinema.id}/${date}`, () => {
    const rng = new Rng(`${world.seed}/screenly/${cinema.id}/${date}`);
    const all = world.all(filmsDomain);
    const out: Screening[] = [];
    for (const screen of cinema.screens) {
      // Big screens favour the films made for them.
      const weighted = all.map((f) => [f, f.demand * (screen.format !== 'standard' && f.bigScreen ? 2.5 : 1)] as const);
      let t = 10 * 60 + 30 + rng.int(0, 14) * 15;
      while (t <= 22 * 60 + 45) {
        const film = rng.weighted(weighted);
        const end = t + film.runtimeMin + 15;
        const format = formatOf(screen, film);
        const time = minutesToTime(t);
        out.push({
          id: `scr-${cinema.id}-${date.slice(5).replace('-', '')}-${screen.number}-${time.replace(':', '')}`,
          cinema,
          screen,
          film,
          date,
          time,
          endTime: minutesToTime(t + film.runtimeMin + 15),
          format,
          standardPrice: standardPrice(cinema, format, date, t),
        });
        t = Math.ceil((end + rng.int(20, 45)) / 15) * 15;
      }
    }
    return out.sort((a, b) => a.time.localeCompare(b.time) || a.screen.number - b.screen.number);
  });
}

/** Cinemas by city, built once per world. */
const byCity = new WeakMap<World, Map<string, Cinema[]>>();
export function cinemasIn(world: World, cityId: string): Cinema[] {
  let index = byCity.get(world);
  if (!index) {
    index = new Map();
    for (const c of world.all(cinemasDomain)) index.set(c.cityId, [...(index.get(c.cityId) ?? []), c]);
    byCity.set(world, index);
  }
  return index.get(cityId) ?? [];
}

/** Every screening in a city on a day. */
export function screeningsIn(world: World, cityId: string, date: string): Screening[] {
  return cinemasIn(world, cityId).flatMap((c) => programme(world, c, date));
}

const ID = /^scr-(.+)-(\d{2})(\d{2})-(\d+)-(\d{4})$/;

/** A screening by id (its cinema and day are in the id). */
export function screeningById(world: World, id: string): Screening | undefined {
  const m = ID.exec(id);
  if (!m) return undefined;
  const cinema = world.find(cinemasDomain, m[1]!);
  if (!cinema) return undefined;
  return programme(world, cinema, `2026-${m[2]}-${m[3]}`).find((s) => s.id === id);
}

const ROW_NAMES = 'ABCDEFGHIJKL';

/**
 * The seats of a screening: rows A (by the screen) to the back, the last rows premium, the
 * wheelchair spaces at the end of row A; taken seats drawn by how busy the show is (evenings,
 * weekends and popular films fill up).
 */
export function seatsOf(world: World, s: Screening): Seat[] {
  return remember(seatMaps, world, s.id, () => {
    const rng = new Rng(`${world.seed}/screenly-seats/${s.id}`);
    const start = timeToMinutes(s.time);
    const wd = weekday(s.date);
    const busy = Math.min(0.96, 0.12 + (start >= 18 * 60 ? 0.28 : 0) + ([0, 5, 6].includes(wd) ? 0.18 : 0) + s.film.demand * 0.1 + rng.float(-0.1, 0.25));
    const seats: Seat[] = [];
    const { rows, seatsPerRow, premiumRows, wheelchairSpaces } = s.screen;
    for (let r = 1; r <= rows; r++) {
      for (let n = 1; n <= seatsPerRow; n++) {
        const wheelchair = r === 1 && n > seatsPerRow - wheelchairSpaces;
        const seatClass = wheelchair ? 'wheelchair' : r > rows - premiumRows ? 'premium' : 'standard';
        const rowName = ROW_NAMES[r - 1]!;
        seats.push({ id: `${rowName}${n}`, row: r, rowName, number: n, seatClass, taken: rng.chance(wheelchair ? busy * 0.5 : busy) });
      }
    }
    return seats;
  });
}
