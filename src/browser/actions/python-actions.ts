import { KeyModifier, MouseButton, NOOP_DEFAULT_MS, NOOP_MAX_MS, type Action } from '../../core/schemas/action.js';
import type { PyCall, PyValue } from './python-call.js';
import { done, fail, type Step } from './result.js';
import { plural, snippet } from './text.js';

/**
 * BrowserGym's action functions (browsergym/core/action/functions.py, every function of
 * HighLevelActionSet's subsets) as this parser accepts them: names, parameter names, order and
 * defaults are BrowserGym's, so keyword calls such as `fill(bid='5', value='x')` and
 * `click('3', button='right', modifiers=['Shift'])` work. Additions map our action space:
 * `fill`'s `press_enter` (WebArena's `type ... [1]`, after BrowserGym's
 * `enable_autocomplete_menu`), `stop(answer)`, and `accept_dialog` / `dismiss_dialog`.
 */
type ParamKind = 'bid' | 'text' | 'key' | 'url' | 'number' | 'index' | 'wait_ms' | 'options' | 'bool' | 'button' | 'modifiers' | 'files';

interface Param {
  readonly name: string;
  readonly kind: ParamKind;
  /** How the signature shows an optional parameter's default; absent means required. */
  readonly default?: string;
}

type ArgValue = string | number | boolean | string[];

const TYPE_NAMES: Readonly<Record<ParamKind, string>> = {
  bid: 'str',
  text: 'str',
  key: 'str',
  url: 'str',
  number: 'float',
  index: 'int',
  wait_ms: 'int',
  options: 'str | list[str]',
  bool: 'bool',
  button: 'Literal["left", "middle", "right"]',
  modifiers: 'list[Literal["Alt", "Control", "ControlOrMeta", "Meta", "Shift"]]',
  files: 'str | list[str]',
};

const BUTTONS = MouseButton.options;
const MODIFIERS = KeyModifier.options;


/** The bound arguments of one call. Getters only see names the spec declares, checked by kind. */
export class Args {
  constructor(private readonly values: ReadonlyMap<string, ArgValue>) {}
  str(name: string): string {
    const v = this.values.get(name);
    if (typeof v !== 'string') throw new TypeError(`parser bug: ${name} is not a string`);
    return v;
  }
  optStr(name: string): string | undefined {
    return this.values.has(name) ? this.str(name) : undefined;
  }
  num(name: string): number {
    const v = this.values.get(name);
    if (typeof v !== 'number') throw new TypeError(`parser bug: ${name} is not a number`);
    return v;
  }
  optNum(name: string): number | undefined {
    return this.values.has(name) ? this.num(name) : undefined;
  }
  optBool(name: string): boolean | undefined {
    const v = this.values.get(name);
    if (v !== undefined && typeof v !== 'boolean') throw new TypeError(`parser bug: ${name} is not a boolean`);
    return v;
  }
  list(name: string): string[] {
    const v = this.values.get(name);
    if (!Array.isArray(v)) throw new TypeError(`parser bug: ${name} is not a list`);
    return v;
  }
  optList(name: string): string[] | undefined {
    return this.values.has(name) ? this.list(name) : undefined;
  }
}

export interface PyActionSpec {
  readonly name: string;
  readonly params: readonly Param[];
  readonly build: (args: Args) => Action;
  /** Added to a wrong-argument-count message, for the usual mix-up. */
  readonly hint?: string;
}

