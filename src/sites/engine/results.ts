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
