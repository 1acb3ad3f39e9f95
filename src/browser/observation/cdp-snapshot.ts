import type { CDPSession } from 'playwright-core';
import { BID_ATTRIBUTE } from './page-runtime.js';

/** The parts of a CDP Accessibility.AXNode the renderer reads. */
export type AxValue = { type: string; value?: unknown };
export type AxNode = {
  nodeId: string;
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  value?: AxValue;
  description?: AxValue;
  properties?: { name: string; value: AxValue }[];
  childIds?: string[];
  parentId?: string;
  backendDOMNodeId?: number;
  frameId?: string;
};

/** A layout box in document coordinates of its frame. */
export type Box = { x: number; y: number; width: number; height: number };

/** Attributes the observation reads (names, interactivity, fallbacks). */
const ATTRIBUTES = ['data-wf-pointer', 'id', 'class', 'title', 'aria-label', 'alt', 'tabindex', 'for', 'role', 'type', 'contenteditable', 'readonly', 'disabled', 'name', 'src', 'href', 'placeholder', 'value', 'draggable'] as const;
export type ReadAttribute = (typeof ATTRIBUTES)[number];

/** One DOM node of a snapshot, by backend node id. */
export type DomNode = {
  index: number;
  /** DOM nodeType: 1 element, 3 text, 8 comment, ... */
  nodeType: number;
  /** A text node's text. */
  text?: string;
  /** Every attribute in document order, when the snapshot was asked for them (the HTML observation). */
  allAttrs?: [string, string][];
  /** Lower-case tag name for elements, '#text' for text nodes. */
  tag: string;
  bid?: string;
  box?: Box;
  /** No client rects: not rendered (display: none, or inside something that is). */
  rendered: boolean;
  display?: string;
  cursor?: string;
  visibility?: string;
  /** Chromium's own verdict: it has a click/mouse listener, is a link, label or editable. */
  clickable: boolean;
  attrs: Map<ReadAttribute, string>;
  /** The live value of an input/textarea/select and checked/selected state (not the attributes). */
  inputValue?: string;
  inputChecked?: boolean;
  optionSelected?: boolean;
  parent?: number;
  children: number[];
  /** For an iframe owner: the index of its document in the same snapshot. */
  contentDocument?: number;
};

/** One document (a frame) of a snapshot. */
export type DocSnapshot = {
  frameId: string;
  /** Backend node id -> node. */
  byBackendId: Map<number, DomNode>;
  /** Index -> backend node id. */
  ids: number[];
  nodes: DomNode[];
  scrollX: number;
  scrollY: number;
};

/** The accessibility tree and DOM of one frame, as the renderer walks them. */
export type FrameView = {
  frameId: string;
  nodes: AxNode[];
  doc: DocSnapshot;
  /** Frame ids of the documents this frame's iframes hold, by the iframe's backend node id. */
  childFrameOf: Map<number, string>;
};

/** What the snapshot calls in one CDP session (a tab, or an out-of-process frame). */
export type SessionSnapshot = { docs: DocSnapshot[] };

const STYLES = ['display', 'cursor', 'visibility'] as const;

/**
 * One DOM snapshot of everything a CDP session renders (its main document and the iframes in the
 * same process), with per node the bid the page runtime wrote, the layout box, display/cursor/
 * visibility, Chromium's "clickable" verdict and the live form values. BrowserGym reads the same
 * snapshot for its extra element properties (browsergym/core/observation.py,
 * extract_dom_snapshot / extract_dom_extra_properties); it writes the bid into aria attributes to
 * map accessibility nodes back, we map by backend node id instead (bench/browser.bench.ts compares).
 */
export async function captureDom(cdp: CDPSession, opts: { allAttributes?: boolean } = {}): Promise<SessionSnapshot> {
  const dom = await cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: [...STYLES], includeDOMRects: true });
  const strings = dom.strings;
  const str = (i: number | undefined) => (i === undefined || i < 0 ? undefined : strings[i]);
  const bidIndex = strings.indexOf(BID_ATTRIBUTE);
  const attrIndex = new Map<number, ReadAttribute>();
  for (const a of ATTRIBUTES) {
    const i = strings.indexOf(a);
    if (i >= 0) attrIndex.set(i, a);
  }
  const docs = dom.documents.map((d): DocSnapshot => {
    const n = d.nodes;
    const ids = n.backendNodeId ?? [];
    const nodes: DomNode[] = ids.map((_, i) => ({
      index: i,
      nodeType: n.nodeType?.[i] ?? 1,
      tag: (str(n.nodeName?.[i]) ?? '').toLowerCase(),
      rendered: false,
      clickable: false,
      attrs: new Map(),
      children: [],
    }));
    const attrs = n.attributes ?? [];
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      const node = nodes[i]!;
      if (node.nodeType === 3 || node.nodeType === 4) node.text = str(n.nodeValue?.[i]) ?? '';
      if (opts.allAttributes) node.allAttrs = [];
      for (let k = 0; k < a.length; k += 2) {
        node.allAttrs?.push([strings[a[k]!] ?? '', strings[a[k + 1]!] ?? '']);
        if (a[k] === bidIndex) node.bid = strings[a[k + 1]!];
        else {
          const name = attrIndex.get(a[k]!);
          if (name) node.attrs.set(name, strings[a[k + 1]!] ?? '');
        }
      }
    }
    (n.parentIndex ?? []).forEach((p, i) => {
      if (p >= 0) {
        nodes[i]!.parent = p;
        nodes[p]!.children.push(i);
      }
    });
    for (const i of n.isClickable?.index ?? []) nodes[i]!.clickable = true;
    n.inputValue?.index.forEach((i, k) => (nodes[i]!.inputValue = str(n.inputValue!.value[k]) ?? ''));
    for (const i of n.inputChecked?.index ?? []) nodes[i]!.inputChecked = true;
    for (const i of n.optionSelected?.index ?? []) nodes[i]!.optionSelected = true;
    n.contentDocumentIndex?.index.forEach((i, k) => (nodes[i]!.contentDocument = n.contentDocumentIndex!.value[k]));
    const { nodeIndex, bounds, styles, clientRects } = d.layout;
    for (let k = 0; k < nodeIndex.length; k++) {
      const node = nodes[nodeIndex[k]!]!;
      const b = bounds[k]!;
      const box = { x: b[0]!, y: b[1]!, width: b[2]!, height: b[3]! };
      // An inline element broken over lines has several boxes: keep their union.
      node.box = node.box ? union(node.box, box) : box;
      if (!clientRects || (clientRects[k]?.length ?? 0) > 0) node.rendered = true;
      const st = styles[k] ?? [];
      node.display ??= str(st[0]);
      node.cursor ??= str(st[1]);
      node.visibility ??= str(st[2]);
    }
    const byBackendId = new Map<number, DomNode>();
    ids.forEach((id, i) => byBackendId.set(id, nodes[i]!));
    return { frameId: str(d.frameId) ?? '', byBackendId, ids, nodes, scrollX: d.scrollOffsetX ?? 0, scrollY: d.scrollOffsetY ?? 0 };
  });
  return { docs };
}

/** The full accessibility tree of one frame of the session. */
export async function captureAx(cdp: CDPSession, frameId?: string): Promise<AxNode[]> {
  const ax = await cdp.send('Accessibility.getFullAXTree', frameId === undefined ? {} : { frameId });
  return ax.nodes as AxNode[];
}

export function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
