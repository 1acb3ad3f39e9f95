import type { APIResponse, BrowserContext, CDPSession, Frame, Page, Route } from 'playwright-core';
import { logger } from '../../core/logger.js';
import type { BlockedRequest } from '../../core/schemas/step-info.js';
import { cdpFor } from '../observation/cdp-sessions.js';
import { UrlGuard } from './url-policy.js';

const log = logger('browser:guard');

/** A blocked request as the env sees it: the recorded fields plus where it happened. */
export type BlockedEvent = BlockedRequest & {
  /** The tab it came from, when known (a popup's first request has none yet). */
  page: Page | undefined;
  /** A top-level navigation (of a tab or a popup): the step that caused it reports it as its error. */
  topLevel: boolean;
};

type Hooks = {
  onBlocked: (e: BlockedEvent) => void;
  /** Every allowed http(s) URL, so the env knows which origins hold state to scrub. */
  onAllowed: (url: string) => void;
};

/** Redirect hops of one chain are at most this many (Chromium's own limit is 20). */
const MAX_HOPS = 20;

/**
 * Every request of an episode goes through the UrlGuard, redirect hops included, in two layers:
 *
 * 1. Playwright's context route sees the first URL of every request of every tab, popups and
 *    iframes included, from the first one on. It does not see redirect hops (Playwright
 *    continues them unrouted), so:
 * 2. each tab has a CDP Fetch interception of its own (installed before the tab's first
 *    navigation for tabs the env opens, on adoption for popups) that sees each hop as Chromium
 *    follows it, and fails the ones the guard refuses before they are sent. It covers the tab's
 *    documents, its iframes' navigations and the subresources of frames in its process; a
 *    cross-site iframe runs in another process and gets its own interception once its document
 *    has committed.
 *
 * A popup's first navigation starts before the env has the tab, so layer 2 cannot see its hops:
 * it is fetched by Node without following redirects; a hop the guard allows becomes a client-side
 * `location.replace` (a new request, routed again), one it refuses is blocked. (Chromium treats a
 * document served that way as public, so such a popup's first page cannot reach other loopback
 * origins; later pages of the tab load normally.)
 *
 * A blocked navigation is aborted (the tab stays on its page, no browser error page); a blocked
 * subresource fails as blocked by the client. Every block is recorded with the hop it came from.
 */
export class NetworkGuard {
  readonly urls = new UrlGuard();
  private readonly guarded = new WeakMap<Page, Promise<void>>();
  private readonly ready = new WeakSet<Page>();
  private readonly clientRedirects = new Map<string, number>();
  private readonly frames = new WeakMap<Frame, Promise<void>>();
  private readonly framesReady = new WeakSet<Frame>();

  constructor(private readonly hooks: Hooks) {}

  async install(context: BrowserContext): Promise<void> {
    await context.route('**/*', (route) => this.route(route));
    await context.routeWebSocket(/.*/, (ws) => {
      const v = this.urls.check(ws.url());
      if (v.ok) {
        this.hooks.onAllowed(ws.url().replace(/^ws/, 'http'));
        ws.connectToServer();
      } else {
        this.hooks.onBlocked({ url: ws.url().slice(0, 500), method: 'GET', resourceType: 'websocket', reason: v.reason, page: undefined, topLevel: false });
        void ws.close({ code: 1008, reason: 'origin not allowed' }).catch(() => undefined);
      }
    });
  }

  /** Forgets what the previous episode did (its redirect counts). */
  reset(): void {
    this.clientRedirects.clear();
  }

  /** Installs the tab's redirect-hop interception (once); resolves when it is active. */
  guardPage(page: Page): Promise<void> {
    let p = this.guarded.get(page);
    if (!p) {
      p = this.installHopCheck(page).then(
        () => {
          this.ready.add(page);
        },
        (err: unknown) => log.debug('hop guard not installed', { err: String(err) }),
      );
      this.guarded.set(page, p);
    }
    return p;
  }

  /**
   * A cross-site iframe's own interception (its subresources run in another process, out of
   * the tab's reach); a frame in the tab's process needs none. Installed once per frame; layer 1
   * holds the frame's requests until it is in place.
   */
  guardFrame(page: Page, frame: Frame): Promise<void> {
    if (frame === page.mainFrame()) return Promise.resolve();
    let p = this.frames.get(frame);
    if (!p) {
      p = (async () => {
        let cdp: CDPSession;
        try {
          cdp = await page.context().newCDPSession(frame);
        } catch {
          return; // in the tab's process: layer 2 of the tab covers it
        }
        await this.installOn(cdp, page, undefined);
        this.framesReady.add(frame);
      })().catch((err: unknown) => log.debug('frame guard not installed', { err: String(err) }));
      this.frames.set(frame, p);
    }
    return p;
  }

  private async installHopCheck(page: Page): Promise<void> {
    const cdp = await cdpFor(page);
    const tree = await cdp.send('Page.getFrameTree');
    await this.installOn(cdp, page, tree.frameTree.frame.id);
  }

