import { isWebTask, type BookingTask, type WebTask } from '../../core/schemas/task.js';
import { evaluate } from '../../evaluation/evaluate.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { labelState } from '../../tasks/hindsight-label.js';
import type { World } from '../../world/world.js';
import { mayHaveChanged, type Checkpoint, type ExploreStep } from './types.js';

/** NNetNav's prune points: every 4 steps. */
export const PRUNE_EVERY = 4;
/** The ORM score a prefix needs for the exploration to go on (1-5). */
export const DEFAULT_ORM_THRESHOLD = 4;

/** Steps in a row that changed nothing after which an exploration with nothing to label stops. */
export const IDLE_LIMIT = 12;

/** Steps at the end of a prefix that changed nothing the state records. */
export function idleSteps(prefix: readonly ExploreStep[]): number {
  let n = 0;
  for (let i = prefix.length - 1; i >= 0 && !mayHaveChanged(prefix[i]!); i--) n++;
  return n;
}

/** Whether the exploration is checked after `depth` steps. */
export const isPrunePoint = (depth: number) => depth > 0 && depth % PRUNE_EVERY === 0;

/** Labels a prefix and scores it against its label: what an exploration decides at a prune point. */
export type Labeler = (prefix: readonly ExploreStep[], depth: number) => Promise<Checkpoint>;

/**
 * The embedded labeler and reward model: the label is what the prefix's state holds (the site's
 * catalogue phrases it), the score 1 + 4 x the prefix's CSR against it. A prefix whose state
 * holds nothing to ask for scores 1.
 */
export function embeddedLabeler(site: SiteDefinition, world: World, episodeId: string, threshold = DEFAULT_ORM_THRESHOLD): Labeler {
  return async (prefix, depth) => {
    const state = prefix[depth - 1]?.state ?? undefined;
    const labeled = labelState({ site, world, state, id: `${episodeId}-${depth}`, seed: `${episodeId}/${depth}` });
    // Nothing to label yet (a form half filled in): judged again at the next prune point,
    // unless the explorer has changed nothing for IDLE_LIMIT steps.
    if ('problem' in labeled) return { depth, task: undefined, problem: labeled.problem, ormScore: 1, passed: idleSteps(prefix.slice(0, depth)) < IDLE_LIMIT };
    const ormScore = 1 + 4 * evaluate(labeled.task, state).csr;
    return { depth, task: labeled.task, ormScore, passed: ormScore >= threshold };
  };
}

/**
 * What a label asks, independent of its wording: two prefixes with the same label teach the same
 * task. An open-web instruction has no constraints: its words (case and spacing aside) are what it asks.
 */
export function labelKey(task: BookingTask | WebTask): string {
  if (isWebTask(task)) return task.instruction.toLowerCase().replace(/\s+/g, ' ').trim();
  return task.constraints
    .map((c) => JSON.stringify({ ...c, phrase: undefined, templateId: undefined, id: undefined }))
    .sort()
    .join('|');
}

/**
 * The checkpoints that become demonstrations: every passed one whose label differs from the
 * previous kept one (four steps that changed nothing teach nothing new).
 */
export function survivors(checkpoints: readonly Checkpoint[]): Checkpoint[] {
  const out: Checkpoint[] = [];
  let last: string | undefined;
  for (const c of checkpoints) {
    if (!c.passed || !c.task) continue;
    const key = labelKey(c.task);
    if (key === last) continue;
    last = key;
    out.push(c);
  }
  return out;
}
