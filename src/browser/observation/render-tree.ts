import type { ObservationMode } from '../../core/schemas/observation.js';
import { CHECKABLE_ROLES, CONTROL_ROLES, DROPPED_ROLES, NAME_FROM_CONTENT, NAMED_BY_CHILD, NEED_NAME_ROLES, PRUNED_ROLES, VALUE_ROLES } from './ax-roles.js';
import type { AxNode, AxValue, Box, DomNode, FrameView } from './cdp-snapshot.js';
import { elementProperties, type ElementProperties, type PropertyOptions } from './element-properties.js';
import { fallbackName, hiddenControlOf, interactiveReason } from './interactivity.js';

/** The accessibility trees and DOM snapshots of a tab: its main frame and its iframes. */
export type PageSnapshot = { root: FrameView; frames: Map<string, FrameView> };

export type RenderOptions = {
  mode: ObservationMode;
  /** The visible rectangle of the main frame in page coordinates (scroll offset and viewport size). */
  viewport: Box;
  /** Longer names, values and texts are cut with an ellipsis; 0 never cuts. */
  maxTextLength: number;
  /** The focused element's value is never cut: focusing a field is how an agent reads it whole. */
  focusedBid?: string | null;
  /** Per-element flags and coordinates on each line, as BrowserGym's flatten_axtree_to_str offers. */
  properties?: PropertyOptions;
};

export type RenderedTree = {
  text: string;
  /** Lines drawn: one per node or text run shown. */
  lines: number;
  /** Bids that appear in the text, in order. */
  bids: string[];
  /** Meaningful nodes left out in viewport mode because they lie above / below the viewport. */
  above: number;
  below: number;
  /** Visibility, box and clickability of every bid shown (BrowserGym's extra_element_properties). */
  elements: Record<string, ElementProperties>;
};

/** A node of the rendered tree before it is serialized. */
/** `interactive`: the node, or something inside it, takes input (a control or a clickable element). */
type Out = { kind: 'node'; head: string; name: string; interactive: boolean; children: Out[] } | { kind: 'text'; text: string } | { kind: 'break' };

/**
 * Text runs are joined exactly as the page renders them: Chromium's text nodes keep their own
 * spaces ("Enter \"", "Jerald", "\" into"), so nothing is inserted between inline pieces, and
 * whitespace is collapsed afterwards as the browser does.
 */
const joinRun = (pieces: readonly string[]): string => pieces.join('');

const BREAK: Out = { kind: 'break' };

const TERM_ROLES = new Set(['term', 'DescriptionListTerm']);
const DEFINITION_ROLES = new Set(['definition', 'DescriptionListDetail']);

/** Options listed on a native select's line; the rest are counted. */
const MAX_OPTIONS = 40;

const str = (v: AxValue | undefined): string => (v?.value === undefined || v.value === null ? '' : String(v.value));
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Where a frame's document sits: what of it is visible, and how to reach viewport coordinates. */
type FrameCtx = {
  view: FrameView;
  byId: Map<string, AxNode>;
  /** The visible rectangle in this frame's document coordinates. */
  vp: Box;
  /** Added to document coordinates of this frame, gives coordinates in the tab's viewport. */
  dx: number;
  dy: number;
};

/**
 * Turns Chromium's accessibility tree into compact text, one line per meaningful node, indented
 * by depth: `[bid] role "name" value="…" states`. Wrappers are pruned (their children lifted),
 * text that repeats a name is dropped, text runs are joined exactly as the page renders them,
 * long text is cut, and in viewport mode only nodes whose layout box meets the viewport are kept
 * (a node without a box, like a closed select's option, follows its parent). Elements a person
 * can click that the tree calls plain containers get a line (`clickable`), unnamed controls a
 * fallback name (`name-from=...`), form fields their live value, iframes their document.
 */
