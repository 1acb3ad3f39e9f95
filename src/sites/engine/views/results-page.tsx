import type { Listing, SearchParams, SiteDefinition, SortSpec } from '../site-definition.js';
import { multiFilterOptions, type ActiveFilters, type ResultsView, type Revealed } from '../results.js';
import { Carry, FilterControl, SortSelect, filterPairs } from './results/filter-form.js';
import { resultsHref, SEARCH_RESULTS, without, type ResultsAt } from './results/links.js';
import { MapView, ViewToggle } from './results/map-view.js';
import { ResultCard } from './results/result-card.js';
import { RESULTS_PANEL_ID, ResultTabs, resultTabs } from './results/result-tabs.js';
import { Pagination, RevealMore, revealedText } from './results/reveal.js';

export { selectLinkName } from './results/result-card.js';

type Props = {
  site: SiteDefinition;
  params: SearchParams;
  summary: string;
  queryString: string;
  all: readonly Listing[];
  shown: Revealed<Listing>;
  filtered: number;
  filters: ActiveFilters;
  sort: SortSpec;
  view: ResultsView;
  /** The filters dialog is open (its page without a script: `panel=filters`). */
  filtersOpen: boolean;
  /** Where these results and their listings live (default: the search's, `/search` and `/listing`). */
  at?: ResultsAt;
};

/** Where each result sits in the sorted results, for the first shown. */
const firstIndex = (shown: Revealed<Listing>, pageSize: number) => (shown.page - 1) * pageSize;

/** The count line: results after and before filters, or how many of them are shown so far. */
function countText(site: SiteDefinition, shown: Revealed<Listing>, filtered: number, all: number, view: ResultsView): string {
  const paging = site.layout.paging ?? 'pages';
  return paging === 'pages' || view === 'map' ? `${filtered} of ${all} results` : revealedText(shown.revealed, filtered, all);
}

/**
 * Results of a "load more" or infinite-scroll request: the next list items, in a fragment whose
 * data attributes say how many are now shown, the new count line and the next batch's URLs.
 */
export function ResultItems(props: { site: SiteDefinition; items: Listing[]; queryString: string; shown: Revealed<Listing>; filtered: number; all: number; query: URLSearchParams; at?: ResultsAt }) {
  const { site, shown } = props;
  const at = props.at ?? SEARCH_RESULTS;
  const from = shown.revealed - props.items.length;
  const next = (path: string) => {
    const q = new URLSearchParams(props.query);
    q.delete('from');
    q.set('shown', String(shown.next));
    if (path === `${at.path}/more`) q.set('from', String(shown.revealed));
    return `${path}?${q.toString()}`;
  };
  return (
    <div
      data-more-chunk
      data-shown={String(shown.revealed)}
      data-status={countText(site, shown, props.filtered, props.all, 'list')}
      data-next={shown.next === undefined ? '' : next(at.path)}
      data-next-more={shown.next === undefined ? '' : next(`${at.path}/more`)}
    >
      <ul>
        {props.items.map((l, i) => (
          <ResultCard site={site} l={l} queryString={props.queryString} index={from + i} listings={at.listings} />
        ))}
      </ul>
    </div>
  );
}

/** Filters beside or above the results: every change applies at once (the page's script submits the form). */
function InlineFilters(props: Props & { tabFilter?: string }) {
  const { site, all, filters, sort, queryString } = props;
  const at = props.at ?? SEARCH_RESULTS;
  const sortTabs = site.layout.tabs?.kind === 'sort';
  const carried: [string, string][] = [...new URLSearchParams(queryString), ...(sortTabs ? [['sort', sort.id] as [string, string]] : []), ...(props.view === 'map' ? [['view', 'map'] as [string, string]] : []), ...filterPairs(filters, props.tabFilter ? [props.tabFilter] : [])];
  return (
    <form class="filters" method="get" action={at.path} aria-label="Filter and sort results" data-autosubmit>
      <Carry pairs={carried} />
      {sortTabs ? null : <SortSelect site={site} sort={sort} />}
      {site.filters
        .filter((f) => f.id !== props.tabFilter)
        .map((f) => (
          <FilterControl f={f} all={[...all]} active={filters} />
        ))}
      <button type="submit" class="secondary">
        Apply filters
      </button>
      {Object.keys(without(filters, props.tabFilter ?? '')).length > 0 ? <a href={resultsHref(queryString, filterPairsOnly(filters, props.tabFilter), sort.id, {}, at.path)}>Clear filters</a> : null}
    </form>
  );
}

/** The filters a "Clear filters" link keeps: only the one shown as tabs. */
function filterPairsOnly(filters: ActiveFilters, keep: string | undefined): ActiveFilters {
  return keep && filters[keep] !== undefined ? { [keep]: filters[keep]! } : {};
}

/**
 * Filters behind a "Filters" button: a dialog with the filter form and an "Apply" button (nothing
 * applies before it). Without a script the button is a link to this page with the dialog open.
 * The sort stays outside, applied as soon as it changes.
 */
