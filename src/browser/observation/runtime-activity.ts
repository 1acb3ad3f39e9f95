/**
 * The page runtime's activity part (see page-runtime.ts): what "the page is done reacting" means,
 * decided inside the page where the events happen. Source text that runs inside the runtime's
 * closure; `wake`, `BID`, `origSetTimeout` and `SETTLE_WINDOW` are defined by the caller.
 *
 * Settled means: the document is loaded and not navigating away, no fetch/XHR in flight (nor the
 * reading of a response's body), no element the page declared busy, no DOM mutation or scroll
 * for `quietMs`, and nothing the last action started is still due soon:
 *
 * - a setTimeout the page scheduled within SETTLE_WINDOW ms after the action began, due within
 *   SETTLE_WINDOW ms (a debounced autocomplete, a hover menu's open delay, a toast), counting
 *   timers those timers schedule, since they are scheduled inside the window too;
 * - a finite CSS animation or transition that ends within SETTLE_WINDOW ms.
 *
 * A page declares itself busy with the standard `aria-busy="true"` (a widget loading, a document
 * about to be replaced: BookingArena's sites do both, see sites/engine/assets/app.js). An element
 * set busy since the action began is waited for until it is not, however long that takes under
 * load (up to the settle timeout); one already busy before the action (a page that never clears
 * it) is not, so a forgotten aria-busy cannot slow every step.
 *
 * setInterval, timers scheduled before the action or later than the window, and infinite
 * animations (spinners) do not count, so a page that polls forever still settles, at most
 * about 2 x SETTLE_WINDOW ms after the action. BrowserGym instead sleeps a fixed 0.5 s before
 * every observation (browsergym/core/env.py, pre_observation_delay).
 */
