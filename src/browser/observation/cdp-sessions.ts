import type { CDPSession, Page } from 'playwright-core';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One CDP session per page, opened on first use and reused: opening one costs a round trip. */
export function cdpFor(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    // A failed open (page closing) must not be cached forever.
    s.catch(() => sessions.delete(page));
    sessions.set(page, s);
  }
  return s;
}
