import type { Rng } from '../core/rng.js';

export type Part = {
  phrase: string;
  /** Key facts stated in every request; they come first, in the catalogue's order. */
  key?: boolean;
  /** Key facts about where and when: they follow the opening without a comma ("to Lisbon on June 12"). */
  lead?: boolean;
  /** The closing sentence (complete the booking). */
  last?: boolean;
};

/** A sentence of its own starts with a capital and ends with a stop ("changing at Firenze S.M.N." is a clause). */
const isSentence = (s: string) => /^[A-Z"'“]/.test(s) && /[.!?]$/.test(s);

/**
 * Turns phrases into an instruction: the intro followed by the where-and-when clauses, then
 * the other key clauses (who travels) and the other clauses, each set off by a comma, then the
 * sentences in random order, and the closing one.
 * "Book a train from Madrid to Barcelona on June 7, with my two kids, using my Senior Railcard, on a direct train. Pick the Flex fare. Complete the booking."
 * Repeated phrases (two constraints said in one phrase) are said once.
 */
export function renderInstruction(intro: string, parts: Part[], rng: Rng): string {
  const seen = new Set<string>();
  const unique = parts.filter((p) => (seen.has(p.phrase) ? false : (seen.add(p.phrase), true)));
  const clauses = unique.filter((p) => !p.last && !isSentence(p.phrase));
  const lead = clauses.filter((p) => p.key && p.lead).map((p) => p.phrase);
  const keyOthers = clauses.filter((p) => p.key && !p.lead).map((p) => p.phrase);
  const others = rng.shuffle(clauses.filter((p) => !p.key)).map((p) => p.phrase);
  const sentences = rng.shuffle(unique.filter((p) => !p.last && isSentence(p.phrase))).map((p) => p.phrase);
  const closing = unique.filter((p) => p.last).map((p) => (/[.!?]$/.test(p.phrase) ? p.phrase : `${p.phrase}.`));
  // "in Lisbon on June 12", but "in Lisbon, checking in on June 12": participle clauses take a comma.
  const opening = lead.reduce((s, p) => `${s}${/^\w+ing\b/.test(p) && s !== intro && !/^(leaving|heading|flying)\b/.test(p) ? ',' : ''} ${p}`, intro);
  const first = [opening, ...keyOthers, ...others].join(', ');
  const text = [/[.!?]$/.test(first) ? first : `${first}.`, ...sentences, ...closing].join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
