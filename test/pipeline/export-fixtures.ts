/** Dataset rows built by hand for the export tests: one unparseable step, one synthetic stop, long observations. */
import { expect } from 'vitest';
import { parseAction } from '../../src/browser/actions/parse-action.js';
import type { DatasetRow, DatasetStep } from '../../src/core/schemas/dataset.js';
import type { Constraint, Task } from '../../src/core/schemas/task.js';
import { EXPORTERS } from '../../src/pipeline/exports/index.js';
import type { ExportFormat, ExportGranularity, ExportOptions, ExportResult } from '../../src/pipeline/exports/types.js';

export function task(id: string, site: string, difficulty: 'easy' | 'medium' | 'hard', instruction: string, constraints: Constraint[]): Task {
  return {
    schemaVersion: 2,
    id,
    site,
    instruction,
    constraints,
    target: { params: {}, listingId: 'l-1', choices: {}, attrs: {}, travellers: [], contact: {}, extras: {} },
    metadata: { seed: 1, worldSeed: 1, worldVersion: 1, difficulty, split: 'train', templateIds: [] },
  };
}

/** A step whose `parsed` is what the real parser makes of the text (null when it does not parse). */
export function step(action: string, thought: string, observation: string, url = 'http://skyhop.localhost:8080/', synthetic = false): DatasetStep {
  const r = parseAction(action);
  return { url, observation, thought, action, parsed: r.ok ? r.action : null, error: r.ok ? null : r.error, synthetic };
}

export function row(id: string, kind: 'success' | 'salvaged', t: Task, steps: DatasetStep[]): DatasetRow {
  const provenance = {
    runId: `run-${id}`,
    episodeId: `ep-${id}`,
    originalTaskId: `task-${id}`,
    originalInstruction: 'Book the original thing',
    agent: 'scripted',
    keptConstraintIds: ['destination'],
    droppedConstraintIds: kind === 'salvaged' ? ['booked'] : [],
    truncationIndex: kind === 'salvaged' ? steps.length - 2 : -1,
    originalCsr: kind === 'salvaged' ? 0.5 : 1,
    originalSteps: steps.length + 3,
  };
  return { schemaVersion: 2, id, kind, task: t, provenance, steps };
}

export const dest: Constraint = { id: 'destination', kind: 'exact', stage: 'search', phrase: 'to Lisbon', field: 'destination', value: 'LIS' };
export const booked: Constraint = { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'book it' };
export const price: Constraint = { id: 'price-max', kind: 'range', stage: 'selection', phrase: 'under €200', field: 'price', max: 200 };
/** Values of three JSON types across rows, and a non-integer bound: what `datasets` must load with one type per column. */
export const refundable: Constraint = { id: 'refundable', kind: 'exact', stage: 'selection', phrase: 'refundable', field: 'refundable', value: true };
export const rating: Constraint = { id: 'rating-min', kind: 'range', stage: 'search', phrase: 'rated 8.5 or more', field: 'rating', min: 8.5 };
export const party: Constraint = { id: 'party', kind: 'count', stage: 'search', phrase: 'for 4', field: 'partySize', value: 4 };

export const LONG_OBS = Array.from({ length: 120 }, (_, i) => `  [${i + 10}] link "Option ${i} with a fairly long accessible name"`).join('\n');

export const rowSuccess = row('row-success', 'success', task('t1', 'skyhop', 'easy', 'Book a flight to Lisbon.', [dest, booked]), [
  // WebArena's bracket form: exported as the canonical BrowserGym call.
  step('type [5] [Lisbon] [1]', 'I type the destination.', '[5] combobox "To"\n[12] button "Search"'),
  step('click("12")', 'Search for flights.', '[12] button "Search"'),
  step('stop()', 'The booking is done.', 'heading "Booking confirmed"', 'http://skyhop.localhost:8080/confirmation/SKY-1'),
]);

export const rowSalvaged = row('row-salvaged', 'salvaged', task('t2', 'staywell', 'medium', 'Find a hotel in Lisbon under €200 a night.', [dest, price]), [
  step("click('3')", 'Open the search form.', '[3] button "Search"', 'http://staywell.localhost:8080/'),
  step("clik('4')", 'Pick the cheapest.', '[4] link "Hotel Azul"', 'http://staywell.localhost:8080/search'),
  step("click('4')", 'Pick the cheapest, again.', '[4] link "Hotel Azul"', 'http://staywell.localhost:8080/search'),
  step('stop("Hotel Azul at €150")', 'The hotel meets the relabeled task.', 'heading "Hotel Azul"', 'http://staywell.localhost:8080/listing/h-1', true),
]);

export const rowLong = row('row-long', 'success', task('t3', 'forkful', 'hard', 'Reserve a table for 4 at a Thai place.', [dest, price, booked, refundable, rating, party]), [
  step("select_option('7', ['19:00', '19:30'])", 'Choose a time.', LONG_OBS, 'http://forkful.localhost:8080/'),
  step('scroll(0, 300)', 'Look further down.', LONG_OBS, 'http://forkful.localhost:8080/search'),
  step("keyboard_press('Enter')", 'Submit.', LONG_OBS, 'http://forkful.localhost:8080/search'),
  step('go_back()', 'Back to the list.', LONG_OBS, 'http://forkful.localhost:8080/listing/r-2'),
  step("fill('9', 'Ana \"Nana\" Silva')", 'Type the name.', LONG_OBS, 'http://forkful.localhost:8080/details'),
  step('stop()', 'Booked.', 'heading "Reserved"', 'http://forkful.localhost:8080/confirmation/FRK-1'),
]);

export const ROWS = [rowSuccess, rowSalvaged, rowLong];
export const ALL_STEPS = ROWS.reduce((n, r) => n + r.steps.length, 0);
export const PARSED_STEPS = ROWS.reduce((n, r) => n + r.steps.filter((s) => s.parsed !== null).length, 0);
export const parsedActions = ROWS.flatMap((r) => r.steps.flatMap((s) => (s.parsed === null ? [] : [s.parsed])));

export function run(format: ExportFormat, opts: ExportOptions, rows: readonly DatasetRow[] = ROWS): ExportResult {
  return EXPORTERS[format].export(rows, opts);
}

export function lines(result: ExportResult, name?: string): unknown[] {
  const file = name === undefined ? result.files[0]! : result.files.find((f) => f.name === name)!;
  const text = typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
}

export const PERS: ExportGranularity[] = ['step', 'trajectory'];
