import type { BookingTask } from '../core/schemas/task.js';
import type { SiteDefinition } from '../sites/engine/site-definition.js';
import type { World } from '../world/world.js';
import { manageRequestOf } from './manage-task.js';

/**
 * What a task exercises, as named features a suite can be checked to cover:
 * - `kind:<k>`: a constraint kind (exact, range, set, time_window, date_window, superlative,
 *   count, details, addon, booked);
 * - `component:<c>`: a flow component of issue 15 the booking goes through: `round:<slot>` (a
 *   return leg, a package's flights, a campsite's package, a cruise's excursion: a second round of
 *   choosing), `cart` (several items checked out once), `account`, `payment`, `wizard`, and the
 *   option widgets that are more than a list: `seatmap`, `slots`, `timeline`, `quantities`;
 * - `manage:<action>`: a task about a booking the user already has (cancel, dates, travellers).
 */
export type Feature = string;

/** Option displays that are flow components of their own (a plain list, cards or grid are not). */
const COMPONENT_DISPLAYS = new Set(['seatmap', 'slots', 'timeline', 'quantities']);

/** The components a site's definition declares: its flow steps' needs and its manage policy. What a suite must cover on it. */
export function declaredComponents(site: SiteDefinition): Feature[] {
  const out: Feature[] = [];
  for (const step of site.flow ?? []) {
    const m = step.meta;
    if (!m) continue;
    if (m.round) out.push(`component:round:${m.round.slot}`);
    if (m.cart) out.push('component:cart');
    if (m.account) out.push('component:account');
    if (m.payment) out.push('component:payment');
    if (m.wizard) out.push('component:wizard');
  }
  if (site.manage) {
    out.push('manage:cancel');
    if (site.manage.dateFields.length > 0) out.push('manage:dates');
    if (site.manage.travellers) out.push('manage:travellers');
  }
  return out;
}

function roundSlots(site: SiteDefinition): Set<string> {
  return new Set((site.flow ?? []).flatMap((s) => (s.meta?.round ? [s.meta.round.slot] : [])));
}

/** The option widgets a booking of one part picks from (seat map, slot grid...), read from its listing page. */
function displaysOf(site: SiteDefinition, world: World, part: { params: Record<string, string | number>; listingId: string; choices: Record<string, string>; multi?: Record<string, string[]> | undefined; quantities?: Record<string, Record<string, number>> | undefined }): string[] {
  const detail = site.detail(world, part.params, part.listingId);
  if (!detail) return [];
  return detail.optionGroups.filter((g) => part.choices[g.id] !== undefined || part.multi?.[g.id] !== undefined || part.quantities?.[g.id] !== undefined).map((g) => g.display);
}

/** The features a task exercises on its site (see `Feature`). */
export function taskFeatures(task: BookingTask, site: SiteDefinition, world: World): Feature[] {
  const out = new Set<Feature>(task.constraints.map((c) => `kind:${c.kind}`));
  if (task.manage) {
    const request = manageRequestOf(task, site);
    if (request) out.add(`manage:${request.action}`);
    return [...out].sort();
  }
  const t = task.target;
  const rounds = roundSlots(site);
  const steps = site.flow ?? [];
  for (const item of t.items ?? []) out.add(rounds.has(item.slot) ? `component:round:${item.slot}` : 'component:cart');
  if (t.account && steps.some((s) => s.meta?.account)) out.add('component:account');
  if (t.card && steps.some((s) => s.meta?.payment)) out.add('component:payment');
  if (steps.some((s) => s.meta?.wizard)) out.add('component:wizard');
  for (const part of [t, ...(t.items ?? [])]) for (const d of displaysOf(site, world, part)) if (COMPONENT_DISPLAYS.has(d)) out.add(`component:${d}`);
  return [...out].sort();
}
