import { WORLD_TODAY, addDays, daysBetween } from '../../core/dates.js';
import type { Constraint } from '../../core/schemas/task.js';

/**
 * Shapes the embedded phrase book generalizes beyond the phrases its sample saw: several dates in
 * one phrase ("from June 16 to 19", "between the 7th and the 24th of June"), a stay said in nights
 * ("for three nights"), and lists of values ("that has a gym and a restaurant"). Each shape is
 * learnt from the generator's own phrases: the words around the slot stay as they were written.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const M = `(?:${MONTHS.join('|')})`;
const W = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const ORD = '(?:st|nd|rd|th)';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A date said in full (it names its month) or in part (a day whose month another date of the phrase names). */
const FULL = `\\d{4}-\\d{2}-\\d{2}|(?:${W},? )?${M} \\d{1,2}${ORD}?(?!\\d)|(?:the )?\\d{1,2}${ORD}?(?: of)? ${M}`;
const PART = `the \\d{1,2}${ORD}|\\d{1,2}`;
/** Where a day said in part may stand: after "from", "between", "to", "and" and before "to", "and" or the end. */
const MENTION = new RegExp(`(${FULL})|(?<=\\b(?:from|between|to|and|until) )(${PART})(?=$| (?:to|and|until)\\b|[,.;])`, 'g');

type Mention = { text: string; at: number; full: boolean };

function mentionsOf(phrase: string): Mention[] {
  return [...phrase.matchAll(MENTION)].map((m) => ({ text: m[0], at: m.index, full: m[1] !== undefined }));
}

/** The days a phrase's date mentions name, a day said in part taking its month from the nearest mention that names one. */
export function resolveMentions(texts: readonly string[]): (string | undefined)[] {
  const parsed: { iso?: string; month?: number; day?: number }[] = texts.map((t) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { iso: t, month: Number(t.slice(5, 7)) };
    const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}\\b`).test(t));
    const day = Number(/(\d{1,2})(?:st|nd|rd|th)?(?! ?\d)/.exec(t.replace(/^\D*?(?=\d)/, ''))?.[1]);
    return { ...(month >= 0 ? { month: month + 1 } : {}), ...(Number.isFinite(day) ? { day } : {}) };
  });
  return parsed.map((p, i) => {
    if (p.iso) return p.iso;
    if (p.day === undefined) return undefined;
    let month = p.month;
    for (let d = 1; month === undefined && d < parsed.length; d++) month = parsed[i - d]?.month ?? parsed[i + d]?.month;
    if (month === undefined) return undefined;
    return `${WORLD_TODAY.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  });
}

export type DatesShape = { re: string; pick: number[]; count: number };

/**
 * A phrase with two or more dates, as a pattern: every mention becomes a slot of its kind (in full
 * or in part), `pick` the mentions that give the constraint's day(s) (one for an exact date, from
 * and to for a window). Undefined when the phrase does not say the constraint's days that way.
 */
export function datesShape(phrase: string, c: Constraint): DatesShape | undefined {
  const days = c.kind === 'exact' && typeof c.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.value) ? [c.value] : c.kind === 'date_window' && c.from && c.to ? [c.from, c.to] : undefined;
  if (!days) return undefined;
  const mentions = mentionsOf(phrase);
  if (mentions.length < 2) return undefined;
  const resolved = resolveMentions(mentions.map((m) => m.text));
  const pick = days.map((d) => resolved.indexOf(d));
  if (pick.some((i) => i < 0)) return undefined;
  let re = '';
  let from = 0;
  for (const m of mentions) {
    re += `${escape(phrase.slice(from, m.at))}(${m.full ? FULL : m.text.startsWith('the ') ? `the \\d{1,2}${ORD}` : '\\d{1,2}'})`;
    from = m.at + m.text.length;
  }
  re += escape(phrase.slice(from));
  return { re, pick, count: mentions.length };
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen'];
const readCount = (s: string) => (/^\d+$/.test(s) ? Number(s) : s === 'a week' ? 7 : NUMBER_WORDS.indexOf(s.toLowerCase()));

export type NightsShape = { re: string; from: string; fixed?: number };

