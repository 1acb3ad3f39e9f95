import { InvalidInputError } from '../core/errors.js';
import { SITES, siteById } from './registry.js';

/**
 * The standard split of BookingArena's sites for generalization studies (issue 21): train on
 * 15 sites, test on 5 held out. Every held-out site has a cousin in training, so that "does it
 * transfer?" asks about a new site, not about a domain or a flow nobody has seen:
 *
 * | held out | its cousins in training | what carries over |
 * |---|---|---|
 * | `railgo` (trains) | `coachly` (coaches), `skyhop` (flights), `ferryway` (ferries) | stations and dates, departures by time, passengers by type, fares and classes |
 * | `nestaway` (holiday rentals) | `staywell` (hotels), `campfire` (campsites) | stay dates, guests, nightly prices, cancellation policies, My bookings |
 * | `screenly` (cinema) | `ticketnest` (event seats), `seaberth` (deck plan as a seat map) | a show then seats on a seat map, card payment |
 * | `transferly` (airport transfers) | `wheelo` (car rental), `parkspot` (parking) | airport pick-ups, dates with times, vehicle classes, a required account and card |
 * | `workhive` (coworking desks and rooms) | `courtside` (court slots), `glowly` (salon slots) | a resource by the hour on a slot grid or timeline, repeats, My bookings |
 *
 * The names are fixed even where a site is not registered yet (`workhive`, the 20th site, may
 * land after this file): `splitSites` gives the registered ones only, so code keeps working
 * before and after it lands.
 */
export const SITE_SPLIT = {
  heldOut: ['railgo', 'nestaway', 'screenly', 'transferly', 'workhive'],
  train: ['skyhop', 'staywell', 'forkful', 'wheelo', 'ticketnest', 'coachly', 'ferryway', 'packfly', 'medibook', 'tourbase', 'parkspot', 'glowly', 'courtside', 'campfire', 'seaberth'],
} as const;

export type SplitName = keyof typeof SITE_SPLIT;

/** The registered sites of a part of the split, in the split's order (a named site not registered yet is left out). */
export function splitSites(part: SplitName): string[] {
  const registered = new Set(SITES.map((s) => s.id));
  return SITE_SPLIT[part].filter((id) => registered.has(id));
}

/** How a site list names a part of the split: `split:train`, `split:heldout` (also `split:held-out`, `split:test`). */
const PART_NAMES: Record<string, SplitName> = { train: 'train', heldout: 'heldOut', 'held-out': 'heldOut', test: 'heldOut' };

/**
 * A site list as the CLI takes it: comma-separated site ids and split parts, e.g. `skyhop,staywell`,
 * `split:train`, `split:heldout,forkful`. Unknown sites and parts fail with the names that work;
 * duplicates are dropped, the order kept.
 */
export function parseSiteList(spec: string): string[] {
  const out: string[] = [];
  for (const raw of spec.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    if (item.startsWith('split:')) {
      const part = PART_NAMES[item.slice('split:'.length).toLowerCase()];
      if (!part) throw new InvalidInputError(`unknown part of the site split "${item}"`, { hint: 'use split:train or split:heldout' });
      out.push(...splitSites(part));
    } else out.push(siteById(item).id);
  }
  if (out.length === 0) throw new InvalidInputError(`the site list "${spec}" names no site`, { hint: 'give site ids separated by commas, or split:train / split:heldout' });
  return [...new Set(out)];
}
