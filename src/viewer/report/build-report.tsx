import { CHARTS_JS, CHART_JS, CHART_JS_VERSION, VIEWER_CSS } from '../assets.js';
import type { SiteFigures } from '../api/schema.js';
import { fix, int } from '../pages/format.js';
import type { ReportModel } from './report-data.js';
import { REPORT_JS } from './report-script.js';

/** JSON or script text that cannot close the <script> element it sits in. */
const inline = (s: string) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

function Chart(props: { id: string; title: string; wide?: boolean }) {
  return (
    <figure class="chart" style={props.wide ? 'grid-column:1/-1' : undefined}>
      <h3 id={`h-${props.id}`}>{props.title}</h3>
      <div class="box">
        <canvas id={props.id} role="img" aria-labelledby={`h-${props.id}`}></canvas>
      </div>
    </figure>
  );
}

function SiteTable(props: { m: ReportModel }) {
  const o = props.m.overview;
  const row = (name: string, f: SiteFigures) => (
    <tr>
      <th scope="row">{name}</th>
      <td class="num">{int(f.episodes)}</td>
      <td class="num">{fix(f.sr)}</td>
      <td class="num">{fix(f.meanCsr)}</td>
      <td class="num">{f.csrHistogram.join(' ')}</td>
      <td class="num">{`${f.rows.success} / ${f.rows.salvaged} / ${f.dropped}`}</td>
      <td class="num">{`${f.examples.success} / ${f.examples.salvaged}`}</td>
      <td class="num">{f.expansion === null ? '-' : `${fix(f.expansion)}x`}</td>
      <td class="num">{`${fix(f.meanSteps, 1)} / ${f.medianSteps}`}</td>
      <td class="num">{f.errors}</td>
    </tr>
  );
  return (
    <table aria-label="Per site">
      <thead>
        <tr>
          <th scope="col">site</th>
          <th scope="col" class="num">episodes</th>
          <th scope="col" class="num">SR</th>
          <th scope="col" class="num">CSR</th>
          <th scope="col" class="num">CSR histogram {o.csrBins.join(' ')}</th>
          <th scope="col" class="num">success / salvaged / dropped</th>
          <th scope="col" class="num">examples success / salvaged</th>
          <th scope="col" class="num">expansion</th>
          <th scope="col" class="num">steps mean / median</th>
          <th scope="col" class="num">errors</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(o.bySite).map(([s, f]) => row(s, f))}
        {row('overall', o.overall)}
      </tbody>
    </table>
  );
}

