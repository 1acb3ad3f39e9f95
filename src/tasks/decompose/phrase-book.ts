import { WORLD_TODAY, daysBetween, weekdayName } from '../../core/dates.js';
import { unanimousDate } from '../../core/relative-dates.js';
import type { Constraint } from '../../core/schemas/task.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { factKey } from '../generate-task.js';
import type { Decomposed, Decomposition } from './decompose.js';
import type { SiteSchema } from './site-schema.js';
import { type DatesShape, type ListShape, type NightsShape, type TimesShape, afterNights, datesShape, listShapes, nightsShape, readList, readTime, resolveMentions, timesShape } from './phrase-shapes.js';

/**
 * The embedded decomposer, no model: the site's own phrase book (every phrase its generator
 * writes, with the constraint it says), numbers generalized ("under €200 a night" also reads
 * "under €150 a night"). It reads the instructions our generator writes and those close to
 * them; a clause it does not know is reported unmapped, never guessed.
 */
type Entry = {
  re: RegExp;
  constraint: Constraint;
  numeric?: 'min' | 'max' | 'value';
  place?: string;
  /** A place said by its city and what kind of place it is there ("in downtown Madrid"): the city's place of that kind. */
  placeKind?: { field: string; kind: string };
  date?: boolean;
  captured?: 'email' | 'phone' | 'name';
  /** Several dates in one phrase; `pick` the captures that give this constraint's day(s). */
  dates?: DatesShape;
  /** A day said as nights after another date of the task. */
  nights?: NightsShape;
  /** Times of day in the phrase; `pick` the captures that give this constraint's time(s). */
  times?: TimesShape;
  /** A list of values of a set. */
  list?: ListShape;
  /** A name said as it is recorded ("in the Mitte area" reads "in the Kreuzberg area"). */
  text?: boolean;
  /** A value the inventory names (a performer, or a title naming one), read from the words after the slot's opening. */
  named?: { field: string; suffix: string };
  length: number;
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const M = `(?:${MONTHS.join('|')})`;
const W = `(?:${DAYS.join('|')})`;
/** Every way the catalogue says a date (phrasing.ts `datePhrases`), longest first. */
const DATE = `(${W}, ${M} \\d{1,2}|${W} next week|${M} \\d{1,2}|\\d{1,2} ${M}|\\d{4}-\\d{2}-\\d{2}|tomorrow|in \\d+ days|this ${W}|next ${W})`;

/** The day a date phrase names (the world's year; relative ones as every reader takes them). */
export function readDate(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const md = new RegExp(`^(?:${W}, )?(${M}) (\\d{1,2})$`).exec(text) ?? undefined;
  const dm = new RegExp(`^(\\d{1,2}) (${M})$`).exec(text) ?? undefined;
  const month = md?.[1] ?? dm?.[2];
  const day = md?.[2] ?? dm?.[1];
  if (month && day) return `${WORLD_TODAY.slice(0, 4)}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return unanimousDate(text, WORLD_TODAY);
}

/** The ways `datePhrases` may have said this day, to find it in a phrase. */
function dateTexts(iso: string): string[] {
  const m = MONTHS[Number(iso.slice(5, 7)) - 1]!;
  const d = Number(iso.slice(8, 10));
  const wd = weekdayName(iso);
  const n = daysBetween(WORLD_TODAY, iso);
  return [`${wd}, ${m} ${d}`, `${wd} next week`, `${m} ${d}`, `${d} ${m}`, iso, 'tomorrow', `in ${n} days`, `this ${wd}`, `next ${wd}`];
}
const NAME = "([A-Z][\\p{L}'-]+) ([A-Z][\\p{L}'-]+(?:[ -][A-Z][\\p{L}'-]+)?)";
const EMAIL = '([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)';
/** A phone number as people write one: "+351 914 847 448", "(020) 7946 0018". */
const PHONE = '(\\+?[\\d(][\\d ()-]{5,}\\d)';

/** A place named in capitalized words ("Porto", "Rio de Janeiro", "Frankfurt am Main"). */
const PLACE = "([A-Z][\\p{L}'.-]*(?: (?:de |da |do |am |an |del |la |le )?[A-Z][\\p{L}'.-]*){0,3})";
/** A name in capitalized words, within one sentence ("Centro Storico", "Oud-West", "Club Halcyon"). */
const NAME_WORDS = "([A-Z][\\p{L}'-]*(?: (?:de |da |do |am |an |del |la |le )?[A-Z][\\p{L}'-]*){0,3})";

const books = new Map<SiteSchema, { entries: Entry[]; words: Map<string, Map<string, string>> }>();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A booking the user already has, as manage requests name it: "for Palazzo Magnolia (3 June to 6 June, reference STA-53448D)". */
const BOOKING_SAID = /for [^()]+? \([^()]*reference [A-Z]{3}-[A-Z0-9]{4,8}\)/g;
const BOOKING = 'for [^()]+? \\([^()]*reference [A-Z][A-Z][A-Z]-[A-Z0-9]+\\)';
/** The person a new lead traveller replaces ("goes instead of Jonas Smit"), when a name is read. */
const REPLACED_SAID = /instead of [A-Z][\p{L}'-]+ [A-Z][\p{L}'-]+(?:[ -][A-Z][\p{L}'-]+)?/gu;
const REPLACED = "instead of [A-Z][\\p{L}'-]+ [A-Z][\\p{L}'-]+(?:[ -][A-Z][\\p{L}'-]+)?";
/** Words of a phrase as a pattern, any booking they name reading as any other (and, with `names`, any person replaced). */
function general(text: string, names = false): string {
  let out = '';
  let from = 0;
  const slots = [...text.matchAll(BOOKING_SAID)].map((m) => ({ at: m.index, len: m[0].length, re: BOOKING }));
  if (names) slots.push(...[...text.matchAll(REPLACED_SAID)].map((m) => ({ at: m.index, len: m[0].length, re: REPLACED })));
  for (const x of slots.sort((a, b) => a.at - b.at)) {
    if (x.at < from) continue;
    out += escape(text.slice(from, x.at)) + x.re;
    from = x.at + x.len;
  }
  return out + escape(text.slice(from));
}
const numText = (n: number) => [n.toLocaleString('en-US'), String(n)];

function entriesOf(schema: SiteSchema): { entries: Entry[]; words: Map<string, Map<string, string>> } {
  const hit = books.get(schema);
  if (hit) return hit;
  const seen = new Set<string>();
  const out: Entry[] = [];
  const words = new Map<string, Map<string, string>>();
  for (const shape of listShapes(schema.phrases, words)) {
    const c = schema.phrases.find((p) => p.constraint.kind === 'set' && p.constraint.field === shape.field && p.constraint.mode === shape.mode)!.constraint;
    out.push({ re: new RegExp(`(?<![\\w])${shape.re}`, 'g'), constraint: c, list: shape, length: shape.re.length });
  }
  for (const { text, constraint: c, siblings } of schema.phrases) {
    const phrase = text.replace(/[.]$/, '');
    // Several dates in one phrase, or a stay said in nights: any days read.
    const dates = datesShape(phrase, c);
    if (dates && !seen.has(`${c.id}|${dates.re}`)) {
      seen.add(`${c.id}|${dates.re}`);
      out.push({ re: new RegExp(`(?<![\\w])${dates.re}(?![\\w])`), constraint: c, dates, length: phrase.length });
    }
    const nights = dates ? undefined : nightsShape(phrase, c, siblings);
    if (nights && !seen.has(`${c.id}|${nights.re}`)) {
      seen.add(`${c.id}|${nights.re}`);
      out.push({ re: new RegExp(`(?<![\\w])${nights.re}(?![\\w])`, 'i'), constraint: c, nights, length: phrase.length });
    }
    // A day the phrase does not name ("staying three nights" after some check-in) says no day on its own.
    if (c.kind === 'exact' && typeof c.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.value) && !dates && !dateTexts(c.value).some((t) => phrase.includes(t))) continue;
    const times = timesShape(phrase, c);
    if (times && !seen.has(`${c.id}|${times.re}`)) {
      seen.add(`${c.id}|${times.re}`);
      out.push({ re: new RegExp(`(?<![\\w])${times.re}(?![\\w])`, 'i'), constraint: c, times, length: phrase.length });
    }
    // A name recorded as it is said: any capitalized name in the same words reads, when the words
    // around it are telling ("in the Mitte area"; not "to see X", where X may be a show's title).
    if (c.kind === 'exact' && typeof c.value === 'string' && schema.fields.get(c.field)?.kind === 'text' && !schema.places.has(c.field) && /^[A-Z]/.test(c.value)) {
      const at = phrase.indexOf(c.value);
      const before = at > 0 ? phrase.slice(0, at).trim().split(' ').length : 0;
      const after = at >= 0 ? phrase.slice(at + c.value.length).trim().split(' ').filter(Boolean).length : 0;
      const telling = after > 0 ? before + after >= 2 : before >= 3;
      const textPattern = at > 0 && telling ? `${escape(phrase.slice(0, at))}${NAME_WORDS}${escape(phrase.slice(at + c.value.length))}` : undefined;
      if (textPattern && !seen.has(textPattern)) {
        seen.add(textPattern);
        out.push({ re: new RegExp(`(?<![\\p{L}])${textPattern}(?![\\p{L}])`, 'u'), constraint: c, text: true, length: phrase.length - c.value.length + 1 });
      }
    }
    // A value the inventory records, said as itself or inside a title ("to see Lena Marlowe",
    // "for Ruby Atlas: Electric Dreams Tour"): any value or title of that field reads, and only those.
    const named = c.kind === 'exact' && typeof c.value === 'string' ? schema.named.get(c.field) : undefined;
    if (named && c.kind === 'exact') {
      const said = [...named].filter(([k, v]) => v === c.value && phrase.includes(k)).map(([k]) => k).sort((a, b) => b.length - a.length)[0];
      const at = said ? phrase.indexOf(said) : -1;
      const suffix = said ? phrase.slice(at + said.length) : '';
      const namedPattern = `${general(phrase.slice(0, at))}([A-Z][^.;!?]*)`;
      if (said && !/[A-Z]/.test(suffix) && !seen.has(`named|${c.field}|${namedPattern}|${suffix}`)) {
        seen.add(`named|${c.field}|${namedPattern}|${suffix}`);
        out.push({ re: new RegExp(`(?<![\\p{L}])${namedPattern}`, 'u'), constraint: c, named: { field: c.field, suffix }, length: phrase.length - said.length + 1 });
      }
    }
    let pattern = general(phrase);
    let numeric: Entry['numeric'];
    const slot = c.kind === 'range' ? (c.max !== undefined && c.min === undefined ? 'max' : c.min !== undefined && c.max === undefined ? 'min' : undefined) : c.kind === 'count' || (c.kind === 'exact' && typeof c.value === 'number') ? 'value' : undefined;
    if (slot) {
      const n = c.kind === 'range' ? (slot === 'max' ? c.max! : c.min!) : (c as { value: number }).value;
      for (const t of numText(n)) {
        const at = pattern.search(new RegExp(`(?<![\\d,.])${escape(escape(t))}(?![\\d,]|\\.\\d)`));
        if (at >= 0) {
          pattern = `${pattern.slice(0, at)}(\\d[\\d,]*(?:\\.\\d+)?)${pattern.slice(at + escape(t).length)}`;
          numeric = slot;
          break;
        }
      }
    }
    // A date said as the catalogue says dates: any day reads.
    if (c.kind === 'exact' && typeof c.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.value)) {
      const said = dateTexts(c.value).find((t) => phrase.includes(t));
      if (said) {
        const at = phrase.indexOf(said);
        const datePattern = `${escape(phrase.slice(0, at))}${DATE}${escape(phrase.slice(at + said.length))}`;
        if (!seen.has(datePattern)) {
          seen.add(datePattern);
          out.push({ re: new RegExp(`(?<![\\w])${datePattern}(?![\\w])`), constraint: c, date: true, length: phrase.length - said.length + 1 });
        }
      }
    }
    // A name, an email or a phone number in a sentence the catalogue writes: any name, address or number reads.
    if (c.kind === 'details' && (c.id === 'traveller1-firstName' || c.field === 'email' || c.field === 'phone')) {
      const lastName = schema.phrases.find((p) => p.text === text && p.constraint.id === 'traveller1-lastName')?.constraint;
      const value = c.field === 'email' || c.field === 'phone' ? c.value : lastName && lastName.kind === 'details' ? `${c.value} ${lastName.value}` : undefined;
      if (value && phrase.includes(value)) {
        const at = phrase.indexOf(value);
        const kind = c.field === 'email' ? 'email' : c.field === 'phone' ? 'phone' : 'name';
        const p2 = `${general(phrase.slice(0, at), true)}${{ email: EMAIL, phone: PHONE, name: NAME }[kind]}${general(phrase.slice(at + value.length), true)}`;
        if (!seen.has(p2)) {
          seen.add(p2);
          out.push({ re: new RegExp(`(?<![\\w])${p2}`, 'u'), constraint: c, captured: kind, length: phrase.length - value.length + 1 });
        }
      }
    }
    // A place of an autocomplete field: any place the site knows, said the same way ("to Lisbon" reads "to Porto").
    const field = c.kind === 'exact' ? schema.fields.get(c.field) : undefined;
    const words = c.kind === 'exact' ? [...(field?.values.get(String(c.value)) ?? [])].find((w) => phrase.endsWith(w) && w !== phrase) : undefined;
    if (c.kind === 'exact' && words && schema.places.has(c.field)) {
      const placePattern = `${escape(phrase.slice(0, phrase.length - words.length))}${PLACE}`;
      if (!seen.has(placePattern)) {
        seen.add(placePattern);
        out.push({ re: new RegExp(`(?<![\\p{L}])${placePattern}(?![\\p{L}])`, 'u'), constraint: c, place: c.field, length: phrase.length - words.length + 1 });
      }
    }
    // A place said by its city in words that tell which of the city's places ("in downtown Madrid",
    // "at the Salamanca branch in Madrid"): any city reads, and its place of the same kind is meant.
    if (c.kind === 'exact' && !words && schema.places.has(c.field)) {
      const runs = [...phrase.matchAll(new RegExp(PLACE, 'gu'))];
      const city = runs.find((r) => schema.placeOptions(c.field, r[1]!).some((o) => o.value === c.value));
      if (city) {
        const other = (t: string) => general(t).replace(/[A-Z][\p{L}'.-]*(?: [A-Z][\p{L}'.-]*)*/gu, (w) => (runs.some((r) => r[1] === w) ? CAPS : w));
        const kindPattern = `${other(phrase.slice(0, city.index))}${PLACE}${other(phrase.slice(city.index + city[0].length))}`;
        if (!seen.has(kindPattern)) {
          seen.add(kindPattern);
          out.push({ re: new RegExp(`(?<![\\p{L}])${kindPattern}(?![\\p{L}])`, 'u'), constraint: c, placeKind: { field: c.field, kind: placeKindOf(String(c.value), city[1]!) }, length: phrase.length - city[0].length + 1 });
        }
      }
    }
    // Two constraints said in one phrase (a name's two halves) each keep their entry.
    if (seen.has(`${c.id}|${pattern}`)) continue;
    seen.add(`${c.id}|${pattern}`);
    out.push({ re: new RegExp(`(?<![\\w€$£])${pattern}(?![\\w])`, 'i'), constraint: c, ...(numeric ? { numeric } : {}), length: phrase.length });
  }
  out.sort((a, b) => b.length - a.length);
  const book = { entries: out, words };
  books.set(schema, book);
  return book;
}

const namesByLength = new WeakMap<SiteSchema, Map<string, string[]>>();
/** The ways of naming a field's values, longest first (a title before the performer it starts with). */
function sortedNames(schema: SiteSchema, field: string): string[] {
  let m = namesByLength.get(schema);
  if (!m) namesByLength.set(schema, (m = new Map()));
  let names = m.get(field);
  if (!names) m.set(field, (names = [...(schema.named.get(field)?.keys() ?? [])].sort((a, b) => b.length - a.length)));
  return names;
}

/** Other capitalized words of a place phrase (a branch's neighbourhood): any such words. */
const CAPS = "[A-Z][\\p{L}'.-]*(?: [A-Z][\\p{L}'.-]*)*";
const fold = (x: string) => x.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
/** What a place's code says besides its city: "madrid-downtown" in Madrid -> "downtown". */
function placeKindOf(code: string, city: string): string {
  const words = new Set(fold(city).split(/[^a-z0-9]+/));
  return fold(code).split(/[^a-z0-9]+/).filter((t) => t && !words.has(t)).join('-');
}

/** Words that carry no request on their own ("please", "for me", "and"). */
const FILLER = /^(please|and|also|then|thanks|thank you|i need|i want|i'd like|me|for me|that's all|nothing else|everything|when everything is right)$/i;

export function decomposeWithPhraseBook(instruction: string, schema: SiteSchema, site: SiteDefinition): Decomposition {
  const spans: [number, number][] = [];
  const constraints: Decomposed[] = [];
  const facts = new Set<string>();
  // A span already read may be read again only as a whole: one phrase that says two constraints.
  const free = (a: number, b: number) => spans.every(([x, y]) => b <= x || a >= y || (a === x && b === y));
  const book = entriesOf(schema);
  const nightsLeft: { e: Entry; said: string | undefined; span: [number, number]; phrase: string }[] = [];
  const readListAt = (e: Entry, minValues: number): boolean => {
    const c = e.constraint;
    if (!e.list || c.kind !== 'set') return false;
    // A list slot may first meet words that are not a list of this field ("with 2 adults"): try every place.
    // Every place the words before the list occur, overlapping ("at 7 pm, at a Thai or a French restaurant").
    const starts = new RegExp(e.re.source, 'gu');
    for (let m = starts.exec(instruction); m; starts.lastIndex = m.index + 1, m = starts.exec(instruction)) {
      const read = readList(m[1]!, e.list, book.words.get(e.list.field) ?? new Map());
      if (!read || read.values.length < minValues) continue;
      const end = m.index + m[0].length - m[1]!.length + read.used;
      if (!free(m.index, end)) continue;
      facts.add(factKey(c));
      spans.push([m.index, end]);
      constraints.push({ id: c.id, kind: 'set', stage: c.stage, field: c.field, mode: c.mode, values: read.values, phrase: instruction.slice(m.index, end) });
      return true;
    }
    return false;
  };
  const readNamedAt = (e: Entry, c: Extract<Constraint, { kind: 'exact' }>): void => {
    const names = sortedNames(schema, e.named!.field);
    const starts = new RegExp(e.re.source, 'gu');
    for (let m = starts.exec(instruction); m; starts.lastIndex = m.index + 1, m = starts.exec(instruction)) {
      const cap = m[1]!;
      const suffix = e.named!.suffix;
      // The longest name the words start with, ending at a word's end, followed by the phrase's own ending.
      const k = names.find((n) => cap.startsWith(n) && !/[\p{L}\d]/u.test(cap[n.length] ?? '') && cap.slice(n.length).startsWith(suffix));
      if (!k) continue;
      const end = m.index + m[0].length - cap.length + k.length + suffix.length;
      if (!free(m.index, end)) continue;
      facts.add(factKey(c));
      spans.push([m.index, end]);
      constraints.push({ id: c.id, kind: 'exact', stage: c.stage, field: c.field, value: schema.named.get(e.named!.field)!.get(k)!, phrase: instruction.slice(m.index, end) });
      return;
    }
  };
  // Lists of two or more first: "an Italian or a French restaurant" is one request, not "Italian".
  for (const e of book.entries) if (e.list && !facts.has(factKey(e.constraint))) readListAt(e, 2);
  for (const e of book.entries) {
    const c = e.constraint;
    const key = c.kind === 'superlative' ? `sup/${c.field}` : factKey(c);
    if (facts.has(key)) continue;
    if (e.list) {
      readListAt(e, 1);
      continue;
    }
    if (e.named && c.kind === 'exact') {
      readNamedAt(e, c);
      continue;
    }
    const m = e.re.exec(instruction);
    if (!m || !free(m.index, m.index + m[0].length)) continue;
    let out: Decomposed;
    if (e.dates) {
      const days = resolveMentions(m.slice(1, 1 + e.dates.count) as string[]);
      const picked = e.dates.pick.map((i) => days[i]);
      if (picked.some((d) => d === undefined)) continue;
      facts.add(key);
      spans.push([m.index, m.index + m[0].length]);
      if (c.kind === 'date_window') constraints.push({ id: c.id, kind: 'date_window', stage: c.stage, field: c.field, from: picked[0]!, to: picked[1]!, phrase: m[0] });
      else if (c.kind === 'exact') constraints.push({ id: c.id, kind: 'exact', stage: c.stage, field: c.field, value: picked[0]!, phrase: m[0] });
      continue;
    }
    if (e.times) {
      const said = (m.slice(1, 1 + e.times.count) as string[]).map((t) => readTime(t));
      const picked = e.times.pick.map((i) => said[i]);
      if (picked.some((t) => t === undefined)) continue;
      facts.add(key);
      spans.push([m.index, m.index + m[0].length]);
      if (c.kind === 'exact') constraints.push({ id: c.id, kind: 'exact', stage: c.stage, field: c.field, value: picked[0]!, phrase: m[0] });
      else if (c.kind === 'time_window') {
        let k = 0;
        constraints.push({ id: c.id, kind: 'time_window', stage: c.stage, field: c.field, ...(c.after !== undefined ? { after: picked[k++]! } : {}), ...(c.before !== undefined ? { before: picked[k++]! } : {}), phrase: m[0] });
      }
      continue;
    }
    if (e.nights) {
      // Read once the date it counts from is known (after every other entry).
      facts.add(key);
      spans.push([m.index, m.index + m[0].length]);
      nightsLeft.push({ e, said: m[1], span: [m.index, m.index + m[0].length], phrase: m[0] });
      continue;
    }
    if (e.text && c.kind === 'exact') {
      facts.add(key);
      spans.push([m.index, m.index + m[0].length]);
      constraints.push({ id: c.id, kind: 'exact', stage: c.stage, field: c.field, value: m[1]!, phrase: m[0] });
      continue;
    }
    if (e.date && c.kind === 'exact') {
      const iso = readDate(m[1]!);
      if (!iso) continue;
      facts.add(key);
      spans.push([m.index, m.index + m[0].length]);
      constraints.push({ id: c.id, kind: 'exact', stage: c.stage, field: c.field, value: iso, phrase: m[0] });
      continue;
    }
    if (e.captured && c.kind === 'details') {
      facts.add(key);
      spans.push([m.index, m.index + m[0].length]);
      if (e.captured === 'email' || e.captured === 'phone') constraints.push({ ...c, value: m[1]!, phrase: m[0], templateId: undefined } as Constraint);
      else {
        constraints.push({ id: 'traveller1-firstName', kind: 'details', stage: c.stage, field: 'firstName', traveller: 1, value: m[1]!, phrase: m[0] });
        constraints.push({ id: 'traveller1-lastName', kind: 'details', stage: c.stage, field: 'lastName', traveller: 1, value: m[2]!, phrase: m[0] });
        facts.add(factKey({ kind: 'details', field: 'lastName', traveller: 1 }));
      }
      continue;
    }
    if (e.placeKind && c.kind === 'exact') {
      const kind = e.placeKind;
      const hits = schema.placeOptions(kind.field, m[1]!).filter((o) => placeKindOf(o.value, m[1]!) === kind.kind);
      if (hits.length !== 1) continue;
      facts.add(key);
      spans.push([m.index, m.index + m[0].length]);
      constraints.push({ id: c.id, kind: 'exact', stage: c.stage, field: c.field, value: hits[0]!.value, phrase: m[0] });
      continue;
    }
    if (e.place && c.kind === 'exact') {
      // The longest run of the captured words that names a place the site knows.
      const said = m[1]!.split(' ');
      let code: string | undefined;
      let used = 0;
      for (let n = said.length; n > 0 && !code; n--) {
        code = schema.placeCode(e.place, said.slice(0, n).join(' '));
        used = n;
      }
      if (!code) continue;
      const text = m[0].slice(0, m[0].length - m[1]!.length) + said.slice(0, used).join(' ');
      if (!free(m.index, m.index + text.length)) continue;
      facts.add(key);
      spans.push([m.index, m.index + text.length]);
      constraints.push({ id: c.id, kind: 'exact', stage: c.stage, field: c.field, value: code, phrase: text });
      continue;
    }
    if (c.kind === 'superlative') out = { kind: 'superlative', field: c.field, objective: c.objective, phrase: m[0] };
    else {
      const n = e.numeric ? Number(m[1]!.replace(/,/g, '')) : undefined;
      const base = { ...c, phrase: m[0] } as Constraint;
      if (n !== undefined && base.kind === 'range') out = { ...base, ...(e.numeric === 'max' ? { max: n } : { min: n }) };
      else if (n !== undefined && (base.kind === 'count' || base.kind === 'exact')) out = { ...base, value: n };
      else out = base;
      delete (out as { templateId?: string }).templateId;
    }
    facts.add(key);
    spans.push([m.index, m.index + m[0].length]);
    constraints.push(out);
  }
  for (const n of nightsLeft) {
    const c = n.e.constraint;
    const from = constraints.find((x) => x.kind === 'exact' && x.field === n.e.nights!.from);
    const day = from && from.kind === 'exact' ? afterNights(String(from.value), n.said, n.e.nights!.fixed) : undefined;
    if (day === undefined || c.kind !== 'exact') {
      // The length was said but the day it counts from was not: the phrase stays unmapped.
      spans.splice(spans.findIndex((s) => s[0] === n.span[0] && s[1] === n.span[1]), 1);
      continue;
    }
    constraints.push({ id: c.id, kind: 'exact', stage: c.stage, field: c.field, value: day, phrase: n.phrase });
  }
  // What is left: the opening, and whatever no phrase covered.
  let rest = instruction;
  for (const [a, b] of [...spans].sort((x, y) => y[0] - x[0])) rest = `${rest.slice(0, a)}|${rest.slice(b)}`;
  const intros = site.tasks.intros.map((i) => i.toLowerCase());
  const unmapped = rest
    .split(/[|.;,!?]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && /[a-z]{2}/i.test(s) && !FILLER.test(s) && !intros.includes(s.toLowerCase()));
  return { site: site.id, instruction, constraints, unmapped, problems: [] };
}