/**
 * A date said as a length after another date of the task ("for three nights" after the check-in):
 * the count becomes a slot, the day is the other date plus it.
 */
export function nightsShape(phrase: string, c: Constraint, siblings: readonly Constraint[] | undefined): NightsShape | undefined {
  if (c.kind !== 'exact' || typeof c.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.value) || !siblings) return undefined;
  const value = c.value;
  for (const s of siblings) {
    if (s === c || s.kind !== 'exact' || typeof s.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s.value) || s.value >= value) continue;
    const n = daysBetween(s.value, value);
    if (n === 7 && /\ba week\b/.test(phrase)) return { re: escape(phrase), from: s.field, fixed: 7 };
    const said = new RegExp(`\\b(${n}|${NUMBER_WORDS[n] ?? n})(?= (?:night|day)s?\\b)`).exec(phrase);
    if (said) return { re: `${escape(phrase.slice(0, said.index))}(\\d{1,2}|${NUMBER_WORDS.slice(1).join('|')})${escape(phrase.slice(said.index + said[0].length))}`, from: s.field };
  }
  return undefined;
}

/** The day `n` days after `from` (a nights slot's reading). */
export function afterNights(from: string, said: string | undefined, fixed?: number): string | undefined {
  const n = fixed ?? (said === undefined ? -1 : readCount(said));
  return n > 0 ? addDays(from, n) : undefined;
}

/** An item of a list as compared: no article, lower case, none of the template's trailing words ("restaurant"). */
function canonical(item: string, trailing: readonly string[]): string {
  let words = item.toLowerCase().replace(/^(?:a|an|the|some) /, '').split(' ');
  const tail = trailing.map((w) => w.toLowerCase());
  while (tail.length && words.length > 1 && words[words.length - 1] === tail[tail.length - 1]) {
    words = words.slice(0, -1);
    tail.pop();
  }
  return words.join(' ');
}

const SEPARATOR = /, and |, or |, | and | or /g;

export type ListShape = { re: string; field: string; mode: string; suffix: string; trailing: string[] };

/**
 * The lists of one set template (phrases of one `templateId`): the words its phrases share before
 * and after the list, the words naming each value (learnt into `words`, per field), and a pattern
 * whose slot is any list of known values. Needs two phrases of the template with different lists.
 */
export function listShapes(samples: readonly { text: string; constraint: Constraint }[], words: Map<string, Map<string, string>>): ListShape[] {
  const byTemplate = new Map<string, { text: string; constraint: Extract<Constraint, { kind: 'set' }> }[]>();
  for (const s of samples) {
    const c = s.constraint;
    if (c.kind !== 'set' || !c.templateId) continue;
    const list = byTemplate.get(c.templateId) ?? [];
    if (!list.some((x) => x.text === s.text)) list.push({ text: s.text.replace(/[.]$/, ''), constraint: c });
    byTemplate.set(c.templateId, list);
  }
  const out: ListShape[] = [];
  for (const list of byTemplate.values()) {
    if (list.length < 2) continue;
    const split = list.map((x) => x.text.split(' '));
    let pre = 0;
    while (split.every((w) => pre < w.length && w[pre] === split[0]![pre])) pre++;
    let post = 0;
    while (split.every((w) => post < w.length - pre && w[w.length - 1 - post] === split[0]![split[0]!.length - 1 - post])) post++;
    // The list's first item may start with the same article in every sample ("a bistro car").
    while (pre > 0 && /^(?:a|an|the|some)$/i.test(split[0]![pre - 1]!)) pre--;
    if (pre === 0) continue;
    const prefix = split[0]!.slice(0, pre).join(' ');
    const trailing = post ? split[0]!.slice(-post) : [];
    const field = list[0]!.constraint.field;
    const vocab = words.get(field) ?? new Map<string, string>();
    for (const [k, w] of split.entries()) {
      const items = w.slice(pre, w.length - post).join(' ').split(SEPARATOR);
      const values = list[k]!.constraint.values;
      if (items.length !== values.length) continue;
      items.forEach((item, i) => vocab.set(canonical(item, trailing), values[i]!));
    }
    words.set(field, vocab);
    out.push({ re: `${escape(prefix)} ([^.;!?]+)`, field, mode: list[0]!.constraint.mode, suffix: trailing.join(' '), trailing });
  }
  return out;
}

