import type { Page } from 'playwright-core';
import { cdpFor } from './cdp-sessions.js';
import { PAGE_RUNTIME_SOURCE, RUNTIME_GLOBAL, type MarkResult, type SettleResult } from './page-runtime.js';

const G = `window[${JSON.stringify(RUNTIME_GLOBAL)}]`;

/**
 * Runs an expression in the page's main world over the page's CDP session. A raw
 * Runtime.evaluate costs ~1 ms where page.evaluate costs ~3 ms (Playwright's utility world and
 * serialization), and the env calls these on every step.
 */
export async function evaluateInPage<T>(page: Page, expression: string): Promise<T> {
  const cdp = await cdpFor(page);
  const r = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) {
    const d = r.exceptionDetails;
    throw new Error(`page evaluation failed: ${d.exception?.description ?? d.text}`);
  }
  return r.result.value as T;
}

/** Installs the page runtime in the current document (a no-op when the init script already did). */
export async function installRuntime(page: Page): Promise<void> {
  await evaluateInPage(page, PAGE_RUNTIME_SOURCE);
}

/** mark() in the page; undefined when the document has no runtime. */
export function markPage(page: Page): Promise<MarkResult | undefined> {
  return evaluateInPage(page, `${G} ? ${G}.mark() : undefined`);
}

export type SettleAndMark = { settle: SettleResult; mark: MarkResult };

/**
 * settle() then mark() in one round trip: the common step needs both, and the marks must be taken
 * after the page went quiet. Undefined when the document has no runtime.
 */
export function settleAndMark(page: Page, quietMs: number, timeoutMs: number, frames: number): Promise<SettleAndMark | undefined> {
  const q = Math.max(0, Math.round(quietMs));
  const t = Math.max(1, Math.round(timeoutMs));
  return evaluateInPage(page, `${G} ? ${G}.settle(${q}, ${t}, ${frames | 0}).then((settle) => ({ settle, mark: ${G}.mark() })) : undefined`);
}
