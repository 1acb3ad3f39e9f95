import type { Locator, Page } from 'playwright-core';
import { NOOP_DEFAULT_MS, type Action } from '../../core/schemas/action.js';
import type { Dialogs } from '../env/dialogs.js';
import type { UrlGuard } from '../env/url-policy.js';
import type { ProbeIntent } from '../observation/page-runtime.js';
import { ActionError } from './action-error.js';
import { describeActionFailure, locate, probeReady, type Located, type Ready } from './element.js';
import { isClosedError } from './closed-error.js';
import { fillElement } from './fill.js';
import { normalizeKey } from './keys.js';
import { historyStep, navigate } from './navigation.js';
import { resolveUploads } from './upload.js';

export { absoluteUrl } from './navigation.js';
export { isClosedError } from './closed-error.js';

/** What the executor may touch besides the active page: the env's tabs, dialogs and sandbox. */
export type ExecutionContext = {
  page: Page;
  newTab(): Promise<void>;
  focusTab(index: number): Promise<void>;
  closeTab(): Promise<void>;
  /** Bound on waiting for an element that is moving, a file chooser, a key press. */
  actionTimeoutMs: number;
  navigationTimeoutMs: number;
  urls: UrlGuard;
  dialogs: Dialogs;
  /** The folder upload_file may take files from; undefined refuses uploads. */
  uploadDir: string | undefined;
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
const wheel: ExecutionOutcome = { done: false, settleFrames: 2 };

/** Actions that do not touch the page, or answer its dialog: allowed while a dialog is open. */
const DIALOG_SAFE = new Set<Action['type']>(['accept_dialog', 'dismiss_dialog', 'tab_focus', 'new_tab', 'tab_close', 'noop', 'send_msg_to_user', 'report_infeasible', 'stop']);

/**
 * Carries out one action on the active page with BrowserGym's semantics
 * (browsergym/core/action/functions.py). Failures the agent can act on become ActionError (the
 * env shows them as lastActionError), worded for the agent and raised before any timeout where
 * the page already tells why; anything else (a dead browser) propagates. An action that opens a
 * JavaScript dialog is done when the dialog opens.
 */
export async function executeAction(ctx: ExecutionContext, action: Action): Promise<ExecutionOutcome> {
  const { page, dialogs } = ctx;
  const timeout = ctx.actionTimeoutMs;
  const open = dialogs.info(page);
  if (open && !DIALOG_SAFE.has(action.type)) {
    throw new ActionError(`a JavaScript ${open.type} is open (${JSON.stringify(open.message)}): answer it with accept_dialog() or dismiss_dialog() first`);
  }

  /** Runs Playwright input and words its failure; a dialog opening means the input landed. */
  const input = async (what: string, run: () => Promise<unknown>): Promise<ExecutionOutcome> => {
    try {
      await dialogs.race(page, run());
    } catch (err) {
      if (err instanceof ActionError || isClosedError(err)) throw err;
      // The input went in and only the wait for the navigation it started ran out: the action
      // happened, and settling waits for the page.
      if (actedThenTimedOut(err)) return plain;
      throw new ActionError(describeActionFailure(err, what));
    }
    return plain;
  };
  /** Probes the element for the intent, then runs Playwright on it. */
  const onElement = async (bid: string, verb: string, intent: ProbeIntent, run: (at: Located, ready: Ready) => Promise<unknown>): Promise<ExecutionOutcome> => {
    const at = await locate(page, bid);
    const ready = await probeReady(at, intent, verb, timeout);
    return input(`${verb} on element ${bid}`, () => run(at, ready));
  };
  const mouse = page.mouse;

  switch (action.type) {
    case 'click':
    case 'dblclick': {
      const opts = { timeout, force: true, ...(action.button ? { button: action.button } : {}), ...(action.modifiers ? { modifiers: action.modifiers } : {}) };
      return onElement(action.bid, action.type, 'pointer', ({ locator }) => (action.type === 'click' ? locator.click(opts) : locator.dblclick(opts)));
    }
    case 'hover':
      return onElement(action.bid, 'hover', 'hover', ({ locator }) => locator.hover({ timeout, force: true }));
    case 'fill':
      return onElement(action.bid, 'fill', 'edit', (at, ready) => fillElement(at, ready, action, timeout));
    case 'select_option':
      return onElement(action.bid, 'select_option', 'select', ({ locator }, ready) => {
        checkOptions(action.bid, action.options, ready);
        return locator.selectOption(action.options, { timeout, force: true });
      });
    case 'check':
    case 'uncheck':
      return onElement(action.bid, action.type, 'check', (at, ready) => setChecked(page, at, ready, action.type === 'check', timeout));
    case 'press': {
      const key = normalizeKey(action.key);
      if (action.bid !== undefined) return onElement(action.bid, 'press', 'any', ({ locator }) => locator.press(key, { timeout }));
      return input(`press ${JSON.stringify(action.key)}`, () => page.keyboard.press(key));
    }
    case 'focus':
      return onElement(action.bid, 'focus', 'any', ({ locator }) => locator.focus({ timeout }));
    case 'clear':
      return onElement(action.bid, 'clear', 'edit', ({ locator }) => locator.clear({ timeout, force: true }));
    case 'drag_and_drop': {
      // BrowserGym: hover the source, press, hover the target, release.
      const from = await locate(page, action.fromBid);
      await probeReady(from, 'hover', 'drag_and_drop', timeout);
      const to = await locate(page, action.toBid);
      return input(`drag_and_drop from element ${action.fromBid} to element ${action.toBid}`, async () => {
        await from.locator.hover({ timeout, force: true });
        await mouse.down();
        await probeReady(to, 'hover', 'drag_and_drop', timeout);
        await to.locator.hover({ timeout, force: true });
        await mouse.up();
      });
    }
    case 'upload_file': {
      const files = resolveUploads(ctx.uploadDir, action.files);
      return onElement(action.bid, 'upload_file', 'any', async ({ locator }, ready) => {
        if (ready.facts.tag === 'input' && ready.facts.type === 'file') return locator.setInputFiles(files, { timeout });
        return chooseFiles(page, files, timeout, `clicking element ${action.bid}`, () => locator.click({ timeout, force: true }));
      });
    }
    case 'scroll':
      await mouse.wheel(action.dx, action.dy);
      return wheel;
    case 'scroll_at':
      await input(`scroll_at(${action.x}, ${action.y})`, async () => {
        await mouse.move(action.x, action.y);
        await mouse.wheel(action.dx, action.dy);
      });
      return wheel;
    case 'mouse_move':
      return input('mouse_move', () => mouse.move(action.x, action.y));
    case 'mouse_down':
    case 'mouse_up':
      return input(action.type, async () => {
        await mouse.move(action.x, action.y);
        await (action.type === 'mouse_down' ? mouse.down(action.button ? { button: action.button } : {}) : mouse.up(action.button ? { button: action.button } : {}));
      });
    case 'mouse_click':
      return input('mouse_click', () => mouse.click(action.x, action.y, action.button ? { button: action.button } : {}));
    case 'mouse_dblclick':
      return input('mouse_dblclick', () => mouse.dblclick(action.x, action.y, action.button ? { button: action.button } : {}));
    case 'mouse_drag_and_drop':
      return input('mouse_drag_and_drop', async () => {
        await mouse.move(action.fromX, action.fromY);
        await mouse.down();
        await mouse.move(action.toX, action.toY);
        await mouse.up();
      });
    case 'mouse_upload_file': {
      const files = resolveUploads(ctx.uploadDir, action.files);
      return input('mouse_upload_file', () => chooseFiles(page, files, timeout, `clicking at (${action.x}, ${action.y})`, () => mouse.click(action.x, action.y)));
    }
    case 'keyboard_down':
      return input(`keyboard_down ${JSON.stringify(action.key)}`, () => page.keyboard.down(normalizeKey(action.key)));
    case 'keyboard_up':
      return input(`keyboard_up ${JSON.stringify(action.key)}`, () => page.keyboard.up(normalizeKey(action.key)));
    case 'keyboard_type':
      return input('keyboard_type', () => page.keyboard.type(action.text));
    case 'keyboard_insert_text':
      return input('keyboard_insert_text', () => page.keyboard.insertText(action.text));
    // A page may answer a navigation with "Leave site?": then the dialog is the step's outcome.
    case 'goto':
      await dialogs.race(page, navigate(page, ctx.urls, action.url, ctx.navigationTimeoutMs));
      return plain;
    case 'go_back':
      await dialogs.race(page, historyStep(page, -1, ctx.navigationTimeoutMs));
      return plain;
    case 'go_forward':
      await dialogs.race(page, historyStep(page, 1, ctx.navigationTimeoutMs));
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
    case 'accept_dialog':
      await dialogs.answer(page, true, action.text);
      return plain;
    case 'dismiss_dialog':
      await dialogs.answer(page, false);
      return plain;
    case 'send_msg_to_user':
      return { done: false, message: action.text, settleFrames: 0 };
    case 'report_infeasible':
      return { done: true, message: action.reason, settleFrames: 0 };
    case 'stop':
      return action.answer === undefined ? { done: true, settleFrames: 0 } : { done: true, message: action.answer, settleFrames: 0 };
    case 'noop': {
      // Waiting is what this action means (let something on the page happen), not a timing fudge;
      // BrowserGym's noop() waits a second.
      const ms = action.ms ?? NOOP_DEFAULT_MS;
      if (ms > 0) await new Promise((r) => setTimeout(r, ms));
      return plain;
    }
    default: {
      const unhandled: never = action;
      throw new Error(`no executor branch for action ${JSON.stringify(unhandled)}`);
    }
  }
}

/** Playwright's selectOption matches each string against an option's value or label; say which are missing now. */
function checkOptions(bid: string, wanted: readonly string[], ready: Ready): void {
  const options = ready.facts.options ?? [];
  const missing = wanted.filter((w) => !options.some(([value, label]) => value === w || label === w));
  if (missing.length === 0) return;
  const offered = options.slice(0, 12).map(([, label]) => JSON.stringify(label)).join(', ');
  throw new ActionError(`select_option on element ${bid} failed: no option ${missing.map((m) => JSON.stringify(m)).join(', ')}; it offers ${offered || 'no options'}${options.length > 12 ? ', ...' : ''}`);
}

/** check / uncheck: click the box (or its visible label) when its state differs, then verify. */
async function setChecked(page: Page, at: Located, ready: Ready, want: boolean, timeout: number): Promise<void> {
  const verb = want ? 'check' : 'uncheck';
  if (ready.facts.checked === want) return;
  if (!want && ready.facts.radio) throw new ActionError(`uncheck on element ${at.bid} failed: a radio button cannot be unchecked; check another option instead`);
  const clickBid = ready.clickBid ?? at.bid;
  const target: Locator = clickBid === at.bid ? at.locator : (await locate(page, clickBid)).locator;
  await target.click({ timeout, force: true });
  const after = await probeReady(at, 'check', verb, timeout);
  if (after.facts.checked !== want) throw new ActionError(`${verb} on element ${at.bid} failed: clicking it did not change its state`);
}

/** Clicks something that should open a file chooser, and sets the files in it. */
async function chooseFiles(page: Page, files: string[], timeout: number, what: string, click: () => Promise<unknown>): Promise<void> {
  const chooser = page.waitForEvent('filechooser', { timeout });
  chooser.catch(() => undefined);
  await click();
  try {
    await (await chooser).setFiles(files, { timeout });
  } catch (err) {
    if (isClosedError(err)) throw err;
    throw new ActionError(`upload failed: ${what} opened no file chooser`);
  }
}

/** Playwright's call log says the input was dispatched before the timeout hit. */
function actedThenTimedOut(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /Timeout \d+ms exceeded/.test(m) && /(click|dblclick|tap) action done|waiting for scheduled navigations to finish/i.test(m);
}