const bid: Param = { name: 'bid', kind: 'bid' };
const num = (name: string): Param => ({ name, kind: 'number' });
const button: Param = { name: 'button', kind: 'button', default: '"left"' };
const onBid = (type: 'hover' | 'check' | 'uncheck' | 'focus' | 'clear'): PyActionSpec => ({
  name: type,
  params: [bid],
  build: (a) => ({ type, bid: a.str('bid') }),
});
const bare = (type: 'go_back' | 'go_forward' | 'new_tab' | 'tab_close' | 'dismiss_dialog'): PyActionSpec => ({
  name: type,
  params: [],
  build: () => ({ type }),
});
/** click / dblclick(bid, button="left", modifiers=[]): defaults are left out of the Action. */
const clickLike = (type: 'click' | 'dblclick'): PyActionSpec => ({
  name: type,
  params: [bid, button, { name: 'modifiers', kind: 'modifiers', default: '[]' }],
  build: (a) => {
    const b = a.optStr('button') as MouseButton | undefined;
    const m = a.optList('modifiers') as KeyModifier[] | undefined;
    return { type, bid: a.str('bid'), ...(b === undefined ? {} : { button: b }), ...(m === undefined ? {} : { modifiers: m }) };
  },
});
/** mouse_up / mouse_down / mouse_click / mouse_dblclick(x, y, button="left"). */
const atPoint = (type: 'mouse_up' | 'mouse_down' | 'mouse_click' | 'mouse_dblclick'): PyActionSpec => ({
  name: type,
  params: [num('x'), num('y'), button],
  build: (a) => {
    const b = a.optStr('button') as MouseButton | undefined;
    return { type, x: a.num('x'), y: a.num('y'), ...(b === undefined ? {} : { button: b }) };
  },
});
const withKey = (type: 'keyboard_down' | 'keyboard_up'): PyActionSpec => ({
  name: type,
  params: [{ name: 'key', kind: 'key' }],
  build: (a) => ({ type, key: a.str('key') }),
});
const withText = (type: 'keyboard_type' | 'keyboard_insert_text'): PyActionSpec => ({
  name: type,
  params: [{ name: 'text', kind: 'text' }],
  build: (a) => ({ type, text: a.str('text') }),
});

export const PY_ACTIONS: readonly PyActionSpec[] = [
  clickLike('click'),
  clickLike('dblclick'),
  onBid('hover'),
  {
    name: 'fill',
    params: [bid, { name: 'value', kind: 'text' }, { name: 'enable_autocomplete_menu', kind: 'bool', default: 'False' }, { name: 'press_enter', kind: 'bool', default: 'False' }],
    build: (a) => {
      const menu = a.optBool('enable_autocomplete_menu');
      const pressEnter = a.optBool('press_enter');
      return {
        type: 'fill',
        bid: a.str('bid'),
        text: a.str('value'),
        ...(menu === undefined ? {} : { enableAutocompleteMenu: menu }),
        ...(pressEnter === undefined ? {} : { pressEnter }),
      };
    },
  },
  {
    name: 'select_option',
    params: [bid, { name: 'options', kind: 'options' }],
    build: (a) => ({ type: 'select_option', bid: a.str('bid'), options: a.list('options') }),
  },
  onBid('check'),
  onBid('uncheck'),
  {
    name: 'press',
    params: [bid, { name: 'key_comb', kind: 'key' }],
    build: (a) => ({ type: 'press', bid: a.str('bid'), key: a.str('key_comb') }),
    hint: 'to press a key on the focused element, use keyboard_press(key: str)',
  },
  onBid('focus'),
  onBid('clear'),
  {
    name: 'drag_and_drop',
    params: [
      { name: 'from_bid', kind: 'bid' },
      { name: 'to_bid', kind: 'bid' },
    ],
    build: (a) => ({ type: 'drag_and_drop', fromBid: a.str('from_bid'), toBid: a.str('to_bid') }),
  },
  {
    name: 'upload_file',
    params: [bid, { name: 'file', kind: 'files' }],
    build: (a) => ({ type: 'upload_file', bid: a.str('bid'), files: a.list('file') }),
  },
  {
    name: 'scroll',
    params: [num('delta_x'), num('delta_y')],
    build: (a) => ({ type: 'scroll', dx: a.num('delta_x'), dy: a.num('delta_y') }),
  },
  {
    name: 'scroll_at',
    params: [num('x'), num('y'), num('dx'), num('dy')],
    build: (a) => ({ type: 'scroll_at', x: a.num('x'), y: a.num('y'), dx: a.num('dx'), dy: a.num('dy') }),
  },
  { name: 'mouse_move', params: [num('x'), num('y')], build: (a) => ({ type: 'mouse_move', x: a.num('x'), y: a.num('y') }) },
  atPoint('mouse_up'),
  atPoint('mouse_down'),
  atPoint('mouse_click'),
  atPoint('mouse_dblclick'),
  {
    name: 'mouse_drag_and_drop',
    params: [num('from_x'), num('from_y'), num('to_x'), num('to_y')],
    build: (a) => ({ type: 'mouse_drag_and_drop', fromX: a.num('from_x'), fromY: a.num('from_y'), toX: a.num('to_x'), toY: a.num('to_y') }),
  },
  {
    name: 'mouse_upload_file',
    params: [num('x'), num('y'), { name: 'file', kind: 'files' }],
    build: (a) => ({ type: 'mouse_upload_file', x: a.num('x'), y: a.num('y'), files: a.list('file') }),
  },
  withKey('keyboard_down'),
  withKey('keyboard_up'),
  {
    // BrowserGym's name for a key press on whatever has focus (WebArena's `press [key]`).
    name: 'keyboard_press',
    params: [{ name: 'key', kind: 'key' }],
    build: (a) => ({ type: 'press', key: a.str('key') }),
  },
  withText('keyboard_type'),
  withText('keyboard_insert_text'),
  { name: 'goto', params: [{ name: 'url', kind: 'url' }], build: (a) => ({ type: 'goto', url: a.str('url') }) },
  bare('go_back'),
  bare('go_forward'),
  bare('new_tab'),
  {
    name: 'tab_focus',
    params: [{ name: 'index', kind: 'index' }],
    build: (a) => ({ type: 'tab_focus', index: a.num('index') }),
  },
  bare('tab_close'),
  {
    name: 'accept_dialog',
    params: [{ name: 'text', kind: 'text', default: 'None' }],
    build: (a) => {
      const text = a.optStr('text');
      return text === undefined ? { type: 'accept_dialog' } : { type: 'accept_dialog', text };
    },
  },
  bare('dismiss_dialog'),
  {
    name: 'send_msg_to_user',
    params: [{ name: 'text', kind: 'text' }],
    build: (a) => ({ type: 'send_msg_to_user', text: a.str('text') }),
  },
  {
    name: 'report_infeasible',
    params: [{ name: 'reason', kind: 'text' }],
    build: (a) => ({ type: 'report_infeasible', reason: a.str('reason') }),
  },
  {
    name: 'noop',
    params: [{ name: 'wait_ms', kind: 'wait_ms', default: String(NOOP_DEFAULT_MS) }],
    build: (a) => {
      const ms = a.optNum('wait_ms');
      return ms === undefined ? { type: 'noop' } : { type: 'noop', ms };
    },
  },
  {
    name: 'stop',
    params: [{ name: 'answer', kind: 'text', default: 'None' }],
    build: (a) => {
      const answer = a.optStr('answer');
      return answer === undefined ? { type: 'stop' } : { type: 'stop', answer };
    },
  },
];

