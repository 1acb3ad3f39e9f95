import type { BrowserContext, CDPSession, Frame, Page, Route } from 'playwright-core';
import { logger } from '../../core/logger.js';
import type { BlockedRequest } from '../../core/schemas/step-info.js';
import { cdpFor } from '../observation/cdp-sessions.js';
import { fetchFollowingCheckedHops, fetchNavigationWithoutRedirects, inOwnProcess } from './checked-fetch.js';
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
 * How long after a request begins it may reach the route handler. A request that reaches it
 * within this long after its frame's interception came on may have begun before: it takes the
 * checked Node path (a cost paid only by a popup's or a cross-site iframe's first requests).
 */
const ROUTE_LAG_MS = 1000;

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
 * A popup and a cross-site iframe are guarded as they appear, so their first requests may begin
 * before their interception is on (one added later does not apply to a request already made):
 * those are fetched by Node with redirects off and each hop checked. A navigation's allowed
 * hop becomes a client-side `location.replace` (a new request, routed again); a subresource gets
 * the final response. (Chromium treats a document served that way as public, so a popup's first
 * page cannot reach other loopback origins; the tab's later pages load normally.)
 *
 * A blocked navigation is aborted (the tab stays on its page, no browser error page); a blocked
 * subresource fails as blocked by the client. Every block is recorded with the hop it came from.
 */
export class NetworkGuard {
  readonly urls = new UrlGuard();
  private readonly guarded = new WeakMap<Page, Promise<void>>();
  /** When each tab's (or cross-site iframe's) interception became active (performance.now()). */
  private readonly readyAt = new WeakMap<Page | Frame, number>();
  /** Tabs the env opened itself and guarded before their first request. */
  private readonly pristine = new WeakSet<Page>();
  private readonly clientRedirects = new Map<string, number>();
  private readonly frames = new WeakMap<Frame, Promise<void>>();

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

  /**
   * Installs the tab's redirect-hop interception (once); resolves when it is active. `opened`:
   * the env opened this tab and awaits this before the tab's first request.
   */
  guardPage(page: Page, opened = false): Promise<void> {
    if (opened) this.pristine.add(page);
    let p = this.guarded.get(page);
    if (!p) {
      p = this.installHopCheck(page).then(
        () => {
          this.readyAt.set(page, performance.now());
        },
        (err: unknown) => log.debug('hop guard not installed', { err: String(err) }),
      );
      this.guarded.set(page, p);
    }
    return p;
  }

  /**
   * A cross-site iframe's own interception (its subresources run in another process, out of
   * the tab's reach); a frame in the tab's process needs none. Installed once per frame.
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
        this.readyAt.set(frame, performance.now());
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
      // Layer 2 sees a request's hops only when it was active before the request began (an
      // interception added later does not apply to it). A tab the env opened is guarded before
      // its first request; a popup or a cross-site iframe is guarded as it appears, so its first
      // requests (before, or just after, its interception is on) are fetched by Node with their
      // hops checked instead. Navigations of iframes pass the tab's own interception.
      const own = !navigation && frame && page && frame !== page.mainFrame() && (await inOwnProcess(page, frame)) ? frame : undefined;
      if (own && page) void this.guardFrame(page, own);
      const covering = own ?? page;
      const since = covering === undefined ? undefined : this.readyAt.get(covering);
      const unseen = since === undefined || (!(covering === page && page !== undefined && this.pristine.has(page)) && performance.now() - since < ROUTE_LAG_MS);
      const checked = { urls: this.urls, onAllowed: this.hooks.onAllowed, onBlocked: (b: BlockedRequest) => this.hooks.onBlocked({ ...b, page, topLevel: topLevel && b.resourceType === 'document' }) };
      if (!unseen || !/^https?:/.test(url)) await route.continue();
      else if (navigation) await fetchNavigationWithoutRedirects(route, checked, this.clientRedirects, MAX_HOPS);
      else await fetchFollowingCheckedHops(route, checked, MAX_HOPS);
    } catch (err) {
      // The page or context closed while the request waited: nothing left to route.
      log.debug('route failed', { url, err: String(err) });
      await route.abort('aborted').catch(() => undefined);
    }
  }
}
