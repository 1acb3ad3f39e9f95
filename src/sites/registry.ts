import { NotFoundError } from '../core/errors.js';
import type { SiteDefinition } from './engine/site-definition.js';
// One import per site.
// @site-imports
import { skyhop } from './skyhop/index.js';
import { staywell } from './staywell/index.js';
import { forkful } from './forkful/index.js';
import { wheelo } from './wheelo/index.js';
import { ticketnest } from './ticketnest/index.js';
import { railgo } from './railgo/index.js';

/** Every BookingArena site, in listing order. */
export const SITES: readonly SiteDefinition[] = [
  // @site-list
  skyhop,
  staywell,
  forkful,
  wheelo,
  ticketnest,
  railgo,
];

export function siteById(id: string): SiteDefinition {
  const site = SITES.find((s) => s.id === id);
  if (!site) {
    throw new NotFoundError(`unknown site "${id}"`, { hint: `known sites: ${SITES.map((s) => s.id).join(', ')}` });
  }
  return site;
}
