import { normalizedDates, numberMentions, partyCounts, rawTokens, words, normalizedTimes } from './text.js';

/**
 * The argument of fill / select_option is chosen among candidate strings by a count-based head
 * (no gradient training): each candidate carries descriptive keys ("date#0", "cap:prev=from",
 * "num:next=adults", "opt:best", ...). Training counts which keys the teacher's argument had, per
 * element (kind|role|name words) and per action kind; prediction takes the candidate whose keys
 * were seen most for this element, then for the kind; with no evidence, a fixed heuristic. When
 * no candidate equals the teacher's argument, the literal is counted for the element ("const=…")
 * and competes as a candidate there (it learns the teacher's fixed traveller profile).
 * Keys: "date#i" (i-th date named, relative ones resolved), "num:next=<word after>" (digits and
 * counting number words), "party:adults|children|guests" (who is going), "span:…", "cap:…",
 * "opt:…" (option labels).
 */
export type ArgCandidate = { text: string; keys: string[] };
export type ArgCounts = Record<string, Record<string, number>>;
/** Matches per key (by element, by kind) and how often each key was on offer. */
export type ArgHead = { byElement: ArgCounts; byKind: ArgCounts; presentByElement: ArgCounts; presentByKind: ArgCounts };

export const emptyArgHead = (): ArgHead => ({ byElement: {}, byKind: {}, presentByElement: {}, presentByKind: {} });

export const elementKey = (kind: string, role: string, name: string): string => `${kind}|${role}|${words(name).filter((w) => !/\d/.test(w)).join(' ')}`;

const isCap = (t: string): boolean => /^[\p{Lu}\d]/u.test(t);
/** A capitalized run starts with a capital letter ("Terminal 2", not "2 rooms"). */
const startsCap = (t: string): boolean => /^\p{Lu}/u.test(t);

/** Candidate strings: instruction spans (1-4 tokens), capitalized runs, normalized dates, numbers, party counts, option labels. */
export function argCandidates(instruction: string, options: readonly string[]): ArgCandidate[] {
  // The instruction's part is the same for every field of every step of an episode: read once.
  const byText = new Map([...instructionCandidates(instruction)].map(([text, keys]) => [text, [...keys]]));
  const add = (text: string, key: string): void => {
    if (!text) return;
    const keys = byText.get(text) ?? [];
    if (!keys.includes(key)) keys.push(key);
    byText.set(text, keys);
  };
  const inst = new Set(words(instruction));
  let best = -1;
  let bestScore = 0;
  options.forEach((o, i) => {
    const w = words(o);
    const score = w.length ? w.filter((x) => inst.has(x)).length / w.length : 0;
    if (score > bestScore) [best, bestScore] = [i, score];
    add(o, `opt:=${o.toLowerCase()}`);
  });
  if (best >= 0) add(options[best]!, 'opt:best');
  return [...byText].map(([text, keys]) => ({ text, keys }));
}

let lastInstruction: { text: string; cands: ReadonlyMap<string, readonly string[]> } | undefined;

/** The instruction's candidates by text (memoized for the last instruction seen). */
function instructionCandidates(instruction: string): ReadonlyMap<string, readonly string[]> {
  if (lastInstruction?.text === instruction) return lastInstruction.cands;
  const byText = new Map<string, string[]>();
  const add = (text: string, key: string): void => {
    if (!text) return;
    const keys = byText.get(text) ?? [];
    if (!keys.includes(key)) keys.push(key);
    byText.set(text, keys);
  };
  normalizedDates(instruction).forEach((d, i) => add(d, `date#${i}`));
  normalizedTimes(instruction).forEach((t, i) => add(t, `time#${i}`));
  for (const n of numberMentions(instruction)) add(n.value, `num:next=${n.next}`);
  for (const [who, count] of Object.entries(partyCounts(instruction))) add(String(count), `party:${who}`);
  const toks = rawTokens(instruction);
  const low = toks.map((t) => t.toLowerCase());
  for (let i = 0; i < toks.length; i++) {
    const prev = low[i - 1] ?? '^';
    for (let n = 1; n <= 4 && i + n <= toks.length; n++) add(toks.slice(i, i + n).join(' '), `span:prev=${prev}:len=${n}`);
    // Shapes that name their field whatever word precedes them.
    if (/^[^@\s]+@[^@\s]+\.\w+$/.test(toks[i]!)) add(toks[i]!, 'shape:email');
    if (/^\+\d/.test(toks[i]!)) {
      let j = i + 1;
      while (j < toks.length && /^\d+$/.test(toks[j]!)) j++;
      add(toks.slice(i, j).join(' '), 'shape:phone');
    }
    if (startsCap(toks[i]!) && !(i > 0 && isCap(toks[i - 1]!))) {
      let j = i;
      while (j < toks.length && isCap(toks[j]!)) j++;
      add(toks.slice(i, j).join(' '), `cap:prev=${prev}`);
    }
  }
  lastInstruction = { text: instruction, cands: byText };
  return byText;
}

