import { ReplyVerdict } from './schemas.js';

export type ParsedReply =
  | { ok: true; verdicts: Map<string, { satisfied: boolean; reason: string }> }
  | { ok: false; problem: string };

/** Every JSON value in the text that could hold verdicts: fenced blocks first, then bare objects/arrays. */
function candidates(text: string): unknown[] {
  const out: unknown[] = [];
  for (const m of text.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)) {
    const v = tryParse(m[1]!.trim());
    if (v !== undefined) out.push(v);
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '{' && ch !== '[') continue;
    const end = balancedEnd(text, i);
    if (end < 0) continue;
    const v = tryParse(text.slice(i, end + 1));
    if (v !== undefined) {
      out.push(v);
      i = end; // the outermost value holds what is inside it
    }
  }
  return out;
}

function tryParse(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/** Index of the bracket closing the one at `start`, skipping brackets inside JSON strings; -1 if none. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The verdict list inside one JSON value: {"verdicts": [...]}, a bare array, or one verdict. */
function verdictList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const v = (value as Record<string, unknown>).verdicts;
    if (Array.isArray(v)) return v;
    if ('id' in value && 'satisfied' in value) return [value];
  }
  return undefined;
}

/**
 * Reads the judge's verdicts from a reply, wherever the JSON sits (fenced or not, with prose
 * around it). Only ids in `expected` count; entries that do not fit the shape are skipped.
 * A reply with no usable verdict at all is a failure (the caller retries once).
 */
export function parseVerdicts(text: string, expected: readonly string[]): ParsedReply {
  const want = new Set(expected);
  const found = new Map<string, { satisfied: boolean; reason: string }>();
  let sawJson = false;
  for (const value of candidates(text)) {
    const list = verdictList(value);
    if (!list) continue;
    sawJson = true;
    for (const item of list) {
      const r = ReplyVerdict.safeParse(item);
      if (!r.success || !want.has(r.data.id) || found.has(r.data.id)) continue;
      found.set(r.data.id, { satisfied: r.data.satisfied, reason: r.data.reason?.trim() || '(no reason given)' });
    }
    if (found.size === want.size) break;
  }
  if (found.size > 0) return { ok: true, verdicts: found };
  if (!sawJson) return { ok: false, problem: 'it holds no JSON object with a "verdicts" list' };
  return { ok: false, problem: `none of its verdicts names a listed constraint id (${expected.join(', ')}) with a boolean "satisfied"` };
}
