import type { FilterSpec, Listing, SiteDefinition, SortSpec } from '../../site-definition.js';
import { FILTER_PREFIX, multiFilterOptions, type ActiveFilters } from '../../results.js';

function has(active: ActiveFilters, id: string, value: string): boolean {
  const v = active[id];
  return Array.isArray(v) ? v.includes(value) : v === value;
}

export function FilterControl({ f, all, active }: { f: FilterSpec; all: Listing[]; active: ActiveFilters }) {
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

/** Hidden inputs that carry the search (and whatever else the form does not show) through a submit. */
export function Carry({ pairs }: { pairs: [string, string][] }) {
  return (
    <>
      {pairs.map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

export function SortSelect({ site, sort, id = 'f-sort' }: { site: SiteDefinition; sort: SortSpec; id?: string }) {
  return (
    <div class="filter sort">
      <label for={id}>Sort by</label>
      <select id={id} name="sort">
        {site.sorts.map((s) => (
          <option value={s.id} selected={s.id === sort.id}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The pairs a filter form carries for filters it does not show (a filter shown as tabs). */
export function filterPairs(active: ActiveFilters, ids: readonly string[]): [string, string][] {
  return ids.flatMap((id) => {
    const v = active[id];
    return v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [FILTER_PREFIX + id, x]);
  });
}
