import type { AxPage } from '../browser/observation/read-ax-text.js';

/**
 * Listing facts as numbers, for the attention student (arch "attn"): a hashed bag of words sees
 * "€124" and "€217" as two unrelated tokens and cannot tell which is the cheapest, nor whether
 * either is under the €150 the instruction allows. Here each candidate gets the facts of the
 * listing it sits in (price, rating, reviews, duration, departure time, stops, distance), placed
 * among the page's comparable candidates (rank, position between min and max) and against what
 * the instruction asks (a superlative: "the cheapest", "earliest departure"; a bound: "at most
 * €225", "departing at 22:00 or later").
 */
export const FACTS = ['price', 'rating', 'reviews', 'duration', 'time', 'stops', 'distance'] as const;
export type Fact = (typeof FACTS)[number];

/** Per fact: present, position (0 = min, 1 = max), is min, is max, is the asked best, closeness to the asked best, inside / outside a bound. */
const PER_FACT = ['has', 'pos', 'min', 'max', 'best', 'near_best', 'in_bound', 'out_bound'] as const;
export const NUMERIC_NAMES = [...FACTS.flatMap((f) => PER_FACT.map((p) => `${f}:${p}`)), 'in_listing', 'listing_count', 'any_best'] as const;

/** What the instruction asks of the facts: a direction per fact (superlative) and bounds. */
export type Goals = { want: Partial<Record<Fact, 'min' | 'max'>>; upper: Partial<Record<Fact, number>>; lower: Partial<Record<Fact, number>> };
export const GOAL_NAMES = [...FACTS.flatMap((f) => [`${f}:asks_min`, `${f}:asks_max`, `${f}:upper`, `${f}:lower`])] as const;

const SUPERLATIVES: { re: RegExp; fact: Fact; dir: 'min' | 'max' }[] = [
  { re: /\bcheapest\b|\blowest (?:fare|price|total|rate)|\bleast expensive\b|price: low to high/i, fact: 'price', dir: 'min' },
  { re: /\bmost expensive\b|\bhighest (?:fare|price)/i, fact: 'price', dir: 'max' },
  { re: /\b(?:highest|best)[- ]rated\b|\bhighest (?:guest )?rating\b|\bbest (?:guest )?rating\b/i, fact: 'rating', dir: 'max' },
  { re: /\bmost (?:guest )?reviews\b|\bmost reviewed\b|\bmost popular\b/i, fact: 'reviews', dir: 'max' },
  { re: /\bshortest\b|\bquickest\b|\bfastest\b/i, fact: 'duration', dir: 'min' },
  { re: /\bearliest\b|\bfirst departure\b/i, fact: 'time', dir: 'min' },
  { re: /\blatest\b|\blast departure\b/i, fact: 'time', dir: 'max' },
  { re: /\bfewest (?:stops|changes)\b/i, fact: 'stops', dir: 'min' },
  { re: /\bclosest to the (?:centre|center)\b|\bnearest to the (?:centre|center)\b|\bmost central\b/i, fact: 'distance', dir: 'min' },
];

const num = (s: string): number => Number(s.replace(/,/g, ''));
const clock = (h: string, m: string): number => Number(h) * 60 + Number(m);
const UPTO = '(?:at most|no more than|not more than|no longer than|under|below|less than|up to|max(?:imum)?|within)';

/** The instruction's superlatives and bounds. */
export function readGoals(instruction: string): Goals {
  const g: Goals = { want: {}, upper: {}, lower: {} };
  for (const s of SUPERLATIVES) if (g.want[s.fact] === undefined && s.re.test(instruction)) g.want[s.fact] = s.dir;
  let m: RegExpExecArray | null;
  // A price bound, not a deposit, a fee, seats or a total ("Spend at most €20 on seats").
  for (const p of instruction.matchAll(new RegExp(`${UPTO}\\s*€\\s?([\\d,]+(?:\\.\\d+)?)\\b(?! on seats| in all)`, 'gi'))) {
    if (/deposit|fee|total|seats?/i.test(instruction.slice(Math.max(0, p.index - 30), p.index))) continue;
    g.upper.price = num(p[1]!);
    break;
  }
  if ((m = new RegExp(`${UPTO}\\s*(\\d+)\\s*h(?:ours?)?(?:\\s*(\\d+)\\s*m(?:in)?)?\\b`, 'i').exec(instruction))) g.upper.duration = Number(m[1]) * 60 + Number(m[2] ?? 0);
  if ((m = new RegExp(`${UPTO}\\s*(\\d+)\\s*(?:stops?|changes?)`, 'i').exec(instruction))) g.upper.stops = Number(m[1]);
  else if (/\bnon-?stop\b|\bdirect\b/i.test(instruction)) g.upper.stops = 0;
  if ((m = new RegExp(`${UPTO}\\s*([\\d.]+)\\s*km`, 'i').exec(instruction))) g.upper.distance = Number(m[1]);
  if ((m = /\b(\d{1,2}):(\d{2})\s*or later\b|\b(?:after|from)\s*(\d{1,2}):(\d{2})/i.exec(instruction))) g.lower.time = clock(m[1] ?? m[3]!, m[2] ?? m[4]!);
  if ((m = /\b(\d{1,2}):(\d{2})\s*or earlier\b|\bbefore\s*(\d{1,2}):(\d{2})/i.exec(instruction))) g.upper.time = clock(m[1] ?? m[3]!, m[2] ?? m[4]!);
  if ((m = /\((\d+(?:\.\d)?)\+\)|\brated (?:at least )?(\d+(?:\.\d)?)\+|\brating of (?:at least )?(\d+(?:\.\d)?)/i.exec(instruction))) g.lower.rating = Number(m[1] ?? m[2] ?? m[3]);
  if ((m = /\bat least (\d+(?:\.\d)?) (?:stars|rating)\b/i.exec(instruction))) g.lower.rating = Number(m[1]);
  return g;
}

