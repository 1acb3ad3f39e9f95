import { NotFoundError } from '../../core/errors.js';
import type { TaskCatalogue } from '../catalogue.js';
// One import per site.
// @catalogue-imports
import { forkfulTasks } from './forkful.js';
import { railgoTasks } from './railgo.js';
import { skyhopTasks } from './skyhop.js';
import { staywellTasks } from './staywell.js';
import { ticketnestTasks } from './ticketnest.js';
import { wheeloTasks } from './wheelo.js';

/** Task catalogues by site id. */
export const CATALOGUES: readonly TaskCatalogue[] = [
  // @catalogue-list
  forkfulTasks,
  railgoTasks,
  skyhopTasks,
  staywellTasks,
  ticketnestTasks,
  wheeloTasks,
];

export function catalogueFor(siteId: string): TaskCatalogue {
  const c = CATALOGUES.find((x) => x.siteId === siteId);
  if (!c) throw new NotFoundError(`no task catalogue for site "${siteId}"`, { hint: `sites with tasks: ${CATALOGUES.map((x) => x.siteId).join(', ')}` });
  return c;
}