export function renderAxTree(snapshot: PageSnapshot, opts: RenderOptions): RenderedTree {
  const counts = { above: 0, below: 0 };
  const elements: Record<string, ElementProperties> = {};
  const limit = opts.maxTextLength > 0 ? opts.maxTextLength : Number.POSITIVE_INFINITY;
  const cut = (s: string) => (s.length > limit ? `${s.slice(0, limit - 1)}…` : s);
  const topVp = opts.viewport;

  const frameCtx = (view: FrameView, vp: Box, dx: number, dy: number): FrameCtx => {
    const byId = new Map<string, AxNode>();
    for (const n of view.nodes) byId.set(n.nodeId, n);
    return { view, byId, vp, dx, dy };
  };

  const domOf = (f: FrameCtx, n: AxNode): DomNode | undefined => (n.backendDOMNodeId === undefined ? undefined : f.view.doc.byBackendId.get(n.backendDOMNodeId));

  /** Visible in viewport mode: its own box if it has one, else what its parent was. */
  const visibility = (f: FrameCtx, d: DomNode | undefined, inherited: boolean): { visible: boolean; where: 'in' | 'above' | 'below' | 'side' } => {
    if (opts.mode === 'full') return { visible: true, where: 'in' };
    const box = d?.box;
    if (!box) return { visible: inherited, where: inherited ? 'in' : 'side' };
    const vp = f.vp;
    if (box.y + box.height <= vp.y) return { visible: false, where: 'above' };
    if (box.y >= vp.y + vp.height) return { visible: false, where: 'below' };
    if (box.x + box.width <= vp.x || box.x >= vp.x + vp.width) return { visible: false, where: 'side' };
    return { visible: true, where: 'in' };
  };

  const countOut = (where: string) => {
    if (where === 'above') counts.above++;
    else if (where === 'below') counts.below++;
  };

  /** BrowserGym-style extras of a shown element, kept for observation.elements when asked for. */
  const extrasOf = (f: FrameCtx, d: DomNode | undefined, clickable: boolean, flagged: boolean): string[] => {
    if (!opts.properties || !d?.bid) return [];
    const e = elementProperties(d, { dx: f.dx, dy: f.dy }, { x: 0, y: 0, width: topVp.width, height: topVp.height }, clickable);
    elements[d.bid] = e;
    return propertyTokens(e, opts.properties, flagged);
  };

  /** The child frame's tree under an iframe node, in the frame's own coordinates. */
  const frameChildren = (f: FrameCtx, d: DomNode | undefined, n: AxNode, visible: boolean): Out[] => {
    const childId = n.backendDOMNodeId === undefined ? undefined : f.view.childFrameOf.get(n.backendDOMNodeId);
    const child = childId === undefined ? undefined : snapshot.frames.get(childId);
    if (!child || !d?.box) return [];
    const box = d.box;
    // The frame shows its own viewport (its scroll offset, the iframe's size).
    const vp = { x: child.doc.scrollX, y: child.doc.scrollY, width: box.width, height: box.height };
    const inner = frameCtx(child, vp, f.dx + box.x - child.doc.scrollX, f.dy + box.y - child.doc.scrollY);
    const root = child.nodes.find((c) => c.parentId === undefined) ?? child.nodes[0];
    return root ? walk(inner, root, visible, false) : [];
  };

  /** `inControl`: inside a button, link or other control, whose own line already takes the click. */
  const walk = (f: FrameCtx, n: AxNode, inheritedVisible: boolean, dropText: boolean, inControl = false): Out[] => {
    let role = str(n.role);
    if (role === 'LineBreak') return [BREAK];
    if (DROPPED_ROLES.has(role)) return [];
    const d = domOf(f, n);
    const { visible, where } = visibility(f, d, inheritedVisible);
    const children = (childVisible: boolean, childDropText: boolean): Out[] =>
      (n.childIds ?? []).flatMap((id) => {
        const c = f.byId.get(id);
        return c ? walk(f, c, childVisible, childDropText, inControl || CONTROL_ROLES.has(role)) : [];
      });

    if (role === 'StaticText') {
      const raw = str(n.name);
      if (!raw || dropText) return [];
      if (!visible) {
        if (raw.trim()) countOut(where);
        return [];
      }
      return [{ kind: 'text', text: raw }];
    }
    let name = clean(str(n.name));
    let nameFrom: string | undefined;
    const props = propsOf(n);
    // A contenteditable region is a text field to the agent (Chromium calls it generic + editable).
    const ce = d?.attrs.get('contenteditable');
    const editableRoot = ce !== undefined && ce !== 'false' && props.has('editable') && !isEditable(f.byId.get(n.parentId ?? ''));
    if (editableRoot) role = 'textbox';
    const hiddenControl = d && d.tag === 'label' && role === 'LabelText' ? hiddenControlOf(f.view.doc, d) : undefined;
    const clickableByBehaviour = d !== undefined && !inControl && !editableRoot && !hiddenControl && !CONTROL_ROLES.has(role) && role !== 'Iframe' && interactiveReason(f.view.doc, d) !== undefined;
    if (hiddenControl) role = (hiddenControl.attrs.get('type') ?? '').toLowerCase() === 'radio' ? 'radio' : 'checkbox';
    else if (clickableByBehaviour && (PRUNED_ROLES.has(role) || n.ignored)) role = 'generic';

    // Chromium leaves plain inline wrappers (a <span>) out as "ignored": one a person can click is kept.
    const keep = hiddenControl !== undefined || clickableByBehaviour || (!n.ignored && !PRUNED_ROLES.has(role) && (!NEED_NAME_ROLES.has(role) || name !== ''));
    const lift = (lifted: Out[]): Out[] => {
      // A block (div, p) ends a line of text; an inline wrapper (span, strong) does not.
      const display = d?.display;
      return display === undefined || display.startsWith('inline') || display === 'contents' ? lifted : [BREAK, ...lifted, BREAK];
    };
    if (!keep) {
      const lifted = children(visible, dropText);
      // A description list reads "term: definition", one pair per line.
      if (TERM_ROLES.has(role)) {
        const last = lifted.at(-1);
        // A <dt> and its <dd> are blocks: the pair reads "term: definition", with the space a line break stood for.
        if (last?.kind === 'text') lifted[lifted.length - 1] = { kind: 'text', text: `${last.text.trimEnd().replace(/:$/, '')}: ` };
        return [BREAK, ...lifted];
      }
      if (DEFINITION_ROLES.has(role)) return [...lifted, BREAK];
      return lift(lifted);
    }
    if (!visible) {
      countOut(where);
      return role === 'Iframe' ? [] : children(false, dropText);
    }
    const bid = d?.bid;
    const valueRole = VALUE_ROLES.has(role);
    // The text inside a control that is named from it, a text field's own text: shown already.
    const nameFromContent = NAME_FROM_CONTENT.has(role) && name !== '';
    let kids: Out[];
    if (role === 'Iframe') kids = frameChildren(f, d, n, visible);
    // An input's own subtree (a date field's month/day/year parts) and an editor's content are its value.
    else if (d?.tag === 'input' || editableRoot) kids = [];
    else kids = children(true, dropText || valueRole || nameFromContent);
    // A container that only listens on behalf of what it holds (one click handler for a list of
    // chips) is not a target itself: its clickable children are.
    if (clickableByBehaviour && PRUNED_ROLES.has(str(n.role)) && kids.some((k) => k.kind === 'node' && k.interactive)) return lift(kids);
    const ownText = () => clean(joinRun(textsOf(kids)));
    if (hiddenControl) {
      name ||= ownText();
      kids = [];
    }
    // An element clickable by behaviour that holds only text is named by it, as a button is.
    if (clickableByBehaviour && !name && kids.every((k) => k.kind !== 'node')) {
      const text = ownText();
      if (text) {
        name = text;
        kids = [];
      }
    }
    if (!name && d && (CONTROL_ROLES.has(role) || clickableByBehaviour || editableRoot) && role !== 'Iframe') {
      const fb = fallbackName(f.view.doc, d, kids.every((k) => k.kind !== 'node') ? ownText() : '');
      if (fb) {
        name = fb.name;
        nameFrom = fb.from;
        if (fb.from === 'text') kids = [];
      }
    }
    kids = dedupeText(kids, name);
    const line = {
      n,
      role,
      name,
      bid,
      props,
      value: valueOf(n, role, d, hiddenControl),
      checked: hiddenControl ? hiddenControl.inputChecked === true : checkedOf(n, d),
      nameFrom,
      clickable: clickableByBehaviour,
      extra: extrasOf(f, d, clickableByBehaviour || CONTROL_ROLES.has(role) || hiddenControl !== undefined, clickableByBehaviour),
    };
    let head = nodeLine(line, cut, bid !== undefined && bid === opts.focusedBid);
    const choices = nativeSelectOptions(n, f.byId);
    if (choices) {
      // A native select's options are chosen with select_option by label, never clicked: one
      // line lists them (a 25-slot time picker would otherwise cost 25 lines).
      const shown = choices.slice(0, MAX_OPTIONS).map((c) => JSON.stringify(cut(c)));
      const more = choices.length > MAX_OPTIONS ? `, … (${choices.length - MAX_OPTIONS} more)` : '';
      return [{ kind: 'node', head, name, interactive: true, children: choices.length ? [{ kind: 'text', text: `options: ${shown.join(', ')}${more}` }] : [] }];
    }
    // A card named after its heading, a heading named after its link: say the name once, on the child.
    const first = kids.find((k) => k.kind !== 'break' && !(k.kind === 'text' && !k.text.trim()));
    if (name && NAMED_BY_CHILD.has(role) && first?.kind === 'node' && first.name === name) head = nodeLine({ ...line, name: '', nameFrom: undefined }, cut, false);
    const interactive = clickableByBehaviour || CONTROL_ROLES.has(role) || hiddenControl !== undefined || editableRoot || kids.some((k) => k.kind === 'node' && k.interactive);
    return [{ kind: 'node', head, name, interactive, children: kids }];
  };

  const rootView = snapshot.root;
  const top = frameCtx(rootView, topVp, -topVp.x, -topVp.y);
  const root = rootView.nodes.find((n) => n.parentId === undefined) ?? rootView.nodes[0];
  const items = root ? dedupeText(walk(top, root, true, false), '') : [];
  const lines: string[] = [];
  const bids: string[] = [];
  const emit = (list: Out[], depth: number) => {
    const pad = '  '.repeat(depth);
    let run: string[] = [];
    const flush = () => {
      // Adjacent text pieces (inline elements of one sentence) read as one line, as rendered.
      const text = clean(joinRun(run));
      if (text) lines.push(pad + quoteIfAmbiguous(cut(text)));
      run = [];
    };
    for (const it of list) {
      if (it.kind === 'break') {
        flush();
        continue;
      }
      if (it.kind === 'text') {
        run.push(it.text);
        continue;
      }
      flush();
      lines.push(pad + it.head);
      const m = /^\[([^\]]+)\]/.exec(it.head);
      if (m) bids.push(m[1]!);
      emit(it.children, depth + 1);
    }
    flush();
  };
  emit(items, 0);
  return { text: lines.join('\n'), lines: lines.length, bids, above: counts.above, below: counts.below, elements };
}