/** The instruction's goals as a vector (the instruction context of the attention student). */
export function goalVector(g: Goals): number[] {
  return FACTS.flatMap((f) => [g.want[f] === 'min' ? 1 : 0, g.want[f] === 'max' ? 1 : 0, g.upper[f] !== undefined ? 1 : 0, g.lower[f] !== undefined ? 1 : 0]);
}

/** The facts a text states (a listing's lines joined). */
export function readFacts(text: string): Partial<Record<Fact, number>> {
  const f: Partial<Record<Fact, number>> = {};
  let m: RegExpExecArray | null;
  // The headline price ("€124 per adult", "€39.51 per day"), else the first amount.
  if ((m = /€\s?([\d,]+(?:\.\d+)?) per\b/.exec(text) ?? /€\s?([\d,]+(?:\.\d+)?)/.exec(text))) f.price = num(m[1]!);
  if ((m = /\b(?:guest )?rating:?\s*(\d+(?:\.\d+)?)/i.exec(text) ?? /\((\d+(?:\.\d+)?)\/10\)/.exec(text))) f.rating = Number(m[1]);
  if ((m = /([\d,]+) (?:guest )?reviews\b/i.exec(text))) f.reviews = num(m[1]!);
  if ((m = /duration:?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?/i.exec(text)) && (m[1] || m[2])) f.duration = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  if ((m = /\b(\d{2}):(\d{2})\b/.exec(text))) f.time = clock(m[1]!, m[2]!);
  if (/\bnon-?stop\b|\bdirect\b/i.test(text)) f.stops = 0;
  else if ((m = /\b(\d+) (?:stops?|changes?)\b/i.exec(text))) f.stops = Number(m[1]);
  if ((m = /([\d.]+) km from (?:the )?cent(?:re|er)/i.exec(text))) f.distance = Number(m[1]);
  return f;
}

const LISTING_ROLES = new Set(['article', 'listitem', 'row']);

/** Per node: the facts of the listing (article, list item, row) it sits in, or undefined outside one. */
export function listingFacts(page: AxPage): (Partial<Record<Fact, number>> | undefined)[] {
  const { nodes, texts } = page;
  const container = nodes.map((_, i) => {
    for (let p: number = i; p !== -1; p = nodes[p]!.parent) if (LISTING_ROLES.has(nodes[p]!.role)) return p;
    return -1;
  });
  const within = (i: number, c: number): boolean => {
    for (let p = i; p !== -1; p = nodes[p]!.parent) if (p === c) return true;
    return false;
  };
  const text = new Map<number, string[]>();
  nodes.forEach((n, i) => {
    if (container[i] !== -1) (text.get(container[i]!) ?? text.set(container[i]!, []).get(container[i]!)!).push(n.name);
  });
  for (const t of texts) {
    if (t.parent === -1) continue;
    const c = container[t.parent];
    if (c !== undefined && c !== -1 && within(t.parent, c)) (text.get(c) ?? text.set(c, []).get(c)!).push(t.text);
  }
  const facts = new Map([...text].map(([c, lines]) => [c, readFacts(lines.join(' \n '))]));
  return nodes.map((_, i) => (container[i] === -1 ? undefined : facts.get(container[i]!)));
}

/**
 * The numeric features of a step's candidates: each candidate's listing facts placed among the
 * candidates of the same kind and role that have the fact (its comparable peers on this page),
 * and against the instruction's goals. Candidates outside a listing get zeros.
 */
export function numericFeatures(cands: readonly { kind: string; role: string; facts: Partial<Record<Fact, number>> | undefined }[], goals: Goals): Float32Array[] {
  const out = cands.map(() => new Float32Array(NUMERIC_NAMES.length));
  const groups = new Map<string, number[]>();
  cands.forEach((c, i) => {
    if (!c.facts) return;
    const key = `${c.kind}|${c.role}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  });
  for (const members of groups.values()) {
    FACTS.forEach((f, fi) => {
      const has = members.filter((i) => cands[i]!.facts![f] !== undefined);
      if (!has.length) return;
      const vals = has.map((i) => cands[i]!.facts![f]!);
      const lo = Math.min(...vals);
      const hi = Math.max(...vals);
      const dir = goals.want[f];
      for (const i of has) {
        const v = cands[i]!.facts![f]!;
        const pos = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        const o = out[i]!;
        const base = fi * PER_FACT.length;
        o[base] = 1;
        o[base + 1] = pos;
        o[base + 2] = v === lo ? 1 : 0;
        o[base + 3] = v === hi ? 1 : 0;
        if (dir) {
          o[base + 4] = (dir === 'min' ? v === lo : v === hi) ? 1 : 0;
          o[base + 5] = dir === 'min' ? 1 - pos : pos;
        }
        const up = goals.upper[f];
        const low = goals.lower[f];
        if (up !== undefined || low !== undefined) {
          const ok = (up === undefined || v <= up) && (low === undefined || v >= low);
          o[base + 6] = ok ? 1 : 0;
          o[base + 7] = ok ? 0 : 1;
        }
      }
    });
  }
  const listings = cands.filter((c) => c.facts).length;
  cands.forEach((c, i) => {
    if (!c.facts) return;
    const o = out[i]!;
    o[FACTS.length * PER_FACT.length] = 1;
    o[FACTS.length * PER_FACT.length + 1] = Math.min(listings, 40) / 40;
    o[FACTS.length * PER_FACT.length + 2] = FACTS.some((_, fi) => o[fi * PER_FACT.length + 4] === 1) ? 1 : 0;
  });
  return out;
}