  /** Hop checks on one CDP session; `mainFrameId` tells top-level navigations of the tab apart. */
  private async installOn(cdp: CDPSession, page: Page, mainFrameId: string | undefined): Promise<void> {
    // networkId -> the URL its chain is at now: a second URL under one id is a redirect hop.
    const chains = new Map<string, string>();
    cdp.on('Fetch.requestPaused', (e) => {
      const url = e.request.url;
      const id = e.networkId;
      const previous = id === undefined ? undefined : chains.get(id);
      if (id !== undefined) {
        chains.set(id, url);
        if (chains.size > 2000) chains.delete(chains.keys().next().value!);
      }
      const hop = previous !== undefined && previous !== url;
      // First URLs are layer 1's to judge and record (with Playwright's resource types).
      const v = hop ? this.urls.check(url) : ({ ok: true } as const);
      if (v.ok) {
        if (hop && /^https?:/.test(url)) this.hooks.onAllowed(url);
        void cdp.send('Fetch.continueRequest', { requestId: e.requestId }).catch(() => undefined);
        return;
      }
      const document = e.resourceType === 'Document';
      this.hooks.onBlocked({
        url: url.slice(0, 500),
        method: e.request.method,
        resourceType: e.resourceType.toLowerCase(),
        reason: v.reason,
        redirectedFrom: (previous ?? '').slice(0, 500),
        page,
        topLevel: document && mainFrameId !== undefined && e.frameId === mainFrameId,
      });
      log.debug('blocked', { url, hop: previous !== undefined });
      void cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: document ? 'Aborted' : 'BlockedByClient' }).catch(() => undefined);
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  }

  private async route(route: Route): Promise<void> {
    const req = route.request();
    const url = req.url();
    let frame: Frame | undefined;
    try {
      frame = req.frame();
    } catch {
      // A popup's first navigation starts before its frame exists; a service worker has none.
    }
    const page = frame?.page();
    const navigation = req.isNavigationRequest();
    const topLevel = navigation && (frame === undefined || frame === page?.mainFrame());
    try {
      const v = this.urls.check(url);
      if (!v.ok) {
        this.hooks.onBlocked({ url: url.slice(0, 500), method: req.method(), resourceType: req.resourceType(), reason: v.reason, page, topLevel });
        log.debug('blocked', { url });
        await route.abort(navigation ? 'aborted' : 'blockedbyclient');
        return;
      }
      this.hooks.onAllowed(url);
      // Iframe navigations pass the tab's own interception; a popup's first one cannot.
      const hopsUnseen = navigation && (page === undefined || !this.ready.has(page));
      // A subresource of a cross-site iframe made before that frame's own interception was in
      // place (an interception added later does not apply to it) is fetched with checked hops.
      let frameUnseen = false;
      if (!navigation && frame && page && frame !== page.mainFrame() && !this.framesReady.has(frame)) {
        void this.guardFrame(page, frame);
        frameUnseen = !this.framesReady.has(frame) && (await this.isOwnProcess(page, frame));
      }
      if (hopsUnseen && /^https?:/.test(url)) await this.fetchWithoutRedirects(route, page, topLevel);
      else if (frameUnseen && /^https?:/.test(url)) await this.fetchFollowingChecked(route, page);
      else await route.continue();
    } catch (err) {
      // The page or context closed while the request waited: nothing left to route.
      log.debug('route failed', { url, err: String(err) });
      await route.abort('aborted').catch(() => undefined);
    }
  }

  private isOwnProcess(page: Page, frame: Frame): Promise<boolean> {
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

  /** Fetches a subresource in Node, following only redirects the guard allows, and hands the page the final response. */
  private async fetchFollowingChecked(route: Route, page: Page | undefined): Promise<void> {
    const req = route.request();
    let url = req.url();
    let response: APIResponse | undefined;
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
      response = await (hop === 0 ? route.fetch({ maxRedirects: 0 }) : route.fetch({ url, method: 'GET', maxRedirects: 0 }));
      const location = response.headers()['location'];
      if (response.status() < 300 || response.status() >= 400 || location === undefined) break;
      const next = new URL(location, url).href;
      const v = this.urls.check(next);
      if (!v.ok) {
        this.hooks.onBlocked({ url: next.slice(0, 500), method: req.method(), resourceType: req.resourceType(), reason: v.reason, redirectedFrom: url.slice(0, 500), page, topLevel: false });
        await route.abort('blockedbyclient');
        return;
      }
      this.hooks.onAllowed(next);
      url = next;
    }
    await route.fulfill({ response: response! });
  }

  /**
   * Fetches a navigation in Node with redirects off. A redirect the guard allows is handed to the
   * page as a client-side redirect (a fresh request, routed again); one it refuses is blocked.
   */
  private async fetchWithoutRedirects(route: Route, page: Page | undefined, topLevel: boolean): Promise<void> {
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
    if (response.status() < 300 || response.status() >= 400 || location === undefined) {
      await route.fulfill({ response });
      return;
    }
    let next: string;
    try {
      next = new URL(location, req.url()).href;
    } catch {
      await route.fulfill({ response });
      return;
    }
    const v = this.urls.check(next);
    if (!v.ok) {
      this.hooks.onBlocked({ url: next.slice(0, 500), method: 'GET', resourceType: 'document', reason: v.reason, redirectedFrom: req.url().slice(0, 500), page, topLevel });
      await route.abort('aborted');
      return;
    }
    // A client-side redirect is a new request: count them, or a redirect loop never ends.
    const seen = (this.clientRedirects.get(next) ?? 0) + 1;
    this.clientRedirects.set(next, seen);
    if (seen > MAX_HOPS) {
      await route.abort('failed');
      return;
    }
    const body = `<!doctype html><meta http-equiv="refresh" content="0;url=${escapeAttribute(next)}"><script>location.replace(${JSON.stringify(next).replace(/</g, '\\u003c')})</script>`;
    await route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body });
  }
}

/** Whether a frame runs in its own renderer process (a cross-site iframe). */
const ownProcess = new WeakMap<Frame, Promise<boolean>>();

function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
