import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Action, type ActionType } from '../../src/core/schemas/action.js';
import {
  ACTION_SIGNATURES,
  describeActionSpace,
  actionTypesOf,
  actionTools,
  extractAction,
  formatAction,
  parseAction,
  WEBARENA_SCROLL_PX,
} from '../../src/browser/actions/index.js';

const ok = (action: Action) => ({ ok: true, action });

function expectError(text: string, ...fragments: string[]): string {
  const r = parseAction(text);
  if (r.ok) throw new Error(`${JSON.stringify(text)} parsed as ${JSON.stringify(r.action)}`);
  for (const f of fragments) expect(r.error, `error for ${JSON.stringify(text)}`).toContain(f);
  return r.error;
}

describe('parseAction: BrowserGym calls', () => {
  const cases: [string, Action][] = [
    [`click('12')`, { type: 'click', bid: '12' }],
    [`click("12")`, { type: 'click', bid: '12' }],
    [`click(12)`, { type: 'click', bid: '12' }],
    [`click('a51')`, { type: 'click', bid: 'a51' }],
    [`dblclick('4')`, { type: 'dblclick', bid: '4' }],
    [`hover('8')`, { type: 'hover', bid: '8' }],
    [`check('55')`, { type: 'check', bid: '55' }],
    [`uncheck('56')`, { type: 'uncheck', bid: '56' }],
    [`focus('9')`, { type: 'focus', bid: '9' }],
    [`clear('996')`, { type: 'clear', bid: '996' }],
    [`fill('5', "Lisbon, Portugal")`, { type: 'fill', bid: '5', text: 'Lisbon, Portugal' }],
    [`fill("5", 'it\\'s')`, { type: 'fill', bid: '5', text: "it's" }],
    [`fill('5', '')`, { type: 'fill', bid: '5', text: '' }],
    [`fill('5', 'x', press_enter=True)`, { type: 'fill', bid: '5', text: 'x', pressEnter: true }],
    // BrowserGym's third parameter is enable_autocomplete_menu (action/functions.py fill).
    [`fill('5', 'x', False)`, { type: 'fill', bid: '5', text: 'x', enableAutocompleteMenu: false }],
    [`fill('b534', "Montre", True)`, { type: 'fill', bid: 'b534', text: 'Montre', enableAutocompleteMenu: true }],
    [`fill('5', 'x', enable_autocomplete_menu=True, press_enter=True)`, { type: 'fill', bid: '5', text: 'x', enableAutocompleteMenu: true, pressEnter: true }],
    [`click('b22', button="right")`, { type: 'click', bid: 'b22', button: 'right' }],
    [`click('48', button="middle", modifiers=["Shift"])`, { type: 'click', bid: '48', button: 'middle', modifiers: ['Shift'] }],
    [`dblclick('12', 'right', [])`, { type: 'dblclick', bid: '12', button: 'right', modifiers: [] }],
    [`drag_and_drop('56', '498')`, { type: 'drag_and_drop', fromBid: '56', toBid: '498' }],
    [`upload_file("572", "my_receipt.pdf")`, { type: 'upload_file', bid: '572', files: ['my_receipt.pdf'] }],
    [`upload_file("63", ["a.jpg", "b.zip"])`, { type: 'upload_file', bid: '63', files: ['a.jpg', 'b.zip'] }],
    [`upload_file("63", [])`, { type: 'upload_file', bid: '63', files: [] }],
    [`scroll_at(50, 100, -50, -100)`, { type: 'scroll_at', x: 50, y: 100, dx: -50, dy: -100 }],
    [`mouse_move(65.2, 158.5)`, { type: 'mouse_move', x: 65.2, y: 158.5 }],
    [`mouse_up(47, 252, 'right')`, { type: 'mouse_up', x: 47, y: 252, button: 'right' }],
    [`mouse_down(140.2, 580.1)`, { type: 'mouse_down', x: 140.2, y: 580.1 }],
    [`mouse_click(887.2, 68)`, { type: 'mouse_click', x: 887.2, y: 68 }],
    [`mouse_dblclick(5, 236, button='middle')`, { type: 'mouse_dblclick', x: 5, y: 236, button: 'middle' }],
    [`mouse_drag_and_drop(10.7, 325, 235.6, 24.54)`, { type: 'mouse_drag_and_drop', fromX: 10.7, fromY: 325, toX: 235.6, toY: 24.54 }],
    [`mouse_upload_file(132.1, 547, "my_receipt.pdf")`, { type: 'mouse_upload_file', x: 132.1, y: 547, files: ['my_receipt.pdf'] }],
    [`keyboard_down('Shift')`, { type: 'keyboard_down', key: 'Shift' }],
    [`keyboard_up('c')`, { type: 'keyboard_up', key: 'c' }],
    [`keyboard_type('Hello world!')`, { type: 'keyboard_type', text: 'Hello world!' }],
    [`keyboard_insert_text('Hello world!')`, { type: 'keyboard_insert_text', text: 'Hello world!' }],
    [`accept_dialog()`, { type: 'accept_dialog' }],
    [`accept_dialog('Ada')`, { type: 'accept_dialog', text: 'Ada' }],
    [`dismiss_dialog()`, { type: 'dismiss_dialog' }],
    [`select_option('7', 'Economy')`, { type: 'select_option', bid: '7', options: ['Economy'] }],
    [`select_option('7', ["a", "b"])`, { type: 'select_option', bid: '7', options: ['a', 'b'] }],
    [`select_option('7', ["a", "b",])`, { type: 'select_option', bid: '7', options: ['a', 'b'] }],
    [`press('3', 'Control+a')`, { type: 'press', bid: '3', key: 'Control+a' }],
    [`keyboard_press('Enter')`, { type: 'press', key: 'Enter' }],
    [`scroll(0, 300)`, { type: 'scroll', dx: 0, dy: 300 }],
    [`scroll(0.0, -200.5)`, { type: 'scroll', dx: 0, dy: -200.5 }],
    [`scroll(-50.2, 1e3)`, { type: 'scroll', dx: -50.2, dy: 1000 }],
    [`scroll(.5, +2.)`, { type: 'scroll', dx: 0.5, dy: 2 }],
    [`goto('http://x.localhost:1/a?b=c')`, { type: 'goto', url: 'http://x.localhost:1/a?b=c' }],
    [`go_back()`, { type: 'go_back' }],
    [`go_forward()`, { type: 'go_forward' }],
    [`new_tab()`, { type: 'new_tab' }],
    [`tab_focus(1)`, { type: 'tab_focus', index: 1 }],
    [`tab_close()`, { type: 'tab_close' }],
    [`send_msg_to_user('done')`, { type: 'send_msg_to_user', text: 'done' }],
    [`report_infeasible('no flights')`, { type: 'report_infeasible', reason: 'no flights' }],
    [`noop()`, { type: 'noop' }],
    [`noop(500)`, { type: 'noop', ms: 500 }],
    [`noop(500.0)`, { type: 'noop', ms: 500 }],
    [`stop()`, { type: 'stop' }],
    [`stop('answer text')`, { type: 'stop', answer: 'answer text' }],
    [`stop('')`, { type: 'stop', answer: '' }],
    // Keyword arguments, with BrowserGym's parameter names.
    [`click(bid='12')`, { type: 'click', bid: '12' }],
    [`fill(bid='5', value='x')`, { type: 'fill', bid: '5', text: 'x' }],
    [`fill('5', value='x')`, { type: 'fill', bid: '5', text: 'x' }],
    [`fill(value='x', bid='5')`, { type: 'fill', bid: '5', text: 'x' }],
    [`noop(wait_ms=500)`, { type: 'noop', ms: 500 }],
    [`scroll(delta_x=0, delta_y=100)`, { type: 'scroll', dx: 0, dy: 100 }],
    [`tab_focus(index=1)`, { type: 'tab_focus', index: 1 }],
    [`select_option(bid='7', options='x')`, { type: 'select_option', bid: '7', options: ['x'] }],
    [`press(bid='3', key_comb='Enter')`, { type: 'press', bid: '3', key: 'Enter' }],
    [`stop(answer='42')`, { type: 'stop', answer: '42' }],
    // Layout: surrounding whitespace, spaces between tokens, a trailing semicolon, line breaks
    // inside the parentheses (Python allows them there).
    [`  click('12')  `, { type: 'click', bid: '12' }],
    [`click('12');`, { type: 'click', bid: '12' }],
    [`\n click ( '12' , ) ; \n`, { type: 'click', bid: '12' }],
    [`fill(\n  '5',\n  'x'\n)`, { type: 'fill', bid: '5', text: 'x' }],
  ];
  it.each(cases)('%s', (text, action) => {
    expect(parseAction(text)).toStrictEqual(ok(action));
  });
});

