import type { DocSnapshot, DomNode } from './cdp-snapshot.js';

/**
 * Which DOM elements a person could click although the accessibility tree calls them plain
 * containers (generic, listitem, cell, ...), and what to call an unnamed control. Real pages are
 * full of both: a "Submit" <div>, links drawn as <span>s, e-mail rows, tree entries, a dialog's
 * close bar, icon-only buttons.
 */
export type InteractiveReason = 'handler' | 'pointer' | 'tabindex' | 'label';

/** Elements never worth a line of their own, whatever listens on them. */
const NEVER = new Set(['html', 'body', 'head', '#document', '#text', 'svg', 'path', 'g']);

/**
 * Why an element is interactive by behaviour rather than by role, or undefined:
 * - 'handler': Chromium reports a click or mouse listener on it (DOMSnapshot isClickable, the
 *   flag BrowserGym exposes as "clickable"), or the page runtime saw a pointer listener attached
 *   (hover menus listen for mouseenter, which Chromium does not count), or it is draggable;
 * - 'pointer': it is where a pointer cursor begins (its parent's cursor is not a pointer: the
 *   cursor is inherited, so only the outermost element of a pointer region counts);
 * - 'tabindex': it takes keyboard focus by tabindex >= 0;
 * - 'label': a <label> whose control is not shown (a styled checkbox): clicking the label is the
 *   only way to toggle it.
 */
export function interactiveReason(doc: DocSnapshot, d: DomNode): InteractiveReason | undefined {
  if (NEVER.has(d.tag) || !d.rendered) return undefined;
  if (d.tag === 'label') return hiddenControlOf(doc, d) ? 'label' : undefined;
  if (d.clickable || d.attrs.has('data-wf-pointer') || d.attrs.get('draggable') === 'true') return 'handler';
  if (d.cursor === 'pointer' && parentElement(doc, d)?.cursor !== 'pointer') return 'pointer';
  const t = d.attrs.get('tabindex');
  if (t !== undefined && /^\s*\d+\s*$/.test(t)) return 'tabindex';
  return undefined;
}

function parentElement(doc: DocSnapshot, d: DomNode): DomNode | undefined {
  for (let p = d.parent; p !== undefined; p = doc.nodes[p]!.parent) {
    const n = doc.nodes[p]!;
    if (n.tag !== '#text' && n.box) return n;
  }
  return undefined;
}

/** The form control a label stands for: `for=id`, else the first control inside it. */
export function controlOfLabel(doc: DocSnapshot, label: DomNode): DomNode | undefined {
  const id = label.attrs.get('for');
  if (id) return doc.nodes.find((n) => n.attrs.get('id') === id && isControl(n));
  const stack = [...label.children];
  while (stack.length) {
    const n = doc.nodes[stack.shift()!]!;
    if (isControl(n)) return n;
    stack.push(...n.children);
  }
  return undefined;
}

const isControl = (n: DomNode): boolean => n.tag === 'input' || n.tag === 'select' || n.tag === 'textarea' || n.tag === 'button';

/** A checkbox or radio input that is not shown (display:none or visibility:hidden), behind a label. */
export function hiddenControlOf(doc: DocSnapshot, label: DomNode): DomNode | undefined {
  const c = controlOfLabel(doc, label);
  if (!c || c.tag !== 'input') return undefined;
  const type = (c.attrs.get('type') ?? '').toLowerCase();
  if (type !== 'checkbox' && type !== 'radio') return undefined;
  const hidden = !c.rendered || (c.visibility !== undefined && c.visibility !== 'visible');
  return hidden ? c : undefined;
}

/** Icon-font and sprite class names that carry no meaning (the meaning is in the suffix). */
const ICON_PREFIX = /^(fa[srlbd]?|fas|far|fab|glyphicon|bi|icon|material-icons|mdi|ion|octicon|oi|ti|la|lni|feather|uil)$/i;
const ICON_CLASS = /^(?:fa|glyphicon|bi|icon|mdi|ion|ionicons|octicon|oi|ti|la|lni|feather|uil|ri|gg|ico|icn)-(.+)$/i;
/** Utility suffixes of icon fonts that are not the icon's meaning. */
const ICON_NOISE = /^(fw|lg|xs|sm|[1-9]x|spin|pulse|border|inverse|stack|solid|regular|light|brands|outline|filled|2x|3x|4x|5x)$/i;

