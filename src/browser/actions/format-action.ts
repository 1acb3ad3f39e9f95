import type { Action } from '../../core/schemas/action.js';

/**
 * The canonical BrowserGym string of an action: double-quoted, JSON-escaped strings (a subset of
 * Python's escapes, so `parseAction` reads every one back), bids always quoted. Where BrowserGym
 * has no spelling, our extensions are used: `press` without a bid is BrowserGym's
 * `keyboard_press(key)`, `fill`'s Enter flag is `press_enter=True|False`, `stop(answer)`,
 * `accept_dialog(text)` and `dismiss_dialog()`. Optional arguments that were given are written as
 * keywords, so `parseAction(formatAction(a))` deep-equals `a`.
 */
export function formatAction(action: Action): string {
  switch (action.type) {
    case 'click':
    case 'dblclick':
      return call(action.type, q(action.bid), ...kw('button', action.button, q), ...kw('modifiers', action.modifiers, list));
    case 'hover':
    case 'check':
    case 'uncheck':
    case 'focus':
    case 'clear':
      return call(action.type, q(action.bid));
    case 'fill':
      return call('fill', q(action.bid), q(action.text), ...kw('enable_autocomplete_menu', action.enableAutocompleteMenu, bool), ...kw('press_enter', action.pressEnter, bool));
    case 'select_option': {
      const [only, ...more] = action.options;
      const options = only !== undefined && more.length === 0 ? q(only) : `[${action.options.map(q).join(', ')}]`;
      return call('select_option', q(action.bid), options);
    }
    case 'press':
      return action.bid === undefined ? call('keyboard_press', q(action.key)) : call('press', q(action.bid), q(action.key));
    case 'drag_and_drop':
      return call('drag_and_drop', q(action.fromBid), q(action.toBid));
    case 'upload_file':
      return call('upload_file', q(action.bid), list(action.files));
    case 'scroll':
      return call('scroll', num(action.dx), num(action.dy));
    case 'scroll_at':
      return call('scroll_at', num(action.x), num(action.y), num(action.dx), num(action.dy));
    case 'mouse_move':
      return call('mouse_move', num(action.x), num(action.y));
    case 'mouse_down':
    case 'mouse_up':
    case 'mouse_click':
    case 'mouse_dblclick':
      return call(action.type, num(action.x), num(action.y), ...kw('button', action.button, q));
    case 'mouse_drag_and_drop':
      return call('mouse_drag_and_drop', num(action.fromX), num(action.fromY), num(action.toX), num(action.toY));
    case 'mouse_upload_file':
      return call('mouse_upload_file', num(action.x), num(action.y), list(action.files));
    case 'keyboard_down':
    case 'keyboard_up':
      return call(action.type, q(action.key));
    case 'keyboard_type':
    case 'keyboard_insert_text':
      return call(action.type, q(action.text));
    case 'goto':
      return call('goto', q(action.url));
    case 'go_back':
    case 'go_forward':
    case 'new_tab':
    case 'tab_close':
      return call(action.type);
    case 'tab_focus':
      return call('tab_focus', num(action.index));
    case 'accept_dialog':
      return action.text === undefined ? call('accept_dialog') : call('accept_dialog', q(action.text));
    case 'dismiss_dialog':
      return call('dismiss_dialog');
    case 'send_msg_to_user':
      return call('send_msg_to_user', q(action.text));
    case 'report_infeasible':
      return call('report_infeasible', q(action.reason));
    case 'noop':
      return action.ms === undefined ? call('noop') : call('noop', num(action.ms));
    case 'stop':
      return action.answer === undefined ? call('stop') : call('stop', q(action.answer));
    default:
      return unreachable(action);
  }
}

const call = (name: string, ...args: string[]): string => `${name}(${args.join(', ')})`;

/** JSON quoting: `"`, `\`, control characters and lone surrogates come out as escapes. */
const q = (s: string): string => JSON.stringify(s);

/** `name=value` when the optional argument was given, else nothing. */
function kw<T>(name: string, value: T | undefined, show: (v: T) => string): string[] {
  return value === undefined ? [] : [`${name}=${show(value)}`];
}

const bool = (b: boolean): string => (b ? 'True' : 'False');
const list = (items: readonly string[]): string => `[${items.map(q).join(', ')}]`;

/** `String(n)` is a valid Python literal for every finite number (`1e+21`, `5e-7`); -0 keeps its sign. */
const num = (n: number): string => (Object.is(n, -0) ? '-0' : String(n));

function unreachable(action: never): never {
  throw new TypeError(`formatAction: unknown action ${JSON.stringify(action)}`);
}