const BY_NAME = new Map(PY_ACTIONS.map((s) => [s.name, s]));

export const pyActionSpec = (name: string): PyActionSpec | undefined => BY_NAME.get(name);

/** `fill(bid: str, value: str, press_enter: bool = False)`. */
export function pySignature(spec: PyActionSpec): string {
  const params = spec.params.map((p) => {
    const type = p.default === 'None' ? `${TYPE_NAMES[p.kind]} | None` : TYPE_NAMES[p.kind];
    return p.default === undefined ? `${p.name}: ${type}` : `${p.name}: ${type} = ${p.default}`;
  });
  return `${spec.name}(${params.join(', ')})`;
}

/** Binds a call's arguments to the spec the way Python would, then checks each one's type. */
export function buildPyAction(spec: PyActionSpec, call: PyCall): Step<Action> {
  const expected = `expected ${pySignature(spec)}`;
  const given = call.positional.length + call.keywords.length;
  const arity = () =>
    fail(
      `${spec.name} expects (${pySignature(spec).slice(spec.name.length + 1, -1)}), got ${plural(given, 'argument')}` +
        (spec.hint ? `; ${spec.hint}` : ''),
    );
  if (call.positional.length > spec.params.length) return arity();
  const raw = new Map<string, PyValue>();
  call.positional.forEach((v, i) => raw.set(spec.params[i]!.name, v));
  for (const k of call.keywords) {
    if (!spec.params.some((p) => p.name === k.name)) {
      return fail(`${spec.name} got an unexpected keyword argument ${k.name}; ${expected}`);
    }
    if (raw.has(k.name)) return fail(`${spec.name} got multiple values for argument ${k.name}; ${expected}`);
    raw.set(k.name, k.value);
  }
  const values = new Map<string, ArgValue>();
  for (const p of spec.params) {
    const v = raw.get(p.name);
    if (v === undefined) {
      if (p.default === undefined) return arity();
      continue;
    }
    const checked = checkArg(p, v);
    if (!checked.ok) return fail(`${spec.name}: ${p.name} ${checked.error}; ${expected}`);
    values.set(p.name, checked.value);
  }
  return done(spec.build(new Args(values)));
}

