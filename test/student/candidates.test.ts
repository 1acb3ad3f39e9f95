import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetRow, DatasetStep } from '../../src/core/schemas/dataset.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { argCandidates, chooseArg, elementKey, emptyArgHead, learnArg } from '../../src/student/arguments.js';
import { examplesFromRows } from '../../src/student/dataset.js';
import { buildCandidates, candidateMatches, DEFAULT_FEATURES, featureSize } from '../../src/student/features.js';
import { argFeatureSize } from '../../src/student/arg-choices.js';
import { initParams } from '../../src/student/model.js';
import { loadStudent, saveStudent } from '../../src/student/save-load.js';
import { syntheticRows } from './synthetic.js';
import { normalizedTimes } from '../../src/student/text.js';
import { optionLabels, readAx } from '../../src/student/ax.js';

const keysOf = (instruction: string, text: string): string[] | undefined => argCandidates(instruction, []).find((c) => c.text === text)?.keys;

const page = (more: string) => `[1] main\n  [2] button "Continue"\n  [3] textbox "Email" required\n${more}`;
const ctx = (axtree: string, history: string[] = []) => ({ instruction: 'Book it.', axtree, url: 'http://skyhop.localhost/details', history });

describe('page-level candidates', () => {
  it('offers scroll down / up only when nodes lie below / above the viewport, and always stop and go_back', () => {
    const kinds = (axtree: string) => buildCandidates(ctx(axtree)).filter((c) => c.bid === null).map((c) => c.kind);
    expect(kinds(page(''))).toEqual(['stop', 'go_back']);
    expect(kinds(page('(0 nodes above and 12 below the viewport; scroll to see them)'))).toEqual(['stop', 'scroll_down', 'go_back']);
    expect(kinds(page('(5 nodes above and 0 below the viewport; scroll to see them)'))).toEqual(['stop', 'scroll_up', 'go_back']);
  });

  it('maps teacher actions onto candidates: scroll by direction, go_back, stop, element actions by bid', () => {
    const cands = buildCandidates(ctx(page('(3 nodes above and 12 below the viewport; scroll to see them)')));
    const kindOf = (a: Parameters<typeof candidateMatches>[1]) => cands.filter((c) => candidateMatches(c, a)).map((c) => `${c.kind}:${c.bid}`);
    expect(kindOf({ type: 'scroll', dx: 0, dy: 576 })).toEqual(['scroll_down:null']);
    expect(kindOf({ type: 'scroll', dx: 0, dy: -300 })).toEqual(['scroll_up:null']);
    expect(kindOf({ type: 'go_back' })).toEqual(['go_back:null']);
    expect(kindOf({ type: 'stop', answer: 'done' })).toEqual(['stop:null']);
    expect(kindOf({ type: 'fill', bid: '3', text: 'a@b.co' })).toEqual(['fill:3']);
    expect(kindOf({ type: 'press', key: 'Enter' })).toEqual([]);
  });

  it('does not imitate a step the next one undoes with go_back', () => {
    const row = syntheticRows(1)[0]!;
    const detour: DatasetStep = { ...row.steps[0]!, action: 'click("2")', parsed: { type: 'click', bid: '2' } };
    const back: DatasetStep = { ...row.steps[0]!, action: 'go_back()', parsed: { type: 'go_back' } };
    const withDetour: DatasetRow = { ...row, steps: [detour, back, ...row.steps] };
    const plain = examplesFromRows([row], DEFAULT_FEATURES);
    const ex = examplesFromRows([withDetour], DEFAULT_FEATURES);
    expect(ex.skipped).toEqual({ detour: 1 });
    expect(ex.examples.length).toBe(plain.examples.length + 1);
  });
});

