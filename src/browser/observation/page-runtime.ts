import { ACTIVITY_SOURCE } from './runtime-activity.js';
import { MARKS_SOURCE } from './runtime-marks.js';
import { PROBE_SOURCE } from './runtime-probe.js';

/**
 * The script the env installs in every document of every frame (context.addInitScript) before
 * any page script runs. It keeps, inside the page, what only the page can know cheaply:
 *
 * - activity (runtime-activity.ts): DOM mutations, scrolls, fetch/XHR in flight, timers and
 *   animations the last action started, tabs the page opened; settle() resolves on a condition
 *   computed where the events happen instead of polling from Node;
 * - bids (runtime-marks.ts): mark(prefix) gives every element a stable `data-wf-bid`;
 * - probes (runtime-probe.ts): whether an element can take an action now, and why not.
 *
 * It is a string, not a function, on purpose: a function's source after a TypeScript transform
 * can reference helpers (e.g. esbuild's `__name`) that do not exist in the page.
 */
export const BID_ATTRIBUTE = 'data-wf-bid';

/** Set by the runtime on elements with a pointer listener (click, mousedown, mouseenter, ...). */
export const POINTER_ATTRIBUTE = 'data-wf-pointer';

/** The global the runtime lives under; non-enumerable so `for (k in window)` does not see it. */
export const RUNTIME_GLOBAL = '__webfoundry';

/** What the settle rule waits for after an action by default (see runtime-activity.ts). */
export const DEFAULT_SETTLE_WINDOW_MS = 1000;

export type MarkResult = {
  url: string;
  title: string;
  focusedBid: string | null;
  scroll: { x: number; y: number; viewportWidth: number; viewportHeight: number; pageWidth: number; pageHeight: number };
};

/** `opened`: tabs the document `doc` asked to open since it started (window.open, target=_blank). */
export type SettleResult = { settled: boolean; busy: string; opened: number; doc: string };

export type ProbeIntent = 'pointer' | 'hover' | 'edit' | 'select' | 'check' | 'any';
export type ProbeFacts = {
  tag: string;
  type: string;
  editable: boolean;
  checked?: boolean;
  radio?: boolean;
  /** A select's options as [value, label]. */
  options?: [string, string][];
  multiple?: boolean;
};
export type ProbeResult =
  | { status: 'missing' }
  | { status: 'ready'; facts: ProbeFacts; x?: number; y?: number; offsetX?: number; offsetY?: number; clickBid?: string | null }
  | { status: 'wait' | 'fail'; reason: string; facts?: ProbeFacts };

/** The runtime for one env: `settleWindowMs` applies to documents from their first moment. */
export function pageRuntimeSource(settleWindowMs = DEFAULT_SETTLE_WINDOW_MS): string {
  return `(() => {
  const KEY = ${JSON.stringify(RUNTIME_GLOBAL)};
  if (Object.prototype.hasOwnProperty.call(window, KEY)) return;
  const BID = ${JSON.stringify(BID_ATTRIBUTE)};
  const POINTER = ${JSON.stringify(POINTER_ATTRIBUTE)};
  const SETTLE_WINDOW = ${Math.max(0, Math.round(settleWindowMs))};
  // Elements that never reach the accessibility tree: numbering them would only inflate bids.
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'META', 'LINK', 'TITLE', 'BASE']);
  const origSetTimeout = window.setTimeout;
  const wakers = new Set();
  const wake = () => { for (const w of [...wakers]) w(); };
${ACTIVITY_SOURCE}
${MARKS_SOURCE}
${PROBE_SOURCE}
  Object.defineProperty(window, KEY, { value: Object.freeze({ settle, mark, beginAction, probe, valueOf, calm }), enumerable: false });
})();`;
}