const textsOf = (items: Out[]): string[] => items.flatMap((k) => (k.kind === 'text' ? [k.text] : k.kind === 'break' ? ['\n'] : []));

function isEditable(n: AxNode | undefined): boolean {
  return !!n?.properties?.some((p) => p.name === 'editable');
}

function propsOf(n: AxNode): Map<string, unknown> {
  const props = new Map<string, unknown>();
  for (const p of n.properties ?? []) props.set(p.name, p.value.value);
  return props;
}

/** The live value: an input's own value (not a stale aria-valuenow), else the tree's. */
function valueOf(n: AxNode, role: string, d: DomNode | undefined, hiddenControl: DomNode | undefined): string | undefined {
  if (hiddenControl || !VALUE_ROLES.has(role)) return undefined;
  const type = (d?.attrs.get('type') ?? '').toLowerCase();
  if (d && (d.tag === 'input' || d.tag === 'textarea') && d.inputValue !== undefined && type !== 'password') return d.inputValue;
  return str(n.value);
}

function checkedOf(n: AxNode, d: DomNode | undefined): boolean | 'mixed' | undefined {
  const c = propsOf(n).get('checked');
  if (d?.tag === 'input' && c !== 'mixed') {
    const type = (d.attrs.get('type') ?? '').toLowerCase();
    if (type === 'checkbox' || type === 'radio') return d.inputChecked === true;
  }
  if (c === undefined) return undefined;
  return c === 'mixed' ? 'mixed' : c === 'true' || c === true;
}

