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
};

/** A layout box in page (document) coordinates. */
export type Box = { x: number; y: number; width: number; height: number };

/** The active frame's accessibility tree plus, by backend DOM node id, each node's bid and box. */
export type PageSnapshot = {
  nodes: AxNode[];
  bidOf: Map<number, string>;
  boxOf: Map<number, Box>;
  /** CSS display of nodes with a layout object: tells block boundaries from inline runs. */
  displayOf: Map<number, string>;
};

/**
 * One round of CDP: the accessibility tree and a DOM snapshot, requested together so Chromium
 * answers both in one pass. The DOM snapshot maps each AX node (by backend node id) to the bid
 * the page runtime wrote into the DOM, to its layout box (for viewport mode) and to its CSS
 * display (for line breaks). BrowserGym's way instead writes each bid into an aria attribute,
 * reads it back from the AX tree and restores the attribute: two more page round trips, a
 * recomputed tree, and mutations the page can see. Measured on a results page (bench/
 * browser.bench.ts) ours is ~16 ms against ~20 ms for the attribute round trip, and gives the
 * boxes for free.
 */
export async function capturePageSnapshot(cdp: CDPSession): Promise<PageSnapshot> {
  const [ax, dom] = await Promise.all([
    cdp.send('Accessibility.getFullAXTree', {}),
    cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: ['display'] }),
  ]);
  const bidOf = new Map<number, string>();
  const boxOf = new Map<number, Box>();
  const displayOf = new Map<number, string>();
  const strings = dom.strings;
  const doc = dom.documents[0];
  if (doc) {
    const ids = doc.nodes.backendNodeId ?? [];
    const attrs = doc.nodes.attributes ?? [];
    const bidIndex = strings.indexOf(BID_ATTRIBUTE);
    if (bidIndex >= 0) {
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs[i]!;
        for (let k = 0; k < a.length; k += 2) {
          if (a[k] === bidIndex) {
            bidOf.set(ids[i]!, strings[a[k + 1]!]!);
            break;
          }
        }
      }
    }
    const { nodeIndex, bounds, styles } = doc.layout;
    for (let i = 0; i < nodeIndex.length; i++) {
      const id = ids[nodeIndex[i]!]!;
      const b = bounds[i]!;
      const box = { x: b[0]!, y: b[1]!, width: b[2]!, height: b[3]! };
      const seen = boxOf.get(id);
      // An inline element broken over lines has several boxes: keep their union.
      boxOf.set(id, seen ? union(seen, box) : box);
      const display = styles[i]?.[0];
      if (display !== undefined && !displayOf.has(id)) displayOf.set(id, strings[display]!);
    }
  }
  return { nodes: ax.nodes as AxNode[], bidOf, boxOf, displayOf };
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
