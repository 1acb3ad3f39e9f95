import type { FilterSpec, Listing, SearchParams, SiteDefinition, SortSpec } from '../site-definition.js';
import { FILTER_PREFIX, multiFilterOptions, type ActiveFilters } from '../results.js';
import { money } from './format.js';

type Props = {
  site: SiteDefinition;
  params: SearchParams;
  summary: string;
  queryString: string;
  all: Listing[];
  shown: Listing[];
  filtered: number;
  filters: ActiveFilters;
  sort: SortSpec;
  page: number;
  pages: number;
  /** Where the filters and pages of these results live (a later round's results: `/round/return`). */
  resultsPath?: string;
  /** Listing pages are `${listingBase}/:id`. */
  listingBase?: string;
};

function has(active: ActiveFilters, id: string, value: string): boolean {
  const v = active[id];
  return Array.isArray(v) ? v.includes(value) : v === value;
}

function FilterControl({ f, all, active }: { f: FilterSpec; all: Listing[]; active: ActiveFilters }) {
  const name = FILTER_PREFIX + f.id;
  switch (f.kind) {
    case 'multi':
    case 'timeWindow': {
      const options = f.kind === 'multi' ? multiFilterOptions(f, all) : f.windows;
      return (
        <fieldset class="filter">
          <legend>{f.label}</legend>
          {options.map((o) => (
            <label class="check">
              <input type="checkbox" name={name} value={o.value} checked={has(active, f.id, o.value)} />
              {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'max':
    case 'min':
      return (
        <div class="filter">
          <label for={`f-${name}`}>{f.label}</label>
          <select id={`f-${name}`} name={name}>
            <option value="">Any</option>
            {f.options.map((o) => (
              <option value={o.value} selected={has(active, f.id, o.value)}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    case 'flag':
      return (
        <div class="filter">
          <label class="check">
            <input type="checkbox" name={name} value="1" checked={active[f.id] !== undefined} />
            {f.label}
          </label>
        </div>
      );
  }
}

/** The select link's accessible name: the title plus the subtitle, so same-named listings (one show on three dates) differ. */
export function selectLinkName(site: SiteDefinition, l: Listing): string {
  return l.subtitle ? `${site.wording.selectButton}: ${l.title} — ${l.subtitle}` : `${site.wording.selectButton}: ${l.title}`;
}

function ListingCard({ site, l, queryString, listingBase }: { site: SiteDefinition; l: Listing; queryString: string; listingBase: string }) {
  const href = `${listingBase}/${encodeURIComponent(l.id)}?${queryString}`;
  return (
    <li class={`listing${l.soldOut ? ' sold-out' : ''}`}>
      <article aria-label={l.title}>
        <h3>{l.soldOut ? l.title : <a href={href}>{l.title}</a>}</h3>
        {l.subtitle ? <p class="subtitle">{l.subtitle}</p> : null}
        {l.badges && l.badges.length > 0 ? <p class="badges">{l.badges.join(' · ')}</p> : null}
        <p class="facts">{l.facts.map((f) => `${f.label}: ${f.value}`).join(' · ')}</p>
        <p class="price">
          {l.soldOut ? (
            <strong>Sold out</strong>
          ) : (
            <>
              {l.price === 0 ? <strong>No charge</strong> : <><strong>{money(l.price, site.currency)}</strong> {l.priceUnit}</>}{' '}
              <a class="button" href={href} aria-label={selectLinkName(site, l)}>
                {site.wording.selectButton}
              </a>
            </>
          )}
        </p>
      </article>
    </li>
  );
}

function Pagination({ page, pages, base }: { page: number; pages: number; base: string }) {
  if (pages <= 1) return null;
  const link = (p: number) => `${base}&page=${p}`;
  return (
    <nav class="pagination" aria-label="Pagination">
      {page > 1 ? <a href={link(page - 1)}>Previous</a> : null}
      {Array.from({ length: pages }, (_, i) => i + 1).map((p) =>
        p === page ? (
          <span aria-current="page">{`Page ${p}`}</span>
        ) : (
          <a href={link(p)} aria-label={`Page ${p}`}>
            {String(p)}
          </a>
        ),
      )}
      {page < pages ? <a href={link(page + 1)}>Next</a> : null}
    </nav>
  );
}

export function ResultsPage(props: Props) {
  const { site, all, shown, filters, sort, queryString } = props;
  const hidden = [...new URLSearchParams(queryString)];
  const filterQs = new URLSearchParams(queryString);
  for (const [k, v] of Object.entries(filters)) for (const x of Array.isArray(v) ? v : [v]) filterQs.append(FILTER_PREFIX + k, x);
  filterQs.set('sort', sort.id);
  return (
    <div class="results-layout">
      <section class="results-head">
        <h1>{props.summary}</h1>
        <p>
          <a href={`/?${queryString}`}>Change search</a>
        </p>
      </section>
      <form class="filters" method="get" action={props.resultsPath ?? '/search'} aria-label="Filter and sort results" data-autosubmit>
        {hidden.map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <div class="filter sort">
          <label for="f-sort">Sort by</label>
          <select id="f-sort" name="sort">
            {site.sorts.map((s) => (
              <option value={s.id} selected={s.id === sort.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {site.filters.map((f) => (
          <FilterControl f={f} all={all} active={filters} />
        ))}
        <button type="submit" class="secondary">
          Apply filters
        </button>
        {Object.keys(filters).length > 0 ? <a href={`${props.resultsPath ?? '/search'}?${queryString}&sort=${sort.id}`}>Clear filters</a> : null}
      </form>
      <section class="results" aria-label="Results">
        <p class="count" role="status">
          {`${props.filtered} of ${all.length} results`}
        </p>
        {shown.length === 0 ? (
          <p>{site.wording.emptyResults}</p>
        ) : (
          <ul class="listings">
            {shown.map((l) => (
              <ListingCard site={site} l={l} queryString={queryString} listingBase={props.listingBase ?? '/listing'} />
            ))}
          </ul>
        )}
        <Pagination page={props.page} pages={props.pages} base={`${props.resultsPath ?? '/search'}?${filterQs.toString()}`} />
      </section>
    </div>
  );
}
