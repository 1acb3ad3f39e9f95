import { runUrl } from './format.js';
import { Layout, type Nav } from './layout.js';

/** The runs this viewer serves, and the form to compare two of them. */
export function IndexPage(props: { nav: Nav; runs: { name: string; dir: string; problem: string | null }[] }) {
  const names = props.runs.map((r) => r.name);
  return (
    <Layout title="Runs" nav={props.nav}>
      <h1>Runs</h1>
      <ul aria-label="Runs">
        {props.runs.map((r) => (
          <li>
            <a href={runUrl(r.name)}>{r.name}</a> <code>{r.dir}</code> {r.problem ? <span class="badge error">{r.problem}</span> : null}
          </li>
        ))}
      </ul>
      {names.length >= 2 ? (
        <form method="get" action="/compare" aria-label="Compare two runs">
          <label>
            Run A{' '}
            <select name="a">
              {names.map((n, i) => (
                <option selected={i === 0}>{n}</option>
              ))}
            </select>
          </label>{' '}
          <label>
            Run B{' '}
            <select name="b">
              {names.map((n, i) => (
                <option selected={i === 1}>{n}</option>
              ))}
            </select>
          </label>{' '}
          <button type="submit">Compare</button>
        </form>
      ) : null}
    </Layout>
  );
}