/** "fa fa-trash fa-lg" -> "trash", "glyphicon glyphicon-remove-sign" -> "remove sign". */
export function iconName(className: string): string | undefined {
  for (const c of className.split(/\s+/)) {
    if (ICON_PREFIX.test(c)) continue;
    const m = ICON_CLASS.exec(c);
    if (m && !ICON_NOISE.test(m[1]!)) return m[1]!.replace(/[-_]+/g, ' ').trim();
  }
  return undefined;
}

export type FallbackName = { name: string; from: 'title' | 'aria-label' | 'alt' | 'text' | 'class' | 'id' | 'src' | 'placeholder' };

/** Class and id words that say how something looks or is laid out, not what it does. */
const LAYOUT_WORD = /^(btn|button|icon|icons|ico|pull|float|left|right|center|clearfix|active|disabled|hidden|show|small|large|lg|sm|xs|md|primary|secondary|default|inline|block|flex|col|row|item|wrapper|container|inner|outer|ui|widget|clickable|link|img|image|svg|js|is|has|d|m|p|mt|mb|ml|mr|px|py)([-_].*)?$/i;

/** A name from an id or class made of words ("close-email" -> "close email", "trash" -> "trash"). */
function wordsOf(token: string): string | undefined {
  if (!/^[a-z][a-z0-9_-]*$/i.test(token) || LAYOUT_WORD.test(token) || /\d{3,}/.test(token)) return undefined;
  return token.replace(/[-_]+/g, ' ').trim();
}

/**
 * A name for a control the accessibility tree leaves unnamed, from the element and what is
 * inside it, in this order: title, aria-label, an image's alt, its text, an icon-font class, an
 * image's file name, the words of its class or id when it is empty (drawn by CSS), a
 * placeholder. `text` is the element's own rendered text (the caller has it).
 */
export function fallbackName(doc: DocSnapshot, d: DomNode, text: string): FallbackName | undefined {
  const own = (a: 'title' | 'aria-label' | 'placeholder') => d.attrs.get(a)?.trim();
  for (const a of ['title', 'aria-label'] as const) {
    const v = own(a);
    if (v) return { name: v, from: a };
  }
  const below = descendants(doc, d, 40);
  for (const n of below) {
    const alt = n.tag === 'img' ? n.attrs.get('alt')?.trim() : undefined;
    if (alt) return { name: alt, from: 'alt' };
    const title = n.attrs.get('title')?.trim() ?? n.attrs.get('aria-label')?.trim();
    if (title) return { name: title, from: 'title' };
  }
  if (text) return { name: text, from: 'text' };
  for (const n of [d, ...below]) {
    const icon = iconName(n.attrs.get('class') ?? '');
    if (icon) return { name: icon, from: 'class' };
  }
  for (const n of [d, ...below]) {
    const src = n.tag === 'img' ? n.attrs.get('src') : undefined;
    const file = src && /([^/?#]+?)(?:\.[a-z0-9]{2,5})?(?:[?#].*)?$/i.exec(src)?.[1];
    if (file && !/^data$/i.test(file)) return { name: file.replace(/[-_]+/g, ' '), from: 'src' };
  }
  // An element drawn by CSS alone (an empty <span class="trash">) is known by its class or id.
  if (!below.length) {
    for (const c of (d.attrs.get('class') ?? '').split(/\s+/)) {
      const w = wordsOf(c);
      if (w) return { name: w, from: 'class' };
    }
    const id = wordsOf(d.attrs.get('id') ?? '');
    if (id) return { name: id, from: 'id' };
  }
  const ph = own('placeholder');
  return ph ? { name: ph, from: 'placeholder' } : undefined;
}

function descendants(doc: DocSnapshot, d: DomNode, max: number): DomNode[] {
  const out: DomNode[] = [];
  const stack = [...d.children];
  while (stack.length && out.length < max) {
    const n = doc.nodes[stack.shift()!]!;
    if (n.tag !== '#text') out.push(n);
    stack.push(...n.children);
  }
  return out;
}