describe('parseAction: Python string escapes', () => {
  const cases: [string, string][] = [
    [String.raw`'a\nb'`, 'a\nb'],
    [String.raw`'a\tb'`, 'a\tb'],
    [String.raw`'back\\slash'`, 'back\\slash'],
    [String.raw`'it\'s'`, "it's"],
    [String.raw`"say \"hi\""`, 'say "hi"'],
    [`"it's"`, "it's"],
    [`'say "hi"'`, 'say "hi"'],
    [String.raw`'caf\u00e9'`, 'café'],
    [String.raw`'\x41\101\0'`, 'AA\0'],
    [String.raw`'\U0001F600'`, '😀'],
    [String.raw`'\ud83d\ude00'`, '😀'],
    [String.raw`'\r\f\v\a\b'`, '\r\f\v\x07\b'],
    // Python keeps the backslash of an escape it does not know.
    [String.raw`'C:\dir'`, 'C:\\dir'],
    // Backslash-newline continues the literal.
    ["'con\\\ntinued'", 'continued'],
    ['"Łódź → 東京 😀"', 'Łódź → 東京 😀'],
  ];
  it.each(cases)('%s', (literal, text) => {
    expect(parseAction(`fill('1', ${literal})`)).toStrictEqual(ok({ type: 'fill', bid: '1', text }));
  });

  it('rejects broken escapes', () => {
    expectError(String.raw`fill('1', '\u12')`, '\\u', '4 hex digits');
    expectError(String.raw`fill('1', '\x4')`, '\\x', '2 hex digits');
    expectError(String.raw`fill('1', '\U00110000')`, 'beyond the last Unicode code point');
    expectError(String.raw`fill('1', '\N{BULLET}')`, 'unsupported escape');
  });
});