/**
 * The names a suggestion label carries: its head ("Copenhagen (CPH)", "Copenhagen, Denmark" ->
 * "Copenhagen") and a trailing parenthesis ("München Hauptbahnhof (Munich)" -> "Munich"). The
 * teacher fills autocomplete fields with the full label while the instruction names the city,
 * and the site takes a bare name that matches a single suggestion.
 */
export function labelNames(text: string): string[] {
  const head = text.split(/ \(|,/)[0]!.trim();
  const inner = / \(([^()]+)\)\s*$/.exec(text)?.[1]?.trim();
  return [head, inner].filter((n): n is string => !!n && n !== text);
}

/** The candidates equal to the teacher's argument: exactly, else case-insensitively, else to a name of its label. */
export function matchingCandidates(cands: readonly ArgCandidate[], text: string): ArgCandidate[] {
  const lower = (s: string): string => s.toLowerCase();
  let hits = cands.filter((c) => c.text === text);
  if (!hits.length) hits = cands.filter((c) => lower(c.text) === lower(text));
  const names = labelNames(text).map(lower);
  if (!hits.length) hits = cands.filter((c) => names.includes(lower(c.text)));
  return hits;
}

/** Count the keys of the candidates matching the teacher's argument; false when none matches. */
export function learnArg(head: ArgHead, kind: string, ek: string, cands: readonly ArgCandidate[], text: string): boolean {
  const hits = matchingCandidates(cands, text);
  // Counted per element, per kind and role ("fill|combobox") and per kind: the backoffs for
  // elements never seen in training (a held-out site's "Departure station").
  const role = roleKey(ek);
  for (const c of hits) for (const k of c.keys) {
    bump(head.byElement, ek, k);
    bump(head.byKind, role, k);
    bump(head.byKind, kind, k);
  }
  // How often each key was on offer here: a key's worth is how often it was right when offered.
  const present = new Set(cands.flatMap((c) => c.keys));
  for (const k of present) {
    bump(head.presentByElement, ek, k);
    bump(head.presentByKind, role, k);
    bump(head.presentByKind, kind, k);
  }
  bump(head.presentByElement, ek, SEEN);
  const shape = shapeOf(text);
  if (shape) bump(head.presentByElement, ek, `#shape:${shape}`);
  // No candidate: remember the literal for this element (the teacher's traveller profile).
  if (!hits.length) bump(head.byElement, ek, `const=${text}`);
  return hits.length > 0;
}

/** The shape of a typed value, for fields that only take one. */
export function shapeOf(text: string): 'date' | 'number' | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'date';
  if (/^\d+(\.\d+)?$/.test(text)) return 'number';
  return undefined;
}

/** "fill|combobox" of the element key "fill|combobox|from". */
const roleKey = (ek: string): string => ek.split('|').slice(0, 2).join('|');

/** Per element: how many examples it had (the denominator of the literal's precision). */
const SEEN = '#seen';

function bump(counts: ArgCounts, a: string, k: string): void {
  const row = (counts[a] ??= {});
  row[k] = (row[k] ?? 0) + 1;
}

/** The count head's view of one element: each key's smoothed precision, and the element's literals with their score. */
export type CountScorer = { precision: (key: string) => number; literals: { text: string; score: number }[]; want: 'date' | 'number' | undefined };

