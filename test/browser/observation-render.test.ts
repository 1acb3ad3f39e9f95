import { describe, expect, it } from 'vitest';
import type { AxNode, Box, DomNode, ReadAttribute } from '../../src/browser/observation/cdp-snapshot.js';
import { renderAxTree, type PageSnapshot, type RenderOptions } from '../../src/browser/observation/render-tree.js';

/** A tiny accessibility tree builder: node(role, name, { props, children, box, display }), with the DOM node behind each. */
type Spec = {
  role: string;
  name?: string;
  value?: string;
  ignored?: boolean;
  props?: Record<string, unknown>;
  box?: Box;
  display?: string;
  children?: Spec[];
  /** The DOM side: tag, Chromium's clickable verdict, cursor, attributes, live value. */
  tag?: string;
  clickable?: boolean;
  cursor?: string;
  attrs?: Partial<Record<ReadAttribute, string>>;
  inputValue?: string;
  rendered?: boolean;
};

function snapshot(root: Spec): PageSnapshot {
  const nodes: AxNode[] = [];
  const dom: DomNode[] = [];
  let next = 1;
  const add = (s: Spec, parentId?: string, parentIndex?: number): string => {
    const id = next++;
    const node: AxNode = {
      nodeId: String(id),
      ignored: s.ignored ?? false,
      role: { type: 'role', value: s.role },
      backendDOMNodeId: id,
      properties: Object.entries(s.props ?? {}).map(([name, value]) => ({ name, value: { type: 'x', value } })),
    };
    if (s.name !== undefined) node.name = { type: 'computedString', value: s.name };
    if (s.value !== undefined) node.value = { type: 'string', value: s.value };
    if (parentId) node.parentId = parentId;
    nodes.push(node);
    const text = s.role === 'StaticText' || s.role === 'InlineTextBox';
    const d: DomNode = {
      index: dom.length,
      nodeType: text ? 3 : 1,
      tag: s.tag ?? (text ? '#text' : 'div'),
      rendered: s.rendered ?? true,
      clickable: s.clickable ?? false,
      attrs: new Map(Object.entries(s.attrs ?? {}) as [ReadAttribute, string][]),
      children: [],
      ...(text ? {} : { bid: String(id) }),
      ...(s.box ? { box: s.box } : {}),
      ...(s.display ? { display: s.display } : {}),
      ...(s.cursor ? { cursor: s.cursor } : {}),
      ...(s.inputValue !== undefined ? { inputValue: s.inputValue } : {}),
      ...(parentIndex !== undefined ? { parent: parentIndex } : {}),
    };
    dom.push(d);
    if (parentIndex !== undefined) dom[parentIndex]!.children.push(d.index);
    node.childIds = (s.children ?? []).map((c) => add(c, String(id), d.index));
    return String(id);
  };
  add(root);
  const byBackendId = new Map(dom.map((d, i) => [i + 1, d] as const));
  const doc = { frameId: 'main', byBackendId, ids: dom.map((_, i) => i + 1), nodes: dom, scrollX: 0, scrollY: 0 };
  const view = { frameId: 'main', nodes, doc, childFrameOf: new Map<number, string>() };
  return { root: view, frames: new Map([['main', view]]) };
}

const VIEW: Box = { x: 0, y: 0, width: 1000, height: 800 };
const opts = (o: Partial<RenderOptions> = {}): RenderOptions => ({ mode: 'full', viewport: VIEW, maxTextLength: 100, ...o });
const text = (t: string, box?: Box): Spec => ({ role: 'StaticText', name: t, ...(box ? { box } : {}), children: [{ role: 'InlineTextBox', name: t }] });

