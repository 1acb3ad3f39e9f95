import { timeToMinutes } from '../../core/dates.js';

export type DayPeriodId = 'night' | 'morning' | 'afternoon' | 'evening';

/** A part of the day as a departure window, inclusive at both ends as a time_window check is. */
export type DayPeriod = { id: DayPeriodId; after?: string; before?: string };

/** The part of the day a departure time falls in: night before 06:00, morning, afternoon, evening from 18:00. */
export function dayPeriodOf(hhmm: string): DayPeriod {
  const m = timeToMinutes(hhmm);
  if (m < 6 * 60) return { id: 'night', before: '05:59' };
  if (m < 12 * 60) return { id: 'morning', after: '06:00', before: '11:59' };
  if (m < 18 * 60) return { id: 'afternoon', after: '12:00', before: '17:59' };
  return { id: 'evening', after: '18:00' };
}

/** Whether a listing's "HH:MM" time lies in the window (anything that is not a time does not). */
export function inDayPeriod(p: DayPeriod, v: unknown): boolean {
  const m = typeof v === 'string' && /^\d{1,2}:\d{2}$/.test(v) ? timeToMinutes(v) : undefined;
  return m !== undefined && (p.after === undefined || m >= timeToMinutes(p.after)) && (p.before === undefined || m <= timeToMinutes(p.before));
}
