import { describe, expect, it } from 'vitest';
import { parseAxText } from '../../src/browser/observation/read-ax-text.js';
import { FACTS, NUMERIC_NAMES, listingFacts, numericFeatures, readFacts, readGoals } from '../../src/student/listing-facts.js';

// A results page as skyhop renders it (two listings, each with its facts on text lines).
const page = [
  '[69] list',
  '  [71] article',
  '    [72] heading h3',
  '      [73] link "Alpine Jet AJ 6576"',
  '    21:10 CPH → 00:15 (+1) BCN',
  '    Duration: 3h 5m · Stops: Non-stop',
  '    €217 per adult',
  '    [79] link "Select flight: Alpine Jet AJ 6576 — 21:10 CPH → 00:15 (+1) BCN"',
  '  [81] article',
  '    [82] heading h3',
  '      [83] link "Alpine Jet AJ 2415"',
  '    22:40 CPH → 03:25 (+1) BCN',
  '    Duration: 4h 45m · Stops: 1 stop (BER)',
  '    €124 per adult',
  '    [88] link "Select flight: Alpine Jet AJ 2415 — 22:40 CPH → 03:25 (+1) BCN"',
  '[90] button "Next page"',
].join('\n');

describe('listing facts as numbers', () => {
  it('reads the superlatives and bounds the task phrasings use', () => {
    expect(readGoals('Of the flights and fares that fit, take the cheapest per adult. Spend at most €20 on seats, in all.')).toEqual({ want: { price: 'min' }, upper: {}, lower: {} });
    expect(readGoals('paying no more than €225 per adult for the fare, with at most 1 stop, departing at 22:00 or later. Take the shortest flight that fits.'))
      .toEqual({ want: { duration: 'min' }, upper: { price: 225, stops: 1 }, lower: { time: 1320 } });
    expect(readGoals('no longer than 2h 30m, with a deposit of at most €45 per guest. Choose the hotel with the most guest reviews')).toEqual({ want: { reviews: 'max' }, upper: { duration: 150 }, lower: {} });
    expect(readGoals('rated Very good (8+) by guests, within 6 km of the centre.')).toEqual({ want: {}, upper: { distance: 6 }, lower: { rating: 8 } });
  });

  it('reads each listing\'s facts from its text lines, for every element inside it', () => {
    expect(readFacts('Rating: 4.6 (751 reviews) · Price: €€€ · Tables near 20:30')).toMatchObject({ rating: 4.6, reviews: 751, time: 1230 });
    const facts = listingFacts(parseAxText(page));
    const nodes = parseAxText(page).nodes;
    const of = (bid: string) => facts[nodes.findIndex((n) => n.bid === bid)];
    expect(of('79')).toEqual({ price: 217, duration: 185, time: 1270, stops: 0 });
    expect(of('83')).toEqual({ price: 124, duration: 285, time: 1360, stops: 1 });
    expect(of('90')).toBeUndefined();
  });

  it('places a candidate among its comparable peers and against the instruction', () => {
    const nodes = parseAxText(page).nodes;
    const facts = listingFacts(parseAxText(page));
    const cands = ['79', '88', '90'].map((bid) => {
      const i = nodes.findIndex((n) => n.bid === bid);
      return { kind: 'click', role: nodes[i]!.role, facts: facts[i] };
    });
    const num = numericFeatures(cands, readGoals('Take the cheapest flight, with at most 0 stops... under €200.'));
    const get = (c: number, name: string) => num[c]![NUMERIC_NAMES.indexOf(name as (typeof NUMERIC_NAMES)[number])];
    expect([get(0, 'price:best'), get(1, 'price:best')]).toEqual([0, 1]);
    expect([get(0, 'price:pos'), get(1, 'price:pos')]).toEqual([1, 0]);
    expect([get(0, 'price:in_bound'), get(0, 'price:out_bound'), get(1, 'price:in_bound')]).toEqual([0, 1, 1]);
    expect(get(1, 'any_best')).toBe(1);
    // Outside a listing: zeros.
    expect([...num[2]!].every((x) => x === 0)).toBe(true);
    expect(NUMERIC_NAMES.length).toBe(FACTS.length * 8 + 3);
  });
});
