import type { Rng } from '../core/rng.js';

export type Part = {
  phrase: string;
  /** Key facts (where, when) lead the sentence. */
  key?: boolean;
  /** The closing sentence (complete the booking). */
  last?: boolean;
};

const isSentence = (s: string) => /[.!?]$/.test(s);

/**
 * Turns phrases into an instruction: the intro, the key clauses in the catalogue's order, the
 * other clauses and then the sentences in random order, and the closing one.
 * "Book a flight to Madrid from Lisbon next Friday, non-stop, for 2 adults. Pick the Flex fare. Complete the booking."
 * Repeated phrases (two constraints said in one sentence) are said once.
 */
export function renderInstruction(intro: string, parts: Part[], rng: Rng): string {
  const seen = new Set<string>();
  const unique = parts.filter((p) => (seen.has(p.phrase) ? false : (seen.add(p.phrase), true)));
  // Key facts keep the catalogue's order (where, when, who): "from 12 June to 15 June", not the reverse.
  const keyClauses = unique.filter((p) => p.key && !isSentence(p.phrase)).map((p) => p.phrase);
  const otherClauses = rng.shuffle(unique.filter((p) => !p.key && !p.last && !isSentence(p.phrase))).map((p) => p.phrase);
  const sentences = rng.shuffle(unique.filter((p) => !p.last && isSentence(p.phrase))).map((p) => p.phrase);
  const closing = unique.filter((p) => p.last).map((p) => (isSentence(p.phrase) ? p.phrase : `${p.phrase}.`));
  let first = [intro, ...keyClauses].join(' ');
  if (otherClauses.length > 0) first += (keyClauses.length > 0 ? ', ' : ' ') + otherClauses.join(', ');
  const text = [`${first.replace(/[.\s]+$/, '')}.`, ...sentences, ...closing].join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
