/**
 * BrowserGym's in-page marking and unmarking scripts, ported for the protocol benchmark
 * (bench/browsergym-protocol.ts). Source: ServiceNow/BrowserGym (Apache-2.0),
 * browsergym/core/src/browsergym/core/javascript/frame_mark_elements.js and
 * frame_unmark_elements.js. The logic is BrowserGym's, step for step: every standard HTML element
 * gets a `bid` (iframes a letter id, children of a frame its prefix), live value/checked written
 * as attributes, the bid pushed into aria-roledescription and aria-description (so it reaches the
 * accessibility tree), a visibility ratio from an IntersectionObserver awaited for up to 1 s, and
 * the set-of-marks flag from a hit test at each element's centre. Only the helpers moved inside
 * the function, so Playwright can evaluate it as one expression.
 */
export const FRAME_MARK_ELEMENTS = String.raw`async ([parent_bid, bid_attr_name, tags_to_mark]) => {
  async function until(f, timeout, interval = 40) {
    return new Promise((resolve, reject) => {
      const start_time = Date.now();
      if (f()) resolve();
      const wait = setInterval(() => {
        if (f()) { clearInterval(wait); resolve(); }
        else if (Date.now() - start_time > timeout) { clearInterval(wait); reject(); }
      }, interval);
    });
  }
  function elementFromPoint(x, y) {
    let dom = document, last_elem = null, elem = null;
    do { last_elem = elem; elem = dom.elementFromPoint(x, y); dom = elem?.shadowRoot; } while (dom && elem !== last_elem);
    return elem;
  }
  function whoCapturesCenterClick(element) {
    const rect = element.getBoundingClientRect();
    const x = (rect.left + rect.right) / 2, y = (rect.top + rect.bottom) / 2;
    const element_at_center = elementFromPoint(x, y);
    if (!element_at_center) return 'nobody';
    if (element_at_center === element) return 'self';
    if (element.contains(element_at_center)) return 'child';
    return 'non-descendant';
  }
  function push_bid_to_attribute(bid, elem, attr) {
    let original_content = '';
    if (elem.hasAttribute(attr)) original_content = elem.getAttribute(attr);
    elem.setAttribute(attr, 'browsergym_id_' + bid + ' ' + original_content);
  }
  class IFrameIdGenerator {
    constructor(chars = 'abcdefghijklmnopqrstuvwxyz') { this._chars = chars; this._nextId = [0]; }
    next() {
      const r = [];
      for (let i = 0; i < this._nextId.length; i++) {
        let char = this._chars[this._nextId[i]];
        if (i < this._nextId.length - 1) char = char.toUpperCase();
        r.unshift(char);
      }
      this._increment();
      return r.join('');
    }
    _increment() {
      for (let i = 0; i < this._nextId.length; i++) {
        const val = ++this._nextId[i];
        if (val < this._chars.length) return;
        this._nextId[i] = 0;
      }
      this._nextId.push(0);
    }
  }
  const html_tags = new Set(['a', 'abbr', 'acronym', 'address', 'applet', 'area', 'article', 'aside', 'audio', 'b', 'base', 'basefont', 'bdi', 'bdo', 'big', 'blockquote', 'body', 'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'data', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog', 'dir', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'legend', 'li', 'link', 'main', 'map', 'mark', 'menu', 'meta', 'meter', 'nav', 'noframes', 'noscript', 'object', 'ol', 'optgroup', 'option', 'output', 'p', 'param', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'script', 'search', 'section', 'select', 'small', 'source', 'span', 'strike', 'strong', 'style', 'sub', 'summary', 'sup', 'svg', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title', 'tr', 'track', 'tt', 'u', 'ul', 'var', 'video', 'wbr']);
  const set_of_marks_tags = new Set(['input', 'textarea', 'select', 'button', 'a', 'iframe', 'video', 'li', 'td', 'option']);
  let browsergym_first_visit = false;
  if (!('browsergym_elem_counter' in window)) {
    window.browsergym_elem_counter = 0;
    window.browsergym_frame_id_generator = new IFrameIdGenerator();
    browsergym_first_visit = true;
  }
  const elems_to_be_visited = new Set();
  const intersection_observer = new IntersectionObserver((entries) => {
    entries.forEach((entry) => {
      const elem = entry.target;
      elem.setAttribute('browsergym_visibility_ratio', Math.round(entry.intersectionRatio * 100) / 100);
      if (elems_to_be_visited.has(elem)) elems_to_be_visited.delete(elem);
    });
  }, { threshold: [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0] });
  const all_bids = new Set();
  let elements = Array.from(document.querySelectorAll('*'));
  const som_buttons = [];
  let i = 0;
  while (i < elements.length) {
    const elem = elements[i];
    if (elem.shadowRoot !== null) {
      elements = new Array(...Array.prototype.slice.call(elements, 0, i + 1), ...Array.from(elem.shadowRoot.querySelectorAll('*')), ...Array.prototype.slice.call(elements, i + 1));
    }
    i++;
    if (tags_to_mark === 'standard_html' && (!elem.tagName || !html_tags.has(elem.tagName.toLowerCase()))) continue;
    elem.setAttribute('browsergym_visibility_ratio', 0);
    elems_to_be_visited.add(elem);
    intersection_observer.observe(elem);
    if (typeof elem.value !== 'undefined') elem.setAttribute('value', elem.value);
    if (typeof elem.checked !== 'undefined') {
      if (elem.checked === true) elem.setAttribute('checked', '');
      else elem.removeAttribute('checked');
    }
    let elem_global_bid = null;
    if (elem.hasAttribute(bid_attr_name)) {
      if (browsergym_first_visit) throw new Error('Attribute ' + bid_attr_name + ' already used in element ' + elem.outerHTML);
      elem_global_bid = elem.getAttribute(bid_attr_name);
      if (all_bids.has(elem_global_bid)) elem_global_bid = null;
    }
    if (elem_global_bid === null) {
      const elem_local_id = ['iframe', 'frame'].includes(elem.tagName.toLowerCase()) ? '' + window.browsergym_frame_id_generator.next() : '' + window.browsergym_elem_counter++;
      elem_global_bid = parent_bid == '' ? '' + elem_local_id : '' + parent_bid + elem_local_id;
      elem.setAttribute(bid_attr_name, '' + elem_global_bid);
    }
    all_bids.add(elem_global_bid);
    push_bid_to_attribute(elem_global_bid, elem, 'aria-roledescription');
    push_bid_to_attribute(elem_global_bid, elem, 'aria-description');
    elem.setAttribute('browsergym_set_of_marks', '0');
    if (['self', 'child'].includes(whoCapturesCenterClick(elem))) {
      if (set_of_marks_tags.has(elem.tagName.toLowerCase()) || elem.onclick != null || window.getComputedStyle(elem).cursor == 'pointer') {
        const rect = elem.getBoundingClientRect();
        const area = (rect.right - rect.left) * (rect.bottom - rect.top);
        if (area >= 20) {
          if (som_buttons.every((button) => !button.contains(elem))) {
            let parent = elem.parentElement;
            if (!(parent && parent.tagName.toLowerCase() == 'span' && parent.children.length === 1 && parent.getAttribute('role') && parent.getAttribute('browsergym_set_of_marks') === '1')) {
              elem.setAttribute('browsergym_set_of_marks', '1');
              if (elem.matches('button, a, input[type="button"], div[role="button"]')) som_buttons.push(elem);
              while (parent) {
                if (parent.getAttribute('browsergym_set_of_marks') === '1') parent.setAttribute('browsergym_set_of_marks', '0');
                parent = parent.parentElement;
              }
            }
          }
        }
      }
    }
  }
  const warning_msgs = [];
  const visibility_marking_timeout = 1000;
  try {
    await until(() => elems_to_be_visited.size == 0, visibility_marking_timeout);
  } catch {
    warning_msgs.push('Frame marking: not all elements have been visited by the intersection_observer after ' + visibility_marking_timeout + ' ms');
  }
  intersection_observer.disconnect();
  return warning_msgs;
}`;