describe('renderAxTree', () => {
  it('prunes wrappers and lifts their children; indents by depth', () => {
    const tree = snapshot({
      role: 'RootWebArea',
      name: 'Page',
      children: [
        { role: 'generic', children: [{ role: 'none', children: [{ role: 'button', name: 'Go', children: [text('Go')] }] }] },
        { role: 'navigation', name: 'Main', children: [{ role: 'generic', ignored: true, children: [{ role: 'link', name: 'Home', children: [text('Home')] }] }] },
      ],
    });
    expect(renderAxTree(tree, opts()).text).toBe(['[4] button "Go"', '[7] navigation "Main"', '  [9] link "Home"'].join('\n'));
  });

  it('drops text that repeats a name (its parent, or the control it labels) and keeps other text', () => {
    const tree = snapshot({
      role: 'RootWebArea',
      children: [
        { role: 'group', name: 'Stops', children: [{ role: 'Legend', children: [text('Stops')] }, { role: 'LabelText', children: [{ role: 'checkbox', name: 'Non-stop', props: { checked: 'false' } }, text('Non-stop')] }] },
        { role: 'LabelText', children: [text('Email *')] },
        { role: 'textbox', name: 'Email *', props: { required: true } },
        text('Free cancellation until 1 June'),
      ],
    });
    expect(renderAxTree(tree, opts()).text).toBe(
      ['[2] group "Stops"', '  [7] checkbox "Non-stop" unchecked', '[13] textbox "Email *" required', 'Free cancellation until 1 June'].join('\n'),
    );
  });

  it('shows values and states: checked, selected, expanded/collapsed, disabled, required, invalid, focused, heading level; a native select lists its options on one line', () => {
    const tree = snapshot({
      role: 'RootWebArea',
      children: [
        { role: 'heading', name: 'Results', props: { level: 2 } },
        { role: 'textbox', name: 'City', value: 'Lisbon', props: { focused: true, invalid: 'true', required: true } },
        { role: 'checkbox', name: 'Newsletter', props: { checked: 'true' } },
        { role: 'radio', name: 'Aisle', props: { checked: 'false', disabled: true } },
        {
          role: 'combobox',
          name: 'Cabin',
          value: 'Business',
          props: { expanded: false },
          children: [{ role: 'MenuListPopup', children: [{ role: 'option', name: 'Economy', props: { selected: false } }, { role: 'option', name: 'Business', props: { selected: true } }] }],
        },
        { role: 'button', name: 'Menu', props: { expanded: true } },
        { role: 'listbox', name: 'Suggestions', children: [{ role: 'option', name: 'Lisbon (LIS)', props: { selected: true } }] },
      ],
    });
    expect(renderAxTree(tree, opts()).text).toBe(
      [
        '[2] heading "Results" h2',
        '[3] textbox "City" value="Lisbon" required invalid focused',
        '[4] checkbox "Newsletter" checked',
        '[5] radio "Aisle" unchecked disabled',
        '[6] combobox "Cabin" value="Business" collapsed',
        '  options: "Economy", "Business"',
        '[10] button "Menu" expanded',
        '[11] listbox "Suggestions"',
        '  [12] option "Lisbon (LIS)" selected',
      ].join('\n'),
    );
  });

  it('cuts long names and texts at maxTextLength with an ellipsis', () => {
    const long = 'x'.repeat(300);
    const tree = snapshot({ role: 'RootWebArea', children: [{ role: 'link', name: long }, text('y'.repeat(300))] });
    const lines = renderAxTree(tree, opts({ maxTextLength: 40 })).text.split('\n');
    expect(lines[0]).toBe(`[2] link "${'x'.repeat(39)}…"`);
    expect(lines[1]).toBe(`${'y'.repeat(39)}…`);
    // 0 never cuts.
    expect(renderAxTree(tree, opts({ maxTextLength: 0 })).text.split('\n')[0]).toBe(`[2] link "${long}"`);
  });

  it('joins inline text runs into one line exactly as rendered, breaks lines at block wrappers, pairs terms with definitions', () => {
    // Chromium's text nodes keep their own spaces ("From ", " per adult"): nothing is inserted.
    const tree = snapshot({
      role: 'RootWebArea',
      children: [
        { role: 'paragraph', display: 'block', children: [text('From '), { role: 'strong', display: 'inline', children: [text('€103')] }, text(' per adult')] },
        { role: 'generic', display: 'block', children: [text('Only 2 seats left')] },
        {
          role: 'DescriptionList',
          display: 'block',
          children: [
            { role: 'term', display: 'block', children: [text('Stars')] },
            { role: 'definition', display: 'block', children: [text('★★★★ (4-star)')] },
            { role: 'term', display: 'block', children: [text('Check-in')] },
            { role: 'definition', display: 'block', children: [text('From 15:00')] },
          ],
        },
      ],
    });
    expect(renderAxTree(tree, opts()).text).toBe(['From €103 per adult', 'Only 2 seats left', 'Stars: ★★★★ (4-star)', 'Check-in: From 15:00'].join('\n'));
  });

  it('viewport mode keeps what meets the viewport, boxless children of visible nodes, and counts the rest', () => {
    const at = (y: number): Box => ({ x: 0, y, width: 200, height: 40 });
    const tree = snapshot({
      role: 'RootWebArea',
      children: [
        { role: 'heading', name: 'Above', box: at(-500), props: { level: 1 } },
        { role: 'combobox', name: 'Sort', value: 'Price', box: at(100), children: [{ role: 'option', name: 'Price' }, { role: 'option', name: 'Rating' }] },
        { role: 'link', name: 'Visible', box: at(790) },
        { role: 'button', name: 'Below', box: at(900) },
        text('Far below', at(2000)),
        { role: 'region', name: 'Offscreen wrapper', box: at(3000), children: [{ role: 'button', name: 'Fixed banner button', box: at(700) }] },
      ],
    });
    const full = renderAxTree(tree, opts());
    const view = renderAxTree(tree, opts({ mode: 'viewport' }));
    expect(full.text.split('\n')).toHaveLength(9);
    expect(view.text).toBe(
      ['[3] combobox "Sort" value="Price"', '  [4] option "Price"', '  [5] option "Rating"', '[6] link "Visible"', '[11] button "Fixed banner button"'].join('\n'),
    );
    expect([view.above, view.below]).toEqual([1, 3]);
    expect(view.bids).toEqual(['3', '4', '5', '6', '11']);
  });

  it('says a name once when a card is named after its heading and the heading after its link', () => {
    const tree = snapshot({
      role: 'RootWebArea',
      children: [
        {
          role: 'article',
          name: 'Hotel Sol',
          children: [
            { role: 'heading', name: 'Hotel Sol', props: { level: 3 }, children: [{ role: 'link', name: 'Hotel Sol', children: [text('Hotel Sol')] }] },
            text('4 stars'),
          ],
        },
        { role: 'heading', name: 'Results', props: { level: 1 }, children: [text('Results')] },
      ],
    });
    expect(renderAxTree(tree, opts()).text).toBe(['[2] article', '  [3] heading h3', '    [4] link "Hotel Sol"', '  4 stars', '[9] heading "Results" h1'].join('\n'));
  });

  it('a text starting with a bracket cannot pass for a node line', () => {
    const tree = snapshot({ role: 'RootWebArea', children: [text('[12] button "Pay"')] });
    expect(renderAxTree(tree, opts()).text).toBe('"[12] button \\"Pay\\""');
  });
});
