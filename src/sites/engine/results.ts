import { timeToMinutes } from '../../core/dates.js';
import { parseWholeNumber } from '../../core/numbers.js';
import type { AttrValue } from '../../core/schemas/episode-state.js';
import type { FieldOption, FilterSpec, Listing, SiteDefinition, SortSpec } from './site-definition.js';

/** Filter values by filter id: one string, or several for multi/timeWindow filters. */
export type ActiveFilters = Record<string, string | string[]>;

type Query = { get(name: string): string | null | undefined; getAll(name: string): string[] };

export const FILTER_PREFIX = 'f_';

/** Reads filters from the query (f_<id>=value, repeated for multi-valued ones). */
export function parseFilters(site: SiteDefinition, query: Query): ActiveFilters {
  const out: ActiveFilters = {};
  for (const f of site.filters) {
    const key = FILTER_PREFIX + f.id;
    if (f.kind === 'multi' || f.kind === 'timeWindow') {
      const values = query.getAll(key).filter((v) => v !== '');
      if (values.length > 0) out[f.id] = values;
    } else {
      const v = query.get(key);
      if (v) out[f.id] = v;
    }
  }
  return out;
}

export function parseSort(site: SiteDefinition, query: Query): SortSpec {
  const id = query.get('sort');
  return site.sorts.find((s) => s.id === id) ?? site.sorts[0]!;
}

export function parsePage(query: Query): number {
  const n = parseWholeNumber(query.get('page') ?? '1');
  return n !== undefined && n >= 1 && n <= 10_000 ? n : 1;
}

function asArray(v: AttrValue | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [String(v)];
}

function matches(f: FilterSpec, value: string | string[], listing: Listing): boolean {
  const attr = listing.attrs[f.attr];
  switch (f.kind) {
    case 'multi': {
      const wanted = Array.isArray(value) ? value : [value];
      const have = asArray(attr);
      return f.mode === 'all' ? wanted.every((w) => have.includes(w)) : wanted.some((w) => have.includes(w));
    }
    case 'max':
      return typeof attr === 'number' && attr <= Number(value);
    case 'min':
      return typeof attr === 'number' && attr >= Number(value);
    case 'flag':
      return attr === true;
    case 'timeWindow': {
      if (typeof attr !== 'string') return false;
      const t = timeToMinutes(attr);
      const wanted = Array.isArray(value) ? value : [value];
      return f.windows.some((w) => wanted.includes(w.value) && t >= timeToMinutes(w.from) && t <= timeToMinutes(w.to));
    }
  }
}

export function applyFilters(site: SiteDefinition, listings: readonly Listing[], active: ActiveFilters): Listing[] {
  const specs = site.filters.filter((f) => active[f.id] !== undefined);
  return listings.filter((l) => specs.every((f) => matches(f, active[f.id]!, l)));
}

/** Stable sort; sold-out listings always sink to the end, as real sites do. */
export function applySort(listings: readonly Listing[], sort: SortSpec): Listing[] {
  const dir = sort.dir === 'asc' ? 1 : -1;
  const key = (l: Listing): number | string => {
    const v = l.attrs[sort.attr];
    return typeof v === 'number' || typeof v === 'string' ? v : 0;
  };
  return listings
    .map((l, i) => ({ l, i }))
    .sort((a, b) => {
      if (a.l.soldOut !== b.l.soldOut) return a.l.soldOut ? 1 : -1;
      const ka = key(a.l);
      const kb = key(b.l);
      if (ka < kb) return -dir;
      if (ka > kb) return dir;
      return a.i - b.i;
    })
    .map((x) => x.l);
}

export function paginate<T>(items: readonly T[], page: number, pageSize: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const p = Math.min(page, pages);
  return { items: items.slice((p - 1) * pageSize, p * pageSize), page: p, pages };
}

/** The checkbox values of a multi filter: declared ones, else every value seen in the results. */
export function multiFilterOptions(f: Extract<FilterSpec, { kind: 'multi' }>, listings: readonly Listing[]): FieldOption[] {
  if (f.options) return f.options;
  const seen = new Set<string>();
  for (const l of listings) for (const v of asArray(l.attrs[f.attr])) seen.add(v);
  return [...seen].sort().map((v) => ({ value: v, label: v }));
}

export type ResultsView = 'list' | 'map';

/** The map view when the site has one and the query asks for it; the list otherwise. */
export function parseView(site: SiteDefinition, query: Query): ResultsView {
  return site.layout.mapView && query.get('view') === 'map' ? 'map' : 'list';
}

/** What one results page shows of the sorted, filtered results, and where the rest are. */
export type Revealed<T> = {
  items: T[];
  /** Pagination: the page shown and how many there are (1 of 1 otherwise). */
  page: number;
  pages: number;
  /** Results shown, from the first: the page's with pagination, the first N with load more or infinite scroll, every one on the map. */
  revealed: number;
  /** The `shown` value that reveals the next batch, when there is one (load more, infinite scroll). */
  next?: number;
};

/**
 * The results a page shows: one numbered page (`page`), or with load more and infinite scroll
 * the first `shown` (rounded up to whole batches of `pageSize`, at least one batch), or on the
 * map every result.
 */
export function revealResults<T>(site: SiteDefinition, items: readonly T[], query: Query, view: ResultsView = 'list'): Revealed<T> {
  const size = site.layout.pageSize;
  if (view === 'map') return { items: [...items], page: 1, pages: 1, revealed: items.length };
  if ((site.layout.paging ?? 'pages') === 'pages') {
    const p = paginate(items, parsePage(query), size);
    return { ...p, revealed: p.items.length };
  }
  const asked = Number(query.get('shown') ?? size);
  const batches = Number.isInteger(asked) && asked >= 1 && asked <= 10_000 ? Math.ceil(asked / size) : 1;
  const shown = Math.min(items.length, batches * size);
  return { items: items.slice(0, shown), page: 1, pages: 1, revealed: shown, next: shown < items.length ? Math.min(items.length, shown + size) : undefined };
}
