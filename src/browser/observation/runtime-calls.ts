import type { Frame, Page } from 'playwright-core';
import { cdpFor } from './cdp-sessions.js';
import { RUNTIME_GLOBAL, type MarkResult, type ProbeIntent, type ProbeResult, type SettleResult } from './page-runtime.js';

const G = `window[${JSON.stringify(RUNTIME_GLOBAL)}]`;

/** A page's main frame, or one of its frames (iframes). */
export type Target = Page | Frame;

const isPage = (t: Target): t is Page => 'mainFrame' in t;

/**
 * Runs an expression in the main world of the page's main frame over the page's CDP session, or
 * in a child frame through Playwright (which reaches out-of-process frames too). A raw
 * Runtime.evaluate costs ~1 ms where page.evaluate costs ~3 ms (Playwright's utility world and
 * serialization), and the env calls these on every step.
 */
export async function evaluateIn<T>(target: Target, expression: string): Promise<T> {
  if (!isPage(target)) return (await target.evaluate(expression)) as T;
  const cdp = await cdpFor(target);
  const r = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) {
    const d = r.exceptionDetails;
    throw new Error(`page evaluation failed: ${d.exception?.description ?? d.text}`);
  }
  return r.result.value as T;
}

/** Kept for callers that only ever talk to a tab's main frame. */
export const evaluateInPage = <T>(page: Page, expression: string): Promise<T> => evaluateIn<T>(page, expression);

/** Installs the page runtime in the current document (a no-op when the init script already did). */
export async function installRuntime(target: Target, source: string): Promise<void> {
  await evaluateIn(target, source);
}

/** mark(prefix) in the document; undefined when the document has no runtime. */
export function markIn(target: Target, prefix = ''): Promise<MarkResult | undefined> {
  return evaluateIn(target, `${G} ? ${G}.mark(${JSON.stringify(prefix)}) : undefined`);
}

export type SettleAndMark = { settle: SettleResult; mark: MarkResult };

/**
 * settle() then mark() in one round trip: the common step needs both, and the marks must be taken
 * after the page went quiet. Undefined when the document has no runtime.
 */
export function settleAndMark(page: Page, quietMs: number, timeoutMs: number, frames: number, readyMs = timeoutMs): Promise<SettleAndMark | undefined> {
  const q = Math.max(0, Math.round(quietMs));
  const t = Math.max(1, Math.round(timeoutMs));
  const r = Math.max(t, Math.round(readyMs));
  return evaluateIn(page, `${G} ? ${G}.settle(${q}, ${t}, ${frames | 0}, ${r}).then((settle) => ({ settle, mark: ${G}.mark('') })) : undefined`);
}

/** Tells the document an action begins now (timers it schedules from now on are the action's). */
export function beginAction(target: Target, windowMs: number): Promise<boolean> {
  return evaluateIn(target, `${G} ? (${G}.beginAction(${Math.max(0, Math.round(windowMs))}), true) : false`);
}

export function probeIn(target: Target, bid: string, intent: ProbeIntent): Promise<ProbeResult | undefined> {
  return evaluateIn(target, `${G} ? ${G}.probe(${JSON.stringify(bid)}, ${JSON.stringify(intent)}) : undefined`);
}

export function valueIn(target: Target, bid: string): Promise<{ value: string; type: string } | null | undefined> {
  return evaluateIn(target, `${G} ? ${G}.valueOf(${JSON.stringify(bid)}) : undefined`);
}

/** Waits until nothing in the document animates, at most timeoutMs; true when calm. */
export function calmIn(target: Target, timeoutMs: number): Promise<boolean | undefined> {
  return evaluateIn(target, `${G} ? ${G}.calm(${Math.max(1, Math.round(timeoutMs))}) : undefined`);
}
