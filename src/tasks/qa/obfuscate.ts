import type { Clue } from './description.js';

/** A round step for a range around v: ranges end on numbers a person would say. */
function step(v: number): number {
  const a = Math.abs(v);
  if (a < 10) return 1;
  const p = 10 ** Math.floor(Math.log10(a));
  return a / p < 3 ? p / 2 : p;
}

/**
 * The clue made vaguer (WebSailor's obfuscation): an exact number becomes a range around it, an
 * exact date the third of its month ("in early June 2026"). Other clues stay as they are. The
 * caller checks that the question still has one answer.
 */
export function blur(c: Clue): Clue {
  if (c.kind !== 'eq') return c;
  if (typeof c.value === 'number') {
    const s = step(c.value);
    const min = Math.floor((c.value * 0.85) / s) * s;
    const max = Math.ceil((c.value * 1.15) / s) * s;
    return { kind: 'range', key: c.key, min: Math.min(min, c.value - (Number.isInteger(c.value) ? 1 : 0.1)), max: Math.max(max, c.value + (Number.isInteger(c.value) ? 1 : 0.1)) };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(c.value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const [from, to] = d <= 10 ? [1, 10] : d <= 20 ? [11, 20] : [21, last];
    const iso = (day: number) => `${m[1]}-${m[2]}-${String(day).padStart(2, '0')}`;
    return { kind: 'window', key: c.key, from: iso(from), to: iso(to) };
  }
  return c;
}

/** A fact clue for a fact value: the value itself, or one member of a list. */
export function clueOf(key: string, value: string | number | string[], pick: (xs: readonly string[]) => string): Clue {
  return Array.isArray(value) ? { kind: 'has', key, value: pick(value) } : { kind: 'eq', key, value };
}
