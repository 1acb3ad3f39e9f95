import type { Locator, Page } from 'playwright-core';
import { BID_ATTRIBUTE } from '../observation/page-runtime.js';
import { evaluateInPage } from '../observation/runtime-calls.js';
import { ActionError } from './action-error.js';

const BID_SHAPE = /^[A-Za-z0-9_-]{1,32}$/;

/** The element an action names; `first()` because a page script may clone a marked element. */
export function locatorFor(page: Page, bid: string): Locator {
  return page.locator(`[${BID_ATTRIBUTE}="${bid}"]`).first();
}

/**
 * One page round trip before acting on an element. It answers whether the bid exists (a stale or
 * invented bid fails at once instead of after the action timeout) and, for pointer actions,
 * whether the element is plainly ready: rendered, enabled, not animating, and the topmost
 * element at its centre once scrolled into view. Then Playwright may click without its own
 * actionability checks, whose "stable" test alone waits two animation frames (~30 ms of a
 * ~45 ms click here). Anything doubtful takes Playwright's full path, which waits and words
 * the error (covered, disabled, hidden).
 */
export async function probeElement(page: Page, bid: string, pointer: boolean): Promise<{ ready: boolean }> {
  if (!BID_SHAPE.test(bid)) throw new ActionError(`element ${JSON.stringify(bid)} not found: a bid is the number in brackets, e.g. 12`);
  const r = await evaluateInPage<'missing' | 'ready' | 'check'>(page, probeSource(bid, pointer));
  if (r === 'missing') throw new ActionError(`element ${bid} not found`);
  return { ready: r === 'ready' };
}

function probeSource(bid: string, pointer: boolean): string {
  return `(() => {
    const el = document.querySelector('[${BID_ATTRIBUTE}="${bid}"]') || (() => {
      // Open shadow roots are searched too (the marks reach into them).
      const stack = [document];
      while (stack.length) {
        const root = stack.pop();
        const hit = root.querySelector('[${BID_ATTRIBUTE}="${bid}"]');
        if (hit) return hit;
        for (const e of root.querySelectorAll('*')) if (e.shadowRoot) stack.push(e.shadowRoot);
      }
      return null;
    })();
    if (!el) return 'missing';
    if (!${pointer}) return 'check';
    if (el.matches(':disabled') || el.closest('[aria-disabled="true"]')) return 'check';
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.pointerEvents === 'none') return 'check';
    if (document.getAnimations().some((a) => a.playState === 'running' && a.effect && a.effect.target && (a.effect.target === el || a.effect.target.contains(el)))) return 'check';
    let r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return 'check';
    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      r = el.getBoundingClientRect();
    }
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    let hit = document.elementFromPoint(x, y);
    while (hit && hit.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    for (let n = hit; n; n = n.parentNode || n.host) if (n === el) return 'ready';
    return 'check';
  })()`;
}

/**
 * A short, agent-facing reason out of a Playwright error: its first line plus the last line of
 * its call log that says why (covered, hidden, disabled, not a select), without the stack.
 */
export function describeActionFailure(err: unknown, what: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const lines = message.split('\n').map((l) => l.trim());
  const head = (lines[0] ?? '').replace(/^\w+\.\w+: /, '');
  const reasons = lines.filter((l) =>
    /intercepts pointer events|not visible|not enabled|not editable|not stable|outside of the viewport|detached|not a <select>|did not find some options|not an <input>|not a checkbox|cannot be checked|did not change its state/i.test(l),
  );
  const reason = reasons.at(-1)?.replace(/^- /, '');
  return `${what} failed: ${head}${reason && !head.includes(reason) ? ` (${reason})` : ''}`.replace(/\s+/g, ' ').trim();
}
