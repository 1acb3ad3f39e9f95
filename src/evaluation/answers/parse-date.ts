/**
 * Calendar days as people write them: "2026-06-12", "12 June 2026", "June 12, 2026",
 * "Friday 12th June", "Jun 12". Without a year the default year is taken (the question's). Slash
 * dates are read only when unambiguous ("2026/06/12"): "06/12" is June or December by country.
 */
const MONTHS: Record<string, number> = {};
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((m, i) => {
  MONTHS[m] = i + 1;
  MONTHS[m.slice(0, 3)] = i + 1;
});
MONTHS.sept = 9;

const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

const PATTERNS: { re: RegExp; read: (m: RegExpMatchArray, year: number) => string | undefined }[] = [
  { re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, read: (m) => valid(+m[1]!, +m[2]!, +m[3]!) },
  { re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(${MONTH})\.?,?(?:\s+(\d{4}))?\b`, 'gi'), read: (m, y) => valid(m[3] ? +m[3] : y, MONTHS[m[2]!.toLowerCase()]!, +m[1]!) },
  { re: new RegExp(String.raw`\b(${MONTH})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`, 'gi'), read: (m, y) => valid(m[3] ? +m[3] : y, MONTHS[m[1]!.toLowerCase()]!, +m[2]!) },
];

/** Every calendar day a text names, as ISO dates, in order, without repeats. */
export function datesIn(text: string, defaultYear: number): string[] {
  const found: { at: number; iso: string }[] = [];
  const taken: [number, number][] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const iso = p.read(m, defaultYear);
      if (iso === undefined) continue;
      taken.push([start, end]);
      found.push({ at: start, iso });
    }
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.iso))];
}
