import type { z } from 'zod';
import type { Rng } from '../core/rng.js';

/**
 * One kind of inventory (flights, hotels, ...). A domain module owns the schema of its rows
 * and the generator that makes them from the seed; the world builder knows nothing else.
 */
export type DomainModule<T extends { id: string } = { id: string }> = {
  /** Collection key in the world and table name in SQLite, e.g. "flights". */
  readonly key: string;
  readonly schema: z.ZodType<T>;
  /** Must be a pure function of the rng stream: same stream, same rows, same order. */
  generate(rng: Rng): T[];
};
