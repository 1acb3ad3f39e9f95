import type { DatasetRow, DatasetStep } from '../../src/core/schemas/dataset.js';
import { formatAction } from '../../src/browser/actions/format-action.js';
import type { Action } from '../../src/core/schemas/action.js';

const CITIES = ['Lisbon', 'Prague', 'Milan', 'Barcelona', 'New York', 'Paris', 'Oslo', 'Vienna'];
const AIRLINES = ['Aerolux', 'Nordwind', 'SkyJet'];
const CABINS = ['Economy', 'Business', 'First'];

/** A tiny flight flow in our AX text syntax, with the teacher's actions: synthetic rows for tests. */
export function syntheticRows(n: number, filler = 0): DatasetRow[] {
  // Extra elements on every page (links, checkboxes, textboxes) to reach a real page's size.
  const pad = Array.from({ length: filler }, (_, i) => `[f${i}] ${['link', 'button', 'checkbox', 'textbox', 'link'][i % 5]} "Filler item ${i} ${CITIES[i % CITIES.length]}"`).join('\n');
  const withPad = (obs: string): string => (pad ? `${obs}\n${pad}` : obs);
  return Array.from({ length: n }, (_, k) => {
    const from = CITIES[k % CITIES.length]!;
    const to = CITIES[(k * 3 + 1) % CITIES.length] === from ? CITIES[(k + 2) % CITIES.length]! : CITIES[(k * 3 + 1) % CITIES.length]!;
    const day = 3 + (k % 25);
    const airline = AIRLINES[k % AIRLINES.length]!;
    const cabin = CABINS[(k >> 1) % CABINS.length]!;
    const nonstop = k % 2 === 0;
    const instruction = `Book a flight from ${from} to ${to} on June ${day}, flying ${cabin} with ${airline}${nonstop ? ', non-stop only' : ''}.`;
    const date = `2026-06-${String(day).padStart(2, '0')}`;
    const steps: DatasetStep[] = [];
    const v = { from: '', to: '', date: '' };
    const home = (): string =>
      [
        '[1] heading "SkyHop"',
        '[2] button "Accept cookies"',
        '[3] form "Search"',
        `  [4] textbox "From"${v.from ? ` value=${JSON.stringify(v.from)}` : ''} required`,
        `  [5] textbox "To"${v.to ? ` value=${JSON.stringify(v.to)}` : ''} required`,
        `  [6] textbox "Departure date"${v.date ? ` value=${JSON.stringify(v.date)}` : ''}`,
        '  [7] button "Search flights"',
      ].join('\n');
    const push = (url: string, observation: string, action: Action): void => {
      steps.push({ url, observation: withPad(observation), thought: '', action: formatAction(action), parsed: action, error: null, synthetic: false });
    };
    const base = 'http://skyhop.localhost:8080';
    push(`${base}/`, home(), { type: 'fill', bid: '4', text: from });
    v.from = from;
    push(`${base}/`, home(), { type: 'fill', bid: '5', text: to });
    v.to = to;
    push(`${base}/`, home(), { type: 'fill', bid: '6', text: date });
    v.date = date;
    push(`${base}/`, home(), { type: 'click', bid: '7' });
    let checked = false;
    const results = (): string =>
      [
        '[10] heading "Flights"',
        `[11] checkbox "Non-stop" ${checked ? 'checked' : 'unchecked'}`,
        ...AIRLINES.flatMap((a, i) => [`[${20 + i * 2}] group "${a} 08:${10 + i} €${100 + i * 20}"`, `  [${21 + i * 2}] button "Select"`]),
      ].join('\n');
    if (nonstop) {
      push(`${base}/search`, results(), { type: 'check', bid: '11' });
      checked = true;
    }
    push(`${base}/search`, results(), { type: 'click', bid: String(21 + AIRLINES.indexOf(airline) * 2) });
    const details = ['[30] heading "Your trip"', '[31] combobox "Cabin" value="Economy"', ...CABINS.map((c, i) => `  [${32 + i}] option "${c}"`), '[36] button "Continue"'].join('\n');
    push(`${base}/details`, details, { type: 'select_option', bid: '31', options: [cabin] });
    push(`${base}/details`, details, { type: 'click', bid: '36' });
    push(`${base}/confirmation/ABC${k}`, '[40] heading "Booking confirmed"\n[41] link "Home"', { type: 'stop' });
    return {
      schemaVersion: 2,
      id: `row-${k}`,
      kind: 'success',
      task: { instruction } as DatasetRow['task'],
      provenance: { runId: 'r', episodeId: `e${k}`, originalTaskId: `t${k}`, originalInstruction: instruction, agent: 'scripted', keptConstraintIds: [], droppedConstraintIds: [], truncationIndex: -1, originalCsr: 1, originalSteps: steps.length },
      steps,
    };
  });
}