/** Drops texts equal to the parent's name or to the name of an adjacent node (a label beside its field). */
function dedupeText(items: Out[], parentName: string): Out[] {
  /** The name of the nearest node before (step -1) or after (+1) item i, across line breaks. */
  const nameAt = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < items.length; j += step) {
      const it = items[j]!;
      if (it.kind === 'node') return it.name;
      if (it.kind === 'text' && it.text.trim()) return undefined;
    }
    return undefined;
  };
  return items.filter((it, i) => {
    if (it.kind !== 'text') return true;
    const t = clean(it.text).replace(/\s*\*$/, '');
    if (!t) return true;
    if (t === parentName) return false;
    const near = [nameAt(i, -1), nameAt(i, 1)];
    return !near.some((n) => n !== undefined && n.includes(t));
  });
}

function quoteIfAmbiguous(text: string): string {
  // A text that starts like a node line would read as one.
  return text.startsWith('[') ? JSON.stringify(text) : text;
}

type Line = {
  n: AxNode;
  role: string;
  name: string;
  bid: string | undefined;
  props: Map<string, unknown>;
  value: string | undefined;
  checked: boolean | 'mixed' | undefined;
  nameFrom: string | undefined;
  clickable: boolean;
  extra: string[];
};

function nodeLine(l: Line, cut: (s: string) => string, focused: boolean): string {
  const { role, name, props } = l;
  const parts: string[] = [];
  if (l.bid !== undefined) parts.push(`[${l.bid}]`);
  parts.push(role);
  if (name) parts.push(JSON.stringify(cut(name)));
  if (l.value !== undefined) {
    const value = clean(l.value);
    // A focused field shows its whole value: focus is how an agent asks for it.
    if (value && value !== name) parts.push(`value=${JSON.stringify(focused ? value : cut(value))}`);
  }
  if (role === 'heading' && props.has('level')) parts.push(`h${String(props.get('level'))}`);
  if (CHECKABLE_ROLES.has(role) || l.checked !== undefined) parts.push(l.checked === 'mixed' ? 'mixed' : l.checked ? 'checked' : 'unchecked');
  if (props.has('pressed')) {
    const p = props.get('pressed');
    parts.push(p === 'true' || p === true ? 'pressed' : p === 'mixed' ? 'mixed' : 'not-pressed');
  }
  if (props.get('selected') === true) parts.push('selected');
  if (props.has('expanded')) parts.push(props.get('expanded') === true ? 'expanded' : 'collapsed');
  if (props.get('disabled') === true) parts.push('disabled');
  if (props.get('readonly') === true) parts.push('readonly');
  if (props.get('required') === true) parts.push('required');
  const invalid = props.get('invalid');
  if (invalid !== undefined && invalid !== 'false' && invalid !== false) parts.push('invalid');
  if (props.get('focused') === true) parts.push('focused');
  // The page says it is still working on this (aria-busy): what it shows may be about to change.
  if (props.get('busy') === true) parts.push('busy');
  if (l.clickable) parts.push('clickable');
  if (l.nameFrom) parts.push(`name-from=${l.nameFrom}`);
  parts.push(...l.extra);
  return parts.join(' ');
}

