import type { ObservationMode } from '../../core/schemas/observation.js';
import { CHECKABLE_ROLES, DROPPED_ROLES, NAME_FROM_CONTENT, NAMED_BY_CHILD, NEED_NAME_ROLES, PRUNED_ROLES, VALUE_ROLES } from './ax-roles.js';
import type { AxNode, AxValue, Box, PageSnapshot } from './cdp-snapshot.js';

export type RenderOptions = {
  mode: ObservationMode;
  /** The visible rectangle in page coordinates (scroll offset and viewport size). */
  viewport: Box;
  /** Longer names, values and texts are cut with an ellipsis. */
  maxTextLength: number;
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
};

/** A node of the rendered tree before it is serialized. */
type Out = { kind: 'node'; head: string; name: string; children: Out[] } | { kind: 'text'; text: string } | { kind: 'break' };

const BREAK: Out = { kind: 'break' };

const TERM_ROLES = new Set(['term', 'DescriptionListTerm']);
const DEFINITION_ROLES = new Set(['definition', 'DescriptionListDetail']);

/** Options listed on a native select's line; the rest are counted. */
const MAX_OPTIONS = 40;

const str = (v: AxValue | undefined): string => (v?.value === undefined || v.value === null ? '' : String(v.value));
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Turns Chromium's accessibility tree into compact text, one line per meaningful node, indented
 * by depth: `[bid] role "name" value="…" states`. Wrappers are pruned (their children lifted),
 * text that repeats a name is dropped, long text is cut, and in viewport mode only nodes whose
 * layout box meets the viewport are kept (a node without a box, like a closed select's option,
 * follows its parent).
 */
export function renderAxTree(snapshot: PageSnapshot, opts: RenderOptions): RenderedTree {
  const byId = new Map<string, AxNode>();
  for (const n of snapshot.nodes) byId.set(n.nodeId, n);
  const root = snapshot.nodes.find((n) => n.parentId === undefined) ?? snapshot.nodes[0];
  const counts = { above: 0, below: 0 };
  const vp = opts.viewport;
  const cut = (s: string) => (s.length > opts.maxTextLength ? `${s.slice(0, opts.maxTextLength - 1)}…` : s);

  /** Visible in viewport mode: its own box if it has one, else what its parent was. */
  const visibility = (n: AxNode, inherited: boolean): { visible: boolean; where: 'in' | 'above' | 'below' | 'side' } => {
    if (opts.mode === 'full') return { visible: true, where: 'in' };
    const box = n.backendDOMNodeId === undefined ? undefined : snapshot.boxOf.get(n.backendDOMNodeId);
    if (!box) return { visible: inherited, where: inherited ? 'in' : 'side' };
    if (box.y + box.height <= vp.y) return { visible: false, where: 'above' };
    if (box.y >= vp.y + vp.height) return { visible: false, where: 'below' };
    if (box.x + box.width <= vp.x || box.x >= vp.x + vp.width) return { visible: false, where: 'side' };
    return { visible: true, where: 'in' };
  };

  const walk = (n: AxNode, inheritedVisible: boolean, dropText: boolean): Out[] => {
    const role = str(n.role);
    if (DROPPED_ROLES.has(role)) return [];
    const { visible, where } = visibility(n, inheritedVisible);
    const children = (childVisible: boolean, childDropText: boolean): Out[] =>
      (n.childIds ?? []).flatMap((id) => {
        const c = byId.get(id);
        return c ? walk(c, childVisible, childDropText) : [];
      });

    if (role === 'StaticText') {
      const text = clean(str(n.name));
      if (!text || dropText) return [];
      if (!visible) {
        if (where === 'above') counts.above++;
        else if (where === 'below') counts.below++;
        return [];
      }
      return [{ kind: 'text', text: cut(text) }];
    }
    const name = clean(str(n.name));
    if (n.ignored || PRUNED_ROLES.has(role) || (NEED_NAME_ROLES.has(role) && !name)) {
      const lifted = children(visible, dropText);
      // A description list reads "term: definition", one pair per line.
      if (TERM_ROLES.has(role)) {
        const last = lifted.at(-1);
        if (last?.kind === 'text' && !last.text.endsWith(':')) lifted[lifted.length - 1] = { kind: 'text', text: `${last.text}:` };
        return [BREAK, ...lifted];
      }
      if (DEFINITION_ROLES.has(role)) return [...lifted, BREAK];
      // A block (div, p) ends a line of text; an inline wrapper (span, strong) does not.
      const display = n.backendDOMNodeId === undefined ? undefined : snapshot.displayOf.get(n.backendDOMNodeId);
      return display === undefined || display.startsWith('inline') || display === 'contents' ? lifted : [BREAK, ...lifted, BREAK];
    }
    if (!visible) {
      if (where === 'above') counts.above++;
      else if (where === 'below') counts.below++;
      return children(false, dropText);
    }
    const bid = n.backendDOMNodeId === undefined ? undefined : snapshot.bidOf.get(n.backendDOMNodeId);
    let head = nodeLine(n, role, name, bid, cut);
    const choices = nativeSelectOptions(n, byId);
    if (choices) {
      // A native select's options are chosen with select_option by label, never clicked: one
      // line lists them (a 25-slot time picker would otherwise cost 25 lines).
      const shown = choices.slice(0, MAX_OPTIONS).map((c) => JSON.stringify(cut(c)));
      const more = choices.length > MAX_OPTIONS ? `, … (${choices.length - MAX_OPTIONS} more)` : '';
      return [{ kind: 'node', head, name, children: choices.length ? [{ kind: 'text', text: `options: ${shown.join(', ')}${more}` }] : [] }];
    }
    // The text inside a button or link is its name already.
    // A text field's own text is its value, shown already.
    const kids = dedupeText(children(true, dropText || VALUE_ROLES.has(role) || (NAME_FROM_CONTENT.has(role) && name !== '')), name);
    // A card named after its heading, a heading named after its link: say the name once, on the child.
    const first = kids.find((k) => k.kind !== 'break');
    if (name && NAMED_BY_CHILD.has(role) && first?.kind === 'node' && first.name === name) head = nodeLine(n, role, '', bid, cut);
    return [{ kind: 'node', head, name, children: kids }];
  };

  const top = root ? dedupeText(walk(root, true, false), '') : [];
  const lines: string[] = [];
  const bids: string[] = [];
  const emit = (items: Out[], depth: number) => {
    const pad = '  '.repeat(depth);
    let run: string[] = [];
    const flush = () => {
      // Adjacent text pieces (inline elements of one sentence) read as one line.
      if (run.length) lines.push(pad + quoteIfAmbiguous(cut(run.join(' '))));
      run = [];
    };
    for (const it of items) {
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
  emit(top, 0);
  return { text: lines.join('\n'), lines: lines.length, bids, above: counts.above, below: counts.below };
}

/** Drops texts equal to the parent's name or to the name of an adjacent node (a label beside its field). */
function dedupeText(items: Out[], parentName: string): Out[] {
  /** The name of the nearest node before (step -1) or after (+1) item i, across line breaks. */
  const nameAt = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < items.length; j += step) {
      const it = items[j]!;
      if (it.kind === 'node') return it.name;
      if (it.kind === 'text') return undefined;
    }
    return undefined;
  };
  return items.filter((it, i) => {
    if (it.kind !== 'text') return true;
    const t = it.text.replace(/\s*\*$/, '');
    if (t === parentName) return false;
    const near = [nameAt(i, -1), nameAt(i, 1)];
    return !near.some((n) => n !== undefined && t.length > 0 && n.includes(t));
  });
}