describe('parseAction: WebArena brackets', () => {
  const cases: [string, Action][] = [
    [`click [12]`, { type: 'click', bid: '12' }],
    [`click[12]`, { type: 'click', bid: '12' }],
    [`click [ 12 ]`, { type: 'click', bid: '12' }],
    [`hover [12]`, { type: 'hover', bid: '12' }],
    [`type [12] [Lisbon] [1]`, { type: 'fill', bid: '12', text: 'Lisbon', pressEnter: true }],
    [`type [12] [Lisbon] [0]`, { type: 'fill', bid: '12', text: 'Lisbon', pressEnter: false }],
    [`type [12] [Lisbon]`, { type: 'fill', bid: '12', text: 'Lisbon', pressEnter: false }],
    [`type [12] [ two  spaces ] [1]`, { type: 'fill', bid: '12', text: ' two  spaces ', pressEnter: true }],
    [`type [12] [a [b] c] [1]`, { type: 'fill', bid: '12', text: 'a [b] c', pressEnter: true }],
    [`type [12] [] [1]`, { type: 'fill', bid: '12', text: '', pressEnter: true }],
    [`press [Control+v]`, { type: 'press', key: 'Control+v' }],
    [`scroll [down]`, { type: 'scroll', dx: 0, dy: WEBARENA_SCROLL_PX }],
    [`scroll [up]`, { type: 'scroll', dx: 0, dy: -WEBARENA_SCROLL_PX }],
    [`scroll [direction=down]`, { type: 'scroll', dx: 0, dy: WEBARENA_SCROLL_PX }],
    [`new_tab`, { type: 'new_tab' }],
    [`tab_focus [1]`, { type: 'tab_focus', index: 1 }],
    [`close_tab`, { type: 'tab_close' }],
    [`goto [http://x.localhost:1/a?b=c]`, { type: 'goto', url: 'http://x.localhost:1/a?b=c' }],
    [`go_back`, { type: 'go_back' }],
    [`go_forward`, { type: 'go_forward' }],
    [`stop [answer text]`, { type: 'stop', answer: 'answer text' }],
    [`stop [N/A]`, { type: 'stop', answer: 'N/A' }],
    [`stop`, { type: 'stop' }],
    [` stop ; `, { type: 'stop' }],
  ];
  it.each(cases)('%s', (text, action) => {
    expect(parseAction(text)).toStrictEqual(ok(action));
  });

  it('scrolls by a fixed documented amount', () => {
    expect(WEBARENA_SCROLL_PX).toBe(500);
  });
});

