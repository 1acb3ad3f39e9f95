/**
 * The script the env installs in every document (context.addInitScript) before any page script
 * runs. It keeps, inside the page, what only the page can know cheaply:
 *
 * - activity: the time of the last DOM mutation (MutationObserver) or scroll event, and the
 *   number of fetch/XHR requests in flight, so settle() resolves on a condition computed where
 *   the events happen instead of polling from Node;
 * - bids: mark() gives every element a stable `data-wf-bid` (kept across steps, new elements get
 *   the next number) and reports where the viewport is and which element has focus.
 *
 * It is a string, not a function, on purpose: a function's source after a TypeScript transform
 * can reference helpers (e.g. esbuild's `__name`) that do not exist in the page.
 */
export const BID_ATTRIBUTE = 'data-wf-bid';

/** The global the runtime lives under; non-enumerable so `for (k in window)` does not see it. */
export const RUNTIME_GLOBAL = '__webfoundry';

export type MarkResult = {
  url: string;
  title: string;
  focusedBid: string | null;
  scroll: { x: number; y: number; viewportWidth: number; viewportHeight: number; pageWidth: number; pageHeight: number };
};

/** `popups`: tabs the document asked to open since the last settle. */
export type SettleResult = { settled: boolean; busy: string; popups: number };

export const PAGE_RUNTIME_SOURCE = `(() => {
  const KEY = ${JSON.stringify(RUNTIME_GLOBAL)};
  if (Object.prototype.hasOwnProperty.call(window, KEY)) return;
  const BID = ${JSON.stringify(BID_ATTRIBUTE)};
  // Elements that never reach the accessibility tree: numbering them would only inflate bids.
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'META', 'LINK', 'TITLE', 'BASE']);
  let lastActivity = performance.now();
  let inflight = 0;
  let nextBid = -1;
  const wakers = new Set();
  const wake = () => { for (const w of [...wakers]) w(); };
  const bump = () => { lastActivity = performance.now(); wake(); };

  new MutationObserver((records) => {
    for (const r of records) {
      // Our own bid marking is not page activity.
      if (r.type === 'attributes' && r.attributeName === BID) continue;
      bump();
      return;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('scroll', bump, { capture: true, passive: true });
  addEventListener('load', wake);
  // A navigation away has begun (link, form submit, location change): this document is about to
  // go, so it is not settled. Bounded, because a navigation can turn into a download and never
  // replace the document; past the bound Playwright's view of the document request takes over.
  let navigatingSince = -1;
  addEventListener('beforeunload', () => { navigatingSince = performance.now(); wake(); });
  const navigating = () => navigatingSince >= 0 && performance.now() - navigatingSince < 1500;

  const done = () => { inflight--; bump(); };
  const origFetch = window.fetch;
  if (typeof origFetch === 'function') {
    window.fetch = function (...args) {
      inflight++;
      let p;
      try { p = origFetch.apply(this, args); } catch (e) { done(); throw e; }
      p.then(done, done);
      return p;
    };
  }
  const XHR = window.XMLHttpRequest;
  if (XHR) {
    const send = XHR.prototype.send;
    XHR.prototype.send = function (...args) {
      inflight++;
      this.addEventListener('loadend', done, { once: true });
      try { return send.apply(this, args); } catch (e) { this.removeEventListener('loadend', done); done(); throw e; }
    };
  }

  // Tabs this document asked to open (window.open, a target=_blank link): the env waits for them.
  let popups = 0;
  const open = window.open;
  if (typeof open === 'function') {
    window.open = function (...args) { popups++; return open.apply(this, args); };
  }
  addEventListener('click', (e) => {
    // Bubble phase on window: page handlers have run and had their chance to preventDefault.
    if (e.defaultPrevented || !(e.target instanceof Element)) return;
    const a = e.target.closest('a[href][target]');
    const t = a && a.getAttribute('target').toLowerCase();
    if (t && t !== '_self' && t !== '_parent' && t !== '_top' && !document.querySelector('iframe[name="' + CSS.escape(t) + '"]')) popups++;
  });
  const takePopups = () => { const n = popups; popups = 0; return n; };

  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

  function settle(quietMs, timeoutMs, frames) {
    const start = performance.now();
    return new Promise(async (resolve) => {
      // Some effects (a wheel scroll) only start on a later frame: let them begin first.
      for (let i = 0; i < frames; i++) await frame();
      let timer = 0;
      const check = () => {
        clearTimeout(timer);
        const now = performance.now();
        const loading = document.readyState !== 'complete' || navigating();
        const idleFor = now - lastActivity;
        if (!loading && inflight === 0 && idleFor >= quietMs) return finish({ settled: true, busy: '', popups: takePopups() });
        if (now - start >= timeoutMs) {
          return finish({ settled: false, busy: loading ? 'loading' : inflight > 0 ? inflight + ' requests' : 'DOM changes', popups: takePopups() });
        }
        // Woken early by activity or a finished request; otherwise when the quiet window or the timeout ends.
        const left = timeoutMs - (now - start);
        const wait = navigating() ? Math.min(left, 1500 - (now - navigatingSince)) : loading || inflight > 0 ? left : Math.min(quietMs - idleFor, left);
        timer = setTimeout(check, Math.max(1, wait));
      };
      const finish = (r) => { wakers.delete(check); clearTimeout(timer); resolve(r); };
      wakers.add(check);
      // One macrotask first: timers the action scheduled with setTimeout(0) run before we look.
      timer = setTimeout(check, 0);
    });
  }

  function mark() {
    const seen = new Set();
    if (nextBid < 0) {
      // A document may arrive with bids (saved from an earlier episode): continue after them.
      nextBid = 0;
      for (const el of document.querySelectorAll('[' + BID + ']')) {
        const n = Number(el.getAttribute(BID));
        if (Number.isInteger(n) && n >= nextBid) nextBid = n + 1;
      }
    }
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (SKIP.has(el.tagName)) continue;
        let b = el.getAttribute(BID);
        // A clone (cloneNode copies attributes) must not share its original's bid.
        if (b === null || seen.has(b)) { b = String(nextBid++); el.setAttribute(BID, b); }
        seen.add(b);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    const body = document.body;
    if (body) {
      if (!body.hasAttribute(BID)) body.setAttribute(BID, String(nextBid++));
      seen.add(body.getAttribute(BID));
      visit(body);
    }
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    const focusedBid = active && active !== body && active !== document.documentElement ? active.getAttribute(BID) : null;
    const se = document.scrollingElement || document.documentElement;
    return {
      url: location.href,
      title: document.title,
      focusedBid,
      scroll: {
        x: scrollX, y: scrollY, viewportWidth: innerWidth, viewportHeight: innerHeight,
        pageWidth: se ? se.scrollWidth : innerWidth, pageHeight: se ? se.scrollHeight : innerHeight,
      },
    };
  }

  Object.defineProperty(window, KEY, { value: Object.freeze({ settle, mark }), enumerable: false });
})();`;
