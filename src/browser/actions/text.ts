/** Small helpers the parser's messages share. */

/** Positions in messages are 1-based characters of the (trimmed) action text. */
export const at = (index: number): string => `at character ${index + 1}`;

/** A snippet of user text for an error message: quoted, escaped, cut so messages stay short. */
export function snippet(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text;
  return JSON.stringify(cut);
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The closest known name within edit distance 2, for "did you mean" hints. */
export function closest(name: string, known: readonly string[]): string | undefined {
  // Names longer than any action name by a margin cannot be within distance 2; skipping them keeps
  // the quadratic distance off huge inputs.
  if (name.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = row;
  }
  return previous[b.length]!;
}
