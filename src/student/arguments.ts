import { normalizedDates, numbers, rawTokens, words } from './text.js';

/**
 * The argument of fill / select_option is chosen among candidate strings by a count-based head
 * (no gradient training): each candidate carries descriptive keys ("date#0", "cap:prev=from",
 * "num:next=adults", "opt:best", ...). Training counts which keys the teacher's argument had, per
 * element (kind|role|name words) and per action kind; prediction takes the candidate whose keys
 * were seen most for this element, then for the kind; with no evidence, a fixed heuristic. When
 * no candidate equals the teacher's argument, the literal is counted for the element ("const=…")
 * and competes as a candidate there (it learns the teacher's fixed traveller profile).
 */
export type ArgCandidate = { text: string; keys: string[] };
export type ArgCounts = Record<string, Record<string, number>>;
export type ArgHead = { byElement: ArgCounts; byKind: ArgCounts };

export const emptyArgHead = (): ArgHead => ({ byElement: {}, byKind: {} });

export const elementKey = (kind: string, role: string, name: string): string => `${kind}|${role}|${words(name).filter((w) => !/\d/.test(w)).join(' ')}`;

const isCap = (t: string): boolean => /^[\p{Lu}\d]/u.test(t);

/** Candidate strings: instruction spans (1-4 tokens), capitalized runs, normalized dates, numbers, option labels. */
export function argCandidates(instruction: string, options: readonly string[]): ArgCandidate[] {
  const byText = new Map<string, string[]>();
  const add = (text: string, key: string): void => {
    if (!text) return;
    const keys = byText.get(text) ?? [];
    if (!keys.includes(key)) keys.push(key);
    byText.set(text, keys);
  };
  normalizedDates(instruction).forEach((d, i) => add(d, `date#${i}`));
  const toks = rawTokens(instruction);
  const low = toks.map((t) => t.toLowerCase());
  for (const n of numbers(instruction)) {
    const i = toks.findIndex((t) => t === n || t.replace(/^[€$£]/, '') === n);
    add(n, `num:next=${low[i + 1] ?? ''}`);
  }
  for (let i = 0; i < toks.length; i++) {
    const prev = low[i - 1] ?? '^';
    for (let n = 1; n <= 4 && i + n <= toks.length; n++) add(toks.slice(i, i + n).join(' '), `span:prev=${prev}:len=${n}`);
    if (isCap(toks[i]!) && !(i > 0 && isCap(toks[i - 1]!))) {
      let j = i;
      while (j < toks.length && isCap(toks[j]!)) j++;
      add(toks.slice(i, j).join(' '), `cap:prev=${prev}`);
    }
  }
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

/** Count the keys of the candidates equal to the teacher's argument; false when none matches. */
export function learnArg(head: ArgHead, kind: string, ek: string, cands: readonly ArgCandidate[], text: string): boolean {
  let hits = cands.filter((c) => c.text === text);
  if (!hits.length) hits = cands.filter((c) => c.text.toLowerCase() === text.toLowerCase());
  for (const c of hits) for (const k of c.keys) {
    bump(head.byElement, ek, k);
    bump(head.byKind, kind, k);
  }
  // No candidate: remember the literal for this element (the teacher's fixed traveller profile).
  if (!hits.length) bump(head.byElement, ek, `const=${text}`);
  return hits.length > 0;
}

function bump(counts: ArgCounts, a: string, k: string): void {
  const row = (counts[a] ??= {});
  row[k] = (row[k] ?? 0) + 1;
}

/** The best candidate's text, or undefined when there is no candidate at all. */
export function chooseArg(head: ArgHead, kind: string, ek: string, name: string, cands: readonly ArgCandidate[]): string | undefined {
  const el = head.byElement[ek] ?? {};
  const kd = head.byKind[kind] ?? {};
  let best: ArgCandidate | undefined;
  let bestScore = 0;
  const literals = Object.keys(el).filter((k) => k.startsWith('const=')).map((k) => ({ text: k.slice('const='.length), keys: [k] }));
  for (const c of [...cands, ...literals]) {
    const s = Math.max(0, ...c.keys.map((k) => (el[k] ?? 0) * 1000 + (kd[k] ?? 0)));
    if (s > bestScore) [best, bestScore] = [c, s];
  }
  if (best) return best.text;
  const fallback = kind === 'select_option' ? 'opt:best' : /date|check|depart|return/i.test(name) ? 'date#0' : 'cap:prev=';
  return (cands.find((c) => c.keys.some((k) => k.startsWith(fallback))) ?? cands[0])?.text;
}
