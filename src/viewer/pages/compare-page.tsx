import type { Comparison } from '../api/schema.js';
import { apiUrl, episodeUrl, fix, int, runUrl, seg } from './format.js';
import { Layout, type Nav } from './layout.js';

function Delta(props: { a: number; b: number }) {
  const d = props.b - props.a;
  return <td class={`num delta ${d > 0 ? 'up' : d < 0 ? 'down' : ''}`}>{`${d > 0 ? '+' : ''}${fix(d)}`}</td>;
}

/** Two runs side by side on the tasks they share, and the tasks where they differ. */
export function ComparePage(props: { nav: Nav; c: Comparison }) {
  const { c } = props;
  const A = c.a.name;
  const B = c.b.name;
  const rows = [...Object.entries(c.bySite), ['overall', c.overall] as const];
  return (
    <Layout title={`${A} vs ${B}`} nav={props.nav}>
      <h1>
        <a href={runUrl(A)}>{A}</a> ({c.a.agent}) vs <a href={runUrl(B)}>{B}</a> ({c.b.agent})
      </h1>
      <p>
        {int(c.shared)} shared tasks · {int(c.onlyA)} only in {A} · {int(c.onlyB)} only in {B}
      </p>
      {c.shared === 0 ? (
        <p class="panel" role="status">
          These runs share no task (tasks are matched by id): compare runs made on the same task file or suite, e.g. two `webfoundry run --tasks bookingarena-v0` outputs.
        </p>
      ) : null}
      <table aria-label="SR and CSR per site">
        <thead>
          <tr>
            <th scope="col">site</th>
            <th scope="col" class="num">tasks</th>
            <th scope="col" class="num">SR {A}</th>
            <th scope="col" class="num">SR {B}</th>
            <th scope="col" class="num">SR change</th>
            <th scope="col" class="num">CSR {A}</th>
            <th scope="col" class="num">CSR {B}</th>
            <th scope="col" class="num">CSR change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([site, s]) => (
            <tr>
              <th scope="row">{site}</th>
              <td class="num">{s.a.episodes}</td>
              <td class="num">{fix(s.a.sr)}</td>
              <td class="num">{fix(s.b.sr)}</td>
              <Delta a={s.a.sr} b={s.b.sr} />
              <td class="num">{fix(s.a.csr)}</td>
              <td class="num">{fix(s.b.csr)}</td>
              <Delta a={s.a.csr} b={s.b.csr} />
            </tr>
          ))}
        </tbody>
      </table>
      <div class="charts" data-compare-api={apiUrl(`/compare/${seg(A)}/${seg(B)}`)}>
        <figure class="chart">
          <h3 id="h-compare">SR and CSR per site (%)</h3>
          <div class="box">
            <canvas id="chart-compare" role="img" aria-labelledby="h-compare"></canvas>
          </div>
        </figure>
      </div>
      <h2>Tasks where they differ ({c.differ.length})</h2>
      <table aria-label="Tasks where the runs differ">
        <thead>
          <tr>
            <th scope="col">task</th>
            <th scope="col">site</th>
            <th scope="col">instruction</th>
            <th scope="col">{A}</th>
            <th scope="col">{B}</th>
          </tr>
        </thead>
        <tbody>
          {c.differ.map((d) => (
            <tr>
              <th scope="row">{d.taskId}</th>
              <td>{d.site}</td>
              <td>{d.instruction}</td>
              <td>
                <a href={episodeUrl(A, d.a.episodeId)}>{`${d.a.sr ? 'success' : 'failure'}, CSR ${fix(d.a.csr)}, ${d.a.steps} steps`}</a>
              </td>
              <td>
                <a href={episodeUrl(B, d.b.episodeId)}>{`${d.b.sr ? 'success' : 'failure'}, CSR ${fix(d.b.csr)}, ${d.b.steps} steps`}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