function checkArg(p: Param, v: PyValue): Step<ArgValue> {
  switch (p.kind) {
    case 'bid':
      if (v.kind === 'string') return v.value === '' ? fail('must not be empty') : done(v.value);
      // Bids are strings in BrowserGym, but models often write click(12); the digits are the bid.
      if (v.kind === 'number' && v.integer && /^\d+$/.test(v.text)) return done(v.text);
      return fail(`must be a string such as '12', got ${shown(v)}`);
    case 'text':
      return v.kind === 'string' ? done(v.value) : fail(`must be a string, got ${shown(v)}`);
    case 'key':
    case 'url':
      if (v.kind !== 'string') return fail(`must be a string, got ${shown(v)}`);
      return v.value === '' ? fail('must not be empty') : done(v.value);
    case 'number':
      if (v.kind !== 'number') return fail(`must be a number, got ${shown(v)}`);
      return Number.isFinite(v.value) ? done(v.value) : fail(`must be a finite number, got ${v.text}`);
    case 'index':
      if (v.kind !== 'number' || !v.integer) return fail(`must be a whole number, got ${shown(v)}`);
      return v.value >= 0 && Number.isSafeInteger(v.value) ? done(v.value) : fail(`must be 0 or more, got ${v.text}`);
    case 'wait_ms':
      // BrowserGym types wait_ms as float; a whole value such as 500.0 is accepted.
      if (v.kind !== 'number' || !Number.isInteger(v.value)) return fail(`must be a whole number of milliseconds, got ${shown(v)}`);
      return v.value >= 0 && v.value <= NOOP_MAX_MS ? done(v.value) : fail(`must be between 0 and ${NOOP_MAX_MS}, got ${v.text}`);
    case 'options':
      if (v.kind === 'string') return done([v.value]);
      if (v.kind !== 'list') return fail(`must be a string or a list of strings, got ${shown(v)}`);
      if (v.items.length === 0) return fail('must name at least one option');
      {
        const options: string[] = [];
        for (const item of v.items) {
          if (item.kind !== 'string') return fail(`must be a list of strings, got ${shown(item)} in the list`);
          options.push(item.value);
        }
        return done(options);
      }
    case 'bool':
      return v.kind === 'bool' ? done(v.value) : fail(`must be True or False, got ${shown(v)}`);
    case 'button':
      if (v.kind === 'string' && (BUTTONS as readonly string[]).includes(v.value)) return done(v.value);
      return fail(`must be one of ${BUTTONS.map((b) => `"${b}"`).join(', ')}, got ${shown(v)}`);
    case 'modifiers': {
      if (v.kind !== 'list') return fail(`must be a list such as ["Shift"], got ${shown(v)}`);
      const out: string[] = [];
      for (const item of v.items) {
        if (item.kind !== 'string' || !(MODIFIERS as readonly string[]).includes(item.value)) {
          return fail(`must list modifiers among ${MODIFIERS.map((m) => `"${m}"`).join(', ')}, got ${shown(item)} in the list`);
        }
        out.push(item.value);
      }
      return done(out);
    }
    case 'files': {
      // BrowserGym: a file name or a list of them; an empty list clears the selection.
      if (v.kind === 'string') return v.value === '' ? fail('must not be empty') : done([v.value]);
      if (v.kind !== 'list') return fail(`must be a file name or a list of file names, got ${shown(v)}`);
      const files: string[] = [];
      for (const item of v.items) {
        if (item.kind !== 'string' || item.value === '') return fail(`must be a list of file names, got ${shown(item)} in the list`);
        files.push(item.value);
      }
      return done(files);
    }
  }
}

function shown(v: PyValue): string {
  switch (v.kind) {
    case 'string':
      return `string ${snippet(v.value)}`;
    case 'number':
      return `number ${v.text}`;
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return 'a list';
  }
}
