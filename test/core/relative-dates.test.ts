import { describe, expect, it } from 'vitest';
import { addDays, horizonDates, weekdayName, WORLD_TODAY } from '../../src/core/dates.js';
import { READERS, readings, relativeMentions, unanimousDate } from '../../src/core/relative-dates.js';
import { datePhrases } from '../../src/sites/kit/phrasing.js';

/**
 * How careful readers resolve relative dates, written down by hand for Monday 1 June 2026 (the
 * world's today): the readings people actually give, not the ones the code computes.
 */
const MONDAY = '2026-06-01';
const READINGS: { phrase: string; readers: Record<string, string | undefined> }[] = [
  // "Next Saturday": the coming one for some, the one of next week for others. Ambiguous.
  { phrase: 'next Saturday', readers: { 'monday-weeks': '2026-06-13', 'sunday-weeks': '2026-06-13', 'nearest-monday-weeks': '2026-06-06', 'nearest-sunday-weeks': '2026-06-06' } },
  // "Next Monday" said on a Monday: the one a week away for everyone.
  { phrase: 'next Monday', readers: { 'monday-weeks': '2026-06-08', 'sunday-weeks': '2026-06-08', 'nearest-monday-weeks': '2026-06-08', 'nearest-sunday-weeks': '2026-06-08' } },
  // "This Saturday": the coming one for everyone.
  { phrase: 'this Saturday', readers: { 'monday-weeks': '2026-06-06', 'sunday-weeks': '2026-06-06', 'nearest-monday-weeks': '2026-06-06', 'nearest-sunday-weeks': '2026-06-06' } },
  // "This Sunday": the coming one, or (weeks starting on Sunday) the one that has passed.
  { phrase: 'this Sunday', readers: { 'monday-weeks': '2026-06-07', 'sunday-weeks': undefined, 'nearest-monday-weeks': '2026-06-07', 'nearest-sunday-weeks': '2026-06-07' } },
  // "Sunday next week": 14 June in Monday-first weeks, 7 June in Sunday-first ones.
  { phrase: 'Sunday next week', readers: { 'monday-weeks': '2026-06-14', 'sunday-weeks': '2026-06-07', 'nearest-monday-weeks': '2026-06-14', 'nearest-sunday-weeks': '2026-06-07' } },
  { phrase: 'Friday next week', readers: { 'monday-weeks': '2026-06-12', 'sunday-weeks': '2026-06-12', 'nearest-monday-weeks': '2026-06-12', 'nearest-sunday-weeks': '2026-06-12' } },
  { phrase: 'in 6 days', readers: { 'monday-weeks': '2026-06-07', 'sunday-weeks': '2026-06-07', 'nearest-monday-weeks': '2026-06-07', 'nearest-sunday-weeks': '2026-06-07' } },
  { phrase: 'tomorrow', readers: { 'monday-weeks': '2026-06-02', 'sunday-weeks': '2026-06-02', 'nearest-monday-weeks': '2026-06-02', 'nearest-sunday-weeks': '2026-06-02' } },
  // A weekend is two days: no reader can book "the weekend after next" as one date.
  { phrase: 'the weekend after next', readers: { 'monday-weeks': undefined, 'sunday-weeks': undefined, 'nearest-monday-weeks': undefined, 'nearest-sunday-weeks': undefined } },
];

describe('relative dates, as careful readers take them', () => {
  it('reproduces the hand-written readings of each phrase on Monday 1 June', () => {
    expect(READERS.map((r) => r.id).sort()).toEqual(Object.keys(READINGS[0]!.readers).sort());
    for (const { phrase, readers } of READINGS) {
      expect(Object.fromEntries(readings(phrase, MONDAY).map((r) => [r.reader, r.date])), phrase).toEqual(readers);
    }
  });

  it('calls a phrase unambiguous only when every reader lands on the same day', () => {
    expect(unanimousDate('next Saturday', MONDAY)).toBeUndefined();
    expect(unanimousDate('this Sunday', MONDAY)).toBeUndefined();
    expect(unanimousDate('Sunday next week', MONDAY)).toBeUndefined();
    expect(unanimousDate('next Monday', MONDAY)).toBe('2026-06-08');
    expect(unanimousDate('Friday next week', MONDAY)).toBe('2026-06-12');
    expect(unanimousDate('this Saturday', MONDAY)).toBe('2026-06-06');
  });

  it('finds relative phrases in running text, the longest first', () => {
    const found = relativeMentions('Book a train to Barcelona in 6 days, or next Saturday, or Saturday next week, or the day after tomorrow.').map((m) => m.text);
    expect(found).toEqual(['in 6 days', 'next Saturday', 'Saturday next week', 'the day after tomorrow']);
  });

  it('the generator only writes relative dates every reader agrees on, for every date of the horizon', () => {
    let relative = 0;
    for (const iso of horizonDates()) {
      for (const p of datePhrases(iso)) {
        for (const m of relativeMentions(p.text)) {
          relative++;
          expect(unanimousDate(m.text, WORLD_TODAY), `${p.text} for ${iso} (${weekdayName(iso)})`).toBe(iso);
        }
      }
    }
    // tomorrow, in N days, this Tuesday..Saturday, next Monday, Monday..Saturday next week.
    expect(relative).toBeGreaterThanOrEqual(9 + 5 + 1 + 6);
    expect(datePhrases(addDays(WORLD_TODAY, 12)).map((p) => p.text)).not.toContain('next Saturday');
    expect(datePhrases(addDays(WORLD_TODAY, 12)).map((p) => p.text)).toContain('Saturday next week');
  });

  it('holds on any weekday as today, not only on the world\'s Monday', () => {
    for (let k = 0; k < 7; k++) {
      const today = addDays(MONDAY, k);
      for (const phrase of ['tomorrow', 'in 3 days', 'this Friday', 'next Monday', 'Wednesday next week']) {
        const date = unanimousDate(phrase, today);
        if (date !== undefined) expect(date > today, `${phrase} on ${today}`).toBe(true);
      }
    }
  });
});
