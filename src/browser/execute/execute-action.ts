import type { Locator, Page } from 'playwright-core';
import type { Action } from '../../core/schemas/action.js';
import { cdpFor } from '../observation/cdp-sessions.js';
import { ActionError } from './action-error.js';
import { describeActionFailure, locatorFor, probeElement } from './element.js';
import { normalizeKey } from './keys.js';

/** What the executor may touch besides the active page: the env's tabs. */
export type ExecutionContext = {
  page: Page;
  newTab(): Promise<void>;
  focusTab(index: number): Promise<void>;
  closeTab(): Promise<void>;
  /** Bound on waiting for an element to be actionable (visible, enabled, not covered). */
  actionTimeoutMs: number;
  navigationTimeoutMs: number;
};

export type ExecutionOutcome = {
  /** The action ends the episode (stop, report_infeasible). */
  done: boolean;
  /** An answer, a reason or a message to the user. */
  message?: string;
  /** Animation frames to let pass before settling: a wheel scroll starts on a later frame. */
  settleFrames: number;
};

const plain: ExecutionOutcome = { done: false, settleFrames: 0 };

/**
 * Carries out one action on the active page. Failures the agent can act on become ActionError
 * (the env shows them as lastActionError); anything else (a dead browser) propagates.
 */
export async function executeAction(ctx: ExecutionContext, action: Action): Promise<ExecutionOutcome> {
  const { page } = ctx;
  const timeout = ctx.actionTimeoutMs;
  /**
   * Runs a Playwright call on an element and words its failure for the agent. `force` is true
   * when the probe found a pointer target plainly ready (see probeElement).
   */
  const onElement = async (bid: string, verb: string, run: (el: Locator, force: boolean) => Promise<unknown>, pointer = false) => {
    const { ready } = await probeElement(page, bid, pointer);
    try {
      await run(locatorFor(page, bid), ready);
    } catch (err) {
      if (isClosedError(err)) throw err;
      // The input went in and only the wait for the navigation it started ran out: the action
      // happened, and settling waits for the page.
      if (actedThenTimedOut(err)) return plain;
      throw new ActionError(describeActionFailure(err, `${verb} on element ${bid}`));
    }
    return plain;
  };

  switch (action.type) {
    case 'click':
      return onElement(action.bid, 'click', (el, force) => el.click({ timeout, force }), true);
    case 'dblclick':
      return onElement(action.bid, 'dblclick', (el, force) => el.dblclick({ timeout, force }), true);
    case 'hover':
      return onElement(action.bid, 'hover', (el, force) => el.hover({ timeout, force }), true);
    case 'fill':
      return onElement(action.bid, 'fill', async (el) => {
        await el.fill(action.text, { timeout });
        if (action.pressEnter) await el.press('Enter', { timeout });
      });
    case 'select_option':
      // Playwright matches each string against an option's value and its label.
      return onElement(action.bid, 'select_option', (el) => el.selectOption(action.options, { timeout }));
    case 'check':
      return onElement(action.bid, 'check', (el, force) => el.check({ timeout, force }), true);
    case 'uncheck':
      return onElement(action.bid, 'uncheck', (el, force) => el.uncheck({ timeout, force }), true);
    case 'press': {
      const key = normalizeKey(action.key);
      if (action.bid !== undefined) return onElement(action.bid, 'press', (el) => el.press(key, { timeout }));
      try {
        await page.keyboard.press(key);
      } catch (err) {
        if (isClosedError(err)) throw err;
        throw new ActionError(describeActionFailure(err, `press ${JSON.stringify(action.key)}`));
      }
      return plain;
    }
    case 'focus':
      return onElement(action.bid, 'focus', (el) => el.focus({ timeout }));
    case 'clear':
      return onElement(action.bid, 'clear', (el) => el.clear({ timeout }));
    case 'scroll':
      await page.mouse.wheel(action.dx, action.dy);
      return { done: false, settleFrames: 2 };
    case 'goto':
      await navigate(page, action.url, ctx.navigationTimeoutMs);
      return plain;
    case 'go_back':
      await historyStep(page, -1, ctx.navigationTimeoutMs);
      return plain;
    case 'go_forward':
      await historyStep(page, 1, ctx.navigationTimeoutMs);
      return plain;
    case 'new_tab':
      await ctx.newTab();
      return plain;
    case 'tab_focus':
      await ctx.focusTab(action.index);
      return plain;
    case 'tab_close':
      await ctx.closeTab();
      return plain;
    case 'send_msg_to_user':
      return { done: false, message: action.text, settleFrames: 0 };
    case 'report_infeasible':
      return { done: true, message: action.reason, settleFrames: 0 };
    case 'stop':
      return action.answer === undefined ? { done: true, settleFrames: 0 } : { done: true, message: action.answer, settleFrames: 0 };
    case 'noop':
      // Waiting is what this action means (let something on the page happen), not a timing fudge.
      if (action.ms) await new Promise((r) => setTimeout(r, action.ms));
      return plain;
    default: {
      const unhandled: never = action;
      throw new Error(`no executor branch for action ${JSON.stringify(unhandled)}`);
    }
  }
}

