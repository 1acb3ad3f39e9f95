import type { DocSnapshot, DomNode } from './cdp-snapshot.js';
import { BID_ATTRIBUTE, POINTER_ATTRIBUTE } from './page-runtime.js';
import type { PageSnapshot } from './render-tree.js';

/**
 * The pruned-HTML observation, after BrowserGym (browsergym/utils/obs.py): flatten_dom_to_str
 * prints the DOM snapshot as HTML with each element's bid as its first attribute and iframe
 * documents inline; prune_html then drops comments, <script>, <style>, <link> and <br>, unwraps
 * <html> and <body>, and unwraps (or drops, when empty) <div>, <span>, <i> and <p> that carry no
 * attribute but their bid. Live form values are written as attributes, as BrowserGym's marking
 * script does before its snapshot (value, checked, selected). Printed one tag or text per line,
 * indented by depth (BrowserGym pretty-prints with BeautifulSoup the same way).
 */
type H = { tag: string; attrs: [string, string][]; children: H[] } | { text: string };

const DROP = new Set(['style', 'link', 'script', 'br', 'noscript', 'template', 'head', 'meta', 'title', 'base']);
const UNWRAP_BARE = new Set(['div', 'span', 'i', 'p']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export function prunedHtml(snapshot: PageSnapshot): string {
  const top = buildDocument(snapshot.root.doc, snapshot);
  const lines: string[] = [];
  print(top, 0, lines);
  return lines.join('\n');
}

function buildDocument(doc: DocSnapshot, snapshot: PageSnapshot): H[] {
  const build = (d: DomNode): H[] => {
    if (d.nodeType === 3) return d.text ? [{ text: d.text.replace(/\s+/g, ' ') }] : [];
    if (d.nodeType === 4) return d.text ? [{ text: `<!CDATA[[${d.text}]]>` }] : [];
    if (d.nodeType !== 1) return d.children.flatMap((c) => build(doc.nodes[c]!));
    const tag = d.tag;
    if (DROP.has(tag)) return [];
    const kids = d.children.flatMap((c) => build(doc.nodes[c]!));
    // An iframe's document is printed inside it, as flatten_dom_to_str does.
    const frameId = childFrameId(snapshot, doc, d);
    const child = frameId === undefined ? undefined : snapshot.frames.get(frameId);
    if (child) kids.push(...buildDocument(child.doc, snapshot));
    if (tag === 'html' || tag === 'body') return kids;
    const attrs = liveAttributes(d);
    const onlyBid = attrs.length === 1 && attrs[0]![0] === 'bid';
    if (UNWRAP_BARE.has(tag) && (attrs.length === 0 || onlyBid)) return kids;
    return [{ tag, attrs, children: kids }];
  };
  const top = doc.nodes.filter((n) => n.parent === undefined);
  return top.flatMap(build);
}

function viewOf(snapshot: PageSnapshot, doc: DocSnapshot) {
  for (const v of snapshot.frames.values()) if (v.doc === doc) return v;
  return undefined;
}

function childFrameId(snapshot: PageSnapshot, doc: DocSnapshot, d: DomNode): string | undefined {
  return viewOf(snapshot, doc)?.childFrameOf.get(doc.ids[d.index]!);
}

/** The element's attributes with the bid first (as `bid`) and live form state written in. */
function liveAttributes(d: DomNode): [string, string][] {
  const out: [string, string][] = [];
  if (d.bid !== undefined) out.push(['bid', d.bid]);
  const type = (d.attrs.get('type') ?? '').toLowerCase();
  const checkable = d.tag === 'input' && (type === 'checkbox' || type === 'radio');
  for (const [k, v] of d.allAttrs ?? []) {
    if (k === BID_ATTRIBUTE || k === POINTER_ATTRIBUTE) continue;
    if (k === 'value' && d.inputValue !== undefined && !checkable) continue;
    if ((k === 'checked' && checkable) || (k === 'selected' && d.tag === 'option')) continue;
    out.push([k, v]);
  }
  if (d.inputValue !== undefined && !checkable && type !== 'password' && d.tag !== 'select') out.push(['value', d.inputValue]);
  if (checkable && d.inputChecked) out.push(['checked', '']);
  if (d.tag === 'option' && d.optionSelected) out.push(['selected', '']);
  return out;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function print(items: H[], depth: number, lines: string[]): void {
  const pad = ' '.repeat(depth);
  for (const it of items) {
    if ('text' in it) {
      const t = it.text.trim();
      if (t) lines.push(pad + escapeText(t));
      continue;
    }
    const attrs = it.attrs.map(([k, v]) => (v === '' && k !== 'value' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('');
    lines.push(`${pad}<${it.tag}${attrs}>`);
    if (VOID.has(it.tag)) continue;
    print(it.children, depth + 1, lines);
    lines.push(`${pad}</${it.tag}>`);
  }
}
