import { Rng } from '../core/rng.js';
import { isInformative } from './advantages.js';

/** A group of rollouts of one task, identified by its round and position in that round. */
export type GroupRef = { key: string; rewards: readonly number[] };

/** The groups one update trains on; a duplicated group appears more than once. */
export type FilledBatch = { groups: GroupRef[]; kept: number; dropped: number; duplicated: number };

/**
 * DAPO's dynamic sampling filter: the informative groups (std > 0) in arrival order, at most
 * `batch` of them. Whether another round is needed is `needsAnotherRound`.
 */
export function keepInformative(groups: readonly GroupRef[], batch: number): FilledBatch {
  const informative = groups.filter((g) => isInformative(g.rewards));
  const kept = informative.slice(0, batch);
  return { groups: kept, kept: kept.length, dropped: groups.length - informative.length, duplicated: 0 };
}

/** Dynamic sampling keeps generating while the batch is short and the cap on extra rounds allows. */
export function needsAnotherRound(groups: readonly GroupRef[], batch: number, extraRoundsDone: number, maxExtraRounds: number): boolean {
  return groups.filter((g) => isInformative(g.rewards)).length < batch && extraRoundsDone < maxExtraRounds;
}

/**
 * DUPO (WebSailor): drop the groups whose rewards all agree, then fill their slots by duplicating
 * informative groups of the same batch, chosen at random (seeded) without repeats until each
 * informative group has been copied once, then again. No informative group: an empty batch.
 */
export function duplicateToFill(groups: readonly GroupRef[], batch: number, seed: string): FilledBatch {
  const informative = groups.filter((g) => isInformative(g.rewards)).slice(0, batch);
  const dropped = groups.length - groups.filter((g) => isInformative(g.rewards)).length;
  const out = [...informative];
  if (informative.length === 0) return { groups: [], kept: 0, dropped, duplicated: 0 };
  const rng = new Rng(`dupo:${seed}`);
  let pool: GroupRef[] = [];
  while (out.length < batch) {
    if (pool.length === 0) pool = rng.shuffle(informative);
    out.push(pool.pop()!);
  }
  return { groups: out, kept: informative.length, dropped, duplicated: out.length - informative.length };
}

/** GRPO keeps every group, informative or not (a group whose rewards agree has zero advantages). */
export function keepAll(groups: readonly GroupRef[]): FilledBatch {
  return { groups: [...groups], kept: groups.length, dropped: 0, duplicated: 0 };
}