/** BrowserGym's with_visible / with_clickable / with_center_coords / with_bounding_box_coords tokens. */
function propertyTokens(e: ElementProperties, p: PropertyOptions, flaggedAlready: boolean): string[] {
  const out: string[] = [];
  if (p.visible && e.visibility >= 0.5) out.push('visible');
  // An element clickable by behaviour carries the flag already.
  if (p.clickable && e.clickable && !flaggedAlready) out.push('clickable');
  if (p.coords && e.bbox) {
    const [x, y, w, h] = e.bbox;
    if (p.coords === 'center') out.push(`center=(${Math.round(x + w / 2)},${Math.round(y + h / 2)})`);
    else out.push(`box=(${Math.round(x)},${Math.round(y)},${Math.round(x + w)},${Math.round(y + h)})`);
  }
  return out;
}

/** The option labels of a native <select> (Chromium gives it a MenuListPopup child), else undefined. */
function nativeSelectOptions(n: AxNode, byId: Map<string, AxNode>): string[] | undefined {
  const popup = (n.childIds ?? []).map((id) => byId.get(id)).find((c) => str(c?.role) === 'MenuListPopup');
  if (!popup) return undefined;
  const out: string[] = [];
  const visit = (id: string) => {
    const c = byId.get(id);
    if (!c) return;
    if (str(c.role) === 'option') out.push(clean(str(c.name)));
    else (c.childIds ?? []).forEach(visit);
  };
  (popup.childIds ?? []).forEach(visit);
  return out;
}
