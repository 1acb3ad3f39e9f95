/**
 * The page runtime's probe part (see page-runtime.ts): one round trip before an element action
 * that says whether the element can take it now, and if not, why, so a hidden, covered,
 * disabled, read-only or wrong kind of element fails at once with the reason instead of after
 * Playwright's full actionability timeout. Only what may still change by itself (an element or
 * its cover mid-animation) answers 'wait'. Source text that runs inside the runtime's closure;
 * `byBid` comes from the marks part.
 *
 * The rules are Playwright's (injectedScript: visible = a non-empty box and visibility:visible;
 * enabled; editable = not readonly; the hit target at the click point is the element or inside
 * it) and its fill rules (which input types can be typed into, which take a set value).
 */
export const PROBE_SOURCE = String.raw`
  const TYPE_INTO = new Set(['', 'email', 'number', 'password', 'search', 'tel', 'text', 'url']);
  const SET_VALUE = new Set(['color', 'date', 'time', 'datetime-local', 'month', 'range', 'week']);
  const CHECKABLE_ROLES = new Set(['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio']);

  const describeEl = (el) => {
    let s = '<' + el.tagName.toLowerCase();
    if (el.id) s += ' id="' + el.id + '"';
    const cls = typeof el.className === 'string' ? el.className.trim() : '';
    if (cls) s += ' class="' + cls.slice(0, 40) + '"';
    return s + '>';
  };
  const isDisabled = (el) => (el.matches && el.matches(':disabled')) || !!(el.closest && el.closest('[aria-disabled="true"]'));
  const shown = (el) => {
    if (!el.isConnected) return 'it is no longer in the page';
    const rects = el.getClientRects();
    if (!rects.length) return 'it is not displayed (display: none on it or an ancestor)';
    const st = getComputedStyle(el);
    if (st.visibility !== 'visible') return 'it is invisible (visibility: ' + st.visibility + ')';
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return 'it has no size (' + r.width + 'x' + r.height + ')';
    return '';
  };
  const animating = (el) => {
    if (typeof document.getAnimations !== 'function') return false;
    return document.getAnimations().some((a) => a.playState === 'running' && a.effect && a.effect.target &&
      (a.effect.target === el || (a.effect.target.contains && a.effect.target.contains(el))) &&
      Number.isFinite(a.effect.getComputedTiming().endTime));
  };
  const deepHit = (x, y) => {
    let hit = document.elementFromPoint(x, y);
    while (hit && hit.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  };
  const inside = (node, el) => { for (let n = node; n; n = n.parentNode || n.host) if (n === el) return true; return false; };
  /** The form control a label (or an element inside one) stands for. */
  const controlOf = (el) => (el.tagName === 'LABEL' ? el.control : null);
  const checkable = (el) => (el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) || CHECKABLE_ROLES.has((el.getAttribute('role') || '').toLowerCase());
  const checkedOf = (el) => (el.tagName === 'INPUT' ? el.checked : el.getAttribute('aria-checked') === 'true');

  /**
   * Where a click on el lands, after scrolling it into view: 'ready' with the point, 'wait' when
   * it moves or its cover fades, else the reason it cannot be clicked.
   */
  function pointerCheck(el, needEnabled) {
    const why = shown(el);
    if (why) return { status: 'fail', reason: why };
    if (needEnabled && isDisabled(el)) return { status: 'fail', reason: 'it is disabled' };
    if (getComputedStyle(el).pointerEvents === 'none') return { status: 'fail', reason: 'it does not take pointer events (pointer-events: none)' };
    if (animating(el)) return { status: 'wait', reason: 'it is moving' };
    const first = () => {
      for (const r of el.getClientRects()) if (r.width > 0 && r.height > 0) return r;
      return el.getBoundingClientRect();
    };
    let r = first();
    let x = r.left + r.width / 2, y = r.top + r.height / 2;
    // A centre in the last pixel of the viewport is outside it for elementFromPoint (it rounds):
    // scroll such an element into view too.
    if (x < 0 || y < 0 || x >= innerWidth - 1 || y >= innerHeight - 1) {
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      r = first();
      x = r.left + r.width / 2; y = r.top + r.height / 2;
    }
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return { status: 'fail', reason: 'it is outside the visible page and cannot be scrolled into view' };
    const hit = deepHit(x, y);
    const box = el.getBoundingClientRect();
    const at = { x, y, offsetX: x - box.left, offsetY: y - box.top };
    if (hit && (inside(hit, el) || (hit.tagName === 'LABEL' && hit.control === el))) return { status: 'ready', ...at };
    if (hit && animating(hit)) return { status: 'wait', reason: 'it is covered by ' + describeEl(hit) + ', which is moving' };
    return { status: 'fail', reason: 'it is covered by ' + (hit ? describeEl(hit) : 'nothing the page can click') + ' at its centre' };
  }

  /**
   * intent: 'pointer' (click, dblclick), 'hover', 'edit' (fill, clear), 'select', 'check', 'any'.
   * facts tell the executor what it is acting on (its kind, a label's hidden control).
   */
  function probe(bid, intent) {
    const el = byBid(bid);
    if (!el) return { status: 'missing' };
    const tag = el.tagName.toLowerCase();
    const facts = { tag, type: el.tagName === 'INPUT' ? (el.type || 'text').toLowerCase() : '', editable: el.isContentEditable };
    if (intent === 'any') return { status: 'ready', facts };
    if (intent === 'edit') {
      const t = controlOf(el) || el;
      const kind = t.tagName === 'INPUT' ? (t.type || 'text').toLowerCase() : '';
      facts.type = kind;
      if (t.tagName === 'INPUT' && !TYPE_INTO.has(kind) && !SET_VALUE.has(kind)) return { status: 'fail', reason: 'an input of type "' + kind + '" cannot be filled', facts };
      if (t.tagName !== 'INPUT' && t.tagName !== 'TEXTAREA' && !t.isContentEditable) return { status: 'fail', reason: 'it is a <' + tag + '>, not an input, textarea or contenteditable element', facts };
      const why = shown(t);
      if (why) return { status: 'fail', reason: why, facts };
      if (isDisabled(t)) return { status: 'fail', reason: 'it is disabled', facts };
      if (t.readOnly || t.getAttribute('aria-readonly') === 'true') return { status: 'fail', reason: 'it is read-only', facts };
      return { status: 'ready', facts };
    }
    if (intent === 'select') {
      const t = controlOf(el) || el;
      if (t.tagName !== 'SELECT') return { status: 'fail', reason: 'it is a <' + t.tagName.toLowerCase() + '>, not a <select>', facts };
      const why = shown(t);
      if (why) return { status: 'fail', reason: why, facts };
      if (isDisabled(t)) return { status: 'fail', reason: 'it is disabled', facts };
      facts.options = [...t.options].slice(0, 1000).map((o) => [o.value, o.label]);
      facts.multiple = t.multiple;
      return { status: 'ready', facts };
    }
    if (intent === 'check') {
      // A label stands for its control; a hidden checkbox is toggled through its visible label.
      const control = controlOf(el) || el;
      if (!checkable(control)) return { status: 'fail', reason: 'it is not a checkbox or radio button', facts };
      facts.checked = checkedOf(control);
      facts.radio = control.type === 'radio' || (control.getAttribute('role') || '') === 'radio';
      if (isDisabled(control)) return { status: 'fail', reason: 'it is disabled', facts };
      let clickOn = shown(el) === '' ? el : shown(control) === '' ? control : null;
      if (!clickOn && control.labels) for (const l of control.labels) if (shown(l) === '') { clickOn = l; break; }
      if (!clickOn) return { status: 'fail', reason: shown(el), facts };
      const r = pointerCheck(clickOn, false);
      return { ...r, facts, clickBid: clickOn.getAttribute(BID) };
    }
    const r = pointerCheck(el, intent === 'pointer');
    return { ...r, facts };
  }

  /** The element's value now: what fill should have left there. */
  function valueOf(bid) {
    const el = byBid(bid);
    if (!el) return null;
    const t = controlOf(el) || el;
    if (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return { value: t.value, type: t.tagName === 'INPUT' ? (t.type || 'text').toLowerCase() : t.tagName.toLowerCase() };
    return { value: t.isContentEditable ? t.innerText : (t.textContent || ''), type: 'contenteditable' };
  }

  /** Resolves once nothing animates el (or anything at all), or after timeoutMs. */
  function calm(timeoutMs) {
    const end = performance.now() + timeoutMs;
    return new Promise((resolve) => {
      const tick = () => {
        const busy = typeof document.getAnimations === 'function' && document.getAnimations().some((a) => a.playState === 'running' && Number.isFinite(a.effect && a.effect.getComputedTiming().endTime));
        if (!busy || performance.now() >= end) return resolve(!busy);
        requestAnimationFrame(tick);
      };
      tick();
    });
  }
`;