export const FRAME_UNMARK_ELEMENTS = String.raw`() => {
  function pop_bid_from_attribute(elem, attr) {
    const bid_regex = /^browsergym_id[^\s]*\s/;
    if (elem.hasAttribute(attr)) {
      const original_content = elem.getAttribute(attr).replace(bid_regex, '');
      if (original_content) elem.setAttribute(attr, original_content);
      else elem.removeAttribute(attr);
    }
  }
  let elements = Array.from(document.querySelectorAll('*'));
  let i = 0;
  while (i < elements.length) {
    const elem = elements[i];
    if (elem.shadowRoot !== null) {
      elements = new Array(...Array.prototype.slice.call(elements, 0, i + 1), ...Array.from(elem.shadowRoot.querySelectorAll('*')), ...Array.prototype.slice.call(elements, i + 1));
    }
    i++;
    pop_bid_from_attribute(elem, 'aria-description');
    pop_bid_from_attribute(elem, 'aria-roledescription');
  }
}`;

/** BrowserGym's page-activation script (browsergym/core/env.py, reset): every input event calls back into Python. */
export const PAGE_ACTIVATION_SCRIPT = String.raw`
window.browsergym_page_activated();
for (const t of ['focus', 'focusin', 'load', 'pageshow', 'mousemove', 'mouseup', 'mousedown', 'wheel', 'keyup', 'keydown', 'input', 'touchstart', 'touchend'])
  window.addEventListener(t, () => { window.browsergym_page_activated(); }, { capture: true });
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') window.browsergym_page_activated(); }, { capture: true });
`;
