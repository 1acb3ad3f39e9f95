import type { Frame, Locator, Page } from 'playwright-core';
import { frameOfBid, framePrefixes } from '../observation/frames.js';
import { BID_ATTRIBUTE, type ProbeFacts, type ProbeIntent } from '../observation/page-runtime.js';
import { calmIn, probeIn, type Target } from '../observation/runtime-calls.js';
import { ActionError } from './action-error.js';
import { plainText } from './plain-text.js';

const BID_SHAPE = /^[A-Za-z0-9_-]{1,32}$/;

/** Where an element lives: the document to ask (the tab, or an iframe) and a locator for Playwright. */
export type Located = { bid: string; target: Target; locator: Locator };

export type Ready = { facts: ProbeFacts; clickBid?: string | null };

/**
 * The element an action names, in the tab or inside its iframes (bids carry their frame, see
 * frames.ts). `first()` because a page script may clone a marked element.
 */
export async function locate(page: Page, bid: string): Promise<Located> {
  if (!BID_SHAPE.test(bid)) throw new ActionError(`element ${JSON.stringify(bid)} not found: a bid is the id in brackets, e.g. 12`);
  const selector = `[${BID_ATTRIBUTE}="${bid}"]`;
  if (framePrefixes(bid).length === 0) return { bid, target: page, locator: page.locator(selector).first() };
  const frame: Frame | undefined = await frameOfBid(page, bid);
  if (!frame) throw new ActionError(`element ${bid} not found (its frame is gone)`);
  return { bid, target: frame, locator: frame.locator(selector).first() };
}

/**
 * One page round trip that says whether the element can take the action now (see
 * runtime-probe.ts). A missing, hidden, covered, disabled, read-only or wrong kind of element
 * fails at once with the reason; only an element (or its cover) that is moving is waited for,
 * until it stops or `timeoutMs` passes.
 */
export async function probeReady(at: Located, intent: ProbeIntent, verb: string, timeoutMs: number): Promise<Ready> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const r = await probeIn(at.target, at.bid, intent);
    if (r === undefined || r.status === 'missing') throw new ActionError(`element ${at.bid} not found`);
    if (r.status === 'ready') return { facts: r.facts, ...(r.clickBid !== undefined ? { clickBid: r.clickBid } : {}) };
    if (r.status === 'fail' || performance.now() >= deadline) throw new ActionError(`${verb} on element ${at.bid} failed: ${r.reason}`);
    await calmIn(at.target, Math.max(1, deadline - performance.now()));
  }
}

/**
 * A short, agent-facing reason out of a Playwright error: its first line plus the last line of
 * its call log that says why (covered, hidden, disabled, not a select), without the stack and
 * without terminal colour codes.
 */
export function describeActionFailure(err: unknown, what: string): string {
  const message = plainText(err instanceof Error ? err.message : String(err));
  const lines = message.split('\n').map((l) => l.trim());
  const head = (lines[0] ?? '').replace(/^\w+\.\w+: /, '');
  const reasons = lines.filter((l) =>
    /intercepts pointer events|not visible|not enabled|not editable|not stable|outside of the viewport|detached|not a <select>|did not find some options|not an <input>|not a checkbox|cannot be checked|did not change its state|Malformed value/i.test(l),
  );
  const reason = reasons.at(-1)?.replace(/^- /, '');
  return `${what} failed: ${head}${reason && !head.includes(reason) ? ` (${reason})` : ''}`.replace(/\s+/g, ' ').trim();
}
