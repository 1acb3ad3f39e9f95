import { relativeMentions, readings, unanimousDate } from '../core/relative-dates.js';
import { WORLD_TODAY } from '../core/dates.js';
import type { Constraint, BookingTask, QaTask } from '../core/schemas/task.js';
import type { FactSpec } from '../sites/engine/site-definition.js';
import { SITES } from '../sites/registry.js';
import { factKey } from './generate-task.js';

/**
 * The instruction linter: what a careful reader would trip over in a generated instruction.
 * Each rule is a small function over the task; `lintTask` runs them all. Generation must give
 * zero findings (the tests lint a large sample of every site); `webfoundry tasks lint` runs it
 * on any task file.
 */
export type LintFinding = { rule: LintRule; message: string };
export type LintRule =
  | 'placeholder'
  | 'repeated-word'
  | 'article-doubling'
  | 'article-mismatch'
  | 'imperative-after-noun-slot'
  | 'sentence-form'
  | 'phrase-missing'
  | 'contradiction'
  | 'glued-clause'
  | 'quantity-mismatch'
  | 'relative-date'
  | 'boundary-word'
  | 'superlative-scope'
  | 'strict-bound-word';

type Rule = (task: BookingTask, facts: readonly FactSpec[]) => LintFinding[];
/** What the rules that read only the words see: a question is linted by these too. */
type Worded = { instruction: string; constraints: readonly { id: string; phrase: string }[] };
type TextRule = (task: Worded) => LintFinding[];

const excerpt = (text: string, at: number, len: number) => `"…${text.slice(Math.max(0, at - 20), at + len + 20)}…"`;

function matches(re: RegExp, text: string): RegExpExecArray[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return [...text.matchAll(g)] as RegExpExecArray[];
}