export const ACTIVITY_SOURCE = String.raw`
  let lastActivity = performance.now();
  const bump = () => { lastActivity = performance.now(); wake(); };
  let inflight = 0;
  // Elements the page set aria-busy="true" on since the current action began (see beginAction).
  const declaredBusy = new Set();
  new MutationObserver((records) => {
    let active = false;
    for (const r of records) {
      // Our own marking is not page activity.
      if (r.type === 'attributes' && (r.attributeName === BID || r.attributeName === POINTER)) continue;
      if (r.type === 'attributes' && r.attributeName === 'aria-busy' && r.target.getAttribute('aria-busy') === 'true') declaredBusy.add(r.target);
      active = true;
    }
    if (active) bump();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const busyDeclared = () => {
    for (const el of declaredBusy) {
      if (el.isConnected && el.getAttribute('aria-busy') === 'true') return true;
      declaredBusy.delete(el);
    }
    return false;
  };
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
  // Reading a fetched body is part of the request: pages render what they read right after it.
  const RESPONSE = window.Response && window.Response.prototype;
  if (RESPONSE) {
    for (const m of ['json', 'text', 'arrayBuffer', 'blob', 'formData']) {
      const read = RESPONSE[m];
      if (typeof read !== 'function') continue;
      RESPONSE[m] = function (...args) {
        inflight++;
        let p;
        try { p = read.apply(this, args); } catch (e) { done(); throw e; }
        p.then(done, done);
        return p;
      };
    }
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

  // Timers the current action caused: id -> when it is due.
  let trackFrom = 0;
  let trackWindow = SETTLE_WINDOW;
  const pendingTimers = new Map();
  const origClearTimeout = window.clearTimeout;
  window.setTimeout = function (fn, delay, ...rest) {
    const now = performance.now();
    const d = Math.max(0, Number(delay) || 0);
    if (typeof fn !== 'function' || now - trackFrom > trackWindow || d > trackWindow) return origSetTimeout.call(this, fn, delay, ...rest);
    let id = 0;
    const run = function (...a) {
      pendingTimers.delete(id);
      try { return fn.apply(this, a); } finally { wake(); }
    };
    id = origSetTimeout.call(this, run, delay, ...rest);
    pendingTimers.set(id, now + d);
    return id;
  };
  window.clearTimeout = function (id) {
    if (pendingTimers.delete(id)) wake();
    return origClearTimeout.call(this, id);
  };
  /** Called by the env right before it acts: later timers are the action's. */
  function beginAction(windowMs) {
    trackFrom = performance.now();
    trackWindow = windowMs;
    pendingTimers.clear();
    declaredBusy.clear();
  }
  /** ms until the last tracked timer is due, 0 when none is pending. */
  function timersLeft(now) {
    let last = 0;
    for (const due of pendingTimers.values()) last = Math.max(last, due - now);
    return pendingTimers.size ? Math.max(1, last) : 0;
  }
  /** ms until the last finite animation that ends within the window is over, 0 when none. */
  function animationsLeft() {
    if (typeof document.getAnimations !== 'function') return 0;
    let last = 0;
    for (const a of document.getAnimations()) {
      if (a.playState !== 'running' || !a.effect) continue;
      const t = a.effect.getComputedTiming();
      if (!Number.isFinite(t.endTime) || t.currentIteration === null) continue;
      const left = (t.endTime - (t.localTime || 0)) / Math.abs(a.playbackRate || 1);
      if (left > 0 && left <= trackWindow) last = Math.max(last, left);
    }
    return last;
  }

  // Tabs this document asked to open, since it started (window.open, target=_blank links). The
  // env compares with the popups it has seen, so a tab that is already open is never waited for.
  let opened = 0;
  // Which document the count belongs to: a navigation starts a new one.
  const DOC_ID = Math.random().toString(36).slice(2);
  const open = window.open;
  if (typeof open === 'function') {
    window.open = function (...args) { const w = open.apply(this, args); if (w) opened++; return w; };
  }
  const linkOpensTab = (e) => {
    // Bubble phase on window: page handlers have run and had their chance to preventDefault.
    if (e.defaultPrevented || !(e.target instanceof Element)) return;
    const a = e.target.closest('a[href]');
    if (!a) return;
    const t = (a.getAttribute('target') || '').toLowerCase();
    const named = t && t !== '_self' && t !== '_parent' && t !== '_top' && !document.querySelector('iframe[name="' + CSS.escape(t) + '"]');
    // Control/Meta/Shift-click and middle-click open a link in a new tab or window.
    if (named || e.ctrlKey || e.metaKey || e.shiftKey || e.button === 1) opened++;
  };
  addEventListener('click', linkOpensTab);
  addEventListener('auxclick', (e) => { if (e.button === 1) linkOpensTab(e); });

  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

  // readyMs (>= timeoutMs): how long an element declared busy since the action is waited for.
  function settle(quietMs, timeoutMs, frames, readyMs) {
    const start = performance.now();
    const readyFor = Math.max(timeoutMs, readyMs || 0);
    return new Promise(async (resolve) => {
      // Some effects (a wheel scroll) only start on a later frame: let them begin first.
      for (let i = 0; i < frames; i++) await frame();
      let timer = 0;
      const check = () => {
        origClearTimeout(timer);
        const now = performance.now();
        const loading = document.readyState !== 'complete' || navigating();
        const declared = busyDeclared();
        const idleFor = now - lastActivity;
        const timers = timersLeft(now);
        const anims = loading || inflight > 0 || timers > 0 ? 0 : animationsLeft();
        if (!loading && !declared && inflight === 0 && idleFor >= quietMs && timers === 0 && anims === 0) return finish({ settled: true, busy: '', opened, doc: DOC_ID });
        if (now - start >= (declared ? readyFor : timeoutMs)) {
          const busy = loading ? 'loading' : declared ? 'aria-busy' : inflight > 0 ? inflight + ' requests' : timers > 0 ? 'timers' : anims > 0 ? 'animations' : 'DOM changes';
          return finish({ settled: false, busy, opened, doc: DOC_ID });
        }
        // Woken early by activity (aria-busy cleared), a finished request or a timer; otherwise when what we wait for ends.
        const left = (declared ? readyFor : timeoutMs) - (now - start);
        let wait;
        if (declared) wait = left;
        else if (navigating()) wait = 1500 - (now - navigatingSince);
        else if (loading || inflight > 0) wait = left;
        else wait = Math.max(quietMs - idleFor, timers, anims);
        timer = origSetTimeout(check, Math.max(1, Math.min(left, wait)));
      };
      const finish = (r) => { wakers.delete(check); origClearTimeout(timer); resolve(r); };
      wakers.add(check);
      // One macrotask first: timers the action scheduled with setTimeout(0) run before we look.
      timer = origSetTimeout(check, 0);
    });
  }
`;
