import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { ObservationMode, Screenshot, ScrollInfo, TokenEstimate } from '../../core/schemas/observation.js';
import { capturePage } from './capture-page.js';
import type { ElementProperties, PropertyOptions } from './element-properties.js';
import { markChildFrames, type MarkedFrame } from './frames.js';
import { prunedHtml } from './html-observation.js';
import { screenshotWithMarks } from './marks-overlay.js';
import type { MarkResult } from './page-runtime.js';
import { installRuntime, markIn } from './runtime-calls.js';
import { renderAxTree } from './render-tree.js';
import { estimateTokens } from './tokens.js';

/** PNG by default; JPEG (`quality` 0-100, default 60) for a screenshot per step: 1.5-2x smaller on our sites' pages. */
type ImageOptions = { format?: 'png' | 'jpeg'; quality?: number };

export type ScreenshotOption =
  | false
  /** Inline bytes. */
  | ({ marks: boolean } & ImageOptions)
  /** Written to `dir/<name>.png` (or `.jpg`); the observation carries the path. */
  | ({ marks: boolean; dir: string } & ImageOptions);

export type ObserveOptions = {
  mode: ObservationMode;
  maxTextLength: number;
  screenshot: ScreenshotOption;
  /** Per-element flags and coordinates on the lines, and observation.elements. */
  properties: PropertyOptions | false;
  /** Also the pruned-HTML observation. */
  html: boolean;
  /** The page runtime, for documents the init script did not reach. */
  runtimeSource: string;
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
  html?: string;
  elements?: Record<string, ElementProperties>;
};

let shots = 0;

/**
 * Marks bids in the tab and its frames (unless the caller just marked the main frame, see
 * settleAndMark), reads the accessibility trees and renders them; optionally the pruned HTML
 * and a screenshot.
 */
export async function observePage(page: Page, opts: ObserveOptions, marked?: MarkResult): Promise<PageObservation> {
  let mark = marked ?? (await markIn(page));
  if (!mark) {
    // A document the init script did not reach (the first about:blank, an error page).
    await installRuntime(page, opts.runtimeSource);
    mark = (await markIn(page)) ?? emptyMark(page);
  }
  const frames = page.frames().length > 1 ? await markChildFrames(page, opts.runtimeSource) : [];
  const snapshot = await capturePage(page, frames, { allAttributes: opts.html });
  const focusedBid = focusInFrames(mark.focusedBid, frames);
  const { scroll } = mark;
  const tree = renderAxTree(snapshot, {
    mode: opts.mode,
    viewport: { x: scroll.x, y: scroll.y, width: scroll.viewportWidth, height: scroll.viewportHeight },
    maxTextLength: opts.maxTextLength,
    focusedBid,
    ...(opts.properties ? { properties: opts.properties } : {}),
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
    focusedBid,
    scroll,
    tokens: estimateTokens(axtree),
    bids: tree.bids,
  };
  if (opts.properties) out.elements = tree.elements;
  if (opts.html) out.html = prunedHtml(snapshot);
  if (opts.screenshot) {
    const format = opts.screenshot.format ?? 'png';
    const image = format === 'jpeg' ? ({ type: 'jpeg', quality: opts.screenshot.quality ?? 60 } as const) : ({ type: 'png' } as const);
    const png = opts.screenshot.marks ? await screenshotWithMarks(page, tree.bids, image) : await page.screenshot(image);
    if ('dir' in opts.screenshot) {
      const path = `${opts.screenshot.dir}/obs-${process.pid}-${++shots}.${format === 'jpeg' ? 'jpg' : 'png'}`;
      await writeFile(path, png);
      out.screenshot = { format, marks: opts.screenshot.marks, path };
    } else {
      out.screenshot = { format, marks: opts.screenshot.marks, data: new Uint8Array(png) };
    }
  }
  return out;
}

/** Focus on an iframe means focus inside it: follow it down (BrowserGym's extract_focused_element_bid). */
function focusInFrames(focused: string | null, frames: readonly MarkedFrame[]): string | null {
  let bid = focused;
  for (let i = 0; i < 8 && bid !== null; i++) {
    const inner = frames.find((f) => f.prefix === bid);
    if (!inner) break;
    bid = inner.mark.focusedBid ?? bid;
    if (bid === inner.prefix) break;
  }
  return bid;
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
