import type { APIResponse, Frame, Page, Route } from 'playwright-core';
import { logger } from '../../core/logger.js';
import type { BlockedRequest } from '../../core/schemas/step-info.js';
import type { UrlGuard } from './url-policy.js';

const log = logger('browser:guard');

/** What the Node-side fetches need: the guard, and where allowed and blocked URLs are reported. */
export type Checked = { urls: UrlGuard; onAllowed: (url: string) => void; onBlocked: (b: BlockedRequest) => void };

/**
 * A navigation the tab's own interception cannot see yet (a popup's first one), fetched in Node
 * with redirects off. A redirect the guard allows is handed to the page as a client-side
 * redirect (a fresh request, routed again); one it refuses is blocked. `clientRedirects` counts
 * them per URL, or a redirect loop would never end.
 */
export async function fetchNavigationWithoutRedirects(route: Route, c: Checked, clientRedirects: Map<string, number>, maxHops: number): Promise<void> {
  const req = route.request();
  let response: APIResponse;
  try {
    response = await route.fetch({ maxRedirects: 0 });
  } catch (err) {
    log.debug('fetch failed', { url: req.url(), err: String(err) });
    await route.abort('failed');
    return;
  }
  const location = response.headers()['location'];
  let next: string | undefined;
  try {
    next = response.status() >= 300 && response.status() < 400 && location !== undefined ? new URL(location, req.url()).href : undefined;
  } catch {
    next = undefined;
  }
  if (next === undefined) {
    await route.fulfill({ response });
    return;
  }
  const v = c.urls.check(next);
  if (!v.ok) {
    c.onBlocked({ url: next.slice(0, 500), method: 'GET', resourceType: 'document', reason: v.reason, redirectedFrom: req.url().slice(0, 500) });
    await route.abort('aborted');
    return;
  }
  const seen = (clientRedirects.get(next) ?? 0) + 1;
  clientRedirects.set(next, seen);
  if (seen > maxHops) {
    await route.abort('failed');
    return;
  }
  const body = `<!doctype html><meta http-equiv="refresh" content="0;url=${escapeAttribute(next)}"><script>location.replace(${JSON.stringify(next).replace(/</g, '\\u003c')})</script>`;
  await route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body });
}

/**
 * A subresource made before its frame had an interception of its own, fetched in Node: only
 * redirects the guard allows are followed (at most `maxHops`), and the page gets the final response.
 */
export async function fetchFollowingCheckedHops(route: Route, c: Checked, maxHops: number): Promise<void> {
  const req = route.request();
  let url = req.url();
  let response = await route.fetch({ maxRedirects: 0 });
  for (let hop = 0; hop < maxHops; hop++) {
    const location = response.headers()['location'];
    if (response.status() < 300 || response.status() >= 400 || location === undefined) break;
    const next = new URL(location, url).href;
    const v = c.urls.check(next);
    if (!v.ok) {
      c.onBlocked({ url: next.slice(0, 500), method: req.method(), resourceType: req.resourceType(), reason: v.reason, redirectedFrom: url.slice(0, 500) });
      await route.abort('blockedbyclient');
      return;
    }
    c.onAllowed(next);
    url = next;
    response = await route.fetch({ url, method: 'GET', maxRedirects: 0 });
  }
  await route.fulfill({ response });
}

const ownProcess = new WeakMap<Frame, Promise<boolean>>();

/** Whether a frame runs in its own renderer process (a cross-site iframe): only then does it have a CDP session of its own. */
export function inOwnProcess(page: Page, frame: Frame): Promise<boolean> {
  let p = ownProcess.get(frame);
  if (!p) {
    p = page
      .context()
      .newCDPSession(frame)
      .then(
        async (s) => {
          await s.detach().catch(() => undefined);
          return true;
        },
        () => false,
      );
    ownProcess.set(frame, p);
  }
  return p;
}

function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
