/** Text helpers for the student: tokens, hashing and date/number/party normalization (world year 2026). */
import { READERS, readAs, relativeMentions } from '../core/relative-dates.js';
import { WORLD_TODAY, addDays, isIsoDate, weekday } from '../core/dates.js';

export const WORLD_YEAR = 2026;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** The number words the task generator spells out (numberWord in the phrasing: 1-10). */
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Lower-case word tokens (letters, digits, @ . - kept inside a token). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}@.\-']*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
}

/** Tokens with their original spelling, punctuation stripped at both ends (for argument spans). */
export function rawTokens(text: string): string[] {
  return text
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}€$£+]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** FNV-1a 32-bit. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "4" or "four" -> 4; undefined for anything else. */
function countOf(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const i = NUMBER_WORDS.indexOf(s.toLowerCase());
  return i > 0 ? i : undefined;
}

// Regex pieces shared by the date, number and party patterns (all used with the i flag).
const MONTH_RE = MONTHS.map((m) => `${m}|${m.slice(0, 3)}`).join('|');
const WEEKDAY_RE = WEEKDAYS.join('|');
const COUNT_RE = `\\d+|${NUMBER_WORDS.slice(1).join('|')}`;
const ORD = '(?:st|nd|rd|th)?';

/** Nouns that a number word counts ("two nights", "four adults"). */
const COUNT_NOUNS = [
  'adults?', 'child', 'children', 'kids?', 'people', 'persons?', 'guests?', 'travell?ers?', 'passengers?', 'nights?', 'days?', 'weeks?', 'hours?',
  'rooms?', 'tickets?', 'seats?', 'bags?', 'suitcases?', 'stops?', 'changes?', 'stars?', 'drivers?',
];
const COUNT_NOUN_RE = COUNT_NOUNS.join('|');

/** "from July 2 to 4": a day number right after a month-first date, not a count ("to 4 adults") or a time. */
const RANGE_END_RE = new RegExp(`\\b(?:${MONTH_RE})\\.? \\d{1,2}${ORD} ?(?:to|until|-|–) ?(\\d{1,2})${ORD}\\b(?!:|\\.\\d| (?:${MONTH_RE}|${COUNT_NOUN_RE}|am|pm)\\b)`, 'gi');

/**
 * A date named in the text: an absolute one (iso), or one relative to the date named before it
 * (plus days after it, or the day of the month of a range end like the "4" of "July 2 to 4").
 */
type DateMention = { at: number; iso?: string; plus?: number; endDay?: number };

/**
 * Every date the text names, as YYYY-MM-DD, in textual order and without repeats: ISO dates,
 * "June 12", "12 June", relative ones ("tomorrow", "next Friday", "in 9 days"), range ends
 * ("from July 2 to 4") and stay or rental lengths after a date ("for two nights", "for a week",
 * "three days later"), which name the date that many days after the previous one.
 */
export function normalizedDates(text: string): string[] {
  const mentions = [...absoluteDates(text), ...relativeDates(text), ...derivedDates(text)].sort((a, b) => a.at - b.at);
  const out: string[] = [];
  let last: string | undefined;
  for (const m of mentions) {
    const iso = m.iso ?? (last === undefined ? undefined : m.plus !== undefined ? addDays(last, m.plus) : rangeEnd(last, m.endDay!));
    // Not a calendar day ("June 31", a code like 2026-13-01): not a date, and no anchor for the next one.
    if (iso === undefined || !isIsoDate(iso)) continue;
    last = iso;
    if (!out.includes(iso)) out.push(iso);
  }
  return out;
}

