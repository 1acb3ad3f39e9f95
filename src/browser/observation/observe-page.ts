import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { ObservationMode, Screenshot, ScrollInfo, TokenEstimate } from '../../core/schemas/observation.js';
import { capturePageSnapshot } from './cdp-snapshot.js';
import { cdpFor } from './cdp-sessions.js';
import { screenshotWithMarks } from './marks-overlay.js';
import type { MarkResult } from './page-runtime.js';
import { installRuntime, markPage } from './runtime-calls.js';
import { renderAxTree } from './render-tree.js';
import { estimateTokens } from './tokens.js';

export type ScreenshotOption =
  | false
  /** Inline PNG bytes. */
  | { marks: boolean }
  /** PNG written to `dir/<name>.png`; the observation carries the path. */
  | { marks: boolean; dir: string };

export type ObserveOptions = {
  mode: ObservationMode;
  maxTextLength: number;
  screenshot: ScreenshotOption;
};

/** What one page contributes to an Observation (tabs and errors are the env's part). */
export type PageObservation = {
  url: string;
  title: string;
  axtree: string;
  focusedBid: string | null;
  scroll: ScrollInfo;
  tokens: TokenEstimate;
  bids: string[];
  screenshot?: Screenshot;
};

let shots = 0;

/**
 * Marks bids (unless the caller just did, see settleAndMark), reads the accessibility tree and
 * renders it; optionally takes a screenshot.
 */
export async function observePage(page: Page, opts: ObserveOptions, marked?: MarkResult): Promise<PageObservation> {
  let mark = marked ?? (await markPage(page));
  if (!mark) {
    // A document the init script did not reach (the first about:blank, an error page).
    await installRuntime(page);
    mark = (await markPage(page)) ?? emptyMark(page);
  }
  const snapshot = await capturePageSnapshot(await cdpFor(page));
  const { scroll } = mark;
  const tree = renderAxTree(snapshot, {
    mode: opts.mode,
    viewport: { x: scroll.x, y: scroll.y, width: scroll.viewportWidth, height: scroll.viewportHeight },
    maxTextLength: opts.maxTextLength,
  });
  let axtree = tree.text;
  if (opts.mode === 'viewport' && (tree.above > 0 || tree.below > 0)) {
    // Tells the agent there is more to scroll to, at the cost of one line.
    axtree += `\n(${tree.above} nodes above and ${tree.below} below the viewport; scroll to see them)`;
  }
  const out: PageObservation = {
    url: mark.url,
    title: mark.title,
    axtree,
    focusedBid: mark.focusedBid,
    scroll,
    tokens: estimateTokens(axtree),
    bids: tree.bids,
  };
  if (opts.screenshot) {
    const png = opts.screenshot.marks ? await screenshotWithMarks(page, tree.bids) : await page.screenshot({ type: 'png' });
    if ('dir' in opts.screenshot) {
      const path = `${opts.screenshot.dir}/obs-${process.pid}-${++shots}.png`;
      await writeFile(path, png);
      out.screenshot = { format: 'png', marks: opts.screenshot.marks, path };
    } else {
      out.screenshot = { format: 'png', marks: opts.screenshot.marks, data: new Uint8Array(png) };
    }
  }
  return out;
}

function emptyMark(page: Page): MarkResult {
  const size = page.viewportSize() ?? { width: 0, height: 0 };
  return {
    url: page.url(),
    title: '',
    focusedBid: null,
    scroll: { x: 0, y: 0, viewportWidth: size.width, viewportHeight: size.height, pageWidth: size.width, pageHeight: size.height },
  };
}
