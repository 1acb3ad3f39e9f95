import { describe, expect, it } from 'vitest';
import { argCandidates, chooseArg, elementKey, emptyArgHead, labelNames, learnArg, matchingCandidates } from '../../src/student/arguments.js';

/** The keys of the candidate with this text (undefined when there is none). */
const keysOf = (instruction: string, text: string, options: string[] = []): string[] | undefined => argCandidates(instruction, options).find((c) => c.text === text)?.keys;

describe('argCandidates', () => {
  it('numbers dates in textual order, relative and derived ones included', () => {
    const inst = 'Book a hotel in Lisbon arriving next Friday for two nights for 2 adults.';
    expect(keysOf(inst, '2026-06-12')).toEqual(['date#0']);
    expect(keysOf(inst, '2026-06-14')).toEqual(['date#1']);
    expect(keysOf('Book a car in Vienna from July 2 to 4.', '2026-07-04')).toEqual(['date#1']);
  });

  it('gives number words the num:next key of the word after them', () => {
    expect(keysOf('Book a hotel arriving on June 3 for two nights.', '2')).toEqual(['num:next=nights']);
    expect(keysOf('Book a table for a party of four, at 20:00.', '4')).toEqual(['num:next=at', 'party:guests']);
  });

  it('adds party counts: adults, children and everyone', () => {
    const inst = 'Book a flight from London to Rome on Friday, June 19 for my partner and me plus my kid.';
    expect(keysOf(inst, '2')).toEqual(['party:adults']);
    expect(keysOf(inst, '1')).toEqual(['party:children']);
    expect(keysOf(inst, '3')).toEqual(['party:guests']);
    const family = argCandidates('Book it for a group of four adults with my kid in 2 rooms.', []);
    expect(family.filter((c) => c.keys.some((k) => k.startsWith('party:'))).map((c) => [c.text, c.keys])).toEqual([
      ['4', ['num:next=adults', 'party:adults']],
      ['1', ['party:children']],
      ['5', ['party:guests']],
    ]);
  });
});

describe('labelNames', () => {
  it.each([
    ['Copenhagen (CPH)', ['Copenhagen', 'CPH']],
    ['Copenhagen, Denmark', ['Copenhagen']],
    ['Vienna Airport (VIE)', ['Vienna Airport', 'VIE']],
    ['München Hauptbahnhof (Munich)', ['München Hauptbahnhof', 'Munich']],
    ['Copenhagen', []],
    ['elena.dubois@example.com', []],
  ])('%s', (label, names) => {
    expect(labelNames(label)).toEqual(names);
  });
});

describe('learnArg', () => {
  const learn = (instruction: string, name: string, text: string, role = 'combobox') => {
    const head = emptyArgHead();
    const ek = elementKey('fill', role, name);
    const matched = learnArg(head, 'fill', ek, argCandidates(instruction, []), text);
    return { head, ek, matched, el: head.byElement[ek] ?? {} };
  };

  it('matches a suggestion label by its head, without a literal', () => {
    const flight = 'Please book me a flight from Copenhagen bound for Berlin on July 22 plus my kid.';
    for (const label of ['Copenhagen (CPH)', 'Copenhagen, Denmark']) {
      const { matched, el } = learn(flight, 'From', label);
      expect(matched).toBe(true);
      expect(el['cap:prev=from']).toBe(1);
      expect(Object.keys(el).filter((k) => k.startsWith('const='))).toEqual([]);
    }
    expect(learn('Please book me a car at Vienna Airport from July 2 to 4.', 'Pick-up location', 'Vienna Airport (VIE)').el['cap:prev=at']).toBe(1);
  });

  it('matches a station label by the city in its parenthesis', () => {
    const { matched, el } = learn('Get me on a train from Munich to Vienna on 25 June, just for me.', 'Departure station', 'München Hauptbahnhof (Munich)');
    expect(matched).toBe(true);
    expect(el['cap:prev=from']).toBe(1);
  });

  it('prefers exact matches to head matches', () => {
    const cands = argCandidates('Fly from Copenhagen to Berlin.', ['Copenhagen (CPH)']);
    expect(matchingCandidates(cands, 'Copenhagen (CPH)').map((c) => c.text)).toEqual(['Copenhagen (CPH)']);
  });

  it('still keeps the literal of traveller details', () => {
    const { matched, el } = learn('Please book me a flight from Copenhagen to Berlin on July 22.', 'First name', 'Elena', 'textbox');
    expect(matched).toBe(false);
    expect(el).toEqual({ 'const=Elena': 1 });
  });

  it('matches a count with the party key, and chooses it for another party', () => {
    const { head, ek, matched, el } = learn('Book a flight from London to Rome on Friday, June 19 for my partner and me.', 'Adults', '2', 'spinbutton');
    expect(matched).toBe(true);
    expect(el['party:adults']).toBe(1);
    const other = 'Book a hotel in Munich for a group of four adults with my kid in 2 rooms.';
    expect(chooseArg(head, 'fill', ek, 'Adults', argCandidates(other, []))).toBe('4');
    expect(chooseArg(head, 'fill', ek, 'Adults', argCandidates('Book a flight to Oslo just for me plus my two kids.', []))).toBe('1');
  });

  it('learns the check-out date of a stay as the second date', () => {
    const { head, ek, el } = learn('I need a hotel in Copenhagen checking in on Thursday, July 16 for two nights for 1 adult.', 'Check-out', '2026-07-18', 'textbox');
    expect(el['date#1']).toBe(1);
    expect(chooseArg(head, 'fill', ek, 'Check-out', argCandidates('Book a hotel in Rome arriving tomorrow for a week.', []))).toBe('2026-06-09');
  });
});