function Compare(props: { m: ReportModel }) {
  const c = props.m.compare;
  if (!c) return null;
  const rows = [...Object.entries(c.bySite), ['overall', c.overall] as const];
  return (
    <section>
      <h2>
        Comparison: {c.a.name} ({c.a.agent}) vs {c.b.name} ({c.b.agent})
      </h2>
      <p>
        {int(c.shared)} shared tasks · {int(c.onlyA)} only in {c.a.name} · {int(c.onlyB)} only in {c.b.name}
      </p>
      <table aria-label="Comparison per site">
        <thead>
          <tr>
            <th scope="col">site</th>
            <th scope="col" class="num">tasks</th>
            <th scope="col" class="num">SR {c.a.name}</th>
            <th scope="col" class="num">SR {c.b.name}</th>
            <th scope="col" class="num">CSR {c.a.name}</th>
            <th scope="col" class="num">CSR {c.b.name}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([s, x]) => (
            <tr>
              <th scope="row">{s}</th>
              <td class="num">{x.a.episodes}</td>
              <td class="num">{fix(x.a.sr)}</td>
              <td class="num">{fix(x.b.sr)}</td>
              <td class="num">{fix(x.a.csr)}</td>
              <td class="num">{fix(x.b.csr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.shared > 0 ? <Chart id="chart-compare" title="SR and CSR per site on shared tasks (%)" wide /> : null}
      {c.differ.length ? (
        <>
          <h3>Shared tasks where they differ most ({c.differ.length} shown)</h3>
          <table aria-label="Tasks where the runs differ">
            <thead>
              <tr>
                <th scope="col">task</th>
                <th scope="col">site</th>
                <th scope="col" class="num">CSR {c.a.name}</th>
                <th scope="col" class="num">CSR {c.b.name}</th>
                <th scope="col">episodes</th>
              </tr>
            </thead>
            <tbody>
              {c.differ.map((d) => (
                <tr>
                  <th scope="row">{d.taskId}</th>
                  <td>{d.site}</td>
                  <td class="num">{fix(d.a.csr)}</td>
                  <td class="num">{fix(d.b.csr)}</td>
                  <td>
                    <code>{d.a.episodeId}</code> / <code>{d.b.episodeId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function Ablation(props: { m: ReportModel }) {
  const a = props.m.ablation;
  if (!a) return null;
  const ms = (x: [number, number]) => (x[1] ? `${(x[0] * 100).toFixed(1)} ± ${(x[1] * 100).toFixed(1)}` : (x[0] * 100).toFixed(1));
  return (
    <section>
      <h2>Ablation</h2>
      <table aria-label="Ablation">
        <thead>
          <tr>
            <th scope="col">agent</th>
            <th scope="col">training rows (success + salvaged)</th>
            <th scope="col" class="num">seeds</th>
            <th scope="col" class="num">in-domain SR %</th>
            <th scope="col" class="num">in-domain CSR %</th>
            <th scope="col" class="num">{a.holdout} SR %</th>
            <th scope="col" class="num">{a.holdout} CSR %</th>
          </tr>
        </thead>
        <tbody>
          {a.rows.map((r) => (
            <tr>
              <th scope="row">{r.agent}</th>
              <td>{r.training}</td>
              <td class="num">{r.seeds}</td>
              <td class="num">{ms(r.inDomain.sr)}</td>
              <td class="num">{ms(r.inDomain.csr)}</td>
              <td class="num">{ms(r.heldOut.sr)}</td>
              <td class="num">{ms(r.heldOut.csr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Chart id="chart-ablation" title="Ablation: SR and CSR (%)" wide />
    </section>
  );
}

/**
 * One self-contained HTML file: the run's overview, its plots (Chart.js, embedded whole) and
 * tables, with its data inline. It needs no server and no network to open.
 */
export function buildReport(m: ReportModel): string {
  const o = m.overview;
  const f = o.overall;
  const isStore = o.run.source === 'store';
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`WebFoundry report · ${o.run.name}`}</title>
        <style dangerouslySetInnerHTML={{ __html: VIEWER_CSS }} />
      </head>
      <body>
        <header class="top">
          <span class="brand">WebFoundry report</span>
          <span>{o.run.name}</span>
        </header>
        <main>
          <h1>
            Run {o.run.name} <span class="muted">· {o.run.agent}</span>
          </h1>
          <p class="muted">
            {o.run.dir} · generated {m.generatedAt} by WebFoundry {m.webfoundry}
          </p>
          <dl class="cards" aria-label="Run figures">
            {[
              ['Episodes', int(f.episodes)],
              ['SR', fix(f.sr)],
              ['Mean CSR', fix(f.meanCsr)],
              [isStore ? 'Success rows' : 'Successes', int(isStore ? f.rows.success : f.successes)],
              ...(isStore ? [['Salvaged rows', int(f.rows.salvaged)]] : []),
              [isStore ? 'Dropped' : 'Failed', int(f.dropped)],
              ...(isStore ? [['Salvage expansion', f.expansion === null ? '-' : `${fix(f.expansion)}x`]] : []),
              ['Steps mean / median', `${fix(f.meanSteps, 1)} / ${f.medianSteps}`],
              ['Model tokens / cost', f.usage.inputTokens + f.usage.outputTokens ? `${int(f.usage.inputTokens + f.usage.outputTokens)} / $${f.usage.costUsd.toFixed(4)}` : '-'],
            ].map(([k, v], i) => (
              <div class="card">
                <dt id={`figure-${i}`}>{k}</dt>
                <dd aria-labelledby={`figure-${i}`}>{v}</dd>
              </div>
            ))}
          </dl>
          <h2>Per site</h2>
          <SiteTable m={m} />
          <h2>Plots</h2>
          <div class="charts">
            <Chart id="chart-csr-hist" title="Final CSR histogram" />
            <Chart id="chart-sites" title="SR and CSR per site (%)" />
            <Chart id="chart-curve" title={`CSR over steps: quantiles over ${int(m.curves.episodes)} episodes (an episode that ended holds its final CSR)`} wide />
            <Chart id="chart-unmet" title="Where episodes fail: final verdicts left unmet, per site and constraint kind" />
            <Chart id="chart-kinds" title={isStore ? 'Successes, salvaged and dropped per site' : 'Successes and failures per site'} />
            <Chart id="chart-steps" title="Steps per episode" />
            <Chart id="chart-tokens" title={`Tokens: ${m.tokens.what}`} />
          </div>
          <h2>Constraints most often left unmet</h2>
          <table aria-label="Constraints most often left unmet">
            <thead>
              <tr>
                <th scope="col">site</th>
                <th scope="col">constraint</th>
                <th scope="col">kind</th>
                <th scope="col" class="num">episodes</th>
                <th scope="col">by episode kind</th>
              </tr>
            </thead>
            <tbody>
              {m.unmet.top.map((t) => (
                <tr>
                  <td>{t.site}</td>
                  <th scope="row">{t.constraint}</th>
                  <td>{t.constraintKind}</td>
                  <td class="num">{t.total}</td>
                  <td>
                    {Object.entries(t.byEpisodeKind)
                      .map(([k, n]) => `${k} ${n}`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Compare m={m} />
          <Ablation m={m} />
          <h2>Configuration</h2>
          <pre class="obs">{JSON.stringify({ config: o.run.config, versions: o.run.versions, createdAt: o.run.createdAt }, null, 2)}</pre>
          <p class="muted">Plots drawn with Chart.js {CHART_JS_VERSION} (MIT), embedded in this file.</p>
        </main>
        <script type="application/json" id="report-data" dangerouslySetInnerHTML={{ __html: json(m) }} />
        <script dangerouslySetInnerHTML={{ __html: inline(CHART_JS) }} />
        <script dangerouslySetInnerHTML={{ __html: inline(CHARTS_JS) }} />
        <script dangerouslySetInnerHTML={{ __html: inline(REPORT_JS) }} />
      </body>
    </html>
  );
  return `<!doctype html>${String(page)}`;
}
