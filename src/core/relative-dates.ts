import { addDays, weekday } from './dates.js';

/**
 * Relative dates as different careful readers resolve them. "Next Saturday", said on Monday
 * 1 June, is 6 June to some readers (the nearest Saturday) and 13 June to others (Saturday of
 * next week); an instruction may use a relative phrase only when every reader below lands on
 * the same day. The generator asks `unanimousDate` before it writes one; the instruction linter
 * flags any phrase whose readings split or miss the date the task checks.
 */

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const WD = WEEKDAYS.join('|');
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** A convention for reading week-relative phrases. */
export type Reader = {
  id: string;
  /** Index (0 = Sunday) of the day a week starts on. */
  weekStart: 0 | 1;
  /** "next Saturday": the nearest one after today (true) or the one in next calendar week (false). */
  nextMeansNearest: boolean;
};

/** The readings we test every phrase against. */
export const READERS: readonly Reader[] = [
  { id: 'monday-weeks', weekStart: 1, nextMeansNearest: false },
  { id: 'sunday-weeks', weekStart: 0, nextMeansNearest: false },
  { id: 'nearest-monday-weeks', weekStart: 1, nextMeansNearest: true },
  { id: 'nearest-sunday-weeks', weekStart: 0, nextMeansNearest: true },
];

/** The first day of the calendar week holding `iso`, for a week starting on `start`. */
function weekStartOf(iso: string, start: 0 | 1): string {
  return addDays(iso, -((weekday(iso) - start + 7) % 7));
}

/** The weekday `wd` of the calendar week starting on `first`. */
function dayOfWeek(first: string, wd: number, start: 0 | 1): string {
  return addDays(first, (wd - start + 7) % 7);
}

/** The nearest `wd` strictly after `today`. */
function nearestAfter(today: string, wd: number): string {
  return addDays(today, ((wd - weekday(today) + 7) % 7) || 7);
}

/** A relative expression found in text, with where it is. */
export type RelativeMention = { text: string; index: number };

const PATTERNS: RegExp[] = [
  /\btoday\b/gi,
  /\bthe day after tomorrow\b/gi,
  /\btomorrow\b/gi,
  new RegExp(`\\bin (\\d+|${Object.keys(NUMBER_WORDS).join('|')}) days\\b`, 'gi'),
  /\bin (a|one|two) weeks?\b/gi,
  /\ba week (today|from today)\b/gi,
  new RegExp(`\\b(this|next|coming|this coming) (${WD})\\b`, 'gi'),
  new RegExp(`\\b(${WD}) (of )?next week\\b`, 'gi'),
  new RegExp(`\\b(${WD}) (of )?this week\\b`, 'gi'),
  /\b(this|next) weekend\b/gi,
  /\bthe weekend after next\b/gi,
  /\bnext week\b/gi,
];

/** Every relative date expression in `text`, longest first where they overlap. */
export function relativeMentions(text: string): RelativeMention[] {
  const found: RelativeMention[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push({ text: m[0], index: m.index });
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const out: RelativeMention[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.index < last.index + last.text.length) continue;
    out.push(f);
  }
  return out;
}

/**
 * The day one reader takes a relative expression to mean, or undefined when the reader cannot
 * give it one day (a weekend is two days; "this Sunday" in a Sunday-first week has passed).
 */
export function readAs(expression: string, today: string, r: Reader): string | undefined {
  const e = expression.toLowerCase().trim();
  if (e === 'today') return today;
  if (e === 'tomorrow') return addDays(today, 1);
  if (e === 'the day after tomorrow') return addDays(today, 2);
  let m = /^in (\d+|\w+) days$/.exec(e);
  if (m) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
    return n === undefined ? undefined : addDays(today, n);
  }
  m = /^in (a|one|two) weeks?$/.exec(e);
  if (m) return addDays(today, m[1] === 'two' ? 14 : 7);
  if (/^a week (today|from today)$/.test(e)) return addDays(today, 7);
  m = new RegExp(`^(this|next|coming|this coming) (${WD})$`).exec(e);
  if (m) {
    const wd = WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]);
    const thisWeek = weekStartOf(today, r.weekStart);
    if (m[1] === 'next') {
      if (r.nextMeansNearest) return nearestAfter(today, wd);
      return dayOfWeek(addDays(thisWeek, 7), wd, r.weekStart);
    }
    if (m[1] === 'coming' || m[1] === 'this coming') return nearestAfter(today, wd);
    // "this Saturday": the one of the current week, or the nearest for readers who go by that.
    const inWeek = dayOfWeek(thisWeek, wd, r.weekStart);
    if (r.nextMeansNearest) return nearestAfter(today, wd);
    return inWeek > today ? inWeek : undefined;
  }
  m = new RegExp(`^(${WD}) (of )?(next|this) week$`).exec(e);
  if (m) {
    const wd = WEEKDAYS.indexOf(m[1] as (typeof WEEKDAYS)[number]);
    const first = addDays(weekStartOf(today, r.weekStart), m[3] === 'next' ? 7 : 0);
    const d = dayOfWeek(first, wd, r.weekStart);
    return d > today ? d : undefined;
  }
  // Weekends and bare weeks are spans, not days: nobody can book "next week".
  return undefined;
}

/** What each reader takes the expression to mean. */
export function readings(expression: string, today: string): { reader: string; date: string | undefined }[] {
  return READERS.map((r) => ({ reader: r.id, date: readAs(expression, today, r) }));
}

/** The day every reader agrees the expression means, or undefined when they do not all agree. */
export function unanimousDate(expression: string, today: string): string | undefined {
  const all = readings(expression, today).map((x) => x.date);
  const first = all[0];
  return first !== undefined && all.every((d) => d === first) ? first : undefined;
}
