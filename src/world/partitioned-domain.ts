import type { z } from 'zod';
import type { Rng } from '../core/rng.js';
import type { DomainModule } from './domain-module.js';

/**
 * Inventory too large to store whole, such as every route's flights on every day of the
 * horizon: a stored parent domain (the routes with their timetables) and a generator that makes
 * the rows of one partition (one parent row on one key, a route on a date) from a stream fixed by
 * the world seed, this domain and the partition. The world makes a partition's rows when they are
 * first asked for and keeps the recent ones (`World.rowsOf`, `World.find`), so a search costs the
 * same as over stored rows while the world stays small enough to build and load in under a second.
 *
 * The rows are as deterministic as stored ones: a pure function of the seed, the parent row and
 * the key. Every change to `generate` must bump WORLD_VERSION, as for stored rows.
 */
export type PartitionedDomain<P extends { id: string } = { id: string }, T extends { id: string } = { id: string }> = {
  /** Name of the rows ("flights"); never a stored collection. */
  readonly key: string;
  /** The stored rows each partition belongs to ("flightRoutes"). */
  readonly parent: DomainModule<P>;
  readonly schema: z.ZodType<T>;
  /** The keys a parent row has rows for (every date of the horizon). */
  keysOf(parent: P): readonly string[];
  /** The rows of one parent on one key, in a fixed order; a pure function of its arguments. */
  generate(parent: P, key: string, rng: Rng): T[];
  /** The partition an id belongs to (ids name it), or undefined for an id this domain never makes. */
  locate(id: string): { parentId: string; key: string } | undefined;
};

/** Partitions a world keeps per domain; older ones are made again when asked for. */
export const PARTITION_CACHE_SIZE = 2048;
