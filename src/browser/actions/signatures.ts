import type { ActionType } from '../../core/schemas/action.js';
import { pyActionSpec, pySignature } from './python-actions.js';
import { webArenaSpec } from './webarena.js';

/** How one action type is written and what it does, for LLM prompts and --help. */
export interface ActionSignature {
  /** BrowserGym call form(s), generated from the parser's own table so they cannot drift. */
  readonly signature: string;
  /** WebArena's bracket form, where WebArena has the action. */
  readonly webarena?: string;
  readonly description: string;
}

function py(...names: string[]): string {
  return names
    .map((n) => {
      const spec = pyActionSpec(n);
      if (!spec) throw new TypeError(`no parser entry for ${n}`);
      return pySignature(spec);
    })
    .join(' or ');
}

function wa(name: string): string {
  const spec = webArenaSpec(name);
  if (!spec) throw new TypeError(`no WebArena entry for ${name}`);
  return spec.usage;
}

/** One entry per action type; `satisfies` fails to compile when a type is missing or unknown. */
export const ACTION_SIGNATURES = {
  click: { signature: py('click'), webarena: wa('click'), description: 'Click the element with this bid.' },
  dblclick: { signature: py('dblclick'), description: 'Double-click the element.' },
  hover: { signature: py('hover'), webarena: wa('hover'), description: 'Move the mouse over the element.' },
  fill: {
    signature: py('fill'),
    webarena: wa('type'),
    description: 'Replace the text of an input or textarea; press_enter=True (WebArena [1]) then presses Enter.',
  },
  select_option: {
    signature: py('select_option'),
    description: 'Select one or several options (by value or label) of a <select>.',
  },
  check: { signature: py('check'), description: 'Make sure a checkbox or radio button is checked.' },
  uncheck: { signature: py('uncheck'), description: 'Make sure a checkbox is unchecked.' },
  press: {
    signature: py('press', 'keyboard_press'),
    webarena: wa('press'),
    description: 'Press a key or combination (Enter, Backspace, Control+a) on the element, or on the focused one.',
  },
  focus: { signature: py('focus'), description: 'Focus the element.' },
  clear: { signature: py('clear'), description: 'Empty an input field.' },
  scroll: {
    signature: py('scroll'),
    webarena: wa('scroll'),
    description: 'Scroll by pixels: positive is right/down, negative left/up.',
  },
  goto: { signature: py('goto'), webarena: wa('goto'), description: 'Open a URL in the current tab.' },
  go_back: { signature: py('go_back'), webarena: wa('go_back'), description: 'Go back in history.' },
  go_forward: { signature: py('go_forward'), webarena: wa('go_forward'), description: 'Go forward in history.' },
  new_tab: { signature: py('new_tab'), webarena: wa('new_tab'), description: 'Open a new tab and switch to it.' },
  tab_focus: { signature: py('tab_focus'), webarena: wa('tab_focus'), description: 'Switch to the tab at this index (from 0).' },
  tab_close: { signature: py('tab_close'), webarena: wa('close_tab'), description: 'Close the current tab.' },
  send_msg_to_user: { signature: py('send_msg_to_user'), description: 'Send a message to the user.' },
  report_infeasible: {
    signature: py('report_infeasible'),
    description: 'Say the task cannot be done, and why; ends the episode.',
  },
  noop: { signature: py('noop'), description: 'Do nothing, optionally waiting this many milliseconds (at most 60000).' },
  stop: {
    signature: py('stop'),
    webarena: wa('stop'),
    description: 'End the episode, with the answer when the task asks for one.',
  },
} as const satisfies Record<ActionType, ActionSignature>;

/** The action space as text, one action a line: `signature  (WebArena: form)  description`. */
export function describeActionSpace(): string {
  return Object.values(ACTION_SIGNATURES as Record<ActionType, ActionSignature>)
    .map((s) => `${s.signature}${s.webarena ? `  [WebArena: ${s.webarena}]` : ''}\n    ${s.description}`)
    .join('\n');
}
