import type { Difficulty, Split, BookingTask } from '../core/schemas/task.js';
import { InvalidInputError } from '../core/errors.js';
import type { SiteDefinition } from '../sites/engine/site-definition.js';
import type { World } from '../world/world.js';
import { catalogueFor } from '../sites/registry.js';
import { generateTask } from './generate-task.js';
import { generateManageTask } from './manage-task.js';
import { taskSignature } from './task-signature.js';
import { heldOutSignatures } from './task-file.js';

export type BatchOptions = {
  sites: readonly SiteDefinition[];
  /** Tasks per site. */
  count: number;
  seed: number;
  split: Split;
  world: World;
  /**
   * Further signatures that must not be produced. Train and dev batches never produce a task of
   * a shipped suite (`heldOutSignatures()`) whether or not it is given here.
   */
  exclude?: ReadonlySet<string>;
  onTask?: (task: BookingTask) => void;
};

const TIERS: Difficulty[] = ['easy', 'medium', 'hard'];
const MANAGE_EVERY = 5;

/**
 * N tasks per site, difficulties in rotation, deterministic by seed. Draws that cannot make a
 * task (or that coincide with an excluded one, or a task already made) are redrawn.
 */
export function generateTasks(o: BatchOptions): BookingTask[] {
  const out: BookingTask[] = [];
  // The held-out suites are excluded here, not by each caller: no train or dev batch can forget them.
  const heldOut = o.split === 'test' ? undefined : heldOutSignatures();
  for (const site of o.sites) {
    const catalogue = catalogueFor(site.id);
    const seen = new Set<string>();
    let index = 0;
    let made = 0;
    let misses = 0;
    while (made < o.count) {
      const difficulty = TIERS[made % TIERS.length]!;
      // On a site with "My bookings" policies, every fifth task is about a booking the user already has.
      const generate = site.manage && made % MANAGE_EVERY === MANAGE_EVERY - 1 ? generateManageTask : generateTask;
      const task = generate({ site, catalogue, world: o.world, seed: o.seed, index: index++, difficulty, split: o.split });
      const sig = task && taskSignature(task);
      if (!task || !sig || seen.has(sig) || o.exclude?.has(sig) || heldOut?.has(sig)) {
        if (++misses > 50 + o.count * 20) {
          throw new InvalidInputError(`could not make ${o.count} distinct ${o.split} tasks for ${site.id} (made ${made})`, { hint: 'ask for fewer tasks or another seed' });
        }
        continue;
      }
      seen.add(sig);
      out.push(task);
      made++;
      o.onTask?.(task);
    }
  }
  return out;
}
