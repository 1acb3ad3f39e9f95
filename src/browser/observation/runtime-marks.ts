/**
 * The page runtime's bid part (see page-runtime.ts): mark(prefix) gives every element of the
 * document a stable `data-wf-bid`, kept across steps (new elements get the next number), flags
 * elements that listen for the pointer with `data-wf-pointer` (Chromium's own "clickable" verdict
 * misses hover listeners: a menu that opens on mouseenter), and reports where the viewport is and
 * which element has focus. Source text that runs inside the runtime's closure; `BID`, `POINTER`
 * and `SKIP` are defined by the caller.
 *
 * Frames follow BrowserGym (browsergym/core/javascript/frame_mark_elements.js and
 * action/utils.py get_elem_by_bid): an <iframe>/<frame> element gets a letter id (a, b, ... z,
 * aA, aB, ...), and every element inside that frame's document is numbered after the frame's
 * bid as a prefix, so "a12" is element 12 of frame "a", and "ab3" element 3 of frame "ab"
 * nested inside frame "a". The env tells each frame's runtime its prefix.
 */
export const MARKS_SOURCE = String.raw`
  let nextBid = -1;
  let prefix = null;
  // BrowserGym's IFrameIdGenerator: 'a'..'z', then 'aA', 'aB', ... (all but the first letter upper-case).
  let frameDigits = [0];
  const nextFrameId = () => {
    const chars = 'abcdefghijklmnopqrstuvwxyz';
    const r = [];
    for (let i = 0; i < frameDigits.length; i++) {
      let c = chars[frameDigits[i]];
      if (i < frameDigits.length - 1) c = c.toUpperCase();
      r.unshift(c);
    }
    for (let i = 0; ; i++) {
      if (i === frameDigits.length) { frameDigits.push(0); break; }
      if (++frameDigits[i] < chars.length) break;
      frameDigits[i] = 0;
    }
    return r.join('');
  };
  const isFrame = (el) => el.tagName === 'IFRAME' || el.tagName === 'FRAME';

  // Elements the page attached a pointer listener to, seen as it attaches them.
  const POINTER_EVENTS = new Set(['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'mouseover', 'mouseenter', 'pointerover', 'pointerenter', 'touchstart', 'contextmenu']);
  const listening = new WeakSet();
  const addListener = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (this instanceof Element && POINTER_EVENTS.has(type)) listening.add(this);
    return addListener.call(this, type, ...rest);
  };
  const listens = (el) => listening.has(el) || typeof el.onclick === 'function' || typeof el.onmousedown === 'function' || typeof el.onmouseover === 'function' || typeof el.onmouseenter === 'function';

  function forEachElement(visit) {
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (SKIP.has(el.tagName)) continue;
        visit(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (document.body) visit(document.body);
    if (document.body) walk(document.body);
  }

  function mark(framePrefix) {
    const p = framePrefix || '';
    if (prefix !== p) {
      // First marking of this document, or the frame moved: number from scratch, after any bid
      // the document arrived with (a page saved from an earlier episode).
      if (prefix !== null) forEachElement((el) => el.removeAttribute(BID));
      prefix = p;
      nextBid = 0;
      frameDigits = [0];
      forEachElement((el) => {
        const b = el.getAttribute(BID);
        if (b === null || !b.startsWith(p)) return;
        const n = Number(b.slice(p.length));
        if (Number.isInteger(n) && n >= nextBid) nextBid = n + 1;
      });
    }
    const seen = new Set();
    forEachElement((el) => {
      let b = el.getAttribute(BID);
      // A clone (cloneNode copies attributes) must not share its original's bid.
      if (b === null || seen.has(b) || !b.startsWith(p)) {
        b = p + (isFrame(el) ? nextFrameId() : String(nextBid++));
        el.setAttribute(BID, b);
      }
      seen.add(b);
      if (listens(el)) { if (!el.hasAttribute(POINTER)) el.setAttribute(POINTER, ''); }
    });
    const body = document.body;
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

  /** The element with this bid, in this document or its open shadow roots. */
  function byBid(bid) {
    const sel = '[' + BID + '="' + CSS.escape(bid) + '"]';
    const hit = document.querySelector(sel);
    if (hit) return hit;
    const stack = [document];
    while (stack.length) {
      const root = stack.pop();
      const h = root.querySelector(sel);
      if (h) return h;
      for (const e of root.querySelectorAll('*')) if (e.shadowRoot) stack.push(e.shadowRoot);
    }
    return null;
  }
`;
