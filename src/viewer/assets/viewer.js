/* The viewer's pages: charts from the JSON API, and the episode timeline's controls. */
(function () {
  'use strict';
  var C = window.WfCharts;
  function getJson(url) {
    return fetch(url, { headers: { accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(url + ' answered ' + r.status);
      return r.json();
    });
  }
  function pct(x) { return Math.round(x * 1000) / 10; }

  function overview(el) {
    getJson(el.getAttribute('data-overview-api')).then(function (o) {
      var sites = Object.keys(o.bySite);
      C.bar(document.getElementById('chart-csr-hist'), { labels: o.csrBins, datasets: [{ label: 'episodes', data: o.overall.csrHistogram }], legend: false, catTitle: 'final CSR', valueTitle: 'episodes' });
      C.bar(document.getElementById('chart-sites'), {
        labels: sites,
        datasets: [
          { label: 'SR %', data: sites.map(function (s) { return pct(o.bySite[s].sr); }) },
          { label: 'CSR %', data: sites.map(function (s) { return pct(o.bySite[s].meanCsr); }) },
        ],
        max: 100,
      });
      C.bar(document.getElementById('chart-kinds'), {
        labels: sites,
        stacked: true,
        datasets: [
          { label: 'success', data: sites.map(function (s) { return o.bySite[s].rows.success; }), color: '#1f7a3f' },
          { label: 'salvaged', data: sites.map(function (s) { return o.bySite[s].rows.salvaged; }), color: '#d69e2e' },
          { label: 'dropped / failed', data: sites.map(function (s) { return o.bySite[s].dropped; }), color: '#b42318' },
        ],
        valueTitle: 'episodes',
      });
    }).catch(function (e) { el.setAttribute('data-error', String(e)); });
  }

  function episode(el) {
    getJson(el.getAttribute('data-episode-api')).then(function (d) {
      var cut = d.salvage && d.salvage.kind === 'salvaged' ? d.salvage.cut : null;
      var labels = d.curve.map(function (_, i) { return String(i); });
      var colors = d.curve.map(function (_, i) { return i === cut ? '#d69e2e' : i === d.firstBestIndex ? '#1f7a3f' : '#2f5fb3'; });
      var radius = d.curve.map(function (_, i) { return i === cut || i === d.firstBestIndex ? 6 : 2; });
      var chart = C.line(document.getElementById('chart-curve'), {
        labels: labels,
        datasets: [{ label: 'CSR after the step', data: d.curve, stepped: true, pointColors: colors, pointRadius: radius }],
        max: 1,
        legend: false,
        xTitle: 'step',
        yTitle: 'CSR',
        onClick: function (_e, items) {
          if (items && items.length) location.hash = 'step-' + items[0].index;
        },
      });
      chart.update();
    }).catch(function (e) { el.setAttribute('data-error', String(e)); });
  }

  function toggles() {
    document.querySelectorAll('[data-toggle-all]').forEach(function (b) {
      b.addEventListener('click', function () {
        var open = b.getAttribute('data-toggle-all') === 'open';
        document.querySelectorAll('details.' + b.getAttribute('data-target')).forEach(function (d) { d.open = open; });
      });
    });
    // Opening a step's link shows it: open its observation too when the link says so.
    if (/^#step-\d+$/.test(location.hash)) {
      var li = document.querySelector(location.hash);
      if (li) li.scrollIntoView({ block: 'center' });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-overview-api]').forEach(overview);
    document.querySelectorAll('[data-episode-api]').forEach(episode);
    document.querySelectorAll('[data-compare-api]').forEach(compare);
    toggles();
  });

  function compare(el) {
    getJson(el.getAttribute('data-compare-api')).then(function (c) {
      var sites = Object.keys(c.bySite);
      C.bar(document.getElementById('chart-compare'), {
        labels: sites,
        datasets: [
          { label: c.a.name + ' SR %', data: sites.map(function (s) { return pct(c.bySite[s].a.sr); }), color: '#2f5fb3' },
          { label: c.b.name + ' SR %', data: sites.map(function (s) { return pct(c.bySite[s].b.sr); }), color: '#c2410c' },
          { label: c.a.name + ' CSR %', data: sites.map(function (s) { return pct(c.bySite[s].a.csr); }), color: '#93b4ea' },
          { label: c.b.name + ' CSR %', data: sites.map(function (s) { return pct(c.bySite[s].b.csr); }), color: '#f2b48f' },
        ],
        max: 100,
      });
    }).catch(function (e) { el.setAttribute('data-error', String(e)); });
  }
})();
