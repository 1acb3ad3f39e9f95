import { WORLD_TODAY, daysBetween, longDate, monthName, weekdayName } from '../../core/dates.js';
import { unanimousDate } from '../../core/relative-dates.js';
import type { Rng } from '../../core/rng.js';
import type { Phrase } from './task-catalogue.js';

/** Shared ways of saying dates, parties, money and times: the natural variety of instructions. */

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
export const numberWord = (n: number) => NUMBER_WORDS[n] ?? String(n);

function dayMonth(iso: string): { d: number; m: string } {
  return { d: Number(iso.slice(8, 10)), m: monthName(Number(iso.slice(5, 7))) };
}

/**
 * Ways to name a date: "on June 12", "on 12 June", "on Friday, June 12", and relative ones
 * read against the world's fixed today ("tomorrow", "in 6 days", "this Saturday", "Friday next
 * week") only when every reader of `core/relative-dates.ts` takes them to mean this date: "next
 * Saturday" said on a Monday is never written, because readers split between the two Saturdays.
 */
export function datePhrases(iso: string, prefix = 'on'): { id: string; text: string }[] {
  const { d, m } = dayMonth(iso);
  const wd = weekdayName(iso);
  const out = [
    { id: 'date-md', text: `${prefix} ${m} ${d}` },
    { id: 'date-dm', text: `${prefix} ${d} ${m}` },
    { id: 'date-long', text: `${prefix} ${longDate(iso).replace(/, \d{4}$/, '')}` },
    { id: 'date-iso', text: `${prefix} ${iso}` },
  ];
  const n = daysBetween(WORLD_TODAY, iso);
  const relative = [
    { id: 'date-tomorrow', text: 'tomorrow' },
    { id: 'date-in-days', text: `in ${n} days` },
    { id: 'date-this', text: `this ${wd}` },
    { id: 'date-next', text: `next ${wd}` },
    { id: 'date-next-week', text: `${wd} next week` },
  ];
  for (const r of relative) {
    if (r.id === 'date-in-days' && (n < 2 || n > 10)) continue;
    if (unanimousDate(r.text, WORLD_TODAY) === iso) out.push(r);
  }
  return out;
}

/** "for 2 adults and 1 child", "for me and my two kids", "for my partner and me". */
export function partyPhrases(adults: number, children: number, noun = 'people'): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  const a = `${adults} adult${adults > 1 ? 's' : ''}`;
  const c = children > 0 ? ` and ${children} child${children > 1 ? 'ren' : ''}` : '';
  out.push({ id: 'party-count', text: `for ${a}${c}` });
  if (children === 0) {
    out.push({ id: 'party-number', text: `for ${numberWord(adults)} ${adults === 1 ? 'person' : noun}` });
    if (adults === 1) out.push({ id: 'party-me', text: 'just for me' });
    if (adults === 2) out.push({ id: 'party-partner', text: 'for my partner and me' });
  } else {
    const kids = children === 1 ? 'my kid' : `my ${numberWord(children)} kids`;
    if (adults === 1) out.push({ id: 'party-me-kids', text: `for me and ${kids}` });
    if (adults === 2) out.push({ id: 'party-family', text: `for a family of ${numberWord(adults + children)}: two adults and ${children === 1 ? 'one child' : `${numberWord(children)} children`}` });
  }
  return out;
}

/** "at most €200", "no more than €200": bounds that include the amount, as the check does (never "under"). */
export function maxPricePhrases(amount: number, unit = ''): { id: string; text: string }[] {
  const u = unit ? ` ${unit}` : '';
  return [
    { id: 'price-up-to', text: `up to €${amount}${u}` },
    { id: 'price-at-most', text: `costing at most €${amount}${u}` },
    { id: 'price-no-more', text: `for no more than €${amount}${u}` },
  ];
}

/** A round bound just above a value: 137 -> 140, 1234 -> 1250. Keeps bounds human. */
export function roundUpNice(v: number): number {
  const step = v < 50 ? 5 : v < 200 ? 10 : v < 1000 ? 25 : 50;
  return Math.ceil((v + 0.0001) / step) * step;
}

/** A round bound just below a value: 8.3 -> 8, 137 -> 130. */
export function roundDownNice(v: number, step = 1): number {
  return Math.floor(v / step) * step;
}

const hourText = (h: number) => (h === 12 ? 'noon' : h === 0 ? 'midnight' : h < 12 ? `${h} am` : `${h - 12} pm`);

/**
 * Time bounds in words that say whether the bound itself counts, because the check includes it:
 * "departing at 18:00 or later", "no earlier than 6 pm" (never "after 18:00", which many read as
 * excluding a departure at 18:00).
 */
export function afterPhrases(hhmm: string, what = 'leaving'): { id: string; text: string }[] {
  const h = Number(hhmm.slice(0, 2));
  const whole = hhmm.endsWith(':00');
  return [
    { id: 'after-24h', text: `${what} at ${hhmm} or later` },
    ...(whole ? [{ id: 'after-12h', text: `${what} no earlier than ${hourText(h)}` }] : []),
  ];
}

/** "arriving at 15:00 at the latest", "arriving no later than 3 pm". */
export function beforePhrases(hhmm: string, what = 'leaving'): { id: string; text: string }[] {
  const h = Number(hhmm.slice(0, 2));
  const whole = hhmm.endsWith(':00');
  return [
    { id: 'before-24h', text: `${what} at ${hhmm} at the latest` },
    ...(whole ? [{ id: 'before-12h', text: `${what} no later than ${hourText(h)}` }] : []),
  ];
}

/** "a" or "an", by the word that follows: "an Italian", "a compact". */
export const indefinite = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** "with a pool and free Wi-Fi": a natural list. */
export function listPhrase(items: string[], conj = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

/** Phrases for clauses, with a template id prefix so analysis can tell them apart. */
export function clauses(prefix: string, list: { id: string; text: string }[]): Phrase[] {
  return list.map((p) => ({ id: `${prefix}:${p.id}`, text: p.text, form: 'clause' as const }));
}

export function sentences(prefix: string, list: { id: string; text: string }[]): Phrase[] {
  return list.map((p) => ({ id: `${prefix}:${p.id}`, text: p.text, form: 'sentence' as const }));
}

export function pickPhrase(rng: Rng, phrases: Phrase[]): Phrase {
  return rng.pick(phrases);
}
