import type { Attrs, Person } from '../../../core/schemas/episode-state.js';
import { factRows } from '../fact-rows.js';
import type { SelectionContext, SiteDefinition } from '../site-definition.js';
import type { World } from '../../../world/world.js';
import type { BookingSummaryView } from '../views/booking-pages.js';
import { MessagePage } from '../views/booking-pages.js';
import type { C, StepKit } from './kit.js';

/** How a search value reads in a form: an autocomplete's label ("Lisbon (LIS)"), a select's option label. */
export function displayValue(site: SiteDefinition, world: World, name: string, value: string | number): string {
  const f = site.searchFields.find((x) => x.name === name);
  if (f?.kind === 'autocomplete') return site.labelFor(world, f.source, String(value)) ?? String(value);
  if (f?.kind === 'select' || f?.kind === 'radio') return f.options.find((o) => o.value === String(value))?.label ?? String(value);
  return String(value);
}

export const nothingSelected = (kit: StepKit, c: C) =>
  kit.render(c, 'details', 'Nothing selected', <MessagePage heading="Nothing selected yet" body="Search and choose an option first." />, 409);

/** Every fact a task can check, the people and the add-ons: what the review and confirmation pages list. */
export function summaryOf(
  site: SiteDefinition,
  world: World,
  attrs: Attrs,
  travellers: Person[],
  contact: Record<string, string>,
  extras: Record<string, number>,
  ctx: Omit<SelectionContext, 'extras'> | undefined,
): BookingSummaryView {
  const offered = ctx ? site.extras(ctx) : [];
  const included = ctx ? (site.includedExtras?.(ctx) ?? []) : [];
  return {
    facts: factRows(site, world, attrs),
    travellers: travellers.map((t) => [t.firstName, t.lastName].filter(Boolean).join(' ') || Object.values(t).slice(0, 2).join(' ')),
    travellerLabels: travellers.map((_, i) => site.wording.travellerLabel(i + 1)),
    contact: site.contactFields.filter((f) => (contact[f.name] ?? '') !== '').map((f) => ({ label: f.label, value: contact[f.name]! })),
    extras: Object.entries(extras)
      .filter(([, q]) => q > 0)
      .map(([id, q]) => {
        const x = offered.find((o) => o.id === id);
        const inc = included.find((o) => o.id === id);
        if (inc) return `${inc.label} (included)`;
        const label = x?.label ?? id;
        return x?.kind === 'stepper' ? `${label} × ${q}` : label;
      }),
  };
}
