/** The report's own script: draws every plot from the JSON embedded in the page. Plain browser JavaScript. */
export const REPORT_JS = String.raw`(function () {
  'use strict';
  var m = JSON.parse(document.getElementById('report-data').textContent);
  var C = window.WfCharts;
  var o = m.overview;
  var sites = Object.keys(o.bySite);
  var pct = function (x) { return Math.round(x * 1000) / 10; };
  C.bar(document.getElementById('chart-csr-hist'), { labels: o.csrBins, datasets: [{ label: 'episodes', data: o.overall.csrHistogram }], legend: false, catTitle: 'final CSR', valueTitle: 'episodes' });
  C.bar(document.getElementById('chart-sites'), { labels: sites, max: 100, datasets: [
    { label: 'SR %', data: sites.map(function (s) { return pct(o.bySite[s].sr); }) },
    { label: 'CSR %', data: sites.map(function (s) { return pct(o.bySite[s].meanCsr); }) }] });
  var q = m.curves;
  C.line(document.getElementById('chart-curve'), { labels: q.steps, max: 1, xTitle: 'step', yTitle: 'CSR', datasets: [
    { label: 'p90', data: q.p90, color: '#93b4ea', pointRadius: 0, dash: [4, 3] },
    { label: 'p75', data: q.p75, color: '#5b86d0', pointRadius: 0 },
    { label: 'median', data: q.p50, color: '#1d3f80', pointRadius: 0 },
    { label: 'p25', data: q.p25, color: '#5b86d0', pointRadius: 0 },
    { label: 'p10', data: q.p10, color: '#93b4ea', pointRadius: 0, dash: [4, 3] }] });
  var unmetSites = Object.keys(m.unmet.bySite);
  C.bar(document.getElementById('chart-unmet'), { labels: unmetSites, stacked: true, horizontal: true, valueTitle: 'unmet final verdicts',
    datasets: m.unmet.kinds.map(function (k) { return { label: k, data: unmetSites.map(function (s) { return m.unmet.bySite[s][k] || 0; }) }; }) });
  C.bar(document.getElementById('chart-kinds'), { labels: sites, stacked: true, valueTitle: 'episodes', datasets: [
    { label: 'success', data: sites.map(function (s) { return o.bySite[s].successes; }), color: '#1f7a3f' },
    { label: 'salvaged', data: sites.map(function (s) { return o.bySite[s].rows.salvaged; }), color: '#d69e2e' },
    { label: o.run.source === 'store' ? 'dropped' : 'failed', data: sites.map(function (s) { return o.bySite[s].episodes - o.bySite[s].successes - o.bySite[s].rows.salvaged; }), color: '#b42318' }] });
  var st = C.histogram(m.steps, 30);
  C.bar(document.getElementById('chart-steps'), { labels: st.labels, datasets: [{ label: 'episodes', data: st.counts }], legend: false, catTitle: 'steps', valueTitle: 'episodes' });
  var tk = C.histogram(m.tokens.values, 30);
  C.bar(document.getElementById('chart-tokens'), { labels: tk.labels, datasets: [{ label: m.tokens.what, data: tk.counts }], legend: false, catTitle: 'tokens', valueTitle: 'count' });
  if (m.compare && document.getElementById('chart-compare')) {
    var c = m.compare, cs = Object.keys(c.bySite);
    C.bar(document.getElementById('chart-compare'), { labels: cs, max: 100, datasets: [
      { label: c.a.name + ' SR %', data: cs.map(function (s) { return pct(c.bySite[s].a.sr); }), color: '#2f5fb3' },
      { label: c.b.name + ' SR %', data: cs.map(function (s) { return pct(c.bySite[s].b.sr); }), color: '#c2410c' },
      { label: c.a.name + ' CSR %', data: cs.map(function (s) { return pct(c.bySite[s].a.csr); }), color: '#93b4ea' },
      { label: c.b.name + ' CSR %', data: cs.map(function (s) { return pct(c.bySite[s].b.csr); }), color: '#f2b48f' }] });
  }
  if (m.ablation) {
    var a = m.ablation;
    C.bar(document.getElementById('chart-ablation'), { labels: a.rows.map(function (r) { return r.agent; }), max: 100, datasets: [
      { label: 'in-domain SR %', data: a.rows.map(function (r) { return pct(r.inDomain.sr[0]); }) },
      { label: 'in-domain CSR %', data: a.rows.map(function (r) { return pct(r.inDomain.csr[0]); }) },
      { label: a.holdout + ' SR %', data: a.rows.map(function (r) { return pct(r.heldOut.sr[0]); }) },
      { label: a.holdout + ' CSR %', data: a.rows.map(function (r) { return pct(r.heldOut.csr[0]); }) }] });
  }
  document.body.setAttribute('data-report-ready', 'true');
})();`;