/**
 * Reads the list a list slot captured: the leading items that name known values, then the
 * template's trailing words. Returns the values and how many characters of the capture they used.
 */
export function readList(captured: string, shape: ListShape, vocab: ReadonlyMap<string, string>): { values: string[]; used: number } | undefined {
  const values: string[] = [];
  let used = 0;
  let from = 0;
  const seps = [...captured.matchAll(SEPARATOR)];
  for (let i = 0; i <= seps.length; i++) {
    const end = i < seps.length ? seps[i]!.index : captured.length;
    const item = captured.slice(from, end);
    // The last item carries the template's trailing words ("... on board"): read it without them.
    const withoutTail = shape.suffix && item.endsWith(` ${shape.suffix}`) ? item.slice(0, -shape.suffix.length - 1) : item;
    const v = vocab.get(canonical(withoutTail, shape.trailing)) ?? vocab.get(canonical(item, shape.trailing));
    if (v === undefined) {
      // "a gym and a helipad": a member the site does not know, not the next clause. Reading
      // only "a gym" would ask for less than was said, so the list is left unread (and reported).
      if (i > 0 && /^(?:a|an|the|some) /i.test(item)) return undefined;
      break;
    }
    values.push(v);
    used = from + item.length;
    if (i < seps.length) from = end + seps[i]![0].length;
  }
  if (values.length === 0) return undefined;
  const rest = captured.slice(used);
  if (shape.suffix && !captured.slice(0, used).endsWith(shape.suffix)) {
    if (!rest.startsWith(` ${shape.suffix}`)) return undefined;
    used += shape.suffix.length + 1;
  }
  return { values, used };
}

/** A time of day as people write it: "19:30", "7:30 pm", "11 am", "noon" aside. */
const TIME = '\\d{1,2}:\\d{2}(?: ?[ap]\\.?m\\.?)?|\\d{1,2} ?[ap]\\.?m\\.?';
const TIME_MENTION = new RegExp(`(?<![\\d:])(?:${TIME})(?![\\d\\w])`, 'gi');

/** "7:30 pm" -> "19:30"; "11 am" -> "11:00"; "08:00" -> "08:00". */
export function readTime(said: string): string | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?(?: ?([ap])\.?m\.?)?$/i.exec(said.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = m[2] ?? '00';
  const half = m[3]?.toLowerCase();
  if (!half && m[2] === undefined) return undefined;
  if (half === 'p' && h < 12) h += 12;
  if (half === 'a' && h === 12) h = 0;
  if (h > 23 || Number(min) > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${min}`;
}

export type TimesShape = { re: string; pick: number[]; count: number };

/** A phrase's times of day as slots: any time said the same way reads ("after 7 pm" reads "after 9 pm"). */
export function timesShape(phrase: string, c: Constraint): TimesShape | undefined {
  const times = c.kind === 'exact' && typeof c.value === 'string' && /^\d{2}:\d{2}$/.test(c.value) ? [c.value] : c.kind === 'time_window' ? [c.after, c.before].filter((x): x is string => x !== undefined) : undefined;
  if (!times?.length) return undefined;
  const mentions = [...phrase.matchAll(TIME_MENTION)];
  const read = mentions.map((m) => readTime(m[0]));
  const pick = times.map((t) => read.indexOf(t));
  if (mentions.length === 0 || pick.some((i) => i < 0)) return undefined;
  let re = '';
  let from = 0;
  for (const m of mentions) {
    // The same way of writing: 24-hour stays 24-hour, "pm" stays 12-hour.
    const twelve = /[ap]\.?m/i.test(m[0]);
    re += `${escape(phrase.slice(from, m.index))}(${twelve ? `\\d{1,2}(?::\\d{2})? ?[ap]\\.?m\\.?` : '\\d{1,2}:\\d{2}'})`;
    from = m.index + m[0].length;
  }
  re += escape(phrase.slice(from));
  return { re, pick, count: mentions.length };
}
