import { foldTerm } from './search-index.js';

export type SnippetPart = { text: string; mark: boolean };

/** The text folded one character for one, so positions in it are positions in the original. */
function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = foldTerm(ch);
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

/**
 * Up to `width` characters of a page's text around the first word the query matched, cut at word
 * boundaries, with every matched word marked: what a results page shows under a title.
 */
export function snippet(body: string, terms: readonly string[], width = 220): SnippetPart[] {
  const folded = foldSameLength(body);
  const words = [...new Set(terms.map(foldTerm).filter((t) => t.length > 0))];
  const at = (from: number) => {
    let best = -1;
    for (const w of words) {
      const re = new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gu');
      re.lastIndex = from;
      const m = re.exec(folded);
      if (m && (best < 0 || m.index + m[1]!.length < best)) best = m.index + m[1]!.length;
    }
    return best;
  };
  const first = at(0);
  let start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  if (start > 0) start = body.indexOf(' ', start) + 1 || start;
  let end = Math.min(body.length, start + width);
  if (end < body.length) end = body.lastIndexOf(' ', end) > start ? body.lastIndexOf(' ', end) : end;
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '… ', mark: false });
  let pos = start;
  while (pos < end) {
    const hit = at(pos);
    if (hit < 0 || hit >= end) break;
    const w = words.filter((x) => folded.startsWith(x, hit)).sort((a, b) => b.length - a.length)[0]!;
    // Mark the whole word the matched prefix starts.
    let stop = hit + w.length;
    while (stop < end && /[\p{L}\p{N}]/u.test(body[stop]!)) stop++;
    if (hit > pos) parts.push({ text: body.slice(pos, hit), mark: false });
    parts.push({ text: body.slice(hit, stop), mark: true });
    pos = stop;
  }
  if (pos < end) parts.push({ text: body.slice(pos, end), mark: false });
  if (end < body.length) parts.push({ text: ' …', mark: false });
  return parts;
}
