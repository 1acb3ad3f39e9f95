import { describe, expect, it } from 'vitest';
import { addDays, horizonDates } from '../../src/core/dates.js';
import { normalizedDates, numberMentions, numbers, partyCounts } from '../../src/student/text.js';
import { SITES, buildArenaWorld } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { datePhrases, numberWord } from '../../src/sites/kit/phrasing.js';

// The world's today is Monday 2026-06-01.

describe('normalizedDates: relative dates', () => {
  it.each([
    ['Book a flight tomorrow.', '2026-06-02'],
    ['Book a flight this Wednesday.', '2026-06-03'],
    ['Book a flight this Saturday.', '2026-06-06'],
    ['Book a flight this Sunday.', '2026-06-07'],
    ['Book a flight next Monday.', '2026-06-08'],
    ['Book a flight next Friday.', '2026-06-12'],
    ['Book a flight next Sunday.', '2026-06-14'],
    ['Book a flight on the Saturday of the weekend after next.', '2026-06-20'],
    ['Book a flight on the Sunday of the weekend after next.', '2026-06-21'],
    ['Book a flight in 2 days.', '2026-06-03'],
    ['Book a flight in 9 days.', '2026-06-10'],
    ['Book a flight in 10 days.', '2026-06-11'],
  ])('%s -> %s', (text, iso) => {
    expect(normalizedDates(text)).toEqual([iso]);
  });

  it('reads every phrasing of the task generator as its date, for every day with inventory', () => {
    const wrong: string[] = [];
    for (const iso of horizonDates()) {
      for (const p of datePhrases(iso)) if (normalizedDates(`Book it ${p.text}, please.`).join() !== iso) wrong.push(`${p.text} (${iso})`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('normalizedDates: absolute dates and ranges', () => {
  it.each([
    ['from July 2 to 4', ['2026-07-02', '2026-07-04']],
    ['from June 28 to July 2', ['2026-06-28', '2026-07-02']],
    ['from 2 to 4 July', ['2026-07-02', '2026-07-04']],
    ['from 28 June to 2 July', ['2026-06-28', '2026-07-02']],
    ['June 3 to June 6', ['2026-06-03', '2026-06-06']],
    ['from Friday June 12 to Monday June 15', ['2026-06-12', '2026-06-15']],
    ['between June 5 and June 20', ['2026-06-05', '2026-06-20']],
    ['any day from 8 June to 21 June', ['2026-06-08', '2026-06-21']],
    ['between the 5th and the 20th of June', ['2026-06-05', '2026-06-20']],
    ['some time between 2026-06-05 and 2026-06-20', ['2026-06-05', '2026-06-20']],
    ['on Friday, June 19 for 2 adults', ['2026-06-19']],
  ])('%s', (text, isos) => {
    expect(normalizedDates(text)).toEqual(isos);
  });

  it('does not read a count or a time after a date as a range end', () => {
    expect(normalizedDates('on July 2 to 4 adults')).toEqual(['2026-07-02']);
    expect(normalizedDates('on July 2 to 14:30')).toEqual(['2026-07-02']);
  });

  it('skips days that are not on the calendar, and does not count from them', () => {
    expect(normalizedDates('checking in on June 31 for 2 nights')).toEqual([]);
    expect(normalizedDates('for 2 nights')).toEqual([]);
  });
});

describe('normalizedDates: stays and returns relative to the previous date', () => {
  it.each([
    ['checking in on Thursday, July 16 for two nights', ['2026-07-16', '2026-07-18']],
    ['arriving on 3 July for 3 nights', ['2026-07-03', '2026-07-06']],
    ['arriving tomorrow for 1 night', ['2026-06-02', '2026-06-03']],
    ['checking in on June 10 staying four nights', ['2026-06-10', '2026-06-14']],
    ['arriving next Friday for a week', ['2026-06-12', '2026-06-19']],
    ['arriving in 2 days checking out in 9 days', ['2026-06-03', '2026-06-10']],
    ['picking it up next Friday and bringing it back three days later', ['2026-06-12', '2026-06-15']],
    ['picking it up tomorrow and bringing it back the next day', ['2026-06-02', '2026-06-03']],
    ['picking it up on June 15. I\'ll bring it back four days later.', ['2026-06-15', '2026-06-19']],
    ['picking it up on June 8. I\'ll return it next Friday.', ['2026-06-08', '2026-06-12']],
  ])('%s', (text, isos) => {
    expect(normalizedDates(text)).toEqual(isos);
  });

  it('reads every staywell check-in and check-out phrasing as [check-in, check-out]', () => {
    // The phrasings of src/tasks/catalogues/staywell.ts (checkInPhrases, checkOutPhrases).
    const nightsWord = (n: number): string => (n === 1 ? 'night' : 'nights');
    const wrong: string[] = [];
    for (const checkIn of horizonDates().slice(1, 40)) {
      for (const nights of [1, 2, 3, 4, 5, 6, 7, 10, 14]) {
        const checkOut = addDays(checkIn, nights);
        const ins = datePhrases(checkIn).flatMap((p) => [`arriving ${p.text}`, ...(p.text.startsWith('on ') ? [`checking in ${p.text}`] : [])]);
        const outs = [
          `for ${nights} ${nightsWord(nights)}`,
          `for ${numberWord(nights)} ${nightsWord(nights)}`,
          `staying ${numberWord(nights)} ${nightsWord(nights)}`,
          ...(nights === 7 ? ['for a week'] : []),
          ...datePhrases(checkOut).map((p) => `checking out ${p.text}`),
        ];
        for (const a of ins) for (const b of outs) {
          const text = `Book a hotel in Lisbon ${a} ${b} for 2 adults, with rooms from under €130 a night.`;
          if (normalizedDates(text).join() !== `${checkIn},${checkOut}`) wrong.push(text);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('numbers', () => {
  it('keeps digits, decimals and prices as before, without ISO dates', () => {
    expect(numbers('under €130 a night, rated 4.5 or higher, on 2026-07-01 at 12:30')).toEqual(['130', '4.5', '12', '30']);
  });

  it('adds number words that count something, in textual order', () => {
    expect(numbers('for four adults with my two kids in 2 rooms')).toEqual(['4', '2', '2']);
    expect(numbers('checking in on June 3 for two nights')).toEqual(['3', '2']);
    expect(numbers('in two separate rooms. We need three rooms.')).toEqual(['2', '3']);
    expect(numbers('for a party of four, for the five of us. There are six of us.')).toEqual(['4', '5', '6']);
    expect(numbers('a table for three at 20:00')).toEqual(['3', '20', '00']);
    expect(numbers('seating five or more, that takes three suitcases or more')).toEqual(['5', '3']);
    expect(numbers('with at most one change, I only need one ticket')).toEqual(['1', '1']);
    expect(numbers('for a family of four: two adults and one child')).toEqual(['4', '2', '1']);
  });

  it('leaves number words that do not count anything', () => {
    expect(numbers('Pick the one with the lowest price, or the most central one.')).toEqual([]);
    expect(numbers('a one-way flight to see Beethoven Seven')).toEqual([]);
  });

  it('gives the token after each mention', () => {
    expect(numberMentions('for two nights, party of four, with €130 a night').map((m) => [m.value, m.next])).toEqual([
      ['2', 'nights'],
      ['4', 'with'],
      ['130', 'a'],
    ]);
  });
});

describe('partyCounts', () => {
  it.each([
    // skyhop
    ['for 2 adults', { adults: 2, guests: 2 }],
    ['for 1 adult', { adults: 1, guests: 1 }],
    ['for me', { adults: 1, guests: 1 }],
    ['for three adults', { adults: 3, guests: 3 }],
    ['for my partner and me', { adults: 2, guests: 2 }],
    ['with 2 children', { children: 2 }],
    ['plus my kid', { children: 1 }],
    ['plus my two kids', { children: 2 }],
    ['with no children', { children: 0 }],
    ['for my partner and me plus my kid', { adults: 2, children: 1, guests: 3 }],
    ['with 1 child for one adult', { adults: 1, children: 1, guests: 2 }],
    // staywell
    ['just for me', { adults: 1, guests: 1 }],
    ['for two adults', { adults: 2, guests: 2 }],
    ['for a group of four adults', { adults: 4, guests: 4 }],
    ['for a group of four adults with my kid in 2 rooms', { adults: 4, children: 1, guests: 5 }],
    ['with my kid for 2 adults', { adults: 2, children: 1, guests: 3 }],
    ['with my two kids', { children: 2 }],
    ['travelling with two children', { children: 2 }],
    ['travelling with one child', { children: 1 }],
    ['no kids', { children: 0 }],
    ['for 2 adults, no kids, in two separate rooms', { adults: 2, children: 0, guests: 2 }],
    // forkful
    ['for 6 people', { guests: 6 }],
    ['for 1 person', { guests: 1 }],
    ['for one, at 20:00', { guests: 1 }],
    ['at 7:30 pm for six.', { guests: 6 }],
    ['for a party of four, with a casual dress code', { guests: 4 }],
    ['for the four of us', { guests: 4 }],
    // ticketnest
    ['I need 3 tickets.', { guests: 3 }],
    ['I only need one ticket.', { guests: 1 }],
    ['for a friend and me', { adults: 2, guests: 2 }],
    ['Get a pair of tickets.', { guests: 2 }],
    ['There are four of us.', { guests: 4 }],
    // railgo
    ['for me with 1 child aged 4 to 11', { adults: 1, children: 1, guests: 2 }],
    ['with 2 children aged 4 to 11', { children: 2 }],
    ['no kids travelling', { children: 0 }],
    // phrasing.partyPhrases
    ['for 2 adults and 1 child', { adults: 2, children: 1, guests: 3 }],
    ['for six people', { guests: 6 }],
    ['for one person', { guests: 1 }],
    ['for me and my kid', { adults: 1, children: 1, guests: 2 }],
    ['for me and my two kids', { adults: 1, children: 2, guests: 3 }],
    ['for a family of four: two adults and two children', { adults: 2, children: 2, guests: 4 }],
    ['for a family of three: two adults and one child', { adults: 2, children: 1, guests: 3 }],
  ])('%s', (text, counts) => {
    expect(partyCounts(`Book it ${text}`)).toEqual(counts);
  });

  it('is empty when nobody is named, and ignores other counts', () => {
    expect(partyCounts('Book a hotel in Lisbon for two nights in 2 rooms. Pick the one with the lowest price.')).toEqual({});
    expect(partyCounts('Book a kid-friendly place for 8 pm.')).toEqual({});
  });
});

describe('generated tasks', () => {
  /** The date fields of each site, in the order its instructions name them. */
  const DATE_FIELDS: Record<string, string[]> = {
    skyhop: ['date'],
    staywell: ['checkIn', 'checkOut'],
    forkful: ['date'],
    wheelo: ['pickupDate', 'dropoffDate'],
    ticketnest: ['dateFrom', 'dateTo', 'date'],
    railgo: ['date'],
    coachly: ['date', 'returnDate'],
    ferryway: ['date', 'returnDate'],
    packfly: ['date'],
    screenly: ['date'],
    medibook: ['date', 'appointmentDate'],
    tourbase: ['date'],
    nestaway: ['date'],
    parkspot: ['entryDate', 'exitDate'],
    transferly: ['date', 'returnDate'],
    glowly: ['date'],
    courtside: ['date'],
    campfire: ['date'],
    // Seaberth's dates are a month and a window of departure dates, no exact date.
    seaberth: [],
    workhive: ['date'],
  };
  const PARTY_FIELDS: Record<string, 'adults' | 'children' | 'guests'> = { adults: 'adults', children: 'children', partySize: 'guests', tickets: 'guests' };

  it('their dates come first and in order, and their stated party counts are read', () => {
    const world = buildArenaWorld(1);
    const wrong: string[] = [];
    let checked = 0;
    for (const catalogue of SITES.map((x) => x.tasks)) {
      const site = SITES.find((s) => s.id === catalogue.siteId)!;
      for (const difficulty of ['easy', 'medium', 'hard'] as const) {
        for (let index = 0; index < 12; index++) {
          const task = generateTask({ site, catalogue, world, seed: 21, index, difficulty, split: 'train' });
          if (!task) continue;
          const values = (field: string): string[] => task.constraints.flatMap((c) => (c.kind === 'exact' && c.field === field ? [String(c.value)] : []));
          // The reader lists each date once: a stay that ends the day it begins names one date.
          const dates = [...new Set(DATE_FIELDS[site.id]!.flatMap(values))];
          if (normalizedDates(task.instruction).slice(0, dates.length).join() !== dates.join()) wrong.push(`${task.instruction} -> ${dates.join()}`);
          const party = partyCounts(task.instruction);
          for (const c of task.constraints) {
            const who = c.kind === 'count' ? PARTY_FIELDS[c.field] : undefined;
            if (c.kind !== 'count' || !who) continue;
            checked++;
            if (party[who] !== c.value) wrong.push(`${task.instruction} -> ${c.field}=${c.value}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  }, 600_000);
});