function DialogFilters(props: Props & { tabFilter?: string }) {
  const { site, all, filters, sort, queryString } = props;
  const at = props.at ?? SEARCH_RESULTS;
  const sortTabs = site.layout.tabs?.kind === 'sort';
  const active = Object.keys(without(filters, props.tabFilter ?? '')).length;
  const base = [...new URLSearchParams(queryString)] as [string, string][];
  const view: [string, string][] = props.view === 'map' ? [['view', 'map']] : [];
  const here = resultsHref(queryString, filters, sort.id, { view: props.view === 'map' ? 'map' : undefined }, at.path);
  return (
    <>
      <div class="filter-bar">
        {sortTabs ? null : (
          <form class="sort-form" method="get" action={at.path} aria-label="Sort results" data-autosubmit>
            <Carry pairs={[...base, ...view, ...filterPairs(filters, site.filters.map((f) => f.id))]} />
            <SortSelect site={site} sort={sort} />
            <button type="submit" class="secondary">
              Sort
            </button>
          </form>
        )}
        <a class="button filters-button" href={`${here}&panel=filters`} role="button" aria-haspopup="dialog" aria-expanded={props.filtersOpen ? 'true' : 'false'} aria-controls="filters-dialog" data-open-dialog="filters-dialog">
          {active > 0 ? `Filters (${active})` : 'Filters'}
        </a>
        {active > 0 ? <a href={resultsHref(queryString, filterPairsOnly(filters, props.tabFilter), sort.id, {}, at.path)}>Clear filters</a> : null}
      </div>
      <div class="dialog-backdrop" id="filters-dialog" hidden={!props.filtersOpen} data-dialog>
        <div class="modal filter-dialog" role="dialog" aria-modal="true" aria-labelledby="filters-title">
          <h2 id="filters-title">Filters</h2>
          <form class="filters" method="get" action={at.path} aria-label="Filter results">
            <Carry pairs={[...base, ['sort', sort.id], ...view, ...filterPairs(filters, props.tabFilter ? [props.tabFilter] : [])]} />
            {site.filters
              .filter((f) => f.id !== props.tabFilter)
              .map((f) => (
                <FilterControl f={f} all={[...all]} active={filters} />
              ))}
            <p class="dialog-actions">
              <button type="submit" class="primary">
                Apply
              </button>{' '}
              <a class="button secondary" href={here} data-close-dialog>
                Cancel
              </a>
            </p>
          </form>
        </div>
      </div>
    </>
  );
}

export function ResultsPage(props: Props) {
  const { site, shown, filters, sort, queryString, view } = props;
  const at = props.at ?? SEARCH_RESULTS;
  const tabs = site.layout.tabs;
  const tabFilter = tabs?.kind === 'filter' ? tabs.filter : undefined;
  const tabFilterSpec = site.filters.find((f) => f.id === tabFilter);
  const tabValues = tabFilterSpec?.kind === 'multi' ? multiFilterOptions(tabFilterSpec, props.all) : [];
  const tabList = resultTabs(site, queryString, filters, sort, tabValues, at.path);
  const selectedTab = tabList.find((t) => t.selected);
  const paging = site.layout.paging ?? 'pages';
  const href = (extra: Record<string, string | number | undefined>, path = at.path) => resultsHref(queryString, filters, sort.id, { view: view === 'map' ? 'map' : undefined, ...extra }, path);
  const start = firstIndex(shown, site.layout.pageSize);
  return (
    <div class="results-layout">
      <section class="results-head">
        <h1>{props.summary}</h1>
        <p>
          <a href={`/?${queryString}`}>Change search</a>
        </p>
        {site.layout.mapView ? <ViewToggle view={view} listHref={resultsHref(queryString, filters, sort.id, {}, at.path)} mapHref={resultsHref(queryString, filters, sort.id, { view: 'map' }, at.path)} /> : null}
      </section>
      {site.layout.filters === 'dialog' ? <DialogFilters {...props} tabFilter={tabFilter} /> : <InlineFilters {...props} tabFilter={tabFilter} />}
      <div class="results-main">
        <ResultTabs label={tabs?.kind === 'sort' ? 'Sort results' : (tabFilterSpec?.label ?? 'Results')} tabs={tabList} />
        <section class="results" aria-label="Results" {...(selectedTab ? { id: RESULTS_PANEL_ID, role: 'tabpanel', 'aria-labelledby': selectedTab.id } : tabList.length > 0 ? { id: RESULTS_PANEL_ID } : {})}>
          <p class="count" role="status">
            {countText(site, shown, props.filtered, props.all.length, view)}
          </p>
          {view === 'map' ? (
            <MapView site={site} items={shown.items} queryString={queryString} listings={at.listings} />
          ) : shown.items.length === 0 ? (
            <p>{site.wording.emptyResults}</p>
          ) : (
            <ul class="listings" data-results>
              {shown.items.map((l, i) => (
                <ResultCard site={site} l={l} queryString={queryString} index={start + i} listings={at.listings} />
              ))}
            </ul>
          )}
          {view === 'map' ? null : paging === 'pages' ? (
            <Pagination page={shown.page} pages={shown.pages} link={(p) => href({ page: p })} />
          ) : (
            <RevealMore kind={paging} shown={shown} href={href({ shown: shown.next })} moreHref={`${href({ shown: shown.next }, `${at.path}/more`)}&from=${shown.revealed}`} />
          )}
        </section>
      </div>
    </div>
  );
}