describe('argument head precision', () => {
  const ek = elementKey('fill', 'textbox', 'Email');
  it('types the email the instruction gives, else the teacher\'s usual one', () => {
    const head = emptyArgHead();
    // Mostly no email in the instruction (the teacher's own), sometimes one to use.
    for (let i = 0; i < 8; i++) learnArg(head, 'fill', ek, argCandidates(`Book a flight to Rome on June ${i + 3}.`, []), 'elena.dubois@example.com');
    for (const who of ['ana', 'li']) learnArg(head, 'fill', ek, argCandidates(`Book a flight to Oslo. Send the confirmation to ${who}@example.com.`, []), `${who}@example.com`);
    expect(chooseArg(head, 'fill', ek, 'Email', argCandidates('Book a flight to Paris. Send it to zoe@example.org please.', []))).toBe('zoe@example.org');
    expect(chooseArg(head, 'fill', ek, 'Email', argCandidates('Book a flight to Madrid on June 9.', []))).toBe('elena.dubois@example.com');
  });
});

describe('saved students', () => {
  it('a model of another format version is refused with a hint to retrain', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-student-v-'));
    try {
      saveStudent(dir, { features: DEFAULT_FEATURES, params: initParams(featureSize(DEFAULT_FEATURES), 2, argFeatureSize(DEFAULT_FEATURES), 1), argHead: emptyArgHead(), training: {} });
      expect(loadStudent(dir).params.hidden).toBe(2);
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { version: number };
      writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...json, version: 1 }));
      expect(() => loadStudent(dir)).toThrow(InvalidInputError);
      expect(() => loadStudent(dir)).toThrow(/version 1 student/);
      // A version 2 model (count-based arguments, no argument scorer) is refused with the reason.
      writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...json, version: 2 }));
      expect(() => loadStudent(dir)).toThrow(/version 2 student \(it chooses fill and select arguments by counts alone.*reads versions 3 and 4/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading what the page and the instruction say', () => {
  it('reads clock times in every phrasing the tasks use', () => {
    expect(normalizedTimes('a table at 12:30 pm, or for dinner at 7:30 pm; pick-up at 17:00, departing after 11 am, at noon, before midnight')).toEqual(['12:30', '19:30', '17:00', '11:00', '12:00', '00:00']);
    expect(keysOf('I will collect the car at 11:00.', '11:00')).toContain('time#0');
  });

  it('reads a select\'s options from the observation line, dropping the cut tail', () => {
    const els = readAx('[24] combobox "Pick-up time" value="10:00" collapsed\n  options: "08:00", "08:30", "16:00…\n[25] button "Find cars"');
    expect(els.map((e) => e.bid)).toEqual(['24', '25']);
    expect(optionLabels(els, 0)).toEqual(['08:00', '08:30']);
  });
});

describe('argument choice beyond the counts', () => {
  const learnAll = (ek: string, pairs: [string, string][]) => {
    const head = emptyArgHead();
    for (const [inst, text] of pairs) learnArg(head, 'fill', ek, argCandidates(inst, []), text);
    return head;
  };

  it('a field that always took a date takes only a date; a spinbutton only a number', () => {
    const ek = elementKey('fill', 'textbox', 'From');
    const head = learnAll(ek, [['Find concerts in Oslo.', '2026-06-03'], ['Find concerts in Rome.', '2026-06-09'], ['Concerts in Paris between June 4 and June 8.', '2026-06-04']]);
    expect(chooseArg(head, 'fill', ek, 'From', argCandidates('Tickets in Berlin between the 10th and the 22nd of July.', []))).toBe('2026-07-10');
    expect(chooseArg(emptyArgHead(), 'fill', elementKey('fill', 'spinbutton', 'Tickets'), 'Tickets', argCandidates('Two tickets for the Blue Notes in Oslo.', []))).toBe('2');
  });

  it('backs off to the role for an unseen field, and does not type one place into two fields', () => {
    const head = learnAll(elementKey('fill', 'combobox', 'From'), [['Fly from Oslo to Rome.', 'Oslo (OSL)'], ['A flight from Paris to Vienna.', 'Paris (CDG)']]);
    const ek = elementKey('fill', 'combobox', 'Departure station');
    const inst = 'Book a train leaving from Munich into Zurich on 7 July.';
    expect(chooseArg(head, 'fill', ek, 'Departure station', argCandidates(inst, []))).toBe('Munich');
    expect(chooseArg(head, 'fill', elementKey('fill', 'combobox', 'Arrival station'), 'Arrival station', argCandidates(inst, []), new Set(['munich']))).toBe('Zurich');
  });
});