describe('parseAction: strict rejections say what is wrong and what was expected', () => {
  it('wrong argument counts show the signature', () => {
    expect(expectError(`fill('5')`)).toBe('fill expects (bid: str, value: str, enable_autocomplete_menu: bool = False, press_enter: bool = False), got 1 argument');
    expectError(`click()`, 'click expects (bid: str, button: Literal["left", "middle", "right"] = "left", modifiers: list[Literal["Alt", "Control", "ControlOrMeta", "Meta", "Shift"]] = []), got 0 arguments');
    expectError(`click('1', 'left', [], 'x')`, 'click expects (bid: str, button:', 'got 4 arguments');
    expectError(`click('1', '2')`, 'click: button must be one of "left", "middle", "right", got string "2"');
    expectError(`click('1', modifiers=['Hyper'])`, 'must list modifiers among "Alt", "Control", "ControlOrMeta", "Meta", "Shift"');
    expectError(`upload_file('1', [''])`, 'must be a list of file names');
    expectError(`accept_dialog(True)`, 'accept_dialog: text must be a string');
    expectError(`go_back('x')`, 'go_back expects (), got 1 argument');
    expectError(`scroll(100)`, 'scroll expects (delta_x: float, delta_y: float), got 1 argument');
    expectError(`press('Enter')`, 'press expects (bid: str, key_comb: str)', 'keyboard_press(key: str)');
    expectError(`type [12]`, 'type expects type [bid] [text] [0|1], got 1 bracket group');
    expectError(`stop [a] [b]`, 'stop expects stop [answer], got 2 bracket groups');
    expectError(`new_tab [1]`, 'new_tab expects new_tab, got 1 bracket group');
    expectError(`click`, 'click needs arguments', 'click(bid: str, button', 'click [bid]');
  });

  it('wrong argument types and values', () => {
    expectError(`fill('5', 42)`, 'fill: value must be a string, got number 42', 'expected fill(bid: str');
    expectError(`scroll('0', 1)`, 'scroll: delta_x must be a number, got string "0"');
    expectError(`scroll(1e999, 0)`, 'finite');
    expectError(`tab_focus(1.5)`, 'tab_focus: index must be a whole number');
    expectError(`tab_focus(-1)`, 'index must be 0 or more');
    expectError(`tab_focus [x]`, 'tab_focus index must be a whole number');
    expectError(`noop(70000)`, 'wait_ms must be between 0 and 60000');
    expectError(`noop(2.5)`, 'wait_ms must be a whole number');
    expectError(`noop(None)`, 'got None');
    expectError(`select_option('7', [])`, 'at least one option');
    expectError(`select_option('7', ['a', 1])`, 'must be a list of strings');
    expectError(`select_option('7', [['a']])`, 'lists cannot be nested');
    expectError(`select_option('7', ('a', 'b'))`, 'tuples are not supported');
    expectError(`fill('5', 'x', press_enter=1)`, 'press_enter must be True or False');
    expectError(`click(a12)`, 'unexpected name a12', "'a12'");
    expectError(`click(-12)`, "bid must be a string such as '12'");
    expectError(`click(1.5)`, "bid must be a string such as '12'");
    expectError(`press('3', '')`, 'key_comb must not be empty');
    expectError(`goto('')`, 'url must not be empty');
    expectError(`scroll [sideways]`, 'scroll direction must be down or up');
    expectError(`type [1] [x] [2]`, 'must be [0] or [1]');
  });

  it('empty bids', () => {
    expectError(`click('')`, 'bid must not be empty');
    expectError(`click(bid="")`, 'bid must not be empty');
    expectError(`click []`, 'bid', 'empty');
    expectError(`type [ ] [x]`, 'bid', 'empty');
  });

  it('keyword mistakes, the way Python reports them', () => {
    expectError(`fill(bid='1', text='x')`, 'unexpected keyword argument text', 'fill(bid: str, value: str');
    expectError(`click('1', buton='right')`, 'unexpected keyword argument buton');
    expectError(`fill('1', value='x', bid='2')`, 'multiple values for argument bid');
    expectError(`fill(bid='1', bid='2', value='x')`, 'got argument bid twice');
    expectError(`fill(value='x', '1')`, 'positional argument follows keyword argument');
  });

  it('unknown actions, with a suggestion and the list of known ones', () => {
    expectError(`clik('1')`, 'unknown action "clik"', 'did you mean click?', 'send_msg_to_user');
    expectError(`Click('1')`, 'did you mean click?');
    expectError(`mouse_clik(1, 2)`, 'unknown action "mouse_clik"', 'did you mean mouse_click?');
    expectError(`type('1', 'x')`, "type is written in WebArena's bracket syntax: type [bid] [text] [0|1]");
    expectError(`fill [1] [x]`, 'fill is a call: expected fill(bid: str, value: str');
    expectError(`noop`, 'noop is a call');
  });

  it('unbalanced quotes, parentheses and brackets', () => {
    expectError(`click('1)`, 'unterminated string', 'closing quote is missing');
    expectError(`click("1')`, 'unterminated string');
    expectError(`fill('1', 'a\nb')`, 'unterminated string', 'line break');
    expectError(`click('1'`, 'unbalanced parentheses');
    expectError(`select_option('1', ['a'`, 'unbalanced brackets');
    expectError(`click [1`, 'unbalanced brackets', 'never closed');
    expectError(`type [1] [a [b] [1]`, 'unbalanced brackets');
    expectError(`click [1]]`, 'unbalanced brackets', 'no matching');
  });

  it('trailing garbage and other syntax', () => {
    expectError(`click('1') x`, 'unexpected name x after the action');
    expectError(`click('1'))`, 'unexpected ")" after the action');
    expectError(`click('1'); click('2')`, 'unexpected character ";"');
    expectError(`click('1');;`, 'unexpected character ";"');
    expectError(`click [1] now`, 'unexpected text "now"', 'expected click [bid]');
    expectError(`click '1'`, 'expected "(" or "[" after click', 'click(bid: str, button', 'or click [bid]');
    expectError(`click('1' '2')`, 'expected "," or ")"');
    expectError(`click('1',, )`, 'expected a value');
    expectError(`scroll(0, 12abc)`, 'invalid number "12abc"');
    expectError(`scroll(0, 1e)`, 'invalid number');
    expectError(``, 'empty action');
    expectError(`   ;`, 'empty action');
    expectError(`('1')`, 'expected an action name');
    expectError(`# click('1')`, 'expected an action name');
  });

  it('never throws, whatever the input, and anything it accepts fits the schema', () => {
    const noisy = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: fc.constantFrom(...`clik(fl'"\\[]),= 0.5-_eTrue;\n`.split('')), maxLength: 40 }),
      // Valid actions with a slice cut out or a character spliced in: near misses.
      fc
        .tuple(fc.constantFrom(`fill('5', "a\\"b")`, `select_option('7', ["a", "b"])`, `type [1] [x] [1]`, `scroll(0.5, -2e3)`), fc.nat(), fc.nat(), fc.string({ maxLength: 2 }))
        .map(([s, a, b, ins]) => {
          const i = a % (s.length + 1);
          return s.slice(0, i) + ins + s.slice(i + (b % 3));
        }),
    );
    fc.assert(
      fc.property(noisy, (text) => {
        const r = parseAction(text);
        if (r.ok) expect(Action.safeParse(r.action).success).toBe(true);
        else expect(r.error).not.toMatch(/internal parser error/);
      }),
      { numRuns: 3000 },
    );
  });

  it('survives hostile sizes without a stack overflow', () => {
    expectError(`select_option('1', ${'['.repeat(100_000)}`, 'lists cannot be nested');
    expectError(`click ${'['.repeat(100_000)}`, 'unbalanced brackets');
    expectError(`click(${"'a', ".repeat(50_000)})`, 'click expects (bid: str, button', 'got 50000 arguments');
    expect(parseAction(`fill('1', '${'x'.repeat(200_000)}')`).ok).toBe(true);
    expectError('x'.repeat(100_000), 'unknown action');
  });

  it('rejects non-strings from untyped callers instead of throwing', () => {
    expect(parseAction(undefined as unknown as string).ok).toBe(false);
    expect(extractAction(null as unknown as string).ok).toBe(false);
  });
});

