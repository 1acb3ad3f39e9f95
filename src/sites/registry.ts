import { NotFoundError } from '../core/errors.js';
import type { SiteDefinition } from './engine/site-definition.js';
import type { TaskCatalogue } from './kit/task-catalogue.js';
import type { DomainModule } from '../world/domain-module.js';
import type { PartitionedDomain } from '../world/partitioned-domain.js';
import { buildWorld } from '../world/build-world.js';
import { loadWorld, type LoadedWorld } from '../world/world-store.js';
import type { World } from '../world/world.js';
// One import per site: adding a site is its folder and a line here and in SITES.
import { skyhop } from './skyhop/index.js';
import { staywell } from './staywell/index.js';
import { forkful } from './forkful/index.js';
import { wheelo } from './wheelo/index.js';
import { ticketnest } from './ticketnest/index.js';
import { railgo } from './railgo/index.js';
import { coachly } from './coachly/index.js';
import { ferryway } from './ferryway/index.js';
import { packfly } from './packfly/index.js';
import { screenly } from './screenly/index.js';
import { medibook } from './medibook/index.js';
import { tourbase } from './tourbase/index.js';
import { nestaway } from './nestaway/index.js';
import { parkspot } from './parkspot/index.js';
import { transferly } from './transferly/index.js';
import { glowly } from './glowly/index.js';
import { courtside } from './courtside/index.js';
import { campfire } from './campfire/index.js';
import { seaberth } from './seaberth/index.js';
import { workhive } from './workhive/index.js';

/** Every BookingArena site, in listing order. */
export const SITES: readonly SiteDefinition[] = [
  skyhop,
  staywell,
  forkful,
  wheelo,
  ticketnest,
  railgo,
  coachly,
  ferryway,
  packfly,
  screenly,
  medibook,
  tourbase,
  nestaway,
  parkspot,
  transferly,
  glowly,
  courtside,
  campfire,
  seaberth,
  workhive,
];

/** Every inventory domain the sites sell from, each once, in site order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DOMAINS: readonly DomainModule<any>[] = [...new Map(SITES.flatMap((s) => s.domains).map((d) => [d.key, d])).values()];

/** Inventory the sites make on demand from stored rows (see world/partitioned-domain.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PARTITIONED: readonly PartitionedDomain<any, any>[] = [...new Map(SITES.flatMap((s) => s.partitioned ?? []).map((d) => [d.key, d])).values()];

/** The world of every site's inventory for a seed, built in memory. */
export function buildArenaWorld(seed: number): World {
  return buildWorld(seed, DOMAINS);
}

/** The world of every site's inventory for a seed, from the SQLite cache (built on first use). */
export function loadArenaWorld(seed: number, cacheDir?: string): LoadedWorld {
  return loadWorld(seed, DOMAINS, cacheDir);
}

/** A site's task catalogue. */
export function catalogueFor(siteId: string): TaskCatalogue {
  return siteById(siteId).tasks;
}

export function siteById(id: string): SiteDefinition {
  const site = SITES.find((s) => s.id === id);
  if (!site) {
    throw new NotFoundError(`unknown site "${id}"`, { hint: `known sites: ${SITES.map((s) => s.id).join(', ')}` });
  }
  return site;
}
