import type { PriceBreakdown, SelectionState, SiteEpisodeState } from '../../../core/schemas/episode-state.js';
import type { World } from '../../../world/world.js';
import { contextFor, paramsOf } from '../flow.js';
import type { SelectionContext, SiteDefinition } from '../site-definition.js';

/** The context of one chosen item (the selection, a return leg, a cart item), with these add-ons. */
export function itemContext(site: SiteDefinition, world: World, item: SelectionState, extras: Record<string, number> = {}): SelectionContext | undefined {
  return contextFor(site, world, item, paramsOf(item), extras);
}

/**
 * What the whole booking costs: the selection with its add-ons, then every other item of the
 * booking (a return leg, a cart item), each priced by the site and named in its lines.
 */
export function priceOfEpisode(site: SiteDefinition, world: World, state: SiteEpisodeState, extras = state.form?.extras ?? {}): PriceBreakdown | undefined {
  if (!state.selection) return undefined;
  const main = itemContext(site, world, state.selection, extras);
  if (!main) return undefined;
  const first = site.price(main);
  if (state.extraItems.length === 0) return first;
  const lines = state.extraItems.length ? first.lines.map((l) => ({ label: `${state.selection!.title}: ${l.label}`, amount: l.amount })) : first.lines;
  let total = first.total;
  for (const item of state.extraItems) {
    const ctx = itemContext(site, world, item);
    if (!ctx) return undefined;
    const p = site.price(ctx);
    for (const l of p.lines) lines.push({ label: `${item.title}: ${l.label}`, amount: l.amount });
    total += p.total;
  }
  return { currency: first.currency, lines, total: Math.round(total * 100) / 100 };
}
