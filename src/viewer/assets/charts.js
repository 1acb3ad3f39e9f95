/* Chart builders shared by the viewer's pages and the HTML report (Chart.js, loaded before). */
(function () {
  'use strict';
  var COLORS = ['#2f5fb3', '#1f7a3f', '#b42318', '#9a6700', '#6941c6', '#0e7490', '#c2410c', '#475467'];
  function base(title, o) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: o.legend !== false }, title: { display: !!title, text: title } },
      indexAxis: o.horizontal ? 'y' : 'x',
      onClick: o.onClick,
    };
  }
  function done(canvas, chart) {
    canvas.setAttribute('data-rendered', 'true');
    return chart;
  }
  function bar(canvas, o) {
    var opts = base(o.title, o);
    var value = o.horizontal ? 'x' : 'y';
    var cat = o.horizontal ? 'y' : 'x';
    opts.scales = {};
    opts.scales[cat] = { stacked: !!o.stacked, title: { display: !!o.catTitle, text: o.catTitle || '' } };
    opts.scales[value] = { stacked: !!o.stacked, beginAtZero: true, max: o.max, title: { display: !!o.valueTitle, text: o.valueTitle || '' } };
    return done(canvas, new Chart(canvas, {
      type: 'bar',
      data: { labels: o.labels, datasets: o.datasets.map(function (d, i) { return { label: d.label, data: d.data, backgroundColor: d.color || COLORS[i % COLORS.length] }; }) },
      options: opts,
    }));
  }
  function line(canvas, o) {
    var opts = base(o.title, o);
    opts.scales = {
      x: { title: { display: !!o.xTitle, text: o.xTitle || '' } },
      y: { beginAtZero: true, max: o.max, title: { display: !!o.yTitle, text: o.yTitle || '' } },
    };
    opts.interaction = { mode: 'index', intersect: false };
    return done(canvas, new Chart(canvas, {
      type: 'line',
      data: {
        labels: o.labels,
        datasets: o.datasets.map(function (d, i) {
          var c = d.color || COLORS[i % COLORS.length];
          return { label: d.label, data: d.data, borderColor: c, backgroundColor: d.fill ? c + '33' : c, fill: d.fill || false, pointRadius: d.pointRadius == null ? 2 : d.pointRadius, pointBackgroundColor: d.pointColors || c, borderDash: d.dash || [], stepped: d.stepped || false, tension: 0 };
        }),
      },
      options: opts,
    }));
  }
  /** Counts of values in equal-width bins: { labels, counts }. */
  function histogram(values, bins) {
    if (!values.length) return { labels: [], counts: [] };
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var n = Math.max(1, Math.min(bins, hi - lo + 1));
    var width = Math.max(1, Math.ceil((hi - lo + 1) / n));
    var counts = [], labels = [];
    for (var i = 0; i < n; i++) { counts.push(0); labels.push(width === 1 ? String(lo + i) : (lo + i * width) + '-' + (lo + (i + 1) * width - 1)); }
    values.forEach(function (v) { counts[Math.min(n - 1, Math.floor((v - lo) / width))]++; });
    return { labels: labels, counts: counts };
  }
  window.WfCharts = { bar: bar, line: line, histogram: histogram, COLORS: COLORS };
})();