export function countScorer(head: ArgHead, kind: string, ek: string): CountScorer {
  // A field that always took a date (or a number) takes nothing else; a spinbutton takes numbers.
  const seen = head.presentByElement[ek]?.[SEEN] ?? 0;
  const share = (sh: string) => (seen ? (head.presentByElement[ek]?.[`#shape:${sh}`] ?? 0) / seen : 0);
  const want = share('date') >= 0.9 ? 'date' : share('number') >= 0.9 || roleKey(ek).endsWith('|spinbutton') ? 'number' : undefined;
  const el = head.byElement[ek] ?? {};
  const pe = head.presentByElement[ek] ?? {};
  const rl = head.byKind[roleKey(ek)] ?? {};
  const pr = head.presentByKind[roleKey(ek)] ?? {};
  const kd = head.byKind[kind] ?? {};
  const pk = head.presentByKind[kind] ?? {};
  const precision = (k: string): number => {
    if (pe[k]) return (el[k] ?? 0) / (pe[k] + 1);
    if (pr[k]) return (0.7 * (rl[k] ?? 0)) / (pr[k] + 1);
    return pk[k] ? (0.5 * (kd[k] ?? 0)) / (pk[k] + 1) : 0;
  };
  const lits = Object.entries(el).filter(([k]) => k.startsWith('const='));
  const total = lits.reduce((n, [, v]) => n + v, 0);
  // Halved: a key grounded in the instruction that is usually right beats the teacher's habit.
  const literals = lits.map(([k, v]) => ({ text: k.slice('const='.length), score: ((0.5 * total) / ((pe[SEEN] ?? total) + 1)) * (v / total) }));
  return { precision, literals, want };
}

/** A candidate's count score: its best key's precision, plus a little for agreeing keys ("Berlin" is both a span and a capitalized run). */
export function countScore(s: CountScorer, keys: readonly string[]): number {
  const ps = keys.map(s.precision);
  return Math.max(0, ...ps) + 0.05 * ps.reduce((a, b) => a + b, 0);
}

/** The candidates a field may take: not a place or name already typed elsewhere, of the shape the field always took. */
export function admissible(s: CountScorer, all: readonly ArgCandidate[], used: ReadonlySet<string>): ArgCandidate[] {
  // A place or name already typed into another field is not this field's value ("from Munich
  // into Zurich": the arrival is not Munich). Numbers may repeat (2 adults in 2 rooms).
  let cands = all.filter((c) => !(/\p{L}/u.test(c.text) && used.has(c.text.toLowerCase())));
  if (s.want) cands = cands.filter((c) => shapeOf(c.text) === s.want);
  return cands;
}

/**
 * The candidate whose best key was most often right when on offer for this element (smoothed
 * precision, the kind's as a weaker fallback), against the element's most common literal, whose
 * precision is the share of this element's examples where the teacher typed a literal.
 */
export function chooseArg(head: ArgHead, kind: string, ek: string, name: string, all: readonly ArgCandidate[], used: ReadonlySet<string> = new Set()): string | undefined {
  const s = countScorer(head, kind, ek);
  const cands = admissible(s, all, used);
  let best: string | undefined;
  let bestScore = 0;
  for (const c of cands) {
    const sc = countScore(s, c.keys);
    if (sc > bestScore) [best, bestScore] = [c.text, sc];
  }
  if (s.literals.length) {
    const total = s.literals.reduce((n, l) => n + l.score, 0);
    const top = s.literals.reduce((a, b) => (b.score > a.score ? b : a));
    if (total > bestScore) [best, bestScore] = [top.text, total];
  }
  if (best !== undefined) return best;
  return fallbackArg(kind, name, cands);
}

/** With no evidence: a select's best-matching option, a date for date fields, else a capitalized run that does not open a sentence. */
export function fallbackArg(kind: string, name: string, cands: readonly ArgCandidate[]): string | undefined {
  const fallback = kind === 'select_option' ? 'opt:best' : /date|check|depart|return/i.test(name) ? 'date#0' : 'cap:prev=';
  // A capitalized run that does not open a sentence ("Book a train ..." is not a place).
  const fits = (k: string) => k.startsWith(fallback) && !(fallback === 'cap:prev=' && /^cap:prev=(\^|.*[.!?])$/.test(k));
  return (cands.find((c) => c.keys.some(fits)) ?? cands[0])?.text;
}
