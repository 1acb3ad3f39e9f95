import type { Page } from 'playwright-core';
import type { UrlGuard } from '../env/url-policy.js';
import { cdpFor } from '../observation/cdp-sessions.js';
import { ActionError } from './action-error.js';
import { describeActionFailure } from './element.js';
import { isClosedError } from './closed-error.js';

/** goto: the URL is checked against the sandbox before anything is requested. */
export async function navigate(page: Page, urls: UrlGuard, raw: string, timeout: number): Promise<void> {
  const url = absoluteUrl(raw, page.url());
  const verdict = urls.check(url);
  if (!verdict.ok) throw new ActionError(`goto ${url.slice(0, 200)} refused: ${verdict.reason}`);
  try {
    await page.goto(url, { timeout, waitUntil: 'load' });
  } catch (err) {
    if (isClosedError(err)) throw err;
    const m = err instanceof Error ? err.message : String(err);
    if (/ERR_BLOCKED_BY_CLIENT|ERR_ABORTED/.test(m)) throw new ActionError(`goto ${url} failed: the navigation was blocked`);
    throw new ActionError(describeActionFailure(err, `goto ${url}`));
  }
}

/**
 * Back or forward one entry. Whether there is one comes from the tab's navigation history:
 * goBack() answers null both when there is none and for a same-document or cached page.
 */
export async function historyStep(page: Page, delta: -1 | 1, timeout: number): Promise<void> {
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

const SCHEMES = new Set(['http:', 'https:', 'file:', 'data:', 'about:', 'blob:', 'javascript:', 'chrome:', 'devtools:', 'view-source:', 'chrome-untrusted:', 'chrome-extension:', 'filesystem:']);
/** A bare host (example.com, skyhop.localhost:8080, 127.0.0.1:9) rather than a relative path (page.html). */
const BARE_HOST = /^(localhost|\d{1,3}(\.\d{1,3}){3}|[\w-]+(\.[\w-]+)*\.(localhost|com|org|net|io|dev|app|edu|gov|info|[a-z]{2}))(:\d+)?([/?#]|$)/i;

/** An absolute URL, a bare host (given http://), or a path resolved against the current page. */
export function absoluteUrl(raw: string, base: string): string {
  const text = raw.trim();
  try {
    const u = new URL(text);
    // "skyhop.localhost:8080" parses with the scheme "skyhop.localhost:".
    if (SCHEMES.has(u.protocol.toLowerCase())) return text.toLowerCase().startsWith('javascript:') || u.protocol === 'view-source:' ? text : u.href;
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