/** Text that stresses quoting: quotes, backslashes, line breaks, brackets, unicode, lone surrogates. */
const nastyChar = fc.oneof(
  fc.constantFrom('"', "'", '\\', '\n', '\r', '\t', '\0', '\x7f', ']', '[', '(', ')', ',', '=', ';', '#', ' ', '`', 'é', '😀', '\u2028', '\ufeff'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit: nastyChar, maxLength: 12 });
const nonEmpty = fc.string({ unit: nastyChar, minLength: 1, maxLength: 8 });
const bidArb = fc.oneof(fc.nat({ max: 9999 }).map(String), nonEmpty);
const numberArb = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(-0));

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constantFrom('click', 'dblclick', 'hover', 'check', 'uncheck', 'focus', 'clear'), bid: bidArb }),
  fc.record({ type: fc.constant('fill'), bid: bidArb, text, pressEnter: fc.boolean() }, { requiredKeys: ['type', 'bid', 'text'] }),
  fc.record({ type: fc.constant('select_option'), bid: bidArb, options: fc.array(text, { minLength: 1, maxLength: 4 }) }),
  fc.record({ type: fc.constant('press'), bid: bidArb, key: nonEmpty }, { requiredKeys: ['type', 'key'] }),
  fc.record({ type: fc.constant('scroll'), dx: numberArb, dy: numberArb }),
  fc.record({ type: fc.constant('goto'), url: nonEmpty }),
  fc.record({ type: fc.constantFrom('go_back', 'go_forward', 'new_tab', 'tab_close') }),
  fc.record({ type: fc.constant('tab_focus'), index: fc.oneof(fc.nat(20), fc.maxSafeNat()) }),
  fc.record({ type: fc.constant('send_msg_to_user'), text }),
  fc.record({ type: fc.constant('report_infeasible'), reason: text }),
  fc.record({ type: fc.constant('noop'), ms: fc.integer({ min: 0, max: 60_000 }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('stop'), answer: text }, { requiredKeys: ['type'] }),
  fc.record(
    { type: fc.constantFrom('click', 'dblclick'), bid: bidArb, button: fc.constantFrom('left', 'middle', 'right'), modifiers: fc.subarray(['Alt', 'Control', 'ControlOrMeta', 'Meta', 'Shift'] as const) },
    { requiredKeys: ['type', 'bid'] },
  ),
  fc.record({ type: fc.constant('fill'), bid: bidArb, text, enableAutocompleteMenu: fc.boolean(), pressEnter: fc.boolean() }, { requiredKeys: ['type', 'bid', 'text'] }),
  fc.record({ type: fc.constant('drag_and_drop'), fromBid: bidArb, toBid: bidArb }),
  fc.record({ type: fc.constant('upload_file'), bid: bidArb, files: fc.array(nonEmpty, { maxLength: 3 }) }),
  fc.record({ type: fc.constant('scroll_at'), x: numberArb, y: numberArb, dx: numberArb, dy: numberArb }),
  fc.record({ type: fc.constant('mouse_move'), x: numberArb, y: numberArb }),
  fc.record({ type: fc.constantFrom('mouse_down', 'mouse_up', 'mouse_click', 'mouse_dblclick'), x: numberArb, y: numberArb, button: fc.constantFrom('left', 'middle', 'right') }, { requiredKeys: ['type', 'x', 'y'] }),
  fc.record({ type: fc.constant('mouse_drag_and_drop'), fromX: numberArb, fromY: numberArb, toX: numberArb, toY: numberArb }),
  fc.record({ type: fc.constant('mouse_upload_file'), x: numberArb, y: numberArb, files: fc.array(nonEmpty, { maxLength: 3 }) }),
  fc.record({ type: fc.constantFrom('keyboard_down', 'keyboard_up'), key: nonEmpty }),
  fc.record({ type: fc.constantFrom('keyboard_type', 'keyboard_insert_text'), text }),
  fc.record({ type: fc.constant('accept_dialog'), text }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('dismiss_dialog') }),
  // fast-check builds records without a prototype; the parser returns plain objects.
).map((a) => ({ ...a })) as fc.Arbitrary<Action>;