// Compiled once: features call these on every element name of every step.
const ISO_DATE_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const MONTH_DAY_RE = new RegExp(`\\b(${MONTH_RE})\\.? (\\d{1,2})${ORD}(?:,? (\\d{4}))?\\b`, 'gi');
const DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2})${ORD} (?:of )?(${MONTH_RE})\\b(?:,? (\\d{4}))?`, 'gi');
/** A range whose month is said once, at its end ("from 2 to 4 July"): the start takes the end's month. */
const DAY_RANGE_MONTH_RE = new RegExp(`\\b(\\d{1,2})${ORD} (?:to|and|until|-|–) (?:the )?\\d{1,2}${ORD} (?:of )?(${MONTH_RE})\\b`, 'gi');

/** ISO dates, "June 12", "12 June", "the 20th of June", and the "2" of "from 2 to 4 July". */
function absoluteDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of text.matchAll(ISO_DATE_RE)) found.push({ at: m.index, iso: m[0] });
  for (const m of text.matchAll(MONTH_DAY_RE)) found.push({ at: m.index, iso: iso(m[1]!, m[2]!, m[3]) });
  for (const m of text.matchAll(DAY_MONTH_RE)) found.push({ at: m.index, iso: iso(m[2]!, m[1]!, m[3]) });
  for (const m of text.matchAll(DAY_RANGE_MONTH_RE)) found.push({ at: m.index, iso: iso(m[2]!, m[1]!, undefined) });
  return found;
}

const WEEKEND_AFTER_NEXT_RE = /\bthe (saturday|sunday) of the weekend after next\b/gi;
const IN_DAYS_RE = new RegExp(`\\bin (${COUNT_RE}) days?\\b`, 'gi');
/** The student reads week-relative phrases as the calendar weeks of a Monday-first week. */
const READER = READERS.find((r) => r.id === 'monday-weeks')!;

/**
 * Relative dates resolved against WORLD_TODAY: the phrasings of `core/relative-dates.ts` (which
 * the generator writes only when every reader agrees), plus two older ones kept so that models
 * trained on earlier data read them as before.
 */
function relativeDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of relativeMentions(text)) {
    const iso = readAs(m.text, WORLD_TODAY, READER);
    if (iso !== undefined) found.push({ at: m.index, iso });
  }
  for (const m of text.matchAll(WEEKEND_AFTER_NEXT_RE)) found.push({ at: m.index, iso: weekdayOfWeek(m[1]!, 2) });
  for (const m of text.matchAll(IN_DAYS_RE)) if (!found.some((f) => f.at === m.index)) found.push({ at: m.index, iso: addDays(WORLD_TODAY, countOf(m[1]!)!) });
  return found;
}

const NIGHTS_RE = new RegExp(`\\b(${COUNT_RE}) nights?\\b`, 'gi');
const A_WEEK_RE = /\bfor a week\b/gi;
const DAYS_LATER_RE = new RegExp(`\\b(${COUNT_RE}) days? later\\b`, 'gi');
const NEXT_DAY_RE = /\bthe next day\b/gi;

/** Dates said relative to the previous one: stay lengths, "three days later", range ends. */
function derivedDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of text.matchAll(NIGHTS_RE)) found.push({ at: m.index, plus: countOf(m[1]!)! });
  for (const m of text.matchAll(A_WEEK_RE)) found.push({ at: m.index, plus: 7 });
  for (const m of text.matchAll(DAYS_LATER_RE)) found.push({ at: m.index, plus: countOf(m[1]!)! });
  for (const m of text.matchAll(NEXT_DAY_RE)) found.push({ at: m.index, plus: 1 });
  for (const m of text.matchAll(RANGE_END_RE)) found.push({ at: m.index + m[0].length - m[1]!.length, endDay: Number(m[1]) });
  return found;
}

/** The day `day` of the month of `from` (or of the next month when that is before `from`). */
function rangeEnd(from: string, day: number): string {
  const [y, mo] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const same = `${y}-${pad(mo)}-${pad(day)}`;
  if (same >= from) return same;
  return mo === 12 ? `${y + 1}-01-${pad(day)}` : `${y}-${pad(mo + 1)}-${pad(day)}`;
}

/** The given weekday in the week `week` weeks after today's (weeks run Monday to Sunday, as in the phrasing). */
function weekdayOfWeek(name: string, week: number): string {
  const monday = addDays(WORLD_TODAY, -((weekday(WORLD_TODAY) + 6) % 7));
  return addDays(monday, ((WEEKDAYS.indexOf(name.toLowerCase()) + 6) % 7) + 7 * week);
}

function iso(monthName: string, day: string, year: string | undefined): string {
  const m = MONTHS.findIndex((x) => x.startsWith(monthName.toLowerCase().slice(0, 3))) + 1;
  return `${year ?? WORLD_YEAR}-${pad(m)}-${pad(Number(day))}`;
}

const DIGITS_RE = /(?<![\p{L}\d])\d+(?:\.\d+)?(?![\p{L}\d])/gu;
const NUMBER_WORD_RE = new RegExp(`\\b(${NUMBER_WORDS.slice(1).join('|')})\\b`, 'gi');
const BEFORE_COUNTED_NOUN_RE = new RegExp(`^ (?:separate )?(?:${COUNT_NOUN_RE})\\b`, 'i');

/** A number the text mentions: its digits, where it starts and the token after it (for argument keys). */
export type NumberMention = { value: string; at: number; next: string };

/**
 * Integers and decimals the text mentions, and number words that count something ("four adults",
 * "two separate rooms", "party of four", "the four of us", "for three", "seating five or more"),
 * in textual order, as digits without currency signs. ISO dates are not numbers.
 */
export function numberMentions(text: string): NumberMention[] {
  // Blank (not drop) ISO dates, so that positions still index the text.
  const noDates = text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => ' '.repeat(d.length));
  const found: { value: string; at: number; end: number }[] = [];
  for (const m of noDates.matchAll(DIGITS_RE)) found.push({ value: m[0], at: m.index, end: m.index + m[0].length });
  for (const m of noDates.matchAll(NUMBER_WORD_RE)) {
    if (countsSomething(noDates.slice(0, m.index), noDates.slice(m.index + m[0].length))) found.push({ value: String(countOf(m[1]!)), at: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => ({ value: f.value, at: f.at, next: (rawTokens(text.slice(f.end))[0] ?? '').toLowerCase() }));
}

/** Whether a number word between `before` and `after` is a count, not "the one with" or "one way". */
function countsSomething(before: string, after: string): boolean {
  if (BEFORE_COUNTED_NOUN_RE.test(after)) return true;
  if (/^ (?:of us|or more)\b/i.test(after)) return true;
  // "party of four", "family of four", "for three" (a table), "seating five".
  return /\b(?:party of|family of|group of|for|seating)\s*$/i.test(before) && !/^-/.test(after);
}

/** Integers and decimals the text mentions (and counting number words as digits), in order, without currency signs. */
export function numbers(text: string): string[] {
  return numberMentions(text).map((m) => m.value);
}

/** Who a request is for: adults, children, and everyone (guests, tickets, party size). */
export type PartyCounts = { adults?: number; children?: number; guests?: number };

type PartyRule = { re: RegExp; counts: (m: RegExpMatchArray) => PartyCounts };
const C = `(${COUNT_RE})`;
const n = (m: RegExpMatchArray, i = 1): number => countOf(m[i]!)!;

/**
 * Every way the task catalogues say who is going, most specific first: a matched span is blanked
 * so that "for me and my kid" is not also read as "for me", nor a family's "two adults" twice.
 */
const PARTY_RULES: PartyRule[] = [
  { re: new RegExp(`\\bfamily of ${C}: ${C} adults? and ${C} (?:child|children|kids?)\\b`, 'gi'), counts: (m) => ({ guests: n(m), adults: n(m, 2), children: n(m, 3) }) },
  // Only "for me and" is blanked: "my kid" / "my two kids" still count the children.
  { re: /\b(?:for )?me and(?= my\b)/gi, counts: () => ({ adults: 1 }) },
  { re: /\b(?:my partner|a friend) and me\b/gi, counts: () => ({ adults: 2 }) },
  { re: /\b(?:just )?for me\b/gi, counts: () => ({ adults: 1 }) },
  { re: new RegExp(`\\b${C} adults?\\b`, 'gi'), counts: (m) => ({ adults: n(m) }) },
  { re: new RegExp(`\\b${C} (?:child|children|kids?)\\b`, 'gi'), counts: (m) => ({ children: n(m) }) },
  { re: /\bmy kid\b/gi, counts: () => ({ children: 1 }) },
  { re: /\bno (?:children|kids)\b/gi, counts: () => ({ children: 0 }) },
  { re: new RegExp(`\\b${C} (?:people|persons?)\\b`, 'gi'), counts: (m) => ({ guests: n(m) }) },
  { re: new RegExp(`\\b(?:party|family|group) of ${C}\\b`, 'gi'), counts: (m) => ({ guests: n(m) }) },
  { re: new RegExp(`\\b${C} of us\\b`, 'gi'), counts: (m) => ({ guests: n(m) }) },
  { re: new RegExp(`\\b(?:need|only need|want) ${C} tickets?\\b`, 'gi'), counts: (m) => ({ guests: n(m) }) },
  { re: /\ba pair of tickets\b/gi, counts: () => ({ guests: 2 }) },
  // Forkful's bare "for three" (a table for three); "for three nights" is a count of something else.
  { re: new RegExp(`\\bfor (${NUMBER_WORDS.slice(1).join('|')})\\b(?! (?:separate )?(?:${COUNT_NOUN_RE})\\b)(?!-)`, 'gi'), counts: (m) => ({ guests: n(m) }) },
];

/**
 * The party the text names. Each count comes from the most specific phrase that names it (rule
 * order); guests (everyone) is the stated total, else adults plus children when adults are known.
 */
export function partyCounts(text: string): PartyCounts {
  let rest = text;
  const out: PartyCounts = {};
  for (const rule of PARTY_RULES) {
    for (const m of rest.matchAll(rule.re)) {
      const c = rule.counts(m);
      out.adults ??= c.adults;
      out.children ??= c.children;
      out.guests ??= c.guests;
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  if (out.guests === undefined && out.adults !== undefined) out.guests = out.adults + (out.children ?? 0);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as PartyCounts;
}

/**
 * Every clock time the text names, as HH:MM, in order: "17:00", "7:30 pm", "9 am", "noon",
 * "midnight" (the forms the task phrasings use for slots, pick-ups and departure bounds).
 */
export function normalizedTimes(text: string): string[] {
  const found: { at: number; hhmm: string }[] = [];
  const two = (n: number): string => String(n).padStart(2, '0');
  for (const m of text.matchAll(/\b(\d{1,2})(?::(\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)(?![\p{L}])/giu)) {
    const h = Number(m[1]) % 12 + (m[3]!.toLowerCase().startsWith('p') ? 12 : 0);
    if (Number(m[1]) >= 1 && Number(m[1]) <= 12) found.push({ at: m.index, hhmm: `${two(h)}:${m[2] ?? '00'}` });
  }
  for (const m of text.matchAll(/\b(\d{1,2}):(\d{2})\b(?!\s?(?:am|pm|a\.m\.|p\.m\.))/giu)) {
    if (Number(m[1]) <= 23 && Number(m[2]) <= 59) found.push({ at: m.index, hhmm: `${two(Number(m[1]))}:${m[2]}` });
  }
  for (const m of text.matchAll(/\b(noon|midday|midnight)\b/gi)) found.push({ at: m.index, hhmm: m[1]!.toLowerCase() === 'midnight' ? '00:00' : '12:00' });
  return found.sort((a, b) => a.at - b.at).map((f) => f.hhmm).filter((t, i, all) => all.indexOf(t) === i);
}
