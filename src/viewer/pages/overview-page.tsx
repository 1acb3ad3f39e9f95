import type { Overview, SiteFigures } from '../api/schema.js';
import { apiUrl, episodesUrl, fix, int, seg } from './format.js';
import { Layout, type Nav } from './layout.js';

function Card(props: { label: string; value: string; id?: string }) {
  return (
    <div class="card">
      <dt id={props.id ? `${props.id}-label` : undefined}>{props.label}</dt>
      <dd aria-labelledby={props.id ? `${props.id}-label` : undefined} data-figure={props.id}>
        {props.value}
      </dd>
    </div>
  );
}

const tokens = (f: SiteFigures) => (f.usage.inputTokens + f.usage.outputTokens === 0 ? '-' : `${int(f.usage.inputTokens + f.usage.outputTokens)} / $${f.usage.costUsd.toFixed(4)}`);

function SiteRow(props: { run: string; name: string; site?: string; f: SiteFigures }) {
  const { f, run, site } = props;
  const link = (q: Record<string, string>, text: string | number) => <a href={episodesUrl(run, { ...(site ? { site } : {}), ...q })}>{text}</a>;
  return (
    <tr>
      <th scope="row">{site ? link({}, props.name) : props.name}</th>
      <td class="num">{int(f.episodes)}</td>
      <td class="num">{fix(f.sr)}</td>
      <td class="num">{fix(f.meanCsr)}</td>
      <td class="num">{f.csrHistogram.join(' ')}</td>
      <td class="num">{link({ kind: 'success' }, f.rows.success)}</td>
      <td class="num">{link({ kind: 'salvaged' }, f.rows.salvaged)}</td>
      <td class="num">{link({ kind: 'dropped' }, f.dropped)}</td>
      <td class="num">{`${f.examples.success} / ${f.examples.salvaged}`}</td>
      <td class="num">{f.expansion === null ? '-' : `${fix(f.expansion)}x`}</td>
      <td class="num">{`${fix(f.meanSteps, 1)} / ${f.medianSteps}`}</td>
      <td class="num">{f.errors}</td>
      <td class="num">{tokens(f)}</td>
    </tr>
  );
}

/** A run at a glance: configuration, counts, SR and CSR per site, and the plots. */
export function OverviewPage(props: { nav: Nav; o: Overview }) {
  const { o } = props;
  const run = o.run.name;
  const f = o.overall;
  const isStore = o.run.source === 'store';
  const config = Object.entries(o.run.config).filter(([, v]) => v !== undefined);
  return (
    <Layout title={`Run ${run}`} nav={props.nav}>
      <p class="crumbs">Run</p>
      <h1>
        Run {run} <span class="muted">· {o.run.agent}</span>
      </h1>
      {o.run.live ? (
        <p class="panel" role="status">
          This run is in progress, or was killed before it closed: the figures are what is stored so far (reload to update).
        </p>
      ) : null}
      <dl class="cards" aria-label="Run figures">
        <Card id="episodes" label="Episodes" value={int(f.episodes)} />
        <Card id="sr" label="SR" value={fix(f.sr)} />
        <Card id="csr" label="Mean CSR" value={fix(f.meanCsr)} />
        <Card id="successes" label={isStore ? 'Success rows' : 'Successes'} value={int(isStore ? f.rows.success : f.successes)} />
        {isStore ? <Card id="salvaged" label="Salvaged rows" value={int(f.rows.salvaged)} /> : null}
        <Card id="dropped" label={isStore ? 'Dropped' : 'Failed'} value={int(f.dropped)} />
        {isStore ? <Card id="examples" label="Examples success / salvaged" value={`${f.examples.success} / ${f.examples.salvaged}`} /> : null}
        {isStore ? <Card id="expansion" label="Salvage expansion" value={f.expansion === null ? '-' : `${fix(f.expansion)}x`} /> : null}
        <Card id="steps" label="Steps mean / median" value={`${fix(f.meanSteps, 1)} / ${f.medianSteps}`} />
        <Card id="tokens" label="Model tokens / cost" value={tokens(f)} />
        <Card id="errors" label="Errors" value={int(f.errors)} />
      </dl>

      <h2>Per site</h2>
      <div class="table-wrap">
      <table aria-label="Per site">
        <thead>
          <tr>
            <th scope="col">site</th>
            <th scope="col" class="num">episodes</th>
            <th scope="col" class="num">SR</th>
            <th scope="col" class="num">CSR</th>
            <th scope="col" class="num" title={`bins ${o.csrBins.join(' ')}`}>CSR histogram</th>
            <th scope="col" class="num">success</th>
            <th scope="col" class="num">salvaged</th>
            <th scope="col" class="num">{isStore ? 'dropped' : 'failed'}</th>
            <th scope="col" class="num">examples success / salvaged</th>
            <th scope="col" class="num">expansion</th>
            <th scope="col" class="num">steps mean / median</th>
            <th scope="col" class="num">errors</th>
            <th scope="col" class="num">tokens / cost</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(o.bySite).map(([site, x]) => (
            <SiteRow run={run} name={site} site={site} f={x} />
          ))}
          <SiteRow run={run} name="overall" f={f} />
        </tbody>
      </table>
      </div>

      <h2>Plots</h2>
      <div class="charts" data-overview-api={apiUrl(`/runs/${seg(run)}/overview`)}>
        <figure class="chart">
          <h3 id="h-hist">Final CSR histogram</h3>
          <div class="box">
            <canvas id="chart-csr-hist" role="img" aria-labelledby="h-hist"></canvas>
          </div>
        </figure>
        <figure class="chart">
          <h3 id="h-sites">SR and CSR per site (%)</h3>
          <div class="box">
            <canvas id="chart-sites" role="img" aria-labelledby="h-sites"></canvas>
          </div>
        </figure>
        <figure class="chart">
          <h3 id="h-kinds">{isStore ? 'Successes, salvaged and dropped per site' : 'Successes and failures per site'}</h3>
          <div class="box">
            <canvas id="chart-kinds" role="img" aria-labelledby="h-kinds"></canvas>
          </div>
        </figure>
      </div>

      <h2>Episodes by status</h2>
      <p>
        {Object.entries(o.statuses).map(([s, n]) => (
          <>
            <a href={episodesUrl(run, { status: s })}>
              {s}: {n}
            </a>{' '}
          </>
        ))}
      </p>

      <h2>Configuration</h2>
      <table aria-label="Configuration">
        <tbody>
          <tr>
            <th scope="row">directory</th>
            <td>
              <code>{o.run.dir}</code>
            </td>
          </tr>
          <tr>
            <th scope="row">run id</th>
            <td>{o.run.runId}</td>
          </tr>
          {o.run.createdAt ? (
            <tr>
              <th scope="row">created</th>
              <td>{o.run.createdAt}</td>
            </tr>
          ) : null}
          {config.map(([k, v]) => (
            <tr>
              <th scope="row">{k}</th>
              <td>
                <code>{typeof v === 'string' ? v : JSON.stringify(v)}</code>
              </td>
            </tr>
          ))}
          {o.run.versions ? (
            <tr>
              <th scope="row">versions</th>
              <td>
                <code>{JSON.stringify(o.run.versions)}</code>
              </td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">screenshots</th>
            <td>{o.run.screenshots ? `${int(o.run.screenshots)} steps` : 'not recorded (pass --screenshots to generate or run)'}</td>
          </tr>
        </tbody>
      </table>
    </Layout>
  );
}