describe('formatAction', () => {
  it('writes canonical BrowserGym strings', () => {
    expect(formatAction({ type: 'click', bid: '12' })).toBe('click("12")');
    expect(formatAction({ type: 'fill', bid: '5', text: `it's "x"\n\\` })).toBe(String.raw`fill("5", "it's \"x\"\n\\")`);
    expect(formatAction({ type: 'fill', bid: '5', text: 'x', pressEnter: true })).toBe('fill("5", "x", press_enter=True)');
    expect(formatAction({ type: 'select_option', bid: '7', options: ['a'] })).toBe('select_option("7", "a")');
    expect(formatAction({ type: 'select_option', bid: '7', options: ['a', 'b'] })).toBe('select_option("7", ["a", "b"])');
    expect(formatAction({ type: 'press', key: 'Control+v' })).toBe('keyboard_press("Control+v")');
    expect(formatAction({ type: 'scroll', dx: 0, dy: -200.5 })).toBe('scroll(0, -200.5)');
    expect(formatAction({ type: 'noop' })).toBe('noop()');
    expect(formatAction({ type: 'stop', answer: 'ok' })).toBe('stop("ok")');
    expect(formatAction({ type: 'tab_close' })).toBe('tab_close()');
  });

  it('round-trips: parseAction(formatAction(a)) deep-equals a for every action', () => {
    let sawSurrogate = false;
    fc.assert(
      fc.property(actionArb, (action) => {
        expect(Action.safeParse(action).success).toBe(true);
        const s = formatAction(action);
        if (/[\ud800-\udfff]/.test(s) || s.includes('\\ud')) sawSurrogate = true;
        // toStrictEqual: absent and undefined keys differ, and so do 0 and -0.
        expect(parseAction(s)).toStrictEqual(ok(action));
      }),
      { numRuns: 5000 },
    );
    expect(sawSurrogate).toBe(true);
  });

  it('keeps -0, extreme floats and explicit pressEnter=false', () => {
    for (const action of [
      { type: 'scroll', dx: -0, dy: 5e-324 },
      { type: 'scroll', dx: Number.MAX_VALUE, dy: -1e21 },
      { type: 'fill', bid: '1', text: '', pressEnter: false },
      { type: 'stop', answer: '' },
    ] satisfies Action[]) {
      expect(parseAction(formatAction(action))).toStrictEqual(ok(action));
    }
  });
});

