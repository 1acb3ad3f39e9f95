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
  click: {
    signature: py('click'),
    webarena: wa('click'),
    description: 'Click the element with this bid; button "left", "middle" or "right", modifier keys held during the click.',
  },
  dblclick: { signature: py('dblclick'), description: 'Double-click the element.' },
  hover: { signature: py('hover'), webarena: wa('hover'), description: 'Move the mouse over the element.' },
  fill: {
    signature: py('fill'),
    webarena: wa('type'),
    description:
      'Replace the text of an input, textarea or contenteditable element; enable_autocomplete_menu=True types the last character as a key so a suggestion menu opens; press_enter=True (WebArena [1]) then presses Enter.',
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
    description: 'Press a key or combination (Enter, Backspace, ControlOrMeta+a) on the element, or on the focused one.',
  },
  focus: { signature: py('focus'), description: 'Focus the element (a focused field shows its whole value).' },
  clear: { signature: py('clear'), description: 'Empty an input field.' },
  drag_and_drop: { signature: py('drag_and_drop'), description: 'Press the mouse on one element, move to another and release.' },
  upload_file: {
    signature: py('upload_file'),
    description: "Click the element and choose these files (names in the env's upload folder) in the file chooser; [] clears it.",
  },
  scroll: {
    signature: py('scroll'),
    webarena: wa('scroll'),
    description: 'Scroll by pixels: positive is right/down, negative left/up.',
  },
  scroll_at: { signature: py('scroll_at'), description: 'Scroll by dx, dy pixels with the mouse at x, y (viewport pixels).' },
  mouse_move: { signature: py('mouse_move'), description: 'Move the mouse to x, y (viewport pixels).' },
  mouse_down: { signature: py('mouse_down'), description: 'Move the mouse to x, y and press a button.' },
  mouse_up: { signature: py('mouse_up'), description: 'Move the mouse to x, y and release a button.' },
  mouse_click: { signature: py('mouse_click'), description: 'Click at x, y (viewport pixels).' },
  mouse_dblclick: { signature: py('mouse_dblclick'), description: 'Double-click at x, y.' },
  mouse_drag_and_drop: { signature: py('mouse_drag_and_drop'), description: 'Press the mouse at one point, move to another and release.' },
  mouse_upload_file: { signature: py('mouse_upload_file'), description: 'Click at x, y and choose these files in the file chooser.' },
  keyboard_down: { signature: py('keyboard_down'), description: 'Press and hold a key.' },
  keyboard_up: { signature: py('keyboard_up'), description: 'Release a held key.' },
  keyboard_type: { signature: py('keyboard_type'), description: 'Type text key by key into the focused element.' },
  keyboard_insert_text: { signature: py('keyboard_insert_text'), description: 'Insert text into the focused element without key events.' },
  goto: { signature: py('goto'), webarena: wa('goto'), description: 'Open a URL in the current tab.' },
  go_back: { signature: py('go_back'), webarena: wa('go_back'), description: 'Go back in history.' },
  go_forward: { signature: py('go_forward'), webarena: wa('go_forward'), description: 'Go forward in history.' },
  new_tab: { signature: py('new_tab'), webarena: wa('new_tab'), description: 'Open a new tab and switch to it.' },
  tab_focus: { signature: py('tab_focus'), webarena: wa('tab_focus'), description: 'Switch to the tab at this index (from 0).' },
  tab_close: { signature: py('tab_close'), webarena: wa('close_tab'), description: 'Close the current tab.' },
  accept_dialog: { signature: py('accept_dialog'), description: 'Answer OK to the open alert, confirm or prompt (with this text for a prompt), or leave the page on "Leave site?".' },
  dismiss_dialog: { signature: py('dismiss_dialog'), description: 'Answer Cancel to the open dialog, or stay on the page on "Leave site?".' },
  send_msg_to_user: { signature: py('send_msg_to_user'), description: 'Send a message to the user.' },
  report_infeasible: {
    signature: py('report_infeasible'),
    description: 'Say the task cannot be done, and why; ends the episode.',
  },
  noop: { signature: py('noop'), description: 'Do nothing for wait_ms milliseconds (1000 by default, at most 60000).' },
  stop: {
    signature: py('stop'),
    webarena: wa('stop'),
    description: 'End the episode, with the answer when the task asks for one.',
  },
} as const satisfies Record<ActionType, ActionSignature>;

/**
 * BrowserGym's action subsets (browsergym/core/action/highlevel.py, ACTION_SUBSETS) over our
 * action types, plus ours: `check` (check/uncheck, which BrowserGym leaves out of "bid"), `dialog`
 * and `stop`. `press` stands for both press(bid, key) and keyboard_press(key). noop is always in.
 */
export const ACTION_SUBSETS = {
  chat: ['send_msg_to_user'],
  infeas: ['report_infeasible'],
  bid: ['scroll', 'fill', 'select_option', 'click', 'dblclick', 'hover', 'press', 'focus', 'clear', 'drag_and_drop', 'upload_file'],
  coord: ['scroll_at', 'mouse_move', 'mouse_up', 'mouse_down', 'mouse_click', 'mouse_dblclick', 'mouse_drag_and_drop', 'mouse_upload_file', 'keyboard_down', 'keyboard_up', 'press', 'keyboard_type', 'keyboard_insert_text'],
  nav: ['go_back', 'go_forward', 'goto'],
  tab: ['tab_close', 'tab_focus', 'new_tab'],
  check: ['check', 'uncheck'],
  dialog: ['accept_dialog', 'dismiss_dialog'],
  stop: ['stop'],
} as const satisfies Record<string, readonly ActionType[]>;
export type ActionSubset = keyof typeof ACTION_SUBSETS;

/** Every subset: the whole action space (the default of describeActionSpace and actionTools). */
export const ALL_SUBSETS = Object.keys(ACTION_SUBSETS) as ActionSubset[];

/** The action types of these subsets, in the action space's order, noop included. */
export function actionTypesOf(subsets: readonly ActionSubset[] = ALL_SUBSETS): ActionType[] {
  const chosen = new Set<ActionType>(['noop', ...subsets.flatMap((s) => ACTION_SUBSETS[s])]);
  return (Object.keys(ACTION_SIGNATURES) as ActionType[]).filter((t) => chosen.has(t));
}

/** The action space (or these subsets of it) as text, one action a line: `signature  (WebArena: form)  description`. */
export function describeActionSpace(subsets: readonly ActionSubset[] = ALL_SUBSETS): string {
  return actionTypesOf(subsets)
    .map((t) => (ACTION_SIGNATURES as Record<ActionType, ActionSignature>)[t])
    .map((s) => `${s.signature}${s.webarena ? `  [WebArena: ${s.webarena}]` : ''}\n    ${s.description}`)
    .join('\n');
}
