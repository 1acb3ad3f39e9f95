import type { CDPSession, Page } from 'playwright-core';
import { logger } from '../../core/logger.js';
import { captureAx, captureDom, type AxNode, type FrameView, type SessionSnapshot } from './cdp-snapshot.js';
import { cdpFor } from './cdp-sessions.js';
import { ownSessionOf, type MarkedFrame } from './frames.js';
import type { PageSnapshot } from './render-tree.js';

const log = logger('browser:capture');

/**
 * The accessibility trees and DOM snapshots of a tab and its iframes, mapped together. A tab
 * without iframes costs one round of two CDP calls sent together. Iframes in the tab's renderer
 * process come in the same DOM snapshot and need one AX call each (BrowserGym's
 * extract_merged_axtree does the same per frame id); an iframe from another site runs in its
 * own process and is read over its own CDP session.
 */
export async function capturePage(page: Page, childFrames: readonly MarkedFrame[], opts: { allAttributes?: boolean } = {}): Promise<PageSnapshot> {
  const cdp = await cdpFor(page);
  const [dom, ax] = await Promise.all([captureDom(cdp, opts), captureAx(cdp)]);
  const frames = new Map<string, FrameView>();
  await addSession(frames, cdp, dom, ax);
  const root = frames.get(dom.docs[0]?.frameId ?? '');
  if (!root) throw new Error('the DOM snapshot has no document');
  if (childFrames.length === 0) return { root, frames };
  for (const mf of childFrames) {
    const own = await ownSessionOf(page, mf.frame);
    if (!own || frames.has(own.frameId)) continue;
    try {
      const [d, a] = await Promise.all([captureDom(own.session, opts), captureAx(own.session)]);
      await addSession(frames, own.session, d, a);
      // Link the iframe element (bid = the frame's prefix) to the frame's tree.
      for (const view of frames.values()) {
        const owner = view.doc.nodes.find((n) => n.bid === mf.prefix && (n.tag === 'iframe' || n.tag === 'frame'));
        if (owner) view.childFrameOf.set(view.doc.ids[owner.index]!, own.frameId);
      }
    } catch (err) {
      log.debug('frame not captured', { url: mf.frame.url(), err: String(err) });
    }
  }
  return { root, frames };
}

/** Adds every document of one session's snapshot, with its AX tree, to `frames`. */
async function addSession(frames: Map<string, FrameView>, cdp: CDPSession, dom: SessionSnapshot, mainAx: AxNode[]): Promise<void> {
  const trees = await Promise.all(
    dom.docs.map((doc, i) => (i === 0 ? Promise.resolve(mainAx) : captureAx(cdp, doc.frameId).catch(() => [] as AxNode[]))),
  );
  dom.docs.forEach((doc, i) => {
    const childFrameOf = new Map<number, string>();
    for (const n of doc.nodes) {
      if (n.contentDocument === undefined) continue;
      const child = dom.docs[n.contentDocument];
      if (child) childFrameOf.set(doc.ids[n.index]!, child.frameId);
    }
    frames.set(doc.frameId, { frameId: doc.frameId, nodes: trees[i]!, doc, childFrameOf });
  });
}