describe('ACTION_SIGNATURES', () => {
  it('has one entry per action type, each with a signature and a description', () => {
    // Type level: the table is exactly the action types (the `satisfies` in the source checks it too).
    const keys: Record<ActionType, unknown> = ACTION_SIGNATURES;
    const noExtra: ActionType = 'click' as keyof typeof ACTION_SIGNATURES;
    expect(keys).toBeDefined();
    expect(noExtra).toBe('click');

    const types = Action.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(ACTION_SIGNATURES).sort()).toEqual(types);
    for (const [type, s] of Object.entries(ACTION_SIGNATURES)) {
      expect(s.signature, type).toMatch(/^\w+\(.*\)$/);
      expect(s.description.length, type).toBeGreaterThan(10);
    }
  });

  it('every signature names a call the parser accepts', () => {
    for (const s of Object.values(ACTION_SIGNATURES)) {
      for (const sig of s.signature.split(' or ')) {
        const name = sig.slice(0, sig.indexOf('('));
        const r = parseAction(`${name}()`);
        expect(r.ok ? 'parsed' : r.error, sig).not.toContain('unknown action');
      }
    }
  });

  it('renders a readable list for prompts', () => {
    const text = describeActionSpace();
    expect(text).toContain('fill(bid: str, value: str, enable_autocomplete_menu: bool = False, press_enter: bool = False)  [WebArena: type [bid] [text] [0|1]]');
    expect(text).toContain('noop(wait_ms: int = 1000)');
    expect(text).toContain('keyboard_press(key: str)');
    expect(text.split('\n')).toHaveLength(Object.keys(ACTION_SIGNATURES).length * 2);
  });

  it("lists BrowserGym's subsets (action/highlevel.py ACTION_SUBSETS) on request; noop is always in", () => {
    // HighLevelActionSet's default subsets: chat, infeas, bid, nav, tab.
    const bgDefault = actionTypesOf(['chat', 'infeas', 'bid', 'nav', 'tab']);
    expect(bgDefault).toEqual(['click', 'dblclick', 'hover', 'fill', 'select_option', 'press', 'focus', 'clear', 'drag_and_drop', 'upload_file', 'scroll', 'goto', 'go_back', 'go_forward', 'new_tab', 'tab_focus', 'tab_close', 'send_msg_to_user', 'report_infeasible', 'noop']);
    expect(describeActionSpace(['coord'])).toContain('mouse_click(x: float, y: float, button: Literal["left", "middle", "right"] = "left")');
    expect(describeActionSpace(['chat'])).not.toContain('mouse_click');
    expect(actionTools(['dialog']).map((t) => t.function.name)).toEqual(['accept_dialog', 'dismiss_dialog', 'noop']);
    expect(actionTools().map((t) => t.function.name)).toEqual(Object.keys(ACTION_SIGNATURES));
  });
});

