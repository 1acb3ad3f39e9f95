import type { Action } from '../../core/schemas/action.js';

/**
 * The canonical BrowserGym string of an action: double-quoted, JSON-escaped strings (a subset of
 * Python's escapes, so `parseAction` reads every one back), bids always quoted. Where BrowserGym
 * has no spelling, our extensions are used: `press` without a bid is BrowserGym's
 * `keyboard_press(key)`, `fill`'s Enter flag is `press_enter=True|False`, and `stop(answer)`.
 * `parseAction(formatAction(a))` deep-equals `a`.
 */
export function formatAction(action: Action): string {
  switch (action.type) {
    case 'click':
    case 'dblclick':
    case 'hover':
    case 'check':
    case 'uncheck':
    case 'focus':
    case 'clear':
      return call(action.type, q(action.bid));
    case 'fill':
      return action.pressEnter === undefined
        ? call('fill', q(action.bid), q(action.text))
        : call('fill', q(action.bid), q(action.text), `press_enter=${action.pressEnter ? 'True' : 'False'}`);
    case 'select_option': {
      const [only, ...more] = action.options;
      const options = only !== undefined && more.length === 0 ? q(only) : `[${action.options.map(q).join(', ')}]`;
      return call('select_option', q(action.bid), options);
    }
    case 'press':
      return action.bid === undefined ? call('keyboard_press', q(action.key)) : call('press', q(action.bid), q(action.key));
    case 'scroll':
      return call('scroll', num(action.dx), num(action.dy));
    case 'goto':
      return call('goto', q(action.url));
    case 'go_back':
    case 'go_forward':
    case 'new_tab':
    case 'tab_close':
      return call(action.type);
    case 'tab_focus':
      return call('tab_focus', num(action.index));
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

/** `String(n)` is a valid Python literal for every finite number (`1e+21`, `5e-7`); -0 keeps its sign. */
const num = (n: number): string => (Object.is(n, -0) ? '-0' : String(n));

function unreachable(action: never): never {
  throw new TypeError(`formatAction: unknown action ${JSON.stringify(action)}`);
}
