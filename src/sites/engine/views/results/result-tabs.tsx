import type { SiteDefinition, SortSpec } from '../../site-definition.js';
import type { ActiveFilters } from '../../results.js';
import { resultsHref, SEARCH_RESULTS, without } from './links.js';

export const RESULTS_PANEL_ID = 'results-panel';

type Tab = { id: string; label: string; href: string; selected: boolean };

/** The tabs of a results page: its sorts, or the values of one filter (plus "all"). */
export function resultTabs(site: SiteDefinition, queryString: string, filters: ActiveFilters, sort: SortSpec, all: { value: string; label: string }[], path = SEARCH_RESULTS.path): Tab[] {
  const tabs = site.layout.tabs;
  if (!tabs) return [];
  if (tabs.kind === 'sort') {
    return site.sorts.map((s) => ({ id: `tab-${s.id}`, label: s.label, href: resultsHref(queryString, filters, s.id, {}, path), selected: s.id === sort.id }));
  }
  const current = filters[tabs.filter];
  const one = Array.isArray(current) ? (current.length === 1 ? current[0] : undefined) : current;
  const rest = without(filters, tabs.filter);
  return [
    { id: 'tab-all', label: tabs.allLabel, href: resultsHref(queryString, rest, sort.id, {}, path), selected: current === undefined },
    ...all.map((o) => ({ id: `tab-${o.value}`, label: o.label, href: resultsHref(queryString, { ...rest, [tabs.filter]: [o.value] }, sort.id, {}, path), selected: one === o.value })),
  ];
}

/** A tab list of links: each tab loads its results into the panel below (arrow keys move between tabs). */
export function ResultTabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  if (tabs.length === 0) return null;
  const focusable = tabs.some((t) => t.selected) ? (t: Tab) => t.selected : (t: Tab) => t === tabs[0];
  return (
    <div class="result-tabs" role="tablist" aria-label={label} data-tabs>
      {tabs.map((t) => (
        <a role="tab" id={t.id} href={t.href} aria-selected={t.selected ? 'true' : 'false'} aria-controls={RESULTS_PANEL_ID} tabindex={focusable(t) ? 0 : -1}>
          {t.label}
        </a>
      ))}
    </div>
  );
}
