import type { Page } from 'playwright-core';
import type { MarkResult } from '../observation/page-runtime.js';
import { installRuntime, settleAndMark } from '../observation/runtime-calls.js';
import type { NetworkTracker } from './network-tracker.js';

export type SettleOptions = {
  /** The DOM must have been still this long (no mutation, no scroll event). */
  quietMs: number;
  /** Give up waiting after this long; the step still returns, with info.settled false. */
  timeoutMs: number;
};

/** `popups`: tabs the page asked to open while it settled (the env waits for them to appear). */
export type SettleOutcome = { settled: boolean; mark?: MarkResult; popups: number };

/**
 * Waits until the active page is done: its document loaded, no fetch/XHR in flight (counted in
 * the page), no other request in flight (counted by Playwright's events), and no DOM mutation
 * for `quietMs`, all decided inside the page where the events happen. A navigation that replaces
 * the document mid-wait just restarts the wait on the new document. Returns the bid marks taken
 * right after, so observing costs no extra round trip.
 */
export async function settle(page: Page, network: NetworkTracker, opts: SettleOptions, frames = 0): Promise<SettleOutcome> {
  const deadline = performance.now() + opts.timeoutMs;
  let installed = false;
  let popups = 0;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) return { settled: false, popups };
    let r;
    try {
      r = await settleAndMark(page, opts.quietMs, left, frames);
    } catch (err) {
      if (isNavigationRace(err)) continue;
      throw err;
    }
    if (!r) {
      // A document the init script never ran in (the first about:blank, an error page).
      if (installed) return { settled: true, popups };
      await installRuntime(page).catch(() => undefined);
      installed = true;
      continue;
    }
    popups += r.settle.popups;
    if (!r.settle.settled) return { settled: false, mark: r.mark, popups };
    if (network.busy() > 0) {
      if (!(await network.idle(deadline))) return { settled: false, mark: r.mark, popups };
      // What the requests brought may have changed the page: look again.
      frames = 0;
      continue;
    }
    return { settled: true, mark: r.mark, popups };
  }
}

/** The document went away while we evaluated in it: a navigation committed. */
function isNavigationRace(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /Execution context was destroyed|Cannot find context|Inspected target navigated|context with specified id|navigated or closed|Promise was collected/i.test(m);
}
