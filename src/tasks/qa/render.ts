import { monthName } from '../../core/dates.js';
import type { Relation } from '../../knowledge/index.js';
import type { Clue, Ref } from './description.js';
import { NOUNS, keyWords, unitOfKey } from './fact-words.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** "12 June 2026". */
export function dayText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${monthName(m!)} ${y}`;
}

/** A number as a page would print it, with its unit. */
export function amountText(v: number, unit: string | undefined): string {
  const n = v.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (unit === 'EUR') return `€${n}`;
  if (unit === 'min') return `${n} minutes`;
  if (unit === 'km' || unit === 'm') return `${n} ${unit}`;
  return n;
}

/** A date window in words: "in early June 2026" when it is a third of a month, else its two ends. */
export function windowText(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (fy === ty && fm === tm) {
    const month = `${monthName(fm!)} ${fy}`;
    const last = new Date(Date.UTC(fy!, fm!, 0)).getUTCDate();
    if (fd === 1 && td === 10) return `in early ${month}`;
    if (fd === 11 && td === 20) return `in mid-${month}`;
    if (fd === 21 && td === last) return `in late ${month}`;
    if (fd === 1 && td === last) return `in ${month}`;
  }
  return `between ${dayText(from)} and ${dayText(to)}`;
}

const OUT: Record<Relation, string> = {
  'in-country': 'in', 'in-city': 'in', 'in-neighbourhood': 'in', 'serves-city': 'serving', from: 'starting at', to: 'ending at',
  'operated-by': 'operated by', 'connects-via': 'with connections via', 'member-of': 'belonging to', 'led-by': 'whose chef is', 'at-venue': 'held at',
  'part-of': 'that is a performance of', 'performed-by': 'performed by', 'at-clinic': 'working at', 'operates-in': 'present in',
};
/** The same relation seen from its target: "{the venue} that hosts {the show run ...}". */
const IN: Record<Relation, string> = {
  'in-country': 'that is home to {}', 'in-city': 'that is home to {}', 'in-neighbourhood': 'that is home to {}', 'serves-city': 'served by {}',
  from: 'where {} starts', to: 'where {} ends', 'operated-by': 'that operates {}', 'connects-via': 'where {} may connect', 'member-of': 'that {} belongs to',
  'led-by': 'who leads the kitchen of {}', 'at-venue': 'that hosts {}', 'part-of': 'of which {} is a performance', 'performed-by': 'who performs {}',
  'at-clinic': 'where {} works', 'operates-in': 'where {} is present',
};

/** "a guest rating", "an average rating". */
const an = (words: string) => `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;

function clueText(c: Clue, unique: Unique): string {
  switch (c.kind) {
    case 'eq':
      if (typeof c.value === 'number') return `with ${an(keyWords(c.key, c.value))} of ${amountText(c.value, unitOfKey(c.key))}`;
      return ISO.test(c.value) ? `whose ${keyWords(c.key)} is ${dayText(c.value)}` : `whose ${keyWords(c.key)} is ${c.value}`;
    case 'has':
      return `whose ${keyWords(c.key)} include ${c.value}`;
    case 'range':
      return `with ${an(keyWords(c.key, c.min))} between ${amountText(c.min, unitOfKey(c.key))} and ${amountText(c.max, unitOfKey(c.key))}`;
    case 'window':
      return `whose ${keyWords(c.key)} falls ${windowText(c.from, c.to)}`;
    case 'link':
      return c.dir === 'out' ? `${OUT[c.rel]} ${refText(c.target, unique, false)}` : IN[c.rel].replace('{}', refText(c.target, unique, false));
  }
}

const join = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);

/** Whether a reference means one entity only (then it is "the ...", else "a ..."). */
export type Unique = (r: Ref) => boolean;

/**
 * A reference in words: a name, or "the venue in Lisbon that hosts ...". A nested description
 * that fits several entities reads "a ..." ("the venue that hosts an event in Lisbon"), as a
 * careful writer says it. Links come after facts, so nested clauses end the phrase.
 */
export function refText(r: Ref, unique: Unique = () => true, top = true): string {
  if (r.kind === 'named') return r.name;
  const clues = [...r.d.clues].sort((a, b) => Number(a.kind === 'link') - Number(b.kind === 'link'));
  const noun = NOUNS[r.d.type];
  const article = top || unique(r) ? 'the' : /^[aeiou]/.test(noun) ? 'an' : 'a';
  return `${article} ${noun} ${join(clues.map((c) => clueText(c, unique)))}`.trim();
}