describe('extractAction', () => {
  it('takes the action after a thought', () => {
    const reply = "Thought: the search box is bid 12, so I type the city.\nAction: fill('12', 'Lisbon')";
    expect(extractAction(reply)).toStrictEqual(ok({ type: 'fill', bid: '12', text: 'Lisbon' }));
  });

  it('takes a fenced code block, with or without a language, on one line or several', () => {
    expect(extractAction("I will click search.\n```python\nclick('31')\n```\nThat should work.")).toStrictEqual(ok({ type: 'click', bid: '31' }));
    expect(extractAction("```\ntype [4] [Rome] [1]\n```")).toStrictEqual(ok({ type: 'fill', bid: '4', text: 'Rome', pressEnter: true }));
    expect(extractAction("Next: ```scroll(0, 300)```")).toStrictEqual(ok({ type: 'scroll', dx: 0, dy: 300 }));
    expect(extractAction("```python\n# the submit button\nclick('9')\n```")).toStrictEqual(ok({ type: 'click', bid: '9' }));
    expect(extractAction("```\nfill(\n  '5',\n  'x'\n)\n```")).toStrictEqual(ok({ type: 'fill', bid: '5', text: 'x' }));
    // An unclosed fence runs to the end of the reply.
    expect(extractAction("```python\nclick('2')")).toStrictEqual(ok({ type: 'click', bid: '2' }));
  });

  it('prefers a fence over an Action line, and an Action line over a later bare line', () => {
    expect(extractAction("Action: click('1')\n```\nclick('2')\n```")).toStrictEqual(ok({ type: 'click', bid: '2' }));
    expect(extractAction("Action: click('1')\nnoop()")).toStrictEqual(ok({ type: 'click', bid: '1' }));
  });

  it('among several candidates takes the last', () => {
    expect(extractAction("```\nclick('1')\n```\nor maybe\n```\nclick('2')\n```")).toStrictEqual(ok({ type: 'click', bid: '2' }));
    expect(extractAction("Action: click('1')\nOn second thought:\nAction: click('2')")).toStrictEqual(ok({ type: 'click', bid: '2' }));
    expect(extractAction("click('1')\nclick('2')\nI hope this works")).toStrictEqual(ok({ type: 'click', bid: '2' }));
    // A fence holding only prose does not hide a later Action line.
    expect(extractAction("```\nsome html\n```\nAction: go_back()")).toStrictEqual(ok({ type: 'go_back' }));
  });

  it('reads markdown-dressed Action lines and inline code', () => {
    expect(extractAction("**Action:** `click('7')`")).toStrictEqual(ok({ type: 'click', bid: '7' }));
    expect(extractAction("## Action:\n\n`stop [Lisbon]`")).toStrictEqual(ok({ type: 'stop', answer: 'Lisbon' }));
    expect(extractAction("ACTION: noop(100)")).toStrictEqual(ok({ type: 'noop', ms: 100 }));
    expect(extractAction("I'll press `click('4')` to continue.")).toStrictEqual(ok({ type: 'click', bid: '4' }));
  });

  it('says why when there is no action, or the marked one is broken', () => {
    const none = extractAction('I am not sure what to do next.\nMaybe scroll?');
    expect(none).toMatchObject({ ok: false });
    expect(!none.ok && none.error).toContain('no action found');
    const empty = extractAction('');
    expect(!empty.ok && empty.error).toContain('no action found');
    const broken = extractAction("Thought: search.\nAction: clik('3')");
    expect(!broken.ok && broken.error).toContain('the "Action:" line does not parse: unknown action "clik" (did you mean click?)');
    const badFence = extractAction("```\nfill('3')\n```");
    expect(!badFence.ok && badFence.error).toContain('the code block does not parse: fill expects');
  });
});
