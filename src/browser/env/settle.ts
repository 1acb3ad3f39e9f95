import type { Page } from 'playwright-core';
import type { MarkResult } from '../observation/page-runtime.js';
import { installRuntime, settleAndMark } from '../observation/runtime-calls.js';
import type { Dialogs } from './dialogs.js';
import type { NetworkTracker } from './network-tracker.js';

export type SettleOptions = {
  /** The DOM must have been still this long (no mutation, no scroll event). */
  quietMs: number;
  /** Give up waiting after this long; the step still returns, with info.settled false. */
  timeoutMs: number;
  /**
   * How long a page that declared itself busy (aria-busy) since the action is waited for, and
   * the page a navigation leads to (>= timeoutMs; default timeoutMs).
   */
  readyTimeoutMs?: number;
  /** The page runtime, for documents the init script did not reach. */
  runtimeSource: string;
};

/**
 * `opened`/`doc`: tabs the settled document asked to open so far (the env compares with the tabs
 * it has seen). `dialog`: a JavaScript dialog opened; the page is blocked until it is answered.
 */
export type SettleOutcome = { settled: boolean; mark?: MarkResult; opened: number; doc: string; dialog?: true };

/**
 * Waits until the active page is done: its document loaded, no fetch/XHR in flight (counted in
 * the page), no other request in flight (counted by Playwright's events), no DOM mutation for
 * `quietMs`, and no timer or animation the action started still due (see runtime-activity.ts),
 * all decided inside the page where the events happen. A navigation that replaces the document
 * mid-wait restarts the wait on the new document; a dialog ends it (the page is frozen until the
 * agent answers). Returns the bid marks taken right after, so observing costs no extra round trip.
 */
export async function settle(page: Page, network: NetworkTracker, dialogs: Dialogs, opts: SettleOptions, frames = 0): Promise<SettleOutcome> {
  const start = performance.now();
  let deadline = start + opts.timeoutMs;
  const readyDeadline = start + Math.max(opts.timeoutMs, opts.readyTimeoutMs ?? 0);
  let installed = false;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) return { settled: false, opened: 0, doc: '' };
    if (dialogs.isOpen(page)) return { settled: true, opened: 0, doc: '', dialog: true };
    let raced;
    try {
      raced = await dialogs.race(page, settleAndMark(page, opts.quietMs, left, frames, readyDeadline - performance.now()));
    } catch (err) {
      if (isNavigationRace(err)) {
        // The page the action led to arrived (after a wait a loaded machine may have made long):
        // it gets a whole settle window of its own, within the ready bound.
        deadline = Math.min(readyDeadline, Math.max(deadline, performance.now() + opts.timeoutMs));
        continue;
      }
      throw err;
    }
    if (raced.dialog) return { settled: true, opened: 0, doc: '', dialog: true };
    const r = raced.value;
    if (!r) {
      // A document the init script never ran in (the first about:blank, an error page).
      if (installed) return { settled: true, opened: 0, doc: '' };
      await installRuntime(page, opts.runtimeSource).catch(() => undefined);
      installed = true;
      continue;
    }
    const { opened, doc } = r.settle;
    if (!r.settle.settled) return { settled: false, mark: r.mark, opened, doc };
    if (network.busy() > 0) {
      if (!(await network.idle(deadline))) return { settled: false, mark: r.mark, opened, doc };
      // What the requests brought may have changed the page: look again.
      frames = 0;
      continue;
    }
    return { settled: true, mark: r.mark, opened, doc };
  }
}

/** The document went away while we evaluated in it: a navigation committed. */
export function isNavigationRace(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /Execution context was destroyed|Cannot find context|Inspected target navigated|context with specified id|navigated or closed|Promise was collected/i.test(m);
}