async function navigate(page: Page, raw: string, timeout: number): Promise<void> {
  const url = absoluteUrl(raw, page.url());
  try {
    await page.goto(url, { timeout, waitUntil: 'load' });
  } catch (err) {
    if (isClosedError(err)) throw err;
    const m = err instanceof Error ? err.message : String(err);
    if (/ERR_BLOCKED_BY_CLIENT/.test(m)) throw new ActionError(`goto ${url} failed: the origin is not allowed in this episode`);
    throw new ActionError(describeActionFailure(err, `goto ${url}`));
  }
}

/**
 * Back or forward one entry. Whether there is one comes from the tab's navigation history:
 * goBack() answers null both when there is none and for a same-document or cached page.
 */
async function historyStep(page: Page, delta: -1 | 1, timeout: number): Promise<void> {
  const verb = delta < 0 ? 'go_back' : 'go_forward';
  const { currentIndex, entries } = await (await cdpFor(page)).send('Page.getNavigationHistory');
  const target = currentIndex + delta;
  // The blank page every tab starts on is not a page the agent visited.
  const blankStart = target === 0 && entries[0]?.url === 'about:blank' && entries.length > 1;
  if (target < 0 || target >= entries.length || blankStart) throw new ActionError(`${verb} failed: there is no ${delta < 0 ? 'previous' : 'next'} page in this tab`);
  try {
    await (delta < 0 ? page.goBack({ timeout, waitUntil: 'load' }) : page.goForward({ timeout, waitUntil: 'load' }));
  } catch (err) {
    if (isClosedError(err)) throw err;
    throw new ActionError(describeActionFailure(err, verb));
  }
}

const SCHEMES = new Set(['http:', 'https:', 'file:', 'data:', 'about:', 'blob:']);
/** A bare host (example.com, skyhop.localhost:8080, 127.0.0.1:9) rather than a relative path (page.html). */
const BARE_HOST = /^(localhost|\d{1,3}(\.\d{1,3}){3}|[\w-]+(\.[\w-]+)*\.(localhost|com|org|net|io|dev|app|edu|gov|info|[a-z]{2}))(:\d+)?([/?#]|$)/i;

/** An absolute URL, a bare host (given http://), or a path resolved against the current page. */
export function absoluteUrl(raw: string, base: string): string {
  const text = raw.trim();
  try {
    const u = new URL(text);
    // "skyhop.localhost:8080" parses with the scheme "skyhop.localhost:".
    if (SCHEMES.has(u.protocol)) return u.href;
  } catch {
    // not absolute
  }
  if (BARE_HOST.test(text)) return new URL(`http://${text}`).href;
  try {
    if (/^(https?|file):/.test(base)) return new URL(text, base).href;
  } catch {
    // fall through
  }
  throw new ActionError(`goto failed: ${JSON.stringify(text)} is not a URL`);
}

/** The page, context or browser is gone: not the agent's fault, the env handles it. */
export function isClosedError(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /Target (page, context or browser )?(has been )?closed|Browser has been closed|browser has disconnected|Page crashed|Target crashed|Session closed/i.test(m);
}

/** Playwright's call log says the input was dispatched before the timeout hit. */
function actedThenTimedOut(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /Timeout \d+ms exceeded/.test(m) && /(click|dblclick|tap) action done|waiting for scheduled navigations to finish/i.test(m);
}
