import type { CDPSession, Frame, Page } from 'playwright-core';
import { logger } from '../../core/logger.js';
import { cdpFor } from './cdp-sessions.js';
import { BID_ATTRIBUTE, type MarkResult } from './page-runtime.js';
import { installRuntime, markIn } from './runtime-calls.js';

const log = logger('browser:frames');

/**
 * The frames of a tab by bid prefix, as BrowserGym numbers them (frame_mark_elements.js): the
 * main frame has prefix '', an iframe element with bid "a" holds a document whose elements are
 * "a0", "a1", ..., and an iframe inside it with bid "ab" holds "ab0", ...
 */
export type MarkedFrame = { prefix: string; frame: Frame; mark: MarkResult };

/**
 * The frame prefixes in a bid, outermost first, after BrowserGym's get_elem_by_bid
 * (browsergym/core/action/utils.py): "12" -> [], "a12" -> ["a"], "ab3" -> ["a", "ab"],
 * "aB7" -> ["aB"]. A bid made only of letters names an iframe element: its own prefix is not part
 * of the chain ("ab" -> ["a"]).
 */
export function framePrefixes(bid: string): string[] {
  const chain: string[] = [];
  let i = 0;
  while (i < bid.length && !/^\d+$/.test(bid.slice(i))) {
    i++;
    while (i < bid.length && /[A-Z]/.test(bid[i]!)) i++;
    chain.push(bid.slice(0, i));
  }
  if (chain.at(-1) === bid) chain.pop();
  return chain;
}

/** The frame that holds the element with this bid (walking iframe elements by their bids). */
export async function frameOfBid(page: Page, bid: string): Promise<Frame | undefined> {
  let frame: Frame = page.mainFrame();
  for (const prefix of framePrefixes(bid)) {
    const owner = await frame.$(`[${BID_ATTRIBUTE}="${prefix}"]`);
    const inner = await owner?.contentFrame();
    await owner?.dispose();
    if (!inner) return undefined;
    frame = inner;
  }
  return frame;
}

/**
 * Marks every frame of the tab below the main frame, depth first, each with its iframe's bid as
 * the prefix (BrowserGym's mark_frames_recursive, browsergym/core/observation.py). Frames that
 * are detached, sandboxed without scripts, or whose owner has no bid yet are skipped.
 */
export async function markChildFrames(page: Page, runtimeSource: string): Promise<MarkedFrame[]> {
  const out: MarkedFrame[] = [];
  const visit = async (frame: Frame): Promise<void> => {
    for (const child of frame.childFrames()) {
      if (child.isDetached()) continue;
      try {
        const owner = await child.frameElement();
        const [bid, sandbox] = await Promise.all([owner.getAttribute(BID_ATTRIBUTE), owner.getAttribute('sandbox')]);
        await owner.dispose();
        if (bid === null) continue;
        if (sandbox !== null && !sandbox.split(/\s+/).includes('allow-scripts')) continue;
        let mark = await markIn(child, bid);
        if (!mark) {
          await installRuntime(child, runtimeSource);
          mark = await markIn(child, bid);
        }
        if (!mark) continue;
        out.push({ prefix: bid, frame: child, mark });
        await visit(child);
      } catch (err) {
        // A frame that navigates or goes away while we look: it is not there to observe.
        log.debug('frame skipped', { url: child.url(), err: String(err) });
      }
    }
  };
  await visit(page.mainFrame());
  return out;
}

const oopifSessions = new WeakMap<Frame, Promise<{ session: CDPSession; frameId: string } | null>>();

/**
 * The CDP session of a frame that runs in its own renderer process (a cross-site iframe), with
 * its frame id; null for a frame that shares its parent's process (the page session serves it).
 */
export function ownSessionOf(page: Page, frame: Frame): Promise<{ session: CDPSession; frameId: string } | null> {
  let s = oopifSessions.get(frame);
  if (!s) {
    s = (async () => {
      try {
        const session = await page.context().newCDPSession(frame);
        const info = await session.send('Target.getTargetInfo');
        return { session, frameId: info.targetInfo.targetId };
      } catch {
        return null;
      }
    })();
    oopifSessions.set(frame, s);
  }
  return s;
}

/** The page's own session, for symmetry with ownSessionOf. */
export const pageSession = (page: Page): Promise<CDPSession> => cdpFor(page);
