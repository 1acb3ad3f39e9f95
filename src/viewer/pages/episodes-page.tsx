import type { EpisodePage, EpisodeQuery, SortKey } from '../api/schema.js';
import { episodeUrl, episodesUrl, fix, int, runUrl } from './format.js';
import { Layout, type Nav } from './layout.js';

const COLUMNS: { key: SortKey | null; label: string; num?: boolean }[] = [
  { key: 'order', label: '#', num: true },
  { key: null, label: 'instruction' },
  { key: 'site', label: 'site' },
  { key: 'status', label: 'status' },
  { key: 'kind', label: 'kind' },
  { key: 'csr', label: 'CSR', num: true },
  { key: null, label: 'SR' },
  { key: 'steps', label: 'steps', num: true },
  { key: null, label: 'injected errors' },
];

/** The query as URL parameters, without defaults, so links stay short and stable. */
function params(q: EpisodeQuery, change: Partial<EpisodeQuery> = {}): Record<string, string | number | undefined> {
  const m = { ...q, ...change };
  return {
    site: m.site,
    status: m.status,
    kind: m.kind,
    sr: m.sr,
    csrMin: m.csrMin,
    csrMax: m.csrMax,
    injected: m.injected,
    q: m.q,
    sort: m.sort === 'order' ? undefined : m.sort,
    dir: m.dir === 'asc' ? undefined : m.dir,
    page: m.page === 1 ? undefined : m.page,
    pageSize: m.pageSize === 50 ? undefined : m.pageSize,
  };
}

function Select(props: { name: string; label: string; value: string | undefined; options: string[] }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">any</option>
        {props.options.map((o) => (
          <option value={o} selected={o === props.value}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Every episode of a run, a page at a time: filters and sort live in the URL (deep links). */
export function EpisodesPage(props: { nav: Nav; run: string; p: EpisodePage; hasDataset: boolean }) {
  const { p, run } = props;
  const q = p.query;
  const first = (q.page - 1) * q.pageSize;
  return (
    <Layout title={`Episodes · ${run}`} nav={props.nav}>
      <p class="crumbs">
        <a href={runUrl(run)}>Run {run}</a> › Episodes
      </p>
      <h1>Episodes</h1>
      <form class="filters" method="get" action={episodesUrl(run)} role="search" aria-label="Filter episodes">
        <label>
          Instruction contains
          <input type="search" name="q" value={q.q ?? ''} placeholder="e.g. Lisbon cheapest" />
        </label>
        <Select name="site" label="Site" value={q.site} options={p.facets.sites} />
        <Select name="status" label="Status" value={q.status} options={p.facets.statuses} />
        <Select name="kind" label="Kind" value={q.kind} options={props.hasDataset ? ['success', 'salvaged', 'explored', 'dropped'] : ['success', 'failed']} />
        <Select name="sr" label="SR" value={q.sr} options={['yes', 'no']} />
        <label>
          CSR from
          <input type="number" name="csrMin" min="0" max="1" step="0.05" value={q.csrMin ?? ''} />
        </label>
        <label>
          CSR to
          <input type="number" name="csrMax" min="0" max="1" step="0.05" value={q.csrMax ?? ''} />
        </label>
        <Select name="injected" label="Injected teacher errors" value={q.injected} options={['yes', 'no']} />
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <button type="submit">Apply</button>
        <a href={episodesUrl(run)}>Clear</a>
      </form>
      <p role="status" id="count">
        {p.total === 0 ? 'No episode matches.' : `Episodes ${int(first + 1)}-${int(Math.min(first + q.pageSize, p.total))} of ${int(p.total)}`}
      </p>
      <table aria-label="Episodes">
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              if (!c.key) return <th scope="col">{c.label}</th>;
              const active = q.sort === c.key;
              const dir = active && q.dir === 'asc' ? 'desc' : 'asc';
              return (
                <th scope="col" class={c.num ? 'num' : undefined} aria-sort={active ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <a href={episodesUrl(run, params(q, { sort: c.key, dir, page: 1 }))}>
                    {c.label}
                    {active ? (q.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </a>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {p.episodes.map((e) => (
            <tr>
              <td class="num">
                <a href={episodeUrl(run, e.episodeId)} aria-label={`episode ${e.episodeId}`}>
                  {e.taskId}
                </a>
              </td>
              <td>{e.instruction}</td>
              <td>{e.site}</td>
              <td>
                <span class={`badge ${e.status}`}>{e.status}</span>
              </td>
              <td>
                <span class={`badge ${e.kind}`}>{e.kind}</span>
              </td>
              <td class="num">{fix(e.csr)}</td>
              <td>
                <span class={`badge ${e.sr ? 'yes' : 'no'}`}>{e.sr ? 'yes' : 'no'}</span>
              </td>
              <td class="num">{e.steps}</td>
              <td title={e.injectedErrors.join('; ')}>{e.injectedErrors.length ? e.injectedErrors.join('; ') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label="Pages">
        {q.page > 1 ? <a href={episodesUrl(run, params(q, { page: q.page - 1 }))} rel="prev">‹ Previous</a> : <span class="muted">‹ Previous</span>}
        <span>
          Page {q.page} of {p.pages}
        </span>
        {q.page < p.pages ? <a href={episodesUrl(run, params(q, { page: q.page + 1 }))} rel="next">Next ›</a> : <span class="muted">Next ›</span>}
      </nav>
    </Layout>
  );
}