function quoteIfAmbiguous(text: string): string {
  // A text that starts like a node line would read as one.
  return text.startsWith('[') ? JSON.stringify(text) : text;
}

function nodeLine(n: AxNode, role: string, name: string, bid: string | undefined, cut: (s: string) => string): string {
  const parts: string[] = [];
  if (bid !== undefined) parts.push(`[${bid}]`);
  parts.push(role);
  if (name) parts.push(JSON.stringify(cut(name)));
  const props = new Map<string, unknown>();
  for (const p of n.properties ?? []) props.set(p.name, p.value.value);
  if (VALUE_ROLES.has(role)) {
    const value = clean(str(n.value));
    if (value && value !== name) parts.push(`value=${JSON.stringify(cut(value))}`);
  }
  if (role === 'heading' && props.has('level')) parts.push(`h${String(props.get('level'))}`);
  if (CHECKABLE_ROLES.has(role) || props.has('checked')) {
    const c = props.get('checked');
    parts.push(c === 'mixed' ? 'mixed' : c === 'true' || c === true ? 'checked' : 'unchecked');
  }
  if (props.has('pressed')) {
    const p = props.get('pressed');
    parts.push(p === 'true' || p === true ? 'pressed' : p === 'mixed' ? 'mixed' : 'not-pressed');
  }
  if (props.get('selected') === true) parts.push('selected');
  if (props.has('expanded')) parts.push(props.get('expanded') === true ? 'expanded' : 'collapsed');
  if (props.get('disabled') === true) parts.push('disabled');
  if (props.get('required') === true) parts.push('required');
  const invalid = props.get('invalid');
  if (invalid !== undefined && invalid !== 'false' && invalid !== false) parts.push('invalid');
  if (props.get('focused') === true) parts.push('focused');
  return parts.join(' ');
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
