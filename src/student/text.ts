/** Text helpers for the student: tokens, hashing and date/number normalization (world year 2026). */

export const WORLD_YEAR = 2026;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Lower-case word tokens (letters, digits, @ . - kept inside a token). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}@.\-']*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
}

/** Tokens with their original spelling, punctuation stripped at both ends (for argument spans). */
export function rawTokens(text: string): string[] {
  return text
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}€$£+]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** FNV-1a 32-bit. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Every date the text mentions, as YYYY-MM-DD, in order: ISO dates, "June 12", "12 June" (year 2026 unless given). */
export function normalizedDates(text: string): string[] {
  const found: { at: number; iso: string }[] = [];
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) found.push({ at: m.index, iso: m[0] });
  const month = MONTHS.map((m) => `${m}|${m.slice(0, 3)}`).join('|');
  for (const m of text.matchAll(new RegExp(`\\b(${month})\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'gi'))) {
    found.push({ at: m.index, iso: iso(m[1]!, m[2]!, m[3]) });
  }
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (${month})\\b(?:,? (\\d{4}))?`, 'gi'))) {
    found.push({ at: m.index, iso: iso(m[2]!, m[1]!, m[3]) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.iso).filter((d, i, all) => all.indexOf(d) === i);
}

function iso(monthName: string, day: string, year: string | undefined): string {
  const m = MONTHS.findIndex((x) => x.startsWith(monthName.toLowerCase().slice(0, 3))) + 1;
  return `${year ?? WORLD_YEAR}-${pad(m)}-${pad(Number(day))}`;
}

/** Integers and decimals the text mentions, in order, without currency signs. */
export function numbers(text: string): string[] {
  const noDates = text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ');
  return [...noDates.matchAll(/(?<![\p{L}\d])\d+(?:\.\d+)?(?![\p{L}\d])/gu)].map((m) => m[0]);
}
