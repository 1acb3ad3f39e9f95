import { formatDuration, longDate } from '../../core/dates.js';
import type { Attrs, AttrValue } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import type { FactSpec, SiteDefinition } from './site-definition.js';
import { money } from './views/format.js';

/** How a fact reads on the pages: the site's own formatter, else by kind. */
export function formatFact(spec: FactSpec, value: AttrValue, world: World, currency: string): string {
  if (spec.format) return spec.format(value, world);
  switch (spec.kind) {
    case 'money':
      return typeof value === 'number' ? money(value, currency) : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? longDate(value) : String(value);
    case 'flag':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'list':
      return Array.isArray(value) ? (value.length ? value.join(', ') : 'None') : String(value);
    case 'duration':
      return typeof value === 'number' ? formatDuration(value) : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** The rows the review and confirmation pages list: every declared fact the attrs carry. */
export function factRows(site: SiteDefinition, world: World, attrs: Attrs): { field: string; label: string; value: string }[] {
  const rows: { field: string; label: string; value: string }[] = [];
  for (const spec of site.facts) {
    const v = attrs[spec.field];
    if (v === undefined || v === '') continue;
    rows.push({ field: spec.field, label: spec.label, value: formatFact(spec, v, world, site.currency) });
  }
  return rows;
}
