/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC. The world has a fixed "today",
 * so a task written against it never goes stale.
 */
export const WORLD_TODAY = '2026-06-01';
/** Days after today for which inventory exists (today + 0 .. HORIZON_DAYS - 1). */
export const HORIZON_DAYS = 60;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function toDate(iso: string): Date {
  return new Date(dayNumber(iso) * 86_400_000);
}

/**
 * Days since 1970-01-01 of an ISO date. Remembered: inventory and pricing ask about the same few
 * dozen dates millions of times (every night of every stay of every search), and parsing one
 * costs a regex and two Dates.
 */
const DAY_NUMBERS = new Map<string, number>();
function dayNumber(iso: string): number {
  let n = DAY_NUMBERS.get(iso);
  if (n === undefined) {
    if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
    n = Math.round(new Date(`${iso}T00:00:00Z`).getTime() / 86_400_000);
    if (DAY_NUMBERS.size >= 4096) DAY_NUMBERS.clear();
    DAY_NUMBERS.set(iso, n);
  }
  return n;
}

export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

export function weekdayName(iso: string): string {
  return WEEKDAYS[weekday(iso)]!;
}

export function monthName(month1: number): string {
  return MONTHS[month1 - 1]!;
}

/** "Friday, June 12, 2026": the label date-picker cells carry. */
export function longDate(iso: string): string {
  const d = toDate(iso);
  return `${weekdayName(iso)}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/**
 * How every agent prompt states the date relative phrases ("next Friday", "in 6 days") are
 * read against: "Monday, June 1, 2026". Tasks never say "today" without the agent being told it.
 */
export function todayText(today: string = WORLD_TODAY): string {
  return longDate(today);
}

/** "Fri 12 Jun". */
export function shortDate(iso: string): string {
  const d = toDate(iso);
  return `${weekdayName(iso).slice(0, 3)} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!.slice(0, 3)}`;
}

export function horizonDates(): string[] {
  return Array.from({ length: HORIZON_DAYS }, (_, i) => addDays(WORLD_TODAY, i));
}

export function inHorizon(iso: string): boolean {
  if (!DAY_NUMBERS.has(iso) && !isIsoDate(iso)) return false;
  const n = daysBetween(WORLD_TODAY, iso);
  return n >= 0 && n < HORIZON_DAYS;
}

/** "HH:MM" <-> minutes after midnight. */
export function timeToMinutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function minutesToTime(min: number): string {
  const m = ((min % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "2h 35m". */
export function formatDuration(min: number): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}
