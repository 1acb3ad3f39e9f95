// BookingArena widgets: autocomplete, calendar, steppers, live totals, banners, and results at
// scale (load more, infinite scroll, accordions, the filters dialog, tabs).
// Plain DOM code, no framework: every page also works without it.
(function () {
  'use strict';
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var MONTHS = ['January','February','March','April','May','June','July','August','September','October','November','December'];
  var DAYS = ['Sunday','Monday','Tuesday','Wednesday','Thursday','Friday','Saturday'];
  var TODAY = document.documentElement.getAttribute('data-today') || '2026-06-01';
  var HORIZON = Number(document.documentElement.getAttribute('data-horizon') || '60');

  // Readiness: what is still working says aria-busy="true" until it is done, so a person's screen
  // reader, a test or an agent's browser waits for it instead of reading a half-made page: the
  // suggestions of an autocomplete while they load, the whole document once it is being left
  // (a form submitted, a link followed) until the next page replaces it.
  var root = document.documentElement;
  function leaving() { root.setAttribute('aria-busy', 'true'); }
  document.addEventListener('submit', function (e) { if (!e.defaultPrevented) leaving(); });
  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || !(e.target instanceof Element)) return;
    var a = e.target.closest('a[href]');
    if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
    var u = new URL(a.href, location.href);
    if (u.origin !== location.origin || (u.pathname === location.pathname && u.search === location.search && u.hash !== '')) return;
    leaving();
  });
  // A page shown again from the back-forward cache is not leaving any more.
  window.addEventListener('pageshow', function () { root.removeAttribute('aria-busy'); });

  // Autocomplete: a combobox whose listbox is filled from /api/suggest.
  $$('[data-ac]').forEach(function (box) {
    var input = $('input', box);
    var list = $('[role=listbox]', box);
    var source = box.getAttribute('data-ac');
    var active = -1;
    var seq = 0;
    function close() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; }
    function choose(li) { input.value = li.getAttribute('data-label'); close(); input.dispatchEvent(new Event('change', { bubbles: true })); }
    function render(items) {
      list.innerHTML = '';
      items.forEach(function (it, i) {
        var li = document.createElement('li');
        li.id = input.id + '-opt-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('data-label', it.label);
        li.textContent = it.label;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(li); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    }
    function ready(items) { render(items); list.removeAttribute('aria-busy'); }
    input.addEventListener('input', function () {
      var q = input.value.trim();
      var mine = ++seq;
      if (q.length < 1) { ready([]); return; }
      list.setAttribute('aria-busy', 'true');
      fetch('/api/suggest?source=' + encodeURIComponent(source) + '&q=' + encodeURIComponent(q))
        .then(function (r) { return r.json(); })
        .then(function (items) { if (mine === seq) ready(items); })
        .catch(function () { if (mine === seq) ready([]); });
    });
    input.addEventListener('keydown', function (e) {
      var opts = $$('[role=option]', list);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!opts.length) return;
        e.preventDefault();
        active = (active + (e.key === 'ArrowDown' ? 1 : -1) + opts.length) % opts.length;
        opts.forEach(function (o, i) { o.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
        input.setAttribute('aria-activedescendant', opts[active].id);
      } else if (e.key === 'Enter' && active >= 0 && opts[active]) {
        e.preventDefault();
        choose(opts[active]);
      } else if (e.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 0); });
  });

  // Calendar pop-up for date fields.
  function iso(y, m, d) { return y + '-' + String(m + 1).padStart(2, '0') + '-' + String(d).padStart(2, '0'); }
  function parse(s) { var p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || ''); return p ? { y: +p[1], m: +p[2] - 1 } : null; }
  function dayIndex(s) { return Math.round((Date.parse(s + 'T00:00:00Z') - Date.parse(TODAY + 'T00:00:00Z')) / 86400000); }
  $$('[data-cal]').forEach(function (btn) {
    var input = document.getElementById(btn.getAttribute('data-cal'));
    var label = btn.getAttribute('aria-label').replace(/^Open calendar for /, '');
    var dialog = null;
    function closeCal() { if (dialog) { dialog.remove(); dialog = null; btn.setAttribute('aria-expanded', 'false'); } }
    function draw(view) {
      dialog.innerHTML = '';
      var head = document.createElement('div');
      head.className = 'cal-head';
      var prev = document.createElement('button'); prev.type = 'button'; prev.textContent = 'Previous month';
      var next = document.createElement('button'); next.type = 'button'; next.textContent = 'Next month';
      var title = document.createElement('h2'); title.textContent = MONTHS[view.m] + ' ' + view.y;
      prev.onclick = function () { draw(view.m === 0 ? { y: view.y - 1, m: 11 } : { y: view.y, m: view.m - 1 }); };
      next.onclick = function () { draw(view.m === 11 ? { y: view.y + 1, m: 0 } : { y: view.y, m: view.m + 1 }); };
      head.append(prev, title, next);
      var note = document.createElement('p');
      note.className = 'cal-today';
      var t = TODAY.split('-');
      note.textContent = 'Today is ' + DAYS[new Date(Date.UTC(+t[0], +t[1] - 1, +t[2])).getUTCDay()] + ', ' + MONTHS[+t[1] - 1] + ' ' + (+t[2]) + ', ' + t[0] + '.';
      head.append(note);
      var grid = document.createElement('div');
      grid.className = 'cal-grid';
      grid.setAttribute('role', 'group');
      grid.setAttribute('aria-label', MONTHS[view.m] + ' ' + view.y);
      var first = new Date(Date.UTC(view.y, view.m, 1)).getUTCDay();
      for (var i = 0; i < first; i++) grid.appendChild(document.createElement('span'));
      var days = new Date(Date.UTC(view.y, view.m + 1, 0)).getUTCDate();
      for (var d = 1; d <= days; d++) {
        var value = iso(view.y, view.m, d);
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = String(d);
        var dow = new Date(Date.UTC(view.y, view.m, d)).getUTCDay();
        b.setAttribute('aria-label', DAYS[dow] + ', ' + MONTHS[view.m] + ' ' + d + ', ' + view.y);
        var k = dayIndex(value);
        if (k < 0 || k >= HORIZON) b.disabled = true;
        if (k === 0) { b.setAttribute('aria-current', 'date'); b.className = 'today'; b.setAttribute('aria-label', b.getAttribute('aria-label') + ' (today)'); }
        if (value === input.value) b.setAttribute('aria-pressed', 'true');
        (function (v) { b.onclick = function () { input.value = v; input.dispatchEvent(new Event('change', { bubbles: true })); closeCal(); input.focus(); }; })(value);
        grid.appendChild(b);
      }
      dialog.append(head, grid);
    }
    btn.setAttribute('aria-expanded', 'false');
    btn.addEventListener('click', function () {
      if (dialog) { closeCal(); return; }
      dialog = document.createElement('div');
      dialog.className = 'calendar';
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-label', 'Choose ' + label);
      btn.parentNode.after(dialog);
      btn.setAttribute('aria-expanded', 'true');
      draw(parse(input.value) || parse(TODAY));
    });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') closeCal(); });
  });

  // Steppers.
  $$('[data-stepper]').forEach(function (box) {
    var input = $('input', box);
    $$('[data-step]', box).forEach(function (b) {
      b.addEventListener('click', function () {
        var min = Number(input.min), max = Number(input.max);
        var v = (Number(input.value) || 0) + Number(b.getAttribute('data-step'));
        input.value = String(Math.max(min, Math.min(max, v)));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    });
  });

  // A select that follows another (drop-off time after pick-up time) until the user changes it.
  $$('select[data-follows]').forEach(function (sel) {
    var source = sel.form && sel.form.elements[sel.getAttribute('data-follows')];
    if (!source) return;
    var touched = false;
    sel.addEventListener('change', function () { touched = true; });
    source.addEventListener('change', function () { if (!touched) sel.value = source.value; });
  });

  // Filters apply as soon as they change.
  $$('form[data-autosubmit]').forEach(function (form) {
    form.addEventListener('change', function () { form.requestSubmit(); });
  });

  // Results at scale. Accordions of details: open without a script, closed (and toggled) with it.
  function accordions(root) {
    $$('[data-accordion]', root).forEach(function (box) {
      var b = $('button[aria-controls]', box);
      var panel = b && document.getElementById(b.getAttribute('aria-controls'));
      if (!panel) return;
      b.setAttribute('aria-expanded', 'false');
      panel.hidden = true;
      b.addEventListener('click', function () {
        var open = b.getAttribute('aria-expanded') !== 'true';
        b.setAttribute('aria-expanded', open ? 'true' : 'false');
        panel.hidden = !open;
      });
    });
  }
  accordions(document);

  // "Load more results" (on click) and infinite scroll (when its "Show more results" link comes
  // into view, or is scrolled past in one jump) fetch the next batch from the results' /more and
  // append it; the link itself, a plain link to the results with more shown, is the way without a
  // script or when a fetch fails. Infinite scroll waits a moment with the link in view, so that a
  // click on it (which scrolls it into view first) loads one batch rather than racing the scroll.
  $$('[data-reveal]').forEach(function (link) {
    var list = $('[data-results]');
    var status = $('.results .count');
    var infinite = link.getAttribute('data-reveal') === 'infinite';
    var loading = false;
    var timer = 0;
    function near() { var r = link.getBoundingClientRect(); return r.height > 0 && r.top < window.innerHeight; }
    function watch() {
      if (timer || loading || !near()) return;
      timer = setTimeout(function () { timer = 0; if (near()) load(false); }, 200);
    }
    function unwatch() { window.removeEventListener('scroll', watch); window.removeEventListener('resize', watch); }
    function load(byUser) {
      if (loading || !list) return;
      loading = true;
      link.setAttribute('aria-busy', 'true');
      fetch(link.getAttribute('data-more'), { headers: { accept: 'text/html' }, credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.text(); })
        .then(function (html) {
          var tpl = document.createElement('template');
          tpl.innerHTML = html;
          var chunk = tpl.content.querySelector('[data-more-chunk]');
          if (!chunk) throw new Error('no results in the response');
          var items = $$('li.listing', chunk);
          items.forEach(function (li) { list.appendChild(li); accordions(li); });
          if (status) status.textContent = chunk.getAttribute('data-status');
          var url = new URL(window.location.href);
          url.searchParams.set('shown', chunk.getAttribute('data-shown'));
          history.replaceState(history.state, '', url.pathname + url.search);
          var next = chunk.getAttribute('data-next');
          loading = false;
          link.removeAttribute('aria-busy');
          if (next) {
            link.setAttribute('href', next);
            link.setAttribute('data-more', chunk.getAttribute('data-next-more'));
            // Still in view after the batch (a tall window): load on.
            if (infinite) watch();
          } else {
            unwatch();
            var end = document.createElement('p');
            end.className = 'end-of-results';
            end.textContent = "You've reached the end of the results.";
            link.parentNode.replaceWith(end);
          }
          if (byUser && items[0]) { var a = $('h3 a, a', items[0]); if (a) a.focus(); }
        })
        .catch(function () { window.location.href = link.href; });
    }
    link.addEventListener('click', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      timer = 0;
      load(true);
    });
    if (infinite) {
      window.addEventListener('scroll', watch, { passive: true });
      window.addEventListener('resize', watch);
      watch();
    }
  });

  // The "Filters" dialog: opened by its button (a link to the page with it open, without a script),
  // closed by Cancel, Escape or a click outside; nothing applies before "Apply".
  $$('[data-open-dialog]').forEach(function (opener) {
    var backdrop = document.getElementById(opener.getAttribute('data-open-dialog'));
    if (!backdrop) return;
    var dialog = $('[role=dialog]', backdrop);
    var form = $('form', dialog);
    function controls() { return $$('input:not([type=hidden]), select, button, a[href]', dialog); }
    function open() {
      backdrop.hidden = false;
      opener.setAttribute('aria-expanded', 'true');
      var first = controls()[0];
      if (first) first.focus();
    }
    function close() {
      if (form) form.reset();
      backdrop.hidden = true;
      opener.setAttribute('aria-expanded', 'false');
      opener.focus();
    }
    opener.addEventListener('click', function (e) { e.preventDefault(); open(); });
    $$('[data-close-dialog]', backdrop).forEach(function (c) { c.addEventListener('click', function (e) { e.preventDefault(); close(); }); });
    backdrop.addEventListener('click', function (e) { if (e.target === backdrop) close(); });
    backdrop.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { e.preventDefault(); close(); return; }
      if (e.key !== 'Tab') return;
      // Keep focus inside the modal dialog.
      var c = controls();
      if (!c.length) return;
      if (e.shiftKey && document.activeElement === c[0]) { e.preventDefault(); c[c.length - 1].focus(); }
      else if (!e.shiftKey && document.activeElement === c[c.length - 1]) { e.preventDefault(); c[0].focus(); }
    });
    if (!backdrop.hidden) { var f = controls()[0]; if (f) f.focus(); }
  });

  // Tabs: arrow keys, Home and End move between them; Enter or Space opens one.
  $$('[data-tabs]').forEach(function (list) {
    var tabs = $$('[role=tab]', list);
    list.addEventListener('keydown', function (e) {
      var i = tabs.indexOf(document.activeElement);
      if (i < 0) return;
      var n = tabs.length;
      var j = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
      if (e.key === ' ') { e.preventDefault(); tabs[i].click(); return; }
      if (j < 0) return;
      e.preventDefault();
      tabs.forEach(function (t, k) { t.tabIndex = k === j ? 0 : -1; });
      tabs[j].focus();
    });
  });

  // Live total on the details form.
  $$('form[data-live-total]').forEach(function (form) {
    var out = $('#total', form);
    var fmt = new Intl.NumberFormat('en-GB', { style: 'currency', currency: form.getAttribute('data-currency') });
    function update() {
      var total = Number(form.getAttribute('data-live-total'));
      $$('input[type=checkbox][data-price]', form).forEach(function (c) { if (c.checked) total += Number(c.getAttribute('data-price')); });
      $$('.extra[data-price]', form).forEach(function (x) { total += Number(x.getAttribute('data-price')) * (Number($('input', x).value) || 0); });
      if (out) out.textContent = fmt.format(Math.round(total * 100) / 100);
    }
    form.addEventListener('change', update);
  });

  // Cookie banner and promo modal close without a page load when JS runs.
  $$('[data-dismiss]').forEach(function (el) {
    var kind = el.getAttribute('data-dismiss');
    $$('button', el).forEach(function (b) {
      b.addEventListener('click', function (e) {
        e.preventDefault();
        document.cookie = 'wf_' + kind + '=1; path=/; SameSite=Lax';
        el.remove();
      });
    });
  });
})();