const placeholder: TextRule = (t) => matches(/\b(undefined|NaN|null)\b|\[object/, t.instruction).map((m) => ({ rule: 'placeholder', message: `a value that was never filled in: ${excerpt(t.instruction, m.index, m[0].length)}` }));

/** "the the", "for for": the same word twice in a row. Numbers ("2 2") too. */
const repeatedWord: TextRule = (t) =>
  matches(/\b([\p{L}\d']+)\s+\1\b/iu, t.instruction).map((m) => ({ rule: 'repeated-word', message: `"${m[1]}" twice in a row: ${excerpt(t.instruction, m.index, m[0].length)}` }));

/** "for the The Paper Lanterns concert", "a an". */
const articleDoubling: TextRule = (t) =>
  matches(/\b(a|an|the)\s+(a|an|the)\b/i, t.instruction).map((m) => ({ rule: 'article-doubling', message: `two articles in a row: ${excerpt(t.instruction, m.index, m[0].length)}` }));

/** "a economy car", "an compact car" (the few words whose sound breaks the spelling rule are allowed). */
const A_BEFORE_VOWEL_OK = /^(one|once|uni|use|usu|euro|eu|u-|ufo)/i;
const AN_BEFORE_CONSONANT_OK = /^(hour|honest|honou?r|heir|\d*8|11|18|[fhlmnrsx]-|[fhlmnrsx]\b)/i;
const articleMismatch: TextRule = (t) => [
  ...matches(/(?<![\p{L}\d])a\s+([aeiouAEIOU][\p{L}-]*)/u, t.instruction)
    .filter((m) => !A_BEFORE_VOWEL_OK.test(m[1]!))
    .map((m) => ({ rule: 'article-mismatch' as const, message: `"a" before a vowel: ${excerpt(t.instruction, m.index, m[0].length)}` })),
  ...matches(/(?<![\p{L}\d])an\s+([^aeiouAEIOU\s][\p{L}\d-]*)/u, t.instruction)
    // Letters said by name ("an SUV", "an MRI") start with a vowel sound.
    .filter((m) => !AN_BEFORE_CONSONANT_OK.test(m[1]!) && !/^[FHLMNRSX][A-Z]/.test(m[1]!))
    .map((m) => ({ rule: 'article-mismatch' as const, message: `"an" before a consonant: ${excerpt(t.instruction, m.index, m[0].length)}` })),
];

/** "Don't add choose your seats.": a call to action where a noun should be. */
const IMPERATIVES = 'choose|select|pick|book|reserve|get|take|find|buy|make|keep|send|use|submit|complete|apply|enter|click|tap';
const imperativeAfterNounSlot: TextRule = (t) =>
  matches(new RegExp(`\\b(add|no|want|with|a|an|the)\\s+(${IMPERATIVES})\\b(?!-)`, 'i'), t.instruction).map((m) => ({
    rule: 'imperative-after-noun-slot',
    message: `a command where a noun belongs: ${excerpt(t.instruction, m.index, m[0].length)}`,
  }));

/** Every sentence starts with a capital and ends with a stop; no doubled spaces or punctuation. */
const sentenceForm: TextRule = (t) => {
  const out: LintFinding[] = [];
  const text = t.instruction;
  if (!/^[A-Z]/.test(text)) out.push({ rule: 'sentence-form', message: 'the instruction does not start with a capital letter' });
  if (!/[.!?]$/.test(text)) out.push({ rule: 'sentence-form', message: 'the instruction does not end with a full stop' });
  // A stop after an abbreviation ("Crescent Theatre Co. on 12 June", "Firenze S.M.N.") does not end a sentence.
  for (const m of matches(/(?<!\b[A-Z][a-z]{0,2})[.!?] +([a-z])/, text)) out.push({ rule: 'sentence-form', message: `a sentence starts in lower case: ${excerpt(text, m.index, 3)}` });
  for (const m of matches(/ {2,}| [,.;!?]|[,;]{2}|\.\.(?!\.)|,\.|\.,/, text)) out.push({ rule: 'sentence-form', message: `stray spacing or punctuation: ${excerpt(text, m.index, m[0].length)}` });
  return out;
};

/** Every constraint's words are in the instruction: a constraint nobody was asked for cannot be judged fairly. */
const phraseMissing: TextRule = (t) =>
  t.constraints.filter((c) => !t.instruction.includes(c.phrase.replace(/[.]$/, ''))).map((c) => ({ rule: 'phrase-missing', message: `constraint ${c.id} ("${c.phrase}") is not said in the instruction` }));

/** Two constraints on one fact ("Stick to the Mini class. I want a mini or economy car.") read as a contradiction. */
const contradiction: Rule = (t) => {
  const seen = new Map<string, Constraint>();
  const out: LintFinding[] = [];
  for (const c of t.constraints) {
    const key = factKey(c);
    const first = seen.get(key);
    if (first) out.push({ rule: 'contradiction', message: `"${first.phrase}" and "${c.phrase}" both constrain ${key.replace(/^fact\//, '')}` });
    else seen.set(key, c);
  }
  return out;
};

/**
 * "to Barcelona in 6 days plus my two kids": a clause about who travels run into the date. A
 * clause on a count (travellers, rooms, tickets) is set off by a comma or starts its sentence.
 */
const gluedClause: Rule = (t) => {
  const out: LintFinding[] = [];
  for (const c of t.constraints) {
    if (c.kind !== 'count' || /[.!?]$/.test(c.phrase)) continue;
    const at = t.instruction.indexOf(c.phrase);
    if (at <= 0) continue;
    const before = t.instruction.slice(0, at);
    if (!/(, |[.!?] )$/.test(before)) out.push({ rule: 'glued-clause', message: `"${c.phrase}" runs into the clause before it: ${excerpt(t.instruction, at, c.phrase.length)}` });
  }
  return out;
};

/** The words a money fact's phrase must use to name what one amount buys, from its label. */
const UNIT_WORDS: [RegExp, RegExp][] = [
  [/per adult/i, /per adult/i],
  [/per night/i, /(per|a) night/i],
  [/per ticket/i, /(per|a) ticket/i],
  [/per guest/i, /(per|a) (guest|head)/i],
  [/daily|per day/i, /(daily|per day|a day)/i],
  [/total/i, /total|in all|altogether/i],
];

/** Amounts a cancellation records on the booking, outside any site's fact sheet. */
const MANAGE_MONEY = new Set(['cancellationFee', 'refund']);

/**
 * A price phrase must name the quantity that is checked: a bound on what is paid never reads as
 * a starting price ("prices start below €180", "listed at", "from under"), says what one amount
 * buys (per adult, a night, per ticket), and money words go only on money facts.
 */
const quantityMismatch: Rule = (t, facts) => {
  const out: LintFinding[] = [];
  for (const c of t.constraints) {
    if (!('field' in c) || c.kind === 'details' || c.kind === 'addon') continue;
    const fact = facts.find((f) => f.field === c.field);
    const euros = /€\s?\d/.test(c.phrase);
    // What "My bookings" records on a cancelled booking (manage-actions.ts) is money too: "a cancellation fee of up to €20".
    if (euros && MANAGE_MONEY.has(c.field)) continue;
    if (euros && fact?.kind !== 'money') out.push({ rule: 'quantity-mismatch', message: `"${c.phrase}" names a price but checks ${c.field}, which is not an amount paid` });
    if (fact?.kind !== 'money') continue;
    if (/\bstart(s|ing)?\b|\bfrom (under|€)|\blisted\b|\bprices? from\b/i.test(c.phrase)) out.push({ rule: 'quantity-mismatch', message: `"${c.phrase}" reads as a starting price, but ${c.field} is what is paid` });
    // A superlative ranks; a bound of nothing ("no deposit") has no unit to name.
    if (c.kind === 'superlative' || (c.kind === 'range' && c.max === 0)) continue;
    for (const [label, words] of UNIT_WORDS) {
      if (label.test(fact.label) && !words.test(c.phrase)) out.push({ rule: 'quantity-mismatch', message: `"${c.phrase}" does not say what the amount is for (${fact.label})` });
    }
  }
  return out;
};

/** Dates a constraint accepts, for checking what a relative phrase inside its words says. */
function acceptsDate(c: Constraint, iso: string): boolean | undefined {
  if (c.kind === 'exact' && typeof c.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.value)) return c.value === iso;
  if (c.kind === 'date_window') return (c.from === undefined || iso >= c.from) && (c.to === undefined || iso <= c.to);
  return undefined;
}

/** "next Saturday" said on a Monday: readers split between two Saturdays. And it must name the date checked. */
const relativeDate: Rule = (t) => {
  const out: LintFinding[] = [];
  for (const m of relativeMentions(t.instruction)) {
    const date = unanimousDate(m.text, WORLD_TODAY);
    if (date === undefined) {
      const r = readings(m.text, WORLD_TODAY).map((x) => `${x.reader}: ${x.date ?? 'no single day'}`).join('; ');
      out.push({ rule: 'relative-date', message: `"${m.text}" is read differently by careful readers (${r})` });
      continue;
    }
    const owners = t.constraints.filter((c) => c.phrase.includes(m.text));
    const verdicts = owners.map((c) => acceptsDate(c, date)).filter((v) => v !== undefined);
    if (verdicts.length > 0 && !verdicts.some(Boolean)) out.push({ rule: 'relative-date', message: `"${m.text}" means ${date}, which is not the date the task checks` });
  }
  return out;
};

const toMinutes = (t: string): number | undefined => {
  if (t === 'noon') return 720;
  if (t === 'midnight') return 0;
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/.exec(t.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  if (m[3] === 'pm' && h < 12) h += 12;
  if (m[3] === 'am' && h === 12) h = 0;
  return h * 60 + Number(m[2] ?? 0);
};

/**
 * "after 18:00" reads as excluding 18:00, "before 12:00" as excluding noon; the checks include
 * their bounds. A bare "after T" / "before T" is right only when the bound is the minute past /
 * before T ("before noon" for a bound of 11:59).
 */
const boundaryWord: Rule = (t) => {
  const out: LintFinding[] = [];
  for (const c of t.constraints) {
    if (c.kind !== 'time_window') continue;
    for (const m of matches(/\b(after|before)\s+(noon|midnight|\d{1,2}(?::\d{2})?(?:\s*(?:am|pm))?)/i, c.phrase)) {
      const said = toMinutes(m[2]!.toLowerCase());
      const bound = m[1]!.toLowerCase() === 'after' ? c.after : c.before;
      if (said === undefined || bound === undefined) continue;
      const [h, min] = bound.split(':').map(Number) as [number, number];
      const checked = h * 60 + min;
      const exact = m[1]!.toLowerCase() === 'after' ? checked === said + 1 : checked === said - 1;
      if (!exact) out.push({ rule: 'boundary-word', message: `"${c.phrase}": "${m[0]}" reads as excluding ${m[2]}, but the check ${m[1]!.toLowerCase() === 'after' ? `starts at ${bound}` : `ends at ${bound}`}` });
    }
  }
  return out;
};

/** "Take the cheapest flight" is judged among the options that fit: the words must say so ("that fits", "matching"). */
const superlativeScope: Rule = (t) =>
  t.constraints
    .filter((c) => c.kind === 'superlative' && c.scope.length > 0 && !/\b(fits?|match(es|ing)?)\b/i.test(c.phrase))
    .map((c) => ({ rule: 'superlative-scope' as const, message: `"${c.phrase}" does not say it ranks only the options that fit the rest of the request` }));

/**
 * "under €80" reads as excluding €80, "over 4 stars" as excluding 4; the checks include their
 * bounds, so a bound is said with words that include it ("at most", "up to", "or more").
 */
const strictBoundWord: Rule = (t) => {
  const out: LintFinding[] = [];
  for (const c of t.constraints) {
    if (c.kind !== 'range') continue;
    for (const m of matches(/(?<!\bat or )\b(under|below|less than|over|above|more than)\s+€?\s?(\d+(?:[.,]\d+)?)/i, c.phrase)) {
      const said = Number(m[2]!.replace(',', '.'));
      const upper = /under|below|less than/i.test(m[1]!);
      if ((upper && c.max === said) || (!upper && c.min === said)) out.push({ rule: 'strict-bound-word', message: `"${c.phrase}": "${m[0]}" excludes ${said}, but the check includes it` });
    }
  }
  return out;
};

export const LINT_RULES: Record<LintRule, Rule> = {
  'strict-bound-word': strictBoundWord,
  'superlative-scope': superlativeScope,
  'boundary-word': boundaryWord,
  placeholder,
  'repeated-word': repeatedWord,
  'article-doubling': articleDoubling,
  'article-mismatch': articleMismatch,
  'imperative-after-noun-slot': imperativeAfterNounSlot,
  'sentence-form': sentenceForm,
  'phrase-missing': phraseMissing,
  contradiction,
  'glued-clause': gluedClause,
  'quantity-mismatch': quantityMismatch,
  'relative-date': relativeDate,
};

/** The rules that read only the words, which a question (a task of kind "qa") must pass as a booking instruction does. */
const QUESTION_RULES: readonly TextRule[] = [placeholder, repeatedWord, articleDoubling, articleMismatch, imperativeAfterNounSlot, sentenceForm, phraseMissing];

/** Every finding of the word rules on a question: its text and every answer part's phrase. */
export function lintQuestion(task: QaTask): LintFinding[] {
  return QUESTION_RULES.flatMap((rule) => rule(task));
}

/** Every finding of every rule on one task (the site's fact sheet tells which facts are money). */
export function lintTask(task: BookingTask): LintFinding[] {
  const facts = SITES.find((s) => s.id === task.site)?.facts ?? [];
  return Object.values(LINT_RULES).flatMap((rule) => rule(task, facts));
}
